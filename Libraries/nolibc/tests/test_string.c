/* string.h and strings.h: results, edge cases, the bytes left untouched. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <uktest/test.h>

UK_TESTCASE(nolibc_string, memmove_handles_overlap_both_ways)
{
	char forward[] = "abcdefgh", backward[] = "abcdefgh";

	memmove(forward + 2, forward, 5);
	UK_TEST_EXPECT_STR_EQ(forward, "ababcdeh");
	memmove(backward, backward + 2, 5);
	UK_TEST_EXPECT_STR_EQ(backward, "cdefgfgh");
}

UK_TESTCASE(nolibc_string, memset_memcmp_memchr_memrchr)
{
	unsigned char buf[8];

	memset(buf, 0xab, sizeof(buf));
	UK_TEST_EXPECT_EQ(buf[0], 0xab);
	UK_TEST_EXPECT_EQ(buf[7], 0xab);
	UK_TEST_EXPECT_EQ(memcmp("abc", "abd", 3) < 0, 1);
	UK_TEST_EXPECT_EQ(memcmp("abc", "abd", 2), 0);
	UK_TEST_EXPECT_EQ(memcmp("\x80", "\x01", 1) > 0, 1); /* bytes compare unsigned */
	UK_TEST_EXPECT_EQ(memcmp("x", "y", 0), 0);
	const char *s = "abcabc";
	UK_TEST_EXPECT(memchr(s, 'c', 6) == s + 2);
	UK_TEST_EXPECT(memrchr(s, 'c', 6) == s + 5);
	UK_TEST_EXPECT(memchr(s, 'c', 2) == 0);
	UK_TEST_EXPECT(memrchr(s, 'z', 6) == 0);
	UK_TEST_EXPECT(memchr(s, '\0', 7) == s + 6);
}

UK_TESTCASE(nolibc_string, length_and_comparison)
{
	UK_TEST_EXPECT_EQ(strlen(""), 0);
	UK_TEST_EXPECT_EQ(strlen("hello"), 5);
	UK_TEST_EXPECT_EQ(strnlen("hello", 3), 3);
	UK_TEST_EXPECT_EQ(strnlen("hi", 10), 2);
	UK_TEST_EXPECT_EQ(strcmp("abc", "abc"), 0);
	UK_TEST_EXPECT(strcmp("abc", "abd") < 0);
	UK_TEST_EXPECT(strcmp("abc", "ab") > 0);
	UK_TEST_EXPECT(strcmp("\xff", "a") > 0);
	UK_TEST_EXPECT_EQ(strncmp("abcx", "abcy", 3), 0);
	UK_TEST_EXPECT(strncmp("abcx", "abcy", 4) < 0);
	UK_TEST_EXPECT_EQ(strncmp("a", "b", 0), 0);
}

UK_TESTCASE(nolibc_string, search)
{
	const char *s = "hello, world";

	UK_TEST_EXPECT(strchr(s, 'o') == s + 4);
	UK_TEST_EXPECT(strrchr(s, 'o') == s + 8);
	UK_TEST_EXPECT(strchr(s, '\0') == s + 12);
	UK_TEST_EXPECT(strchr(s, 'z') == 0);
	UK_TEST_EXPECT(strstr(s, "world") == s + 7);
	UK_TEST_EXPECT(strstr(s, "") == s);
	UK_TEST_EXPECT(strstr(s, "worlds") == 0);
	UK_TEST_EXPECT(strstr("aaab", "aab") != 0);
	UK_TEST_EXPECT(strstr("", "a") == 0);
	UK_TEST_EXPECT_EQ(strspn("  \tx", " \t"), 3);
	UK_TEST_EXPECT_EQ(strspn("abc", ""), 0);
	UK_TEST_EXPECT_EQ(strcspn("abc,def", ",;"), 3);
	UK_TEST_EXPECT_EQ(strcspn("abc", ""), 3);
	UK_TEST_EXPECT(strpbrk(s, ",!") == s + 5);
	UK_TEST_EXPECT(strpbrk(s, "xyz") == 0);
}

