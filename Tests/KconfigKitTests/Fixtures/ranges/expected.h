/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_USER_OUT_OF_RANGE 50
#define CONFIG_CLAMPED_LOW 5
#define CONFIG_NO_PREFIX 0xab
#define CONFIG_STACK_SIZE 32
#define CONFIG_USER_HEX 0x40
#define CONFIG_BASE_ADDR 0x2000
#define CONFIG_BIG 0x1ffffffff
#define CONFIG_CLAMPED_HIGH 10
#define CONFIG_DYNAMIC 8
#define CONFIG_DYNAMIC_MAX 8
#define CONFIG_HIDDEN_INT 3
#define CONFIG_NEGATIVE -5
