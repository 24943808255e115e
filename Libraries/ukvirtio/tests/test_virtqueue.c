/* Split virtqueues: layout, set-up, descriptor chains, publishing, used
 * entries, index wrap-around and the interrupt hook, against the in-memory
 * device model. */
#include <errno.h>
#include <uktest/test.h>
#include <ukvirtio/virtqueue.h>

#include "fake_device.h"

#define VERSION_1 UK_VIRTIO_FEATURE(UK_VIRTIO_F_VERSION_1)

/* A negotiated device with queue 0 set up at its full size of 8. */
static int live_queue(struct fake_device *fake, struct uk_virtio_dev *dev,
		      struct uk_virtqueue *vq)
{
	fake_device_init(fake, UK_VIRTIO_ID_BLOCK, VERSION_1);
	if (fake_device_attach(fake, dev) || uk_virtio_negotiate(dev, 0))
		return -1;
	return uk_virtqueue_setup(vq, dev, 0, 256);
}

UK_TESTCASE(virtqueue, ring_layout_meets_alignment)
{
	static uint64_t memory[64];
	void *cookies[8];
	struct uk_virtqueue vq;
	uintptr_t base = (uintptr_t)memory;

	/* 8 descriptors (128), avail 4 + 2 * 9 (22), used from 152: 4 + 8 * 8 + 2. */
	UK_TEST_EXPECT_EQ(uk_virtqueue_ring_bytes(8), 152 + 70);
	UK_TEST_ASSERT(uk_virtqueue_ring_bytes(8) <= sizeof(memory));
	uk_virtqueue_init_ring(&vq, 8, memory, cookies);
	UK_TEST_EXPECT_EQ((uintptr_t)vq.avail - base, 128);
	UK_TEST_EXPECT_EQ((uintptr_t)vq.used - base, 152);
	UK_TEST_EXPECT_EQ((uintptr_t)vq.used % UK_VIRTQ_USED_ALIGN, 0);
	UK_TEST_EXPECT_EQ(uk_virtqueue_free_descriptors(&vq), 8);
	UK_TEST_EXPECT_EQ(vq.avail->flags, UK_VIRTQ_AVAIL_F_NO_INTERRUPT);
}

UK_TESTCASE(virtqueue, setup_programs_the_device)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;
	struct uk_virtqueue vq;

	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, VERSION_1);
	fake.queues[0].num_max = 100;
	UK_TEST_ASSERT(fake_device_attach(&fake, &dev) == 0);
	UK_TEST_ASSERT(uk_virtqueue_setup(&vq, &dev, 0, 1024) == 0);
	UK_TEST_EXPECT_EQ(vq.size, 64);
	UK_TEST_EXPECT_EQ(fake.queues[0].num, 64);
	UK_TEST_EXPECT_EQ(fake.queues[0].desc, uk_virtio_phys(vq.desc));
	UK_TEST_EXPECT_EQ(fake.queues[0].driver, uk_virtio_phys(vq.avail));
	UK_TEST_EXPECT_EQ(fake.queues[0].device, uk_virtio_phys(vq.used));
	UK_TEST_EXPECT_EQ(fake.queues[0].desc % UK_VIRTQ_DESC_ALIGN, 0);
	UK_TEST_EXPECT_EQ(fake.queues[0].ready, 1);
	UK_TEST_EXPECT(dev.queues == &vq);
	UK_TEST_EXPECT_EQ(uk_virtqueue_setup(&vq, &dev, 0, 8), -EBUSY);
	UK_TEST_EXPECT_EQ(uk_virtqueue_setup(&vq, &dev, 5, 8), -ENOENT);
}

