/*
 * The armed timers, kept in a list sorted by deadline, ties in arming
 * order. A sorted doubly-linked list rather than a binary heap because:
 * - the links live in the timer itself, so arming never allocates and
 *   cannot fail (a sleep or a timed wait cannot run out of memory);
 * - firing takes the head and cancelling unlinks: O(1) both, and timed
 *   waits that end early cancel their timer all the time;
 * - ties keep arming order without a sequence number;
 * - arming searches from the tail, and a new deadline is usually the
 *   latest (threads sleeping similar lengths), so that is O(1) too.
 * The cost is an O(n) insertion in the worst case, with n the number of
 * armed timers: a few per thread in a unikernel.
 */
#include <uktime/time.h>
#include <uktime/timer.h>

static struct uk_timer *first, *last;

void uk_timer_init(struct uk_timer *timer, uk_timer_fn_t fire, void *arg)
{
	timer->fire = fire;
	timer->arg = arg;
	timer->armed = false;
}

static void unlink_timer(struct uk_timer *timer)
{
	if (timer->prev)
		timer->prev->next = timer->next;
	else
		first = timer->next;
	if (timer->next)
		timer->next->prev = timer->prev;
	else
		last = timer->prev;
	timer->armed = false;
}

void uk_timer_arm(struct uk_timer *timer, uint64_t deadline_ns)
{
	struct uk_timer *before;

	if (timer->armed)
		unlink_timer(timer);
	timer->deadline_ns = deadline_ns;

	/* The last timer not due after this one goes in front of it. */
	for (before = last; before && before->deadline_ns > deadline_ns; before = before->prev)
		;
	timer->prev = before;
	timer->next = before ? before->next : first;
	if (timer->next)
		timer->next->prev = timer;
	else
		last = timer;
	if (before)
		before->next = timer;
	else
		first = timer;
	timer->armed = true;
}

bool uk_timer_cancel(struct uk_timer *timer)
{
	if (!timer->armed)
		return false;
	unlink_timer(timer);
	return true;
}

uint64_t uk_timer_next_deadline(void)
{
	return first ? first->deadline_ns : UK_TIME_NEVER;
}

void uk_timer_run_due(uint64_t now_ns)
{
	while (first && first->deadline_ns <= now_ns) {
		struct uk_timer *timer = first;

		unlink_timer(timer);
		timer->fire(timer, timer->arg);
	}
}
