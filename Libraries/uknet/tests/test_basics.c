/* The pieces under the stack: the Internet checksum, addresses as text, the byte ring. */
#include <string.h>
#include <uknet/net.h>
#include <uktest/test.h>

#include "../src/checksum.h"
#include "../src/ring.h"

/* The checksum the slow way: big-endian 16-bit words, carries folded. */
static uint16_t reference_checksum(const uint8_t *data, size_t len)
{
	uint32_t sum = 0;

	for (size_t i = 0; i < len; i += 2)
		sum += (uint32_t)(data[i] << 8 | (i + 1 < len ? data[i + 1] : 0));
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static uint16_t stored(uint16_t checksum)
{
	uint8_t field[2];

	store_checksum(field, checksum);
	return (uint16_t)(field[0] << 8 | field[1]);
}

UK_TESTCASE(uknet_checksum, rfc1071_example)
{
	/* RFC 1071 4.1: the sum of these words is ddf2. */
	static const uint8_t data[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };

	UK_TEST_EXPECT_EQ(stored(checksum_finish(checksum_add(0, data, sizeof(data)))), 0x220d);
}

UK_TESTCASE(uknet_checksum, agrees_with_the_reference_at_every_length_and_alignment)
{
	uint8_t data[160];
	int mismatches = 0;

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 37 + 11);
	for (size_t offset = 0; offset < 4; offset++)
		for (size_t len = 0; len + offset <= sizeof(data) && len <= 150; len++)
			mismatches += stored(checksum_finish(checksum_add(0, data + offset, len))) !=
				      reference_checksum(data + offset, len);
	UK_TEST_EXPECT_EQ(mismatches, 0);
}

/* Bytes of 0xff and 0xfe make nearly every 64-bit addition carry. */
UK_TESTCASE(uknet_checksum, carries_at_every_length)
{
	uint8_t data[136];
	int mismatches = 0;

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = i % 3 ? 0xff : 0xfe;
	for (size_t offset = 0; offset < 2; offset++)
		for (size_t len = 0; len + offset <= sizeof(data); len++)
			mismatches += stored(checksum_finish(checksum_add(0, data + offset, len))) !=
				      reference_checksum(data + offset, len);
	UK_TEST_EXPECT_EQ(mismatches, 0);
}

UK_TESTCASE(uknet_checksum, a_header_with_its_checksum_sums_to_zero)
{
	/* An IPv4 header with its checksum b861. */
	static const uint8_t header[] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
					  0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7 };

	UK_TEST_EXPECT_EQ(checksum_finish(checksum_add(0, header, sizeof(header))), 0);
}

UK_TESTCASE(uknet_checksum, pieces_add_up_to_the_whole)
{
	uint8_t whole[12 + 40];
	uint64_t pieces;

	/* The pseudo-header in front, as checksum_pseudo_header writes it. */
	memcpy(whole, (const uint8_t[]){ 10, 0, 0, 1, 10, 0, 0, 2, 0, 6, 0, 40 }, 12);
	for (size_t i = 12; i < sizeof(whole); i++)
		whole[i] = (uint8_t)(i * 7);
	pieces = checksum_add(checksum_pseudo_header(0x0a000001, 0x0a000002, 6, 40), whole + 12, 40);
	UK_TEST_EXPECT_EQ(stored(checksum_finish(pieces)), reference_checksum(whole, sizeof(whole)));
}

/* Against the 12 bytes written out, with fields whose sums carry. */
UK_TESTCASE(uknet_checksum, pseudo_header_sums_its_twelve_bytes)
{
	static const uint8_t bytes[] = { 0xff, 0xff, 0xff, 0xfe, 0xc0, 0xa8, 0xff, 0xff,
					 0, 17, 0xff, 0xf7 };

	UK_TEST_EXPECT_EQ(stored(checksum_finish(checksum_pseudo_header(0xfffffffe, 0xc0a8ffff, 17,
									0xfff7))),
			  reference_checksum(bytes, sizeof(bytes)));
	UK_TEST_EXPECT_EQ(stored(checksum_finish(checksum_pseudo_header(0, 0, 0, 0))), 0xffff);
}

