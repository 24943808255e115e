/*
 * Automatically generated file; DO NOT EDIT.
 * Questions
 */
#define CONFIG_NEW_STRING "default name"
#define CONFIG_MODULES 1
#define CONFIG_GROWN_OLD 1
#define CONFIG_PICK_B 1
#define CONFIG_NEW_BOOL 1
#define CONFIG_OLD_BOOL 1
#define CONFIG_NO_DEFAULT_INT 3
#define CONFIG_NEW_INT 5
#define CONFIG_NEW_HEX 0x1000
