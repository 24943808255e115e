/*
 * The virtio-mmio devices the platform lists, identified once and handed
 * to the drivers that ask for their device type.
 */
#include <ukconsole/print.h>
#include <ukplat/virtio_mmio.h>
#include <ukvirtio/mmio.h>
#include <ukvirtio/mmio_device.h>

enum slot_state { SLOT_UNUSABLE, SLOT_FREE, SLOT_ATTACHED };

static struct uk_virtio_dev devices[UKPLAT_VIRTIO_MMIO_MAX];
static enum slot_state states[UKPLAT_VIRTIO_MMIO_MAX];
static size_t device_count;
static int identified;

static void identify_all(void)
{
	const struct ukplat_virtio_mmio_device *list;

	device_count = ukplat_virtio_mmio_devices(&list);
	for (size_t i = 0; i < device_count; i++) {
		states[i] = SLOT_UNUSABLE;
		if (list[i].size < UK_VIRTIO_MMIO_CONFIG)
			uk_printf("virtio: the window at 0x%llx is too small (%llu bytes)\n",
				  (unsigned long long)list[i].base, (unsigned long long)list[i].size);
		else if (uk_virtio_mmio_dev_init(&devices[i], list[i].base) == 0) {
			devices[i].irq = list[i].irq;
			states[i] = SLOT_FREE;
		}
	}
	identified = 1;
}

unsigned int uk_virtio_mmio_attach_all(uint32_t device_id, int (*attach)(struct uk_virtio_dev *dev))
{
	unsigned int attached = 0;

	if (!identified)
		identify_all();
	for (size_t i = 0; i < device_count; i++)
		if (states[i] == SLOT_FREE && devices[i].device_id == device_id &&
		    attach(&devices[i]) == 0) {
			states[i] = SLOT_ATTACHED;
			attached++;
		}
	return attached;
}
