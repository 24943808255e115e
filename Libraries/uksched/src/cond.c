/* Condition variables. No wake-up can be lost between releasing the mutex
 * and waiting: no other thread runs in between. */
#include <uktime/time.h>

#include "thread.h"

void uk_cond_init(struct uk_cond *cond)
{
	*cond = (struct uk_cond)UK_COND_INITIALIZER;
}

static bool wait_until(struct uk_cond *cond, struct uk_mutex *mutex, uint64_t deadline_ns)
{
	bool signalled;

	uk_mutex_unlock(mutex);
	signalled = uk_sched_wait(&cond->waiters, "condition variable", cond, deadline_ns);
	uk_mutex_lock(mutex);
	return signalled;
}

void uk_cond_wait(struct uk_cond *cond, struct uk_mutex *mutex)
{
	wait_until(cond, mutex, UK_TIME_NEVER);
}

bool uk_cond_wait_timeout(struct uk_cond *cond, struct uk_mutex *mutex, uint64_t timeout_ns)
{
	return wait_until(cond, mutex, uk_time_deadline_in(timeout_ns));
}

void uk_cond_signal(struct uk_cond *cond)
{
	if (cond->waiters.first)
		uk_sched_wake(cond->waiters.first);
}

void uk_cond_broadcast(struct uk_cond *cond)
{
	while (cond->waiters.first)
		uk_sched_wake(cond->waiters.first);
}
