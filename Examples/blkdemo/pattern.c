/* blkdemo's pattern and checksum (pattern.h has their definitions). */
#include "pattern.h"

#define PATTERN_MULTIPLIER 0x9e3779b97f4a7c15ULL
#define FNV_OFFSET_BASIS   0xcbf29ce484222325ULL
#define FNV_PRIME          0x100000001b3ULL

void pattern_fill(uint64_t *buf, size_t words, uint64_t offset)
{
	uint64_t k = offset / 8;

	for (size_t i = 0; i < words; i++)
		buf[i] = (k + i) * PATTERN_MULTIPLIER;
}

size_t pattern_mismatch(const uint64_t *buf, size_t words, uint64_t offset)
{
	uint64_t k = offset / 8;
	size_t i;

	for (i = 0; i < words; i++)
		if (buf[i] != (k + i) * PATTERN_MULTIPLIER)
			break;
	return i;
}

uint64_t checksum_words(const uint64_t *buf, size_t words)
{
	uint64_t h = FNV_OFFSET_BASIS;

	for (size_t i = 0; i < words; i++)
		h = (h ^ buf[i]) * FNV_PRIME;
	return h;
}
