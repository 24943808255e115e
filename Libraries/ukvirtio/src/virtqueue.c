/*
 * Split virtqueue operations (ukvirtio/virtqueue.h): the free descriptor
 * list, chains in, used entries out.
 *
 * Ordering: the device reads the ring from another host thread, so a chain
 * must be complete before avail->idx counts it, and a used entry may be
 * read only after used->idx counted it: a release store and an acquire
 * load. On x86 (TSO: stores stay in order among themselves, and so do
 * loads) both are plain moves plus a compiler barrier, which is all a
 * cache-coherent ring in guest RAM needs; no fence instruction is emitted.
 * The notification is an MMIO write, a VM exit, which orders everything
 * before it.
 */
#include <errno.h>
#include <string.h>
#include <ukdebug/panic.h>
#include <ukplat/time.h>
#include <ukvirtio/virtqueue.h>

#include "registers.h"

static size_t align_up(size_t value, size_t alignment)
{
	return (value + alignment - 1) & ~(alignment - 1);
}

static size_t used_offset(unsigned int size)
{
	return align_up(uk_virtq_desc_bytes(size) + uk_virtq_avail_bytes(size), UK_VIRTQ_USED_ALIGN);
}

size_t uk_virtqueue_ring_bytes(unsigned int size)
{
	return used_offset(size) + uk_virtq_used_bytes(size);
}

void uk_virtqueue_init_ring(struct uk_virtqueue *vq, unsigned int size, void *memory,
			    void **cookies)
{
	char *base = memory;

	memset(memory, 0, uk_virtqueue_ring_bytes(size));
	vq->size = (uint16_t)size;
	vq->desc = memory;
	vq->avail = (struct uk_virtq_avail *)(base + uk_virtq_desc_bytes(size));
	vq->used = (struct uk_virtq_used *)(base + used_offset(size));
	vq->cookies = cookies;
	for (unsigned int i = 0; i < size; i++) {
		vq->desc[i].next = (uint16_t)(i + 1);
		cookies[i] = 0;
	}
	vq->free_head = 0;
	vq->free_count = (uint16_t)size;
	vq->next_avail = 0;
	vq->next_used = 0;
	vq->callback = 0;
	vq->avail->flags = UK_VIRTQ_AVAIL_F_NO_INTERRUPT;
}

int uk_virtqueue_add(struct uk_virtqueue *vq, const struct uk_virtqueue_buf *bufs,
		     unsigned int readable, unsigned int writable, void *cookie)
{
	unsigned int count = readable + writable;
	uint16_t head = vq->free_head, i = head;

	if (count == 0 || !cookie)
		return -EINVAL;
	if (count > vq->free_count)
		return -ENOSPC;
	/* Free descriptors are chained by `next` already: fill them in order
	 * and the chain links itself. */
	for (unsigned int n = 0; n < count; n++) {
		struct uk_virtq_desc *desc = &vq->desc[i];

		desc->addr = uk_virtio_phys(bufs[n].addr);
		desc->len = bufs[n].len;
		desc->flags = (uint16_t)((n >= readable ? UK_VIRTQ_DESC_F_WRITE : 0) |
					 (n + 1 < count ? UK_VIRTQ_DESC_F_NEXT : 0));
		i = desc->next;
	}
	vq->free_head = i;
	vq->free_count = (uint16_t)(vq->free_count - count);
	vq->cookies[head] = cookie;
	vq->avail->ring[vq->next_avail & (vq->size - 1)] = head;
	vq->next_avail++;
	return 0;
}

void uk_virtqueue_publish(struct uk_virtqueue *vq)
{
	__atomic_store_n(&vq->avail->idx, vq->next_avail, __ATOMIC_RELEASE);
}

void uk_virtqueue_kick(struct uk_virtqueue *vq)
{
	uk_virtqueue_publish(vq);
	virtio_write(vq->dev, UK_VIRTIO_MMIO_QUEUE_NOTIFY, vq->index);
}

/* Puts the chain starting at `head` back on the free list. */
static void free_chain(struct uk_virtqueue *vq, uint16_t head)
{
	uint16_t last = head, count = 1;

	while (vq->desc[last].flags & UK_VIRTQ_DESC_F_NEXT) {
		last = vq->desc[last].next;
		count++;
	}
	vq->desc[last].next = vq->free_head;
	vq->free_head = head;
	vq->free_count = (uint16_t)(vq->free_count + count);
}

void *uk_virtqueue_get_used(struct uk_virtqueue *vq, uint32_t *written)
{
	uint16_t used_idx = __atomic_load_n(&vq->used->idx, __ATOMIC_ACQUIRE);
	const struct uk_virtq_used_elem *elem;
	uint32_t id;
	void *cookie;

	if (used_idx == vq->next_used)
		return 0;
	if ((uint16_t)(used_idx - vq->next_used) > vq->size)
		uk_panic("virtio: %s: queue %u: the device's used index jumped from %u to %u",
			 vq->dev->name, vq->index, vq->next_used, used_idx);
	elem = &vq->used->ring[vq->next_used & (vq->size - 1)];
	id = elem->id;
	if (id >= vq->size || !vq->cookies[id])
		uk_panic("virtio: %s: queue %u: the device returned descriptor %u, "
			 "which is not the head of a chain it holds", vq->dev->name, vq->index, id);
	if (written)
		*written = elem->len;
	cookie = vq->cookies[id];
	vq->cookies[id] = 0;
	free_chain(vq, (uint16_t)id);
	vq->next_used++;
	return cookie;
}

void *uk_virtqueue_wait_used(struct uk_virtqueue *vq, uint64_t timeout_ns, uint32_t *written)
{
	uint64_t now = ukplat_monotonic_ns();
	uint64_t deadline = now + timeout_ns < now ? UINT64_MAX : now + timeout_ns;
	void *cookie;

	while (!(cookie = uk_virtqueue_get_used(vq, written))) {
		if (ukplat_monotonic_ns() >= deadline)
			return 0;
		/* Interrupt mode: the device's interrupt ends the idle. */
		if (vq->callback)
			ukplat_idle_until(deadline);
	}
	return cookie;
}

void uk_virtqueue_set_callback(struct uk_virtqueue *vq, uk_virtqueue_callback_t callback)
{
	vq->callback = callback;
	__atomic_store_n(&vq->avail->flags, callback ? 0 : UK_VIRTQ_AVAIL_F_NO_INTERRUPT, __ATOMIC_RELEASE);
}
