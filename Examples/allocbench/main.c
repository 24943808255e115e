/*
 * allocbench: runs the workload (workload.c) on ukalloc and checks that
 * every block kept its contents and that the heap is whole again after
 * everything was freed. Exits with 0 when so, 1 otherwise.
 */
#include <unikit/config.h>
#include <stdio.h>
#include <ukalloc/alloc.h>
#include <ukplat/time.h>

#include "workload.h"

/* The heap is whole again: all bytes free and merged as before. */
static int heap_restored(const struct uk_alloc_stats *before)
{
	struct uk_alloc_stats after;

	uk_alloc_stats(&after);
	return after.free_bytes == before->free_bytes && after.largest_free == before->largest_free &&
	       after.allocations == before->allocations;
}

int main(void)
{
	const struct workload w = { CONFIG_ALLOCBENCH_OPERATIONS, CONFIG_ALLOCBENCH_MAX_SIZE,
				    CONFIG_ALLOCBENCH_LIVE_BLOCKS };
	struct workload_report report;
	struct uk_alloc_stats before;
	int restored;

	uk_alloc_stats(&before);
	if (workload_measure(&w, ukplat_monotonic_ns, &report) != 0) {
		printf("allocbench: no memory for %u slots\n", w.live_blocks);
		return 1;
	}
#ifdef CONFIG_ALLOCBENCH_FILL_HEAP
	size_t filled = workload_fill(&w);
	unsigned long per_mille = (unsigned long)(filled * 1000 / before.heap_bytes);
#endif
	restored = heap_restored(&before);
	printf("allocbench: %lu operations, %lu integrity errors, heap %s\n", report.operations,
	       report.integrity_errors, restored ? "restored" : "NOT restored");
	if (report.failed)
		printf("allocbench: %lu allocations failed (heap of %zu bytes)\n", report.failed,
		       before.heap_bytes);
#ifdef CONFIG_ALLOCBENCH_FILL_HEAP
	printf("allocbench: heap %lu.%lu%% full when a request first failed (%zu of %zu bytes)\n",
	       per_mille / 10, per_mille % 10, filled, before.heap_bytes);
#endif
	printf("allocbench: %s %llu allocs/s\n", uk_alloc_name(),
	       (unsigned long long)workload_allocs_per_second(&report));
	return report.integrity_errors == 0 && restored ? 0 : 1;
}
