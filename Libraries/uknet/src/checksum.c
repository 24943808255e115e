/* The Internet checksum over native words (checksum.h). */
#include <string.h>

#include "checksum.h"
#include "wire.h"

uint64_t checksum_add(uint64_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;
	uint64_t word;

	/* 64-bit words with the carry added back: the sum of the 16-bit
	 * words, folded later, is the same. __builtin_memcpy becomes one
	 * load; images are freestanding, where plain memcpy stays a call. */
	for (; len >= 8; p += 8, len -= 8) {
		__builtin_memcpy(&word, p, 8);
		sum += word;
		sum += sum < word;
	}
	word = 0;
	memcpy(&word, p, len); /* the tail, zero-padded as the RFC pads */
	sum += word;
	sum += sum < word;
	return sum;
}

uint64_t checksum_pseudo_header(uint32_t src, uint32_t dst, uint8_t protocol, uint16_t len)
{
	uint8_t header[12];

	put32(header, src);
	put32(header + 4, dst);
	header[8] = 0;
	header[9] = protocol;
	put16(header + 10, len);
	return checksum_add(0, header, sizeof(header));
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
