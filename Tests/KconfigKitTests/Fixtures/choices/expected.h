/*
 * Automatically generated file; DO NOT EDIT.
 * Choices
 */
#define CONFIG_ARCH_X86 1
#define CONFIG_ALLOC_TLSF 1
#define CONFIG_SCHED_RR 1
#define CONFIG_PLAT_LINUXU 1