UK_TESTCASE(virtqueue, add_builds_a_chain)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;
	struct uk_virtqueue vq;
	char header[16], data[512], status;
	const struct uk_virtqueue_buf bufs[] = {
		{ header, sizeof(header) }, { data, sizeof(data) }, { &status, 1 },
	};
	uint16_t head, second, third;

	UK_TEST_ASSERT(live_queue(&fake, &dev, &vq) == 0);
	head = vq.free_head;
	UK_TEST_ASSERT(uk_virtqueue_add(&vq, bufs, 1, 2, data) == 0);
	UK_TEST_EXPECT_EQ(uk_virtqueue_free_descriptors(&vq), 5);
	UK_TEST_EXPECT_EQ(vq.desc[head].addr, uk_virtio_phys(header));
	UK_TEST_EXPECT_EQ(vq.desc[head].len, 16);
	UK_TEST_EXPECT_EQ(vq.desc[head].flags, UK_VIRTQ_DESC_F_NEXT);
	second = vq.desc[head].next;
	UK_TEST_EXPECT_EQ(vq.desc[second].addr, uk_virtio_phys(data));
	UK_TEST_EXPECT_EQ(vq.desc[second].flags, UK_VIRTQ_DESC_F_NEXT | UK_VIRTQ_DESC_F_WRITE);
	third = vq.desc[second].next;
	UK_TEST_EXPECT_EQ(vq.desc[third].len, 1);
	UK_TEST_EXPECT_EQ(vq.desc[third].flags, UK_VIRTQ_DESC_F_WRITE);
	UK_TEST_EXPECT_EQ(vq.avail->ring[0], head);
	UK_TEST_EXPECT_EQ(vq.avail->idx, 0); /* not published before the kick */
	UK_TEST_EXPECT_EQ(fake_device_take(&fake, 0), -1);
	uk_virtqueue_kick(&vq);
	UK_TEST_EXPECT_EQ(vq.avail->idx, 1);
	UK_TEST_EXPECT_EQ(fake.notifications, 1);
	UK_TEST_EXPECT_EQ(fake.last_notified, 0);
	UK_TEST_EXPECT_EQ(fake_device_take(&fake, 0), head);
}

UK_TESTCASE(virtqueue, publish_shows_chains_without_a_notification)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;
	struct uk_virtqueue vq;
	char data[64];
	const struct uk_virtqueue_buf buf = { data, sizeof(data) };
	uint16_t head;

	UK_TEST_ASSERT(live_queue(&fake, &dev, &vq) == 0);
	head = vq.free_head;
	UK_TEST_ASSERT(uk_virtqueue_add(&vq, &buf, 0, 1, data) == 0);
	uk_virtqueue_publish(&vq);
	UK_TEST_EXPECT_EQ(vq.avail->idx, 1);
	UK_TEST_EXPECT_EQ(fake.notifications, 0);
	UK_TEST_EXPECT_EQ(fake_device_take(&fake, 0), head);
}

UK_TESTCASE(virtqueue, add_refuses_bad_chains)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;
	struct uk_virtqueue vq;
	char byte;
	struct uk_virtqueue_buf bufs[9];

	for (int i = 0; i < 9; i++)
		bufs[i] = (struct uk_virtqueue_buf){ &byte, 1 };
	UK_TEST_ASSERT(live_queue(&fake, &dev, &vq) == 0);
	UK_TEST_EXPECT_EQ(uk_virtqueue_add(&vq, bufs, 0, 0, &byte), -EINVAL);
	UK_TEST_EXPECT_EQ(uk_virtqueue_add(&vq, bufs, 1, 0, 0), -EINVAL);
	UK_TEST_EXPECT_EQ(uk_virtqueue_add(&vq, bufs, 4, 5, &byte), -ENOSPC);
	UK_TEST_EXPECT_EQ(uk_virtqueue_add(&vq, bufs, 4, 4, &byte), 0);
	UK_TEST_EXPECT_EQ(uk_virtqueue_add(&vq, bufs, 1, 0, &byte), -ENOSPC);
}

UK_TESTCASE(virtqueue, used_chains_come_back_in_device_order)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;
	struct uk_virtqueue vq;
	char a[4], b[4];
	const struct uk_virtqueue_buf bufs[] = { { a, 4 }, { b, 4 }, { a, 4 } };
	uint32_t written = 0;
	int first, second;

	UK_TEST_ASSERT(live_queue(&fake, &dev, &vq) == 0);
	UK_TEST_ASSERT(uk_virtqueue_add(&vq, bufs, 1, 2, a) == 0);
	UK_TEST_ASSERT(uk_virtqueue_add(&vq, bufs, 2, 1, b) == 0);
	uk_virtqueue_kick(&vq);
	UK_TEST_EXPECT(uk_virtqueue_get_used(&vq, &written) == 0);
	first = fake_device_take(&fake, 0);
	second = fake_device_take(&fake, 0);
	UK_TEST_ASSERT(first >= 0 && second >= 0);
	fake_device_return(&fake, 0, (uint16_t)second, 7);
	fake_device_return(&fake, 0, (uint16_t)first, 3);
	UK_TEST_EXPECT(uk_virtqueue_get_used(&vq, &written) == b);
	UK_TEST_EXPECT_EQ(written, 7);
	UK_TEST_EXPECT_EQ(uk_virtqueue_free_descriptors(&vq), 5);
	UK_TEST_EXPECT(uk_virtqueue_get_used(&vq, &written) == a);
	UK_TEST_EXPECT_EQ(written, 3);
	UK_TEST_EXPECT_EQ(uk_virtqueue_free_descriptors(&vq), 8);
	UK_TEST_EXPECT(uk_virtqueue_get_used(&vq, &written) == 0);
	/* The free list survived: the whole queue fits in one chain again. */
	{
		struct uk_virtqueue_buf all[8];

		for (int i = 0; i < 8; i++)
			all[i] = (struct uk_virtqueue_buf){ a, 1 };
		UK_TEST_EXPECT_EQ(uk_virtqueue_add(&vq, all, 8, 0, a), 0);
	}
}

