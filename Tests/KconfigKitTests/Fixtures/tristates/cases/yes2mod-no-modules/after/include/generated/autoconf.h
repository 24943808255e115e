/*
 * Automatically generated file; DO NOT EDIT.
 * Rewriting tristates
 */
#define CONFIG_TRI_YES 1
#define CONFIG_BC_A 1
#define CONFIG_BOOL_ON 1
#define CONFIG_SELECTOR 1
#define CONFIG_TRI_MOD 1
#define CONFIG_SELECTED 1
#define CONFIG_CHOICE_A 1
