/*
 * What the layers of the stack share: the interface, the counters, the
 * frame being built, and each layer's entry points. Frames are handled one
 * at a time: a received frame is parsed in place, and replies are built in
 * uknet_tx_frame (Ethernet header at 0, IPv4 header at ETH_HEADER, the
 * transport header at TX_TRANSPORT) while the received frame stays intact.
 */
#ifndef UKNET_STACK_H
#define UKNET_STACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uknet/net.h>
#include <uknetdev/netdev.h>

#include "wire.h"

struct uknet_iface {
	struct uk_netdev *dev; /* NULL until a start */
	struct uknet_config config;
	uint32_t subnet_broadcast;
	uint16_t mtu; /* the device's, at most UK_NETDEV_MTU_MAX */
};

extern struct uknet_iface uknet_iface;
extern struct uknet_stats uknet_counters;

#define COUNT(counter) (uknet_counters.counter++)

#define TX_TRANSPORT (ETH_HEADER + IPV4_HEADER)
extern uint8_t uknet_tx_frame[UK_NETDEV_FRAME_MAX];

/* The largest UDP or TCP segment (header included) one frame carries. */
static inline size_t transport_max(void)
{
	return (size_t)uknet_iface.mtu - IPV4_HEADER;
}

/* A received IPv4 packet, checked and cut to its total length. */
struct ipv4_packet {
	uint32_t src, dst;
	uint8_t protocol;
	bool to_broadcast; /* sent to a broadcast address, not to ours */
	const uint8_t *header; /* header_len bytes, options included */
	size_t header_len;
	const uint8_t *payload;
	size_t payload_len;
};

/* ethernet.c: takes a received frame; sends a frame of `len` bytes whose
 * header it fills in (padding short frames: `frame` must have room for
 * ETH_MIN_FRAME bytes). */
void eth_input(uint8_t *frame, size_t len);
int eth_transmit(const uint8_t dst[UK_NETDEV_MAC_LEN], uint16_t type, uint8_t *frame, size_t len);

/* arp.c */
void arp_reset(void);
void arp_input(const uint8_t *packet, size_t len);
/* Sends the IPv4 frame to the next hop's hardware address, or holds a copy
 * and asks for the address. */
int arp_send_ipv4(uint32_t next_hop, uint8_t *frame, size_t len);

/* ipv4.c: takes a received packet; sends the `payload_len` bytes at
 * uknet_tx_frame + TX_TRANSPORT to `dst`. */
void ipv4_input(const uint8_t *packet, size_t len);
int ipv4_send(uint32_t dst, uint8_t protocol, size_t payload_len);

/* icmp.c */
void icmp_input(const struct ipv4_packet *ip);
void icmp_port_unreachable(const struct ipv4_packet *ip);

/* udp.c, tcp_input.c */
void udp_input(const struct ipv4_packet *ip);
void tcp_input(const struct ipv4_packet *ip);

/* tcp_output.c: sends the acknowledgements held back for piggybacking. */
void tcp_flush_acks(void);

/* socket.c: drops every socket and cancels its timer. */
void sockets_reset(void);

#endif
