/*
 * Sockets: small integers, as file descriptors are. Nothing blocks: a call
 * that cannot proceed returns -EAGAIN, and the application tries again
 * after uknet_poll() (uknet_events tells which calls would proceed).
 *
 * UDP:	s = uknet_socket(UKNET_UDP); uknet_bind(s, 7);
 *	n = uknet_recvfrom(s, buf, sizeof(buf), &from);
 *	uknet_sendto(s, buf, n, &from);
 * TCP (passive open only):
 *	l = uknet_socket(UKNET_TCP); uknet_bind(l, 80); uknet_listen(l, 8);
 *	c = uknet_accept(l, &peer);
 *	n = uknet_recv(c, buf, sizeof(buf)); (0: the peer closed its side)
 *	uknet_send(c, reply, len); uknet_close(c);
 */
#ifndef UKNET_SOCKET_H
#define UKNET_SOCKET_H

#include <stddef.h>
#include <stdint.h>

#define UKNET_UDP 1
#define UKNET_TCP 2

struct uknet_endpoint {
	uint32_t address; /* host byte order */
	uint16_t port;
};

/* A new socket of `type`; -EINVAL for another type, -EMFILE when all
 * CONFIG_UKNET_SOCKETS are in use. */
int uknet_socket(int type);

/* Gives the socket a local port (0: any free one, 49152 and up). UDP
 * datagrams to that port and any of the host's addresses reach it.
 * -EADDRINUSE when another socket of the type has it. */
int uknet_bind(int sock, uint16_t port);

/* TCP: accepts connections to the bound port; at most `backlog` of them
 * (1..CONFIG_UKNET_SOCKETS) wait for uknet_accept, more SYNs are dropped. */
int uknet_listen(int sock, int backlog);

/* TCP: the oldest established connection waiting on listener `sock` (its
 * peer in *peer unless NULL); -EAGAIN when none is. */
int uknet_accept(int sock, struct uknet_endpoint *peer);

/* TCP: queues up to `len` bytes and returns how many it took; -EAGAIN when
 * the send buffer is full, -EPIPE after uknet_close's side closed, the
 * connection's error (-ECONNRESET, -ETIMEDOUT) once it failed. */
int uknet_send(int sock, const void *buf, size_t len);

/* TCP: up to `size` received bytes; 0 once the peer closed its side and
 * everything was read; -EAGAIN when nothing is there yet; the connection's
 * error once it failed. */
int uknet_recv(int sock, void *buf, size_t size);

/* UDP: sends one datagram (at most MTU - 28 bytes, else -EMSGSIZE), binding
 * the socket to a free port first if needed. 0, or -EAGAIN while the next
 * hop's address is resolved and no frame can be held for it. */
int uknet_sendto(int sock, const void *buf, size_t len, const struct uknet_endpoint *to);

/* UDP: the next datagram, cut to `size` bytes (the rest is lost); its
 * sender in *from unless NULL. -EAGAIN when none is waiting. */
int uknet_recvfrom(int sock, void *buf, size_t size, struct uknet_endpoint *from);

#define UKNET_READABLE 0x1 /* recv/recvfrom/accept would not return -EAGAIN */
#define UKNET_WRITABLE 0x2 /* send would take at least one byte */
#define UKNET_HANGUP   0x4 /* the peer closed its side, or the connection failed */

/* The UKNET_* bits that hold for `sock` now; -EBADF for no socket. */
int uknet_events(int sock);

/* Ends the application's use of `sock`. A TCP connection closes in order
 * (its unsent data, then FIN) unless received data was left unread, which
 * resets it, as Linux does; it lingers in the stack until closed. */
int uknet_close(int sock);

#endif
