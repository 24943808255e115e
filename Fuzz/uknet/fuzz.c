/*
 * libFuzzer target for uknet, built for the host by Fuzz/uknet/run. Each
 * input is a script played against a freshly started stack on a fake
 * device, one step after another:
 *
 *	op & 3 == 0  a frame from the wire: two bytes of length (little
 *	             endian), then the frame; op & 4 points it at the stack
 *	             (our MAC, our address, the peer's), op & 8 makes its IPv4
 *	             and transport checksums right, so deep states are reached
 *	op & 3 == 1  the clock moves on ((op >> 2) + 1) * 50 ms; due timers fire
 *	op & 3 == 2  the application acts: op >> 2 picks accept, recv, send,
 *	             close, a UDP echo or the flush of held ACKs; a byte follows,
 *	             its low 4 bits the connection, its high 4 bits an amount
 *	op & 3 == 3  the clock jumps (op >> 2) seconds (TIME_WAIT, give-ups, ARP)
 *
 * The application has a UDP socket on port 7 and a TCP listener on port 80.
 * Besides AddressSanitizer, every frame the stack sends is checked (length,
 * source, IPv4 header, checksums), and after every step each TCP
 * connection's sequence numbers and buffers must be consistent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uknet/net.h>
#include <uknet/socket.h>
#include <uknetdev/netdev.h>

#include "../../Libraries/uknet/src/checksum.h"
#include "../../Libraries/uknet/src/sock.h"
#include "../../Libraries/uknet/src/tcp.h"
#include "../../Libraries/uknet/src/wire.h"

#define GUEST_IP 0x0a000002u
#define PEER_IP  0x0a000001u
#define APP_CONNECTIONS 16

static const uint8_t guest_mac[6] = { 0x02, 0, 0, 0, 0, 0x02 };

static uint64_t now_ns;
static uint8_t pending[UK_NETDEV_FRAME_MAX];
static size_t pending_len;
static int connections[APP_CONNECTIONS];
static int udp_sock, listener;

uint64_t ukplat_monotonic_ns(void)
{
	return now_ns;
}

uint64_t ukplat_wall_clock_ns(void)
{
	return now_ns;
}

/* Initial sequence numbers the fuzzer can guess: 0. */
void arc4random_buf(void *buf, size_t len)
{
	memset(buf, 0, len);
}

static void check_transport(const uint8_t *ip, size_t total)
{
	const uint8_t *payload = ip + IPV4_HEADER;
	size_t len = total - IPV4_HEADER;
	uint64_t sum;

	switch (ip[9]) {
	case IPV4_PROTO_ICMP:
		if (len < ICMP_HEADER || checksum_finish(checksum_add(0, payload, len)) != 0)
			abort();
		return;
	case IPV4_PROTO_UDP:
	case IPV4_PROTO_TCP:
		if (len < (ip[9] == IPV4_PROTO_UDP ? UDP_HEADER : TCP_HEADER))
			abort();
		sum = checksum_pseudo_header(get32(ip + 12), get32(ip + 16), ip[9], (uint16_t)len);
		if (checksum_finish(checksum_add(sum, payload, len)) != 0)
			abort();
		if (ip[9] == IPV4_PROTO_TCP && (size_t)(payload[12] >> 4) * 4 > len)
			abort();
		return;
	default:
		abort();
	}
}

/* Everything the stack sends must be a well-formed frame from us. */
static int fake_transmit(struct uk_netdev *dev, const void *data, size_t len)
{
	const uint8_t *frame = data, *ip = frame + ETH_HEADER;
	size_t total;

	(void)dev;
	if (len < ETH_MIN_FRAME || len > UK_NETDEV_FRAME_MAX || memcmp(frame + 6, guest_mac, 6))
		abort();
	if (get16(frame + 12) == ETH_TYPE_ARP)
		return 0;
	if (get16(frame + 12) != ETH_TYPE_IPV4 || ip[0] != 0x45 ||
	    checksum_finish(checksum_add(0, ip, IPV4_HEADER)) != 0 || get32(ip + 12) != GUEST_IP)
		abort();
	total = get16(ip + 2);
	if (total < IPV4_HEADER || ETH_HEADER + total > len)
		abort();
	check_transport(ip, total);
	return 0;
}

static int fake_receive(struct uk_netdev *dev, void *buf, size_t size)
{
	size_t len = pending_len;

	(void)dev;
	if (len == 0 || len > size)
		return 0;
	memcpy(buf, pending, len);
	pending_len = 0;
	return (int)len;
}

static const struct uk_netdev_ops fake_ops = { .transmit = fake_transmit, .receive = fake_receive };
static struct uk_netdev fake = { .name = "fuzz0", .mac = { 0x02, 0, 0, 0, 0, 0x02 }, .mtu = 1500,
				 .ops = &fake_ops };

static void start(void)
{
	static const struct uknet_config config = { GUEST_IP, 0xffffff00u, 0x0a0000feu };

	if (!uk_netdev_find(fake.name))
		uk_netdev_register(&fake);
	now_ns = 0;
	if (uknet_configure(&fake, &config) < 0)
		abort();
	udp_sock = uknet_socket(UKNET_UDP);
	listener = uknet_socket(UKNET_TCP);
	if (uknet_bind(udp_sock, 7) < 0 || uknet_bind(listener, 80) < 0 ||
	    uknet_listen(listener, 4) < 0)
		abort();
	for (int i = 0; i < APP_CONNECTIONS; i++)
		connections[i] = -1;
}

