/*
 * TCP's clock. The retransmission timeout follows RFC 6298 (smoothed RTT
 * and variance from one timed segment at a time, Karn's rule, doubling on
 * each expiry) with Linux's 200 ms floor instead of the RFC's 1 s, which
 * is made for the Internet, not for a host next to its clients. One timer
 * per connection serves whichever wait its state has: a retransmission, a
 * zero-window probe, the end of FIN_WAIT_2 or of TIME_WAIT.
 */
#include <errno.h>
#include <uktime/time.h>

#include "tcp.h"

#define RTO_INITIAL        UK_TIME_S(1)
#define RTO_MIN            UK_TIME_MS(200)
#define RTO_MAX            UK_TIME_S(60)
#define SYN_ACK_RETRIES    5
#define DATA_RETRIES       8 /* about 100 s of silence from 200 ms on */
#define FIN_WAIT_2_TIMEOUT UK_TIME_S(60)
#define TIME_WAIT          UK_TIME_MS(CONFIG_UKNET_TCP_TIME_WAIT_MS)

void tcp_timing_init(struct tcp_conn *c)
{
	c->srtt = 0;
	c->rttvar = 0;
	c->rto = RTO_INITIAL;
	c->retries = 0;
	c->timing = false;
}

void tcp_rtt_sample(struct tcp_conn *c, uint64_t rtt)
{
	uint64_t rto;

	if (c->srtt == 0) {
		c->srtt = rtt ? rtt : 1;
		c->rttvar = rtt / 2;
	} else {
		uint64_t error = c->srtt > rtt ? c->srtt - rtt : rtt - c->srtt;

		c->rttvar = (3 * c->rttvar + error) / 4;
		c->srtt = (7 * c->srtt + rtt) / 8;
	}
	rto = c->srtt + 4 * c->rttvar;
	c->rto = rto < RTO_MIN ? RTO_MIN : rto > RTO_MAX ? RTO_MAX : rto;
}

static uint64_t backed_off_rto(const struct tcp_conn *c)
{
	uint64_t rto = c->rto;

	for (int i = 0; i < c->retries && rto < RTO_MAX; i++)
		rto *= 2;
	return rto < RTO_MAX ? rto : RTO_MAX;
}

void tcp_arm_retransmit(struct sock *s)
{
	uk_timer_arm(&s->tcp.timer, uk_time_now_ns() + backed_off_rto(&s->tcp));
}

void tcp_update_timer(struct sock *s)
{
	const struct tcp_conn *c = &s->tcp;
	bool waiting = c->snd_max != c->snd_una || (c->snd_wnd == 0 && s->tx.used > 0);

	if (!waiting)
		uk_timer_cancel(&s->tcp.timer);
	else if (!uk_timer_armed(&c->timer))
		tcp_arm_retransmit(s);
}

void tcp_enter_fin_wait_2(struct sock *s)
{
	/* Only a closed socket gets here; a peer that never sends its FIN
	 * must not keep it forever. */
	s->tcp.state = TCP_FIN_WAIT_2;
	uk_timer_arm(&s->tcp.timer, uk_time_now_ns() + FIN_WAIT_2_TIMEOUT);
}

void tcp_enter_time_wait(struct sock *s)
{
	s->tcp.state = TCP_TIME_WAIT;
	s->tcp.timing = false;
	uk_timer_arm(&s->tcp.timer, uk_time_now_ns() + TIME_WAIT);
}

void tcp_enter_closed(struct sock *s, int error)
{
	struct tcp_conn *c = &s->tcp;

	uk_timer_cancel(&c->timer);
	c->state = TCP_CLOSED;
	c->error = error;
	/* Nobody will look at it: the application closed it, or it was
	 * never accepted. */
	if (!s->open)
		sock_free(s);
}

/* Nothing came back for the oldest segment (or the SYN-ACK) in time. */
static void retransmit(struct sock *s)
{
	struct tcp_conn *c = &s->tcp;
	uint32_t flight = c->snd_max - c->snd_una;

	if (++c->retries > DATA_RETRIES) {
		COUNT(tcp_timeouts);
		tcp_send_reset(s);
		tcp_enter_closed(s, ETIMEDOUT);
		return;
	}
	/* RFC 5681 3.1: half the flight as threshold, one segment of
	 * congestion window; everything unacknowledged is sent again
	 * (go-back-N) as acknowledgements open the window. */
	c->ssthresh = flight / 2 > 2u * c->mss ? flight / 2 : 2u * c->mss;
	c->cwnd = c->mss;
	c->dupacks = 0;
	c->timing = false; /* Karn: no sample from a segment sent twice */
	c->snd_nxt = c->snd_una;
	COUNT(tcp_retransmits);
	tcp_output(s); /* sends one segment and re-arms the timer */
}

/* The peer's window is closed and data waits: an ACK with an old sequence
 * number (as Linux probes) makes the peer answer with its window. A
 * peer that answers keeps the probes going (process_ack resets the count);
 * one that stays silent is given up on as for a retransmission. */
static void probe_window(struct sock *s)
{
	struct tcp_conn *c = &s->tcp;

	if (++c->retries > DATA_RETRIES) {
		COUNT(tcp_timeouts);
		tcp_send_reset(s);
		tcp_enter_closed(s, ETIMEDOUT);
		return;
	}
	tcp_send_segment(s, c->snd_una - 1, 0, TCP_ACK);
	tcp_arm_retransmit(s);
}

void tcp_timer_fire(struct uk_timer *timer __attribute__((unused)), void *arg)
{
	struct sock *s = arg;
	struct tcp_conn *c = &s->tcp;

	switch (c->state) {
	case TCP_SYN_RECEIVED:
		if (++c->retries > SYN_ACK_RETRIES) {
			sock_free(s);
			return;
		}
		c->timing = false;
		tcp_send_segment(s, c->iss, 0, TCP_SYN);
		COUNT(tcp_retransmits);
		tcp_arm_retransmit(s);
		return;
	case TCP_FIN_WAIT_2:
	case TCP_TIME_WAIT:
		tcp_enter_closed(s, 0);
		return;
	case TCP_ESTABLISHED:
	case TCP_CLOSE_WAIT:
	case TCP_FIN_WAIT_1:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		if (c->snd_wnd == 0 && s->tx.used > 0)
			probe_window(s);
		else if (c->snd_max != c->snd_una)
			retransmit(s);
		return;
	default:
		return;
	}
}
