/*
 * Timers: order, ties, cancelling, re-arming. Most cases run the due timers
 * themselves with chosen times an hour from now, so nothing else fires
 * them and timing cannot change the outcome.
 */
#include <uktest/test.h>
#include <uktime/time.h>
#include <uktime/timer.h>

static char fired[16];
static unsigned fired_count;

static void note(struct uk_timer *timer __attribute__((unused)), void *arg)
{
	if (fired_count < sizeof(fired) - 1)
		fired[fired_count++] = *(const char *)arg;
	fired[fired_count] = '\0';
}

static void forget_fired(void)
{
	fired_count = 0;
	fired[0] = '\0';
}

static uint64_t an_hour_from_now(void)
{
	return uk_time_now_ns() + UK_TIME_S(3600);
}

UK_TESTCASE(timer, fire_in_deadline_order)
{
	struct uk_timer a = UK_TIMER_INITIALIZER(note, "a");
	struct uk_timer b = UK_TIMER_INITIALIZER(note, "b");
	struct uk_timer c = UK_TIMER_INITIALIZER(note, "c");
	uint64_t base = an_hour_from_now();

	forget_fired();
	uk_timer_arm(&a, base + 3);
	uk_timer_arm(&b, base + 1);
	uk_timer_arm(&c, base + 2);
	UK_TEST_EXPECT(uk_timer_next_deadline() == base + 1);
	uk_timer_run_due(base);
	UK_TEST_EXPECT_STR_EQ(fired, "");
	uk_timer_run_due(base + 2);
	UK_TEST_EXPECT_STR_EQ(fired, "bc");
	UK_TEST_EXPECT(!uk_timer_armed(&b) && uk_timer_armed(&a));
	UK_TEST_EXPECT(uk_timer_next_deadline() == base + 3);
	uk_timer_run_due(base + 3);
	UK_TEST_EXPECT_STR_EQ(fired, "bca");
	UK_TEST_EXPECT(uk_timer_next_deadline() == UK_TIME_NEVER);
}

UK_TESTCASE(timer, ties_fire_in_arming_order)
{
	struct uk_timer t[4];
	uint64_t base = an_hour_from_now();

	forget_fired();
	uk_timer_init(&t[0], note, "0");
	uk_timer_init(&t[1], note, "1");
	uk_timer_init(&t[2], note, "2");
	uk_timer_init(&t[3], note, "3");
	uk_timer_arm(&t[2], base + 5);
	uk_timer_arm(&t[0], base + 5);
	uk_timer_arm(&t[3], base + 1);
	uk_timer_arm(&t[1], base + 5);
	uk_timer_run_due(base + 5);
	UK_TEST_EXPECT_STR_EQ(fired, "3201");
}

UK_TESTCASE(timer, cancelled_timers_do_not_fire)
{
	struct uk_timer a = UK_TIMER_INITIALIZER(note, "a");
	struct uk_timer b = UK_TIMER_INITIALIZER(note, "b");
	struct uk_timer c = UK_TIMER_INITIALIZER(note, "c");
	uint64_t base = an_hour_from_now();

	forget_fired();
	uk_timer_arm(&a, base + 1);
	uk_timer_arm(&b, base + 2);
	uk_timer_arm(&c, base + 3);
	UK_TEST_EXPECT(uk_timer_cancel(&b));
	UK_TEST_EXPECT(!uk_timer_cancel(&b));
	UK_TEST_EXPECT(uk_timer_cancel(&a));
	UK_TEST_EXPECT(uk_timer_next_deadline() == base + 3);
	uk_timer_run_due(base + 3);
	UK_TEST_EXPECT_STR_EQ(fired, "c");
	UK_TEST_EXPECT(!uk_timer_cancel(&c));
}

UK_TESTCASE(timer, rearming_moves_the_timer)
{
	struct uk_timer a = UK_TIMER_INITIALIZER(note, "a");
	struct uk_timer b = UK_TIMER_INITIALIZER(note, "b");
	uint64_t base = an_hour_from_now();

	forget_fired();
	uk_timer_arm(&a, base + 1);
	uk_timer_arm(&b, base + 2);
	uk_timer_arm(&a, base + 3);
	uk_timer_run_due(base + 3);
	UK_TEST_EXPECT_STR_EQ(fired, "ba");
}

UK_TESTCASE(timer, fire_while_sleeping)
{
	struct uk_timer late = UK_TIMER_INITIALIZER(note, "l");
	struct uk_timer early = UK_TIMER_INITIALIZER(note, "e");
	struct uk_timer never = UK_TIMER_INITIALIZER(note, "n");

	forget_fired();
	uk_timer_arm(&late, uk_time_deadline_in(UK_TIME_MS(2)));
	uk_timer_arm(&early, uk_time_deadline_in(UK_TIME_MS(1)));
	uk_timer_arm(&never, an_hour_from_now());
	uk_time_sleep_ns(UK_TIME_MS(4));
	UK_TEST_EXPECT_STR_EQ(fired, "el");
	UK_TEST_EXPECT(uk_timer_cancel(&never));
}
