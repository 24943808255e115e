/*
 * TCP segments in (RFC 9293 3.10.7, with RFC 5961's checks on RST and
 * SYN): the header and options are checked against the lengths that came
 * with the packet; the segment goes to its connection, else to a listener
 * (a SYN opens a connection), else gets a RST. Out-of-order data is not
 * kept: it is dropped and the duplicate ACK makes the sender resend.
 */
#include <errno.h>
#include <stdlib.h>
#include <uktime/time.h>

#include "checksum.h"
#include "tcp.h"

#define OPTION_END 0
#define OPTION_NOP 1
#define OPTION_MSS 2

static uint32_t next_accept_order;

static bool parse_options(const uint8_t *p, size_t len, struct tcp_segment *seg)
{
	while (len > 0) {
		size_t option_len;

		if (p[0] == OPTION_END)
			break;
		if (p[0] == OPTION_NOP) {
			p++, len--;
			continue;
		}
		if (len < 2 || (option_len = p[1]) < 2 || option_len > len)
			return false;
		if (p[0] == OPTION_MSS) {
			if (option_len != 4)
				return false;
			seg->mss = get16(p + 2);
		}
		p += option_len;
		len -= option_len;
	}
	return true;
}

static bool parse_segment(const struct ipv4_packet *ip, struct tcp_segment *seg)
{
	const uint8_t *header = ip->payload;
	size_t header_len = (size_t)(header[12] >> 4) * 4;

	if (header_len < TCP_HEADER || header_len > ip->payload_len)
		return false;
	seg->src_port = get16(header);
	seg->dst_port = get16(header + 2);
	seg->seq = get32(header + 4);
	seg->ack = get32(header + 8);
	seg->flags = header[13] & (TCP_FIN | TCP_SYN | TCP_RST | TCP_PSH | TCP_ACK);
	seg->window = get16(header + 14);
	seg->mss = 0;
	seg->data = header + header_len;
	seg->len = (uint32_t)(ip->payload_len - header_len);
	if (seg->src_port == 0 || seg->dst_port == 0)
		return false;
	return parse_options(header + TCP_HEADER, header_len - TCP_HEADER, seg);
}

static struct sock *find_connection(uint32_t address, const struct tcp_segment *seg)
{
	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
		struct sock *s = &uknet_socks[i];

		if (s->kind == SOCK_TCP && s->tcp.state != TCP_CLOSED &&
		    s->tcp.state != TCP_LISTEN && s->remote_address == address &&
		    s->remote_port == seg->src_port && s->local_port == seg->dst_port)
			return s;
	}
	return 0;
}

static struct sock *find_listener(uint16_t port)
{
	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
		struct sock *s = &uknet_socks[i];

		if (s->kind == SOCK_TCP && s->tcp.state == TCP_LISTEN && s->local_port == port)
			return s;
	}
	return 0;
}

static int waiting_connections(const struct sock *listener)
{
	int count = 0;

	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++)
		if (uknet_socks[i].kind == SOCK_TCP &&
		    uknet_socks[i].tcp.listener == sock_index(listener))
			count++;
	return count;
}

/* A SYN for a listening port: a connection in SYN_RECEIVED, and our SYN-ACK. */
static void open_connection(struct sock *listener, uint32_t address, const struct tcp_segment *seg)
{
	struct sock *s;
	struct tcp_conn *c;
	uint32_t iss;

	if (waiting_connections(listener) >= listener->tcp.backlog ||
	    !(s = sock_alloc(SOCK_TCP))) {
		COUNT(tcp_backlog_full);
		return;
	}
	arc4random_buf(&iss, sizeof(iss));
	s->local_port = seg->dst_port;
	s->remote_address = address;
	s->remote_port = seg->src_port;
	c = &s->tcp;
	c->state = TCP_SYN_RECEIVED;
	c->listener = sock_index(listener);
	c->irs = seg->seq;
	c->rcv_nxt = seg->seq + 1;
	c->rcv_adv = c->rcv_nxt;
	c->iss = iss;
	c->snd_una = iss;
	c->snd_nxt = iss + 1;
	c->snd_max = iss + 1;
	c->snd_wnd = seg->window;
	c->snd_wl1 = seg->seq;
	c->snd_wl2 = iss;
	c->mss = seg->mss ? seg->mss : TCP_DEFAULT_MSS;
	if (c->mss > tcp_our_mss())
		c->mss = tcp_our_mss();
	if (c->mss < TCP_MIN_MSS)
		c->mss = TCP_MIN_MSS;
	/* RFC 6928's initial window: min(10 MSS, max(2 MSS, 14600)). */
	c->cwnd = 10u * c->mss;
	if (c->cwnd > 14600)
		c->cwnd = 14600 > 2u * c->mss ? 14600 : 2u * c->mss;
	c->ssthresh = TCP_WINDOW_MAX;
	tcp_timing_init(c);
	c->timing = true;
	c->timed_seq = c->snd_max;
	c->timed_at = uk_time_now_ns();
	tcp_send_segment(s, iss, 0, TCP_SYN);
	tcp_arm_retransmit(s);
}

