/*
 * The split virtqueue's memory layout (spec 2.7): a descriptor table, the
 * available ring the driver writes and the used ring the device writes.
 * Indices into the rings run freely over 16 bits; the slot is the index
 * modulo the queue size, a power of two.
 */
#ifndef UKVIRTIO_RING_H
#define UKVIRTIO_RING_H

#include <stddef.h>
#include <stdint.h>

/* Descriptor flags. */
#define UK_VIRTQ_DESC_F_NEXT     0x1 /* `next` continues the chain */
#define UK_VIRTQ_DESC_F_WRITE    0x2 /* the device writes the buffer */
#define UK_VIRTQ_DESC_F_INDIRECT 0x4

/* Available ring flag: the driver needs no interrupt (it polls). */
#define UK_VIRTQ_AVAIL_F_NO_INTERRUPT 0x1
/* Used ring flag: the device needs no notification. */
#define UK_VIRTQ_USED_F_NO_NOTIFY 0x1

/* Alignment the device requires of each part's guest-physical address. */
#define UK_VIRTQ_DESC_ALIGN  16
#define UK_VIRTQ_AVAIL_ALIGN 2
#define UK_VIRTQ_USED_ALIGN  4

/* The largest queue a split virtqueue may have. */
#define UK_VIRTQ_SIZE_MAX 32768

struct uk_virtq_desc {
	uint64_t addr;  /* guest-physical */
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

/* Followed by a 16-bit used_event field, unused without EVENT_IDX. */
struct uk_virtq_avail {
	uint16_t flags;
	uint16_t idx;     /* where the driver puts the next entry */
	uint16_t ring[];  /* heads of descriptor chains */
};

struct uk_virtq_used_elem {
	uint32_t id;  /* head of the chain the device is done with */
	uint32_t len; /* bytes it wrote into the chain's buffers */
};

/* Followed by a 16-bit avail_event field, unused without EVENT_IDX. */
struct uk_virtq_used {
	uint16_t flags;
	uint16_t idx;     /* where the device puts the next entry */
	struct uk_virtq_used_elem ring[];
};

static inline size_t uk_virtq_desc_bytes(unsigned int size)
{
	return sizeof(struct uk_virtq_desc) * size;
}

static inline size_t uk_virtq_avail_bytes(unsigned int size)
{
	return sizeof(struct uk_virtq_avail) + sizeof(uint16_t) * (size + 1);
}

static inline size_t uk_virtq_used_bytes(unsigned int size)
{
	return sizeof(struct uk_virtq_used) + sizeof(struct uk_virtq_used_elem) * size +
	       sizeof(uint16_t);
}

#endif
