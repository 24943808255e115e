/*
 * Device-specific configuration space reads. Each field is read with its
 * own width (spec 4.2.2.2); a 64-bit field takes two 32-bit reads, checked
 * against the configuration generation so that both halves belong to the
 * same configuration.
 */
#include <errno.h>
#include <ukconsole/print.h>

#include "registers.h"

/* The configuration changes rarely; a device whose generation keeps moving
 * across this many attempts is broken. */
#define GENERATION_ATTEMPTS 64

uint8_t uk_virtio_config_read8(struct uk_virtio_dev *dev, uint32_t offset)
{
	return (uint8_t)dev->regs->read(dev, UK_VIRTIO_MMIO_CONFIG + offset, 1);
}

uint16_t uk_virtio_config_read16(struct uk_virtio_dev *dev, uint32_t offset)
{
	return (uint16_t)dev->regs->read(dev, UK_VIRTIO_MMIO_CONFIG + offset, 2);
}

uint32_t uk_virtio_config_read32(struct uk_virtio_dev *dev, uint32_t offset)
{
	return dev->regs->read(dev, UK_VIRTIO_MMIO_CONFIG + offset, 4);
}

int uk_virtio_config_read64(struct uk_virtio_dev *dev, uint32_t offset, uint64_t *value)
{
	for (int i = 0; i < GENERATION_ATTEMPTS; i++) {
		uint32_t generation = virtio_read(dev, UK_VIRTIO_MMIO_CONFIG_GENERATION);
		uint64_t low = uk_virtio_config_read32(dev, offset);
		uint64_t high = uk_virtio_config_read32(dev, offset + 4);

		if (virtio_read(dev, UK_VIRTIO_MMIO_CONFIG_GENERATION) == generation) {
			*value = high << 32 | low;
			return 0;
		}
	}
	uk_printf("virtio: %s: the configuration keeps changing\n", dev->name);
	return -EIO;
}
