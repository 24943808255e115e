/*
 * Cooperative threads: each part prints what its threads do, in an order
 * fixed by deadlines on a grid (10 ms, 50 ms) and by first-come-first-served queues,
 * so the output is identical on every run and every platform. The argument
 * "bench" measures the cost of switching threads instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"

struct uk_thread *spawn(const char *name, uk_thread_fn_t entry, void *arg)
{
	struct uk_thread *thread = uk_thread_create(name, entry, arg);

	if (!thread) {
		printf("threads: no memory for thread %s\n", name);
		exit(1);
	}
	return thread;
}

int main(int argc, char *argv[])
{
	int ticks, counter, consumed;

	if (argc > 1 && strcmp(argv[1], "bench") == 0) {
		run_bench();
		return 0;
	}
	ticks = run_tickers();
	counter = run_counter();
	consumed = run_buffer();
	printf("threads: done: %d ticks, counter %d, %d items consumed\n", ticks, counter,
	       consumed);
	return 0;
}
