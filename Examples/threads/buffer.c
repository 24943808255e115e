/*
 * A producer puts 8 items into a 3-slot buffer as fast as it can; two
 * consumers take them and work on each for 100 ms, consumer-1 finishing at
 * 50, 150, 250... ms, consumer-2 at 100, 200, 300... ms. The 50 ms between
 * them is what keeps the output fixed: the producer must refill the slot
 * consumer-1 freed before consumer-2 wakes, even on a slow, loaded host
 * where guest code is emulated. The buffer is guarded
 * by a mutex; a full buffer makes the producer wait on one condition
 * variable, an empty one the consumers on another.
 */
#include <stdbool.h>
#include <stdio.h>
#include <uksched/sched.h>
#include <uksched/sync.h>
#include <uktime/time.h>

#include "demo.h"
#include "log.h"

#define SLOTS     3
#define ITEMS     8
#define CONSUMERS 2
#define WORK_MS   100
#define STAGGER_MS 50

static struct uk_mutex mutex = UK_MUTEX_INITIALIZER;
static struct uk_cond not_full = UK_COND_INITIALIZER;
static struct uk_cond not_empty = UK_COND_INITIALIZER;
static int items[SLOTS];
static int head, used;
static bool produced_all;
static uint64_t start;
static const char *const names[CONSUMERS] = { "consumer-1", "consumer-2" };

static void *produce(void *arg __attribute__((unused)))
{
	uk_mutex_lock(&mutex);
	for (int item = 1; item <= ITEMS; item++) {
		while (used == SLOTS) {
			log_event(LOG_NO_TIME, "producer", "buffer full, waits to put item", item);
			uk_cond_wait(&not_full, &mutex);
		}
		items[(head + used++) % SLOTS] = item;
		log_event(LOG_NO_TIME, "producer", "puts item", item);
		uk_cond_signal(&not_empty);
	}
	produced_all = true;
	uk_cond_broadcast(&not_empty);
	uk_mutex_unlock(&mutex);
	return 0;
}

/* Takes the next item, or returns 0 once all were produced and taken. */
static int take(void)
{
	int item;

	uk_mutex_lock(&mutex);
	while (used == 0 && !produced_all)
		uk_cond_wait(&not_empty, &mutex);
	if (used == 0) {
		uk_mutex_unlock(&mutex);
		return 0;
	}
	item = items[head];
	head = (head + 1) % SLOTS;
	used--;
	uk_cond_signal(&not_full);
	uk_mutex_unlock(&mutex);
	return item;
}

/* Consumer n (1 or 2) finishes its first item at n * STAGGER_MS, the next ones
 * a WORK_MS later each. Times are on the grid, not measured. */
static void *consume(void *arg)
{
	const char *name = names[(intptr_t)arg - 1];
	int free_ms = 0, done_ms = (int)(intptr_t)arg * STAGGER_MS;
	intptr_t taken = 0;
	int item;

	while ((item = take()) != 0) {
		log_event(free_ms, name, "takes item", item);
		taken++;
		uk_thread_sleep_until(start + UK_TIME_MS(done_ms));
		free_ms = done_ms;
		done_ms += WORK_MS;
	}
	return (void *)taken;
}

int run_buffer(void)
{
	struct uk_thread *producer, *consumers[CONSUMERS];
	int taken[CONSUMERS], consumed = 0;

	printf("buffer: %d items through %d slots to %d consumers\n", ITEMS, SLOTS, CONSUMERS);
	start = uk_time_now_ns();
	producer = spawn("producer", produce, 0);
	for (int i = 0; i < CONSUMERS; i++)
		consumers[i] = spawn(names[i], consume, (void *)(intptr_t)(i + 1));
	uk_thread_join(producer);
	for (int i = 0; i < CONSUMERS; i++)
		taken[i] = (int)(intptr_t)uk_thread_join(consumers[i]);
	log_print();
	for (int i = 0; i < CONSUMERS; i++) {
		printf("buffer: %s took %d items\n", names[i], taken[i]);
		consumed += taken[i];
	}
	return consumed;
}
