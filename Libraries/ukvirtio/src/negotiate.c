/*
 * Reset and feature negotiation (spec 3.1.1): the status handshake up to
 * FEATURES_OK, with the 64 feature bits read and written as two 32-bit
 * words through the selector registers.
 */
#include <errno.h>
#include <ukconsole/print.h>
#include <ukplat/time.h>

#include "registers.h"

/* A reset completes when the status reads 0; devices do it at once, so
 * this only bounds the wait for a broken one. */
#define RESET_TIMEOUT_NS (UKPLAT_NSEC_PER_SEC / 10)

static int reset(struct uk_virtio_dev *dev)
{
	uint64_t deadline = ukplat_monotonic_ns() + RESET_TIMEOUT_NS;

	virtio_write(dev, UK_VIRTIO_MMIO_STATUS, 0);
	while (virtio_read(dev, UK_VIRTIO_MMIO_STATUS) != 0)
		if (ukplat_monotonic_ns() > deadline) {
			uk_printf("virtio: %s: the device does not finish its reset\n", dev->name);
			return -EIO;
		}
	return 0;
}

static uint64_t device_features(struct uk_virtio_dev *dev)
{
	uint64_t low, high;

	virtio_write(dev, UK_VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	low = virtio_read(dev, UK_VIRTIO_MMIO_DEVICE_FEATURES);
	virtio_write(dev, UK_VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
	high = virtio_read(dev, UK_VIRTIO_MMIO_DEVICE_FEATURES);
	return high << 32 | low;
}

static void driver_features(struct uk_virtio_dev *dev, uint64_t features)
{
	virtio_write(dev, UK_VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	virtio_write(dev, UK_VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)features);
	virtio_write(dev, UK_VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	virtio_write(dev, UK_VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(features >> 32));
}

static int give_up(struct uk_virtio_dev *dev, int error)
{
	uk_virtio_fail(dev);
	return error;
}

int uk_virtio_negotiate(struct uk_virtio_dev *dev, uint64_t wanted)
{
	const uint32_t known = UK_VIRTIO_STATUS_ACKNOWLEDGE | UK_VIRTIO_STATUS_DRIVER;
	uint64_t offered;

	dev->features = 0;
	if (reset(dev) < 0)
		return give_up(dev, -EIO);
	virtio_write(dev, UK_VIRTIO_MMIO_STATUS, UK_VIRTIO_STATUS_ACKNOWLEDGE);
	virtio_write(dev, UK_VIRTIO_MMIO_STATUS, known);
	offered = device_features(dev);
	if (!(offered & UK_VIRTIO_FEATURE(UK_VIRTIO_F_VERSION_1))) {
		uk_printf("virtio: %s: the device does not offer VIRTIO_F_VERSION_1 "
			  "(features 0x%llx)\n", dev->name, (unsigned long long)offered);
		return give_up(dev, -ENOTSUP);
	}
	dev->features = offered & (wanted | UK_VIRTIO_FEATURE(UK_VIRTIO_F_VERSION_1));
	driver_features(dev, dev->features);
	virtio_write(dev, UK_VIRTIO_MMIO_STATUS, known | UK_VIRTIO_STATUS_FEATURES_OK);
	if (!(virtio_read(dev, UK_VIRTIO_MMIO_STATUS) & UK_VIRTIO_STATUS_FEATURES_OK)) {
		uk_printf("virtio: %s: the device refuses features 0x%llx (it offers 0x%llx)\n",
			  dev->name, (unsigned long long)dev->features, (unsigned long long)offered);
		return give_up(dev, -ENOTSUP);
	}
	return 0;
}
