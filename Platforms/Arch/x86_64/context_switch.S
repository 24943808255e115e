/*
 * The thread context switch and the start of a new context
 * (ukarch/context.h). The SysV ABI lets a call clobber every register but
 * rbx, rbp, r12-r15 and rsp, so those are all a switch keeps; the direction
 * flag is clear at every call, and no SSE or x87 state exists in images.
 */

/* void ukarch_context_switch(uintptr_t *save_sp, uintptr_t load_sp) */
	.section .text.ukarch_context_switch, "ax"
	.globl ukarch_context_switch
	.type ukarch_context_switch, @function
ukarch_context_switch:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret
	.size ukarch_context_switch, . - ukarch_context_switch

/* Reached by the first switch to a context made by ukarch_context_init, with
 * %rsp 16-byte aligned: entry in r12, its argument in r13, exit in r14. */
	.section .text.ukarch_context_start, "ax"
	.globl ukarch_context_start
	.type ukarch_context_start, @function
ukarch_context_start:
	movq %r13, %rdi
	call *%r12
	movq %rax, %rdi
	call *%r14
	ud2                             /* exit returned: trap rather than run on */
	.size ukarch_context_start, . - ukarch_context_start

	.section .note.GNU-stack, "", @progbits
