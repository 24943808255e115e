/*
 * Automatically generated file; DO NOT EDIT.
 * Random configurations
 */
#define CONFIG_F_MODULE 1
#define CONFIG_SECOND_P 1
#define CONFIG_E 1
#define CONFIG_B_MODULE 1
#define CONFIG_A 1
#define CONFIG_FIRST_Y 1
#define CONFIG_MODULES 1
#define CONFIG_D_MODULE 1
#define CONFIG_MOD_TWO_MODULE 1
#define CONFIG_COUNT 10
#define CONFIG_G 1
#define CONFIG_C_MODULE 1
