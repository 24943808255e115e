/*
 * Unit tests that run inside an image. A library defines test cases next to
 * its code; the linker collects them (ukplat/sections.ld), so no list of
 * tests exists anywhere:
 *
 *	UK_TESTCASE(alloc, frees_coalesce)
 *	{
 *		void *p = uk_malloc(10);
 *		UK_TEST_EXPECT(p != NULL);
 *		UK_TEST_EXPECT_EQ(uk_usable_size(p) >= 10, 1);
 *	}
 *
 * A failed check reports and the test case goes on; UK_TEST_ASSERT returns
 * from the test case instead. Suites run in name order.
 */
#ifndef UKTEST_TEST_H
#define UKTEST_TEST_H

#include <stdint.h>

struct uk_test_state;

struct uk_testcase {
	const char *suite;
	const char *name;
	void (*run)(struct uk_test_state *uk_test);
};

#define UK_TESTCASE(suite, name)                                               \
	static void uk_test_##suite##_##name(struct uk_test_state *uk_test);   \
	static const struct uk_testcase uk_testcase_##suite##_##name           \
		__attribute__((used, aligned(8), section(".uk_testtab." #suite))) = \
			{ #suite, #name, uk_test_##suite##_##name };           \
	static void uk_test_##suite##_##name(                                 \
		struct uk_test_state *uk_test __attribute__((unused)))

/* Records the outcome of one check; returns `ok`. */
int uk_test_check(struct uk_test_state *state, int ok, const char *file, int line,
		  const char *what);
int uk_test_check_int(struct uk_test_state *state, int64_t actual, int64_t expected,
		      const char *file, int line, const char *what);
int uk_test_check_str(struct uk_test_state *state, const char *actual, const char *expected,
		      const char *file, int line, const char *what);

#define UK_TEST_EXPECT(cond)                                                   \
	uk_test_check(uk_test, !!(cond), __FILE__, __LINE__, #cond)
#define UK_TEST_EXPECT_EQ(actual, expected)                                    \
	uk_test_check_int(uk_test, (int64_t)(actual), (int64_t)(expected),     \
			  __FILE__, __LINE__, #actual " == " #expected)
#define UK_TEST_EXPECT_STR_EQ(actual, expected)                                \
	uk_test_check_str(uk_test, (actual), (expected), __FILE__, __LINE__,   \
			  #actual " == " #expected)
#define UK_TEST_ASSERT(cond)                                                   \
	do {                                                                   \
		if (!UK_TEST_EXPECT(cond))                                     \
			return;                                                \
	} while (0)

/*
 * Runs every test case whose "suite.name" starts with `filter` (all when
 * NULL), printing one line per case and a summary
 * "uktest: N passed, M failed". Returns the number of failed cases.
 */
int uk_test_run(const char *filter);

#endif
