/*
 * Three threads each add 1000 to a shared counter, yielding between
 * reading it and writing it back, as a thread preempted at the wrong moment
 * would. Without a mutex every round of three increments writes the same
 * value three times; with one, none is lost.
 */
#include <stdio.h>
#include <uksched/sched.h>
#include <uksched/sync.h>

#include "demo.h"

#define WORKERS    3
#define INCREMENTS 1000

static struct uk_mutex counter_mutex = UK_MUTEX_INITIALIZER;
static int counter;

static void *add_with_mutex(void *arg __attribute__((unused)))
{
	for (int i = 0; i < INCREMENTS; i++) {
		int seen;

		uk_mutex_lock(&counter_mutex);
		seen = counter;
		uk_thread_yield();
		counter = seen + 1;
		uk_mutex_unlock(&counter_mutex);
	}
	return 0;
}

static void *add_without_mutex(void *arg __attribute__((unused)))
{
	for (int i = 0; i < INCREMENTS; i++) {
		int seen = counter;

		uk_thread_yield();
		counter = seen + 1;
	}
	return 0;
}

static int count_with(void *(*add)(void *))
{
	struct uk_thread *workers[WORKERS];

	counter = 0;
	for (int i = 0; i < WORKERS; i++)
		workers[i] = spawn("adder", add, 0);
	for (int i = 0; i < WORKERS; i++)
		uk_thread_join(workers[i]);
	return counter;
}

int run_counter(void)
{
	int unlocked = count_with(add_without_mutex);
	int locked = count_with(add_with_mutex);

	printf("counter: %d threads add %d each, yielding inside the update\n", WORKERS,
	       INCREMENTS);
	printf("counter: without a mutex %d, with a mutex %d\n", unlocked, locked);
	return locked;
}
