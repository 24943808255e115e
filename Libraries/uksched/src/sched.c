/*
 * The scheduler: the run queue, switching, waiting and waking, idling, and
 * the deadlock report. Timers (uktime/timer.h) fire here: at every switch
 * and while the CPU idles, since nothing interrupts a thread.
 */
#include <errno.h>
#include <ukarch/context.h>
#include <ukconsole/print.h>
#include <ukdebug/panic.h>
#include <ukplat/time.h>
#include <uktime/time.h>

#include "thread.h"

/* The boot context: it exists before anything runs, so threads and
 * synchronisation work from the first init function on. */
static struct uk_thread main_thread = {
	.state = UK_THREAD_RUNNING,
	.name = "main",
};

static struct uk_thread *current = &main_thread;
static struct uk_thread_queue run_queue;

struct uk_thread *uk_sched_alive = &main_thread;

struct uk_thread *uk_thread_self(void)
{
	return current;
}

void uk_thread_queue_push(struct uk_thread_queue *queue, struct uk_thread *thread)
{
	thread->queue = queue;
	thread->next = 0;
	thread->prev = queue->last;
	if (queue->last)
		queue->last->next = thread;
	else
		queue->first = thread;
	queue->last = thread;
}

void uk_thread_queue_remove(struct uk_thread_queue *queue, struct uk_thread *thread)
{
	if (thread->prev)
		thread->prev->next = thread->next;
	else
		queue->first = thread->next;
	if (thread->next)
		thread->next->prev = thread->prev;
	else
		queue->last = thread->prev;
	thread->queue = 0;
}

static void fire_due_timers(void)
{
	if (uk_timer_next_deadline() != UK_TIME_NEVER)
		uk_timer_run_due(uk_time_now_ns());
}

/* "name (what it waits for)"; a thread waited for is named too. */
static int describe_wait(char *buf, size_t size, const struct uk_thread *waiter)
{
	const char *comma = waiter == uk_sched_alive ? "" : ",";

	for (const struct uk_thread *t = uk_sched_alive; t; t = t->next_alive)
		if (t == waiter->waiting_on)
			return uk_snprintf(buf, size, "%s %s (%s %s)", comma, waiter->name,
					   waiter->waiting_for, t->name);
	if (waiter->waiting_on)
		return uk_snprintf(buf, size, "%s %s (%s %p)", comma, waiter->name,
				   waiter->waiting_for, waiter->waiting_on);
	return uk_snprintf(buf, size, "%s %s (%s)", comma, waiter->name, waiter->waiting_for);
}

/* Nothing can run and no timer will change that: every thread waits for
 * another one. */
__attribute__((noreturn)) static void report_deadlock(void)
{
	static char waits[512];
	size_t len = 0;

	for (const struct uk_thread *t = uk_sched_alive; t && len < sizeof(waits); t = t->next_alive)
		len += describe_wait(waits + len, sizeof(waits) - len, t);
	uk_panic("uksched: deadlock: no thread can run and none sleeps; waiting:%s", waits);
}

/* The next thread to run, firing due timers first; idles while there is
 * none. */
static struct uk_thread *next_runnable(void)
{
	for (;;) {
		struct uk_thread *next;
		uint64_t deadline;

		fire_due_timers();
		next = run_queue.first;
		if (next) {
			uk_thread_queue_remove(&run_queue, next);
			return next;
		}
		deadline = uk_timer_next_deadline();
		if (deadline == UK_TIME_NEVER)
			report_deadlock();
		ukplat_idle_until(deadline);
	}
}

void uk_sched_switch(void)
{
	struct uk_thread *prev = current;
	struct uk_thread *next = next_runnable();

	next->state = UK_THREAD_RUNNING;
	if (next == prev)
		return;
	uk_thread_check_stack(prev);
	prev->errno_value = errno;
	errno = next->errno_value;
	current = next;
	ukarch_context_switch(&prev->context, next->context);
}

void uk_thread_yield(void)
{
	current->state = UK_THREAD_RUNNABLE;
	uk_thread_queue_push(&run_queue, current);
	uk_sched_switch();
}

void uk_sched_wake(struct uk_thread *thread)
{
	if (thread->queue)
		uk_thread_queue_remove(thread->queue, thread);
	uk_timer_cancel(&thread->timer);
	thread->state = UK_THREAD_RUNNABLE;
	uk_thread_queue_push(&run_queue, thread);
}

static void time_out(struct uk_timer *timer __attribute__((unused)), void *arg)
{
	struct uk_thread *thread = arg;

	uk_sched_wake(thread);
	thread->timed_out = true;
}

bool uk_sched_wait(struct uk_thread_queue *queue, const char *what, const void *object,
		   uint64_t deadline_ns)
{
	struct uk_thread *self = current;

	self->state = UK_THREAD_WAITING;
	self->waiting_for = what;
	self->waiting_on = object;
	self->timed_out = false;
	if (queue)
		uk_thread_queue_push(queue, self);
	if (deadline_ns != UK_TIME_NEVER) {
		uk_timer_init(&self->timer, time_out, self);
		uk_timer_arm(&self->timer, deadline_ns);
	}
	uk_sched_switch();
	return !self->timed_out;
}

void uk_thread_sleep_until(uint64_t deadline_ns)
{
	uk_sched_wait(0, "sleep", 0, deadline_ns);
}

void uk_thread_sleep_ns(uint64_t ns)
{
	uk_thread_sleep_until(uk_time_deadline_in(ns));
}
