/*
 * Automatically generated file; DO NOT EDIT.
 * Menus and dependencies
 */
#define CONFIG_BASE 1
#define CONFIG_INNER 1
#define CONFIG_FEATURES 1
#define CONFIG_NET 1
#define CONFIG_HIDDEN_DEFAULTED 1
#define CONFIG_NET_COUNT 2
#define CONFIG_NET_IPV6 1