UK_TESTCASE(uknet_address, parses_dotted_decimal_only)
{
	uint32_t address = 0;

	UK_TEST_EXPECT_EQ(uknet_parse_ipv4("10.0.0.2", &address), 0);
	UK_TEST_EXPECT_EQ(address, 0x0a000002);
	UK_TEST_EXPECT_EQ(uknet_parse_ipv4("255.255.255.255", &address), 0);
	UK_TEST_EXPECT_EQ(address, 0xffffffff);
	UK_TEST_EXPECT(uknet_parse_ipv4("", &address) < 0);
	UK_TEST_EXPECT(uknet_parse_ipv4("10.0.0", &address) < 0);
	UK_TEST_EXPECT(uknet_parse_ipv4("10.0.0.2.1", &address) < 0);
	UK_TEST_EXPECT(uknet_parse_ipv4("10.0.0.256", &address) < 0);
	UK_TEST_EXPECT(uknet_parse_ipv4("10..0.2", &address) < 0);
	UK_TEST_EXPECT(uknet_parse_ipv4("10.0.0.0002", &address) < 0);
	UK_TEST_EXPECT(uknet_parse_ipv4("10.0.0.2 ", &address) < 0);
	UK_TEST_EXPECT(uknet_parse_ipv4("-1.0.0.2", &address) < 0);
}

UK_TESTCASE(uknet_address, formats_dotted_decimal)
{
	char text[UKNET_IPV4_TEXT_MAX];

	UK_TEST_EXPECT_STR_EQ(uknet_format_ipv4(0x0a000002, text), "10.0.0.2");
	UK_TEST_EXPECT_STR_EQ(uknet_format_ipv4(0xffffffff, text), "255.255.255.255");
	UK_TEST_EXPECT_STR_EQ(uknet_format_ipv4(0, text), "0.0.0.0");
	UK_TEST_EXPECT_STR_EQ(uknet_format_ipv4(0xc0a8640a, text), "192.168.100.10");
}

UK_TESTCASE(uknet_ring, wraps_around_its_end)
{
	uint8_t space[8], out[8];
	struct ring r;

	ring_init(&r, space, sizeof(space));
	UK_TEST_EXPECT_EQ(ring_write(&r, "abcdef", 6), 6);
	UK_TEST_EXPECT_EQ(ring_read(&r, out, 4), 4);
	UK_TEST_EXPECT(memcmp(out, "abcd", 4) == 0);
	UK_TEST_EXPECT_EQ(ring_write(&r, "ghijklmn", 8), 6); /* only 6 free */
	UK_TEST_EXPECT_EQ(r.used, 8);
	ring_peek(&r, 3, out, 5);
	UK_TEST_EXPECT(memcmp(out, "hijkl", 5) == 0);
	UK_TEST_EXPECT_EQ(ring_read(&r, out, 8), 8);
	UK_TEST_EXPECT(memcmp(out, "efghijkl", 8) == 0);
	UK_TEST_EXPECT_EQ(ring_read(&r, out, 8), 0);
}

UK_TESTCASE(uknet_ring, keeps_bytes_stored_ahead_until_committed)
{
	uint8_t space[8], out[8];
	struct ring r;

	ring_init(&r, space, sizeof(space));
	ring_write(&r, "xyz", 3);
	ring_read(&r, out, 3); /* start moves to 3 */
	ring_write_at(&r, 2, "CDEF", 4); /* ahead of a two-byte gap, wrapping */
	UK_TEST_EXPECT_EQ(r.used, 0);
	ring_write(&r, "AB", 2);
	ring_commit(&r, 4);
	UK_TEST_EXPECT_EQ(ring_read(&r, out, 8), 6);
	UK_TEST_EXPECT(memcmp(out, "ABCDEF", 6) == 0);
}
