/*
 * Automatically generated file; DO NOT EDIT.
 * Defconfig
 */
#define CONFIG_A 1
#define CONFIG_D "d"
#define CONFIG_C 1
#define CONFIG_P1 1
