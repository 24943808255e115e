/*
 * Automatically generated file; DO NOT EDIT.
 * Unmet dependencies
 */
#define CONFIG_E_MODULE 1
#define CONFIG_B 1
#define CONFIG_A 1
#define CONFIG_MODULES 1
#define CONFIG_D_MODULE 1
