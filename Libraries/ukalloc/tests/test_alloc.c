/*
 * ukalloc, whichever implementation Kconfig chose: alignment, sizes, blocks
 * that never overlap, memalign, exhaustion and full recovery (coalescing),
 * random sequences with every block's contents checked.
 */
#include <stdint.h>
#include <ukalloc/alloc.h>
#include <uktest/test.h>

/* xorshift64*: deterministic, so a failure replays. */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545f4914f6cdd1dULL;
}

/* The pattern of block `seed`, a word per 8 bytes (blocks are 16-byte
 * aligned): byte i is byte i % 8 of word i / 8 (little-endian), so the
 * pattern of a length is a prefix of the pattern of any longer one. */
static uint64_t pattern_word(uint32_t seed, size_t i)
{
	return ((uint64_t)seed << 32 | i) * 0x9e3779b97f4a7c15ULL;
}

static uint8_t pattern_byte(uint32_t seed, size_t i)
{
	return (uint8_t)(pattern_word(seed, i / 8) >> (i % 8 * 8));
}

static void fill(void *p, size_t len, uint32_t seed)
{
	size_t words = len / 8;

	for (size_t i = 0; i < words; i++)
		((uint64_t *)p)[i] = pattern_word(seed, i);
	for (size_t i = words * 8; i < len; i++)
		((uint8_t *)p)[i] = pattern_byte(seed, i);
}

static int intact(const void *p, size_t len, uint32_t seed)
{
	size_t words = len / 8;

	for (size_t i = 0; i < words; i++)
		if (((const uint64_t *)p)[i] != pattern_word(seed, i))
			return 0;
	for (size_t i = words * 8; i < len; i++)
		if (((const uint8_t *)p)[i] != pattern_byte(seed, i))
			return 0;
	return 1;
}

static int aligned(const void *p, size_t align)
{
	return (uintptr_t)p % align == 0;
}

/* Whether the heap is as it was: every byte free again, and merged into
 * blocks as large as before. */
static int restored(const struct uk_alloc_stats *before)
{
	struct uk_alloc_stats now;

	uk_alloc_stats(&now);
	return now.free_bytes == before->free_bytes && now.largest_free == before->largest_free &&
	       now.allocations == before->allocations;
}

UK_TESTCASE(alloc, blocks_are_aligned_and_big_enough)
{
	static const size_t sizes[] = { 1, 7, 15, 16, 17, 31, 32, 33, 100, 255, 256, 257,
					1000, 4095, 4096, 4097, 65536, 100000 };

	for (size_t size = 0; size <= 300; size++) {
		void *p = uk_malloc(size);

		UK_TEST_ASSERT(p != 0);
		UK_TEST_EXPECT(aligned(p, UK_ALLOC_ALIGNMENT));
		UK_TEST_EXPECT(uk_usable_size(p) >= size);
		uk_free(p);
	}
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		void *p = uk_malloc(sizes[i]);

		UK_TEST_ASSERT(p != 0);
		UK_TEST_EXPECT(aligned(p, UK_ALLOC_ALIGNMENT));
		UK_TEST_EXPECT(uk_usable_size(p) >= sizes[i]);
		fill(p, uk_usable_size(p), i);
		UK_TEST_EXPECT(intact(p, uk_usable_size(p), i));
		uk_free(p);
	}
}

UK_TESTCASE(alloc, malloc_zero_gives_unique_pointers)
{
	void *a = uk_malloc(0), *b = uk_malloc(0);

	UK_TEST_EXPECT(a != 0 && b != 0 && a != b);
	uk_free(a);
	uk_free(b);
}

UK_TESTCASE(alloc, free_null_and_usable_size_of_null)
{
	struct uk_alloc_stats before;

	uk_alloc_stats(&before);
	uk_free(0);
	UK_TEST_EXPECT(restored(&before));
	UK_TEST_EXPECT_EQ(uk_usable_size(0), 0);
}

UK_TESTCASE(alloc, stats_count_blocks_and_bytes)
{
	struct uk_alloc_stats before, during;
	void *p;

	uk_alloc_stats(&before);
	UK_TEST_EXPECT_EQ(before.used_bytes + before.free_bytes, before.heap_bytes);
	UK_TEST_EXPECT(before.largest_free <= before.free_bytes);
	p = uk_malloc(1000);
	UK_TEST_ASSERT(p != 0);
	uk_alloc_stats(&during);
	UK_TEST_EXPECT_EQ(during.allocations, before.allocations + 1);
	UK_TEST_EXPECT(during.free_bytes + 1000 <= before.free_bytes);
	UK_TEST_EXPECT_EQ(during.used_bytes + during.free_bytes, during.heap_bytes);
	uk_free(p);
	UK_TEST_EXPECT(restored(&before));
}

#define OVERLAP_BLOCKS 96

