/*
 * Exception entry stubs: each pushes an error code (0 where the CPU pushes
 * none) and its vector, then saves the general-purpose registers and calls
 * x86_64_trap with the frame. Runs on the IST1 stack (descriptors.c).
 * The stubs are X86_64_TRAP_STUB_SIZE bytes apart (x86_64/traps.h): .org
 * places each, and stops the build if the one before it is longer.
 */
#include <x86_64/traps.h>

	.section .text.x86_64_traps, "ax"

.macro stub vector, has_error_code
	.org x86_64_trap_stubs + \vector * X86_64_TRAP_STUB_SIZE, 0xcc
	.if !\has_error_code
	pushq $0
	.endif
	pushq $\vector
	jmp trap_common
.endm

	.p2align 9 /* X86_64_TRAP_VECTORS * X86_64_TRAP_STUB_SIZE */
	.globl x86_64_trap_stubs
x86_64_trap_stubs:

/* Vectors whose exceptions push an error code: 8 10-14 17 21 29 30. */
stub 0, 0
stub 1, 0
stub 2, 0
stub 3, 0
stub 4, 0
stub 5, 0
stub 6, 0
stub 7, 0
stub 8, 1
stub 9, 0
stub 10, 1
stub 11, 1
stub 12, 1
stub 13, 1
stub 14, 1
stub 15, 0
stub 16, 0
stub 17, 1
stub 18, 0
stub 19, 0
stub 20, 0
stub 21, 1
stub 22, 0
stub 23, 0
stub 24, 0
stub 25, 0
stub 26, 0
stub 27, 0
stub 28, 0
stub 29, 1
stub 30, 1
stub 31, 0

trap_common:
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	cld
	movq %rsp, %rdi         /* 176 bytes pushed: %rsp is 16-byte aligned */
	call x86_64_trap
1:	cli
	hlt
	jmp 1b
