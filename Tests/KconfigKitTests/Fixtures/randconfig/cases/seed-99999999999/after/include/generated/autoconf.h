/*
 * Automatically generated file; DO NOT EDIT.
 * Random configurations
 */
#define CONFIG_FIRST_X 1
#define CONFIG_MOD_ONE 1
#define CONFIG_D 1
#define CONFIG_COUNT 10
#define CONFIG_G 1
#define CONFIG_C 1
