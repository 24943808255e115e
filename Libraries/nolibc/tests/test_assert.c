/* assert.h: NDEBUG decides at each inclusion whether assert() evaluates. */
#include <uktest/test.h>

#define NDEBUG
#include <assert.h>

UK_TESTCASE(nolibc_assert, ndebug_leaves_the_expression_unevaluated)
{
	int evaluated = 0;

	assert(++evaluated == 100);
	UK_TEST_EXPECT_EQ(evaluated, 0);
}

#undef NDEBUG
#include <assert.h>

UK_TESTCASE(nolibc_assert, a_true_assertion_goes_on)
{
	int evaluated = 0;

	assert(++evaluated == 1);
	UK_TEST_EXPECT_EQ(evaluated, 1);
	static_assert(sizeof(int) == 4, "static_assert is available");
}
