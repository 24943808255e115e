/*
 * A binary buddy allocator (Knowlton 1965; Knuth, TAOCP vol. 1, 2.5).
 * Every block is 2^k bytes at an address that is a multiple of 2^k, so its
 * buddy, the other half of the block it was split from, is at
 * address ^ 2^k. Allocation splits the smallest big enough free block in
 * halves; free merges a block with its buddy for as long as the buddy is
 * free and whole. Both take O(log heap) steps at most.
 *
 * All the metadata is in the blocks (Knuth's tags): a 16-byte header with
 * a tag (free or used, with a magic value) and the order k; free blocks
 * also hold their list links. Beyond that there is one list per order, so
 * nothing grows with the heap. Blocks are aligned to absolute addresses:
 * the heap, whatever its start and length, is cut into the largest aligned
 * power-of-two blocks that fit, and a buddy that would reach outside the
 * heap is never merged with.
 *
 * An aligned request (above 16) takes a block of at least size + align
 * bytes, returns the payload at block + align, and leaves just before it a
 * header that points back to the block.
 */
#include "backend.h"

#define HEADER_SIZE UK_ALLOC_ALIGNMENT
#define MIN_ORDER 5     /* 32 bytes: the header and two list links */
#define ORDER_LIMIT 48  /* orders below this; 2^47 bytes is x86_64's half */
#define ORDER_MASK ((uintptr_t)0xff)
#define FREE_TAG ((uintptr_t)0xf4eeb10cb0dd1e00ULL)
#define USED_TAG ((uintptr_t)0xa110cb0dd1e00000ULL)
#define ALIGNED_TAG ((uintptr_t)0xa119edb0dd1e0000ULL)

struct header {
	uintptr_t tag;   /* FREE_TAG or USED_TAG | order, or ALIGNED_TAG */
	uintptr_t block; /* ALIGNED_TAG only: where the block starts */
};

struct free_block {
	struct header header;
	struct free_block *next, *prev;
};

const char ukalloc_backend_name[] = "buddy";

static struct free_block *free_lists[ORDER_LIMIT];
static uint64_t nonempty; /* bit k: free_lists[k] has a block */
static uintptr_t heap_start, heap_end;
static size_t heap_bytes;

static void push(uintptr_t address, unsigned order)
{
	struct free_block *b = (struct free_block *)address;

	b->header.tag = FREE_TAG | order;
	b->prev = 0;
	b->next = free_lists[order];
	if (b->next)
		b->next->prev = b;
	free_lists[order] = b;
	nonempty |= 1ULL << order;
}

static void unlink_free(struct free_block *b, unsigned order)
{
	if (b->next)
		b->next->prev = b->prev;
	if (b->prev)
		b->prev->next = b->next;
	else
		free_lists[order] = b->next;
	if (!free_lists[order])
		nonempty &= ~(1ULL << order);
}

/* The smallest order whose blocks hold `bytes`. */
static unsigned order_for(size_t bytes)
{
	if (bytes <= (1u << MIN_ORDER))
		return MIN_ORDER;
	return 64 - __builtin_clzll(bytes - 1);
}

/* A used block of 2^order bytes, split off the smallest free block. */
static struct header *take_block(unsigned order)
{
	uint64_t candidates;
	unsigned k;
	struct free_block *b;

	if (order >= ORDER_LIMIT)
		return 0;
	candidates = nonempty & (~0ULL << order);
	if (!candidates)
		return 0;
	k = __builtin_ctzll(candidates);
	b = free_lists[k];
	unlink_free(b, k);
	while (k > order) {
		k--;
		push((uintptr_t)b + ((uintptr_t)1 << k), k);
	}
	b->header.tag = USED_TAG | order;
	return &b->header;
}

