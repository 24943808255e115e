/* Mutexes, handed from owner to the first waiter. */
#include <ukdebug/panic.h>
#include <uktime/time.h>

#include "thread.h"

void uk_mutex_init(struct uk_mutex *mutex)
{
	*mutex = (struct uk_mutex)UK_MUTEX_INITIALIZER;
}

bool uk_mutex_trylock(struct uk_mutex *mutex)
{
	if (mutex->owner)
		return false;
	mutex->owner = uk_thread_self();
	return true;
}

void uk_mutex_lock(struct uk_mutex *mutex)
{
	struct uk_thread *self = uk_thread_self();

	if (mutex->owner == self)
		uk_panic("uksched: %s locks mutex %p, which it owns already", self->name,
			 (void *)mutex);
	if (!mutex->owner) {
		mutex->owner = self;
		return;
	}
	/* uk_mutex_unlock makes this thread the owner before waking it. */
	uk_sched_wait(&mutex->waiters, "mutex", mutex, UK_TIME_NEVER);
}

void uk_mutex_unlock(struct uk_mutex *mutex)
{
	struct uk_thread *self = uk_thread_self();
	struct uk_thread *next = mutex->waiters.first;

	if (mutex->owner != self)
		uk_panic("uksched: %s unlocks mutex %p, owned by %s", self->name, (void *)mutex,
			 mutex->owner ? mutex->owner->name : "nobody");
	mutex->owner = next;
	if (next)
		uk_sched_wake(next);
}
