/*
 * TCP, segment by segment: the test plays the peer (PEER_IP:40000) of a
 * server socket on port 80 and checks every segment the stack answers
 * with, through the handshake, data both ways, loss, windows and both
 * ways of closing. Timers are fired ahead of time (harness_run_next_timer).
 */
#include <errno.h>
#include <string.h>
#include <uknet/net.h>
#include <uknet/socket.h>
#include <uktest/test.h>
#include <uktime/time.h>
#include <uktime/timer.h>

#include "../src/sock.h"
#include "../src/tcp.h"
#include "harness.h"

#define PORT      80
#define PEER_PORT 40000
#define PEER_ISN  1000u
#define MSS       1460

/* One connection, and the sequence numbers each side sends next. */
struct conn {
	int listener, sock;
	uint32_t peer_next;  /* the peer's next sequence number */
	uint32_t guest_next; /* the stack's next one, as the peer knows it */
};

static void peer_sends(struct conn *c, uint8_t flags, const void *data, size_t len)
{
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, c->peer_next, c->guest_next,
					    flags | TCP_ACK, 65535, 0, data, len });
	c->peer_next += (uint32_t)len + !!(flags & TCP_FIN);
}

/* The peer acknowledges everything up to `ack`, with `window`. */
static void peer_acks(struct conn *c, uint32_t ack, uint16_t window)
{
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, c->peer_next, ack, TCP_ACK, window });
}

static enum tcp_state state_of(int sock)
{
	return uknet_socks[sock].tcp.state;
}

/* The last segment the stack sent. */
static bool last_sent(struct sent_segment *seg)
{
	size_t count = sent_tcp_count();

	return count > 0 && sent_tcp(count - 1, seg);
}

static int listen_on_port(int backlog)
{
	int listener = uknet_socket(UKNET_TCP);

	uknet_bind(listener, PORT);
	uknet_listen(listener, backlog);
	return listener;
}

/* Opens a connection through the three-way handshake and accepts it. */
static bool handshake(struct uk_test_state *uk_test, struct conn *c)
{
	struct sent_segment syn_ack;
	struct uknet_endpoint peer;

	harness_start(true);
	c->listener = listen_on_port(4);
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, PEER_ISN, 0, TCP_SYN, 65535, MSS });
	if (!UK_TEST_EXPECT(sent_tcp_count() == 1 && sent_tcp(0, &syn_ack)))
		return false;
	UK_TEST_EXPECT_EQ(syn_ack.flags, TCP_SYN | TCP_ACK);
	UK_TEST_EXPECT_EQ(syn_ack.ack, PEER_ISN + 1);
	UK_TEST_EXPECT_EQ(syn_ack.mss, MSS);
	UK_TEST_EXPECT_EQ(syn_ack.src_port, PORT);
	UK_TEST_EXPECT_EQ(syn_ack.dst_port, PEER_PORT);
	UK_TEST_EXPECT_EQ(syn_ack.window, CONFIG_UKNET_RX_BUFFER);
	UK_TEST_EXPECT_EQ(uknet_accept(c->listener, &peer), -EAGAIN); /* not before the ACK */
	c->peer_next = PEER_ISN + 1;
	c->guest_next = syn_ack.seq + 1;
	peer_sends(c, 0, 0, 0);
	c->sock = uknet_accept(c->listener, &peer);
	if (!UK_TEST_EXPECT(c->sock >= 0))
		return false;
	UK_TEST_EXPECT_EQ(peer.address, PEER_IP);
	UK_TEST_EXPECT_EQ(peer.port, PEER_PORT);
	UK_TEST_EXPECT_EQ(state_of(c->sock), TCP_ESTABLISHED);
	harness_forget_sent();
	return true;
}

