/*
 * ceil, for Embedded Swift: Dictionary and Set size their hash tables with
 * it (_HashTable.scale(forCapacity:) rounds capacity / load factor up).
 * Swift code compiled without SSE passes the double on the stack and takes
 * the result from the x87 register st(0), so that is this function's
 * convention. C compiled for these images (-mgeneral-regs-only) passes
 * doubles in integer registers instead and must not call it, which is why
 * no header declares it.
 */
#define RC_MASK 0x0c00 /* x87 control word: rounding control */
#define RC_UP   0x0800 /* round toward +infinity */

	.section .text.ceil, "ax", @progbits
	.globl ceil
	.type ceil, @function
ceil:
	fldl 8(%rsp)
	sub $8, %rsp
	fnstcw (%rsp)          /* the caller's control word, restored below */
	movw (%rsp), %ax
	andw $~RC_MASK, %ax
	orw $RC_UP, %ax
	movw %ax, 2(%rsp)
	fldcw 2(%rsp)
	frndint
	fldcw (%rsp)
	add $8, %rsp
	ret
	.size ceil, . - ceil
