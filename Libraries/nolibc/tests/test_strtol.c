/* The strto* and ato* functions: bases, prefixes, signs, where parsing
 * ends, and overflow (clamped, errno ERANGE). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <uktest/test.h>

UK_TESTCASE(nolibc_strtol, bases_and_prefixes)
{
	char *end;

	UK_TEST_EXPECT_EQ(strtol("  42", &end, 10), 42);
	UK_TEST_EXPECT_EQ(*end, '\0');
	UK_TEST_EXPECT_EQ(strtol("-0x1f", 0, 16), -31);
	UK_TEST_EXPECT_EQ(strtol("0x1f", 0, 0), 31);
	UK_TEST_EXPECT_EQ(strtol("017", 0, 0), 15);
	UK_TEST_EXPECT_EQ(strtol("017", 0, 10), 17);
	UK_TEST_EXPECT_EQ(strtol("+101", 0, 2), 5);
	UK_TEST_EXPECT_EQ(strtol("zZ", 0, 36), 35 * 36 + 35);
	UK_TEST_EXPECT_EQ(strtoul("ff", 0, 16), 255);
}

UK_TESTCASE(nolibc_strtol, end_points_past_the_digits)
{
	const char *s = "123abc";
	char *end;

	UK_TEST_EXPECT_EQ(strtol(s, &end, 10), 123);
	UK_TEST_EXPECT(end == s + 3);
	/* "0x" without hex digits: the 0 is the number, the x is left. */
	s = "0xg";
	UK_TEST_EXPECT_EQ(strtol(s, &end, 16), 0);
	UK_TEST_EXPECT(end == s + 1);
	/* No digits at all: 0, and end is the start, blanks and sign included. */
	s = "  -x";
	UK_TEST_EXPECT_EQ(strtol(s, &end, 10), 0);
	UK_TEST_EXPECT(end == s);
	s = "9";
	UK_TEST_EXPECT_EQ(strtol(s, &end, 8), 0);
	UK_TEST_EXPECT(end == s);
}

UK_TESTCASE(nolibc_strtol, limits_and_overflow)
{
	char *end;

	errno = 0;
	UK_TEST_EXPECT_EQ(strtol("9223372036854775807", 0, 10), LONG_MAX);
	UK_TEST_EXPECT_EQ(strtol("-9223372036854775808", 0, 10), LONG_MIN);
	UK_TEST_EXPECT_EQ(errno, 0);
	UK_TEST_EXPECT_EQ(strtol("9223372036854775808", &end, 10), LONG_MAX);
	UK_TEST_EXPECT_EQ(errno, ERANGE);
	UK_TEST_EXPECT_EQ(*end, '\0'); /* every digit is consumed even so */
	errno = 0;
	UK_TEST_EXPECT_EQ(strtol("-9223372036854775809", 0, 10), LONG_MIN);
	UK_TEST_EXPECT_EQ(errno, ERANGE);
	errno = 0;
	UK_TEST_EXPECT_EQ(strtoll("99999999999999999999999999", 0, 10), LLONG_MAX);
	UK_TEST_EXPECT_EQ(errno, ERANGE);
	errno = 0;
	UK_TEST_EXPECT_EQ(strtoull("18446744073709551615", 0, 10), ULLONG_MAX);
	UK_TEST_EXPECT_EQ(errno, 0);
	UK_TEST_EXPECT_EQ(strtoull("18446744073709551616", 0, 10), ULLONG_MAX);
	UK_TEST_EXPECT_EQ(errno, ERANGE);
	errno = 0;
	UK_TEST_EXPECT_EQ(strtoul("0xffffffffffffffff0", 0, 16), ULONG_MAX);
	UK_TEST_EXPECT_EQ(errno, ERANGE);
}

/* strtoul accepts a minus sign and negates in unsigned arithmetic. */
UK_TESTCASE(nolibc_strtol, strtoul_negates)
{
	errno = 0;
	UK_TEST_EXPECT(strtoul("-1", 0, 10) == ULONG_MAX);
	UK_TEST_EXPECT(strtoul("-2", 0, 10) == ULONG_MAX - 1);
	UK_TEST_EXPECT_EQ(errno, 0);
}

UK_TESTCASE(nolibc_strtol, invalid_base)
{
	const char *s = "10";
	char *end;

	errno = 0;
	UK_TEST_EXPECT_EQ(strtol(s, &end, 1), 0);
	UK_TEST_EXPECT_EQ(errno, EINVAL);
	UK_TEST_EXPECT(end == s);
	errno = 0;
	UK_TEST_EXPECT_EQ(strtol(s, &end, 37), 0);
	UK_TEST_EXPECT_EQ(errno, EINVAL);
}

UK_TESTCASE(nolibc_strtol, ato_functions)
{
	UK_TEST_EXPECT_EQ(atoi(" -17xyz"), -17);
	UK_TEST_EXPECT_EQ(atoi("x"), 0);
	UK_TEST_EXPECT_EQ(atoi("010"), 10); /* always decimal */
	UK_TEST_EXPECT_EQ(atol("1234567890123"), 1234567890123L);
	UK_TEST_EXPECT_EQ(atoll("-1234567890123"), -1234567890123LL);
}
