/*
 * Receiving: the receive queue is kept full of frame-sized buffers; a frame
 * the device wrote is copied out and its buffer goes straight back, made
 * visible to the device without a notification.
 *
 * Only wait() notifies the receive queue, before it would idle, unless the
 * device said it needs no notifications: a device that fills buffers on
 * its own (QEMU) takes it as news of buffers it may have run out of; one
 * that fills them when asked (unikit's loader) delivers the frames it has
 * waiting during the notification. Each notification is a VM exit (~10 µs
 * here), so receive() makes none: a caller that finds no frame waits, and
 * that one exit both returns the buffers and fetches what arrived.
 * Interrupt mode: the device interrupts when it filled buffers, and wait()
 * idles until it does; it still notifies first, so a frame the loader
 * holds comes in during that one exit rather than through the idle exit,
 * the interrupt and its handler's register accesses.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <ukplat/time.h>

#include "virtio_net.h"

/* Longest idle stretch in wait(): a frame that arrives meanwhile is seen
 * at most this late. */
#define IDLE_SLICE_NS 1000000ULL

static int post(struct virtio_net *net, struct virtio_net_rx_buf *buf)
{
	const struct uk_virtqueue_buf chain = { buf, sizeof(*buf) };

	return uk_virtqueue_add(&net->rx, &chain, 0, 1, buf);
}

int virtio_net_rx_fill(struct virtio_net *net)
{
	for (unsigned int i = 0; i < net->rx.size; i++) {
		int err = post(net, &net->rx_bufs[i]);

		if (err < 0)
			return err;
	}
	uk_virtqueue_kick(&net->rx);
	return 0;
}

static void notify_rx(struct virtio_net *net)
{
	if (!(__atomic_load_n(&net->rx.used->flags, __ATOMIC_ACQUIRE) & UK_VIRTQ_USED_F_NO_NOTIFY))
		uk_virtqueue_kick(&net->rx);
}

/* A frame too short to hold an Ethernet header, or too long for the
 * caller, is dropped: -EMSGSIZE, which uknetdev counts; the caller polls
 * on. The buffer goes back either way: the chain just freed has room. */
int virtio_net_receive(struct uk_netdev *dev, void *out, size_t size)
{
	struct virtio_net *net = virtio_net_from(dev);
	struct virtio_net_rx_buf *buf;
	uint32_t written, len;
	int result;

	buf = uk_virtqueue_get_used(&net->rx, &written);
	if (!buf)
		return 0;
	len = written < sizeof(buf->hdr) ? 0 : written - (uint32_t)sizeof(buf->hdr);
	if (len < UK_NETDEV_ETH_HEADER || len > VIRTIO_NET_RX_FRAME_ROOM || len > size) {
		result = -EMSGSIZE;
	} else {
		memcpy(out, buf->frame, len);
		result = (int)len;
	}
	post(net, buf);
	uk_virtqueue_publish(&net->rx);
	return result;
}

static int frame_waiting(struct virtio_net *net)
{
	return __atomic_load_n(&net->rx.used->idx, __ATOMIC_ACQUIRE) != net->rx.next_used;
}

/* The receive queue's callback: `vq` is the `rx` inside a struct virtio_net. */
static void frames_arrived(struct uk_virtqueue *vq)
{
	struct virtio_net *net = (struct virtio_net *)((char *)vq - offsetof(struct virtio_net, rx));

	uk_netdev_signal_receive(&net->netdev);
}

int virtio_net_set_interrupts(struct uk_netdev *dev, bool on)
{
	struct virtio_net *net = virtio_net_from(dev);

	if (!net->interrupts)
		return -ENOTSUP;
	uk_virtqueue_set_callback(&net->rx, on ? frames_arrived : 0);
	return 0;
}

void virtio_net_wait(struct uk_netdev *dev, uint64_t deadline_ns)
{
	struct virtio_net *net = virtio_net_from(dev);
	uint64_t now = ukplat_monotonic_ns();

	if (frame_waiting(net))
		return;
	notify_rx(net);
	if (frame_waiting(net) || now >= deadline_ns)
		return;
	if (net->rx.callback) {
		ukplat_idle_until(deadline_ns); /* until the receive interrupt */
		return;
	}
	ukplat_idle_until(deadline_ns - now > IDLE_SLICE_NS ? now + IDLE_SLICE_NS : deadline_ns);
}
