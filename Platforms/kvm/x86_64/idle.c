/*
 * Waiting (ukplat_idle_until). On unikit's loader the vCPU sleeps in the
 * host (UNIKIT_PORT_IDLE), which also wakes it for a frame on a tap.
 * Elsewhere, without interrupts, it spins on the TSC: nothing would wake a
 * halted vCPU. With interrupts (UKPLAT_IRQ, once a device routed one) the
 * wait lets interrupts in and ends after the first handler ran: on the
 * loader by halting when its idle says an interrupt is pending, elsewhere
 * by halting until an interrupt or the local APIC's TSC-deadline timer
 * (spinning if the CPU has no such timer).
 */
#include <unikit/config.h>
#include <unikit/loader_abi.h>
#include <x86_64/cpu.h>
#include <x86_64/io.h>
#include <ukplat/time.h>

#include "kvm.h"

/* Static, so its address is in the image, below 4 GiB, as outl needs. */
static struct unikit_idle idle_request;

#ifdef CONFIG_UKPLAT_IRQ
/* Interrupts are off everywhere else; sti's one-instruction shadow makes
 * `sti; hlt` wait for an interrupt that is already pending. */
static void wait_for_interrupt(uint64_t deadline_ns)
{
	uint64_t handled = kvm_irq_count;

	if (kvm_apic_timer_arm(kvm_tsc_at(deadline_ns)) == 0) {
		__asm__ __volatile__("sti; hlt; cli" : : : "memory");
		return;
	}
	/* The jump ends QEMU TCG's translation block: TCG takes interrupts
	 * only between blocks. */
	while (kvm_irq_count == handled && ukplat_monotonic_ns() < deadline_ns)
		__asm__ __volatile__("sti; pause; jmp 1f; 1: cli" : : : "memory");
}
#endif

void ukplat_idle_until(uint64_t deadline_ns)
{
	uint64_t now = ukplat_monotonic_ns();

	if (now >= deadline_ns)
		return;
	if (kvm_boot.host == KVM_HOST_UNIKIT_LOADER) {
		/* One wait: it ends early only for news (a frame arrived, an
		 * interrupt is pending, a signal), which the caller must see at
		 * once. Only a guest that routed its devices' lines is ever
		 * told of a pending interrupt. */
		idle_request.timeout_ns = deadline_ns - now;
		outl(UNIKIT_PORT_IDLE, (uint32_t)(uintptr_t)&idle_request);
		if (idle_request.interrupt_pending)
			__asm__ __volatile__("sti; hlt; cli" : : : "memory");
		return;
	}
#ifdef CONFIG_UKPLAT_IRQ
	if (kvm_irq_ready()) {
		wait_for_interrupt(deadline_ns);
		return;
	}
#endif
	while (ukplat_monotonic_ns() < deadline_ns)
		x86_64_pause();
}
