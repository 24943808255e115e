/*
 * Split virtqueues: buffers go to the device as descriptor chains (the
 * device-readable buffers first, then the device-writable ones), each with
 * a cookie that comes back when the device is done with the chain.
 *
 *	uk_virtqueue_add(vq, bufs, 1, 2, request);  // may add several
 *	uk_virtqueue_kick(vq);                      // publish, notify
 *	done = uk_virtqueue_wait_used(vq, timeout_ns, &written);
 *
 * A queue asks the device for no interrupts (it is polled) until
 * uk_virtqueue_set_callback() gives it a callback for uk_virtio_interrupt()
 * to run. A queue is used by one thread at a time.
 */
#ifndef UKVIRTIO_VIRTQUEUE_H
#define UKVIRTIO_VIRTQUEUE_H

#include <stddef.h>
#include <stdint.h>
#include <ukvirtio/device.h>
#include <ukvirtio/ring.h>

struct uk_virtqueue;

typedef void (*uk_virtqueue_callback_t)(struct uk_virtqueue *vq);

struct uk_virtqueue {
	struct uk_virtio_dev *dev;
	uint16_t index;              /* the queue's number in the device */
	uint16_t size;               /* entries: a power of two */
	uint16_t free_head;          /* free descriptors, chained by `next` */
	uint16_t free_count;
	uint16_t next_avail;         /* avail->idx once kicked */
	uint16_t next_used;          /* the first used entry not collected */
	struct uk_virtq_desc *desc;
	struct uk_virtq_avail *avail;
	struct uk_virtq_used *used;
	void **cookies;              /* per chain head; NULL when free */
	uk_virtqueue_callback_t callback;
	struct uk_virtqueue *next;   /* the device's next queue */
};

/* One buffer of a chain, in guest memory. */
struct uk_virtqueue_buf {
	const void *addr;
	uint32_t len;
};

/* Bytes of ring memory (descriptors, available and used rings, each
 * aligned as the device requires) for a queue of `size` entries. */
size_t uk_virtqueue_ring_bytes(unsigned int size);

/* Lays out an empty ring of `size` entries (a power of two) in `memory`
 * (uk_virtqueue_ring_bytes(size) bytes, UK_VIRTQ_DESC_ALIGN-aligned) with
 * `cookies` (`size` pointers) beside it: all descriptors free, no
 * interrupts wanted. The device does not know about it yet. */
void uk_virtqueue_init_ring(struct uk_virtqueue *vq, unsigned int size, void *memory,
			    void **cookies);

/* Sets up queue `index` of `dev` (between negotiation and DRIVER_OK):
 * at most `max_size` entries and at most what the device allows, rounded
 * down to a power of two; memory from the allocator. 0, or a negative
 * error with a message: -ENOENT (no such queue), -EBUSY (already live),
 * -ENOMEM. `max_size` is at least 1. */
int uk_virtqueue_setup(struct uk_virtqueue *vq, struct uk_virtio_dev *dev, uint16_t index,
		       unsigned int max_size);

/* Chains `readable` + `writable` buffers (readable ones first) and puts
 * the chain in the available ring, for the next kick. `cookie` (not NULL)
 * comes back from uk_virtqueue_get_used(). -EINVAL for an empty chain,
 * -ENOSPC when free descriptors are too few (collect used ones first). */
int uk_virtqueue_add(struct uk_virtqueue *vq, const struct uk_virtqueue_buf *bufs,
		     unsigned int readable, unsigned int writable, void *cookie);

/* Makes the chains added so far visible to the device and notifies it. */
void uk_virtqueue_kick(struct uk_virtqueue *vq);

/* Makes them visible without a notification (a VM exit): for a driver
 * that will notify later anyway, or a device that looks by itself. */
void uk_virtqueue_publish(struct uk_virtqueue *vq);

/* The cookie of the next chain the device is done with, and in *written
 * (if `written` is not NULL) the bytes it wrote into the chain; NULL when
 * there is none yet. The chain's descriptors are free again. */
void *uk_virtqueue_get_used(struct uk_virtqueue *vq, uint32_t *written);

/* uk_virtqueue_get_used() polled until it has a chain or `timeout_ns`
 * passed (then NULL); in interrupt mode (a callback set) the CPU idles
 * between polls until the device interrupts. */
void *uk_virtqueue_wait_used(struct uk_virtqueue *vq, uint64_t timeout_ns, uint32_t *written);

/* Interrupt mode: asks the device for interrupts on this queue; the
 * platform's handler calls uk_virtio_interrupt(), which calls `callback`
 * (from the idle, ukplat/irq.h). NULL returns the queue to polling. */
void uk_virtqueue_set_callback(struct uk_virtqueue *vq, uk_virtqueue_callback_t callback);

static inline unsigned int uk_virtqueue_free_descriptors(const struct uk_virtqueue *vq)
{
	return vq->free_count;
}

#endif
