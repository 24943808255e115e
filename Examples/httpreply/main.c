/*
 * httpreply: answers every HTTP GET with the same page, over uknet, until
 * count=N replies were sent (forever without count=); then it stops
 * accepting and lets the open connections finish (at most 2 s).
 *
 *	httpreply net.ip=10.0.0.2/24 [net.gw=10.0.0.1] [port=80] [count=N]
 */
#include <unikit/config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uknet/net.h>
#include <uknet/socket.h>
#include <uktime/time.h>

#include "http.h"
#include "server.h"

#define BACKLOG 8
#define DRAIN_TIME UK_TIME_S(2)

static unsigned long number_argument(int argc, char *argv[], const char *name,
				     unsigned long fallback)
{
	size_t len = strlen(name);

	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], name, len) == 0)
			return strtoul(argv[i] + len, 0, 10);
	return fallback;
}

static int listen_on(unsigned long port)
{
	int sock = uknet_socket(UKNET_TCP);

	if (sock < 0 || port == 0 || port > 65535 || uknet_bind(sock, (uint16_t)port) < 0 ||
	    uknet_listen(sock, BACKLOG) < 0)
		return -1;
	return sock;
}

int main(int argc, char *argv[])
{
	char address[UKNET_IPV4_TEXT_MAX];
	unsigned long port, count, replies = 0;
	uint64_t drain_deadline = UK_TIME_NEVER;
	int listener;

	if (uknet_start(&argc, argv) < 0)
		return 1;
	port = number_argument(argc, argv, "port=", CONFIG_HTTPREPLY_PORT);
	count = number_argument(argc, argv, "count=", 0);
	listener = listen_on(port);
	if (listener < 0) {
		printf("httpreply: cannot listen on port %lu\n", port);
		return 1;
	}
	http_prepare();
	printf("httpreply: serving http://%s:%lu/\n",
	       uknet_format_ipv4(uknet_current_config()->address, address), port);

	for (;;) {
		uint64_t wake;

		uknet_poll();
		if (listener >= 0)
			server_accept(listener);
		replies += server_serve();
		if (listener >= 0 && count && replies >= count) {
			uknet_close(listener);
			listener = -1;
			drain_deadline = uk_time_deadline_in(DRAIN_TIME);
		}
		if (listener < 0 && (server_connections() == 0 || uk_time_now_ns() >= drain_deadline))
			break;
		wake = server_next_deadline();
		uknet_wait(wake < drain_deadline ? wake : drain_deadline);
	}
	printf("httpreply: sent %lu replies\n", replies);
	return 0;
}
