/*
 * Memory allocation from the platform's heap. Every block is aligned to at
 * least UK_ALLOC_ALIGNMENT. The heap is set up by an early init function;
 * Kconfig chooses the implementation (first fit, buddy, TLSF), all behind
 * this one interface.
 */
#ifndef UKALLOC_ALLOC_H
#define UKALLOC_ALLOC_H

#include <stddef.h>

#define UK_ALLOC_ALIGNMENT 16

/* NULL when no block of `size` bytes is free. A size of 0 gives a unique
 * pointer to a minimum-size block (as glibc does), to be freed as usual. */
void *uk_malloc(size_t size);

/* A block whose address is a multiple of `align`: any power of two (those
 * below UK_ALLOC_ALIGNMENT give UK_ALLOC_ALIGNMENT). NULL when `align` is
 * not a power of two or nothing fits. */
void *uk_memalign(size_t align, size_t size);

/* `ptr` is NULL or came from this allocator and was not freed yet. With
 * CONFIG_LIBUKALLOC_CHECKS, a pointer that is not a live block panics. */
void uk_free(void *ptr);

/* The size usable in the block `ptr` came from (at least what was asked);
 * 0 for NULL. */
size_t uk_usable_size(const void *ptr);

/* The heap's state, for tests and benchmarks: after every block is freed,
 * free_bytes and largest_free are back to what they were before. */
struct uk_alloc_stats {
	size_t heap_bytes;   /* in blocks, free or not (not the allocator's own) */
	size_t free_bytes;   /* in free blocks, their headers included */
	size_t used_bytes;   /* heap_bytes - free_bytes */
	size_t largest_free; /* usable bytes of the largest free block */
	size_t allocations;  /* blocks allocated and not freed yet */
};

/* Fills *stats. Walks the free blocks: O(free blocks), not for hot paths. */
void uk_alloc_stats(struct uk_alloc_stats *stats);

/* The implementation's name: "firstfit", "buddy" or "tlsf". */
const char *uk_alloc_name(void);

#endif
