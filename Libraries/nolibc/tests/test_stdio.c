/* stdio.h: what snprintf and sprintf write into buffers (the conversions
 * themselves are checked against glibc by Tests/GuestTests/formats), and the
 * return values of the stream functions. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <uktest/test.h>

UK_TESTCASE(nolibc_stdio, snprintf_truncates_and_terminates)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	UK_TEST_EXPECT_EQ(snprintf(buf, 5, "%s", "abcdefgh"), 8);
	UK_TEST_EXPECT_STR_EQ(buf, "abcd");
	UK_TEST_EXPECT_EQ(buf[5], 'x');
	UK_TEST_EXPECT_EQ(snprintf(buf, 1, "%d", 12345), 5);
	UK_TEST_EXPECT_EQ(buf[0], '\0');
	UK_TEST_EXPECT_EQ(buf[1], 'b');
	/* Size 0 writes nothing, so the buffer may be NULL: a length query. */
	UK_TEST_EXPECT_EQ(snprintf(0, 0, "%05d|%s", 42, "xyz"), 9);
	UK_TEST_EXPECT_EQ(snprintf(buf, sizeof(buf), "%s", ""), 0);
	UK_TEST_EXPECT_STR_EQ(buf, "");
}

UK_TESTCASE(nolibc_stdio, sprintf_writes_it_all)
{
	char buf[64];

	UK_TEST_EXPECT_EQ(sprintf(buf, "%s-%d-%#x", "a", -1, 255u), 9);
	UK_TEST_EXPECT_STR_EQ(buf, "a--1-0xff");
}

/* Floating point is not supported, but its argument is taken so that the
 * conversions after it still print their own. */
UK_TESTCASE(nolibc_stdio, floating_point_keeps_arguments_in_place)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%d %f %d %.2e %s", 1, 2.5, 3, 4.0, "end");
	UK_TEST_EXPECT_STR_EQ(buf, "1 %f 3 %e end");
}

/* Prints "stdio: ok" in pieces. */
UK_TESTCASE(nolibc_stdio, stream_functions_return_values)
{
	UK_TEST_EXPECT(fputs("stdio: ", stdout) >= 0);
	UK_TEST_EXPECT_EQ(fputc('o', stdout), 'o');
	UK_TEST_EXPECT_EQ(putc(0x100 + 'k', stdout), 'k'); /* converted to unsigned char */
	UK_TEST_EXPECT_EQ(fwrite("\n", 1, 1, stdout), 1);
	UK_TEST_EXPECT_EQ(fwrite("", 0, 5, stdout), 0);
	UK_TEST_EXPECT(fputs("", stderr) >= 0);
	UK_TEST_EXPECT_EQ(fprintf(stderr, "%s", ""), 0);
	UK_TEST_EXPECT_EQ(fflush(stdout), 0);
	UK_TEST_EXPECT_EQ(fflush(0), 0);
}

UK_TESTCASE(nolibc_stdio, errno_is_an_lvalue)
{
	errno = EBUSY;
	UK_TEST_EXPECT_EQ(errno, EBUSY);
	UK_TEST_EXPECT(&errno == __errno_location());
	errno = 0;
}
