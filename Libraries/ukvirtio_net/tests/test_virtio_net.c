/* The virtio-net driver against the in-memory device model of ukvirtio's
 * tests: set-up, frames received and re-posted, frames sent and reclaimed,
 * the limits. */
#include <errno.h>
#include <string.h>
#include <uktest/test.h>

#include "../../ukvirtio/tests/fake_device.h"
#include "../src/virtio_net.h"

#define FEATURES (UK_VIRTIO_FEATURE(UK_VIRTIO_F_VERSION_1) | UK_VIRTIO_FEATURE(VIRTIO_NET_F_MAC))

static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

/* A device with two queues of 8 entries and a MAC address, set up. */
static int live_net(struct fake_device *fake, struct uk_virtio_dev *vdev, struct virtio_net *net)
{
	fake_device_init(fake, UK_VIRTIO_ID_NET, FEATURES);
	fake->queues[1].num_max = 8;
	memcpy(fake->config, mac, sizeof(mac));
	if (fake_device_attach(fake, vdev))
		return -1;
	*net = (struct virtio_net){ .vdev = vdev };
	net->netdev.mtu = UK_NETDEV_MTU_MAX;
	return virtio_net_set_up(net);
}

/* The device side of a receive: writes `len` bytes of frame into the next
 * posted buffer, behind a header, and returns it. */
static int deliver(struct fake_device *fake, struct virtio_net *net, const void *frame,
		   uint32_t len)
{
	int head = fake_device_take(fake, VIRTIO_NET_RX_QUEUE);
	struct virtio_net_rx_buf *buf;

	if (head < 0)
		return -1;
	buf = (struct virtio_net_rx_buf *)(uintptr_t)net->rx.desc[head].addr;
	memset(&buf->hdr, 0, sizeof(buf->hdr));
	memcpy(buf->frame, frame, len);
	fake_device_return(fake, VIRTIO_NET_RX_QUEUE, (uint16_t)head,
			   (uint32_t)sizeof(buf->hdr) + len);
	return 0;
}

UK_TESTCASE(virtio_net, set_up_fills_the_receive_queue)
{
	struct fake_device fake;
	struct uk_virtio_dev vdev;
	static struct virtio_net net;

	UK_TEST_ASSERT(live_net(&fake, &vdev, &net) == 0);
	UK_TEST_EXPECT(memcmp(net.netdev.mac, mac, sizeof(mac)) == 0);
	UK_TEST_EXPECT(fake.status & UK_VIRTIO_STATUS_DRIVER_OK);
	UK_TEST_EXPECT_EQ(net.rx.size, 8);
	UK_TEST_EXPECT_EQ(uk_virtqueue_free_descriptors(&net.rx), 0);
	UK_TEST_EXPECT_EQ(net.rx.avail->idx, 8);
	UK_TEST_EXPECT_EQ(net.rx.desc[0].flags, UK_VIRTQ_DESC_F_WRITE);
	UK_TEST_EXPECT_EQ(net.rx.desc[0].len, sizeof(struct virtio_net_rx_buf));
	UK_TEST_EXPECT_EQ(net.tx_free_count, 8);
	UK_TEST_EXPECT_EQ(fake.last_notified, VIRTIO_NET_RX_QUEUE);
}

