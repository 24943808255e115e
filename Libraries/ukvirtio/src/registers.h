/* Register access shorthands for the library's own files. */
#ifndef UKVIRTIO_SRC_REGISTERS_H
#define UKVIRTIO_SRC_REGISTERS_H

#include <ukvirtio/device.h>
#include <ukvirtio/mmio.h>

static inline uint32_t virtio_read(struct uk_virtio_dev *dev, uint32_t offset)
{
	return dev->regs->read(dev, offset, 4);
}

static inline void virtio_write(struct uk_virtio_dev *dev, uint32_t offset, uint32_t value)
{
	dev->regs->write(dev, offset, value);
}

/* A 64-bit value into a LOW register and the HIGH one after it. */
static inline void virtio_write64(struct uk_virtio_dev *dev, uint32_t low_offset, uint64_t value)
{
	virtio_write(dev, low_offset, (uint32_t)value);
	virtio_write(dev, low_offset + 4, (uint32_t)(value >> 32));
}

#endif
