/*
 * Frames in: each malformed one is dropped, counted under its fault and
 * answered with nothing; good ICMP and UDP get their answers; random
 * frames never crash the stack.
 */
#include <errno.h>
#include <string.h>
#include <uknet/net.h>
#include <uknet/socket.h>
#include <uktest/test.h>

#include "../src/checksum.h"
#include "../src/wire.h"
#include "harness.h"

#define IP (ETH_HEADER)             /* offset of the IPv4 header in a frame */
#define L4 (ETH_HEADER + IPV4_HEADER) /* and of what it carries */

/* Delivers the frame and returns by how much *counter grew, or -1 when
 * the stack answered it. */
static int64_t drops(const uint8_t *frame, size_t len, const uint64_t *counter)
{
	uint64_t before = *counter;

	harness_forget_sent();
	harness_deliver(frame, len);
	if (harness_sent_count() != 0)
		return -1;
	return (int64_t)(*counter - before);
}

static unsigned next_random(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 16;
}

static void fix_ip_checksum(uint8_t *frame)
{
	put16(frame + IP + 10, 0);
	store_checksum(frame + IP + 10, checksum_finish(checksum_add(0, frame + IP, IPV4_HEADER)));
}

static size_t icmp_echo_request(uint8_t *frame, const char *text)
{
	uint8_t icmp[64] = { 8, 0, 0, 0, 0x12, 0x34, 0x00, 0x01 };
	size_t len = ICMP_HEADER + strlen(text);

	memcpy(icmp + ICMP_HEADER, text, strlen(text));
	store_checksum(icmp + 2, checksum_finish(checksum_add(0, icmp, len)));
	return build_ipv4(frame, PEER_IP, GUEST_IP, IPV4_PROTO_ICMP, icmp, len);
}

UK_TESTCASE(uknet_frames, ethernet_faults_are_counted)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	size_t len = icmp_echo_request(frame, "x");

	harness_start(true);
	UK_TEST_EXPECT_EQ(drops(frame, 13, &uknet_stats()->eth_malformed), 1);
	frame[0] = 0x04; /* another host's address */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->eth_not_ours), 1);
	frame[0] = 0x33; /* a multicast address */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->eth_not_ours), 1);
	memcpy(frame, GUEST_MAC, 6);
	put16(frame + 12, 0x86dd); /* IPv6 */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->eth_unknown_type), 1);
}

UK_TESTCASE(uknet_frames, ipv4_faults_are_counted)
{
	uint8_t good[UK_NETDEV_FRAME_MAX], frame[UK_NETDEV_FRAME_MAX];
	size_t len = icmp_echo_request(good, "hello");

	harness_start(true);
	UK_TEST_EXPECT_EQ(drops(good, L4 - 1, &uknet_stats()->ip_malformed), 1); /* short header */

	memcpy(frame, good, len);
	frame[IP] = 0x65; /* version 6 */
	fix_ip_checksum(frame);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_malformed), 1);

	memcpy(frame, good, len);
	frame[IP] = 0x44; /* a 16-byte header */
	fix_ip_checksum(frame);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_malformed), 1);

	memcpy(frame, good, len);
	frame[IP] = 0x4f; /* a 60-byte header, longer than the packet */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_malformed), 1);

	memcpy(frame, good, len);
	put16(frame + IP + 2, (uint16_t)(len - IP + 1)); /* longer than the frame */
	fix_ip_checksum(frame);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_malformed), 1);

	memcpy(frame, good, len);
	frame[IP + 12] = 255, frame[IP + 13] = 255, frame[IP + 14] = 255, frame[IP + 15] = 255;
	fix_ip_checksum(frame); /* from the broadcast address */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_malformed), 1);

	memcpy(frame, good, len);
	frame[IP + 8] ^= 1; /* the TTL changed, the checksum not */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_bad_checksum), 1);

	memcpy(frame, good, len);
	put16(frame + IP + 6, 0x2000); /* more fragments follow */
	fix_ip_checksum(frame);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_fragments), 1);
	put16(frame + IP + 6, 0x0010); /* a later fragment */
	fix_ip_checksum(frame);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_fragments), 1);

	memcpy(frame, good, len);
	put32(frame + IP + 16, 0x0a000003); /* another host */
	fix_ip_checksum(frame);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_not_ours), 1);

	memcpy(frame, good, len);
	frame[IP + 9] = 47; /* GRE */
	fix_ip_checksum(frame);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->ip_unknown_protocol), 1);
}

