/* Mutexes, semaphores and condition variables: order, counting, timeouts. */
#include <uksched/sched.h>
#include <uksched/sync.h>
#include <uktest/test.h>
#include <uktime/time.h>

#include "order.h"

static struct uk_mutex mutex = UK_MUTEX_INITIALIZER;
static struct uk_semaphore sem;
static struct uk_cond cond = UK_COND_INITIALIZER;

static void create_three(void *(*entry)(void *), struct uk_thread *t[3])
{
	t[0] = uk_thread_create("A", entry, "A");
	t[1] = uk_thread_create("B", entry, "B");
	t[2] = uk_thread_create("C", entry, "C");
}

static void join_three(struct uk_thread *t[3])
{
	for (int i = 0; i < 3; i++)
		uk_thread_join(t[i]);
}

static void *lock_note_unlock(void *arg)
{
	uk_mutex_lock(&mutex);
	order_note(*(const char *)arg);
	uk_mutex_unlock(&mutex);
	return 0;
}

UK_TESTCASE(sync, mutex_goes_to_waiters_in_arrival_order)
{
	struct uk_thread *t[3];

	order_reset();
	uk_mutex_lock(&mutex);
	create_three(lock_note_unlock, t);
	UK_TEST_ASSERT(t[0] && t[1] && t[2]);
	uk_thread_yield(); /* A, B and C wait for the mutex */
	UK_TEST_EXPECT(!uk_mutex_trylock(&mutex));
	uk_mutex_unlock(&mutex);
	UK_TEST_EXPECT(mutex.owner == t[0]);
	/* Handed over: main queues behind C although it never gave way. */
	uk_mutex_lock(&mutex);
	order_note('m');
	uk_mutex_unlock(&mutex);
	join_three(t);
	UK_TEST_EXPECT_STR_EQ(order, "ABCm");
	UK_TEST_EXPECT(mutex.owner == 0);
}

UK_TESTCASE(sync, mutex_trylock)
{
	UK_TEST_EXPECT(uk_mutex_trylock(&mutex));
	UK_TEST_EXPECT(mutex.owner == uk_thread_self());
	UK_TEST_EXPECT(!uk_mutex_trylock(&mutex));
	uk_mutex_unlock(&mutex);
	UK_TEST_EXPECT(uk_mutex_trylock(&mutex));
	uk_mutex_unlock(&mutex);
}

UK_TESTCASE(sync, semaphore_counts)
{
	uk_semaphore_init(&sem, 2);
	UK_TEST_EXPECT(uk_semaphore_try_down(&sem));
	UK_TEST_EXPECT(uk_semaphore_try_down(&sem));
	UK_TEST_EXPECT(!uk_semaphore_try_down(&sem));
	uk_semaphore_up(&sem);
	uk_semaphore_up(&sem);
	uk_semaphore_up(&sem);
	UK_TEST_EXPECT_EQ(sem.count, 3);
	uk_semaphore_down(&sem);
	UK_TEST_EXPECT(uk_semaphore_down_timeout(&sem, 0));
	UK_TEST_EXPECT(uk_semaphore_try_down(&sem));
	UK_TEST_EXPECT(!uk_semaphore_try_down(&sem));
}

static void *down_note(void *arg)
{
	uk_semaphore_down(&sem);
	order_note(*(const char *)arg);
	return 0;
}

UK_TESTCASE(sync, semaphore_wakes_waiters_in_arrival_order)
{
	struct uk_thread *t[3];

	order_reset();
	uk_semaphore_init(&sem, 0);
	create_three(down_note, t);
	UK_TEST_ASSERT(t[0] && t[1] && t[2]);
	uk_thread_yield();
	uk_semaphore_up(&sem);
	uk_semaphore_up(&sem);
	/* Handed over: the count stays 0 and main cannot take one. */
	UK_TEST_EXPECT(!uk_semaphore_try_down(&sem));
	uk_thread_yield();
	UK_TEST_EXPECT_STR_EQ(order, "AB");
	uk_semaphore_up(&sem);
	join_three(t);
	UK_TEST_EXPECT_STR_EQ(order, "ABC");
}

