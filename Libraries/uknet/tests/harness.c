/* The fake device and the frame builders of uknet's tests (harness.h). */
#include <string.h>
#include <uknet/net.h>
#include <uktime/time.h>
#include <uktime/timer.h>

#include "../src/checksum.h"
#include "../src/wire.h"
#include "harness.h"

#define RX_SLOTS 8
#define TX_SLOTS 32

const uint8_t GUEST_MAC[UK_NETDEV_MAC_LEN] = { 0x02, 0, 0, 0, 0, 0x02 };
const uint8_t PEER_MAC[UK_NETDEV_MAC_LEN] = { 0x02, 0, 0, 0, 0, 0x01 };

struct frame {
	size_t len;
	uint8_t data[UK_NETDEV_FRAME_MAX];
};

static struct frame received[RX_SLOTS];
static size_t received_count;
static struct frame sent[TX_SLOTS];
static size_t sent_count;

static int fake_transmit(struct uk_netdev *dev, const void *frame, size_t len)
{
	(void)dev;
	if (sent_count == TX_SLOTS)
		return -1;
	memcpy(sent[sent_count].data, frame, len);
	sent[sent_count++].len = len;
	return 0;
}

static int fake_receive(struct uk_netdev *dev, void *buf, size_t size)
{
	size_t len;

	(void)dev;
	if (received_count == 0)
		return 0;
	len = received[0].len < size ? received[0].len : size;
	memcpy(buf, received[0].data, len);
	memmove(&received[0], &received[1], (--received_count) * sizeof(received[0]));
	return (int)len;
}

static const struct uk_netdev_ops fake_ops = {
	.transmit = fake_transmit,
	.receive = fake_receive,
};

static struct uk_netdev fake = {
	.name = "uknet-test",
	.mac = { 0x02, 0, 0, 0, 0, 0x02 },
	.mtu = 1500,
	.ops = &fake_ops,
};

void harness_start(bool learn_peer)
{
	static const struct uknet_config config = { GUEST_IP, 0xffffff00u, GATEWAY_IP };
	uint8_t frame[UK_NETDEV_FRAME_MAX];

	if (!uk_netdev_find(fake.name))
		uk_netdev_register(&fake);
	received_count = 0;
	uknet_configure(&fake, &config);
	if (learn_peer)
		harness_deliver(frame, build_arp(frame, 1, PEER_MAC, PEER_IP, GUEST_IP));
	harness_forget_sent();
}

void harness_deliver(const uint8_t *frame, size_t len)
{
	if (received_count < RX_SLOTS) {
		memcpy(received[received_count].data, frame, len);
		received[received_count++].len = len;
	}
	uknet_poll();
}

size_t harness_sent_count(void)
{
	return sent_count;
}

const uint8_t *harness_sent(size_t index, size_t *len)
{
	if (index >= sent_count)
		return 0;
	*len = sent[index].len;
	return sent[index].data;
}

void harness_forget_sent(void)
{
	sent_count = 0;
}

bool harness_run_next_timer(void)
{
	uint64_t next = uk_timer_next_deadline();

	if (next == UK_TIME_NEVER)
		return false;
	uk_timer_run_due(next);
	return true;
}

uint16_t frame16(const uint8_t *p)
{
	return get16(p);
}

uint32_t frame32(const uint8_t *p)
{
	return get32(p);
}

static size_t build_ethernet(uint8_t *frame, uint16_t type)
{
	memcpy(frame, GUEST_MAC, UK_NETDEV_MAC_LEN);
	memcpy(frame + 6, PEER_MAC, UK_NETDEV_MAC_LEN);
	put16(frame + 12, type);
	return ETH_HEADER;
}

size_t build_arp(uint8_t *frame, uint16_t op, const uint8_t sender_mac[UK_NETDEV_MAC_LEN],
		 uint32_t sender, uint32_t target)
{
	uint8_t *arp = frame + build_ethernet(frame, ETH_TYPE_ARP);

	if (op == 1)
		memset(frame, 0xff, UK_NETDEV_MAC_LEN);
	put16(arp, 1);
	put16(arp + 2, ETH_TYPE_IPV4);
	arp[4] = 6;
	arp[5] = 4;
	put16(arp + 6, op);
	memcpy(arp + 8, sender_mac, UK_NETDEV_MAC_LEN);
	put32(arp + 14, sender);
	memset(arp + 18, 0, UK_NETDEV_MAC_LEN);
	put32(arp + 24, target);
	return ETH_HEADER + 28;
}

size_t build_ipv4(uint8_t *frame, uint32_t src, uint32_t dst, uint8_t protocol,
		  const void *payload, size_t len)
{
	uint8_t *ip = frame + build_ethernet(frame, ETH_TYPE_IPV4);

	ip[0] = 0x45;
	ip[1] = 0;
	put16(ip + 2, (uint16_t)(IPV4_HEADER + len));
	put32(ip + 4, 0x12340000); /* id, no fragment flags */
	ip[8] = 64;
	ip[9] = protocol;
	put16(ip + 10, 0);
	put32(ip + 12, src);
	put32(ip + 16, dst);
	store_checksum(ip + 10, checksum_finish(checksum_add(0, ip, IPV4_HEADER)));
	memmove(ip + IPV4_HEADER, payload, len);
	return ETH_HEADER + IPV4_HEADER + len;
}

