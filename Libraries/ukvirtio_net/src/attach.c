/*
 * Finding and setting up virtio-net devices at boot: feature negotiation
 * (only the MAC address), both queues, the receive queue filled with
 * buffers, receive interrupts in interrupt mode; then the device joins
 * uknetdev as eth0, eth1... A device that cannot be set up is reported and
 * left out; one whose interrupt line cannot be routed is polled.
 */
#include <errno.h>
#include <stdio.h>
#include <ukalloc/alloc.h>
#include <ukboot/init.h>
#include <ukconsole/print.h>
#include <ukvirtio/mmio_device.h>

#include "virtio_net.h"

/* Receive buffers cost 1.5 KiB each; 64 hold a burst of frames. */
#define RX_QUEUE_SIZE 64
/* Frames are sent one at a time and mostly complete at once. */
#define TX_QUEUE_SIZE 16

static unsigned int attached;

/* The device's address, or a locally administered one derived from the
 * device's position when it offers none. */
static void read_mac(struct virtio_net *net)
{
	uint8_t *mac = net->netdev.mac;

	if (uk_virtio_has_feature(net->vdev, VIRTIO_NET_F_MAC)) {
		for (unsigned int i = 0; i < UK_NETDEV_MAC_LEN; i++)
			mac[i] = uk_virtio_config_read8(net->vdev, VIRTIO_NET_CONFIG_MAC + i);
		return;
	}
	mac[0] = 0x02;
	mac[1] = 'u';
	mac[2] = 'k';
	mac[3] = 'n';
	mac[4] = 0;
	mac[5] = (uint8_t)attached;
	uk_printf("virtio-net: %s: no MAC address offered; using a local one\n", net->vdev->name);
}

static int alloc_buffers(struct virtio_net *net)
{
	net->rx_bufs = uk_malloc(sizeof(*net->rx_bufs) * net->rx.size);
	net->tx_bufs = uk_malloc(sizeof(*net->tx_bufs) * net->tx.size);
	net->tx_free = uk_malloc(sizeof(*net->tx_free) * net->tx.size);
	if (!net->rx_bufs || !net->tx_bufs || !net->tx_free) {
		uk_printf("virtio-net: %s: out of memory for buffers\n", net->vdev->name);
		return -ENOMEM;
	}
	return 0;
}

int virtio_net_set_up(struct virtio_net *net)
{
	int err;

	if ((err = uk_virtio_negotiate(net->vdev, UK_VIRTIO_FEATURE(VIRTIO_NET_F_MAC))) < 0)
		return err;
	read_mac(net);
	if ((err = uk_virtqueue_setup(&net->rx, net->vdev, VIRTIO_NET_RX_QUEUE, RX_QUEUE_SIZE)) < 0)
		return err;
	if ((err = uk_virtqueue_setup(&net->tx, net->vdev, VIRTIO_NET_TX_QUEUE, TX_QUEUE_SIZE)) < 0)
		return err;
	if ((err = alloc_buffers(net)) < 0)
		return err;
	virtio_net_tx_init(net);
	if ((err = uk_virtio_driver_ok(net->vdev)) < 0)
		return err;
	/* Buffers go in after DRIVER_OK (spec 3.1.1: the device may use
	 * them from then on); the kick tells it they are there. */
	return virtio_net_rx_fill(net);
}

static const struct uk_netdev_ops virtio_net_ops = {
	.transmit = virtio_net_transmit,
	.receive = virtio_net_receive,
	.wait = virtio_net_wait,
	.set_interrupts = virtio_net_set_interrupts,
};

/* On failure `net` is not freed: the device may have seen its memory. */
static int attach(struct uk_virtio_dev *vdev)
{
	struct virtio_net *net = uk_malloc(sizeof(*net));
	int err;

	if (!net) {
		uk_printf("virtio-net: %s: out of memory\n", vdev->name);
		return -ENOMEM;
	}
	*net = (struct virtio_net){ .vdev = vdev };
	net->netdev.ops = &virtio_net_ops;
	net->netdev.mtu = UK_NETDEV_MTU_MAX;
	snprintf(net->netdev.name, sizeof(net->netdev.name), "eth%u", attached);
	if ((err = virtio_net_set_up(net)) < 0 || (err = uk_netdev_register(&net->netdev)) < 0) {
		uk_printf("virtio-net: %s: left out (error %d)\n", vdev->name, err);
		uk_virtio_fail(vdev);
		return err;
	}
	net->interrupts = uk_virtio_mmio_route_interrupts(vdev) == 0;
	if (net->interrupts)
		virtio_net_set_interrupts(&net->netdev, true);
	attached++;
	return 0;
}

static int virtio_net_init(void)
{
	uk_virtio_mmio_attach_all(UK_VIRTIO_ID_NET, attach);
	return 0;
}

UK_INIT(virtio_net_init, UK_INIT_CLASS_DEVICE);
