/*
 * Timers: a deadline and a callback. Nothing interrupts the running code to
 * fire one: uk_timer_run_due does, called by the scheduler whenever it
 * switches threads or idles, and by uk_time_sleep_until without a
 * scheduler. A callback therefore runs on some thread's stack between two
 * switches: it must not block (no sleeping, no mutex), but may wake threads
 * (uk_semaphore_up, uk_cond_signal) and arm or cancel timers.
 *
 *	static void tick(struct uk_timer *timer, void *arg) { ... }
 *	static struct uk_timer timer = UK_TIMER_INITIALIZER(tick, NULL);
 *	uk_timer_arm(&timer, uk_time_now_ns() + UK_TIME_MS(10));
 */
#ifndef UKTIME_TIMER_H
#define UKTIME_TIMER_H

#include <stdbool.h>
#include <stdint.h>

struct uk_timer;

typedef void (*uk_timer_fn_t)(struct uk_timer *timer, void *arg);

/* Set up with UK_TIMER_INITIALIZER or uk_timer_init; the rest is private. */
struct uk_timer {
	uint64_t deadline_ns;
	uk_timer_fn_t fire;
	void *arg;
	struct uk_timer *prev, *next; /* neighbours among the armed timers */
	bool armed;
};

#define UK_TIMER_INITIALIZER(fn, arg_) { .fire = (fn), .arg = (arg_) }

void uk_timer_init(struct uk_timer *timer, uk_timer_fn_t fire, void *arg);

/* Arms `timer` to fire once uk_time_now_ns() reaches `deadline_ns`; an armed
 * timer moves to the new deadline. Timers fire in deadline order, and
 * timers with the same deadline in the order they were armed. */
void uk_timer_arm(struct uk_timer *timer, uint64_t deadline_ns);

/* Disarms `timer`; returns whether it was armed (had not fired yet). */
bool uk_timer_cancel(struct uk_timer *timer);

static inline bool uk_timer_armed(const struct uk_timer *timer)
{
	return timer->armed;
}

/* The earliest armed deadline, or UK_TIME_NEVER when no timer is armed. */
uint64_t uk_timer_next_deadline(void);

/* Fires, in order, every timer whose deadline is at most `now_ns`; each is
 * disarmed before its callback runs. A callback that re-arms its own timer
 * must choose a deadline after `now_ns`, or it fires again in this call. */
void uk_timer_run_due(uint64_t now_ns);

#endif
