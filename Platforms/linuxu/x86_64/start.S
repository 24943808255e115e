/*
 * Process entry. Linux starts us with %rsp pointing at argc, followed by
 * argv[] and envp[]; the stack is 16-byte aligned there.
 */
	.section .text.start, "ax"
	.globl _start
_start:
	xorl %ebp, %ebp
	movq %rsp, %rdi
	call linuxu_start
	hlt                             /* not reached: faults if it were */

	.section .note.GNU-stack, "", @progbits