UK_TESTCASE(uknet_tcp, data_flows_both_ways)
{
	struct conn c;
	struct sent_segment seg;
	char buf[32];

	if (!handshake(uk_test, &c))
		return;
	peer_sends(&c, TCP_PSH, "hello", 5);
	UK_TEST_EXPECT(uknet_events(c.sock) & UKNET_READABLE);
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), 5);
	UK_TEST_EXPECT(memcmp(buf, "hello", 5) == 0);
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), -EAGAIN);

	/* The reply carries the acknowledgement the stack held back. */
	UK_TEST_EXPECT_EQ(sent_tcp_count(), 0);
	UK_TEST_EXPECT_EQ(uknet_send(c.sock, "world", 5), 5);
	UK_TEST_ASSERT(sent_tcp_count() == 1 && sent_tcp(0, &seg));
	UK_TEST_EXPECT_EQ(seg.seq, c.guest_next);
	UK_TEST_EXPECT_EQ(seg.ack, c.peer_next);
	UK_TEST_EXPECT_EQ(seg.flags, TCP_ACK | TCP_PSH);
	UK_TEST_EXPECT(seg.len == 5 && memcmp(seg.data, "world", 5) == 0);
	c.guest_next += 5;
	peer_acks(&c, c.guest_next, 65535);
	UK_TEST_EXPECT(!uk_timer_armed(&uknet_socks[c.sock].tcp.timer));

	/* Without data to ride on, the ACK goes when the stack waits. */
	harness_forget_sent();
	peer_sends(&c, 0, "more", 4);
	UK_TEST_EXPECT_EQ(sent_tcp_count(), 0);
	uknet_wait(0);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.ack == c.peer_next && seg.len == 0);
}

UK_TESTCASE(uknet_tcp, unacknowledged_data_is_sent_again_with_backoff)
{
	struct conn c;
	struct sent_segment seg;
	uint64_t waits[3];

	if (!handshake(uk_test, &c))
		return;
	uknet_send(c.sock, "lost", 4);
	for (int i = 0; i < 3; i++) {
		waits[i] = uk_timer_next_deadline() - uk_time_now_ns();
		harness_forget_sent();
		UK_TEST_ASSERT(harness_run_next_timer());
		UK_TEST_ASSERT(last_sent(&seg));
		UK_TEST_EXPECT(seg.seq == c.guest_next && seg.len == 4 &&
			       memcmp(seg.data, "lost", 4) == 0);
	}
	UK_TEST_EXPECT_EQ(uknet_stats()->tcp_retransmits, 3);
	/* 200 ms (the floor: the handshake's round trip was short), then doubling. */
	UK_TEST_EXPECT(waits[0] > UK_TIME_MS(150) && waits[0] <= UK_TIME_MS(200));
	UK_TEST_EXPECT(waits[1] > waits[0] * 18 / 10 && waits[1] < waits[0] * 22 / 10);
	UK_TEST_EXPECT(waits[2] > waits[1] * 18 / 10 && waits[2] < waits[1] * 22 / 10);
	peer_acks(&c, c.guest_next + 4, 65535);
	UK_TEST_EXPECT(!uk_timer_armed(&uknet_socks[c.sock].tcp.timer));
	UK_TEST_EXPECT_EQ(uknet_socks[c.sock].tx.used, 0);
}

UK_TESTCASE(uknet_tcp, a_silent_peer_is_given_up_on)
{
	struct conn c;
	struct sent_segment seg;
	char buf[8];

	if (!handshake(uk_test, &c))
		return;
	uknet_send(c.sock, "anyone?", 7);
	for (int i = 0; i < 9 && state_of(c.sock) != TCP_CLOSED; i++)
		harness_run_next_timer();
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_CLOSED);
	UK_TEST_EXPECT_EQ(uknet_stats()->tcp_timeouts, 1);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.flags & TCP_RST);
	UK_TEST_EXPECT_EQ(uknet_send(c.sock, "x", 1), -ETIMEDOUT);
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), -ETIMEDOUT);
	UK_TEST_EXPECT(uknet_events(c.sock) & UKNET_HANGUP);
	uknet_close(c.sock);
}

UK_TESTCASE(uknet_tcp, the_peer_closes_first)
{
	struct conn c;
	struct sent_segment seg;
	char buf[8];

	if (!handshake(uk_test, &c))
		return;
	peer_sends(&c, TCP_FIN, "bye", 3);
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_CLOSE_WAIT);
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), 3);
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), 0);
	UK_TEST_EXPECT(uknet_events(c.sock) & UKNET_HANGUP);
	/* The half-closed side may still send. */
	UK_TEST_EXPECT_EQ(uknet_send(c.sock, "ok", 2), 2);
	c.guest_next += 2;
	UK_TEST_EXPECT_EQ(uknet_close(c.sock), 0);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.flags & TCP_FIN);
	UK_TEST_EXPECT_EQ(seg.seq, c.guest_next);
	UK_TEST_EXPECT_EQ(seg.ack, c.peer_next);
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_LAST_ACK);
	peer_acks(&c, c.guest_next + 1, 65535);
	UK_TEST_EXPECT_EQ(uknet_socks[c.sock].kind, SOCK_FREE);
	UK_TEST_EXPECT_EQ(uknet_events(c.sock), -EBADF);
}

