/* Clocks and sleeping. Times are nanoseconds in a uint64_t (584 years). */
#ifndef UKTIME_TIME_H
#define UKTIME_TIME_H

#include <stdint.h>
#include <ukplat/time.h>

#define UK_TIME_US(n) ((uint64_t)(n) * 1000ULL)
#define UK_TIME_MS(n) ((uint64_t)(n) * 1000000ULL)
#define UK_TIME_S(n)  ((uint64_t)(n) * UKPLAT_NSEC_PER_SEC)

/* A deadline that never comes: "no timeout". */
#define UK_TIME_NEVER UINT64_MAX

/* Nanoseconds since the image started; never goes backwards. */
static inline uint64_t uk_time_now_ns(void)
{
	return ukplat_monotonic_ns();
}

/* Nanoseconds since the Unix epoch, or since the image started when the
 * platform cannot know the date (ukplat/time.h). */
static inline uint64_t uk_time_wall_ns(void)
{
	return ukplat_wall_clock_ns();
}

/* The deadline `ns` from now (UK_TIME_NEVER if that is beyond it). */
static inline uint64_t uk_time_deadline_in(uint64_t ns)
{
	uint64_t now = uk_time_now_ns();

	return ns >= UK_TIME_NEVER - now ? UK_TIME_NEVER : now + ns;
}

/* Returns once uk_time_now_ns() has reached `deadline_ns`. With a scheduler
 * in the image, other threads run meanwhile; without one, the CPU idles and
 * due timers fire. */
void uk_time_sleep_until(uint64_t deadline_ns);

/* Sleeps at least `ns` nanoseconds, as uk_time_sleep_until does. */
void uk_time_sleep_ns(uint64_t ns);

#endif
