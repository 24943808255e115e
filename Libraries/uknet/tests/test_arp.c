/* ARP: answering for our address, asking for others', holding frames, timeouts. */
#include <string.h>
#include <uknet/net.h>
#include <uknet/socket.h>
#include <uktest/test.h>

#include "../src/wire.h"
#include "harness.h"

#define ARP (ETH_HEADER)

static const uint8_t broadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* Whether sent frame `index` is an ARP request for `target`. */
static bool is_request_for(size_t index, uint32_t target)
{
	size_t len;
	const uint8_t *frame = harness_sent(index, &len);

	return frame && len >= ARP + 28 && frame16(frame + 12) == ETH_TYPE_ARP &&
	       memcmp(frame, broadcast, 6) == 0 && frame16(frame + ARP + 6) == 1 &&
	       memcmp(frame + ARP + 8, GUEST_MAC, 6) == 0 && frame32(frame + ARP + 14) == GUEST_IP &&
	       frame32(frame + ARP + 24) == target;
}

static int udp_socket(void)
{
	int sock = uknet_socket(UKNET_UDP);

	uknet_bind(sock, 4000);
	return sock;
}

UK_TESTCASE(uknet_arp, requests_for_our_address_get_a_reply)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	const uint8_t *reply;
	size_t len;

	harness_start(false);
	harness_deliver(frame, build_arp(frame, 1, PEER_MAC, PEER_IP, GUEST_IP));
	UK_TEST_ASSERT(harness_sent_count() == 1);
	reply = harness_sent(0, &len);
	UK_TEST_EXPECT(memcmp(reply, PEER_MAC, 6) == 0);
	UK_TEST_EXPECT_EQ(frame16(reply + 12), ETH_TYPE_ARP);
	UK_TEST_EXPECT_EQ(frame16(reply + ARP + 6), 2);
	UK_TEST_EXPECT(memcmp(reply + ARP + 8, GUEST_MAC, 6) == 0);
	UK_TEST_EXPECT_EQ(frame32(reply + ARP + 14), GUEST_IP);
	UK_TEST_EXPECT(memcmp(reply + ARP + 18, PEER_MAC, 6) == 0);
	UK_TEST_EXPECT_EQ(frame32(reply + ARP + 24), PEER_IP);
	UK_TEST_EXPECT_EQ(len, 60); /* padded to Ethernet's minimum */

	/* The asker is known now: a datagram to it goes out at once. */
	harness_forget_sent();
	UK_TEST_EXPECT_EQ(uknet_sendto(udp_socket(), "x", 1, &(struct uknet_endpoint){ PEER_IP, 9 }),
			  0);
	UK_TEST_ASSERT(harness_sent_count() == 1);
	UK_TEST_EXPECT(memcmp(harness_sent(0, &len), PEER_MAC, 6) == 0);
}

UK_TESTCASE(uknet_arp, requests_for_others_teach_nothing)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];

	harness_start(false);
	harness_deliver(frame, build_arp(frame, 1, PEER_MAC, PEER_IP, 0x0a000009));
	UK_TEST_EXPECT_EQ(harness_sent_count(), 0);
	/* So sending to the asker needs a request first. */
	uknet_sendto(udp_socket(), "x", 1, &(struct uknet_endpoint){ PEER_IP, 9 });
	UK_TEST_EXPECT(harness_sent_count() == 1 && is_request_for(0, PEER_IP));
}

UK_TESTCASE(uknet_arp, malformed_packets_are_counted)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	size_t len;

	harness_start(false);
	len = build_arp(frame, 1, PEER_MAC, PEER_IP, GUEST_IP);
	harness_deliver(frame, len - 1); /* short */
	frame[ARP + 4] = 8; /* 8-byte hardware addresses */
	harness_deliver(frame, len);
	frame[ARP + 4] = 6;
	put16(frame + ARP + 6, 9); /* no such operation */
	harness_deliver(frame, len);
	put16(frame + ARP + 6, 1);
	frame[ARP + 8] = 0x01; /* a multicast sender */
	harness_deliver(frame, len);
	UK_TEST_EXPECT_EQ(uknet_stats()->arp_malformed, 4);
	UK_TEST_EXPECT_EQ(harness_sent_count(), 0);
}

UK_TESTCASE(uknet_arp, frames_wait_for_the_answer)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	int sock;
	size_t len;
	const uint8_t *sent;

	harness_start(false);
	sock = udp_socket();
	uknet_sendto(sock, "one", 3, &(struct uknet_endpoint){ PEER_IP, 9 });
	uknet_sendto(sock, "two", 3, &(struct uknet_endpoint){ PEER_IP, 9 });
	/* One request for both. */
	UK_TEST_EXPECT(harness_sent_count() == 1 && is_request_for(0, PEER_IP));
	harness_forget_sent();
	harness_deliver(frame, build_arp(frame, 2, PEER_MAC, PEER_IP, GUEST_IP));
	UK_TEST_ASSERT(harness_sent_count() == 2);
	sent = harness_sent(0, &len);
	UK_TEST_EXPECT(memcmp(sent, PEER_MAC, 6) == 0);
	UK_TEST_EXPECT(memcmp(sent + ETH_HEADER + IPV4_HEADER + UDP_HEADER, "one", 3) == 0);
	sent = harness_sent(1, &len);
	UK_TEST_EXPECT(memcmp(sent + ETH_HEADER + IPV4_HEADER + UDP_HEADER, "two", 3) == 0);
}

UK_TESTCASE(uknet_arp, off_link_traffic_goes_through_the_gateway)
{
	harness_start(false);
	uknet_sendto(udp_socket(), "x", 1, &(struct uknet_endpoint){ 0x08080808, 53 });
	UK_TEST_EXPECT(harness_sent_count() == 1 && is_request_for(0, GATEWAY_IP));
}

UK_TESTCASE(uknet_arp, silence_drops_the_held_frames_after_three_requests)
{
	harness_start(false);
	uknet_sendto(udp_socket(), "x", 1, &(struct uknet_endpoint){ 0x0a000007, 9 });
	UK_TEST_ASSERT(harness_run_next_timer());
	UK_TEST_ASSERT(harness_run_next_timer());
	UK_TEST_EXPECT_EQ(uknet_stats()->arp_unresolved, 0);
	UK_TEST_EXPECT(harness_sent_count() == 3 && is_request_for(1, 0x0a000007) &&
		       is_request_for(2, 0x0a000007));
	UK_TEST_ASSERT(harness_run_next_timer());
	UK_TEST_EXPECT_EQ(uknet_stats()->arp_unresolved, 1);
	UK_TEST_EXPECT_EQ(harness_sent_count(), 3);
}

UK_TESTCASE(uknet_arp, entries_expire)
{
	harness_start(true); /* the peer is known */
	UK_TEST_ASSERT(harness_run_next_timer()); /* its entry's lifetime ends */
	uknet_sendto(udp_socket(), "x", 1, &(struct uknet_endpoint){ PEER_IP, 9 });
	UK_TEST_EXPECT(harness_sent_count() == 1 && is_request_for(0, PEER_IP));
}
