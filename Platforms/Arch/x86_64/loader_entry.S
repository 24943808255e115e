/*
 * The 64-bit entry for unikit's KVM loader. The loader has already built the
 * page tables and GDT and enabled long mode (see unikit/loader_abi.h), so
 * this only switches stacks: no emulated 32-bit code runs.
 */
#include <unikit/loader_abi.h>

	.section .text.boot, "ax"
	.code64
	.globl x86_64_loader_entry
x86_64_loader_entry:
	/* %rdi holds the boot info address and is passed on unchanged. */
	movq $x86_64_boot_stack_top, %rsp
	xorl %ebp, %ebp
	call ukplat_start_loader
1:	cli
	hlt
	jmp 1b

/* Tell the loader where to enter and which ABI the image speaks. */
	.section .note.unikit, "a", @note
	.p2align 2
	.long 2f - 1f                   /* name size */
	.long 4                         /* descriptor size */
	.long UNIKIT_NOTE_ABI_VERSION
1:	.asciz UNIKIT_NOTE_NAME
2:	.p2align 2
	.long UNIKIT_ABI_VERSION
	.p2align 2

	.long 2f - 1f
	.long 8
	.long UNIKIT_NOTE_ENTRY64
1:	.asciz UNIKIT_NOTE_NAME
2:	.p2align 2
	.quad x86_64_loader_entry
	.p2align 2

	.section .note.GNU-stack, "", @progbits
