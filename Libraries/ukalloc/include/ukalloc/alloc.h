/*
 * Memory allocation from the platform's heap. Every block is aligned to at
 * least UK_ALLOC_ALIGNMENT. The heap is set up by an early init function.
 */
#ifndef UKALLOC_ALLOC_H
#define UKALLOC_ALLOC_H

#include <stddef.h>

#define UK_ALLOC_ALIGNMENT 16

/* NULL when no block of `size` bytes is free. */
void *uk_malloc(size_t size);

/* `align` must be a power of two; NULL when it is not or nothing fits. */
void *uk_memalign(size_t align, size_t size);

/* `ptr` is NULL or came from this allocator and was not freed yet. */
void uk_free(void *ptr);

/* The size usable in the block `ptr` came from (at least what was asked). */
size_t uk_usable_size(const void *ptr);

#endif