void *ukalloc_backend_memalign(size_t align, size_t size)
{
	struct header *block, *back;

	if (align <= HEADER_SIZE) {
		block = take_block(order_for(size + HEADER_SIZE));
		return block ? (char *)block + HEADER_SIZE : 0;
	}
	/* 2^order >= size + align > align: the block is align-aligned, and
	 * the payload, even for size 0, lies inside it. */
	block = take_block(order_for((size ? size : 1) + align));
	if (!block)
		return 0;
	back = (struct header *)((uintptr_t)block + align - HEADER_SIZE);
	back->tag = ALIGNED_TAG;
	back->block = (uintptr_t)block;
	return (char *)block + align;
}

/* The block `ptr` points into, whether it is the block's own payload or an
 * aligned one further in. */
static struct header *block_of(const void *ptr)
{
	struct header *h = (struct header *)((uintptr_t)ptr - HEADER_SIZE);

	return h->tag == ALIGNED_TAG ? (struct header *)h->block : h;
}

static unsigned order_of(const struct header *block)
{
	return block->tag & ORDER_MASK;
}

void ukalloc_backend_free(void *ptr)
{
	struct header *block = block_of(ptr);
	uintptr_t address = (uintptr_t)block;
	unsigned order = order_of(block);

	/* Not USED_TAG any more, even if it ends up inside a merged block:
	 * a second free of it is then caught (LIBUKALLOC_CHECKS). */
	block->tag = FREE_TAG | order;
	while (order < ORDER_LIMIT - 1) {
		uintptr_t size = (uintptr_t)1 << order;
		uintptr_t buddy = address ^ size;

		if (buddy < heap_start || buddy >= heap_end || heap_end - buddy < size)
			break; /* reaches outside the heap */
		if (((struct header *)buddy)->tag != (FREE_TAG | order))
			break; /* used, or split into smaller blocks */
		unlink_free((struct free_block *)buddy, order);
		address &= ~size;
		order++;
	}
	push(address, order);
}

size_t ukalloc_backend_usable_size(const void *ptr)
{
	const struct header *block = block_of(ptr);

	return (uintptr_t)block + ((uintptr_t)1 << order_of(block)) - (uintptr_t)ptr;
}

/* Whether `h` is the header of a used block inside the heap. */
static int is_used_block(uintptr_t h)
{
	uintptr_t order = ((const struct header *)h)->tag & ORDER_MASK;

	return ((const struct header *)h)->tag == (USED_TAG | order) && order >= MIN_ORDER &&
	       order < ORDER_LIMIT && h % ((uintptr_t)1 << order) == 0 &&
	       ((uintptr_t)1 << order) <= heap_end - h;
}

int ukalloc_backend_is_allocated(const void *ptr)
{
	uintptr_t h = (uintptr_t)ptr - HEADER_SIZE, block;

	if (h < heap_start)
		return 0;
	if (((const struct header *)h)->tag != ALIGNED_TAG)
		return is_used_block(h);
	block = ((const struct header *)h)->block;
	return block >= heap_start && block < h && is_used_block(block) &&
	       (uintptr_t)ptr < block + ((uintptr_t)1 << order_of((const struct header *)block));
}

void ukalloc_backend_stats(struct uk_alloc_stats *stats)
{
	stats->heap_bytes = heap_bytes;
	for (unsigned k = MIN_ORDER; k < ORDER_LIMIT; k++) {
		for (const struct free_block *b = free_lists[k]; b; b = b->next) {
			stats->free_bytes += (size_t)1 << k;
			stats->largest_free = ((size_t)1 << k) - HEADER_SIZE;
		}
	}
}

void ukalloc_backend_init(uintptr_t start, uintptr_t end)
{
	uintptr_t min = (uintptr_t)1 << MIN_ORDER;
	uintptr_t p = (start + min - 1) & ~(min - 1);

	end &= ~(min - 1);
	if (p >= end)
		return;
	heap_start = p;
	heap_end = end;
	while (end - p >= min) {
		unsigned order = __builtin_ctzll(p);
		unsigned fits = 63 - __builtin_clzll(end - p);

		if (order > fits)
			order = fits;
		if (order > ORDER_LIMIT - 1)
			order = ORDER_LIMIT - 1;
		push(p, order);
		p += (uintptr_t)1 << order;
	}
	heap_bytes = end - heap_start;
}
