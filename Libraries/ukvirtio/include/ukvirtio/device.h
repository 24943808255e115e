/*
 * A virtio device as its driver sees it, whatever the transport: set-up
 * (identification, feature negotiation, status), configuration space reads,
 * and the interrupt hook. Registers are reached through `struct
 * uk_virtio_regs`: virtio-mmio for real devices (ukvirtio/mmio_device.h),
 * a model of a device in the unit tests.
 *
 * A driver's sequence (spec 3.1.1): uk_virtio_negotiate(), then its queues
 * (ukvirtio/virtqueue.h) and configuration, then uk_virtio_driver_ok().
 * Any failure on the way: uk_virtio_fail().
 */
#ifndef UKVIRTIO_DEVICE_H
#define UKVIRTIO_DEVICE_H

#include <stdint.h>
#include <ukvirtio/virtio.h>

struct uk_virtio_dev;
struct uk_virtqueue;

/* Register access. Offsets and meanings are virtio-mmio's (ukvirtio/mmio.h),
 * which a transport with another layout would translate. */
struct uk_virtio_regs {
	/* A register (width 4) or a configuration field (width 1, 2 or 4:
	 * configuration space is read with each field's own width). */
	uint32_t (*read)(struct uk_virtio_dev *dev, uint32_t offset, unsigned int width);
	void (*write)(struct uk_virtio_dev *dev, uint32_t offset, uint32_t value);
};

struct uk_virtio_dev {
	const struct uk_virtio_regs *regs;
	void *context;               /* the register window, or a test's model */
	char name[32];               /* for messages, e.g. "virtio-mmio@0xfeb00e00" */
	uint32_t device_id;          /* UK_VIRTIO_ID_* */
	uint64_t features;           /* negotiated */
	struct uk_virtqueue *queues; /* set up so far, for the interrupt hook */
	uint32_t irq;                /* interrupt line (ukplat/irq.h), from the platform's list */
};

/* Reads the identification registers: the magic value, version 2 (the
 * modern interface), the device type. 0 on success; -ENODEV for an empty
 * slot (device type 0); -ENOTSUP, with a message, for anything else. */
int uk_virtio_dev_init(struct uk_virtio_dev *dev, const struct uk_virtio_regs *regs,
		       void *context, const char *name);

/* Resets the device and negotiates features: ACKNOWLEDGE, DRIVER, the
 * driver's features (those of `wanted` the device offers, plus
 * VIRTIO_F_VERSION_1, which the device must offer), FEATURES_OK and the
 * check that the device kept it. On failure the device is marked FAILED,
 * a message says why, and the result is negative (-ENOTSUP, -EIO). */
int uk_virtio_negotiate(struct uk_virtio_dev *dev, uint64_t wanted);

static inline int uk_virtio_has_feature(const struct uk_virtio_dev *dev, unsigned int bit)
{
	return (dev->features & UK_VIRTIO_FEATURE(bit)) != 0;
}

/* Sets DRIVER_OK: the device is live. -EIO, with a message, if the device
 * reports that it needs a reset instead. */
int uk_virtio_driver_ok(struct uk_virtio_dev *dev);

/* Sets FAILED: the driver gave up on the device. */
void uk_virtio_fail(struct uk_virtio_dev *dev);

/* Whether the device set DEVICE_NEEDS_RESET (it stopped working). */
int uk_virtio_needs_reset(struct uk_virtio_dev *dev);

/* Configuration space fields at `offset` in the device-specific layout. */
uint8_t uk_virtio_config_read8(struct uk_virtio_dev *dev, uint32_t offset);
uint16_t uk_virtio_config_read16(struct uk_virtio_dev *dev, uint32_t offset);
uint32_t uk_virtio_config_read32(struct uk_virtio_dev *dev, uint32_t offset);
/* Two 32-bit halves read under one configuration generation, so that they
 * belong together; -EIO if the configuration never holds still. */
int uk_virtio_config_read64(struct uk_virtio_dev *dev, uint32_t offset, uint64_t *value);

/* The interrupt hook, which the handler of the device's interrupt line
 * calls (uk_virtio_mmio_route_interrupts). It acknowledges the interrupt
 * and runs the callbacks of the queues that have one
 * (uk_virtqueue_set_callback). Returns whether the device had anything to
 * report (a shared line calls every device's hook). */
int uk_virtio_interrupt(struct uk_virtio_dev *dev);

/* The guest-physical address of `p`, as descriptors and queue registers
 * want it: guests that have virtio devices (kvm) identity-map their memory. */
static inline uint64_t uk_virtio_phys(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

#endif
