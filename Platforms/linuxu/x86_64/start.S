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

/*
 * Signal return trampoline. The kernel refuses to deliver a signal on x86_64
 * without one (SA_RESTORER), though the fault handlers never return.
 */
	.section .text.linuxu_signal_return, "ax"
	.globl linuxu_signal_return
linuxu_signal_return:
	movl $15, %eax                  /* rt_sigreturn */
	syscall
	hlt

	.section .note.GNU-stack, "", @progbits
