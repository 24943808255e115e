/* Identification, status bits and the interrupt hook (ukvirtio/device.h). */
#include <errno.h>
#include <ukconsole/print.h>
#include <ukvirtio/virtqueue.h>

#include "registers.h"

int uk_virtio_dev_init(struct uk_virtio_dev *dev, const struct uk_virtio_regs *regs,
		       void *context, const char *name)
{
	uint32_t magic, version;

	*dev = (struct uk_virtio_dev){ .regs = regs, .context = context };
	uk_snprintf(dev->name, sizeof(dev->name), "%s", name);
	magic = virtio_read(dev, UK_VIRTIO_MMIO_MAGIC_VALUE);
	if (magic != UK_VIRTIO_MMIO_MAGIC) {
		uk_printf("virtio: %s: not a virtio device (magic value 0x%x)\n", dev->name, magic);
		return -ENOTSUP;
	}
	version = virtio_read(dev, UK_VIRTIO_MMIO_VERSION);
	if (version == UK_VIRTIO_MMIO_VERSION_LEGACY) {
		uk_printf("virtio: %s: legacy virtio-mmio (version 1) is not supported; "
			  "QEMU gives version 2 with -global virtio-mmio.force-legacy=false\n",
			  dev->name);
		return -ENOTSUP;
	}
	if (version != UK_VIRTIO_MMIO_VERSION_MODERN) {
		uk_printf("virtio: %s: unknown virtio-mmio version %u\n", dev->name, version);
		return -ENOTSUP;
	}
	dev->device_id = virtio_read(dev, UK_VIRTIO_MMIO_DEVICE_ID);
	return dev->device_id == UK_VIRTIO_ID_NONE ? -ENODEV : 0;
}

static void add_status(struct uk_virtio_dev *dev, uint32_t bits)
{
	virtio_write(dev, UK_VIRTIO_MMIO_STATUS, virtio_read(dev, UK_VIRTIO_MMIO_STATUS) | bits);
}

int uk_virtio_needs_reset(struct uk_virtio_dev *dev)
{
	return (virtio_read(dev, UK_VIRTIO_MMIO_STATUS) & UK_VIRTIO_STATUS_DEVICE_NEEDS_RESET) != 0;
}

int uk_virtio_driver_ok(struct uk_virtio_dev *dev)
{
	add_status(dev, UK_VIRTIO_STATUS_DRIVER_OK);
	if (uk_virtio_needs_reset(dev)) {
		uk_printf("virtio: %s: the device needs a reset right after set-up\n", dev->name);
		return -EIO;
	}
	return 0;
}

void uk_virtio_fail(struct uk_virtio_dev *dev)
{
	add_status(dev, UK_VIRTIO_STATUS_FAILED);
}

int uk_virtio_interrupt(struct uk_virtio_dev *dev)
{
	uint32_t pending = virtio_read(dev, UK_VIRTIO_MMIO_INTERRUPT_STATUS);

	if (!pending)
		return 0;
	virtio_write(dev, UK_VIRTIO_MMIO_INTERRUPT_ACK, pending);
	if (pending & UK_VIRTIO_MMIO_INTERRUPT_USED_BUFFER)
		for (struct uk_virtqueue *vq = dev->queues; vq; vq = vq->next)
			if (vq->callback)
				vq->callback(vq);
	return 1;
}
