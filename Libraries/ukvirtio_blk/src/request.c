/*
 * Requests: a header, the data, a status byte, as one descriptor chain;
 * then a bounded wait for the device and a check of the status it wrote.
 * One request is in flight at a time; large transfers go as several.
 */
#include <errno.h>
#include <unikit/config.h>
#include <ukconsole/print.h>
#include <ukplat/time.h>

#include "virtio_blk.h"

#define TIMEOUT_NS ((uint64_t)CONFIG_LIBUKVIRTIO_BLK_TIMEOUT_S * UKPLAT_NSEC_PER_SEC)

/* Never written by a device: a status still holding it was not written. */
#define STATUS_UNWRITTEN 0xff

static const char *type_name(uint32_t type)
{
	switch (type) {
	case VIRTIO_BLK_T_IN: return "read";
	case VIRTIO_BLK_T_OUT: return "write";
	case VIRTIO_BLK_T_FLUSH: return "flush";
	default: return "get-id";
	}
}

static int check_status(struct virtio_blk *blk, uint32_t type, uint64_t sector, uint32_t len)
{
	uint8_t status = *(volatile uint8_t *)&blk->request.status;

	switch (status) {
	case VIRTIO_BLK_S_OK:
		return 0;
	case VIRTIO_BLK_S_UNSUPP:
		return -ENOTSUP;
	case VIRTIO_BLK_S_IOERR:
		if (len)
			uk_printf("virtio-blk: %s: I/O error on a %s of %u bytes at 512-byte sector %llu\n",
				  blk->vdev->name, type_name(type), len, (unsigned long long)sector);
		else
			uk_printf("virtio-blk: %s: I/O error on a %s\n", blk->vdev->name, type_name(type));
		return -EIO;
	case STATUS_UNWRITTEN:
		uk_printf("virtio-blk: %s: the device completed a %s without writing its status\n",
			  blk->vdev->name, type_name(type));
		return -EIO;
	default:
		uk_printf("virtio-blk: %s: unknown status %u for a %s\n", blk->vdev->name, status,
			  type_name(type));
		return -EIO;
	}
}

/* The device did not answer: it may still write into the request and the
 * data buffer at any time, so they are never reused and the device is
 * marked FAILED. */
static int abandon(struct virtio_blk *blk, uint32_t type)
{
	blk->abandoned = 1;
	uk_printf("virtio-blk: %s: no answer to a %s within %d s%s; giving up on the device\n",
		  blk->vdev->name, type_name(type), CONFIG_LIBUKVIRTIO_BLK_TIMEOUT_S,
		  uk_virtio_needs_reset(blk->vdev) ? " (it needs a reset)" : "");
	uk_virtio_fail(blk->vdev);
	return -ETIMEDOUT;
}

int virtio_blk_request(struct virtio_blk *blk, uint32_t type, uint64_t sector, void *data,
		       uint32_t len)
{
	struct virtio_blk_request *request = &blk->request;
	struct uk_virtqueue_buf bufs[3];
	unsigned int readable = 1, writable = 1, n = 0;
	int err;

	if (blk->abandoned)
		return -EIO;
	request->header.type = type;
	request->header.reserved = 0;
	request->header.sector = sector;
	request->status = STATUS_UNWRITTEN;
	bufs[n++] = (struct uk_virtqueue_buf){ &request->header, sizeof(request->header) };
	if (len) {
		bufs[n++] = (struct uk_virtqueue_buf){ data, len };
		if (type == VIRTIO_BLK_T_OUT)
			readable++;
		else
			writable++;
	}
	bufs[n] = (struct uk_virtqueue_buf){ &request->status, 1 };
	err = uk_virtqueue_add(&blk->queue, bufs, readable, writable, request);
	if (err < 0) {
		uk_printf("virtio-blk: %s: cannot queue a %s (%d)\n", blk->vdev->name,
			  type_name(type), err);
		return err;
	}
	uk_virtqueue_kick(&blk->queue);
	/* The status byte, not the written length, tells whether it worked. */
	if (!uk_virtqueue_wait_used(&blk->queue, TIMEOUT_NS, 0))
		return abandon(blk, type);
	return check_status(blk, type, sector, len);
}

static struct virtio_blk *from_blkdev(struct uk_blkdev *dev)
{
	return (struct virtio_blk *)dev;
}

/* Reads or writes in requests of at most max_transfer bytes. */
static int transfer(struct uk_blkdev *dev, uint32_t type, uint64_t sector, uint64_t count,
		    char *buf)
{
	struct virtio_blk *blk = from_blkdev(dev);
	uint64_t per_request = blk->max_transfer / dev->sector_size;

	while (count) {
		uint64_t n = count < per_request ? count : per_request;
		int err = virtio_blk_request(blk, type, sector * blk->sectors_per_block, buf,
					     (uint32_t)(n * dev->sector_size));

		if (err == -ENOTSUP)
			uk_printf("virtio-blk: %s: the device does not support %ss\n",
				  blk->vdev->name, type_name(type));
		if (err < 0)
			return err;
		sector += n;
		count -= n;
		buf += n * dev->sector_size;
	}
	return 0;
}

static int virtio_blk_read(struct uk_blkdev *dev, uint64_t sector, uint64_t count, void *buf)
{
	return transfer(dev, VIRTIO_BLK_T_IN, sector, count, buf);
}

/* The device only reads the buffer of a write request. */
static int virtio_blk_write(struct uk_blkdev *dev, uint64_t sector, uint64_t count,
			    const void *buf)
{
	return transfer(dev, VIRTIO_BLK_T_OUT, sector, count, (char *)buf);
}

/* Without VIRTIO_BLK_F_FLUSH the device caches no writes (spec 5.2.5):
 * they are durable when they complete. */
static int virtio_blk_flush(struct uk_blkdev *dev)
{
	struct virtio_blk *blk = from_blkdev(dev);
	int err;

	if (!uk_virtio_has_feature(blk->vdev, VIRTIO_BLK_F_FLUSH))
		return 0;
	err = virtio_blk_request(blk, VIRTIO_BLK_T_FLUSH, 0, 0, 0);

	if (err == -ENOTSUP)
		uk_printf("virtio-blk: %s: the device refuses flushes it offered\n",
			  blk->vdev->name);
	return err;
}

const struct uk_blkdev_ops virtio_blk_ops = { virtio_blk_read, virtio_blk_write, virtio_blk_flush };
