/*
 * Holes in the identity map the boot path set up (unikit's loader or the
 * PVH entry): the first page, so NULL dereferences fault, and the guard page
 * below the boot stack, so stack overflows fault. The map is edited in
 * place rather than replaced: on PVM, loading a new CR3 costs ~9 ms, while
 * editing a live entry costs a few VM exits. Device registers outside the
 * boot map are added to it the same way (device_map.c).
 */
#ifndef X86_64_PAGING_H
#define X86_64_PAGING_H

#include <stdint.h>

/* Takes a page from *free (page-aligned; moves past it) for the page table
 * apply() needs if the first 2 MiB are mapped as one large page. */
void x86_64_paging_prepare(uintptr_t *free);

/* Unmaps the two pages in the live map, splitting the first 2 MiB into
 * 4 KiB pages if the boot path mapped it as one, and flushes them. */
void x86_64_paging_apply(void);

/* Identity-maps the device registers at [base, base + size) with caching
 * off, unless the boot map covers them already; page tables it needs come
 * from *free (page-aligned; moves past them), which must stay below
 * free_end. Returns 0, or -1 when the range cannot be mapped. */
int x86_64_map_device(uint64_t base, uint64_t size, uintptr_t *free, uintptr_t free_end);

/* Whether `address` lies in a stack guard page. */
int x86_64_is_stack_guard(uint64_t address);

#endif