UK_TESTCASE(sync, semaphore_down_times_out)
{
	uint64_t start;

	uk_semaphore_init(&sem, 0);
	start = uk_time_now_ns();
	UK_TEST_EXPECT(!uk_semaphore_down_timeout(&sem, UK_TIME_MS(5)));
	UK_TEST_EXPECT(uk_time_now_ns() - start >= UK_TIME_MS(5));
	UK_TEST_EXPECT(sem.waiters.first == 0);
	uk_semaphore_up(&sem);
	UK_TEST_EXPECT_EQ(sem.count, 1);
	UK_TEST_EXPECT(uk_semaphore_down_timeout(&sem, UK_TIME_MS(5)));
}

static void *up_after_a_millisecond(void *arg __attribute__((unused)))
{
	uk_thread_sleep_ns(UK_TIME_MS(1));
	uk_semaphore_up(&sem);
	return 0;
}

UK_TESTCASE(sync, semaphore_down_gets_a_unit_before_the_timeout)
{
	struct uk_thread *t;
	uint64_t start = uk_time_now_ns();

	uk_semaphore_init(&sem, 0);
	t = uk_thread_create("up", up_after_a_millisecond, 0);
	UK_TEST_ASSERT(t);
	UK_TEST_EXPECT(uk_semaphore_down_timeout(&sem, UK_TIME_S(10)));
	UK_TEST_EXPECT(uk_time_now_ns() - start < UK_TIME_S(10));
	uk_thread_join(t);
	UK_TEST_EXPECT_EQ(sem.count, 0);
}

static void *wait_note(void *arg)
{
	uk_mutex_lock(&mutex);
	uk_cond_wait(&cond, &mutex);
	order_note(*(const char *)arg);
	uk_mutex_unlock(&mutex);
	return 0;
}

UK_TESTCASE(sync, cond_signal_wakes_one_broadcast_all_in_order)
{
	struct uk_thread *t[3];

	order_reset();
	create_three(wait_note, t);
	UK_TEST_ASSERT(t[0] && t[1] && t[2]);
	uk_thread_yield();
	uk_cond_signal(&cond);
	uk_thread_yield();
	UK_TEST_EXPECT_STR_EQ(order, "A");
	uk_cond_signal(&cond);
	uk_cond_signal(&cond);
	uk_cond_signal(&cond); /* nobody waits: lost, as it should be */
	uk_thread_yield();
	UK_TEST_EXPECT_STR_EQ(order, "ABC");
	join_three(t);

	order_reset();
	create_three(wait_note, t);
	uk_thread_yield();
	uk_mutex_lock(&mutex);
	uk_cond_broadcast(&cond);
	uk_thread_yield(); /* they all need the mutex main holds */
	UK_TEST_EXPECT_STR_EQ(order, "");
	uk_mutex_unlock(&mutex);
	join_three(t);
	UK_TEST_EXPECT_STR_EQ(order, "ABC");
}

UK_TESTCASE(sync, cond_wait_times_out_holding_the_mutex)
{
	uint64_t start = uk_time_now_ns();

	uk_mutex_lock(&mutex);
	UK_TEST_EXPECT(!uk_cond_wait_timeout(&cond, &mutex, UK_TIME_MS(5)));
	UK_TEST_EXPECT(uk_time_now_ns() - start >= UK_TIME_MS(5));
	UK_TEST_EXPECT(mutex.owner == uk_thread_self());
	UK_TEST_EXPECT(cond.waiters.first == 0);
	uk_mutex_unlock(&mutex);
}

static void *signal_after_a_millisecond(void *arg __attribute__((unused)))
{
	uk_thread_sleep_ns(UK_TIME_MS(1));
	uk_mutex_lock(&mutex);
	uk_cond_signal(&cond);
	uk_mutex_unlock(&mutex);
	return 0;
}

UK_TESTCASE(sync, cond_wait_signalled_before_the_timeout)
{
	struct uk_thread *t = uk_thread_create("signal", signal_after_a_millisecond, 0);

	UK_TEST_ASSERT(t);
	uk_mutex_lock(&mutex);
	UK_TEST_EXPECT(uk_cond_wait_timeout(&cond, &mutex, UK_TIME_S(10)));
	UK_TEST_EXPECT(mutex.owner == uk_thread_self());
	uk_mutex_unlock(&mutex);
	uk_thread_join(t);
}
