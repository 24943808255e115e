/*
 * Mutexes, counting semaphores and condition variables for cooperative
 * threads (sched.h). Waiters are served first come first served, and a
 * mutex or semaphore is handed to the first waiter directly when released,
 * so a thread that releases and re-acquires at once goes behind the threads
 * already waiting: no waiter starves.
 *
 * The structures are plain data: set up with the initializers or the init
 * functions, in static, heap or stack memory.
 */
#ifndef UKSCHED_SYNC_H
#define UKSCHED_SYNC_H

#include <stdbool.h>
#include <stdint.h>

struct uk_thread;

/* Threads waiting, in arrival order. */
struct uk_thread_queue {
	struct uk_thread *first, *last;
};

struct uk_mutex {
	struct uk_thread *owner;
	struct uk_thread_queue waiters;
};

struct uk_semaphore {
	unsigned long count;
	struct uk_thread_queue waiters;
};

struct uk_cond {
	struct uk_thread_queue waiters;
};

#define UK_MUTEX_INITIALIZER { 0, { 0, 0 } }
#define UK_SEMAPHORE_INITIALIZER(count) { (count), { 0, 0 } }
#define UK_COND_INITIALIZER { { 0, 0 } }

void uk_mutex_init(struct uk_mutex *mutex);

/* Waits until `mutex` is free, then owns it. Not recursive: locking a
 * mutex the caller owns panics. */
void uk_mutex_lock(struct uk_mutex *mutex);

/* Owns `mutex` if it is free; returns whether it does. */
bool uk_mutex_trylock(struct uk_mutex *mutex);

/* Releases `mutex`, handing it to the first waiter. Panics unless the
 * caller owns it. */
void uk_mutex_unlock(struct uk_mutex *mutex);

void uk_semaphore_init(struct uk_semaphore *sem, unsigned long count);

/* Takes one unit, waiting for one if the count is 0. */
void uk_semaphore_down(struct uk_semaphore *sem);

/* Takes one unit if the count is not 0; returns whether it did. */
bool uk_semaphore_try_down(struct uk_semaphore *sem);

/* Takes one unit, waiting at most `timeout_ns`; returns whether it did. */
bool uk_semaphore_down_timeout(struct uk_semaphore *sem, uint64_t timeout_ns);

/* Gives one unit: to the first waiter if any, else to the count. Never
 * blocks, so timer callbacks may call it. */
void uk_semaphore_up(struct uk_semaphore *sem);

void uk_cond_init(struct uk_cond *cond);

/* Releases `mutex` (which the caller owns), waits for a signal, and owns
 * `mutex` again before returning. Wake-ups come only from signal and
 * broadcast, but another thread may have changed the condition before
 * this one gets the mutex back: re-check it in a loop. */
void uk_cond_wait(struct uk_cond *cond, struct uk_mutex *mutex);

/* uk_cond_wait for at most `timeout_ns`; returns false when the time ran
 * out (the mutex is owned again either way). */
bool uk_cond_wait_timeout(struct uk_cond *cond, struct uk_mutex *mutex, uint64_t timeout_ns);

/* Wakes the longest-waiting thread, if any. Never blocks. */
void uk_cond_signal(struct uk_cond *cond);

/* Wakes every waiting thread, in the order they started waiting. */
void uk_cond_broadcast(struct uk_cond *cond);

#endif