UK_TESTCASE(uknet_frames, echo_requests_get_their_replies)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	size_t len = icmp_echo_request(frame, "ping payload");
	const uint8_t *reply;
	size_t reply_len;

	harness_start(true);
	/* Ethernet padding after the packet is not part of it. */
	memset(frame + len, 0xee, 16);
	harness_deliver(frame, len + 16);
	UK_TEST_ASSERT(harness_sent_count() == 1);
	reply = harness_sent(0, &reply_len);
	UK_TEST_EXPECT(memcmp(reply, PEER_MAC, 6) == 0);
	UK_TEST_EXPECT(memcmp(reply + 6, GUEST_MAC, 6) == 0);
	UK_TEST_EXPECT_EQ(frame16(reply + IP + 2), IPV4_HEADER + ICMP_HEADER + 12);
	UK_TEST_EXPECT_EQ(frame32(reply + IP + 12), GUEST_IP);
	UK_TEST_EXPECT_EQ(frame32(reply + IP + 16), PEER_IP);
	UK_TEST_EXPECT_EQ(checksum_finish(checksum_add(0, reply + IP, IPV4_HEADER)), 0);
	UK_TEST_EXPECT_EQ(reply[L4], 0); /* echo reply */
	UK_TEST_EXPECT_EQ(frame32(reply + L4 + 4), 0x12340001); /* identifier, sequence */
	UK_TEST_EXPECT(memcmp(reply + L4 + ICMP_HEADER, "ping payload", 12) == 0);
	UK_TEST_EXPECT_EQ(checksum_finish(checksum_add(0, reply + L4, ICMP_HEADER + 12)), 0);
	UK_TEST_EXPECT_EQ(uknet_stats()->icmp_echo_replies, 1);

	frame[L4 + 8] ^= 1; /* the payload changed, the checksum not */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->icmp_malformed), 1);
	len = build_ipv4(frame, PEER_IP, GUEST_IP, IPV4_PROTO_ICMP, "\x08\0\0", 3);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->icmp_malformed), 1);
}

UK_TESTCASE(uknet_frames, udp_datagrams_reach_their_socket)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX], buf[64];
	struct uknet_endpoint from;
	int sock;

	harness_start(true);
	sock = uknet_socket(UKNET_UDP);
	UK_TEST_ASSERT(sock >= 0 && uknet_bind(sock, 7) == 0);
	UK_TEST_EXPECT_EQ(uknet_recvfrom(sock, buf, sizeof(buf), &from), -EAGAIN);
	harness_deliver(frame, build_udp(frame, 5555, 7, "first", 5));
	harness_deliver(frame, build_udp(frame, 5556, 7, "second", 6));
	UK_TEST_EXPECT(uknet_events(sock) & UKNET_READABLE);
	UK_TEST_EXPECT_EQ(uknet_recvfrom(sock, buf, sizeof(buf), &from), 5);
	UK_TEST_EXPECT(memcmp(buf, "first", 5) == 0);
	UK_TEST_EXPECT_EQ(from.address, PEER_IP);
	UK_TEST_EXPECT_EQ(from.port, 5555);
	/* Cut to the buffer; the rest of the datagram is gone. */
	UK_TEST_EXPECT_EQ(uknet_recvfrom(sock, buf, 3, &from), 3);
	UK_TEST_EXPECT(memcmp(buf, "sec", 3) == 0);
	UK_TEST_EXPECT_EQ(uknet_recvfrom(sock, buf, sizeof(buf), &from), -EAGAIN);

	/* Sent back: addressed and checksummed right. */
	UK_TEST_EXPECT_EQ(uknet_sendto(sock, "back", 4, &from), 0);
	UK_TEST_ASSERT(harness_sent_count() == 1);
	{
		size_t len;
		const uint8_t *sent = harness_sent(0, &len);

		UK_TEST_EXPECT_EQ(frame16(sent + L4), 7);
		UK_TEST_EXPECT_EQ(frame16(sent + L4 + 2), 5556);
		UK_TEST_EXPECT_EQ(frame16(sent + L4 + 4), UDP_HEADER + 4);
		UK_TEST_EXPECT_EQ(checksum_finish(checksum_add(
					  checksum_pseudo_header(GUEST_IP, PEER_IP, IPV4_PROTO_UDP, 12),
					  sent + L4, 12)),
				  0);
	}
	uknet_close(sock);
}