UK_TESTCASE(alloc, blocks_do_not_overlap)
{
	static void *blocks[OVERLAP_BLOCKS];
	static size_t sizes[OVERLAP_BLOCKS];
	struct uk_alloc_stats before;
	uint64_t rng = 0x1234567;

	uk_alloc_stats(&before);
	for (unsigned i = 0; i < OVERLAP_BLOCKS; i++) {
		sizes[i] = next_random(&rng) % 5000;
		blocks[i] = uk_malloc(sizes[i]);
		UK_TEST_ASSERT(blocks[i] != 0);
		fill(blocks[i], uk_usable_size(blocks[i]), i);
	}
	for (unsigned i = 0; i < OVERLAP_BLOCKS; i += 3)
		uk_free(blocks[i]);
	for (unsigned i = 0; i < OVERLAP_BLOCKS; i += 3) {
		sizes[i] = next_random(&rng) % 3000;
		blocks[i] = uk_malloc(sizes[i]);
		UK_TEST_ASSERT(blocks[i] != 0);
		fill(blocks[i], uk_usable_size(blocks[i]), i);
	}
	for (unsigned i = 0; i < OVERLAP_BLOCKS; i++) {
		UK_TEST_EXPECT(uk_usable_size(blocks[i]) >= sizes[i]);
		UK_TEST_EXPECT(intact(blocks[i], uk_usable_size(blocks[i]), i));
		uk_free(blocks[i]);
	}
	UK_TEST_EXPECT(restored(&before));
}

#define ALIGN_SHIFTS 17 /* 1 .. 65536 */
#define ALIGN_SIZES 5

/* One alignment at a time, so that a heap of 1 MiB is enough. */
UK_TESTCASE(alloc, memalign_honours_power_of_two_alignments)
{
	static const size_t sizes[ALIGN_SIZES] = { 0, 1, 100, 4096, 5000 };
	void *blocks[ALIGN_SIZES];
	struct uk_alloc_stats before;

	uk_alloc_stats(&before);
	for (unsigned shift = 0; shift < ALIGN_SHIFTS; shift++) {
		size_t align = (size_t)1 << shift;

		for (unsigned i = 0; i < ALIGN_SIZES; i++) {
			void *p = uk_memalign(align, sizes[i]);

			blocks[i] = p;
			UK_TEST_ASSERT(p != 0);
			UK_TEST_EXPECT(aligned(p, align));
			UK_TEST_EXPECT(aligned(p, UK_ALLOC_ALIGNMENT));
			UK_TEST_EXPECT(uk_usable_size(p) >= sizes[i]);
			fill(p, uk_usable_size(p), shift * 8 + i);
		}
		for (unsigned i = 0; i < ALIGN_SIZES; i++) {
			UK_TEST_EXPECT(intact(blocks[i], uk_usable_size(blocks[i]), shift * 8 + i));
			uk_free(blocks[i]);
		}
	}
	UK_TEST_EXPECT(restored(&before));
}

UK_TESTCASE(alloc, memalign_rejects_other_alignments)
{
	static const size_t bad[] = { 0, 3, 24, 48, 100, 4097, 12288, SIZE_MAX };

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		UK_TEST_EXPECT(uk_memalign(bad[i], 64) == 0);
}

UK_TESTCASE(alloc, impossible_requests_fail)
{
	struct uk_alloc_stats before;

	uk_alloc_stats(&before);
	UK_TEST_EXPECT(uk_malloc(SIZE_MAX) == 0);
	UK_TEST_EXPECT(uk_malloc(SIZE_MAX - 8) == 0);
	UK_TEST_EXPECT(uk_malloc(before.heap_bytes) == 0);
	UK_TEST_EXPECT(uk_memalign(4096, SIZE_MAX - 4096) == 0);
	UK_TEST_EXPECT(uk_memalign((size_t)1 << 62, 16) == 0);
	UK_TEST_EXPECT(restored(&before));
}

/* Allocates blocks of `size` bytes until none is left, chaining them
 * through their first word onto *chain; returns how many it got. */
static unsigned allocate_all(size_t size, void **chain)
{
	unsigned count = 0;
	void **p;

	while ((p = uk_malloc(size))) {
		*p = *chain;
		*chain = p;
		count++;
	}
	return count;
}

UK_TESTCASE(alloc, exhaustion_returns_null_and_the_heap_recovers)
{
	static const size_t sizes[] = { (size_t)1 << 20, 65536, 4096, 256, 16, 0 };
	struct uk_alloc_stats before, full;
	void *chain = 0, *biggest;
	unsigned count = 0;

	uk_alloc_stats(&before);
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		count += allocate_all(sizes[i], &chain);
	uk_alloc_stats(&full);
	UK_TEST_EXPECT(count > 0);
	UK_TEST_EXPECT(uk_malloc(0) == 0);
	UK_TEST_EXPECT(uk_malloc(1) == 0);
	UK_TEST_EXPECT_EQ(full.allocations, before.allocations + count);
	UK_TEST_EXPECT(full.free_bytes < before.free_bytes / 100);
	while (chain) {
		void *next = *(void **)chain;

		uk_free(chain);
		chain = next;
	}
	UK_TEST_EXPECT(restored(&before));
	biggest = uk_malloc(before.largest_free);
	UK_TEST_EXPECT(biggest != 0);
	uk_free(biggest);
	UK_TEST_EXPECT(restored(&before));
}

