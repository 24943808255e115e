/*
 * The virtio-blk device (spec 5.2) as this driver uses it, and the
 * driver's per-device state. Request and configuration layouts are the
 * spec's; sectors in requests and in the capacity are always 512 bytes,
 * whatever block size the device announces.
 */
#ifndef UKVIRTIO_BLK_SRC_VIRTIO_BLK_H
#define UKVIRTIO_BLK_SRC_VIRTIO_BLK_H

#include <stdint.h>
#include <ukblkdev/blkdev.h>
#include <ukvirtio/virtqueue.h>

/* Feature bits. */
#define VIRTIO_BLK_F_SIZE_MAX 1 /* size_max bounds each data buffer */
#define VIRTIO_BLK_F_RO       5 /* the disk is read-only */
#define VIRTIO_BLK_F_BLK_SIZE 6 /* blk_size holds the logical block size */
#define VIRTIO_BLK_F_FLUSH    9 /* the device caches writes; FLUSH requests exist */

/* Configuration space offsets. */
#define VIRTIO_BLK_CONFIG_CAPACITY 0  /* 64 bits, in 512-byte sectors */
#define VIRTIO_BLK_CONFIG_SIZE_MAX 8  /* 32 bits */
#define VIRTIO_BLK_CONFIG_BLK_SIZE 20 /* 32 bits */

/* Request types. */
#define VIRTIO_BLK_T_IN     0 /* read */
#define VIRTIO_BLK_T_OUT    1 /* write */
#define VIRTIO_BLK_T_FLUSH  4
#define VIRTIO_BLK_T_GET_ID 8 /* up to 20 bytes of identifier, NUL-padded */

/* The status byte the device writes last. */
#define VIRTIO_BLK_S_OK     0
#define VIRTIO_BLK_S_IOERR  1
#define VIRTIO_BLK_S_UNSUPP 2

#define VIRTIO_BLK_SECTOR_SIZE 512
#define VIRTIO_BLK_ID_BYTES    20

/* A request travels as a chain: this header (device-readable), the data
 * if any (readable for writes, writable for reads and GET_ID), the status
 * byte (writable). */
struct virtio_blk_request {
	struct {
		uint32_t type;
		uint32_t reserved;
		uint64_t sector;
	} header;
	uint8_t status;
};

struct virtio_blk {
	struct uk_blkdev blkdev;           /* first: the ops get it back by a cast */
	struct uk_virtio_dev *vdev;
	struct uk_virtqueue queue;
	struct virtio_blk_request request;  /* the one request in flight */
	char id[VIRTIO_BLK_ID_BYTES];       /* GET_ID's answer */
	uint32_t sectors_per_block;         /* 512-byte sectors in a blkdev sector */
	uint32_t max_transfer;              /* bytes of data per request */
	int abandoned;                      /* a request timed out: the device may still own its buffers */
};

/* Runs one request and waits for it (bounded); 0, or a negative error with
 * a message (-ENOTSUP without one: the caller decides what it means). */
int virtio_blk_request(struct virtio_blk *blk, uint32_t type, uint64_t sector, void *data,
		       uint32_t len);

extern const struct uk_blkdev_ops virtio_blk_ops;

#endif
