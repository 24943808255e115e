/* memchr, memcmp and strlen against byte-by-byte references: every length
 * from 0 to 40 at unaligned addresses, matches and differences at the first
 * and last byte, bytes compared unsigned. */
#include <string.h>
#include <uktest/test.h>

#define LEN_MAX 40

static const unsigned char *reference_memchr(const unsigned char *p, int c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] == (unsigned char)c)
			return p + i;
	return 0;
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

UK_TESTCASE(nolibc_memory_scan, memchr_finds_the_first_match_or_none)
{
	unsigned char buf[LEN_MAX + 8];
	int bad = 0;

	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i % 5 == 4 ? 0xa7 : 'a' + i % 5);
	for (size_t offset = 0; offset < 3; offset++)
		for (size_t len = 0; len <= LEN_MAX; len++) {
			const unsigned char *p = buf + offset;

			bad += memchr(p, 0xa7, len) != reference_memchr(p, 0xa7, len);
			bad += memchr(p, 0x1a7, len) != reference_memchr(p, 0xa7, len); /* low byte only */
			bad += memchr(p, 'c', len) != reference_memchr(p, 'c', len);
			bad += memchr(p, 'z', len) != 0;
		}
	UK_TEST_EXPECT_EQ(bad, 0);
	UK_TEST_EXPECT(memchr("abc", 'c', 3) != 0);  /* on the last byte */
	UK_TEST_EXPECT(memchr("abc", 'c', 2) == 0);  /* just past the end */
	UK_TEST_EXPECT(memchr("abc", 'a', 1) != 0);
}

UK_TESTCASE(nolibc_memory_scan, memcmp_signs_the_first_difference)
{
	unsigned char a[LEN_MAX + 4], b[LEN_MAX + 4];
	int bad = 0;

	for (size_t len = 0; len <= LEN_MAX; len++)
		for (size_t at = 0; at <= len; at++) {
			for (size_t i = 0; i < sizeof(a); i++)
				a[i] = b[i] = (unsigned char)(i * 13);
			if (at < len) {
				a[1 + at] = 0x80;  /* above every other value: unsigned */
				b[1 + at] = 0x01;
			}
			bad += sign(memcmp(a + 1, b + 1, len)) != (at < len ? 1 : 0);
			bad += sign(memcmp(b + 1, a + 1, len)) != (at < len ? -1 : 0);
		}
	UK_TEST_EXPECT_EQ(bad, 0);
	UK_TEST_EXPECT_EQ(memcmp("ab", "ab", 2), 0);
	UK_TEST_EXPECT_EQ(memcmp("\xff", "\x00", 1), 255);
}

UK_TESTCASE(nolibc_memory_scan, strlen_every_length_and_alignment)
{
	char buf[LEN_MAX + 8];
	int bad = 0;

	for (size_t offset = 0; offset < 3; offset++)
		for (size_t len = 0; len <= LEN_MAX; len++) {
			memset(buf, 'x', sizeof(buf));
			buf[offset + len] = 0;
			bad += strlen(buf + offset) != len;
		}
	UK_TEST_EXPECT_EQ(bad, 0);
	UK_TEST_EXPECT_EQ(strlen("\xff\x80"), 2);
}
