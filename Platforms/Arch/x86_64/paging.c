/* Punches the holes described in x86_64/paging.h into the boot map. */
#include <x86_64/paging.h>

#define PAGE_SIZE 4096ULL
#define ENTRIES   512

#define REGION_SIZE (2ULL << 20)

#define PTE_PRESENT  (1ULL << 0)
#define PTE_WRITABLE (1ULL << 1)
#define PTE_LARGE    (1ULL << 7)
#define PTE_ADDRESS  0x000ffffffffff000ULL

extern char x86_64_boot_stack_guard[];

int x86_64_is_stack_guard(uint64_t address)
{
	uint64_t guard = (uintptr_t)x86_64_boot_stack_guard;

	return address >= guard && address < guard + PAGE_SIZE;
}

static uint64_t *spare_table;

static uint64_t *table_at(uint64_t entry)
{
	return (uint64_t *)(uintptr_t)(entry & PTE_ADDRESS);
}

void x86_64_paging_prepare(uintptr_t *free)
{
	spare_table = (uint64_t *)*free;
	*free += PAGE_SIZE;
}

/* The page table for a first 2 MiB mapped as one large page (the PVH
 * entry's map; unikit's loader maps it in 4 KiB pages already). */
static uint64_t split_first_region(void)
{
	for (uint64_t i = 0; i < ENTRIES; i++)
		spare_table[i] = i * PAGE_SIZE | PTE_PRESENT | PTE_WRITABLE;
	return (uintptr_t)spare_table | PTE_PRESENT | PTE_WRITABLE;
}

/* Walks from CR3 to the first 2 MiB: the guard page lies there (the image
 * is linked at 1 MiB and small; a huge one keeps its map as it is). */
void x86_64_paging_apply(void)
{
	uint64_t cr3, *entry, *table, guard = (uintptr_t)x86_64_boot_stack_guard;

	if (guard >= REGION_SIZE)
		return;
	__asm__ __volatile__("mov %%cr3, %0" : "=r"(cr3));
	entry = table_at(cr3);                  /* PML4[0] */
	if (!(*entry & PTE_PRESENT))
		return;
	entry = table_at(*entry);               /* PDPT[0] */
	if (!(*entry & PTE_PRESENT) || (*entry & PTE_LARGE))
		return;
	entry = table_at(*entry);               /* directory[0]: the first 2 MiB */
	if (!(*entry & PTE_PRESENT))
		return;
	if (*entry & PTE_LARGE)
		*entry = split_first_region();
	table = table_at(*entry);
	table[0] = 0;
	table[guard / PAGE_SIZE] = 0;
	__asm__ __volatile__("invlpg (%0)\n\tinvlpg (%1)" : : "r"(0UL), "r"(guard) : "memory");
}
