/*
 * TLSF, two-level segregated fit (Masmano, Ripoll, Crespo and Real, ECRTS
 * 2004): allocation and free in constant time, whatever the heap holds.
 *
 * Free blocks sit in one list per size class. The first level splits sizes
 * by powers of two, the second splits each power of two into SL_COUNT equal
 * steps; a bitmap per level says which lists are non-empty, so finding a
 * class with a big enough block is a couple of find-first-set operations.
 * Sizes below SMALL_LIMIT form first level 0, one list per 16 bytes.
 *
 * Every block has a 16-byte header: the physically previous block (to
 * merge with it on free) and the payload size with a "free" bit. Free
 * blocks keep their list links in the payload. A header-only sentinel ends
 * the heap, so every block has a next neighbour. Two free blocks are never
 * neighbours: free merges at once.
 *
 * The list heads live at the start of the heap, one row of SL_COUNT per
 * first level the heap's size needs: about 1.5 KiB for 300 KiB of heap,
 * 3.3 KiB for 4 GiB. A head is read only while its bitmap bit is set (the
 * bitmaps start zeroed, in .bss), so set-up never clears the heads: it takes
 * constant time, which matters when every guest instruction is emulated.
 */
#include "backend.h"

#define HEADER_SIZE UK_ALLOC_ALIGNMENT
#define MIN_PAYLOAD 16 /* room for the two list links */
#define MIN_BLOCK (HEADER_SIZE + MIN_PAYLOAD)
#define FREE_BIT ((size_t)1)

#define SL_SHIFT 4 /* 16 second-level lists per power of two */
#define SL_COUNT (1u << SL_SHIFT)
#define SMALL_SHIFT (SL_SHIFT + 4) /* 4: log2(UK_ALLOC_ALIGNMENT) */
#define SMALL_LIMIT ((size_t)1 << SMALL_SHIFT)
#define FL_LIMIT (64 - SMALL_SHIFT + 1)

struct block {
	struct block *prev_phys; /* the block just below; NULL for the first */
	size_t size;             /* payload bytes, a multiple of 16, | FREE_BIT */
	struct block *next_free; /* these two in free blocks only */
	struct block *prev_free;
};

const char ukalloc_backend_name[] = "tlsf";

static uint64_t fl_bitmap;           /* bit f: some list of first level f has a block */
static uint16_t sl_bitmap[FL_LIMIT]; /* bit s of [f]: list (f, s) has a block */
static struct block **heads;         /* [f * SL_COUNT + s]; garbage when its bit is clear */
static unsigned fl_count;
static struct block *first_block, *sentinel;

static unsigned log2_floor(size_t x)
{
	return 63 - __builtin_clzll(x);
}

static size_t size_of(const struct block *b)
{
	return b->size & ~FREE_BIT;
}

static void *payload_of(const struct block *b)
{
	return (char *)b + HEADER_SIZE;
}

static struct block *header_of(const void *payload)
{
	return (struct block *)((uintptr_t)payload - HEADER_SIZE);
}

static struct block *next_phys(const struct block *b)
{
	return (struct block *)((uintptr_t)payload_of(b) + size_of(b));
}

/* The list (*fl, *sl) whose blocks are `size` bytes or a little more. */
static void size_class(size_t size, unsigned *fl, unsigned *sl)
{
	if (size < SMALL_LIMIT) {
		*fl = 0;
		*sl = size / UK_ALLOC_ALIGNMENT;
	} else {
		unsigned log2 = log2_floor(size);

		*fl = log2 - SMALL_SHIFT + 1;
		*sl = (size >> (log2 - SL_SHIFT)) - SL_COUNT;
	}
}

/* Whether list (fl, sl) has a block, and so whether its head is valid. */
static int nonempty(unsigned fl, unsigned sl)
{
	return (sl_bitmap[fl] >> sl) & 1;
}

static void insert_free(struct block *b)
{
	unsigned fl, sl;
	struct block **head;

	size_class(size_of(b), &fl, &sl);
	head = &heads[fl * SL_COUNT + sl];
	b->size |= FREE_BIT;
	b->prev_free = 0;
	b->next_free = 0;
	if (nonempty(fl, sl)) {
		b->next_free = *head;
		(*head)->prev_free = b;
	}
	*head = b;
	sl_bitmap[fl] |= 1u << sl;
	fl_bitmap |= 1ULL << fl;
}

/* Takes `b` off list (fl, sl), the list of its size. */
static void remove_from(struct block *b, unsigned fl, unsigned sl)
{
	struct block **head = &heads[fl * SL_COUNT + sl];

	if (b->next_free)
		b->next_free->prev_free = b->prev_free;
	if (b->prev_free)
		b->prev_free->next_free = b->next_free;
	else
		*head = b->next_free;
	if (!*head) {
		sl_bitmap[fl] &= ~(1u << sl);
		if (!sl_bitmap[fl])
			fl_bitmap &= ~(1ULL << fl);
	}
	b->size &= ~FREE_BIT;
}

static void remove_free(struct block *b)
{
	unsigned fl, sl;

	size_class(size_of(b), &fl, &sl);
	remove_from(b, fl, sl);
}

/* Slow path, taken only when the constant-time search finds nothing: the
 * list of `size`'s own class may still hold a block that fits. */
static struct block *search_own_class(size_t size)
{
	unsigned fl, sl;

	size_class(size, &fl, &sl);
	if (fl >= fl_count || !nonempty(fl, sl))
		return 0;
	for (struct block *b = heads[fl * SL_COUNT + sl]; b; b = b->next_free) {
		if (size_of(b) >= size) {
			remove_from(b, fl, sl);
			return b;
		}
	}
	return 0;
}