#define MERGE_BLOCKS 200

UK_TESTCASE(alloc, frees_in_any_order_merge_back)
{
	static void *blocks[MERGE_BLOCKS];
	struct uk_alloc_stats before;

	uk_alloc_stats(&before);
	for (unsigned order = 0; order < 3; order++) {
		for (unsigned i = 0; i < MERGE_BLOCKS; i++) {
			blocks[i] = uk_malloc(48 + (i % 5) * 40);
			UK_TEST_ASSERT(blocks[i] != 0);
		}
		for (unsigned i = 0; i < MERGE_BLOCKS; i++) {
			unsigned j = order == 0 ? i : order == 1 ? MERGE_BLOCKS - 1 - i
				   : (i < MERGE_BLOCKS / 2 ? 2 * i : 2 * (i - MERGE_BLOCKS / 2) + 1);

			uk_free(blocks[j]);
		}
		UK_TEST_EXPECT(restored(&before));
	}
}

/* Grows a buffer as realloc does without in-place growth (a new block, the
 * old contents copied, the old block freed), with small blocks allocated
 * in between so the buffer moves; then shrinks it the same way. */
UK_TESTCASE(alloc, realloc_pattern_keeps_contents)
{
	static void *smalls[40];
	struct uk_alloc_stats before;
	size_t len = 1;
	uint8_t *buf;
	unsigned n = 0;

	uk_alloc_stats(&before);
	buf = uk_malloc(len);
	UK_TEST_ASSERT(buf != 0);
	fill(buf, len, 77);
	while (len < 50000) {
		size_t grown = len + len / 2 + 1;
		uint8_t *p = uk_malloc(grown);

		UK_TEST_ASSERT(p != 0);
		for (size_t i = 0; i < len; i++)
			p[i] = buf[i];
		uk_free(buf);
		UK_TEST_EXPECT(intact(p, len, 77));
		fill(p, grown, 77);
		buf = p;
		len = grown;
		if (n < 40)
			smalls[n++] = uk_malloc(24);
	}
	while (len > 1) {
		size_t shrunk = len / 3 + 1;
		uint8_t *p = uk_malloc(shrunk);

		UK_TEST_ASSERT(p != 0);
		for (size_t i = 0; i < shrunk; i++)
			p[i] = buf[i];
		uk_free(buf);
		UK_TEST_EXPECT(intact(p, shrunk, 77));
		buf = p;
		len = shrunk == len ? 1 : shrunk;
	}
	uk_free(buf);
	while (n)
		uk_free(smalls[--n]);
	UK_TEST_EXPECT(restored(&before));
}

#define RANDOM_SLOTS 256
#define RANDOM_OPERATIONS 10000

struct slot {
	void *p;
	size_t size;
	uint32_t seed;
};

/* Sizes mostly small, some medium, a few large: what programs ask for. */
static size_t random_size(uint64_t *rng)
{
	uint64_t r = next_random(rng);

	switch (r % 16) {
	case 0:
		return (r >> 8) % 4096;
	case 1: case 2: case 3:
		return (r >> 8) % 2048;
	default:
		return (r >> 8) % 160;
	}
}

UK_TESTCASE(alloc, random_sequences_keep_every_block_intact)
{
	static struct slot slots[RANDOM_SLOTS];
	struct uk_alloc_stats before;
	uint64_t rng = 0x9e3779b97f4a7c15ULL;
	unsigned corrupt = 0, misaligned = 0, failed = 0;

	uk_alloc_stats(&before);
	for (uint32_t op = 0; op < RANDOM_OPERATIONS; op++) {
		struct slot *s = &slots[next_random(&rng) % RANDOM_SLOTS];

		if (s->p) {
			if (!intact(s->p, s->size, s->seed))
				corrupt++;
			uk_free(s->p);
			s->p = 0;
			continue;
		}
		s->size = random_size(&rng);
		if (next_random(&rng) % 8 == 0) {
			size_t align = (size_t)16 << next_random(&rng) % 9;

			s->p = uk_memalign(align, s->size);
			if (s->p && !aligned(s->p, align))
				misaligned++;
		} else {
			s->p = uk_malloc(s->size);
		}
		if (!s->p) {
			failed++;
			continue;
		}
		if (!aligned(s->p, UK_ALLOC_ALIGNMENT) || uk_usable_size(s->p) < s->size)
			misaligned++;
		s->seed = op;
		fill(s->p, s->size, s->seed);
	}
	for (unsigned i = 0; i < RANDOM_SLOTS; i++) {
		if (slots[i].p && !intact(slots[i].p, slots[i].size, slots[i].seed))
			corrupt++;
		uk_free(slots[i].p);
		slots[i].p = 0;
	}
	UK_TEST_EXPECT_EQ(corrupt, 0);
	UK_TEST_EXPECT_EQ(misaligned, 0);
	UK_TEST_EXPECT_EQ(failed, 0);
	UK_TEST_EXPECT(restored(&before));
}
