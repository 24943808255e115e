/*
 * TCP segments out: the header (and the MSS option on SYN), the data copied
 * from the send ring, the checksum; what may be sent given the peer's
 * window and the congestion window (RFC 5681); acknowledgements, which
 * wait for data to ride on until tcp_flush_acks; resets.
 */
#include <uktime/time.h>

#include "checksum.h"
#include "tcp.h"

#define MSS_OPTION 4

static uint32_t min_u32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

uint16_t tcp_our_mss(void)
{
	return (uint16_t)(uknet_iface.mtu - IPV4_HEADER - TCP_HEADER);
}

uint32_t tcp_receive_window(const struct sock *s)
{
	const struct tcp_conn *c = &s->tcp;
	uint32_t space = min_u32(ring_free(&s->rx), TCP_WINDOW_MAX);
	uint32_t advertised = SEQ_GT(c->rcv_adv, c->rcv_nxt) ? c->rcv_adv - c->rcv_nxt : 0;
	uint32_t step = min_u32(s->rx.size / 2, c->mss);

	/* RFC 1122 4.2.3.3: move the right edge by at least `step`; never
	 * back (the space covers what was advertised: data only fills it). */
	return space < advertised + step ? advertised : space;
}

static void finish_and_send(uint32_t dst, uint8_t *header, size_t len)
{
	uint64_t sum = checksum_pseudo_header(uknet_iface.config.address, dst, IPV4_PROTO_TCP,
					      (uint16_t)len);

	store_checksum(header + 16, checksum_finish(checksum_add(sum, header, len)));
	ipv4_send(dst, IPV4_PROTO_TCP, len);
}

void tcp_send_segment(struct sock *s, uint32_t seq, uint32_t len, uint8_t flags)
{
	struct tcp_conn *c = &s->tcp;
	uint8_t *header = uknet_tx_frame + TX_TRANSPORT;
	size_t header_len = TCP_HEADER + (flags & TCP_SYN ? MSS_OPTION : 0);
	uint32_t window = tcp_receive_window(s);

	put16(header, s->local_port);
	put16(header + 2, s->remote_port);
	put32(header + 4, seq);
	put32(header + 8, c->rcv_nxt);
	header[12] = (uint8_t)(header_len / 4 << 4);
	header[13] = flags | TCP_ACK;
	put16(header + 14, (uint16_t)window);
	put32(header + 16, 0); /* checksum, urgent pointer */
	if (flags & TCP_SYN) {
		header[20] = 2; /* MSS */
		header[21] = MSS_OPTION;
		put16(header + 22, tcp_our_mss());
	}
	if (len)
		ring_peek(&s->tx, seq - c->snd_una, header + header_len, len);
	c->rcv_adv = c->rcv_nxt + window;
	c->rcv_acked = c->rcv_nxt;
	c->ack_pending = false;
	finish_and_send(s->remote_address, header, header_len + len);
}

void tcp_send_ack(struct sock *s)
{
	tcp_send_segment(s, s->tcp.snd_nxt, 0, TCP_ACK);
}

void tcp_send_reset(struct sock *s)
{
	tcp_send_segment(s, s->tcp.snd_max, 0, TCP_RST);
	COUNT(tcp_resets_sent);
}

void tcp_reset_reply(uint32_t dst, const struct tcp_segment *seg)
{
	uint8_t *header = uknet_tx_frame + TX_TRANSPORT;
	uint32_t seq = 0, ack = 0;
	uint8_t flags = TCP_RST;

	if (seg->flags & TCP_RST)
		return;
	if (seg->flags & TCP_ACK) {
		seq = seg->ack;
	} else {
		ack = seg->seq + seg->len + !!(seg->flags & TCP_SYN) + !!(seg->flags & TCP_FIN);
		flags |= TCP_ACK;
	}
	put16(header, seg->dst_port);
	put16(header + 2, seg->src_port);
	put32(header + 4, seq);
	put32(header + 8, ack);
	header[12] = TCP_HEADER / 4 << 4;
	header[13] = flags;
	put16(header + 14, 0);
	put32(header + 16, 0);
	finish_and_send(dst, header, TCP_HEADER);
	COUNT(tcp_resets_sent);
}

static bool sends_data(enum tcp_state state)
{
	return state == TCP_ESTABLISHED || state == TCP_CLOSE_WAIT || state == TCP_FIN_WAIT_1 ||
	       state == TCP_CLOSING || state == TCP_LAST_ACK;
}

void tcp_output(struct sock *s)
{
	struct tcp_conn *c = &s->tcp;

	if (!sends_data(c->state))
		return;
	for (;;) {
		uint32_t offset = c->snd_nxt - c->snd_una;
		uint32_t window = min_u32(c->snd_wnd, c->cwnd);
		uint32_t len;
		uint8_t flags = TCP_ACK;
		bool fin;

		if (offset > s->tx.used)
			break; /* the FIN is out */
		len = min_u32(s->tx.used - offset, c->mss);
		if (offset + len > window)
			len = window > offset ? window - offset : 0;
		/* The FIN needs no window: it carries no data. */
		fin = c->fin_queued && offset + len == s->tx.used;
		if (len == 0 && !fin)
			break;
		if (fin)
			flags |= TCP_FIN;
		if (len && offset + len == s->tx.used)
			flags |= TCP_PSH;
		if (!c->timing && SEQ_GEQ(c->snd_nxt, c->snd_max)) {
			c->timing = true;
			c->timed_seq = c->snd_nxt + len + fin;
			c->timed_at = uk_time_now_ns();
		}
		/* A frame the device refuses counts as lost: the timer resends. */
		tcp_send_segment(s, c->snd_nxt, len, flags);
		c->snd_nxt += len + fin;
		if (SEQ_GT(c->snd_nxt, c->snd_max))
			c->snd_max = c->snd_nxt;
		if (fin)
			break;
	}
	tcp_update_timer(s);
}

void tcp_retransmit_first(struct sock *s)
{
	struct tcp_conn *c = &s->tcp;
	uint32_t len = min_u32(s->tx.used, c->mss);
	uint8_t flags = TCP_ACK;

	if (c->fin_queued && len == s->tx.used)
		flags |= TCP_FIN;
	if (len && len == s->tx.used)
		flags |= TCP_PSH;
	if (len == 0 && !(flags & TCP_FIN))
		return;
	c->timing = false; /* Karn: no sample from a segment sent twice */
	tcp_send_segment(s, c->snd_una, len, flags);
	COUNT(tcp_retransmits);
}

/* Whether some connection may owe an ACK: uknet_poll and uknet_wait flush
 * each time, and a scan of every socket for nothing costs ~90 emulated
 * instructions, 7% of a UDP echo's. */
static bool acks_owed;

void tcp_owe_ack(struct sock *s)
{
	s->tcp.ack_pending = true;
	acks_owed = true;
}

void tcp_flush_acks(void)
{
	if (!acks_owed)
		return;
	acks_owed = false;
	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
		struct sock *s = &uknet_socks[i];

		if (s->kind == SOCK_TCP && s->tcp.ack_pending)
			tcp_send_ack(s);
	}
}
