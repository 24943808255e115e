/* The scheduler's view of a thread, shared by the files of uksched. */
#ifndef UKSCHED_THREAD_H
#define UKSCHED_THREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uksched/sched.h>
#include <uksched/sync.h>
#include <uktime/timer.h>

enum uk_thread_state {
	UK_THREAD_RUNNING,  /* the current thread */
	UK_THREAD_RUNNABLE, /* in the run queue */
	UK_THREAD_WAITING,  /* in a wait queue, sleeping or joining */
	UK_THREAD_EXITED,   /* waiting to be joined */
};

struct uk_thread {
	uintptr_t context;              /* while not running (ukarch/context.h) */
	void *stack;                    /* NULL for main, on the boot stack */
	enum uk_thread_state state;
	struct uk_thread_queue *queue;  /* the queue it is in, or NULL */
	struct uk_thread *prev, *next;  /* neighbours in that queue */
	struct uk_timer timer;          /* ends a sleep or a timed wait */
	bool timed_out;                 /* the last wait ended by its timer */
	const char *waiting_for;        /* what and whom it waits for, */
	const void *waiting_on;         /*   for the deadlock report */
	struct uk_thread *joiner;       /* the thread waiting for its end */
	void *result;
	int errno_value;                /* errno while it is not running */
	struct uk_thread *next_alive;   /* every thread not exited yet */
	char name[UK_THREAD_NAME_MAX];
};

/* Threads that have not exited, main first, for the deadlock report. */
extern struct uk_thread *uk_sched_alive;

void uk_thread_queue_push(struct uk_thread_queue *queue, struct uk_thread *thread);
void uk_thread_queue_remove(struct uk_thread_queue *queue, struct uk_thread *thread);

/*
 * Makes the calling thread wait: in `queue` (NULL: in none) until
 * uk_sched_wake, and until `deadline_ns` at most (UK_TIME_NEVER: no limit).
 * `what` and `object` describe the wait in a deadlock report. Returns false
 * when the deadline ended the wait.
 */
bool uk_sched_wait(struct uk_thread_queue *queue, const char *what, const void *object,
		   uint64_t deadline_ns);

/* Puts `thread`, new or waiting, in the run queue, ending its wait. */
void uk_sched_wake(struct uk_thread *thread);

/* Panics if `thread` overflowed its stack (with LIBUKSCHED_STACK_CANARY). */
void uk_thread_check_stack(const struct uk_thread *thread);

/* Runs the next runnable thread, after the caller put itself where it
 * belongs (the run queue, a wait queue, or nowhere once exited). */
void uk_sched_switch(void);

#endif
