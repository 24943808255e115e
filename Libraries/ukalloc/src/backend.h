/*
 * What each allocator implementation (firstfit.c, buddy.c, tlsf.c) provides
 * to the shared front end (heap.c). The front end has already checked the
 * arguments: `align` is a power of two, at least UK_ALLOC_ALIGNMENT and at
 * most UKALLOC_MAX_ALIGN; `size` is at most the heap's length. So
 * `size + align` plus a few headers never overflows.
 */
#ifndef UKALLOC_BACKEND_H
#define UKALLOC_BACKEND_H

#include <stddef.h>
#include <stdint.h>
#include <ukalloc/alloc.h>

#define UKALLOC_MAX_ALIGN ((size_t)1 << 40)

/* Takes over the heap [start, end): both multiples of UK_ALLOC_ALIGNMENT,
 * end > start. A region too small to hold one block leaves the heap empty. */
void ukalloc_backend_init(uintptr_t start, uintptr_t end);

void *ukalloc_backend_memalign(size_t align, size_t size);
void ukalloc_backend_free(void *ptr);
size_t ukalloc_backend_usable_size(const void *ptr);

/* Whether `ptr`, a UK_ALLOC_ALIGNMENT-aligned address inside the heap, is
 * the start of an allocated block: false for a freed block or an address
 * inside a block. Used by CONFIG_LIBUKALLOC_CHECKS only. */
int ukalloc_backend_is_allocated(const void *ptr);

/* Fills heap_bytes, free_bytes and largest_free. */
void ukalloc_backend_stats(struct uk_alloc_stats *stats);

extern const char ukalloc_backend_name[];

#endif
