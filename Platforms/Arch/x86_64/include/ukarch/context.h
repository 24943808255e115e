/*
 * Switching between threads of execution (x86_64). A context is the stack
 * pointer of a suspended thread: the callee-saved registers (rbx, rbp,
 * r12-r15) and the address to resume at sit on its stack. Only
 * general-purpose registers are kept: images are compiled without SSE, x87
 * or MMX (-mgeneral-regs-only), so there is no FPU state to save.
 *
 * Every architecture provides this header under the same name, so that a
 * scheduler names no architecture. The code is pulled into an image by
 * ARCH_CONTEXT_SWITCH (Platforms/Kconfig).
 */
#ifndef UKARCH_CONTEXT_H
#define UKARCH_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

/* Suspends the caller, storing its context in *save_sp, and resumes the
 * context `load_sp`. Returns when something switches back to *save_sp. */
void ukarch_context_switch(uintptr_t *save_sp, uintptr_t load_sp);

/* The first code of a new context (context_switch.S): calls entry(arg),
 * then exit(result). Takes them in r12, r13 and r14. */
void ukarch_context_start(void);

/*
 * Prepares a context on the fresh stack [stack, stack + size) whose first
 * switch calls entry(arg), then exit(entry's result); `exit` must not
 * return. Returns the context to pass to ukarch_context_switch.
 *
 * The frame, from the top down: two zero words (the 16-byte aligned top, so
 * that %rsp is 16-byte aligned where ukarch_context_start calls entry, as
 * the SysV ABI wants), the resume address, then the registers in the order
 * ukarch_context_switch pops them. rbp starts at 0 to end backtraces.
 */
static inline uintptr_t ukarch_context_init(void *stack, size_t size, void *(*entry)(void *),
					    void *arg, void (*exit)(void *))
{
	uint64_t *sp = (uint64_t *)(((uintptr_t)stack + size) & ~(uintptr_t)15);

	*--sp = 0;
	*--sp = 0;
	*--sp = (uint64_t)(uintptr_t)ukarch_context_start;
	*--sp = 0;                              /* rbp */
	*--sp = 0;                              /* rbx */
	*--sp = (uint64_t)(uintptr_t)entry;     /* r12 */
	*--sp = (uint64_t)(uintptr_t)arg;       /* r13 */
	*--sp = (uint64_t)(uintptr_t)exit;      /* r14 */
	*--sp = 0;                              /* r15 */
	return (uintptr_t)sp;
}

#endif
