/*
 * Holes in the identity map the boot path set up (unikit's loader or the
 * PVH entry): the first page, so NULL dereferences fault, and the guard page
 * below the boot stack, so stack overflows fault. The map is edited in
 * place rather than replaced: on PVM, loading a new CR3 costs ~9 ms, while
 * editing a live entry costs a few VM exits.
 */
#ifndef X86_64_PAGING_H
#define X86_64_PAGING_H

#include <stdint.h>

/* Builds, in a page taken from *free (page-aligned; moves past it), the
 * 4 KiB page table for the 2 MiB region holding the first page and the
 * guard page, with both left out. No privileged instruction. */
void x86_64_paging_prepare(uintptr_t *free);

/* Puts that table into the live map and flushes the two pages. */
void x86_64_paging_apply(void);

/* Whether `address` lies in a stack guard page. */
int x86_64_is_stack_guard(uint64_t address);

#endif
