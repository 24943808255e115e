/*
 * CPU exceptions. x86_64_traps_prepare() and _load() install the image's own GDT (with a
 * TSS whose IST1 stack the exception handlers run on, so a stack overflow can
 * still be reported) and an IDT for vectors 0-31. Every exception is fatal:
 * the handler prints a crash report (ukplat/crash.h) and stops the image.
 */
#ifndef X86_64_TRAPS_H
#define X86_64_TRAPS_H

/* trap_entry.S's entry stubs, for vectors 0-31: stub v starts
 * v * X86_64_TRAP_STUB_SIZE bytes after x86_64_trap_stubs, and the block is
 * aligned to its size, so their addresses differ in the low 9 bits only. */
#define X86_64_TRAP_VECTORS 32
#define X86_64_TRAP_STUB_SIZE 16

#ifndef __ASSEMBLER__

#include <stdint.h>

extern const char x86_64_trap_stubs[];

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

#endif /* __ASSEMBLER__ */
#endif
