/*
 * Automatically generated file; DO NOT EDIT.
 * Macros 1.0
 */
#define CONFIG_FUNCTION "hello-a-b hello-cc,d- hello-x-yzhello-x-yz"
#define CONFIG_SHELL_OUTPUT "x y"
#define CONFIG_TRUE_COMMAND 1
#define CONFIG_APPENDED "one two|a second|[ ]"
#define CONFIG_SIMPLE_SEES_FIRST "first"
#define CONFIG_FROM_ENVIRONMENT "/opt/tools/x end"
#define CONFIG_DOLLARS "$5 $(not a reference) $$"
#define CONFIG_RECURSIVE_SEES_LAST "second"
#define CONFIG_DEPENDS_ON_EXPANSION 1
#define CONFIG_EXPANDED_SIXTY_FOUR 1
#define CONFIG_WHERE "Kconfig:59"
#define CONFIG_DOUBLEDOUBLE 42
