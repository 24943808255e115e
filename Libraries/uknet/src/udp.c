/*
 * UDP (RFC 768): datagrams for a bound port wait in its socket's receive
 * ring, each after a small header giving its sender and length; a full
 * ring drops new datagrams. The checksum is checked when the sender set
 * one and always set on what we send.
 */
#include <errno.h>
#include <string.h>
#include <uknet/socket.h>

#include "checksum.h"
#include "sock.h"
#include "stack.h"

/* In front of each queued datagram. */
struct queued_datagram {
	uint32_t address;
	uint16_t port;
	uint16_t len;
};

static struct sock *bound_socket(uint16_t port)
{
	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
		struct sock *s = &uknet_socks[i];

		if (s->kind == SOCK_UDP && s->local_port == port)
			return s;
	}
	return 0;
}

void udp_input(const struct ipv4_packet *ip)
{
	const uint8_t *header = ip->payload;
	struct queued_datagram queued;
	struct sock *s;
	size_t len;

	if (ip->payload_len < UDP_HEADER || (len = get16(header + 4)) < UDP_HEADER ||
	    len > ip->payload_len || get16(header) == 0 || get16(header + 2) == 0) {
		COUNT(udp_malformed);
		return;
	}
	if (get16(header + 6) != 0 &&
	    checksum_finish(checksum_add(checksum_pseudo_header(ip->src, ip->dst, IPV4_PROTO_UDP,
								 (uint16_t)len),
					 header, len)) != 0) {
		COUNT(udp_bad_checksum);
		return;
	}
	s = bound_socket(get16(header + 2));
	if (!s) {
		COUNT(udp_no_socket);
		icmp_port_unreachable(ip);
		return;
	}
	if (ring_free(&s->rx) < sizeof(queued) + len - UDP_HEADER) {
		COUNT(udp_queue_full);
		return;
	}
	queued = (struct queued_datagram){ ip->src, get16(header), (uint16_t)(len - UDP_HEADER) };
	ring_write(&s->rx, &queued, sizeof(queued));
	ring_write(&s->rx, header + UDP_HEADER, queued.len);
}

int uknet_sendto(int sock, const void *buf, size_t len, const struct uknet_endpoint *to)
{
	struct sock *s = sock_get(sock, SOCK_UDP);
	uint8_t *header = uknet_tx_frame + TX_TRANSPORT;
	uint16_t total = (uint16_t)(UDP_HEADER + len);
	uint16_t checksum;
	int err;

	if (!s)
		return -EBADF;
	if (!uknet_iface.dev)
		return -ENETDOWN;
	if (len > transport_max() - UDP_HEADER)
		return -EMSGSIZE;
	if (!to || to->address == 0 || to->port == 0)
		return -EDESTADDRREQ;
	if (s->local_port == 0 && (err = uknet_bind(sock, 0)) < 0)
		return err;
	put16(header, s->local_port);
	put16(header + 2, to->port);
	put16(header + 4, total);
	put16(header + 6, 0);
	memcpy(header + UDP_HEADER, buf, len);
	checksum = checksum_finish(checksum_add(
		checksum_pseudo_header(uknet_iface.config.address, to->address, IPV4_PROTO_UDP, total),
		header, total));
	/* 0 means "no checksum"; its one's complement twin stands for it. */
	store_checksum(header + 6, checksum ? checksum : 0xffff);
	return ipv4_send(to->address, IPV4_PROTO_UDP, total);
}

int uknet_recvfrom(int sock, void *buf, size_t size, struct uknet_endpoint *from)
{
	struct sock *s = sock_get(sock, SOCK_UDP);
	struct queued_datagram queued;
	uint32_t copied;

	if (!s)
		return -EBADF;
	if (s->rx.used == 0)
		return -EAGAIN;
	ring_read(&s->rx, &queued, sizeof(queued));
	copied = queued.len < size ? queued.len : (uint32_t)size;
	ring_peek(&s->rx, 0, buf, copied);
	ring_drop(&s->rx, queued.len);
	if (from)
		*from = (struct uknet_endpoint){ queued.address, queued.port };
	return (int)copied;
}
