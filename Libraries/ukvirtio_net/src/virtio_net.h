/*
 * The virtio-net device (spec 5.1) as this driver uses it, and the
 * driver's per-device state. Every buffer, received or sent, starts with
 * the 12-byte header; the driver asks for no offloads, so the header is
 * all zeros going out and ignored coming in.
 */
#ifndef UKVIRTIO_NET_SRC_VIRTIO_NET_H
#define UKVIRTIO_NET_SRC_VIRTIO_NET_H

#include <stdbool.h>
#include <stdint.h>
#include <uknetdev/netdev.h>
#include <ukvirtio/virtqueue.h>

/* Feature bits. */
#define VIRTIO_NET_F_MAC 5 /* the configuration space holds the MAC address */

/* Configuration space offsets. */
#define VIRTIO_NET_CONFIG_MAC 0 /* 6 bytes */

/* Queue numbers: the first receive/transmit pair. */
#define VIRTIO_NET_RX_QUEUE 0
#define VIRTIO_NET_TX_QUEUE 1

/* The header of every buffer (num_buffers is there with VERSION_1). */
struct virtio_net_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers;
};

/* Frame bytes a receive buffer holds: a 1500-byte payload, the Ethernet
 * header, a VLAN tag and room to spare. Without merged buffers, each
 * buffer must hold a whole frame. */
#define VIRTIO_NET_RX_FRAME_ROOM 1526

struct virtio_net_rx_buf {
	struct virtio_net_hdr hdr;
	uint8_t frame[VIRTIO_NET_RX_FRAME_ROOM];
};

struct virtio_net_tx_buf {
	struct virtio_net_hdr hdr;
	uint8_t frame[UK_NETDEV_FRAME_MAX];
};

struct virtio_net {
	struct uk_netdev netdev;          /* first: the ops get it back by a cast */
	struct uk_virtio_dev *vdev;
	struct uk_virtqueue rx, tx;
	struct virtio_net_rx_buf *rx_bufs; /* one per receive queue entry */
	struct virtio_net_tx_buf *tx_bufs; /* one per transmit queue entry */
	uint16_t *tx_free;                 /* indices of idle transmit buffers */
	uint16_t tx_free_count;
	bool interrupts;                   /* the line is routed */
};

static inline struct virtio_net *virtio_net_from(struct uk_netdev *dev)
{
	return (struct virtio_net *)dev;
}

/* Negotiation, MAC address, queues and buffers, DRIVER_OK, the receive
 * queue filled: everything but joining uknetdev. `net->vdev` is set. */
int virtio_net_set_up(struct virtio_net *net);

/* Receive buffers: the queue filled at set-up; uknetdev's receive and wait. */
int virtio_net_rx_fill(struct virtio_net *net);
int virtio_net_receive(struct uk_netdev *dev, void *buf, size_t size);
void virtio_net_wait(struct uk_netdev *dev, uint64_t deadline_ns);
/* Interrupt mode, when the device's line could be routed: receive
 * interrupts on (uknetdev's set_interrupts; wait() idles until one). */
int virtio_net_set_interrupts(struct uk_netdev *dev, bool on);

/* Transmit buffers set up as idle; uknetdev's transmit. */
void virtio_net_tx_init(struct virtio_net *net);
int virtio_net_transmit(struct uk_netdev *dev, const void *frame, size_t len);

#endif
