/*
 * The socket table. One fixed array holds every socket, with its buffers:
 * a UDP socket queues received datagrams in its receive ring; a TCP
 * connection keeps received bytes in it and unacknowledged ones in its send
 * ring. A TCP connection the application closed stays in the table (no
 * longer `open`) until the protocol is done with it.
 */
#ifndef UKNET_SOCK_H
#define UKNET_SOCK_H

#include <unikit/config.h>
#include <stdbool.h>
#include <stdint.h>
#include <uktime/timer.h>

#include "ring.h"

enum sock_kind { SOCK_FREE, SOCK_UDP, SOCK_TCP };

/* RFC 9293's states, less SYN-SENT: connections are only accepted. */
enum tcp_state {
	TCP_CLOSED,
	TCP_LISTEN,
	TCP_SYN_RECEIVED,
	TCP_ESTABLISHED,
	TCP_CLOSE_WAIT,
	TCP_FIN_WAIT_1,
	TCP_FIN_WAIT_2,
	TCP_CLOSING,
	TCP_LAST_ACK,
	TCP_TIME_WAIT,
};

/* Sequence numbers [start, end) received ahead of a gap, in the receive
 * ring beyond its used bytes (tcp_reassembly.c). */
#define TCP_EARLY_RANGES 4
struct tcp_range {
	uint32_t start, end;
};

struct tcp_conn {
	enum tcp_state state;
	int listener;          /* the listener's index until accepted, else -1 */
	int backlog;           /* a listener's */
	uint32_t accept_order; /* accept takes the smallest (the oldest) */
	int error;             /* ECONNRESET or ETIMEDOUT once the connection failed */

	/* Sending, with RFC 9293's names; snd_max is the highest sequence
	 * number sent, which snd_nxt falls behind when retransmitting. */
	uint32_t iss, snd_una, snd_nxt, snd_max, snd_wnd, snd_wl1, snd_wl2;
	uint32_t cwnd, ssthresh;
	uint16_t mss;
	uint8_t dupacks;
	bool fin_queued; /* the application closed: FIN follows the data */

	/* Receiving: rcv_adv is the right edge of the window last advertised,
	 * rcv_acked the acknowledgement last sent. */
	uint32_t irs, rcv_nxt, rcv_adv, rcv_acked;
	struct tcp_range early[TCP_EARLY_RANGES]; /* data kept beyond rcv_nxt */
	uint8_t early_count;
	bool fin_received;
	bool ack_pending; /* an ACK is owed; it may ride on data */

	/* Retransmission (RFC 6298): one segment timed at a time. */
	bool timing;
	uint32_t timed_seq;
	uint64_t timed_at;
	uint64_t srtt, rttvar, rto;
	uint8_t retries;
	struct uk_timer timer; /* retransmission, probes, FIN_WAIT_2, TIME_WAIT */
};

struct sock {
	enum sock_kind kind;
	bool open; /* the application holds it */
	uint16_t local_port;
	uint32_t remote_address;
	uint16_t remote_port;
	struct ring rx, tx;
	struct tcp_conn tcp;
	uint8_t rx_space[CONFIG_UKNET_RX_BUFFER];
	uint8_t tx_space[CONFIG_UKNET_TX_BUFFER];
};

extern struct sock uknet_socks[CONFIG_UKNET_SOCKETS];

static inline int sock_index(const struct sock *s)
{
	return (int)(s - uknet_socks);
}

/* A fresh socket of `kind`, not yet open, with empty rings; NULL when all
 * are taken and none lingers in TIME_WAIT to be reused. */
struct sock *sock_alloc(enum sock_kind kind);

/* Returns `s` to the free ones; cancels its timer. */
void sock_free(struct sock *s);

/* The open socket `handle` names, if it is of `kind`; NULL otherwise. */
struct sock *sock_get(int handle, enum sock_kind kind);

/* Whether a socket of `kind` other than `except` has `port`: bound UDP
 * sockets, listening TCP ones. */
bool sock_port_taken(enum sock_kind kind, uint16_t port, const struct sock *except);

#endif
