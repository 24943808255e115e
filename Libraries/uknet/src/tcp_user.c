/*
 * TCP from the application's side (uknet/socket.h): listening, accepting,
 * sending into the send ring, reading from the receive ring, closing.
 */
#include <errno.h>
#include <string.h>
#include <uknet/socket.h>

#include "tcp.h"

void tcp_conn_init(struct sock *s)
{
	memset(&s->tcp, 0, sizeof(s->tcp));
	s->tcp.listener = -1;
	uk_timer_init(&s->tcp.timer, tcp_timer_fire, s);
}

int uknet_listen(int sock, int backlog)
{
	struct sock *s = sock_get(sock, SOCK_TCP);

	if (!s)
		return -EBADF;
	if (s->local_port == 0 || (s->tcp.state != TCP_CLOSED && s->tcp.state != TCP_LISTEN) ||
	    s->remote_port != 0)
		return -EINVAL;
	if (backlog < 1)
		backlog = 1;
	s->tcp.backlog = backlog < CONFIG_UKNET_SOCKETS ? backlog : CONFIG_UKNET_SOCKETS;
	s->tcp.state = TCP_LISTEN;
	return 0;
}

/* The oldest connection of `listener` done with its handshake, if any. */
static struct sock *first_waiting(const struct sock *listener)
{
	struct sock *first = 0;

	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
		struct sock *s = &uknet_socks[i];

		if (s->kind != SOCK_TCP || s->tcp.listener != sock_index(listener) ||
		    s->tcp.state == TCP_SYN_RECEIVED)
			continue;
		if (!first || (int32_t)(s->tcp.accept_order - first->tcp.accept_order) < 0)
			first = s;
	}
	return first;
}

int uknet_accept(int sock, struct uknet_endpoint *peer)
{
	struct sock *listener = sock_get(sock, SOCK_TCP), *s;

	if (!listener)
		return -EBADF;
	if (listener->tcp.state != TCP_LISTEN)
		return -EINVAL;
	s = first_waiting(listener);
	if (!s)
		return -EAGAIN;
	s->tcp.listener = -1;
	s->open = true;
	if (peer)
		*peer = (struct uknet_endpoint){ s->remote_address, s->remote_port };
	return sock_index(s);
}

static bool connected(const struct tcp_conn *c)
{
	return c->state == TCP_ESTABLISHED || c->state == TCP_CLOSE_WAIT;
}

int uknet_send(int sock, const void *buf, size_t len)
{
	struct sock *s = sock_get(sock, SOCK_TCP);
	uint32_t taken;

	if (!s)
		return -EBADF;
	if (s->tcp.error)
		return -s->tcp.error;
	if (!connected(&s->tcp))
		return -ENOTCONN;
	if (len == 0)
		return 0;
	taken = ring_write(&s->tx, buf, len < s->tx.size ? (uint32_t)len : s->tx.size);
	if (taken == 0)
		return -EAGAIN;
	tcp_output(s);
	return (int)taken;
}

int uknet_recv(int sock, void *buf, size_t size)
{
	struct sock *s = sock_get(sock, SOCK_TCP);
	struct tcp_conn *c;
	uint32_t got;

	if (!s)
		return -EBADF;
	c = &s->tcp;
	got = ring_read(&s->rx, buf, size < s->rx.size ? (uint32_t)size : s->rx.size);
	if (got > 0) {
		uint32_t advertised = SEQ_GT(c->rcv_adv, c->rcv_nxt) ? c->rcv_adv - c->rcv_nxt : 0;

		/* A window worth announcing: the ACK carries it. */
		if (c->state == TCP_ESTABLISHED && tcp_receive_window(s) > advertised)
			tcp_owe_ack(s);
		return (int)got;
	}
	if (c->fin_received)
		return 0;
	if (c->error)
		return -c->error;
	return connected(c) ? -EAGAIN : -ENOTCONN;
}

int tcp_events(struct sock *s)
{
	const struct tcp_conn *c = &s->tcp;
	int events = 0;

	if (c->state == TCP_LISTEN)
		return first_waiting(s) ? UKNET_READABLE : 0;
	if (s->rx.used || c->fin_received || c->error)
		events |= UKNET_READABLE;
	if (connected(c) && ring_free(&s->tx))
		events |= UKNET_WRITABLE;
	if (c->fin_received || c->error)
		events |= UKNET_HANGUP;
	return events;
}

void tcp_close(struct sock *s)
{
	struct tcp_conn *c = &s->tcp;

	switch (c->state) {
	case TCP_LISTEN:
		for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
			struct sock *waiting = &uknet_socks[i];

			if (waiting->kind == SOCK_TCP && waiting->tcp.listener == sock_index(s)) {
				tcp_send_reset(waiting);
				sock_free(waiting);
			}
		}
		sock_free(s);
		return;
	case TCP_ESTABLISHED:
	case TCP_CLOSE_WAIT:
		if (s->rx.used > 0) {
			/* Unread data: the peer must learn it was not read. */
			tcp_send_reset(s);
			tcp_enter_closed(s, 0);
			return;
		}
		c->fin_queued = true;
		c->state = c->state == TCP_ESTABLISHED ? TCP_FIN_WAIT_1 : TCP_LAST_ACK;
		tcp_output(s);
		return;
	default:
		sock_free(s);
	}
}
