/*
 * Automatically generated file; DO NOT EDIT.
 * Sync 
 */
#define CONFIG_KEEP 1
#define CONFIG_MODULES 1
#define CONFIG_TURN_OFF 1
#define CONFIG_TEXT "a \"quoted\" \\ text"
#define CONFIG_NUMBER 10
#define CONFIG_EMPTY_TEXT ""
#define CONFIG_TRI_MODULE 1
#define CONFIG_ADDR 0x1000
