/*
 * The allocator's front end, shared by every implementation: takes the
 * platform's heap at boot, checks arguments, counts live blocks, and (with
 * CONFIG_LIBUKALLOC_CHECKS) refuses to free what is not a live block.
 */
#include <unikit/config.h>
#include <stdint.h>
#include <ukboot/init.h>
#include <ukplat/memory.h>

#include "backend.h"

#ifdef CONFIG_LIBUKALLOC_CHECKS
#include <ukdebug/panic.h>
#endif

static uintptr_t heap_start, heap_end;
static size_t allocations;

void *uk_memalign(size_t align, size_t size)
{
	void *p;

	if (align == 0 || (align & (align - 1)) != 0 || align > UKALLOC_MAX_ALIGN)
		return 0;
	if (size > heap_end - heap_start)
		return 0;
	if (align < UK_ALLOC_ALIGNMENT)
		align = UK_ALLOC_ALIGNMENT;
	p = ukalloc_backend_memalign(align, size);
	if (p)
		allocations++;
	return p;
}

void *uk_malloc(size_t size)
{
	return uk_memalign(UK_ALLOC_ALIGNMENT, size);
}

#ifdef CONFIG_LIBUKALLOC_CHECKS
static void check_live_block(const void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;

	if (p < heap_start || p >= heap_end || p % UK_ALLOC_ALIGNMENT != 0)
		uk_panic("ukalloc: %p is not a block of the heap [%p, %p)", ptr,
			 (void *)heap_start, (void *)heap_end);
	if (!ukalloc_backend_is_allocated(ptr))
		uk_panic("ukalloc: %p is not an allocated block: freed already, or not a block's start",
			 ptr);
}
#endif

void uk_free(void *ptr)
{
	if (!ptr)
		return;
#ifdef CONFIG_LIBUKALLOC_CHECKS
	check_live_block(ptr);
#endif
	ukalloc_backend_free(ptr);
	allocations--;
}

size_t uk_usable_size(const void *ptr)
{
	if (!ptr)
		return 0;
#ifdef CONFIG_LIBUKALLOC_CHECKS
	check_live_block(ptr);
#endif
	return ukalloc_backend_usable_size(ptr);
}

void uk_alloc_stats(struct uk_alloc_stats *stats)
{
	*stats = (struct uk_alloc_stats){ 0 };
	if (heap_end > heap_start)
		ukalloc_backend_stats(stats);
	stats->used_bytes = stats->heap_bytes - stats->free_bytes;
	stats->allocations = allocations;
}

const char *uk_alloc_name(void)
{
	return ukalloc_backend_name;
}

static int heap_init(void)
{
	void *base;
	size_t len = ukplat_heap_region(&base);
	uintptr_t start = ((uintptr_t)base + UK_ALLOC_ALIGNMENT - 1) & ~(uintptr_t)(UK_ALLOC_ALIGNMENT - 1);
	uintptr_t end = ((uintptr_t)base + len) & ~(uintptr_t)(UK_ALLOC_ALIGNMENT - 1);

	if (len == 0 || end <= start)
		return 0; /* no heap: every allocation fails, the image still runs */
	heap_start = start;
	heap_end = end;
	ukalloc_backend_init(start, end);
	return 0;
}

UK_INIT(heap_init, UK_INIT_CLASS_EARLY);
