/*
 * The PC's interrupt controllers as the kvm platform uses them: the local
 * APIC (xAPIC registers at 0xfee00000), the IOAPIC at 0xfec00000 that routes
 * device lines to it, and the legacy PICs, masked so they never interrupt.
 * The same on QEMU (microvm, pc) and on unikit's loader (split irqchip).
 */
#include <errno.h>
#include <x86_64/cpu.h>
#include <x86_64/io.h>
#include <x86_64/paging.h>

#include "kvm.h"

#define LAPIC_BASE  0xfee00000ULL
#define IOAPIC_BASE 0xfec00000ULL
#define WINDOW_SIZE 0x1000

/* Local APIC registers. */
#define LAPIC_ID        0x020
#define LAPIC_TPR       0x080
#define LAPIC_EOI       0x0b0
#define LAPIC_SVR       0x0f0
#define LAPIC_LVT_TIMER 0x320
#define SVR_ENABLE      0x100
#define LVT_TSC_DEADLINE (2u << 17)

#define MSR_TSC_DEADLINE 0x6e0
#define CPUID1_ECX_TSC_DEADLINE (1u << 24)

/* IOAPIC: an index register and a data window; indirect registers. */
#define IOAPIC_SELECT   0x00
#define IOAPIC_WINDOW   0x10
#define IOAPIC_VERSION  0x01
#define IOAPIC_REDIRECTION(pin) (0x10 + 2 * (pin))
#define REDIRECTION_LEVEL  (1u << 15)
#define REDIRECTION_MASKED (1u << 16)

/* The legacy PICs' data ports: writing the interrupt mask. */
#define PIC_MASTER_DATA 0x21
#define PIC_SLAVE_DATA  0xa1

static int mapped;
static int has_tsc_deadline;

static volatile uint32_t *lapic(uint32_t reg)
{
	return (volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg);
}

static uint32_t ioapic_read(uint32_t reg)
{
	*(volatile uint32_t *)(uintptr_t)(IOAPIC_BASE + IOAPIC_SELECT) = reg;
	return *(volatile uint32_t *)(uintptr_t)(IOAPIC_BASE + IOAPIC_WINDOW);
}

static void ioapic_write(uint32_t reg, uint32_t value)
{
	*(volatile uint32_t *)(uintptr_t)(IOAPIC_BASE + IOAPIC_SELECT) = reg;
	*(volatile uint32_t *)(uintptr_t)(IOAPIC_BASE + IOAPIC_WINDOW) = value;
}

void kvm_apic_map(void)
{
	mapped = x86_64_map_device(LAPIC_BASE, WINDOW_SIZE, &kvm_boot.heap_start, kvm_boot.heap_end) == 0 &&
		 x86_64_map_device(IOAPIC_BASE, WINDOW_SIZE, &kvm_boot.heap_start, kvm_boot.heap_end) == 0;
}

int kvm_apic_enable(unsigned int spurious_vector, unsigned int timer_vector)
{
	if (!mapped)
		return -ENODEV;
	/* unikit's loader has no PICs (and no ports for them). */
	if (kvm_boot.host != KVM_HOST_UNIKIT_LOADER) {
		outb(PIC_MASTER_DATA, 0xff);
		outb(PIC_SLAVE_DATA, 0xff);
	}
	*lapic(LAPIC_TPR) = 0;
	*lapic(LAPIC_SVR) = SVR_ENABLE | spurious_vector;
	has_tsc_deadline = (x86_64_cpuid(1, 0).ecx & CPUID1_ECX_TSC_DEADLINE) != 0;
	if (has_tsc_deadline)
		*lapic(LAPIC_LVT_TIMER) = LVT_TSC_DEADLINE | timer_vector;
	return 0;
}

int kvm_ioapic_route(unsigned int pin, unsigned int vector)
{
	unsigned int pins = (ioapic_read(IOAPIC_VERSION) >> 16 & 0xff) + 1;
	uint32_t apic_id = *lapic(LAPIC_ID) >> 24;

	if (pin >= pins)
		return -EINVAL;
	ioapic_write(IOAPIC_REDIRECTION(pin) + 1, apic_id << 24);
	/* Fixed delivery, physical destination, active high, unmasked. */
	ioapic_write(IOAPIC_REDIRECTION(pin), REDIRECTION_LEVEL | vector);
	return 0;
}

void kvm_apic_eoi(void)
{
	*lapic(LAPIC_EOI) = 0;
}

int kvm_apic_timer_arm(uint64_t tsc)
{
	if (!has_tsc_deadline)
		return -ENOTSUP;
	x86_64_wrmsr(MSR_TSC_DEADLINE, tsc ? tsc : 1); /* 0 would disarm it */
	return 0;
}
