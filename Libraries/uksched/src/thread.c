/* Threads: creation with their stacks, names, exit and join. */
#include <string.h>
#include <unikit/config.h>
#include <ukalloc/alloc.h>
#include <ukarch/context.h>
#include <ukboot/exit.h>
#include <ukdebug/panic.h>
#include <uktime/time.h>

#include "thread.h"

#define STACK_SIZE ((size_t)CONFIG_LIBUKSCHED_STACK_SIZE_KB * 1024)

/* Page-aligned so that the bottom page can become a guard page. */
#define STACK_ALIGN 4096

/* The bottom word of every thread stack, while nothing overflowed it. */
#define STACK_CANARY 0x57ac4ca4a12ddeadULL

const char *uk_thread_name(const struct uk_thread *thread)
{
	return thread->name;
}

void uk_thread_check_stack(const struct uk_thread *thread)
{
#ifdef CONFIG_LIBUKSCHED_STACK_CANARY
	if (thread->stack && *(const uint64_t *)thread->stack != STACK_CANARY)
		uk_panic("uksched: thread %s overflowed its %zu-byte stack", thread->name,
			 STACK_SIZE);
#else
	(void)thread;
#endif
}

/* Where a new thread's entry function returns to. */
__attribute__((noreturn)) static void exit_from_entry(void *result)
{
	uk_thread_exit(result);
}

static void set_name(struct uk_thread *thread, const char *name)
{
	size_t i;

	for (i = 0; name[i] && i < sizeof(thread->name) - 1; i++)
		thread->name[i] = name[i];
	thread->name[i] = '\0';
}

struct uk_thread *uk_thread_create(const char *name, uk_thread_fn_t entry, void *arg)
{
	struct uk_thread *thread = uk_malloc(sizeof(*thread));
	void *stack = uk_memalign(STACK_ALIGN, STACK_SIZE);
	struct uk_thread *last;

	if (!thread || !stack) {
		uk_free(thread);
		uk_free(stack);
		return 0;
	}
	memset(thread, 0, sizeof(*thread));
	set_name(thread, name);
	thread->stack = stack;
	*(uint64_t *)stack = STACK_CANARY;
	thread->context = ukarch_context_init(stack, STACK_SIZE, entry, arg, exit_from_entry);

	for (last = uk_sched_alive; last->next_alive; last = last->next_alive)
		;
	last->next_alive = thread;
	uk_sched_wake(thread);
	return thread;
}

static void forget_alive(struct uk_thread *thread)
{
	struct uk_thread **link = &uk_sched_alive;

	while (*link != thread)
		link = &(*link)->next_alive;
	*link = thread->next_alive;
}

void uk_thread_exit(void *result)
{
	struct uk_thread *self = uk_thread_self();

	if (!self->stack)
		ukboot_exit((int)(intptr_t)result);
	self->result = result;
	self->state = UK_THREAD_EXITED;
	forget_alive(self);
	if (self->joiner)
		uk_sched_wake(self->joiner);
	uk_sched_switch();
	uk_panic("uksched: exited thread %s was resumed", self->name);
}

void *uk_thread_join(struct uk_thread *thread)
{
	void *result;

	if (thread == uk_thread_self() || !thread->stack || thread->joiner)
		uk_panic("uksched: %s cannot join %s: itself, main, or joined already",
			 uk_thread_self()->name, thread->name);
	if (thread->state != UK_THREAD_EXITED) {
		thread->joiner = uk_thread_self();
		uk_sched_wait(0, "join", thread, UK_TIME_NEVER);
	}
	result = thread->result;
	uk_free(thread->stack);
	uk_free(thread);
	return result;
}
