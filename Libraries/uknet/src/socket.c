/*
 * The socket table and the calls every kind of socket answers: socket,
 * bind, events, close. The protocol-specific calls are in udp.c and
 * tcp_user.c.
 */
#include <errno.h>
#include <string.h>
#include <uknet/socket.h>

#include "sock.h"
#include "stack.h"
#include "tcp.h"

#define EPHEMERAL_FIRST 49152

struct sock uknet_socks[CONFIG_UKNET_SOCKETS];
static uint16_t next_ephemeral = EPHEMERAL_FIRST;

static void reset_socket(struct sock *s, enum sock_kind kind)
{
	s->kind = kind;
	s->open = false;
	s->local_port = 0;
	s->remote_address = 0;
	s->remote_port = 0;
	ring_init(&s->rx, s->rx_space, sizeof(s->rx_space));
	ring_init(&s->tx, s->tx_space, sizeof(s->tx_space));
	tcp_conn_init(s);
}

struct sock *sock_alloc(enum sock_kind kind)
{
	struct sock *reusable = 0;

	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
		struct sock *s = &uknet_socks[i];

		if (s->kind == SOCK_FREE) {
			reusable = s;
			break;
		}
		if (!reusable && s->kind == SOCK_TCP && s->tcp.state == TCP_TIME_WAIT)
			reusable = s;
	}
	if (!reusable)
		return 0;
	uk_timer_cancel(&reusable->tcp.timer);
	reset_socket(reusable, kind);
	return reusable;
}

void sock_free(struct sock *s)
{
	uk_timer_cancel(&s->tcp.timer);
	s->kind = SOCK_FREE;
	s->open = false;
}

void sockets_reset(void)
{
	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++)
		sock_free(&uknet_socks[i]);
}

struct sock *sock_get(int handle, enum sock_kind kind)
{
	struct sock *s;

	if (handle < 0 || handle >= CONFIG_UKNET_SOCKETS)
		return 0;
	s = &uknet_socks[handle];
	return s->open && s->kind == kind ? s : 0;
}

static struct sock *open_socket(int handle)
{
	struct sock *s = sock_get(handle, SOCK_UDP);

	return s ? s : sock_get(handle, SOCK_TCP);
}

bool sock_port_taken(enum sock_kind kind, uint16_t port, const struct sock *except)
{
	for (size_t i = 0; i < CONFIG_UKNET_SOCKETS; i++) {
		const struct sock *s = &uknet_socks[i];

		/* TCP connections share their listener's port and do not count. */
		if (s != except && s->kind == kind && s->local_port == port && s->remote_port == 0)
			return true;
	}
	return false;
}

int uknet_socket(int type)
{
	struct sock *s;

	if (type != UKNET_UDP && type != UKNET_TCP)
		return -EINVAL;
	s = sock_alloc(type == UKNET_UDP ? SOCK_UDP : SOCK_TCP);
	if (!s)
		return -EMFILE;
	s->open = true;
	return sock_index(s);
}

static uint16_t free_port(enum sock_kind kind)
{
	for (int tries = 0; tries < 65536 - EPHEMERAL_FIRST; tries++) {
		uint16_t port = next_ephemeral;

		next_ephemeral = port == 65535 ? EPHEMERAL_FIRST : port + 1;
		if (!sock_port_taken(kind, port, 0))
			return port;
	}
	return 0;
}

int uknet_bind(int sock, uint16_t port)
{
	struct sock *s = open_socket(sock);

	if (!s)
		return -EBADF;
	if (s->local_port != 0 || (s->kind == SOCK_TCP && s->tcp.state != TCP_CLOSED))
		return -EINVAL;
	if (port == 0 && (port = free_port(s->kind)) == 0)
		return -EADDRINUSE;
	if (sock_port_taken(s->kind, port, s))
		return -EADDRINUSE;
	s->local_port = port;
	return 0;
}

int uknet_events(int sock)
{
	struct sock *s = open_socket(sock);

	if (!s)
		return -EBADF;
	if (s->kind == SOCK_UDP)
		return (s->rx.used ? UKNET_READABLE : 0) | UKNET_WRITABLE;
	return tcp_events(s);
}

int uknet_close(int sock)
{
	struct sock *s = open_socket(sock);

	if (!s)
		return -EBADF;
	s->open = false;
	if (s->kind == SOCK_UDP)
		sock_free(s);
	else
		tcp_close(s);
	return 0;
}
