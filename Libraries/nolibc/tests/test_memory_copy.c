/* memcpy, memmove and memset against byte-by-byte references: every length
 * from 0 to 64 at aligned and unaligned addresses, overlaps both ways, and
 * the bytes just outside the range left untouched. */
#include <stdint.h>
#include <string.h>
#include <uktest/test.h>

#define LEN_MAX 64
#define ROOM    (LEN_MAX + 32)

static const size_t offsets[] = { 0, 1, 7 };

/* Bytes that differ from each other and from any length or offset. */
static void fill(unsigned char *buf, size_t len, unsigned char seed)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (unsigned char)(seed + i * 37);
}

/* 1 when `buf` is `expect`, byte for byte. */
static int same(const unsigned char *buf, const unsigned char *expect, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (buf[i] != expect[i])
			return 0;
	return 1;
}

UK_TESTCASE(nolibc_memory_copy, memcpy_every_length_and_alignment)
{
	unsigned char src[ROOM], dst[ROOM], expect[ROOM];
	int bad = 0;

	fill(src, ROOM, 1);
	for (size_t len = 0; len <= LEN_MAX; len++)
		for (size_t s = 0; s < 3; s++)
			for (size_t d = 0; d < 3; d++) {
				fill(dst, ROOM, 200);
				fill(expect, ROOM, 200);
				for (size_t i = 0; i < len; i++)
					expect[offsets[d] + i] = src[offsets[s] + i];
				bad += memcpy(dst + offsets[d], src + offsets[s], len) != dst + offsets[d];
				bad += !same(dst, expect, ROOM);
			}
	UK_TEST_EXPECT_EQ(bad, 0);
}

/* Source and destination in one buffer, `shift` bytes apart either way. */
UK_TESTCASE(nolibc_memory_copy, memmove_overlapping_both_ways)
{
	unsigned char buf[ROOM], expect[ROOM], copy[ROOM];
	int bad = 0;

	for (size_t len = 0; len <= LEN_MAX; len++)
		for (size_t shift = 0; shift <= 9; shift++)
			for (int forward = 0; forward < 2; forward++) {
				size_t from = forward ? 3 : 3 + shift, to = forward ? 3 + shift : 3;

				fill(buf, ROOM, 9);
				fill(expect, ROOM, 9);
				fill(copy, ROOM, 9);
				for (size_t i = 0; i < len; i++)
					expect[to + i] = copy[from + i];
				bad += memmove(buf + to, buf + from, len) != buf + to;
				bad += !same(buf, expect, ROOM);
			}
	UK_TEST_EXPECT_EQ(bad, 0);
}

UK_TESTCASE(nolibc_memory_copy, memset_every_length_and_alignment)
{
	unsigned char buf[ROOM], expect[ROOM];
	int bad = 0;

	for (size_t len = 0; len <= LEN_MAX; len++)
		for (size_t d = 0; d < 3; d++) {
			int c = len % 2 ? 0x1a5 : 0; /* only the low byte counts */

			fill(buf, ROOM, 50);
			fill(expect, ROOM, 50);
			for (size_t i = 0; i < len; i++)
				expect[offsets[d] + i] = (unsigned char)c;
			bad += memset(buf + offsets[d], c, len) != buf + offsets[d];
			bad += !same(buf, expect, ROOM);
		}
	UK_TEST_EXPECT_EQ(bad, 0);
}
