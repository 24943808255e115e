/*
 * Automatically generated file; DO NOT EDIT.
 * Sync x86
 */
#define CONFIG_KEEP 1
#define CONFIG_MODULES 1
#define CONFIG_TEXT "changed"
#define CONFIG_TURN_ON 1
#define CONFIG_NUMBER 11
#define CONFIG_EMPTY_TEXT ""
#define CONFIG_TRI 1
#define CONFIG_ADDR 0x1000
