/*
 * Making a virtqueue live (spec 4.2.3.2): choose its size, give it ring
 * memory, tell the device where the three parts are, mark it ready.
 */
#include <errno.h>
#include <ukalloc/alloc.h>
#include <ukconsole/print.h>
#include <ukvirtio/virtqueue.h>

#include "registers.h"

/* The largest power of two not above `limit` (> 0). */
static unsigned int power_of_two_below(unsigned int limit)
{
	unsigned int size = 1;

	while (size <= limit / 2)
		size *= 2;
	return size;
}

static void tell_device(struct uk_virtqueue *vq)
{
	struct uk_virtio_dev *dev = vq->dev;

	virtio_write(dev, UK_VIRTIO_MMIO_QUEUE_NUM, vq->size);
	virtio_write64(dev, UK_VIRTIO_MMIO_QUEUE_DESC_LOW, uk_virtio_phys(vq->desc));
	virtio_write64(dev, UK_VIRTIO_MMIO_QUEUE_DRIVER_LOW, uk_virtio_phys(vq->avail));
	virtio_write64(dev, UK_VIRTIO_MMIO_QUEUE_DEVICE_LOW, uk_virtio_phys(vq->used));
	virtio_write(dev, UK_VIRTIO_MMIO_QUEUE_READY, 1);
}

int uk_virtqueue_setup(struct uk_virtqueue *vq, struct uk_virtio_dev *dev, uint16_t index,
		       unsigned int max_size)
{
	unsigned int limit, size;
	void *memory, **cookies;

	virtio_write(dev, UK_VIRTIO_MMIO_QUEUE_SEL, index);
	if (virtio_read(dev, UK_VIRTIO_MMIO_QUEUE_READY)) {
		uk_printf("virtio: %s: queue %u is live already\n", dev->name, index);
		return -EBUSY;
	}
	limit = virtio_read(dev, UK_VIRTIO_MMIO_QUEUE_NUM_MAX);
	if (limit == 0) {
		uk_printf("virtio: %s: the device has no queue %u\n", dev->name, index);
		return -ENOENT;
	}
	limit = limit < max_size ? limit : max_size;
	size = power_of_two_below(limit < UK_VIRTQ_SIZE_MAX ? limit : UK_VIRTQ_SIZE_MAX);
	memory = uk_memalign(UK_VIRTQ_DESC_ALIGN, uk_virtqueue_ring_bytes(size));
	cookies = uk_malloc(size * sizeof(*cookies));
	if (!memory || !cookies) {
		uk_free(memory);
		uk_free(cookies);
		uk_printf("virtio: %s: no memory for queue %u (%u entries)\n", dev->name, index, size);
		return -ENOMEM;
	}
	vq->dev = dev;
	vq->index = index;
	uk_virtqueue_init_ring(vq, size, memory, cookies);
	tell_device(vq);
	vq->next = dev->queues;
	dev->queues = vq;
	return 0;
}
