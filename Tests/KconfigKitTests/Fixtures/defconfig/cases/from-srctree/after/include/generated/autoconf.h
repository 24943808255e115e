/*
 * Automatically generated file; DO NOT EDIT.
 * Defconfig
 */
#define CONFIG_B 1
#define CONFIG_D "d"
#define CONFIG_P2 1
#define CONFIG_C 42