UK_TESTCASE(uknet_tcp, closing_first_ends_in_time_wait)
{
	struct conn c;
	struct sent_segment seg;

	if (!handshake(uk_test, &c))
		return;
	uknet_send(c.sock, "data", 4);
	uknet_close(c.sock);
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_FIN_WAIT_1);
	UK_TEST_ASSERT(last_sent(&seg));
	/* The FIN follows the data, here in the same segment. */
	UK_TEST_EXPECT(seg.flags & TCP_FIN);
	UK_TEST_EXPECT_EQ(seg.seq + seg.len, c.guest_next + 4);
	peer_acks(&c, c.guest_next + 5, 65535);
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_FIN_WAIT_2);
	harness_forget_sent();
	peer_sends(&c, TCP_FIN, 0, 0);
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_TIME_WAIT);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.flags == TCP_ACK && seg.ack == c.peer_next);
	/* The FIN again (our ACK was lost): acknowledged again. */
	harness_forget_sent();
	c.peer_next--;
	peer_sends(&c, TCP_FIN, 0, 0);
	UK_TEST_EXPECT(last_sent(&seg) && seg.ack == c.peer_next);
	UK_TEST_ASSERT(harness_run_next_timer());
	UK_TEST_EXPECT_EQ(uknet_socks[c.sock].kind, SOCK_FREE);
}

UK_TESTCASE(uknet_tcp, closed_ports_answer_with_reset)
{
	struct sent_segment seg;

	harness_start(true);
	deliver_tcp(&(struct peer_segment){ PEER_PORT, 81, 5000, 0, TCP_SYN, 65535, MSS });
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT_EQ(seg.flags, TCP_RST | TCP_ACK);
	UK_TEST_EXPECT(seg.seq == 0 && seg.ack == 5001);
	UK_TEST_EXPECT(seg.src_port == 81 && seg.dst_port == PEER_PORT);

	harness_forget_sent();
	deliver_tcp(&(struct peer_segment){ PEER_PORT, 81, 5000, 777, TCP_ACK, 65535, 0, "ab", 2 });
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT_EQ(seg.flags & (TCP_RST | TCP_SYN | TCP_FIN), TCP_RST);
	UK_TEST_EXPECT_EQ(seg.seq, 777);

	/* Never a reset for a reset. */
	harness_forget_sent();
	deliver_tcp(&(struct peer_segment){ PEER_PORT, 81, 5000, 0, TCP_RST, 0 });
	UK_TEST_EXPECT_EQ(harness_sent_count(), 0);
	UK_TEST_EXPECT_EQ(uknet_stats()->tcp_resets_sent, 2);
}

UK_TESTCASE(uknet_tcp, a_reset_must_hit_the_expected_sequence_number)
{
	struct conn c;
	struct sent_segment seg;
	char buf[8];

	if (!handshake(uk_test, &c))
		return;
	/* In the window but not exact: a challenge ACK, nothing more. */
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, c.peer_next + 100, 0, TCP_RST, 0 });
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_ESTABLISHED);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.flags == TCP_ACK && seg.ack == c.peer_next);
	/* A SYN on an open connection gets the same (RFC 5961). */
	harness_forget_sent();
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, c.peer_next, 0, TCP_SYN, 65535 });
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_ESTABLISHED);
	UK_TEST_EXPECT(last_sent(&seg) && seg.flags == TCP_ACK);

	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, c.peer_next, 0, TCP_RST, 0 });
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_CLOSED);
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), -ECONNRESET);
	UK_TEST_EXPECT_EQ(uknet_send(c.sock, "x", 1), -ECONNRESET);
	uknet_close(c.sock);
	UK_TEST_EXPECT_EQ(uknet_socks[c.sock].kind, SOCK_FREE);
}

