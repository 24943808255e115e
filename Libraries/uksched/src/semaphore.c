/* Counting semaphores; a unit given while threads wait goes to the first. */
#include <uktime/time.h>

#include "thread.h"

void uk_semaphore_init(struct uk_semaphore *sem, unsigned long count)
{
	*sem = (struct uk_semaphore)UK_SEMAPHORE_INITIALIZER(count);
}

bool uk_semaphore_try_down(struct uk_semaphore *sem)
{
	if (sem->count == 0)
		return false;
	sem->count--;
	return true;
}

/* A wait that ends without timing out got its unit from uk_semaphore_up. */
static bool down_until(struct uk_semaphore *sem, uint64_t deadline_ns)
{
	if (uk_semaphore_try_down(sem))
		return true;
	return uk_sched_wait(&sem->waiters, "semaphore", sem, deadline_ns);
}

void uk_semaphore_down(struct uk_semaphore *sem)
{
	down_until(sem, UK_TIME_NEVER);
}

bool uk_semaphore_down_timeout(struct uk_semaphore *sem, uint64_t timeout_ns)
{
	return down_until(sem, uk_time_deadline_in(timeout_ns));
}

void uk_semaphore_up(struct uk_semaphore *sem)
{
	if (sem->waiters.first)
		uk_sched_wake(sem->waiters.first);
	else
		sem->count++;
}
