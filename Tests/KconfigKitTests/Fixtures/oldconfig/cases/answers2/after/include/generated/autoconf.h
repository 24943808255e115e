/*
 * Automatically generated file; DO NOT EDIT.
 * Questions
 */
#define CONFIG_AFTER_PICK_C 1
#define CONFIG_GROUP_ONE 1
#define CONFIG_NEW_STRING "  spaced \"quoted\" \\ "
#define CONFIG_FORCED 1
#define CONFIG_PICK_C 1
#define CONFIG_MODULES 1
#define CONFIG_GROUP 1
#define CONFIG_NEW_TRI_MODULE 1
#define CONFIG_NEW_BOOL 1
#define CONFIG_IN_MENU 1
#define CONFIG_OLD_BOOL 1
#define CONFIG_NO_DEFAULT_INT 3
#define CONFIG_NEW_INT 9
#define CONFIG_GROWN_NEW 1
#define CONFIG_NEW_HEX 0xabcd
