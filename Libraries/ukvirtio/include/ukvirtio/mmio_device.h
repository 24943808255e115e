/*
 * virtio-mmio devices: the register window of a real device, and the
 * devices the platform lists (platforms with HAVE_VIRTIO_MMIO).
 */
#ifndef UKVIRTIO_MMIO_DEVICE_H
#define UKVIRTIO_MMIO_DEVICE_H

#include <errno.h>
#include <stdint.h>
#include <unikit/config.h>
#include <ukvirtio/device.h>

/* Register access through the window mapped at `context`. */
extern const struct uk_virtio_regs uk_virtio_mmio_regs;

/* uk_virtio_dev_init() for the window at guest-physical `base`. */
int uk_virtio_mmio_dev_init(struct uk_virtio_dev *dev, uint64_t base);

/* Calls `attach` with each device of type `device_id` (UK_VIRTIO_ID_*)
 * the platform lists and no driver attached yet; attach returns 0 when it
 * took the device. Devices are identified once, at the first call, and
 * those that cannot be used are reported then. Returns how many attached.
 * Only on platforms with HAVE_VIRTIO_MMIO. */
unsigned int uk_virtio_mmio_attach_all(uint32_t device_id, int (*attach)(struct uk_virtio_dev *dev));

/* Interrupt mode (LIBUKVIRTIO_INTERRUPTS): the device's interrupt line
 * calls uk_virtio_interrupt(dev). A driver routes it once, then gives the
 * queues it wants interrupts for a callback. 0; a negative error, with a
 * message, when the platform cannot route the line (the driver polls);
 * -ENOTSUP in images that poll. */
#ifdef CONFIG_LIBUKVIRTIO_INTERRUPTS
int uk_virtio_mmio_route_interrupts(struct uk_virtio_dev *dev);
#else
static inline int uk_virtio_mmio_route_interrupts(struct uk_virtio_dev *dev)
{
	(void)dev;
	return -ENOTSUP;
}
#endif

#endif
