/* Threads: the run queue, sleeping, join, names, errno. */
#include <errno.h>
#include <uksched/sched.h>
#include <uktest/test.h>
#include <uktime/time.h>

#include "order.h"

static void *note_and_yield_three_times(void *arg)
{
	for (int i = 0; i < 3; i++) {
		order_note(*(const char *)arg);
		uk_thread_yield();
	}
	return 0;
}

UK_TESTCASE(sched, main_is_the_first_thread)
{
	UK_TEST_EXPECT_STR_EQ(uk_thread_name(uk_thread_self()), "main");
	uk_thread_yield();
}

UK_TESTCASE(sched, run_queue_is_round_robin_in_creation_order)
{
	struct uk_thread *a, *b, *c;

	order_reset();
	a = uk_thread_create("A", note_and_yield_three_times, "A");
	b = uk_thread_create("B", note_and_yield_three_times, "B");
	c = uk_thread_create("C", note_and_yield_three_times, "C");
	UK_TEST_ASSERT(a && b && c);
	UK_TEST_EXPECT_STR_EQ(order, "");
	uk_thread_join(a);
	uk_thread_join(b);
	uk_thread_join(c);
	UK_TEST_EXPECT_STR_EQ(order, "ABCABCABC");
}

UK_TESTCASE(sched, yielding_main_takes_its_turn)
{
	struct uk_thread *a, *b;

	order_reset();
	a = uk_thread_create("A", note_and_yield_three_times, "A");
	b = uk_thread_create("B", note_and_yield_three_times, "B");
	UK_TEST_ASSERT(a && b);
	for (int i = 0; i < 2; i++) {
		uk_thread_yield();
		order_note('m');
	}
	uk_thread_join(a);
	uk_thread_join(b);
	UK_TEST_EXPECT_STR_EQ(order, "ABmABmAB");
}

struct sleeper {
	char letter;
	uint64_t deadline_ns;
};

static void *sleep_then_note(void *arg)
{
	const struct sleeper *s = arg;

	uk_thread_sleep_until(s->deadline_ns);
	order_note(s->letter);
	return 0;
}

UK_TESTCASE(sched, sleepers_wake_by_deadline_ties_first_come)
{
	uint64_t base = uk_time_now_ns();
	struct sleeper sleepers[] = {
		{ 'A', base + UK_TIME_MS(30) },
		{ 'B', base + UK_TIME_MS(10) },
		{ 'C', base + UK_TIME_MS(20) },
		{ 'D', base + UK_TIME_MS(10) },
	};
	struct uk_thread *t[4];

	order_reset();
	for (int i = 0; i < 4; i++)
		UK_TEST_ASSERT(t[i] = uk_thread_create("sleeper", sleep_then_note, &sleepers[i]));
	for (int i = 0; i < 4; i++)
		uk_thread_join(t[i]);
	UK_TEST_EXPECT_STR_EQ(order, "BDCA");
	UK_TEST_EXPECT(uk_time_now_ns() >= base + UK_TIME_MS(30));
}

UK_TESTCASE(sched, sleep_lasts_at_least_the_time_asked)
{
	uint64_t start = uk_time_now_ns();

	uk_thread_sleep_ns(UK_TIME_MS(5));
	UK_TEST_EXPECT(uk_time_now_ns() - start >= UK_TIME_MS(5));
}

UK_TESTCASE(sched, sleep_until_a_past_deadline_yields)
{
	struct uk_thread *a;

	order_reset();
	a = uk_thread_create("A", note_and_yield_three_times, "A");
	UK_TEST_ASSERT(a);
	uk_thread_sleep_until(0);
	order_note('m');
	uk_thread_join(a);
	UK_TEST_EXPECT_STR_EQ(order, "AmAA");
}

static void *return_argument(void *arg)
{
	return arg;
}

static void *exit_early(void *arg)
{
	uk_thread_yield();
	uk_thread_exit(arg);
}

UK_TESTCASE(sched, join_returns_the_result)
{
	struct uk_thread *returns = uk_thread_create("returns", return_argument, (void *)42);
	struct uk_thread *exits = uk_thread_create("exits", exit_early, (void *)7);
	struct uk_thread *done = uk_thread_create("done", return_argument, (void *)9);

	UK_TEST_ASSERT(returns && exits && done);
	uk_thread_yield();
	uk_thread_yield();
	/* done has ended before the join. */
	UK_TEST_EXPECT_EQ((intptr_t)uk_thread_join(done), 9);
	UK_TEST_EXPECT_EQ((intptr_t)uk_thread_join(exits), 7);
	UK_TEST_EXPECT_EQ((intptr_t)uk_thread_join(returns), 42);
}

static void *own_name(void *arg __attribute__((unused)))
{
	return (void *)uk_thread_name(uk_thread_self());
}

UK_TESTCASE(sched, threads_have_their_names)
{
	struct uk_thread *t = uk_thread_create("worker", own_name, 0);
	struct uk_thread *long_name = uk_thread_create(
		"a-name-longer-than-thirty-one-characters", own_name, 0);

	UK_TEST_ASSERT(t && long_name);
	UK_TEST_EXPECT_STR_EQ(uk_thread_name(t), "worker");
	UK_TEST_EXPECT_STR_EQ(uk_thread_name(long_name), "a-name-longer-than-thirty-one-c");
	UK_TEST_EXPECT_STR_EQ(uk_thread_join(t), "worker");
	uk_thread_join(long_name);
}

static void *set_errno_and_yield(void *arg)
{
	errno = (int)(intptr_t)arg;
	uk_thread_yield();
	return (void *)(intptr_t)errno;
}

UK_TESTCASE(sched, each_thread_has_its_errno)
{
	struct uk_thread *a = uk_thread_create("A", set_errno_and_yield, (void *)ENOMEM);
	struct uk_thread *b = uk_thread_create("B", set_errno_and_yield, (void *)ERANGE);

	UK_TEST_ASSERT(a && b);
	errno = EINVAL;
	uk_thread_yield();
	UK_TEST_EXPECT_EQ(errno, EINVAL);
	UK_TEST_EXPECT_EQ((intptr_t)uk_thread_join(a), ENOMEM);
	UK_TEST_EXPECT_EQ((intptr_t)uk_thread_join(b), ERANGE);
	UK_TEST_EXPECT_EQ(errno, EINVAL);
	errno = 0;
}

/* The SysV ABI: %rsp + 8 is 16-byte aligned at a function's entry, so the
 * frame pointer, pushed there, is 16-byte aligned. */
static void *frame_misalignment(void *arg __attribute__((unused)))
{
	return (void *)((uintptr_t)__builtin_frame_address(0) & 15);
}

UK_TESTCASE(sched, new_threads_start_with_an_aligned_stack)
{
	struct uk_thread *t = uk_thread_create("aligned", frame_misalignment, 0);

	UK_TEST_ASSERT(t);
	UK_TEST_EXPECT_EQ((uintptr_t)uk_thread_join(t), 0);
}
