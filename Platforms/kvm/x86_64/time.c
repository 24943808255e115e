/*
 * kvm clocks: the TSC, converted with the frequency the host gave (or
 * tsc_frequency.c finds on first use); the date at boot from the host (or
 * the RTC, read on first use). Images that never ask the time pay nothing:
 * the detection code is not even linked in.
 * Waiting is idle.c's.
 */
#include <x86_64/cpu.h>
#include <ukplat/time.h>

#include "kvm.h"

static uint64_t boot_tsc;
static uint64_t tsc_hz;
static uint64_t ns_per_tick_32; /* 2^32 * 10^9 / tsc_hz */
static uint64_t boot_wall_ns;

void kvm_time_init(uint64_t host_tsc_hz, uint64_t host_wall_clock_ns)
{
	boot_tsc = x86_64_rdtsc();
	tsc_hz = host_tsc_hz;
	boot_wall_ns = host_wall_clock_ns;
}

static void calibrate(void)
{
	if (!ns_per_tick_32) {
		if (!tsc_hz)
			tsc_hz = kvm_tsc_frequency();
		if (!tsc_hz)
			tsc_hz = UKPLAT_NSEC_PER_SEC; /* no source at all: assume 1 GHz */
		ns_per_tick_32 = ((uint64_t)UKPLAT_NSEC_PER_SEC << 32) / tsc_hz;
	}
}

static uint64_t ticks_since_boot(void)
{
	calibrate();
	return x86_64_rdtsc() - boot_tsc;
}

/* Whole seconds and the rest apart: no 128-bit division (no libgcc), and
 * no overflow below an 8 GHz TSC. */
uint64_t kvm_tsc_at(uint64_t ns)
{
	calibrate();
	return boot_tsc + ns / UKPLAT_NSEC_PER_SEC * tsc_hz + ns % UKPLAT_NSEC_PER_SEC * tsc_hz / UKPLAT_NSEC_PER_SEC;
}

uint64_t ukplat_monotonic_ns(void)
{
	return (uint64_t)(((unsigned __int128)ticks_since_boot() * ns_per_tick_32) >> 32);
}

uint64_t ukplat_wall_clock_ns(void)
{
	static int asked_rtc;

	/* The RTC's date less the time since boot; without an RTC the clock
	 * counts from boot, as ukplat/time.h allows. */
	if (!boot_wall_ns && !asked_rtc) {
		uint64_t date = kvm_rtc_wall_clock_ns();

		asked_rtc = 1;
		if (date)
			boot_wall_ns = date - ukplat_monotonic_ns();
	}
	return boot_wall_ns + ukplat_monotonic_ns();
}
