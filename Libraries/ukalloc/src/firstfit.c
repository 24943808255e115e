/*
 * A first-fit allocator. Free blocks form a list in address order, so a
 * freed block merges with free neighbours and the heap does not fragment
 * into ever smaller pieces. Allocation walks the list: O(free blocks).
 *
 * Every block starts with a 16-byte header: its size (header included) and,
 * while allocated, a magic value that catches double and foreign frees.
 */
#include <stdint.h>
#include <ukalloc/alloc.h>
#include <ukboot/init.h>
#include <ukplat/memory.h>

#define HEADER_SIZE UK_ALLOC_ALIGNMENT
#define MIN_BLOCK (2 * HEADER_SIZE)
#define ALLOCATED_MAGIC ((struct block *)0xa110ca7edb10c4edULL)

struct block {
	size_t size;        /* bytes, header included; a multiple of 16 */
	struct block *next; /* the next free block, or ALLOCATED_MAGIC */
};

static struct block *free_list;

static uintptr_t align_up(uintptr_t value, uintptr_t align)
{
	return (value + align - 1) & ~(align - 1);
}

static struct block *header_of(const void *payload)
{
	return (struct block *)((uintptr_t)payload - HEADER_SIZE);
}

/* Block size for a request, or 0 when the request cannot be met at all. */
static size_t block_size_for(size_t size)
{
	if (size > SIZE_MAX / 2)
		return 0;
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

void *uk_memalign(size_t align, size_t size)
{
	size_t need = block_size_for(size);

	if (align == 0 || (align & (align - 1)) != 0 || align > SIZE_MAX / 2 || need == 0)
		return 0;
	if (align < UK_ALLOC_ALIGNMENT)
		align = UK_ALLOC_ALIGNMENT;
	for (struct block **link = &free_list, *b; (b = *link); link = &b->next) {
		uintptr_t payload = payload_in(b, align);
		uintptr_t end = (uintptr_t)b + b->size;

		if (payload > (uintptr_t)b && payload < end && end - (payload - HEADER_SIZE) >= need)
			return (char *)carve(link, b, payload - HEADER_SIZE, need) + HEADER_SIZE;
	}
	return 0;
}

void *uk_malloc(size_t size)
{
	return uk_memalign(UK_ALLOC_ALIGNMENT, size);
}

static int adjacent(const struct block *a, const struct block *b)
{
	return (uintptr_t)a + a->size == (uintptr_t)b;
}

void uk_free(void *ptr)
{
	struct block *b, *prev = 0, *next = free_list;

	if (!ptr)
		return;
	b = header_of(ptr);
	if (b->next != ALLOCATED_MAGIC)
		__builtin_trap(); /* a double free or a pointer not from here */
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

size_t uk_usable_size(const void *ptr)
{
	return header_of(ptr)->size - HEADER_SIZE;
}

static int heap_init(void)
{
	void *base;
	size_t len = ukplat_heap_region(&base);
	uintptr_t start = align_up((uintptr_t)base, UK_ALLOC_ALIGNMENT);
	uintptr_t end = ((uintptr_t)base + len) & ~(uintptr_t)(UK_ALLOC_ALIGNMENT - 1);

	if (len == 0 || end <= start || end - start < MIN_BLOCK)
		return 0; /* no heap: every allocation fails, the image still runs */
	free_list = (struct block *)start;
	free_list->size = end - start;
	free_list->next = 0;
	return 0;
}

UK_INIT(heap_init, UK_INIT_CLASS_EARLY);
