/* x86 port I/O. Each access is a VM exit under a hypervisor: use sparingly.
 * Writes clobber memory so that a buffer the host reads is complete first. */
#ifndef X86_64_IO_H
#define X86_64_IO_H

#include <stdint.h>

static inline void outb(uint16_t port, uint8_t value)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(value), "Nd"(port) : "memory");
}

static inline void outl(uint16_t port, uint32_t value)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(value), "Nd"(port) : "memory");
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t value;

	__asm__ __volatile__("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

/* Stops the CPU for good: interrupts off, then halt in a loop. */
__attribute__((noreturn)) static inline void x86_64_halt_forever(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

#endif