UK_TESTCASE(virtqueue, indices_wrap_around_16_bits)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;
	struct uk_virtqueue vq;
	char cookies[12];
	const struct uk_virtqueue_buf buf = { cookies, 1 };
	uint32_t written;

	UK_TEST_ASSERT(live_queue(&fake, &dev, &vq) == 0);
	/* Both sides agree that 65530 chains went through already. */
	vq.next_avail = vq.next_used = 65530;
	vq.avail->idx = vq.used->idx = 65530;
	fake.queues[0].last_avail = 65530;
	for (int round = 0; round < 4; round++) {
		for (int i = 0; i < 3; i++)
			UK_TEST_ASSERT(uk_virtqueue_add(&vq, &buf, 1, 0, &cookies[round * 3 + i]) == 0);
		uk_virtqueue_kick(&vq);
		for (int head; (head = fake_device_take(&fake, 0)) >= 0;)
			fake_device_return(&fake, 0, (uint16_t)head, 1);
		for (int i = 0; i < 3; i++)
			UK_TEST_EXPECT(uk_virtqueue_get_used(&vq, &written) == &cookies[round * 3 + i]);
		UK_TEST_EXPECT(uk_virtqueue_get_used(&vq, &written) == 0);
	}
	UK_TEST_EXPECT_EQ(vq.next_used, (uint16_t)(65530 + 12));
	UK_TEST_EXPECT_EQ(uk_virtqueue_free_descriptors(&vq), 8);
}

UK_TESTCASE(virtqueue, wait_gives_up_after_its_timeout)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;
	struct uk_virtqueue vq;
	char byte;
	const struct uk_virtqueue_buf buf = { &byte, 1 };
	uint32_t written;

	UK_TEST_ASSERT(live_queue(&fake, &dev, &vq) == 0);
	UK_TEST_ASSERT(uk_virtqueue_add(&vq, &buf, 0, 1, &byte) == 0);
	uk_virtqueue_kick(&vq);
	UK_TEST_EXPECT(uk_virtqueue_wait_used(&vq, 1000000, &written) == 0);
	fake_device_return(&fake, 0, (uint16_t)fake_device_take(&fake, 0), 1);
	UK_TEST_EXPECT(uk_virtqueue_wait_used(&vq, 1000000, &written) == &byte);
}

static unsigned int callbacks_run;

static void count_callback(struct uk_virtqueue *vq __attribute__((unused)))
{
	callbacks_run++;
}

UK_TESTCASE(virtqueue, interrupt_hook_acknowledges_and_calls_back)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;
	struct uk_virtqueue vq;

	UK_TEST_ASSERT(live_queue(&fake, &dev, &vq) == 0);
	UK_TEST_EXPECT_EQ(uk_virtio_interrupt(&dev), 0);
	uk_virtqueue_set_callback(&vq, count_callback);
	UK_TEST_EXPECT_EQ(vq.avail->flags, 0);
	callbacks_run = 0;
	fake.interrupt_status = 0x3;
	UK_TEST_EXPECT_EQ(uk_virtio_interrupt(&dev), 1);
	UK_TEST_EXPECT_EQ(callbacks_run, 1);
	UK_TEST_EXPECT_EQ(fake.interrupt_status, 0);
	fake.interrupt_status = 0x2; /* a configuration change only */
	UK_TEST_EXPECT_EQ(uk_virtio_interrupt(&dev), 1);
	UK_TEST_EXPECT_EQ(callbacks_run, 1);
	uk_virtqueue_set_callback(&vq, 0);
	UK_TEST_EXPECT_EQ(vq.avail->flags, UK_VIRTQ_AVAIL_F_NO_INTERRUPT);
	fake.interrupt_status = 0x1;
	UK_TEST_EXPECT_EQ(uk_virtio_interrupt(&dev), 1);
	UK_TEST_EXPECT_EQ(callbacks_run, 1);
}
