/*
 * Automatically generated file; DO NOT EDIT.
 * Random configurations
 */
#define CONFIG_FIRST_X 1
#define CONFIG_E 1
#define CONFIG_MOD_ONE_MODULE 1
#define CONFIG_MODULES 1
#define CONFIG_D 1
#define CONFIG_MOD_TWO_MODULE 1
#define CONFIG_COUNT 10
#define CONFIG_C 1
