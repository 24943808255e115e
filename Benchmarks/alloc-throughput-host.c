/*
 * allocbench's workload (Examples/allocbench/workload.c) on the host's C
 * library, as a reference for Benchmarks/alloc-throughput. Prints the same
 * lines as the image does.
 *	alloc-throughput-host OPERATIONS MAX_SIZE LIVE_BLOCKS
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "workload.h"

static uint64_t monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

int main(int argc, char *argv[])
{
	struct workload w;
	struct workload_report report;

	if (argc != 4) {
		fprintf(stderr, "usage: %s OPERATIONS MAX_SIZE LIVE_BLOCKS\n", argv[0]);
		return 2;
	}
	w.operations = strtoul(argv[1], 0, 10);
	w.max_size = strtoul(argv[2], 0, 10);
	w.live_blocks = (unsigned)strtoul(argv[3], 0, 10);
	if (workload_measure(&w, monotonic_ns, &report) != 0)
		return 1;
	printf("allocbench: %lu operations, %lu integrity errors\n", report.operations,
	       report.integrity_errors);
	printf("allocbench: glibc %llu allocs/s\n",
	       (unsigned long long)workload_allocs_per_second(&report));
	return report.integrity_errors == 0 ? 0 : 1;
}
