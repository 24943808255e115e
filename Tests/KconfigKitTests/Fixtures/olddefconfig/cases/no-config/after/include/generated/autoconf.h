/*
 * Automatically generated file; DO NOT EDIT.
 * Stale configurations
 */
#define CONFIG_LEVEL 3
#define CONFIG_BASE 0x2000
#define CONFIG_NAME "none"
#define CONFIG_MODE_A 1
#define CONFIG_NEW_FEATURE 1
