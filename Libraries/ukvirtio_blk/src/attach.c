/*
 * Finding and setting up virtio-blk devices at boot: feature negotiation
 * (read-only, block size, flush, transfer limit), the geometry, the
 * request queue, interrupts in interrupt mode, the identifier; then the
 * device joins ukblkdev. A device that cannot be set up is reported and
 * left out.
 */
#include <errno.h>
#include <ukalloc/alloc.h>
#include <ukboot/init.h>
#include <ukconsole/print.h>
#include <ukvirtio/mmio_device.h>

#include "virtio_blk.h"

#define WANTED_FEATURES                                                        \
	(UK_VIRTIO_FEATURE(VIRTIO_BLK_F_RO) | UK_VIRTIO_FEATURE(VIRTIO_BLK_F_BLK_SIZE) | \
	 UK_VIRTIO_FEATURE(VIRTIO_BLK_F_FLUSH) | UK_VIRTIO_FEATURE(VIRTIO_BLK_F_SIZE_MAX))

/* One request is in flight at a time and takes 3 descriptors. */
#define QUEUE_SIZE 16
#define QUEUE_SIZE_MIN 3

/* Bytes per request when the device sets no limit: each request costs a
 * notification (a VM exit), so large ones move data fastest. */
#define DEFAULT_MAX_TRANSFER (1U << 20)

/* Block sizes accepted from the device's blk_size. */
#define BLOCK_SIZE_MAX (64U << 10)

static uint32_t block_size(struct virtio_blk *blk)
{
	uint32_t size;

	if (!uk_virtio_has_feature(blk->vdev, VIRTIO_BLK_F_BLK_SIZE))
		return VIRTIO_BLK_SECTOR_SIZE;
	size = uk_virtio_config_read32(blk->vdev, VIRTIO_BLK_CONFIG_BLK_SIZE);
	if (size < VIRTIO_BLK_SECTOR_SIZE || size > BLOCK_SIZE_MAX || (size & (size - 1))) {
		uk_printf("virtio-blk: %s: block size %u is unusable; using 512\n",
			  blk->vdev->name, size);
		return VIRTIO_BLK_SECTOR_SIZE;
	}
	return size;
}

static uint32_t max_transfer(struct virtio_blk *blk, uint32_t sector_size)
{
	uint32_t limit = DEFAULT_MAX_TRANSFER;

	if (uk_virtio_has_feature(blk->vdev, VIRTIO_BLK_F_SIZE_MAX)) {
		uint32_t size_max = uk_virtio_config_read32(blk->vdev, VIRTIO_BLK_CONFIG_SIZE_MAX);

		if (size_max < limit)
			limit = size_max;
	}
	return limit - limit % sector_size;
}

/* Sector size, capacity, transfer size and the read-only flag. */
static int read_geometry(struct virtio_blk *blk)
{
	struct uk_blkdev *dev = &blk->blkdev;
	uint64_t capacity;

	if (uk_virtio_config_read64(blk->vdev, VIRTIO_BLK_CONFIG_CAPACITY, &capacity) < 0)
		return -EIO;
	dev->sector_size = block_size(blk);
	blk->sectors_per_block = dev->sector_size / VIRTIO_BLK_SECTOR_SIZE;
	dev->sectors = capacity / blk->sectors_per_block;
	dev->read_only = uk_virtio_has_feature(blk->vdev, VIRTIO_BLK_F_RO);
	blk->max_transfer = max_transfer(blk, dev->sector_size);
	if (blk->max_transfer == 0) {
		uk_printf("virtio-blk: %s: its size_max is below the block size of %u bytes\n",
			  blk->vdev->name, dev->sector_size);
		return -ENOTSUP;
	}
	return 0;
}

/* The device's identifier, if it has one: up to 20 bytes, NUL-padded. */
static int read_id(struct virtio_blk *blk)
{
	int err = virtio_blk_request(blk, VIRTIO_BLK_T_GET_ID, 0, blk->id, sizeof(blk->id));
	size_t len = 0;

	if (err == -ENOTSUP)
		return 0;
	if (err < 0)
		return err;
	while (len < sizeof(blk->id) && blk->id[len])
		len++;
	for (size_t i = 0; i < len; i++)
		blk->blkdev.id[i] = blk->id[i];
	blk->blkdev.id[len] = '\0';
	return 0;
}

/* Interrupt mode: the interrupt ends the idle of the request's waiter
 * (uk_virtqueue_wait_used), which finds the chain itself. */
static void request_done(struct uk_virtqueue *vq __attribute__((unused)))
{
}

static int set_up(struct virtio_blk *blk)
{
	int err;

	if ((err = uk_virtio_negotiate(blk->vdev, WANTED_FEATURES)) < 0)
		return err;
	if ((err = read_geometry(blk)) < 0)
		return err;
	if ((err = uk_virtqueue_setup(&blk->queue, blk->vdev, 0, QUEUE_SIZE)) < 0)
		return err;
	if (blk->queue.size < QUEUE_SIZE_MIN) {
		uk_printf("virtio-blk: %s: its queue of %u entries cannot hold a request\n",
			  blk->vdev->name, blk->queue.size);
		return -ENOTSUP;
	}
	if ((err = uk_virtio_driver_ok(blk->vdev)) < 0)
		return err;
	if (uk_virtio_mmio_route_interrupts(blk->vdev) == 0)
		uk_virtqueue_set_callback(&blk->queue, request_done);
	return read_id(blk);
}

/* On failure `blk` is not freed: the device may have seen its memory. */
static int attach(struct uk_virtio_dev *vdev)
{
	struct virtio_blk *blk = uk_malloc(sizeof(*blk));
	int err;

	if (!blk) {
		uk_printf("virtio-blk: %s: out of memory\n", vdev->name);
		return -ENOMEM;
	}
	*blk = (struct virtio_blk){ .vdev = vdev };
	blk->blkdev.ops = &virtio_blk_ops;
	blk->blkdev.driver = "virtio-blk";
	if ((err = set_up(blk)) < 0 || (err = uk_blkdev_register(&blk->blkdev)) < 0) {
		uk_printf("virtio-blk: %s: left out (error %d)\n", vdev->name, err);
		uk_virtio_fail(vdev);
		return err;
	}
	return 0;
}

static int virtio_blk_init(void)
{
	uk_virtio_mmio_attach_all(UK_VIRTIO_ID_BLOCK, attach);
	return 0;
}

UK_INIT(virtio_blk_init, UK_INIT_CLASS_DEVICE);
