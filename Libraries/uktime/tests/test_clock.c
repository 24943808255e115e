/* The clocks and sleeping. */
#include <uktest/test.h>
#include <uktime/time.h>

UK_TESTCASE(time, monotonic_clock_never_goes_back)
{
	uint64_t last = uk_time_now_ns();

	for (int i = 0; i < 100000; i++) {
		uint64_t now = uk_time_now_ns();

		UK_TEST_ASSERT(now >= last);
		last = now;
	}
}

UK_TESTCASE(time, wall_clock_advances)
{
	uint64_t before = uk_time_wall_ns();

	uk_time_sleep_ns(UK_TIME_MS(1));
	UK_TEST_EXPECT(uk_time_wall_ns() > before);
}

UK_TESTCASE(time, sleep_lasts_at_least_the_time_asked)
{
	static const uint64_t lengths[] = { 0, UK_TIME_US(100), UK_TIME_MS(2), UK_TIME_MS(15) };

	for (unsigned i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
		uint64_t start = uk_time_now_ns();

		uk_time_sleep_ns(lengths[i]);
		UK_TEST_EXPECT(uk_time_now_ns() - start >= lengths[i]);
	}
}

UK_TESTCASE(time, sleep_until_a_past_deadline_returns)
{
	uk_time_sleep_until(0);
	uk_time_sleep_until(uk_time_now_ns());
}

UK_TESTCASE(time, deadline_in_saturates)
{
	UK_TEST_EXPECT(uk_time_deadline_in(UK_TIME_NEVER) == UK_TIME_NEVER);
	UK_TEST_EXPECT(uk_time_deadline_in(UK_TIME_NEVER - 1) == UK_TIME_NEVER);
	UK_TEST_EXPECT(uk_time_deadline_in(UK_TIME_MS(1)) >= uk_time_now_ns());
}
