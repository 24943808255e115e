/* The image's GDT, TSS and IDT. */
#include <x86_64/traps.h>

#define SELECTOR_CODE 0x08
#define SELECTOR_DATA 0x10
#define SELECTOR_TSS  0x18

#define GATE_INTERRUPT   0x8e /* present, DPL 0, 64-bit interrupt gate */
#define IST_EXCEPTIONS   1
#define TSS_AVAILABLE    0x89 /* present, 64-bit TSS, available */

#define EXCEPTION_STACK_SIZE (16 * 1024)

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

/* From bit 0 of `low`: handler bits 0-15, selector (16 bits), IST (8),
 * type (8), handler bits 16-31; `high`: handler bits 32-63, then zeros. */
struct idt_gate {
	uint64_t low;
	uint64_t high;
};

struct descriptor_pointer {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

static uint8_t exception_stack[EXCEPTION_STACK_SIZE] __attribute__((aligned(16)));
static struct tss tss;
static struct idt_gate idt[X86_64_IDT_VECTORS];

/* null; 64-bit code; data; the TSS (two slots). Filled at init. */
static uint64_t gdt[5] = {
	0,
	0x00af9b000000ffffULL,
	0x00cf93000000ffffULL,
};

static void set_tss_descriptor(void)
{
	uint64_t base = (uintptr_t)&tss, limit = sizeof(tss) - 1;

	gdt[3] = (limit & 0xffff) | (base & 0xffffff) << 16 | (uint64_t)TSS_AVAILABLE << 40 |
		 (limit >> 16 & 0xf) << 48 | (base >> 24 & 0xff) << 56;
	gdt[4] = base >> 32;
}

/* The stubs' addresses differ in their low 9 bits only (x86_64/traps.h),
 * so each gate is the first with a multiple of the stub size added, and
 * all have the same high half (zero, in .bss, for an image below 4 GiB).
 * Unrolled: a couple of instructions per vector, which counts on PVM, where
 * every guest instruction is emulated. */
static void set_gates(void)
{
	uint64_t stub = (uintptr_t)x86_64_trap_stubs;
	uint64_t low = (stub & 0xffff) | SELECTOR_CODE << 16 | (uint64_t)IST_EXCEPTIONS << 32 |
		       (uint64_t)GATE_INTERRUPT << 40 | (stub >> 16 & 0xffff) << 48;

#pragma clang loop unroll(full)
	for (int vector = 0; vector < X86_64_TRAP_VECTORS; vector++)
		idt[vector].low = low + vector * X86_64_TRAP_STUB_SIZE;
	if (stub >> 32) {
		for (int vector = 0; vector < X86_64_TRAP_VECTORS; vector++)
			idt[vector].high = stub >> 32;
	}
}

void x86_64_set_gate(unsigned int vector, uintptr_t handler, unsigned int ist, uintptr_t stack)
{
	tss.ist[ist - 1] = stack;
	idt[vector].high = (uint64_t)handler >> 32;
	idt[vector].low = (handler & 0xffff) | SELECTOR_CODE << 16 | (uint64_t)ist << 32 |
			  (uint64_t)GATE_INTERRUPT << 40 | ((uint64_t)handler >> 16 & 0xffff) << 48;
}

void x86_64_traps_prepare(void)
{
	tss.ist[IST_EXCEPTIONS - 1] = (uintptr_t)(exception_stack + sizeof(exception_stack));
	tss.iomap_base = sizeof(tss); /* no I/O permission bitmap */
	set_tss_descriptor();
	set_gates();
}

void x86_64_traps_load(void)
{
	struct descriptor_pointer gdtr = { sizeof(gdt) - 1, (uintptr_t)gdt };
	struct descriptor_pointer idtr = { sizeof(idt) - 1, (uintptr_t)idt };

	/* A far return reloads CS; the data segments follow. */
	__asm__ __volatile__(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"ltr %w3\n\t"
		"lidt %4"
		:
		: "m"(gdtr), "i"(SELECTOR_CODE), "i"(SELECTOR_DATA), "r"(SELECTOR_TSS), "m"(idtr)
		: "rax", "memory");
}