UK_TESTCASE(nolibc_string, copy_and_concatenate)
{
	char buf[16];

	UK_TEST_EXPECT(strcpy(buf, "abc") == buf);
	UK_TEST_EXPECT_STR_EQ(buf, "abc");
	UK_TEST_EXPECT(strcat(buf, "def") == buf);
	UK_TEST_EXPECT_STR_EQ(buf, "abcdef");
	memset(buf, 'x', sizeof(buf));
	strncat(strcpy(buf, "ab"), "cdef", 2);
	UK_TEST_EXPECT_STR_EQ(buf, "abcd");
	strncat(buf, "e", 10);
	UK_TEST_EXPECT_STR_EQ(buf, "abcde");
}

/* strncpy pads with NULs, and leaves no terminator when the source fills n. */
UK_TESTCASE(nolibc_string, strncpy_pads_and_truncates)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "ab", 5);
	UK_TEST_EXPECT(memcmp(buf, "ab\0\0\0xxx", 8) == 0);
	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "abcdef", 3);
	UK_TEST_EXPECT(memcmp(buf, "abcxxxxx", 8) == 0);
}

UK_TESTCASE(nolibc_string, strdup_and_strndup)
{
	char *a = strdup("hello"), *b = strndup("hello", 3), *c = strndup("hi", 10);

	UK_TEST_ASSERT(a && b && c);
	UK_TEST_EXPECT_STR_EQ(a, "hello");
	UK_TEST_EXPECT_STR_EQ(b, "hel");
	UK_TEST_EXPECT_STR_EQ(c, "hi");
	free(a);
	free(b);
	free(c);
}

UK_TESTCASE(nolibc_string, strtok_r_skips_runs_of_delimiters)
{
	char line[] = ",,one,,two;three,";
	char *save, *token;

	token = strtok_r(line, ",;", &save);
	UK_TEST_EXPECT_STR_EQ(token, "one");
	UK_TEST_EXPECT_STR_EQ(strtok_r(0, ",;", &save), "two");
	UK_TEST_EXPECT_STR_EQ(strtok_r(0, ",;", &save), "three");
	UK_TEST_EXPECT(strtok_r(0, ",;", &save) == 0);
	UK_TEST_EXPECT(strtok_r(0, ",;", &save) == 0);
}

UK_TESTCASE(nolibc_string, strtok_keeps_its_place)
{
	char line[] = "a b  c";
	char empty[] = "   ";

	UK_TEST_EXPECT_STR_EQ(strtok(line, " "), "a");
	UK_TEST_EXPECT_STR_EQ(strtok(0, " "), "b");
	UK_TEST_EXPECT_STR_EQ(strtok(0, " "), "c");
	UK_TEST_EXPECT(strtok(0, " ") == 0);
	UK_TEST_EXPECT(strtok(empty, " ") == 0);
}

UK_TESTCASE(nolibc_string, case_insensitive_comparison)
{
	UK_TEST_EXPECT_EQ(strcasecmp("Hello", "hELLO"), 0);
	UK_TEST_EXPECT(strcasecmp("abc", "ABD") < 0);
	UK_TEST_EXPECT(strcasecmp("abcd", "ABC") > 0);
	UK_TEST_EXPECT(strcasecmp("[", "{") < 0); /* not letters: as they are */
	UK_TEST_EXPECT_EQ(strncasecmp("HELLOx", "helloy", 5), 0);
	UK_TEST_EXPECT(strncasecmp("HELLOx", "helloy", 6) < 0);
	UK_TEST_EXPECT_EQ(strncasecmp("a", "b", 0), 0);
}

UK_TESTCASE(nolibc_string, strerror_has_glibc_messages)
{
	UK_TEST_EXPECT_STR_EQ(strerror(0), "Success");
	UK_TEST_EXPECT_STR_EQ(strerror(ENOMEM), "Cannot allocate memory");
	UK_TEST_EXPECT_STR_EQ(strerror(ERANGE), "Numerical result out of range");
	UK_TEST_EXPECT_STR_EQ(strerror(ETIMEDOUT), "Connection timed out");
	UK_TEST_EXPECT_STR_EQ(strerror(EWOULDBLOCK), "Resource temporarily unavailable");
	UK_TEST_EXPECT_STR_EQ(strerror(41), "Unknown error 41");
	UK_TEST_EXPECT_STR_EQ(strerror(-3), "Unknown error -3");
	UK_TEST_EXPECT_STR_EQ(strerror(4000), "Unknown error 4000");
}
