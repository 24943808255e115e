/*
 * Automatically generated file; DO NOT EDIT.
 * Unmet dependencies
 */
#define CONFIG_F 1
#define CONFIG_E 1
#define CONFIG_B 1
#define CONFIG_A 1
#define CONFIG_MODULES 1
#define CONFIG_D 1
#define CONFIG_C 1
