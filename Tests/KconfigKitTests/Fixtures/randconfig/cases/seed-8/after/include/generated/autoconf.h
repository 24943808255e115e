/*
 * Automatically generated file; DO NOT EDIT.
 * Random configurations
 */
#define CONFIG_E 1
#define CONFIG_MOD_ONE_MODULE 1
#define CONFIG_FIRST_Y 1
#define CONFIG_SECOND_Q 1
#define CONFIG_MODULES 1
#define CONFIG_D_MODULE 1
#define CONFIG_THIRD_M 1
#define CONFIG_COUNT 10
#define CONFIG_C_MODULE 1