size_t build_udp(uint8_t *frame, uint16_t src_port, uint16_t dst_port, const void *data,
		 size_t len)
{
	uint8_t udp[UK_NETDEV_MTU_MAX];
	uint16_t total = (uint16_t)(UDP_HEADER + len);

	put16(udp, src_port);
	put16(udp + 2, dst_port);
	put16(udp + 4, total);
	put16(udp + 6, 0);
	memcpy(udp + UDP_HEADER, data, len);
	store_checksum(udp + 6,
		       checksum_finish(checksum_add(
			       checksum_pseudo_header(PEER_IP, GUEST_IP, IPV4_PROTO_UDP, total),
			       udp, total)));
	return build_ipv4(frame, PEER_IP, GUEST_IP, IPV4_PROTO_UDP, udp, total);
}

size_t build_tcp(uint8_t *frame, const struct peer_segment *seg)
{
	uint8_t tcp[UK_NETDEV_MTU_MAX];
	size_t header = TCP_HEADER + (seg->mss ? 4 : 0);

	put16(tcp, seg->port);
	put16(tcp + 2, seg->guest_port);
	put32(tcp + 4, seg->seq);
	put32(tcp + 8, seg->ack);
	tcp[12] = (uint8_t)(header / 4 << 4);
	tcp[13] = seg->flags;
	put16(tcp + 14, seg->window);
	put32(tcp + 16, 0);
	if (seg->mss) {
		tcp[20] = 2;
		tcp[21] = 4;
		put16(tcp + 22, seg->mss);
	}
	memcpy(tcp + header, seg->data, seg->len);
	store_checksum(tcp + 16,
		       checksum_finish(checksum_add(
			       checksum_pseudo_header(PEER_IP, GUEST_IP, IPV4_PROTO_TCP,
						      (uint16_t)(header + seg->len)),
			       tcp, header + seg->len)));
	return build_ipv4(frame, PEER_IP, GUEST_IP, IPV4_PROTO_TCP, tcp, header + seg->len);
}

void deliver_tcp(const struct peer_segment *seg)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];

	harness_deliver(frame, build_tcp(frame, seg));
}

size_t fix_tcp_checksum(uint8_t *frame, size_t len)
{
	uint8_t *tcp = frame + ETH_HEADER + IPV4_HEADER;
	uint16_t tcp_len = (uint16_t)(len - ETH_HEADER - IPV4_HEADER);

	put16(tcp + 16, 0);
	store_checksum(tcp + 16, checksum_finish(checksum_add(
					 checksum_pseudo_header(PEER_IP, GUEST_IP, IPV4_PROTO_TCP, tcp_len),
					 tcp, tcp_len)));
	return len;
}

/* The TCP segment in a sent frame, checksums verified. */
static bool read_tcp(const uint8_t *frame, size_t len, struct sent_segment *seg)
{
	const uint8_t *ip = frame + ETH_HEADER, *tcp;
	size_t total, header;

	if (len < ETH_HEADER + IPV4_HEADER + TCP_HEADER || get16(frame + 12) != ETH_TYPE_IPV4 ||
	    ip[9] != IPV4_PROTO_TCP || checksum_finish(checksum_add(0, ip, IPV4_HEADER)) != 0)
		return false;
	total = get16(ip + 2) - IPV4_HEADER;
	tcp = ip + IPV4_HEADER;
	header = (size_t)(tcp[12] >> 4) * 4;
	if (checksum_finish(checksum_add(checksum_pseudo_header(get32(ip + 12), get32(ip + 16),
								 IPV4_PROTO_TCP, (uint16_t)total),
					 tcp, total)) != 0)
		return false;
	seg->src_port = get16(tcp);
	seg->dst_port = get16(tcp + 2);
	seg->seq = get32(tcp + 4);
	seg->ack = get32(tcp + 8);
	seg->flags = tcp[13];
	seg->window = get16(tcp + 14);
	seg->mss = header >= 24 && tcp[20] == 2 && tcp[21] == 4 ? get16(tcp + 22) : 0;
	seg->data = tcp + header;
	seg->len = total - header;
	return true;
}

bool sent_tcp(size_t nth, struct sent_segment *seg)
{
	for (size_t i = 0; i < sent_count; i++)
		if (read_tcp(sent[i].data, sent[i].len, seg) && nth-- == 0)
			return true;
	return false;
}

size_t sent_tcp_count(void)
{
	struct sent_segment seg;
	size_t count = 0;

	for (size_t i = 0; i < sent_count; i++)
		count += read_tcp(sent[i].data, sent[i].len, &seg);
	return count;
}
