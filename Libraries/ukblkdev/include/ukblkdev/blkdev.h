/*
 * Block devices, whatever drives them (virtio-blk today, Xen's blkfront
 * later): drivers register what they find; applications list them, read
 * their geometry and move whole sectors synchronously between the device
 * and buffers in guest memory.
 *
 *	struct uk_blkdev *disk = uk_blkdev_get(0);
 *	if (disk && uk_blkdev_read(disk, 0, 1, buf) == 0) ...
 *
 * Calls check their arguments here, once for every driver: sectors outside
 * the device, writes to a read-only one. Errors are negative errno values.
 */
#ifndef UKBLKDEV_BLKDEV_H
#define UKBLKDEV_BLKDEV_H

#include <stdint.h>

/* The longest device identifier (virtio-blk's and ATA's serial length). */
#define UK_BLKDEV_ID_MAX 20

struct uk_blkdev;

/* What a driver implements. Requests reach it checked: count > 0, inside
 * the device, no writes to a read-only device. */
struct uk_blkdev_ops {
	int (*read)(struct uk_blkdev *dev, uint64_t sector, uint64_t count, void *buf);
	int (*write)(struct uk_blkdev *dev, uint64_t sector, uint64_t count, const void *buf);
	/* Makes completed writes durable; NULL when the device has no
	 * volatile write cache (its writes are durable when they complete). */
	int (*flush)(struct uk_blkdev *dev);
};

struct uk_blkdev {
	/* Filled by the driver before it registers the device. */
	const struct uk_blkdev_ops *ops;
	const char *driver;             /* e.g. "virtio-blk" */
	uint32_t sector_size;           /* bytes: a power of two, at least 512 */
	uint64_t sectors;               /* capacity */
	int read_only;
	char id[UK_BLKDEV_ID_MAX + 1];  /* the device's identifier (serial); "" if none */

	/* Filled by uk_blkdev_register. */
	char name[8];                   /* "blk0", "blk1"... in registration order */
	struct uk_blkdev *next;
};

/* Adds `dev` to the list. -EINVAL when its operations or geometry are
 * unusable (no read or write, a bad sector size, a capacity whose bytes do
 * not fit in 64 bits). */
int uk_blkdev_register(struct uk_blkdev *dev);

/* The registered devices, in registration order. */
unsigned int uk_blkdev_count(void);
struct uk_blkdev *uk_blkdev_get(unsigned int index);   /* NULL past the end */
struct uk_blkdev *uk_blkdev_find(const char *name);    /* NULL if unknown */

/* `count` sectors from `sector` into or out of `buf` (count * sector_size
 * bytes). 0 when done; -ERANGE outside the device, -EROFS for a write to a
 * read-only device, or the driver's error (-EIO...). A count of 0 does
 * nothing. */
int uk_blkdev_read(struct uk_blkdev *dev, uint64_t sector, uint64_t count, void *buf);
int uk_blkdev_write(struct uk_blkdev *dev, uint64_t sector, uint64_t count, const void *buf);

/* Makes every completed write durable. */
int uk_blkdev_flush(struct uk_blkdev *dev);

#endif
