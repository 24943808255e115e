/*
 * A virtio-mmio device modelled in memory for the unit tests: registers
 * with their side effects (feature selectors, status, queue selection,
 * interrupt acknowledgement), a configuration space, and a device side for
 * the rings that takes available chains and returns used ones.
 */
#ifndef UKVIRTIO_TESTS_FAKE_DEVICE_H
#define UKVIRTIO_TESTS_FAKE_DEVICE_H

#include <stdint.h>
#include <ukvirtio/device.h>

#define FAKE_QUEUES 2
#define FAKE_STATUS_HISTORY 8

struct fake_queue {
	uint32_t num_max, num, ready;
	uint64_t desc, driver, device;
	uint16_t last_avail; /* the device's position in the available ring */
};

struct fake_device {
	uint32_t magic, version, device_id;
	uint64_t device_features, driver_features;
	uint32_t device_features_sel, driver_features_sel;
	uint32_t status;
	int refuses_features;        /* FEATURES_OK does not stick */
	uint32_t status_history[FAKE_STATUS_HISTORY];
	unsigned int status_writes;
	uint32_t queue_sel;
	struct fake_queue queues[FAKE_QUEUES];
	uint32_t notifications, last_notified;
	uint32_t interrupt_status;
	uint32_t generation;
	int unstable_generation;     /* changes at every read */
	uint8_t config[32];
};

/* A modern device of type `device_id` offering `features`, with a queue 0
 * of at most 8 entries. */
void fake_device_init(struct fake_device *fake, uint32_t device_id, uint64_t features);

/* uk_virtio_dev_init() on the model. */
int fake_device_attach(struct fake_device *fake, struct uk_virtio_dev *dev);

/* The device side: takes the next available chain of queue `queue` and
 * returns it as used with `written` bytes; the chain's head, or -1 when
 * nothing is available. */
int fake_device_take(struct fake_device *fake, unsigned int queue);
void fake_device_return(struct fake_device *fake, unsigned int queue, uint16_t head,
			uint32_t written);

#endif
