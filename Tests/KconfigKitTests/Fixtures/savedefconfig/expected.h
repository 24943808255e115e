/*
 * Automatically generated file; DO NOT EDIT.
 * Minimal configurations
 */
#define CONFIG_IMPLIER 1
#define CONFIG_LABEL "plain"
#define CONFIG_HIDDEN 1
#define CONFIG_GROUP_MEMBER 3
#define CONFIG_TWICE 1
#define CONFIG_MODULES 1
#define CONFIG_IMPLIED 1
#define CONFIG_GROUP 1
#define CONFIG_CHOICE_B 1
#define CONFIG_COUNT 8
#define CONFIG_TRI_MODULE 1
#define CONFIG_DEFAULT_ON 1
#define CONFIG_SIZE 0x100
