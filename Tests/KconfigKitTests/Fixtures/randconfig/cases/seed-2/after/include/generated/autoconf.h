/*
 * Automatically generated file; DO NOT EDIT.
 * Random configurations
 */
#define CONFIG_SECOND_P 1
#define CONFIG_E 1
#define CONFIG_B 1
#define CONFIG_A 1
#define CONFIG_FIRST_Y 1
#define CONFIG_D 1
#define CONFIG_MOD_TWO 1
#define CONFIG_COUNT 10
#define CONFIG_C 1
