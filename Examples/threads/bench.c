/*
 * The cost of switching threads: main and a partner yield to each other
 * for about half a second; one round trip is two switches (main to
 * partner, partner to main). No timer is armed meanwhile, so a yield reads
 * no clock; main reads it once per batch.
 */
#include <stdbool.h>
#include <stdio.h>
#include <uksched/sched.h>
#include <uktime/time.h>

#include "demo.h"

#define BATCH    1000
#define DURATION UK_TIME_MS(500)

static bool stop;

static void *yield_back(void *arg __attribute__((unused)))
{
	while (!stop)
		uk_thread_yield();
	return 0;
}

void run_bench(void)
{
	struct uk_thread *partner = spawn("partner", yield_back, 0);
	uint64_t start, elapsed, round_trips = 0;

	uk_thread_yield(); /* the partner's first switch starts it: not timed */
	start = uk_time_now_ns();
	do {
		for (int i = 0; i < BATCH; i++)
			uk_thread_yield();
		round_trips += BATCH;
		elapsed = uk_time_now_ns() - start;
	} while (elapsed < DURATION);
	stop = true;
	uk_thread_join(partner);
	printf("bench: yield round trip (2 switches): %llu ns (%llu round trips in %llu us)\n",
	       (unsigned long long)(elapsed / round_trips), (unsigned long long)round_trips,
	       (unsigned long long)(elapsed / 1000));
}
