/*
 * Identity mappings for device registers the boot map leaves out: the PVH
 * entry maps the first 1 GiB and unikit's loader maps RAM, while QEMU
 * microvm places its virtio-mmio windows just below 4 GiB. Windows get 2 MiB
 * pages with caching off; missing tables come from free memory. Entries
 * only go from not present to present, which needs no TLB flush.
 */
#include <x86_64/paging.h>

#define PAGE_SIZE 4096ULL
#define ENTRIES   512

#define LARGE_PAGE_SIZE (2ULL << 20)
#define MAPPABLE_END    (1ULL << 47) /* the lower half of a 4-level map */

#define PTE_PRESENT       (1ULL << 0)
#define PTE_WRITABLE      (1ULL << 1)
#define PTE_WRITE_THROUGH (1ULL << 3)
#define PTE_CACHE_DISABLE (1ULL << 4)
#define PTE_LARGE         (1ULL << 7)
#define PTE_ADDRESS       0x000ffffffffff000ULL

struct page_source {
	uintptr_t *free;
	uintptr_t end;
};

static uint64_t *table_at(uint64_t entry)
{
	return (uint64_t *)(uintptr_t)(entry & PTE_ADDRESS);
}

/* The table `entry` points to, made (zeroed) if the entry is empty; NULL
 * when free memory runs out. */
static uint64_t *next_table(uint64_t *entry, struct page_source *pages)
{
	uint64_t *table;

	if (*entry & PTE_PRESENT)
		return table_at(*entry);
	if (*pages->free + PAGE_SIZE > pages->end)
		return 0;
	table = (uint64_t *)*pages->free;
	*pages->free += PAGE_SIZE;
	for (int i = 0; i < ENTRIES; i++)
		table[i] = 0;
	*entry = (uintptr_t)table | PTE_PRESENT | PTE_WRITABLE;
	return table;
}

/* Maps the 2 MiB page at `address` unless something maps it already. */
static int map_large_page(uint64_t *pml4, uint64_t address, struct page_source *pages)
{
	uint64_t *pdpt, *directory, *entry;

	pdpt = next_table(&pml4[(address >> 39) % ENTRIES], pages);
	if (!pdpt)
		return -1;
	entry = &pdpt[(address >> 30) % ENTRIES];
	if ((*entry & PTE_PRESENT) && (*entry & PTE_LARGE))
		return 0;
	directory = next_table(entry, pages);
	if (!directory)
		return -1;
	entry = &directory[(address >> 21) % ENTRIES];
	if (!(*entry & PTE_PRESENT))
		*entry = address | PTE_PRESENT | PTE_WRITABLE | PTE_LARGE | PTE_WRITE_THROUGH |
			 PTE_CACHE_DISABLE;
	return 0;
}

int x86_64_map_device(uint64_t base, uint64_t size, uintptr_t *free, uintptr_t free_end)
{
	struct page_source pages = { free, free_end };
	uint64_t cr3, address, end = base + size;

	if (size == 0 || end < base || end > MAPPABLE_END)
		return -1;
	__asm__ __volatile__("mov %%cr3, %0" : "=r"(cr3));
	for (address = base & ~(LARGE_PAGE_SIZE - 1); address < end; address += LARGE_PAGE_SIZE)
		if (map_large_page(table_at(cr3), address, &pages) < 0)
			return -1;
	return 0;
}
