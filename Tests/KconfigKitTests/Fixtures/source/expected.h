/*
 * Automatically generated file; DO NOT EDIT.
 * Sourcing
 */
#define CONFIG_SUB 1
#define CONFIG_DEEPER 1
#define CONFIG_LAST 7
#define CONFIG_TOP 1
