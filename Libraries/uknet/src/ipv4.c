/*
 * IPv4 (RFC 791): every header field a packet is judged by is checked
 * before use; fragments are dropped (nothing here reassembles them, and
 * the stack itself never fragments: it sends with Don't Fragment set and
 * keeps its segments within the MTU). Options are accepted and ignored.
 */
#include <errno.h>

#include "checksum.h"
#include "stack.h"

#define IPV4_FLAG_DF      0x4000
#define IPV4_FLAG_MF      0x2000
#define IPV4_OFFSET_MASK  0x1fff
#define DEFAULT_TTL       64

uint8_t uknet_tx_frame[UK_NETDEV_FRAME_MAX];
static uint16_t next_id;

static bool is_multicast(uint32_t address)
{
	return (address >> 28) == 0xe;
}

static bool is_broadcast(uint32_t address)
{
	return address == IPV4_BROADCAST || address == uknet_iface.subnet_broadcast;
}

void ipv4_input(const uint8_t *packet, size_t len)
{
	struct ipv4_packet ip;
	size_t total;

	if (len < IPV4_HEADER || packet[0] >> 4 != 4) {
		COUNT(ip_malformed);
		return;
	}
	ip.header_len = (size_t)(packet[0] & 0xf) * 4;
	total = get16(packet + 2);
	if (ip.header_len < IPV4_HEADER || total < ip.header_len || total > len) {
		COUNT(ip_malformed);
		return;
	}
	if (checksum_finish(checksum_add(0, packet, ip.header_len)) != 0) {
		COUNT(ip_bad_checksum);
		return;
	}
	if (get16(packet + 6) & (IPV4_FLAG_MF | IPV4_OFFSET_MASK)) {
		COUNT(ip_fragments);
		return;
	}
	ip.src = get32(packet + 12);
	ip.dst = get32(packet + 16);
	if (ip.src == 0 || is_broadcast(ip.src) || is_multicast(ip.src)) {
		COUNT(ip_malformed);
		return;
	}
	ip.to_broadcast = is_broadcast(ip.dst);
	if (ip.dst != uknet_iface.config.address && !ip.to_broadcast) {
		COUNT(ip_not_ours);
		return;
	}
	ip.protocol = packet[9];
	ip.header = packet;
	ip.payload = packet + ip.header_len;
	ip.payload_len = total - ip.header_len; /* frames may carry padding after it */

	switch (ip.protocol) {
	case IPV4_PROTO_ICMP:
		icmp_input(&ip);
		break;
	case IPV4_PROTO_UDP:
		udp_input(&ip);
		break;
	case IPV4_PROTO_TCP:
		tcp_input(&ip);
		break;
	default:
		COUNT(ip_unknown_protocol);
	}
}

/* The neighbour a packet for `dst` goes to: itself on the local network,
 * else the gateway; 0 when there is none. */
static uint32_t next_hop(uint32_t dst)
{
	const struct uknet_config *config = &uknet_iface.config;

	if ((dst & config->netmask) == (config->address & config->netmask))
		return dst;
	return config->gateway;
}

int ipv4_send(uint32_t dst, uint8_t protocol, size_t payload_len)
{
	static const uint8_t broadcast_mac[UK_NETDEV_MAC_LEN] = { 0xff, 0xff, 0xff,
								  0xff, 0xff, 0xff };
	uint8_t *header = uknet_tx_frame + ETH_HEADER;
	size_t total = IPV4_HEADER + payload_len;
	uint32_t hop;

	if (total > uknet_iface.mtu)
		return -EMSGSIZE;
	header[0] = 0x45; /* version 4, 5 words */
	header[1] = 0;
	put16(header + 2, (uint16_t)total);
	put16(header + 4, next_id++);
	put16(header + 6, IPV4_FLAG_DF);
	header[8] = DEFAULT_TTL;
	header[9] = protocol;
	put16(header + 10, 0);
	put32(header + 12, uknet_iface.config.address);
	put32(header + 16, dst);
	store_checksum(header + 10, checksum_finish(checksum_add(0, header, IPV4_HEADER)));

	if (is_broadcast(dst))
		return eth_transmit(broadcast_mac, ETH_TYPE_IPV4, uknet_tx_frame, ETH_HEADER + total);
	hop = next_hop(dst);
	if (hop == 0 || hop == uknet_iface.config.address || is_multicast(dst)) {
		COUNT(ip_no_route);
		return -ENETUNREACH;
	}
	return arp_send_ipv4(hop, uknet_tx_frame, ETH_HEADER + total);
}