UK_TESTCASE(virtio_net, receive_copies_and_reposts)
{
	struct fake_device fake;
	struct uk_virtio_dev vdev;
	static struct virtio_net net;
	static uint8_t frame[UK_NETDEV_FRAME_MAX], out[UK_NETDEV_FRAME_MAX];
	uint32_t notified;

	UK_TEST_ASSERT(live_net(&fake, &vdev, &net) == 0);
	for (unsigned int i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(i * 7);
	/* Nothing yet: receive() does not ask the device (a VM exit); a wait
	 * does, once, before it would idle (here its deadline has passed). */
	notified = fake.notifications;
	UK_TEST_EXPECT_EQ(virtio_net_receive(&net.netdev, out, sizeof(out)), 0);
	UK_TEST_EXPECT_EQ(fake.notifications, notified);
	virtio_net_wait(&net.netdev, 0);
	UK_TEST_EXPECT_EQ(fake.notifications, notified + 1);
	UK_TEST_EXPECT_EQ(fake.last_notified, VIRTIO_NET_RX_QUEUE);
	/* More frames than buffers: each one's buffer comes back. */
	for (unsigned int n = 0; n < 20; n++) {
		uint32_t len = n % 2 ? UK_NETDEV_FRAME_MAX : 60;

		UK_TEST_ASSERT(deliver(&fake, &net, frame, len) == 0);
		UK_TEST_EXPECT_EQ(virtio_net_receive(&net.netdev, out, sizeof(out)), (int)len);
		UK_TEST_EXPECT(memcmp(out, frame, len) == 0);
		UK_TEST_EXPECT_EQ(uk_virtqueue_free_descriptors(&net.rx), 0);
	}
	/* Every buffer went back visibly, without a notification each. */
	UK_TEST_EXPECT_EQ(net.rx.avail->idx, 28);
	UK_TEST_EXPECT_EQ(fake.notifications, notified + 1);
}

UK_TESTCASE(virtio_net, receive_drops_what_does_not_fit)
{
	struct fake_device fake;
	struct uk_virtio_dev vdev;
	static struct virtio_net net;
	static uint8_t frame[UK_NETDEV_FRAME_MAX], out[UK_NETDEV_FRAME_MAX];

	UK_TEST_ASSERT(live_net(&fake, &vdev, &net) == 0);
	UK_TEST_ASSERT(deliver(&fake, &net, frame, 200) == 0);
	UK_TEST_EXPECT_EQ(virtio_net_receive(&net.netdev, out, 100), -EMSGSIZE);
	UK_TEST_ASSERT(deliver(&fake, &net, frame, 10) == 0);
	UK_TEST_EXPECT_EQ(virtio_net_receive(&net.netdev, out, sizeof(out)), -EMSGSIZE);
	UK_TEST_EXPECT_EQ(uk_virtqueue_free_descriptors(&net.rx), 0);
	UK_TEST_ASSERT(deliver(&fake, &net, frame, 100) == 0);
	UK_TEST_EXPECT_EQ(virtio_net_receive(&net.netdev, out, sizeof(out)), 100);
}

UK_TESTCASE(virtio_net, transmit_sends_header_and_frame)
{
	struct fake_device fake;
	struct uk_virtio_dev vdev;
	static struct virtio_net net;
	static uint8_t frame[UK_NETDEV_FRAME_MAX + 1];
	const struct virtio_net_tx_buf *buf;
	static const struct virtio_net_hdr zero;
	int head;

	UK_TEST_ASSERT(live_net(&fake, &vdev, &net) == 0);
	memset(frame, 0xab, sizeof(frame));
	UK_TEST_EXPECT_EQ(virtio_net_transmit(&net.netdev, frame, 60), 0);
	UK_TEST_EXPECT_EQ(fake.last_notified, VIRTIO_NET_TX_QUEUE);
	head = fake_device_take(&fake, VIRTIO_NET_TX_QUEUE);
	UK_TEST_ASSERT(head >= 0);
	UK_TEST_EXPECT_EQ(net.tx.desc[head].len, sizeof(struct virtio_net_hdr) + 60);
	UK_TEST_EXPECT_EQ(net.tx.desc[head].flags, 0);
	buf = (const struct virtio_net_tx_buf *)(uintptr_t)net.tx.desc[head].addr;
	UK_TEST_EXPECT(memcmp(&buf->hdr, &zero, sizeof(zero)) == 0);
	UK_TEST_EXPECT(memcmp(buf->frame, frame, 60) == 0);
	fake_device_return(&fake, VIRTIO_NET_TX_QUEUE, (uint16_t)head, 0);
	UK_TEST_EXPECT_EQ(virtio_net_transmit(&net.netdev, frame, sizeof(frame)), -EMSGSIZE);
	UK_TEST_EXPECT_EQ(virtio_net_transmit(&net.netdev, frame, 13), -EINVAL);
}

UK_TESTCASE(virtio_net, transmit_refuses_when_full_then_reclaims)
{
	struct fake_device fake;
	struct uk_virtio_dev vdev;
	static struct virtio_net net;
	uint8_t frame[60] = { 0 };
	int head;

	UK_TEST_ASSERT(live_net(&fake, &vdev, &net) == 0);
	for (unsigned int i = 0; i < 8; i++)
		UK_TEST_EXPECT_EQ(virtio_net_transmit(&net.netdev, frame, sizeof(frame)), 0);
	UK_TEST_EXPECT_EQ(virtio_net_transmit(&net.netdev, frame, sizeof(frame)), -EAGAIN);
	head = fake_device_take(&fake, VIRTIO_NET_TX_QUEUE);
	UK_TEST_ASSERT(head >= 0);
	fake_device_return(&fake, VIRTIO_NET_TX_QUEUE, (uint16_t)head, 0);
	UK_TEST_EXPECT_EQ(virtio_net_transmit(&net.netdev, frame, sizeof(frame)), 0);
	UK_TEST_EXPECT_EQ(net.tx_free_count, 0);
}
