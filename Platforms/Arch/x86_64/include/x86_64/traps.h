/*
 * CPU exceptions. x86_64_traps_prepare() and _load() install the image's own GDT (with a
 * TSS whose IST1 stack the exception handlers run on, so a stack overflow can
 * still be reported) and an IDT for vectors 0-31. Every exception is fatal:
 * the handler prints a crash report (ukplat/crash.h) and stops the image.
 * Device interrupt vectors are added one by one as the platform routes them.
 */
#ifndef X86_64_TRAPS_H
#define X86_64_TRAPS_H

/* trap_entry.S's entry stubs, for vectors 0-31: stub v starts
 * v * X86_64_TRAP_STUB_SIZE bytes after x86_64_trap_stubs, and the block is
 * aligned to its size, so their addresses differ in the low 9 bits only. */
#define X86_64_TRAP_VECTORS 32
#define X86_64_TRAP_STUB_SIZE 16

/* Device interrupts (UKPLAT_IRQ, irq_entry.S): X86_64_IRQ_VECTORS vectors
 * from X86_64_IRQ_VECTOR_BASE, with stubs laid out as the trap stubs are;
 * the IDT ends after them. */
#define X86_64_IRQ_VECTOR_BASE 0x30
#define X86_64_IRQ_VECTORS 32
#define X86_64_IDT_VECTORS (X86_64_IRQ_VECTOR_BASE + X86_64_IRQ_VECTORS)

#ifndef __ASSEMBLER__

#include <stdint.h>

extern const char x86_64_trap_stubs[];
extern const char x86_64_irq_stubs[];
extern char x86_64_irq_stack_top[];

/* What trap_entry.S saves, lowest address first. */
struct x86_64_trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error_code;
	uint64_t rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

/* Fills the tables (no privileged instruction), then loads them. */
void x86_64_traps_prepare(void);
void x86_64_traps_load(void);

/* Called by trap_entry.S on the exception stack; never returns. */
__attribute__((noreturn)) void x86_64_trap(const struct x86_64_trap_frame *frame);

/* Points IDT entry `vector` at `handler`, an interrupt gate (IF cleared)
 * running on stack `stack`, which becomes the TSS's IST slot `ist` (1-7;
 * 1 is the exceptions'). */
void x86_64_set_gate(unsigned int vector, uintptr_t handler, unsigned int ist, uintptr_t stack);

/* Points vector `vector` (X86_64_IRQ_VECTOR_BASE and up) at its stub in
 * irq_entry.S, on the interrupt stack (IST2): the interrupted code's stack
 * may be any thread's, and interrupts never nest. */
static inline void x86_64_set_irq_gate(unsigned int vector)
{
	x86_64_set_gate(vector,
			(uintptr_t)x86_64_irq_stubs + (vector - X86_64_IRQ_VECTOR_BASE) * X86_64_TRAP_STUB_SIZE,
			2, (uintptr_t)x86_64_irq_stack_top);
}

/* Called by irq_entry.S with interrupts off; implemented by the platform,
 * which also signals the end of the interrupt to its controller. */
void x86_64_irq(unsigned int vector);

#endif /* __ASSEMBLER__ */
#endif
