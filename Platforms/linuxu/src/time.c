/* linuxu clocks: the kernel's CLOCK_MONOTONIC and CLOCK_REALTIME. */
#include <linuxu/syscall.h>
#include <ukplat/time.h>

#define CLOCK_REALTIME  0
#define CLOCK_MONOTONIC 1
#define TIMER_ABSTIME   1

struct linuxu_timespec {
	long sec;
	long nsec;
};

/* CLOCK_MONOTONIC when the image started: its clock counts from there. */
static uint64_t start_ns;

static uint64_t clock_ns(int clock)
{
	struct linuxu_timespec now;

	/* Cannot fail for these clocks with a valid pointer. */
	linuxu_syscall2(LINUXU_SYS_CLOCK_GETTIME, clock, (long)&now);
	return (uint64_t)now.sec * UKPLAT_NSEC_PER_SEC + (uint64_t)now.nsec;
}

void linuxu_time_init(void)
{
	start_ns = clock_ns(CLOCK_MONOTONIC);
}

uint64_t ukplat_monotonic_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC) - start_ns;
}

uint64_t ukplat_wall_clock_ns(void)
{
	return clock_ns(CLOCK_REALTIME);
}

void ukplat_idle_until(uint64_t deadline_ns)
{
	uint64_t absolute = start_ns + deadline_ns;
	struct linuxu_timespec until = {
		.sec = (long)(absolute / UKPLAT_NSEC_PER_SEC),
		.nsec = (long)(absolute % UKPLAT_NSEC_PER_SEC),
	};

	/* An interruption by a signal returns early, as the interface allows. */
	linuxu_syscall4(LINUXU_SYS_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, TIMER_ABSTIME, (long)&until, 0);
}