UK_TESTCASE(uknet_frames, udp_faults_are_counted)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	size_t len;
	int sock;

	harness_start(true);
	sock = uknet_socket(UKNET_UDP);
	UK_TEST_ASSERT(sock >= 0 && uknet_bind(sock, 7) == 0);

	len = build_udp(frame, 5555, 7, "data", 4);
	put16(frame + L4 + 4, 13); /* longer than the packet */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->udp_malformed), 1);
	put16(frame + L4 + 4, 7); /* shorter than a header */
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->udp_malformed), 1);
	len = build_ipv4(frame, PEER_IP, GUEST_IP, IPV4_PROTO_UDP, "\0\1\0\7", 4);
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->udp_malformed), 1);

	len = build_udp(frame, 5555, 7, "data", 4);
	frame[len - 1] ^= 1;
	UK_TEST_EXPECT_EQ(drops(frame, len, &uknet_stats()->udp_bad_checksum), 1);
	put16(frame + L4 + 6, 0); /* no checksum: taken as it is */
	harness_deliver(frame, len);
	UK_TEST_EXPECT_EQ(uknet_recvfrom(sock, frame, 4, 0), 4);

	/* A full receive buffer drops what does not fit. */
	{
		static const uint8_t big[1000];
		int queued = 0;

		for (int i = 0; i < 20; i++)
			harness_deliver(frame, build_udp(frame, 5555, 7, big, sizeof(big)));
		while (uknet_recvfrom(sock, frame, sizeof(frame), 0) == sizeof(big))
			queued++;
		UK_TEST_EXPECT(queued > 0 && uknet_stats()->udp_queue_full > 0);
		UK_TEST_EXPECT_EQ(queued + uknet_stats()->udp_queue_full, 20);
	}
	uknet_close(sock);
}

UK_TESTCASE(uknet_frames, udp_to_a_closed_port_gets_port_unreachable)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	size_t len = build_udp(frame, 5555, 9, "nobody", 6), sent_len;
	const uint8_t *sent;

	harness_start(true);
	harness_deliver(frame, len);
	UK_TEST_EXPECT_EQ(uknet_stats()->udp_no_socket, 1);
	UK_TEST_ASSERT(harness_sent_count() == 1);
	sent = harness_sent(0, &sent_len);
	UK_TEST_EXPECT_EQ(sent[IP + 9], IPV4_PROTO_ICMP);
	UK_TEST_EXPECT_EQ(sent[L4], 3); /* destination unreachable */
	UK_TEST_EXPECT_EQ(sent[L4 + 1], 3); /* port unreachable */
	/* It quotes the datagram's IPv4 header and first 8 bytes. */
	UK_TEST_EXPECT(memcmp(sent + L4 + ICMP_HEADER, frame + IP, IPV4_HEADER + 8) == 0);
	UK_TEST_EXPECT_EQ(checksum_finish(checksum_add(0, sent + L4, ICMP_HEADER + IPV4_HEADER + 8)),
			  0);
}

/* Few enough to stay quick where every instruction is emulated; random
 * frames short, since headers are where the checks are. */
#define FUZZ_FRAMES     1000
#define FUZZ_RANDOM_MAX 128

UK_TESTCASE(uknet_frames, random_frames_never_crash_and_are_all_accounted_for)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX], good[UK_NETDEV_FRAME_MAX];
	size_t good_len;
	int sock;
	unsigned seed = 1;

	harness_start(true);
	sock = uknet_socket(UKNET_UDP);
	uknet_bind(sock, 7);
	good_len = build_udp(good, 5555, 7, "0123456789abcdef", 16);
	for (int i = 0; i < FUZZ_FRAMES; i++) {
		size_t len;

		/* Mostly a valid frame with random bytes changed, so the
		 * checks beyond the first ones are reached too. */
		memcpy(frame, good, good_len);
		len = 1 + (size_t)next_random(&seed) % FUZZ_RANDOM_MAX;
		if (i % 3 == 0) {
			for (size_t j = 0; j < len; j++)
				frame[j] = (uint8_t)next_random(&seed);
			memcpy(frame, GUEST_MAC, 6);
		} else {
			len = good_len;
			for (int j = 0; j < 1 + i % 4; j++)
				frame[ETH_HEADER + (size_t)next_random(&seed) % (good_len - ETH_HEADER)] ^=
					(uint8_t)(1 + next_random(&seed) % 255);
			if (i % 3 == 1)
				fix_ip_checksum(frame);
		}
		harness_deliver(frame, len);
		while (uknet_recvfrom(sock, frame, sizeof(frame), 0) >= 0)
			;
		harness_forget_sent();
	}
	UK_TEST_EXPECT_EQ(uknet_stats()->rx_frames, FUZZ_FRAMES + 1); /* and the ARP request */
	uknet_close(sock);
}
