/*
 * Cooperative threads. A thread runs until it yields, sleeps, waits (join,
 * sync.h) or exits; the next runnable thread then runs, first come first
 * served (one round-robin run queue). Sleeping threads wake in deadline
 * order, ties in the order they went to sleep. When no thread can run the
 * CPU idles until the earliest deadline; when none can run and nothing
 * sleeps, the image panics naming the waiting threads (a deadlock).
 *
 * The code that boots the image is the first thread, "main": it runs the
 * init functions and main(). When main returns (or calls uk_thread_exit)
 * the image exits with main's status, as a process does, however many
 * other threads remain.
 *
 * Each thread has its own stack (LIBUKSCHED_STACK_SIZE_KB) and its own
 * errno, which the scheduler saves and restores at every switch.
 */
#ifndef UKSCHED_SCHED_H
#define UKSCHED_SCHED_H

#include <stdint.h>

/* Thread names are cut to this many bytes, NUL included. */
#define UK_THREAD_NAME_MAX 32

struct uk_thread;

typedef void *(*uk_thread_fn_t)(void *arg);

/* A new runnable thread, queued behind the others, that runs entry(arg);
 * returning from entry is uk_thread_exit with the returned value. NULL when
 * there is no memory for it. The caller keeps running. */
struct uk_thread *uk_thread_create(const char *name, uk_thread_fn_t entry, void *arg);

/* The calling thread. */
struct uk_thread *uk_thread_self(void);

const char *uk_thread_name(const struct uk_thread *thread);

/* Lets every other runnable thread run once before the caller continues. */
void uk_thread_yield(void);

/* Sleeps until uk_time_now_ns() reaches `deadline_ns` (uktime/time.h). A
 * deadline already passed makes it a yield. */
void uk_thread_sleep_until(uint64_t deadline_ns);

/* Sleeps at least `ns` nanoseconds. */
void uk_thread_sleep_ns(uint64_t ns);

/* Ends the calling thread with `result`, which uk_thread_join returns. In
 * main, ends the image with status (int)(intptr_t)result instead. */
__attribute__((noreturn)) void uk_thread_exit(void *result);

/* Waits for `thread` to end and returns its result; `thread` is freed and
 * may not be used again. Each thread but main is joined at most once, by
 * another thread; a thread nobody joins keeps its memory. */
void *uk_thread_join(struct uk_thread *thread);

#endif
