/*
 * What uknet's tests share: a fake device between the stack and the test,
 * which plays the peer. The stack runs as 10.0.0.2/24 (gateway 10.0.0.254)
 * on GUEST_MAC; the peer is 10.0.0.1 on PEER_MAC. Frames the test builds
 * reach the stack through harness_deliver; frames the stack sends wait in a
 * list the test reads.
 */
#ifndef UKNET_TESTS_HARNESS_H
#define UKNET_TESTS_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uknetdev/netdev.h>

#define GUEST_IP   0x0a000002u
#define PEER_IP    0x0a000001u
#define GATEWAY_IP 0x0a0000feu

extern const uint8_t GUEST_MAC[UK_NETDEV_MAC_LEN];
extern const uint8_t PEER_MAC[UK_NETDEV_MAC_LEN];

/* Starts the stack afresh on the fake device and, if `learn_peer`, lets it
 * learn the peer's address (an ARP request from the peer); then forgets
 * the frames sent so far. */
void harness_start(bool learn_peer);

/* Hands one frame to the stack and polls it. */
void harness_deliver(const uint8_t *frame, size_t len);

/* The frames the stack sent since the last harness_forget_sent. */
size_t harness_sent_count(void);
const uint8_t *harness_sent(size_t index, size_t *len);
void harness_forget_sent(void);

/* Fires the timers due at the earliest armed deadline, ahead of time (the
 * clock need not have reached it); false when no timer is armed. */
bool harness_run_next_timer(void);

/* Frame builders: each writes a whole frame to `frame` (room for
 * UK_NETDEV_FRAME_MAX bytes), checksums right, and returns its length. */
size_t build_ipv4(uint8_t *frame, uint32_t src, uint32_t dst, uint8_t protocol,
		  const void *payload, size_t len);
size_t build_udp(uint8_t *frame, uint16_t src_port, uint16_t dst_port, const void *data,
		 size_t len);
size_t build_arp(uint8_t *frame, uint16_t op, const uint8_t sender_mac[UK_NETDEV_MAC_LEN],
		 uint32_t sender, uint32_t target);

/* A TCP segment from the peer (PEER_IP:port to GUEST_IP:guest_port). */
struct peer_segment {
	uint16_t port, guest_port;
	uint32_t seq, ack;
	uint8_t flags;
	uint16_t window;
	uint16_t mss; /* an MSS option when not 0 */
	const void *data;
	size_t len;
};
size_t build_tcp(uint8_t *frame, const struct peer_segment *seg);
void deliver_tcp(const struct peer_segment *seg);

/* Recomputes the TCP checksum of the peer's frame of `len` bytes after a
 * test changed its header; returns `len`. */
size_t fix_tcp_checksum(uint8_t *frame, size_t len);

/* A TCP segment the stack sent, read back from its frame. */
struct sent_segment {
	uint16_t src_port, dst_port;
	uint32_t seq, ack;
	uint8_t flags;
	uint16_t window;
	uint16_t mss; /* its MSS option, 0 without one */
	const uint8_t *data;
	size_t len;
};
/* Finds the `nth` TCP segment among the sent frames (0 is the first),
 * checking its IPv4 and TCP checksums; false if there is none. */
bool sent_tcp(size_t nth, struct sent_segment *seg);
size_t sent_tcp_count(void);

/* The big-endian fields of a sent frame. */
uint16_t frame16(const uint8_t *p);
uint32_t frame32(const uint8_t *p);

#endif
