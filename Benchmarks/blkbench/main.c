/*
 * blkbench: writes the start of the first block device sequentially,
 * flushes, reads it back, and prints how long each took by the guest
 * clock, for Benchmarks/io.sh:
 *
 *   blkbench: 16777216 bytes in 1048576-byte calls: write 9120 us, flush 3950 us, read 8010 us
 *
 * Usage: blkbench [BYTES [CHUNK]] (K or M suffixes; default 16M in calls
 * of 1M). One CHUNK-sized buffer is written over and over, each time with
 * the chunk's number in its first word; the read checks every number, so a
 * chunk that landed elsewhere shows. Nothing else touches the data: on an
 * emulating hypervisor a guest loop over every word would take longer
 * than the I/O it measures.
 * Exit status: 0 done, 1 an error (a message says which), 2 no block device.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ukblkdev/blkdev.h>
#include <uktime/time.h>

#define EXIT_NO_DEVICE 2

/* A byte count with an optional K or M suffix; 0 when malformed. */
static uint64_t parse_bytes(const char *arg)
{
	char *end;
	uint64_t value = strtoull(arg, &end, 10);

	if (end == arg)
		return 0;
	if (*end == 'K' || *end == 'k')
		value <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		value <<= 20, end++;
	return *end ? 0 : value;
}

static int failed(const char *what, uint64_t chunk, int err)
{
	printf("blkbench: %s chunk %llu failed: %s\n", what, (unsigned long long)chunk,
	       strerror(-err));
	return 1;
}

static unsigned long long us_between(uint64_t start_ns, uint64_t end_ns)
{
	return (unsigned long long)((end_ns - start_ns) / 1000);
}

int main(int argc, char *argv[])
{
	struct uk_blkdev *dev = uk_blkdev_get(0);
	uint64_t bytes = argc > 1 ? parse_bytes(argv[1]) : 16 << 20;
	uint64_t chunk_bytes = argc > 2 ? parse_bytes(argv[2]) : 1 << 20;
	uint64_t chunks, per_chunk, t0, t1, t2, t3;
	uint64_t *buf;
	int err;

	if (!dev) {
		printf("blkbench: no block device\n");
		return EXIT_NO_DEVICE;
	}
	if (dev->read_only) {
		printf("blkbench: %s is read-only\n", dev->name);
		return 1;
	}
	if (chunk_bytes == 0 || chunk_bytes % dev->sector_size || bytes == 0 ||
	    bytes % chunk_bytes) {
		printf("blkbench: BYTES must be a multiple of CHUNK, a multiple of %u bytes\n",
		       dev->sector_size);
		return 1;
	}
	per_chunk = chunk_bytes / dev->sector_size;
	chunks = bytes / chunk_bytes;
	if (chunks * per_chunk > dev->sectors) {
		printf("blkbench: %llu bytes do not fit on %s\n", (unsigned long long)bytes,
		       dev->name);
		return 1;
	}
	if (!(buf = calloc(1, chunk_bytes))) {
		printf("blkbench: no memory for %llu bytes\n", (unsigned long long)chunk_bytes);
		return 1;
	}

	t0 = uk_time_now_ns();
	for (uint64_t i = 0; i < chunks; i++) {
		buf[0] = i;
		if ((err = uk_blkdev_write(dev, i * per_chunk, per_chunk, buf)) < 0)
			return failed("writing", i, err);
	}
	t1 = uk_time_now_ns();
	if ((err = uk_blkdev_flush(dev)) < 0)
		return failed("flushing after", chunks - 1, err);
	t2 = uk_time_now_ns();
	for (uint64_t i = 0; i < chunks; i++) {
		if ((err = uk_blkdev_read(dev, i * per_chunk, per_chunk, buf)) < 0)
			return failed("reading", i, err);
		if (buf[0] != i) {
			printf("blkbench: chunk %llu read back as chunk %llu\n",
			       (unsigned long long)i, (unsigned long long)buf[0]);
			return 1;
		}
	}
	t3 = uk_time_now_ns();
	printf("blkbench: %llu bytes in %llu-byte calls: write %llu us, flush %llu us, read %llu us\n",
	       (unsigned long long)bytes, (unsigned long long)chunk_bytes, us_between(t0, t1),
	       us_between(t1, t2), us_between(t2, t3));
	return 0;
}
