/* The stack the boot entries switch to before calling C. */
#define BOOT_STACK_SIZE (64 * 1024)

	.section .bss.boot_stack, "aw", @nobits
	.p2align 12
	.globl x86_64_boot_stack_top
x86_64_boot_stack:
	.skip BOOT_STACK_SIZE
x86_64_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
