/*
 * TCP inside the stack: what its files share. tcp_input.c runs the state
 * machine on received segments, tcp_output.c builds and sends segments,
 * tcp_timer.c keeps the retransmission timeout and the timed states,
 * tcp_user.c is the application's side (listen, accept, send, recv, close).
 */
#ifndef UKNET_TCP_H
#define UKNET_TCP_H

#include <stdbool.h>
#include <stdint.h>

#include "sock.h"
#include "stack.h"

#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_RST 0x04
#define TCP_PSH 0x08
#define TCP_ACK 0x10

/* Sequence numbers compare modulo 2^32. */
#define SEQ_LT(a, b)  ((int32_t)((a) - (b)) < 0)
#define SEQ_LEQ(a, b) ((int32_t)((a) - (b)) <= 0)
#define SEQ_GT(a, b)  ((int32_t)((a) - (b)) > 0)
#define SEQ_GEQ(a, b) ((int32_t)((a) - (b)) >= 0)

#define TCP_DEFAULT_MSS 536   /* when the peer sends no MSS option (RFC 9293 3.7.1) */
#define TCP_MIN_MSS     64    /* smaller MSS options are raised to this */
#define TCP_WINDOW_MAX  65535 /* no window scaling */

/* A received segment whose header passed the checks. */
struct tcp_segment {
	uint16_t src_port, dst_port;
	uint32_t seq, ack;
	uint8_t flags;
	uint16_t window;
	uint16_t mss; /* the MSS option, 0 without one */
	const uint8_t *data;
	uint32_t len; /* data bytes, without SYN and FIN */
};

/* tcp_user.c */
void tcp_conn_init(struct sock *s);
int tcp_events(struct sock *s);
void tcp_close(struct sock *s); /* after the application let go of `s` */

/* tcp_output.c */
uint16_t tcp_our_mss(void);
/* The window to advertise now: the free receive buffer, except that small
 * increases are held back (receiver-side silly window avoidance). */
uint32_t tcp_receive_window(const struct sock *s);
/* Sends `len` bytes of the send ring from sequence number `seq`, with
 * `flags` (ACK always, so the acknowledgement owed is paid). */
void tcp_send_segment(struct sock *s, uint32_t seq, uint32_t len, uint8_t flags);
void tcp_send_ack(struct sock *s);
/* Owes the peer an ACK, which rides on the next segment to it or goes
 * alone at the next tcp_flush_acks. */
void tcp_owe_ack(struct sock *s);
/* Sends what the windows allow of the send ring, then FIN once queued. */
void tcp_output(struct sock *s);
/* Sends the oldest unacknowledged segment again. */
void tcp_retransmit_first(struct sock *s);
/* Aborts: tells the peer with RST. */
void tcp_send_reset(struct sock *s);
/* Answers a segment that belongs to no connection (RFC 9293 3.10.7.1). */
void tcp_reset_reply(uint32_t dst, const struct tcp_segment *seg);

/* tcp_reassembly.c: keeps data that came after a gap in the receive
 * ring; once the gap is filled, takes it in (moves rcv_nxt past it). */
void tcp_keep_early(struct sock *s, uint32_t seq, const uint8_t *data, uint32_t len);
void tcp_take_early(struct sock *s);

/* tcp_timer.c */
void tcp_timer_fire(struct uk_timer *timer, void *arg);
void tcp_rtt_sample(struct tcp_conn *c, uint64_t rtt_ns);
/* (Re)starts the timer with the backed-off retransmission timeout. */
void tcp_arm_retransmit(struct sock *s);
/* Arms the retransmission or probe timer when something waits for an
 * acknowledgement or a window, unless it is running; stops it otherwise. */
void tcp_update_timer(struct sock *s);
void tcp_enter_fin_wait_2(struct sock *s);
void tcp_enter_time_wait(struct sock *s);
/* Ends the connection with `error` (0, ECONNRESET, ETIMEDOUT) for the
 * application to see; frees it when the application has let go of it. */
void tcp_enter_closed(struct sock *s, int error);
/* The timer values a new connection starts with. */
void tcp_timing_init(struct tcp_conn *c);

#endif
