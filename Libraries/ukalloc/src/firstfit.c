/*
 * A first-fit allocator. Free blocks form a list in address order, so a
 * freed block merges with free neighbours and the heap does not fragment
 * into ever smaller pieces. Allocation walks the list: O(free blocks).
 *
 * Every block starts with a 16-byte header: its size (header included) and,
 * while allocated, a magic value in place of the free-list link.
 */
#include "backend.h"

#define HEADER_SIZE UK_ALLOC_ALIGNMENT
#define MIN_BLOCK (2 * HEADER_SIZE)
#define ALLOCATED_MAGIC ((struct block *)0xa110ca7edb10c4edULL)

struct block {
	size_t size;        /* bytes, header included; a multiple of 16 */
	struct block *next; /* the next free block, or ALLOCATED_MAGIC */
};

const char ukalloc_backend_name[] = "firstfit";

static struct block *free_list;
static uintptr_t heap_start, heap_end;

static uintptr_t align_up(uintptr_t value, uintptr_t align)
{
	return (value + align - 1) & ~(align - 1);
}

static struct block *header_of(const void *payload)
{
	return (struct block *)((uintptr_t)payload - HEADER_SIZE);
}

static size_t block_size_for(size_t size)
{
	size = align_up(size + HEADER_SIZE, UK_ALLOC_ALIGNMENT);
	return size < MIN_BLOCK ? MIN_BLOCK : size;
}

/* Where an `align`-aligned payload can start in free block `b`: the gap
 * left in front must be empty or big enough to stay a free block. */
static uintptr_t payload_in(const struct block *b, size_t align)
{
	uintptr_t start = (uintptr_t)b;
	uintptr_t payload = align_up(start + HEADER_SIZE, align);

	while (payload - HEADER_SIZE != start && payload - HEADER_SIZE - start < MIN_BLOCK)
		payload += align;
	return payload;
}

/* Cuts block `b` (linked from *link) to start at `at` and be `size` long;
 * the pieces in front and behind stay on the free list. */
static struct block *carve(struct block **link, struct block *b, uintptr_t at, size_t size)
{
	uintptr_t end = (uintptr_t)b + b->size;

	if (at != (uintptr_t)b) {
		struct block *rest = (struct block *)at;

		rest->size = end - at;
		rest->next = b->next;
		b->size = at - (uintptr_t)b;
		b->next = rest;
		link = &b->next;
		b = rest;
	}
	if (b->size - size >= MIN_BLOCK) {
		struct block *tail = (struct block *)(at + size);

		tail->size = b->size - size;
		tail->next = b->next;
		b->size = size;
		*link = tail;
	} else {
		*link = b->next;
	}
	b->next = ALLOCATED_MAGIC;
	return b;
}

void *ukalloc_backend_memalign(size_t align, size_t size)
{
	size_t need = block_size_for(size);

	for (struct block **link = &free_list, *b; (b = *link); link = &b->next) {
		uintptr_t payload = payload_in(b, align);
		uintptr_t end = (uintptr_t)b + b->size;

		if (payload < end && end - (payload - HEADER_SIZE) >= need)
			return (char *)carve(link, b, payload - HEADER_SIZE, need) + HEADER_SIZE;
	}
	return 0;
}

static int adjacent(const struct block *a, const struct block *b)
{
	return (uintptr_t)a + a->size == (uintptr_t)b;
}

void ukalloc_backend_free(void *ptr)
{
	struct block *b = header_of(ptr), *prev = 0, *next = free_list;

	while (next && next < b) {
		prev = next;
		next = next->next;
	}
	b->next = next;
	if (next && adjacent(b, next)) {
		b->size += next->size;
		b->next = next->next;
	}
	if (prev && adjacent(prev, b)) {
		prev->size += b->size;
		prev->next = b->next;
	} else if (prev) {
		prev->next = b;
	} else {
		free_list = b;
	}
}

size_t ukalloc_backend_usable_size(const void *ptr)
{
	return header_of(ptr)->size - HEADER_SIZE;
}

int ukalloc_backend_is_allocated(const void *ptr)
{
	const struct block *b = header_of(ptr);

	return (uintptr_t)b >= heap_start && b->next == ALLOCATED_MAGIC &&
	       b->size % UK_ALLOC_ALIGNMENT == 0 && b->size >= MIN_BLOCK &&
	       b->size <= heap_end - (uintptr_t)b;
}

void ukalloc_backend_stats(struct uk_alloc_stats *stats)
{
	stats->heap_bytes = heap_end - heap_start;
	for (const struct block *b = free_list; b; b = b->next) {
		stats->free_bytes += b->size;
		if (b->size - HEADER_SIZE > stats->largest_free)
			stats->largest_free = b->size - HEADER_SIZE;
	}
}

void ukalloc_backend_init(uintptr_t start, uintptr_t end)
{
	if (end - start < MIN_BLOCK)
		return;
	heap_start = start;
	heap_end = end;
	free_list = (struct block *)start;
	free_list->size = end - start;
	free_list->next = 0;
}
