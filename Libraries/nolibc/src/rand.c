/*
 * rand and srand: a 64-bit linear congruential generator (Knuth's MMIX
 * constants), returning the high bits, which are the good ones. Same seed,
 * same sequence, on every platform.
 */
#include <stdint.h>
#include <stdlib.h>

static uint64_t state = 1;

void srand(unsigned int seed)
{
	state = seed;
}

int rand(void)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(state >> 33);
}
