/*
 * Sleeping. With the scheduler in the image a sleep is the calling thread's
 * (other threads run meanwhile); without it the image has one thread of
 * execution, which idles here and fires due timers.
 */
#include <unikit/config.h>
#include <uktime/time.h>
#include <uktime/timer.h>
#ifdef CONFIG_LIBUKSCHED
#include <uksched/sched.h>
#endif

void uk_time_sleep_until(uint64_t deadline_ns)
{
#ifdef CONFIG_LIBUKSCHED
	uk_thread_sleep_until(deadline_ns);
#else
	for (;;) {
		uint64_t now = uk_time_now_ns();
		uint64_t wake;

		uk_timer_run_due(now);
		if (now >= deadline_ns)
			return;
		wake = uk_timer_next_deadline();
		ukplat_idle_until(wake < deadline_ns ? wake : deadline_ns);
	}
#endif
}

void uk_time_sleep_ns(uint64_t ns)
{
	uk_time_sleep_until(uk_time_deadline_in(ns));
}
