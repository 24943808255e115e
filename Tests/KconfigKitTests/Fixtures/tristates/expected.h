/*
 * Automatically generated file; DO NOT EDIT.
 * Rewriting tristates
 */
#define CONFIG_MODULES 1
