/*
 * Automatically generated file; DO NOT EDIT.
 * Rewriting tristates
 */
#define CONFIG_TRI_YES 1
#define CONFIG_BC_A_MODULE 1
#define CONFIG_MODULES 1
#define CONFIG_BOOL_ON 1
#define CONFIG_SELECTED 1
