/*
 * The allocation workload, in portable C on malloc/realloc/free: the same
 * file builds into the image and, for reference, into a host program on
 * the host's C library (Benchmarks/alloc-throughput).
 */
#ifndef ALLOCBENCH_WORKLOAD_H
#define ALLOCBENCH_WORKLOAD_H

#include <stddef.h>
#include <stdint.h>

struct workload {
	unsigned long operations; /* allocations, reallocations and frees */
	size_t max_size;          /* the largest request */
	unsigned live_blocks;     /* slots for live blocks */
};

struct workload_report {
	unsigned long operations;       /* per run */
	unsigned long failed;           /* requests that got NULL, both runs */
	unsigned long integrity_errors; /* misaligned blocks, changed contents */
	unsigned long timed_allocations; /* malloc and realloc calls, timed run */
	uint64_t timed_ns;
};

/*
 * Runs the workload twice with the same random sequence: first filling
 * and checking every byte of every block, then timed, writing and checking
 * only each block's first and last 16 bytes so that the time is mostly the
 * allocator's. Every block is freed at the end of each run. Returns -1
 * when the slot table itself cannot be allocated, else 0.
 */
int workload_measure(const struct workload *w, uint64_t (*now_ns)(void),
		     struct workload_report *report);

/* Allocates blocks of the workload's sizes until a request fails, then
 * frees them; returns the bytes the blocks obtained were asked for. For a
 * heap of fixed size: how full it gets before the allocator says no. */
size_t workload_fill(const struct workload *w);

/* Allocations per second in the timed run. */
uint64_t workload_allocs_per_second(const struct workload_report *report);

#endif
