/*
 * Device interrupt entry stubs: each pushes its vector and calls
 * x86_64_irq(vector) with the caller-saved registers saved, then returns to
 * the interrupted code. Runs on the interrupt stack (IST2, descriptors.c);
 * the stubs are X86_64_TRAP_STUB_SIZE bytes apart, as the trap stubs are.
 */
#include <x86_64/traps.h>

#define IRQ_STACK_SIZE (16 * 1024)

	.section .text.x86_64_irq, "ax"

.macro stub index
	.org x86_64_irq_stubs + \index * X86_64_TRAP_STUB_SIZE, 0xcc
	pushq $(X86_64_IRQ_VECTOR_BASE + \index)
	jmp irq_common
.endm

	.p2align 9 /* X86_64_IRQ_VECTORS * X86_64_TRAP_STUB_SIZE */
	.globl x86_64_irq_stubs
x86_64_irq_stubs:
	.irp index, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	stub \index
	.endr

/* The CPU pushed 5 words on the 16-byte aligned IST stack and the stub 1;
 * 9 registers and 8 bytes of padding keep %rsp 16-byte aligned at the call. */
irq_common:
	pushq %rax
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	subq $8, %rsp
	cld
	movl 80(%rsp), %edi     /* the vector */
	call x86_64_irq
	addq $8, %rsp
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rax
	addq $8, %rsp           /* the vector */
	iretq

	.section .bss.x86_64_irq_stack, "aw", @nobits
	.p2align 4
	.space IRQ_STACK_SIZE
	.globl x86_64_irq_stack_top
x86_64_irq_stack_top:
