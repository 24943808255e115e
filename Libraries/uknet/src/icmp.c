/*
 * ICMP (RFC 792): echo requests get their reply; UDP datagrams for a port
 * nobody listens on get "port unreachable" (RFC 1122 3.2.2.1). Messages to
 * a broadcast address get nothing (RFC 1122 3.2.2, 3.2.2.6).
 */
#include <string.h>

#include "checksum.h"
#include "stack.h"

#define ICMP_ECHO_REPLY        0
#define ICMP_UNREACHABLE       3
#define ICMP_PORT_UNREACHABLE  3
#define ICMP_ECHO_REQUEST      8

/* What an unreachable message quotes of the datagram beyond its header. */
#define QUOTED_PAYLOAD 8

static void send_icmp(uint32_t dst, size_t len)
{
	uint8_t *message = uknet_tx_frame + TX_TRANSPORT;

	store_checksum(message + 2, 0);
	store_checksum(message + 2, checksum_finish(checksum_add(0, message, len)));
	ipv4_send(dst, IPV4_PROTO_ICMP, len);
}

void icmp_input(const struct ipv4_packet *ip)
{
	uint8_t *reply = uknet_tx_frame + TX_TRANSPORT;

	if (ip->payload_len < ICMP_HEADER ||
	    checksum_finish(checksum_add(0, ip->payload, ip->payload_len)) != 0) {
		COUNT(icmp_malformed);
		return;
	}
	if (ip->to_broadcast || ip->payload[0] != ICMP_ECHO_REQUEST || ip->payload[1] != 0 ||
	    ip->payload_len > transport_max())
		return;
	memcpy(reply, ip->payload, ip->payload_len);
	reply[0] = ICMP_ECHO_REPLY;
	send_icmp(ip->src, ip->payload_len);
	COUNT(icmp_echo_replies);
}

void icmp_port_unreachable(const struct ipv4_packet *ip)
{
	uint8_t *message = uknet_tx_frame + TX_TRANSPORT;
	size_t quoted = ip->header_len + (ip->payload_len < QUOTED_PAYLOAD ? ip->payload_len
									   : QUOTED_PAYLOAD);

	if (ip->to_broadcast)
		return;
	message[0] = ICMP_UNREACHABLE;
	message[1] = ICMP_PORT_UNREACHABLE;
	memset(message + 4, 0, 4);
	memcpy(message + ICMP_HEADER, ip->header, quoted);
	send_icmp(ip->src, ICMP_HEADER + quoted);
}