/* Points the frame at the stack: our MAC, our address, the peer's. */
static void address(uint8_t *frame, size_t len)
{
	if (len >= 6)
		memcpy(frame, guest_mac, 6);
	if (len < ETH_HEADER)
		return;
	if (get16(frame + 12) == ETH_TYPE_IPV4 && len >= ETH_HEADER + IPV4_HEADER) {
		put32(frame + ETH_HEADER + 12, PEER_IP);
		put32(frame + ETH_HEADER + 16, GUEST_IP);
	} else if (get16(frame + 12) == ETH_TYPE_ARP && len >= ETH_HEADER + 28) {
		put32(frame + ETH_HEADER + 24, GUEST_IP);
	}
}

/* Makes the IPv4 header checksum and the transport's right, where the
 * lengths allow it. */
static void fix_checksums(uint8_t *frame, size_t len)
{
	uint8_t *ip = frame + ETH_HEADER, *payload;
	size_t header, total, offset;

	if (len < ETH_HEADER + IPV4_HEADER || get16(frame + 12) != ETH_TYPE_IPV4)
		return;
	header = (size_t)(ip[0] & 0xf) * 4;
	if (header < IPV4_HEADER || ETH_HEADER + header > len)
		return;
	put16(ip + 10, 0);
	store_checksum(ip + 10, checksum_finish(checksum_add(0, ip, header)));
	total = get16(ip + 2);
	if (total < header || ETH_HEADER + total > len)
		return;
	payload = ip + header;
	offset = ip[9] == IPV4_PROTO_TCP ? 16 : ip[9] == IPV4_PROTO_UDP ? 6 : 2;
	if (total - header < offset + 2)
		return;
	put16(payload + offset, 0);
	if (ip[9] == IPV4_PROTO_ICMP) {
		store_checksum(payload + offset,
			       checksum_finish(checksum_add(0, payload, total - header)));
	} else if (ip[9] == IPV4_PROTO_TCP || ip[9] == IPV4_PROTO_UDP) {
		uint64_t sum = checksum_pseudo_header(get32(ip + 12), get32(ip + 16), ip[9],
						      (uint16_t)(total - header));

		store_checksum(payload + offset,
			       checksum_finish(checksum_add(sum, payload, total - header)));
	}
}

static void app_step(unsigned what, uint8_t arg)
{
	static uint8_t buf[4 * UK_NETDEV_MTU_MAX];
	int *slot = &connections[arg & (APP_CONNECTIONS - 1)];
	unsigned amount = arg >> 4;
	struct uknet_endpoint from;
	int sock, len;

	switch (what % 6) {
	case 0:
		while ((sock = uknet_accept(listener, 0)) >= 0) {
			int i = 0;

			while (i < APP_CONNECTIONS && connections[i] >= 0)
				i++;
			if (i == APP_CONNECTIONS)
				uknet_close(sock);
			else
				connections[i] = sock;
		}
		break;
	case 1:
		if (*slot >= 0 && uknet_recv(*slot, buf, 1 + amount * 256) == 0) {
			uknet_close(*slot);
			*slot = -1;
		}
		break;
	case 2:
		if (*slot >= 0)
			uknet_send(*slot, buf, amount * 384);
		break;
	case 3:
		if (*slot >= 0) {
			uknet_close(*slot);
			*slot = -1;
		}
		break;
	case 4:
		while ((len = uknet_recvfrom(udp_sock, buf, 1 + amount * 100, &from)) >= 0)
			uknet_sendto(udp_sock, buf, (size_t)len, &from);
		break;
	default:
		uknet_wait(0);
	}
}

/* Each TCP connection's sequence numbers and rings agree. */
static void check_sockets(void)
{
	for (int i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
		const struct sock *s = &uknet_socks[i];
		const struct tcp_conn *c = &s->tcp;

		if (s->rx.used > s->rx.size || s->tx.used > s->tx.size)
			abort();
		if (s->kind != SOCK_TCP || c->state == TCP_LISTEN || c->state == TCP_CLOSED)
			continue;
		if (SEQ_GT(c->snd_una, c->snd_nxt) || SEQ_GT(c->snd_nxt, c->snd_max) ||
		    c->snd_max - c->snd_una > s->tx.used + 2)
			abort();
		for (int r = 0; r < c->early_count; r++)
			if (SEQ_LEQ(c->early[r].start, c->rcv_nxt) ||
			    c->early[r].end - c->rcv_nxt > s->rx.size - s->rx.used)
				abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t pos = 0;

	start();
	while (pos < size) {
		uint8_t op = data[pos++];

		switch (op & 3) {
		case 0:
			if (size - pos < 2)
				return 0;
			pending_len = (data[pos] | (size_t)data[pos + 1] << 8) % (UK_NETDEV_FRAME_MAX + 1);
			pos += 2;
			if (pending_len > size - pos)
				pending_len = size - pos;
			memcpy(pending, data + pos, pending_len);
			pos += pending_len;
			if (op & 4)
				address(pending, pending_len);
			if (op & 8)
				fix_checksums(pending, pending_len);
			uknet_poll();
			break;
		case 1:
			now_ns += ((uint64_t)(op >> 2) + 1) * 50000000u;
			uknet_poll();
			break;
		case 2:
			app_step(op >> 2, pos < size ? data[pos++] : 0);
			break;
		default:
			now_ns += (uint64_t)(op >> 2) * 1000000000u;
			uknet_poll();
		}
		check_sockets();
	}
	return 0;
}
