/*
 * Automatically generated file; DO NOT EDIT.
 * All configs
 */
#define CONFIG_UNPROMPTED 1
#define CONFIG_BASE 1
#define CONFIG_HELPER 1
#define CONFIG_NAME "unikit"
#define CONFIG_ALLOC_TLSF 1
#define CONFIG_CODEC_A 1
#define CONFIG_COUNT 4
#define CONFIG_ADDRESS 0x1000
#define CONFIG_DRIVER 1
