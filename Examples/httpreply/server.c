/*
 * Connections: each has a request buffer and the rest of the reply being
 * sent. A connection is served until it would block: replies go out as the
 * send buffer takes them, requests are answered in order (pipelining
 * works), and it ends when the client closes, after a reply that closes,
 * on an error, or after a while without a request.
 */
#include <unikit/config.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <uknet/socket.h>
#include <uktime/time.h>

#include "http.h"
#include "server.h"

#define CONNECTIONS (CONFIG_UKNET_SOCKETS - 1) /* one socket listens */
#define REQUEST_MAX 2048
#define IDLE_TIMEOUT UK_TIME_S(CONFIG_HTTPREPLY_IDLE_TIMEOUT_S)

struct connection {
	bool open;
	int sock;
	uint64_t idle_deadline;
	size_t have; /* bytes in request */
	char request[REQUEST_MAX];
	struct http_reply reply; /* what is left of it to send */
};

static struct connection connections[CONNECTIONS];

void server_accept(int listener)
{
	int sock;

	while ((sock = uknet_accept(listener, 0)) >= 0) {
		struct connection *c = 0;

		for (size_t i = 0; i < CONNECTIONS && !c; i++)
			if (!connections[i].open)
				c = &connections[i];
		if (!c) { /* cannot happen: every socket but one fits */
			uknet_close(sock);
			continue;
		}
		*c = (struct connection){ .open = true, .sock = sock,
					  .idle_deadline = uk_time_deadline_in(IDLE_TIMEOUT) };
	}
}

/* Ends the connection in order: whatever the client still sent is read
 * and dropped first, or the stack would answer it with a reset. */
static void finish(struct connection *c)
{
	char scratch[256];

	while (uknet_recv(c->sock, scratch, sizeof(scratch)) > 0)
		;
	uknet_close(c->sock);
	c->open = false;
}

/* Serves one connection until it would block; returns replies queued. */
static unsigned long serve(struct connection *c)
{
	unsigned long replies = 0;

	while (c->open) {
		size_t used;
		int n;

		if (c->reply.len > 0) {
			n = uknet_send(c->sock, c->reply.data, c->reply.len);
			if (n == -EAGAIN)
				break;
			if (n < 0) {
				finish(c);
				break;
			}
			c->reply.data += n;
			c->reply.len -= (size_t)n;
			continue;
		}
		if (c->reply.close) {
			finish(c);
			break;
		}
		used = http_take_request(c->request, c->have, &c->reply);
		if (used > 0) {
			memmove(c->request, c->request + used, c->have - used);
			c->have -= used;
			replies++;
			continue;
		}
		if (c->have == REQUEST_MAX) {
			c->reply = http_too_large();
			continue;
		}
		n = uknet_recv(c->sock, c->request + c->have, REQUEST_MAX - c->have);
		if (n == -EAGAIN) {
			if (uk_time_now_ns() >= c->idle_deadline)
				finish(c);
			break;
		}
		if (n <= 0) { /* the client closed, or the connection failed */
			finish(c);
			break;
		}
		c->have += (size_t)n;
		c->idle_deadline = uk_time_deadline_in(IDLE_TIMEOUT);
	}
	return replies;
}

unsigned long server_serve(void)
{
	unsigned long replies = 0;

	for (size_t i = 0; i < CONNECTIONS; i++)
		if (connections[i].open)
			replies += serve(&connections[i]);
	return replies;
}

uint64_t server_next_deadline(void)
{
	uint64_t next = UK_TIME_NEVER;

	for (size_t i = 0; i < CONNECTIONS; i++)
		if (connections[i].open && connections[i].idle_deadline < next)
			next = connections[i].idle_deadline;
	return next;
}

size_t server_connections(void)
{
	size_t open = 0;

	for (size_t i = 0; i < CONNECTIONS; i++)
		open += connections[i].open;
	return open;
}
