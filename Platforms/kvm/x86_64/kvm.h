/* State the kvm platform's start code hands to its console and memory. */
#ifndef KVM_X86_64_KVM_H
#define KVM_X86_64_KVM_H

#include <stddef.h>
#include <stdint.h>

/* Linker-script symbols: the image's first and first-free addresses. */
extern char _image_start[], _image_end[];

/* Who started us decides how the console works. */
enum kvm_host {
	KVM_HOST_PVH,           /* QEMU, Firecracker, ...: COM1 UART */
	KVM_HOST_UNIKIT_LOADER, /* unikit's loader: one exit per line */
};

struct kvm_boot_state {
	enum kvm_host host;
	uintptr_t heap_start;
	uintptr_t heap_end;
};

extern struct kvm_boot_state kvm_boot;

/* Prepares the console for the host recorded in kvm_boot. */
void kvm_console_init(void);

/* Takes the virtio_mmio.device= arguments out of argv (argv[0] stays),
 * maps the devices' registers (page tables from kvm_boot.heap_start) and
 * returns the new argc. */
int kvm_take_virtio_mmio_arguments(int argc, char *argv[]);

/* Starts the clocks; 0 for what the host did not say (time.c). */
void kvm_time_init(uint64_t host_tsc_hz, uint64_t host_wall_clock_ns);
/* The TSC value at ukplat_monotonic_ns() == ns. */
uint64_t kvm_tsc_at(uint64_t ns);
uint64_t kvm_tsc_frequency(void);      /* tsc_frequency.c */
uint64_t kvm_rtc_wall_clock_ns(void);  /* rtc.c */

/* Interrupt controllers (apic.c): kvm_apic_map maps their registers at
 * boot (page tables from kvm_boot.heap_start); kvm_apic_enable masks the
 * PICs, enables the local APIC and its TSC-deadline timer (if the CPU has
 * one); -ENODEV when the registers could not be mapped. */
void kvm_apic_map(void);
int kvm_apic_enable(unsigned int spurious_vector, unsigned int timer_vector);
int kvm_ioapic_route(unsigned int pin, unsigned int vector); /* -EINVAL: no such pin */
void kvm_apic_eoi(void);
int kvm_apic_timer_arm(uint64_t tsc); /* -ENOTSUP without a TSC-deadline timer */

/* Device interrupts (irq.c): whether the controllers are in use, and how
 * many interrupts were handled so far. */
int kvm_irq_ready(void);
extern volatile uint64_t kvm_irq_count;

/* The COM1 UART (uart.c). */
void kvm_uart_init(void);
void kvm_uart_write(const char *buf, size_t len);

#endif