UK_TESTCASE(uknet_tcp, segments_after_a_gap_wait_for_it)
{
	struct conn c;
	struct sent_segment seg;
	char buf[16];
	uint32_t first;

	if (!handshake(uk_test, &c))
		return;
	first = c.peer_next;
	c.peer_next += 4; /* "one " is lost */
	peer_sends(&c, 0, "two ", 4);
	peer_sends(&c, 0, "three", 5);
	UK_TEST_EXPECT_EQ(uknet_stats()->tcp_out_of_order, 2);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT_EQ(seg.ack, first); /* duplicate ACKs ask for it */
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), -EAGAIN);
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, first, c.guest_next, TCP_ACK, 65535, 0,
					    "one ", 4 });
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT_EQ(seg.ack, c.peer_next); /* everything, at once */
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), 13);
	UK_TEST_EXPECT(memcmp(buf, "one two three", 13) == 0);
}

UK_TESTCASE(uknet_tcp, data_kept_beyond_a_fin_is_forgotten)
{
	struct conn c;
	char buf[16];

	if (!handshake(uk_test, &c))
		return;
	/* Found by Fuzz/uknet: a FIN that ends before data kept after a gap. */
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, c.peer_next + 10, c.guest_next, TCP_ACK,
					    65535, 0, "late", 4 });
	peer_sends(&c, TCP_FIN, "123456789", 9);
	UK_TEST_EXPECT_EQ(state_of(c.sock), TCP_CLOSE_WAIT);
	UK_TEST_EXPECT_EQ(uknet_socks[c.sock].tcp.early_count, 0);
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), 9);
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, buf, sizeof(buf)), 0);
}

UK_TESTCASE(uknet_tcp, the_receive_window_closes_and_reopens)
{
	static const uint8_t chunk[MSS];
	static uint8_t sink[CONFIG_UKNET_RX_BUFFER];
	struct conn c;
	struct sent_segment seg;
	uint32_t sent = 0;

	if (!handshake(uk_test, &c))
		return;
	while (sent < CONFIG_UKNET_RX_BUFFER) {
		size_t len = CONFIG_UKNET_RX_BUFFER - sent < MSS ? CONFIG_UKNET_RX_BUFFER - sent : MSS;

		peer_sends(&c, 0, chunk, len);
		sent += (uint32_t)len;
	}
	uknet_wait(0);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.ack == c.peer_next && seg.window == 0);
	/* Beyond the window: not taken, acknowledged with the closed window. */
	harness_forget_sent();
	peer_sends(&c, 0, "x", 1);
	c.peer_next--;
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.ack == c.peer_next && seg.window == 0);
	/* Reading opens it; the update goes out with the next wait. */
	harness_forget_sent();
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, sink, sizeof(sink) / 2), sizeof(sink) / 2);
	uknet_wait(0);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT_EQ(seg.window, sizeof(sink) / 2);
	/* A small read does not move the edge a little (silly windows). */
	harness_forget_sent();
	UK_TEST_EXPECT_EQ(uknet_recv(c.sock, sink, 10), 10);
	uknet_wait(0);
	UK_TEST_EXPECT_EQ(sent_tcp_count(), 0);
}

UK_TESTCASE(uknet_tcp, a_closed_peer_window_is_probed)
{
	struct conn c;
	struct sent_segment seg;

	if (!handshake(uk_test, &c))
		return;
	peer_acks(&c, c.guest_next, 0);
	UK_TEST_EXPECT_EQ(uknet_send(c.sock, "waiting", 7), 7);
	UK_TEST_EXPECT_EQ(sent_tcp_count(), 0); /* nothing fits */
	UK_TEST_ASSERT(harness_run_next_timer());
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.seq == c.guest_next - 1 && seg.len == 0); /* an old byte: answer me */
	harness_forget_sent();
	peer_acks(&c, c.guest_next, 65535);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.seq == c.guest_next && seg.len == 7);
}

