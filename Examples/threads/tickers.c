/*
 * Three threads wake on a shared 10 ms grid, alpha on the first slot,
 * beta on the second, gamma on the third, and so on: the deadlines, not
 * the speed of the machine, decide the order of the log.
 */
#include <stdio.h>
#include <uksched/sched.h>
#include <uktime/time.h>

#include "demo.h"
#include "log.h"

#define TICKERS 3
#define TICKS   3
#define SLOT_MS 10

static const char *const names[TICKERS] = { "alpha", "beta", "gamma" };
static uint64_t start;

static void *tick(void *arg)
{
	int index = (int)(intptr_t)arg;

	for (int n = 1; n <= TICKS; n++) {
		int ms = ((n - 1) * TICKERS + index + 1) * SLOT_MS;

		uk_thread_sleep_until(start + UK_TIME_MS(ms));
		log_event(ms, names[index], "tick", n);
	}
	return 0;
}

int run_tickers(void)
{
	struct uk_thread *threads[TICKERS];

	printf("tickers: %d threads wake on a %d ms grid\n", TICKERS, SLOT_MS);
	start = uk_time_now_ns();
	for (int i = 0; i < TICKERS; i++)
		threads[i] = spawn(names[i], tick, (void *)(intptr_t)i);
	for (int i = 0; i < TICKERS; i++)
		uk_thread_join(threads[i]);
	return log_print();
}
