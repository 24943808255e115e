/*
 * Automatically generated file; DO NOT EDIT.
 * All configs
 */
#define CONFIG_MODULES 1
#define CONFIG_NAME "unikit"
#define CONFIG_ALLOC_TLSF 1
#define CONFIG_NET 1
#define CONFIG_COUNT 4
#define CONFIG_ADDRESS 0x1000
