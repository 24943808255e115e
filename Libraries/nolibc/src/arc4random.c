/*
 * arc4random_buf: splitmix64 seeded from the CPU's cycle counter (the TSC on
 * x86_64) at first use. That makes hash seeds differ from run to run, which
 * is what Embedded Swift's Hasher wants; it is NOT a cryptographic
 * generator: the output reveals the state.
 */
#include <stdint.h>
#include <stdlib.h>

static uint64_t state;
static int seeded;

static uint64_t next(void)
{
	uint64_t z;

	state += 0x9e3779b97f4a7c15ULL;
	z = state;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void arc4random_buf(void *buf, size_t size)
{
	unsigned char *out = buf;

	if (!seeded) {
		state = __builtin_readcyclecounter();
		seeded = 1;
	}
	while (size > 0) {
		uint64_t bits = next();

		for (int i = 0; i < 8 && size > 0; i++, size--, bits >>= 8)
			*out++ = (unsigned char)bits;
	}
}