UK_TESTCASE(uknet_tcp, three_duplicate_acks_resend_at_once)
{
	static uint8_t data[4 * MSS];
	struct conn c;
	struct sent_segment seg;

	if (!handshake(uk_test, &c))
		return;
	UK_TEST_EXPECT_EQ(uknet_send(c.sock, data, sizeof(data)), sizeof(data));
	UK_TEST_EXPECT_EQ(sent_tcp_count(), 4);
	peer_acks(&c, c.guest_next + MSS, 65535); /* the second segment was lost */
	for (int i = 0; i < 3; i++)
		peer_acks(&c, c.guest_next + MSS, 65535);
	UK_TEST_EXPECT_EQ(uknet_stats()->tcp_retransmits, 1);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.seq == c.guest_next + MSS && seg.len == MSS);
}

UK_TESTCASE(uknet_tcp, a_lost_syn_ack_is_sent_again)
{
	struct sent_segment first, again;

	harness_start(true);
	listen_on_port(4);
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, PEER_ISN, 0, TCP_SYN, 65535, MSS });
	UK_TEST_ASSERT(sent_tcp(0, &first));
	/* The peer's SYN again, then our timer: a SYN-ACK each time. */
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, PEER_ISN, 0, TCP_SYN, 65535, MSS });
	UK_TEST_ASSERT(harness_run_next_timer());
	UK_TEST_EXPECT_EQ(sent_tcp_count(), 3);
	UK_TEST_ASSERT(sent_tcp(2, &again));
	UK_TEST_EXPECT(again.flags == (TCP_SYN | TCP_ACK) && again.seq == first.seq &&
		       again.ack == PEER_ISN + 1);
	/* Without an answer the half-open connection goes away. */
	while (harness_run_next_timer() && uk_timer_next_deadline() < uk_time_now_ns() + UK_TIME_S(100))
		;
	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++)
		UK_TEST_EXPECT(uknet_socks[i].kind != SOCK_TCP ||
			       uknet_socks[i].tcp.state != TCP_SYN_RECEIVED);
}

UK_TESTCASE(uknet_tcp, the_backlog_bounds_waiting_connections)
{
	harness_start(true);
	listen_on_port(1);
	deliver_tcp(&(struct peer_segment){ PEER_PORT, PORT, PEER_ISN, 0, TCP_SYN, 65535, MSS });
	deliver_tcp(&(struct peer_segment){ PEER_PORT + 1, PORT, PEER_ISN, 0, TCP_SYN, 65535, MSS });
	UK_TEST_EXPECT_EQ(sent_tcp_count(), 1);
	UK_TEST_EXPECT_EQ(uknet_stats()->tcp_backlog_full, 1);
}

UK_TESTCASE(uknet_tcp, closing_with_unread_data_resets)
{
	struct conn c;
	struct sent_segment seg;

	if (!handshake(uk_test, &c))
		return;
	peer_sends(&c, 0, "unread", 6);
	uknet_close(c.sock);
	UK_TEST_ASSERT(last_sent(&seg));
	UK_TEST_EXPECT(seg.flags & TCP_RST);
	UK_TEST_EXPECT_EQ(uknet_socks[c.sock].kind, SOCK_FREE);
}

UK_TESTCASE(uknet_tcp, malformed_segments_are_counted)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	struct peer_segment syn = { PEER_PORT, PORT, PEER_ISN, 0, TCP_SYN, 65535, MSS };
	size_t len;
	const size_t tcp = ETH_HEADER + IPV4_HEADER;

	harness_start(true);
	listen_on_port(4);
	len = build_tcp(frame, &syn);
	frame[tcp + 12] = 4 << 4; /* a 16-byte header */
	harness_deliver(frame, fix_tcp_checksum(frame, len));
	frame[tcp + 12] = 15 << 4; /* 60 bytes, longer than the segment */
	harness_deliver(frame, fix_tcp_checksum(frame, len));
	len = build_tcp(frame, &syn);
	frame[tcp + 21] = 40; /* an option running past the header */
	harness_deliver(frame, fix_tcp_checksum(frame, len));
	syn.port = 0;
	harness_deliver(frame, build_tcp(frame, &syn));
	UK_TEST_EXPECT_EQ(uknet_stats()->tcp_malformed, 4);
	syn.port = PEER_PORT;
	len = build_tcp(frame, &syn);
	frame[len - 1] ^= 0x40; /* the MSS changed, the checksum not */
	harness_deliver(frame, len);
	UK_TEST_EXPECT_EQ(uknet_stats()->tcp_bad_checksum, 1);
	UK_TEST_EXPECT_EQ(harness_sent_count(), 0);
}
