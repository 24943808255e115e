/* The in-memory virtio-mmio device model of the unit tests (fake_device.h). */
#include <string.h>
#include <ukvirtio/mmio.h>
#include <ukvirtio/ring.h>

#include "fake_device.h"

/* The selected queue; NULL for one the device does not have. */
static struct fake_queue *selected(struct fake_device *fake)
{
	return fake->queue_sel < FAKE_QUEUES ? &fake->queues[fake->queue_sel] : 0;
}

static uint32_t config_read(struct fake_device *fake, uint32_t offset, unsigned int width)
{
	uint32_t value = 0;

	memcpy(&value, &fake->config[offset], width);
	return value;
}

static uint32_t queue_read(struct fake_device *fake, uint32_t offset)
{
	struct fake_queue *queue = selected(fake);

	switch (offset) {
	case UK_VIRTIO_MMIO_QUEUE_NUM_MAX:
		return queue ? queue->num_max : 0;
	case UK_VIRTIO_MMIO_QUEUE_READY:
		return queue ? queue->ready : 0;
	default:
		return 0;
	}
}

static uint32_t fake_read(struct uk_virtio_dev *dev, uint32_t offset, unsigned int width)
{
	struct fake_device *fake = dev->context;

	if (offset >= UK_VIRTIO_MMIO_CONFIG)
		return config_read(fake, offset - UK_VIRTIO_MMIO_CONFIG, width);
	switch (offset) {
	case UK_VIRTIO_MMIO_MAGIC_VALUE:
		return fake->magic;
	case UK_VIRTIO_MMIO_VERSION:
		return fake->version;
	case UK_VIRTIO_MMIO_DEVICE_ID:
		return fake->device_id;
	case UK_VIRTIO_MMIO_DEVICE_FEATURES:
		return fake->device_features_sel > 1 ? 0 :
		       (uint32_t)(fake->device_features >> (32 * fake->device_features_sel));
	case UK_VIRTIO_MMIO_STATUS:
		return fake->status;
	case UK_VIRTIO_MMIO_INTERRUPT_STATUS:
		return fake->interrupt_status;
	case UK_VIRTIO_MMIO_CONFIG_GENERATION:
		return fake->unstable_generation ? fake->generation++ : fake->generation;
	default:
		return queue_read(fake, offset);
	}
}

static void set_half(uint64_t *value, int high, uint32_t half)
{
	int shift = high ? 32 : 0;

	*value = (*value & ~(0xffffffffULL << shift)) | (uint64_t)half << shift;
}

static void status_write(struct fake_device *fake, uint32_t value)
{
	if (fake->status_writes < FAKE_STATUS_HISTORY)
		fake->status_history[fake->status_writes] = value;
	fake->status_writes++;
	if (fake->refuses_features)
		value &= ~(uint32_t)UK_VIRTIO_STATUS_FEATURES_OK;
	fake->status = value;
	if (value == 0)
		fake->driver_features = 0;
}

static void queue_write(struct fake_device *fake, uint32_t offset, uint32_t value)
{
	struct fake_queue *queue = selected(fake);
	int high = (offset & 4) != 0;

	if (!queue)
		return;
	switch (offset) {
	case UK_VIRTIO_MMIO_QUEUE_NUM: queue->num = value; break;
	case UK_VIRTIO_MMIO_QUEUE_READY: queue->ready = value; break;
	case UK_VIRTIO_MMIO_QUEUE_DESC_LOW: case UK_VIRTIO_MMIO_QUEUE_DESC_HIGH:
		set_half(&queue->desc, high, value); break;
	case UK_VIRTIO_MMIO_QUEUE_DRIVER_LOW: case UK_VIRTIO_MMIO_QUEUE_DRIVER_HIGH:
		set_half(&queue->driver, high, value); break;
	case UK_VIRTIO_MMIO_QUEUE_DEVICE_LOW: case UK_VIRTIO_MMIO_QUEUE_DEVICE_HIGH:
		set_half(&queue->device, high, value); break;
	}
}

static void fake_write(struct uk_virtio_dev *dev, uint32_t offset, uint32_t value)
{
	struct fake_device *fake = dev->context;

	switch (offset) {
	case UK_VIRTIO_MMIO_DEVICE_FEATURES_SEL: fake->device_features_sel = value; break;
	case UK_VIRTIO_MMIO_DRIVER_FEATURES_SEL: fake->driver_features_sel = value; break;
	case UK_VIRTIO_MMIO_DRIVER_FEATURES:
		if (fake->driver_features_sel <= 1)
			set_half(&fake->driver_features, fake->driver_features_sel == 1, value);
		break;
	case UK_VIRTIO_MMIO_STATUS: status_write(fake, value); break;
	case UK_VIRTIO_MMIO_QUEUE_SEL: fake->queue_sel = value; break;
	case UK_VIRTIO_MMIO_QUEUE_NOTIFY:
		fake->notifications++;
		fake->last_notified = value;
		break;
	case UK_VIRTIO_MMIO_INTERRUPT_ACK: fake->interrupt_status &= ~value; break;
	default: queue_write(fake, offset, value);
	}
}

static const struct uk_virtio_regs fake_regs = { fake_read, fake_write };

void fake_device_init(struct fake_device *fake, uint32_t device_id, uint64_t features)
{
	*fake = (struct fake_device){
		.magic = UK_VIRTIO_MMIO_MAGIC, .version = UK_VIRTIO_MMIO_VERSION_MODERN,
		.device_id = device_id, .device_features = features,
	};
	fake->queues[0].num_max = 8;
}

int fake_device_attach(struct fake_device *fake, struct uk_virtio_dev *dev)
{
	return uk_virtio_dev_init(dev, &fake_regs, fake, "fake");
}

int fake_device_take(struct fake_device *fake, unsigned int queue)
{
	struct fake_queue *q = &fake->queues[queue];
	struct uk_virtq_avail *avail = (struct uk_virtq_avail *)(uintptr_t)q->driver;
	uint16_t head;

	if (q->last_avail == __atomic_load_n(&avail->idx, __ATOMIC_ACQUIRE))
		return -1;
	head = avail->ring[q->last_avail & (q->num - 1)];
	q->last_avail++;
	return head;
}

void fake_device_return(struct fake_device *fake, unsigned int queue, uint16_t head,
			uint32_t written)
{
	struct uk_virtq_used *used = (struct uk_virtq_used *)(uintptr_t)fake->queues[queue].device;
	uint16_t idx = used->idx;

	used->ring[idx & (fake->queues[queue].num - 1)] = (struct uk_virtq_used_elem){ head, written };
	__atomic_store_n(&used->idx, (uint16_t)(idx + 1), __ATOMIC_RELEASE);
}
