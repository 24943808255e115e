/*
 * blkdemo: writes a pattern over the start of the first block device,
 * flushes, reads it back, verifies it and prints its checksum, which a host
 * can recompute over the disk file (pattern.h defines both):
 *
 *   blkdemo: 262144 bytes written and verified, checksum 1f2e3d4c5b6a7988
 *
 * Usage: blkdemo [BYTES]: how much, from the first byte (default 256K; a K
 * or M suffix; a multiple of the sector size). A read-only disk is only
 * read: blkdemo says it cannot write, prints the checksum of what the disk
 * holds and whether that is its pattern.
 * Exit status: 0 done, 1 an error (a message says which), 2 no block device.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ukblkdev/blkdev.h>
#include <uktime/time.h>

#include "pattern.h"

#define DEFAULT_BYTES (256 * 1024)
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

static void describe(const struct uk_blkdev *dev)
{
	printf("blkdemo: %s (%s%s%s%s): %llu sectors of %u bytes, %s\n", dev->name, dev->driver,
	       dev->id[0] ? ", id \"" : "", dev->id, dev->id[0] ? "\"" : "",
	       (unsigned long long)dev->sectors, dev->sector_size,
	       dev->read_only ? "read-only" : "read-write");
}

static int failed(const char *what, int err)
{
	printf("blkdemo: %s failed: %s\n", what, strerror(-err));
	return 1;
}

/* The microseconds since `start_ns`. */
static unsigned long long us_since(uint64_t start_ns)
{
	return (unsigned long long)((uk_time_now_ns() - start_ns) / 1000);
}

static int read_only_check(struct uk_blkdev *dev, uint64_t *buf, uint64_t bytes)
{
	size_t words = (size_t)(bytes / 8);
	uint64_t start = uk_time_now_ns();
	int err;

	printf("blkdemo: %s is read-only: cannot write, reading only\n", dev->name);
	if ((err = uk_blkdev_write(dev, 0, bytes / dev->sector_size, buf)) != -EROFS) {
		printf("blkdemo: a write to the read-only disk gave %d, not -EROFS\n", err);
		return 1;
	}
	if ((err = uk_blkdev_read(dev, 0, bytes / dev->sector_size, buf)) < 0)
		return failed("reading", err);
	printf("blkdemo: read %llu us\n", us_since(start));
	printf("blkdemo: %llu bytes read, checksum %016llx, %s\n", (unsigned long long)bytes,
	       (unsigned long long)checksum_words(buf, words),
	       pattern_mismatch(buf, words, 0) == words ? "blkdemo's pattern" : "not blkdemo's pattern");
	return 0;
}

static int write_and_verify(struct uk_blkdev *dev, uint64_t *out, uint64_t *in, uint64_t bytes)
{
	size_t words = (size_t)(bytes / 8), mismatch;
	uint64_t count = bytes / dev->sector_size, t0, t1, t2;
	int err;

	pattern_fill(out, words, 0);
	pattern_fill(in, words, 8); /* one word off, so no word matches until read */
	t0 = uk_time_now_ns();
	if ((err = uk_blkdev_write(dev, 0, count, out)) < 0)
		return failed("writing", err);
	t1 = uk_time_now_ns();
	if ((err = uk_blkdev_flush(dev)) < 0)
		return failed("flushing", err);
	t2 = uk_time_now_ns();
	if ((err = uk_blkdev_read(dev, 0, count, in)) < 0)
		return failed("reading back", err);
	printf("blkdemo: write %llu us, flush %llu us, read %llu us\n",
	       (unsigned long long)((t1 - t0) / 1000), (unsigned long long)((t2 - t1) / 1000),
	       us_since(t2));
	mismatch = pattern_mismatch(in, words, 0);
	if (mismatch < words) {
		printf("blkdemo: verification failed at byte %llu: read %016llx, wrote %016llx\n",
		       (unsigned long long)mismatch * 8, (unsigned long long)in[mismatch],
		       (unsigned long long)out[mismatch]);
		return 1;
	}
	printf("blkdemo: %llu bytes written and verified, checksum %016llx\n",
	       (unsigned long long)bytes, (unsigned long long)checksum_words(in, words));
	return 0;
}

int main(int argc, char *argv[])
{
	struct uk_blkdev *dev = uk_blkdev_get(0);
	uint64_t bytes = argc > 1 ? parse_bytes(argv[1]) : DEFAULT_BYTES;
	uint64_t *out, *in;

	if (!dev) {
		printf("blkdemo: no block device (QEMU: -M microvm,acpi=off -drive id=d0,file=disk.img,"
		       "format=raw,if=none -device virtio-blk-device,drive=d0; unikit: run --disk disk.img)\n");
		return EXIT_NO_DEVICE;
	}
	describe(dev);
	if (bytes == 0 || bytes % dev->sector_size) {
		printf("blkdemo: the size must be a positive multiple of %u bytes, not \"%s\"\n",
		       dev->sector_size, argv[1]);
		return 1;
	}
	if (bytes / dev->sector_size > dev->sectors) {
		printf("blkdemo: %llu bytes do not fit on the disk\n", (unsigned long long)bytes);
		return 1;
	}
	out = malloc(bytes);
	in = dev->read_only ? out : malloc(bytes);
	if (!out || !in) {
		printf("blkdemo: no memory for two buffers of %llu bytes\n", (unsigned long long)bytes);
		return 1;
	}
	return dev->read_only ? read_only_check(dev, out, bytes) : write_and_verify(dev, out, in, bytes);
}
