/*
 * Transmitting: each frame is copied, behind a zeroed header, into an idle
 * transmit buffer and sent as a chain of one descriptor. Buffers the device
 * is done with are reclaimed before each frame; when none is idle the frame
 * is refused with -EAGAIN rather than waited for.
 */
#include <errno.h>
#include <string.h>

#include "virtio_net.h"

void virtio_net_tx_init(struct virtio_net *net)
{
	for (uint16_t i = 0; i < net->tx.size; i++)
		net->tx_free[i] = i;
	net->tx_free_count = net->tx.size;
}

static void reclaim(struct virtio_net *net)
{
	struct virtio_net_tx_buf *buf;

	while ((buf = uk_virtqueue_get_used(&net->tx, 0)))
		net->tx_free[net->tx_free_count++] = (uint16_t)(buf - net->tx_bufs);
}

int virtio_net_transmit(struct uk_netdev *dev, const void *frame, size_t len)
{
	struct virtio_net *net = virtio_net_from(dev);
	struct virtio_net_tx_buf *buf;
	struct uk_virtqueue_buf chain;
	int err;

	if (len > UK_NETDEV_ETH_HEADER + (size_t)dev->mtu)
		return -EMSGSIZE;
	if (len < UK_NETDEV_ETH_HEADER)
		return -EINVAL;
	reclaim(net);
	if (!net->tx_free_count)
		return -EAGAIN;
	buf = &net->tx_bufs[net->tx_free[--net->tx_free_count]];
	memset(&buf->hdr, 0, sizeof(buf->hdr));
	memcpy(buf->frame, frame, len);
	chain = (struct uk_virtqueue_buf){ buf, (uint32_t)(sizeof(buf->hdr) + len) };
	err = uk_virtqueue_add(&net->tx, &chain, 1, 0, buf);
	if (err < 0) {
		net->tx_free[net->tx_free_count++] = (uint16_t)(buf - net->tx_bufs);
		return -EAGAIN;
	}
	uk_virtqueue_kick(&net->tx);
	/* Devices that send during the notification are done already. */
	reclaim(net);
	return 0;
}