static void listen_input(struct sock *listener, uint32_t address, const struct tcp_segment *seg)
{
	if (seg->flags & TCP_RST)
		return;
	if (seg->flags & TCP_ACK) {
		tcp_reset_reply(address, seg);
		return;
	}
	if (seg->flags & TCP_SYN)
		open_connection(listener, address, seg);
}

static uint32_t segment_length(const struct tcp_segment *seg)
{
	return seg->len + !!(seg->flags & TCP_SYN) + !!(seg->flags & TCP_FIN);
}

static uint32_t receive_space(const struct sock *s)
{
	return ring_free(&s->rx) < TCP_WINDOW_MAX ? ring_free(&s->rx) : TCP_WINDOW_MAX;
}

/* Whether the segment touches the receive window: it ends at rcv_nxt or
 * later and starts at its right edge or before. Looser than RFC 9293's
 * test, as Linux's: a segment right at the edge or beyond rcv_nxt (after
 * a lost one) still has its ACK processed, and its data is then cut off
 * or dropped; without that, a sender whose ACKs carry a sequence number at
 * our window's edge would never have its acknowledgements seen. */
static bool acceptable(const struct sock *s, const struct tcp_segment *seg)
{
	uint32_t rcv_nxt = s->tcp.rcv_nxt;

	return SEQ_GEQ(seg->seq + segment_length(seg), rcv_nxt) &&
	       SEQ_LEQ(seg->seq, rcv_nxt + receive_space(s));
}

/* Three duplicate ACKs: the segment after them was lost (RFC 5681 3.2). */
static void duplicate_ack(struct sock *s)
{
	struct tcp_conn *c = &s->tcp;
	uint32_t flight = c->snd_max - c->snd_una;

	if (++c->dupacks != 3)
		return;
	c->ssthresh = flight / 2 > 2u * c->mss ? flight / 2 : 2u * c->mss;
	c->cwnd = c->ssthresh;
	tcp_retransmit_first(s);
}

/* An ACK for data (or our SYN or FIN) not acknowledged before. Returns
 * false when the connection ended with it. */
static bool new_ack(struct sock *s, const struct tcp_segment *seg)
{
	struct tcp_conn *c = &s->tcp;
	uint32_t acked = seg->ack - c->snd_una;
	uint32_t data = acked < s->tx.used ? acked : s->tx.used;
	bool fin_acked = c->fin_queued && acked > s->tx.used;

	ring_drop(&s->tx, data);
	c->snd_una = seg->ack;
	if (SEQ_LT(c->snd_nxt, c->snd_una))
		c->snd_nxt = c->snd_una;
	if (c->timing && SEQ_GEQ(seg->ack, c->timed_seq)) {
		tcp_rtt_sample(c, uk_time_now_ns() - c->timed_at);
		c->timing = false;
	}
	c->retries = 0;
	c->dupacks = 0;
	if (c->cwnd < c->ssthresh)
		c->cwnd += acked < c->mss ? acked : c->mss; /* slow start */
	else
		c->cwnd += c->mss * c->mss / c->cwnd > 0 ? c->mss * c->mss / c->cwnd : 1;
	if (c->cwnd > (1u << 30))
		c->cwnd = 1u << 30;
	uk_timer_cancel(&c->timer); /* restarted for what is still unacknowledged */
	tcp_update_timer(s);
	if (!fin_acked)
		return true;
	switch (c->state) {
	case TCP_FIN_WAIT_1:
		tcp_enter_fin_wait_2(s);
		return true;
	case TCP_CLOSING:
		tcp_enter_time_wait(s);
		return true;
	case TCP_LAST_ACK:
		tcp_enter_closed(s, 0);
		return false;
	default:
		return true;
	}
}

