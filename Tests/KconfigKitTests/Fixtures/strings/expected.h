/*
 * Automatically generated file; DO NOT EDIT.
 * Strings for hello
 */
#define CONFIG_PATH_LIKE "hello/hello-dir"
#define CONFIG_SINGLE "it's"
#define CONFIG_STRING_COMPARE 1
#define CONFIG_USER_STRING "back\\slash \"quote\" end"
#define CONFIG_NAME "hello"
#define CONFIG_QUOTED "say \"hi\" and a \\ backslash"
#define CONFIG_EMPTY ""
#define CONFIG_UNKNOWN_ENV "[]"
#define CONFIG_FROM_ENV_SYMBOL "hello"
#define CONFIG_ARCH_hello 1
