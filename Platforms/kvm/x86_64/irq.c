/*
 * Device interrupts on the kvm platform (ukplat/irq.h): line N is IOAPIC
 * pin N, routed to vector X86_64_IRQ_VECTOR_BASE + N; two more vectors
 * serve the local APIC's timer and its spurious interrupts. The controllers
 * are set up at the first registration.
 */
#include <errno.h>
#include <ukplat/irq.h>
#include <x86_64/traps.h>

#include "kvm.h"

#define LINES           24 /* an IOAPIC's pins; fewer if it says so */
#define TIMER_VECTOR    (X86_64_IRQ_VECTOR_BASE + X86_64_IRQ_VECTORS - 2)
#define SPURIOUS_VECTOR (X86_64_IRQ_VECTOR_BASE + X86_64_IRQ_VECTORS - 1) /* low nibble 0xf */

struct handler {
	ukplat_irq_handler_t fn;
	void *arg;
};

static struct handler handlers[LINES][UKPLAT_IRQ_HANDLERS_PER_LINE];
static enum { CONTROLLERS_UNTRIED, CONTROLLERS_READY, CONTROLLERS_UNUSABLE } controllers;
volatile uint64_t kvm_irq_count;

int kvm_irq_ready(void)
{
	return controllers == CONTROLLERS_READY;
}

static int enable_controllers(void)
{
	if (controllers == CONTROLLERS_UNTRIED) {
		controllers = CONTROLLERS_UNUSABLE;
		if (kvm_apic_enable(SPURIOUS_VECTOR, TIMER_VECTOR) == 0) {
			x86_64_set_irq_gate(TIMER_VECTOR);
			x86_64_set_irq_gate(SPURIOUS_VECTOR);
			controllers = CONTROLLERS_READY;
		}
	}
	return kvm_irq_ready() ? 0 : -ENODEV;
}

int ukplat_irq_register(unsigned int irq, ukplat_irq_handler_t handler, void *arg)
{
	int used = 0, err;

	if (irq >= LINES || !handler)
		return -EINVAL;
	/* Handlers fill a line's slots from the first: none is ever removed. */
	while (used < UKPLAT_IRQ_HANDLERS_PER_LINE && handlers[irq][used].fn)
		used++;
	if (used == UKPLAT_IRQ_HANDLERS_PER_LINE)
		return -ENOSPC;
	if ((err = enable_controllers()) < 0)
		return err;
	if (used == 0) {
		x86_64_set_irq_gate(X86_64_IRQ_VECTOR_BASE + irq);
		if ((err = kvm_ioapic_route(irq, X86_64_IRQ_VECTOR_BASE + irq)) < 0)
			return err;
	}
	handlers[irq][used] = (struct handler){ handler, arg };
	return 0;
}

void x86_64_irq(unsigned int vector)
{
	unsigned int line = vector - X86_64_IRQ_VECTOR_BASE;

	if (vector == SPURIOUS_VECTOR)
		return; /* not an interrupt: no end of interrupt either */
	if (line < LINES)
		for (int i = 0; i < UKPLAT_IRQ_HANDLERS_PER_LINE && handlers[line][i].fn; i++)
			handlers[line][i].fn(handlers[line][i].arg);
	kvm_irq_count++;
	kvm_apic_eoi();
}