/* The ACK field; returns false when the segment goes no further. */
static bool process_ack(struct sock *s, const struct tcp_segment *seg)
{
	struct tcp_conn *c = &s->tcp;

	if (c->state == TCP_SYN_RECEIVED) {
		if (SEQ_LEQ(seg->ack, c->snd_una) || SEQ_GT(seg->ack, c->snd_max)) {
			tcp_reset_reply(s->remote_address, seg);
			return false;
		}
		c->state = TCP_ESTABLISHED;
		c->accept_order = next_accept_order++;
		c->snd_wnd = seg->window;
		c->snd_wl1 = seg->seq;
		c->snd_wl2 = seg->ack;
	}
	if (SEQ_GT(seg->ack, c->snd_max)) {
		tcp_send_ack(s); /* acknowledges what was never sent */
		return false;
	}
	if (SEQ_LT(seg->ack, c->snd_una))
		return true; /* an old duplicate: its data may still be new */
	if (SEQ_GT(seg->ack, c->snd_una)) {
		if (!new_ack(s, seg))
			return false;
	} else if (seg->len == 0 && !(seg->flags & TCP_FIN) && seg->window == c->snd_wnd &&
		   c->snd_max != c->snd_una) {
		duplicate_ack(s);
	}
	if (SEQ_LT(c->snd_wl1, seg->seq) || (c->snd_wl1 == seg->seq && SEQ_LEQ(c->snd_wl2, seg->ack))) {
		c->snd_wnd = seg->window;
		c->snd_wl1 = seg->seq;
		c->snd_wl2 = seg->ack;
	}
	/* A peer answering with a closed window is alive: keep probing. */
	if (c->snd_wnd == 0)
		c->retries = 0;
	return true;
}

static bool receives_data(enum tcp_state state)
{
	return state == TCP_ESTABLISHED || state == TCP_FIN_WAIT_1 || state == TCP_FIN_WAIT_2;
}

static void fin_arrived(struct sock *s)
{
	struct tcp_conn *c = &s->tcp;

	c->rcv_nxt++;
	c->fin_received = true;
	c->early_count = 0; /* nothing comes after a FIN: a sender's mistake */
	switch (c->state) {
	case TCP_ESTABLISHED:
		/* The ACK waits to ride on the application's reply or FIN. */
		c->state = TCP_CLOSE_WAIT;
		tcp_owe_ack(s);
		return;
	case TCP_FIN_WAIT_1:
		c->state = TCP_CLOSING;
		break;
	default: /* FIN_WAIT_2 */
		tcp_enter_time_wait(s);
	}
	tcp_send_ack(s);
}

/* The data and FIN of an acceptable segment. */
static void process_text(struct sock *s, const struct tcp_segment *seg)
{
	struct tcp_conn *c = &s->tcp;
	const uint8_t *data = seg->data;
	uint32_t seq = seg->seq, len = seg->len;
	bool fin = seg->flags & TCP_FIN;

	if (SEQ_LT(seq, c->rcv_nxt)) { /* partly or wholly seen before */
		uint32_t seen = c->rcv_nxt - seq;

		if (seen > len) {
			/* A FIN again in TIME_WAIT: our ACK was lost; wait anew. */
			if (fin && c->state == TCP_TIME_WAIT)
				tcp_enter_time_wait(s);
			len = 0;
			fin = false;
		} else {
			data += seen;
			len -= seen;
		}
		seq = c->rcv_nxt;
		if (len == 0 && !fin) {
			tcp_send_ack(s); /* the sender missed our ACK: at once */
			return;
		}
	}
	if ((len == 0 && !fin) || !receives_data(c->state))
		return;
	if (!s->open && c->listener < 0 && len > 0) {
		/* Closed by the application: nobody will read it (as Linux). */
		tcp_send_reset(s);
		tcp_enter_closed(s, 0);
		return;
	}
	if (seq != c->rcv_nxt) {
		COUNT(tcp_out_of_order);
		/* A FIN after a gap is not kept: the sender sends it again. */
		tcp_keep_early(s, seq, data, len);
		tcp_send_ack(s); /* the duplicate ACK that asks for the gap */
		return;
	}
	if (len > ring_free(&s->rx)) {
		/* Beyond the window: the ACK tells the sender where it is. */
		len = ring_free(&s->rx);
		fin = false;
		tcp_owe_ack(s);
		if (len == 0) {
			tcp_send_ack(s);
			return;
		}
	}
	ring_write(&s->rx, data, len);
	c->rcv_nxt += len;
	if (c->early_count) {
		tcp_take_early(s);
		if (c->rcv_nxt != seq + len)
			fin = false; /* a sender's mistake: data kept beyond its FIN */
	}
	if (len) {
		tcp_owe_ack(s);
		/* RFC 9293 3.8.6.3: at least every second full segment; and at
		 * once when a gap was just filled, so the sender learns it. */
		if (c->rcv_nxt - c->rcv_acked >= 2u * c->mss || c->rcv_nxt != seq + len)
			tcp_send_ack(s);
	}
	if (fin)
		fin_arrived(s);
}

