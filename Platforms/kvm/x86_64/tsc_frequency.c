/*
 * The TSC frequency when the host did not hand it over (unikit's loader
 * does, in boot info). Cheapest source first: a hypervisor's timing leaf,
 * KVM's paravirtual clock, the CPU's own leaves, and only then a 5 ms
 * measurement against the PIT (Unikraft spends 100 ms calibrating).
 */
#include <x86_64/cpu.h>
#include <x86_64/io.h>
#include <ukplat/time.h>

#include "kvm.h"

#define HYPERVISOR_LEAF       0x40000000U
#define HYPERVISOR_TIMING     0x40000010U /* eax: TSC kHz (VMware's convention) */
#define KVM_FEATURES          0x40000001U
#define KVM_FEATURE_CLOCK2    (1U << 3)
#define MSR_KVM_SYSTEM_TIME   0x4b564d01U

/* KVM's per-vCPU time record (pvclock), written by the host. */
struct pvclock_time_info {
	uint32_t version;
	uint32_t pad0;
	uint64_t tsc_timestamp;
	uint64_t system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	uint8_t flags;
	uint8_t pad[2];
} __attribute__((aligned(32)));

static int is_kvm(void)
{
	struct x86_64_cpuid r = x86_64_cpuid(HYPERVISOR_LEAF, 0);

	return r.ebx == 0x4b4d564bU && r.ecx == 0x564b4d56U && r.edx == 0x4d; /* "KVMKVMKVM" */
}

/* ns = (ticks << shift) * mul / 2^32, so hz = 10^9 * 2^32 / mul / 2^shift. */
static uint64_t from_kvm_clock(void)
{
	static struct pvclock_time_info info;
	uint64_t hz;

	if (!is_kvm() || !(x86_64_cpuid(KVM_FEATURES, 0).eax & KVM_FEATURE_CLOCK2))
		return 0;
	x86_64_wrmsr(MSR_KVM_SYSTEM_TIME, (uintptr_t)&info | 1);
	x86_64_wrmsr(MSR_KVM_SYSTEM_TIME, 0); /* one reading is all we need */
	if (info.tsc_to_system_mul == 0)
		return 0;
	hz = ((uint64_t)UKPLAT_NSEC_PER_SEC << 32) / info.tsc_to_system_mul;
	return info.tsc_shift >= 0 ? hz >> info.tsc_shift : hz << -info.tsc_shift;
}

static uint64_t from_cpu_leaves(void)
{
	uint32_t max = x86_64_cpuid(0, 0).eax;
	struct x86_64_cpuid r;

	if (max >= 0x15) {
		r = x86_64_cpuid(0x15, 0); /* TSC/crystal ratio ebx/eax, crystal Hz ecx */
		if (r.eax && r.ebx && r.ecx)
			return (uint64_t)r.ecx * r.ebx / r.eax;
	}
	if (max >= 0x16) {
		r = x86_64_cpuid(0x16, 0); /* base frequency, MHz */
		if (r.eax)
			return (uint64_t)r.eax * 1000000;
	}
	return 0;
}

#define PIT_HZ          1193182ULL
#define PIT_CHANNEL0    0x40
#define PIT_COMMAND     0x43
#define PIT_MEASURE     5966 /* PIT ticks in 5 ms */
#define PIT_STUCK_READS 1000 /* a count that never moves: no PIT there */

static uint16_t pit_count(void)
{
	uint8_t lo, hi;

	outb(PIT_COMMAND, 0x00); /* latch channel 0 */
	lo = inb(PIT_CHANNEL0);
	hi = inb(PIT_CHANNEL0);
	return (uint16_t)(hi << 8 | lo);
}

/* Channel 0 counts down from 0xffff in rate-generator mode; interrupts are
 * off, so its IRQ goes nowhere. 0 when there is no PIT. */
static uint64_t from_pit(void)
{
	uint16_t start, now;
	uint64_t tsc_start;
	int reads = 0;

	outb(PIT_COMMAND, 0x34); /* channel 0, lo/hi byte, mode 2 */
	outb(PIT_CHANNEL0, 0xff);
	outb(PIT_CHANNEL0, 0xff);
	start = pit_count();
	tsc_start = x86_64_rdtsc();
	do {
		now = pit_count();
		if (now == start && ++reads == PIT_STUCK_READS)
			return 0;
	} while ((uint16_t)(start - now) < PIT_MEASURE);
	return (x86_64_rdtsc() - tsc_start) * PIT_HZ / PIT_MEASURE;
}

/* Leaves from 0x40000000 mean something only under a hypervisor. */
static int has_hypervisor(void)
{
	return x86_64_cpuid(1, 0).ecx & (1U << 31);
}

uint64_t kvm_tsc_frequency(void)
{
	uint64_t hz = 0;

	if (has_hypervisor() && x86_64_cpuid(HYPERVISOR_LEAF, 0).eax >= HYPERVISOR_TIMING) {
		hz = (uint64_t)x86_64_cpuid(HYPERVISOR_TIMING, 0).eax * 1000;
		if (hz)
			return hz;
	}
	if (has_hypervisor())
		hz = from_kvm_clock();
	if (!hz)
		hz = from_cpu_leaves();
	return hz ? hz : from_pit();
}