/* Takes a free block of at least `size` bytes off its list. Rounding the
 * size up to the next class boundary makes every block of the class found
 * big enough. */
static struct block *take_free(size_t size)
{
	size_t rounded = size;
	unsigned fl, sl, sl_bits = 0;
	struct block *b;

	if (size >= SMALL_LIMIT)
		rounded += ((size_t)1 << (log2_floor(size) - SL_SHIFT)) - 1;
	size_class(rounded, &fl, &sl);
	if (fl < fl_count) {
		uint64_t fl_bits = fl_bitmap & (~0ULL << fl << 1);

		sl_bits = sl_bitmap[fl] & (~0u << sl);
		if (!sl_bits && fl_bits) {
			fl = __builtin_ctzll(fl_bits);
			sl_bits = sl_bitmap[fl];
		}
	}
	if (!sl_bits)
		return search_own_class(size);
	sl = __builtin_ctz(sl_bits);
	b = heads[fl * SL_COUNT + sl];
	remove_from(b, fl, sl);
	return b;
}

/* Gives the bytes of used block `b` beyond `size` back as a free block. */
static void trim(struct block *b, size_t size)
{
	struct block *rest;

	if (size_of(b) - size < MIN_BLOCK)
		return;
	rest = (struct block *)((uintptr_t)payload_of(b) + size);
	rest->size = size_of(b) - size - HEADER_SIZE;
	rest->prev_phys = b;
	b->size = size;
	next_phys(rest)->prev_phys = rest;
	insert_free(rest);
}

/* Moves the start of used block `b` forward so that its payload is
 * `align`-aligned; the bytes skipped become a free block. */
static struct block *align_start(struct block *b, size_t align)
{
	uintptr_t payload = (uintptr_t)payload_of(b);
	uintptr_t aligned = (payload + align - 1) & ~(uintptr_t)(align - 1);
	struct block *moved;

	if (aligned == payload)
		return b;
	if (aligned - payload < MIN_BLOCK)
		aligned += align;
	moved = header_of((void *)aligned);
	moved->size = size_of(b) - (aligned - payload);
	moved->prev_phys = b;
	next_phys(moved)->prev_phys = moved;
	b->size = aligned - payload - HEADER_SIZE;
	insert_free(b);
	return moved;
}

void *ukalloc_backend_memalign(size_t align, size_t size)
{
	size_t need = size < MIN_PAYLOAD ? MIN_PAYLOAD : (size + 15) & ~(size_t)15;
	int aligning = align > UK_ALLOC_ALIGNMENT;
	struct block *b = take_free(aligning ? need + align + MIN_BLOCK : need);

	if (!b)
		return 0;
	if (aligning)
		b = align_start(b, align);
	trim(b, need);
	return payload_of(b);
}

void ukalloc_backend_free(void *ptr)
{
	struct block *b = header_of(ptr), *next = next_phys(b), *prev = b->prev_phys;
	size_t size = size_of(b);

	/* Marked free even if it ends up inside a merged block: a second
	 * free of it is then caught (LIBUKALLOC_CHECKS). */
	b->size |= FREE_BIT;
	if (next->size & FREE_BIT) {
		remove_free(next);
		size += HEADER_SIZE + size_of(next);
	}
	if (prev && (prev->size & FREE_BIT)) {
		remove_free(prev);
		size += HEADER_SIZE + size_of(prev);
		b = prev;
	}
	b->size = size;
	next_phys(b)->prev_phys = b;
	insert_free(b);
}

size_t ukalloc_backend_usable_size(const void *ptr)
{
	return size_of(header_of(ptr));
}

int ukalloc_backend_is_allocated(const void *ptr)
{
	const struct block *b = header_of(ptr);

	if (b < first_block || b >= sentinel || b->size % UK_ALLOC_ALIGNMENT != 0)
		return 0; /* outside the blocks, free, or not a header */
	if (b->size > (uintptr_t)sentinel - (uintptr_t)payload_of(b))
		return 0;
	return next_phys(b)->prev_phys == b && (b->prev_phys == 0) == (b == first_block);
}

void ukalloc_backend_stats(struct uk_alloc_stats *stats)
{
	stats->heap_bytes = (uintptr_t)sentinel - (uintptr_t)first_block;
	for (unsigned fl = 0; fl < fl_count; fl++) {
		for (unsigned sl = 0; sl < SL_COUNT; sl++) {
			if (!nonempty(fl, sl))
				continue;
			for (const struct block *b = heads[fl * SL_COUNT + sl]; b; b = b->next_free) {
				stats->free_bytes += HEADER_SIZE + size_of(b);
				if (size_of(b) > stats->largest_free)
					stats->largest_free = size_of(b);
			}
		}
	}
}

void ukalloc_backend_init(uintptr_t start, uintptr_t end)
{
	unsigned fl, sl;
	size_t heads_bytes;

	size_class(end - start, &fl, &sl);
	heads_bytes = ((fl + 1) * SL_COUNT * sizeof(*heads) + HEADER_SIZE - 1) & ~(size_t)(HEADER_SIZE - 1);
	if (end - start < heads_bytes + MIN_BLOCK + HEADER_SIZE)
		return;
	fl_count = fl + 1;
	heads = (struct block **)start;
	first_block = (struct block *)(start + heads_bytes);
	sentinel = (struct block *)(end - HEADER_SIZE);
	first_block->prev_phys = 0;
	first_block->size = (uintptr_t)sentinel - (uintptr_t)payload_of(first_block);
	sentinel->prev_phys = first_block;
	sentinel->size = 0;
	insert_free(first_block);
}