static void reset_arrived(struct sock *s, const struct tcp_segment *seg)
{
	if (seg->seq != s->tcp.rcv_nxt) {
		tcp_send_ack(s); /* RFC 5961 3.2: challenge ACK */
		return;
	}
	tcp_enter_closed(s, ECONNRESET);
}

static void segment_arrives(struct sock *s, const struct tcp_segment *seg)
{
	struct tcp_conn *c = &s->tcp;

	/* Our SYN-ACK was lost and the peer asks again. */
	if (c->state == TCP_SYN_RECEIVED && (seg->flags & (TCP_SYN | TCP_ACK | TCP_RST)) == TCP_SYN &&
	    seg->seq == c->irs) {
		tcp_send_segment(s, c->iss, 0, TCP_SYN);
		return;
	}
	if (!acceptable(s, seg)) {
		COUNT(tcp_out_of_window);
		if (seg->flags & TCP_RST)
			return;
		/* A FIN sent again in TIME_WAIT: our ACK was lost; wait anew. */
		if (c->state == TCP_TIME_WAIT && (seg->flags & TCP_FIN))
			tcp_enter_time_wait(s);
		tcp_send_ack(s);
		return;
	}
	if (seg->flags & TCP_RST) {
		reset_arrived(s, seg);
		return;
	}
	if (seg->flags & TCP_SYN) {
		tcp_send_ack(s); /* RFC 5961 4.2: challenge ACK */
		return;
	}
	if (!(seg->flags & TCP_ACK) || !process_ack(s, seg))
		return;
	process_text(s, seg);
	if (s->kind == SOCK_TCP)
		tcp_output(s);
}

void tcp_input(const struct ipv4_packet *ip)
{
	struct tcp_segment seg;
	struct sock *s;

	if (ip->to_broadcast || ip->payload_len < TCP_HEADER) {
		COUNT(tcp_malformed);
		return;
	}
	if (checksum_finish(checksum_add(checksum_pseudo_header(ip->src, ip->dst, IPV4_PROTO_TCP,
								(uint16_t)ip->payload_len),
					 ip->payload, ip->payload_len)) != 0) {
		COUNT(tcp_bad_checksum);
		return;
	}
	if (!parse_segment(ip, &seg)) {
		COUNT(tcp_malformed);
		return;
	}
	s = find_connection(ip->src, &seg);
	/* A new SYN may take over a connection in TIME_WAIT (RFC 1122 4.2.2.13). */
	if (s && s->tcp.state == TCP_TIME_WAIT &&
	    (seg.flags & (TCP_SYN | TCP_ACK | TCP_RST)) == TCP_SYN && SEQ_GT(seg.seq, s->tcp.rcv_nxt)) {
		sock_free(s);
		s = 0;
	}
	if (s) {
		segment_arrives(s, &seg);
		return;
	}
	s = find_listener(seg.dst_port);
	if (s)
		listen_input(s, ip->src, &seg);
	else
		tcp_reset_reply(ip->src, &seg);
}
