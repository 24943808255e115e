/* Clocks and waiting, implemented by each platform. */
#ifndef UKPLAT_TIME_H
#define UKPLAT_TIME_H

#include <stdint.h>

#define UKPLAT_NSEC_PER_SEC 1000000000ULL

/* Nanoseconds since the image started; never goes backwards. */
uint64_t ukplat_monotonic_ns(void);

/* Nanoseconds since the Unix epoch (UTC), or, when the platform cannot know
 * the date, since the image started. */
uint64_t ukplat_wall_clock_ns(void);

/* Waits until ukplat_monotonic_ns() reaches `deadline_ns`. May return
 * earlier (an interrupt, a signal): callers re-check their condition. */
void ukplat_idle_until(uint64_t deadline_ns);

#endif
