/*
 * The stack the boot entries switch to before calling C, with a guard page
 * below it: paging.c leaves the guard unmapped, so an overflow faults there
 * and the trap handler reports a stack overflow.
 */
#define PAGE_SIZE 4096
#define BOOT_STACK_SIZE (32 * 1024)

	.section .bss.boot_stack, "aw", @nobits
	.p2align 12
	.globl x86_64_boot_stack_guard
x86_64_boot_stack_guard:
	.skip PAGE_SIZE
	.globl x86_64_boot_stack_top
x86_64_boot_stack:
	.skip BOOT_STACK_SIZE
x86_64_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
