/* The Internet checksum over native words (checksum.h). */
#include "checksum.h"

/* The 0-7 bytes at the end as one word, zero-padded as the RFC pads:
 * loads of 4, 2 and 1 bytes, not a memcpy call (a string instruction
 * whose every byte an emulating hypervisor executes as one step). */
static uint64_t tail_word(const uint8_t *p, size_t len)
{
	uint64_t word = 0;
	uint32_t four;
	uint16_t two;
	unsigned int at = 0;

	if (len & 4) {
		__builtin_memcpy(&four, p, 4);
		word = four;
		at = 4;
	}
	if (len & 2) {
		__builtin_memcpy(&two, p + at, 2);
		word |= (uint64_t)two << (8 * at);
		at += 2;
	}
	if (len & 1)
		word |= (uint64_t)p[at] << (8 * at);
	return word;
}

uint64_t checksum_add(uint64_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;
	unsigned long long carry;
	uint64_t w0, w1, w2, w3;

	/* 64-bit words with the carries added back: the sum of the 16-bit
	 * words, folded later, is the same. Four words a round in one chain
	 * of add-with-carry (about 2 instructions a word, against 6 for a
	 * word at a time): every guest instruction counts where each one is
	 * emulated. __builtin_memcpy becomes one load. */
	for (; len >= 32; p += 32, len -= 32) {
		__builtin_memcpy(&w0, p, 8);
		__builtin_memcpy(&w1, p + 8, 8);
		__builtin_memcpy(&w2, p + 16, 8);
		__builtin_memcpy(&w3, p + 24, 8);
		sum = __builtin_addcll(sum, w0, 0, &carry);
		sum = __builtin_addcll(sum, w1, carry, &carry);
		sum = __builtin_addcll(sum, w2, carry, &carry);
		sum = __builtin_addcll(sum, w3, carry, &carry);
		sum += carry; /* cannot carry again: sum is at most 2^64 - 2 here */
	}
	for (; len >= 8; p += 8, len -= 8) {
		__builtin_memcpy(&w0, p, 8);
		sum = __builtin_addcll(sum, w0, 0, &carry);
		sum += carry;
	}
	sum = __builtin_addcll(sum, tail_word(p, len), 0, &carry);
	return sum + carry;
}

uint64_t checksum_pseudo_header(uint32_t src, uint32_t dst, uint8_t protocol, uint16_t len)
{
	/* Its 12 big-endian bytes (addresses, zero, protocol, length) as
	 * checksum_add's native loads would see them: byte-swapped values,
	 * some 32 bits from where a load puts them, which the folded sum
	 * does not tell apart (2^32 is 1 modulo 2^16 - 1). No buffer, no call. */
	return (uint64_t)__builtin_bswap32(src) + __builtin_bswap32(dst) +
	       ((uint32_t)protocol << 8) + ((uint32_t)__builtin_bswap16(len) << 16);
}

uint16_t checksum_finish(uint64_t sum)
{
	sum = (sum & 0xffffffffu) + (sum >> 32);
	sum = (sum & 0xffffffffu) + (sum >> 32);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

void store_checksum(uint8_t *field, uint16_t checksum)
{
	__builtin_memcpy(field, &checksum, 2);
}
