/*
 * UDP echo (RFC 862): every datagram to the port goes back to its sender,
 * until count=N datagrams were echoed (forever without count=).
 *
 *	udpecho net.ip=10.0.0.2/24 [net.gw=10.0.0.1] [port=7] [count=N]
 */
#include <unikit/config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uknet/net.h>
#include <uknet/socket.h>
#include <uknetdev/netdev.h>
#include <uktime/time.h>

static unsigned long number_argument(int argc, char *argv[], const char *name,
				     unsigned long fallback)
{
	size_t len = strlen(name);

	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], name, len) == 0)
			return strtoul(argv[i] + len, 0, 10);
	return fallback;
}

/* What the network device saw, for whoever checks the mode it ran in. */
static void print_device_counts(void)
{
	struct uk_netdev *dev = uk_netdev_get(0);

	if (dev)
		printf("udpecho: %s: %llu frames in, %llu out, %llu receive interrupts\n", dev->name,
		       (unsigned long long)dev->stats.rx_frames, (unsigned long long)dev->stats.tx_frames,
		       (unsigned long long)dev->stats.rx_interrupts);
}

int main(int argc, char *argv[])
{
	static char datagram[UK_NETDEV_MTU_MAX];
	char address[UKNET_IPV4_TEXT_MAX];
	unsigned long port, count, echoed = 0;
	int sock;

	if (uknet_start(&argc, argv) < 0)
		return 1;
	port = number_argument(argc, argv, "port=", CONFIG_UDPECHO_PORT);
	count = number_argument(argc, argv, "count=", 0);
	sock = uknet_socket(UKNET_UDP);
	if (port == 0 || port > 65535 || sock < 0 || uknet_bind(sock, (uint16_t)port) < 0) {
		printf("udpecho: cannot use port %lu\n", port);
		return 1;
	}
	printf("udpecho: echoing UDP on %s:%lu\n",
	       uknet_format_ipv4(uknet_current_config()->address, address), port);

	for (;;) {
		struct uknet_endpoint from;
		int len;

		uknet_poll();
		while ((count == 0 || echoed < count) &&
		       (len = uknet_recvfrom(sock, datagram, sizeof(datagram), &from)) >= 0) {
			uknet_sendto(sock, datagram, (size_t)len, &from);
			echoed++;
		}
		if (count && echoed == count)
			break;
		uknet_wait(UK_TIME_NEVER);
	}
	printf("udpecho: echoed %lu datagrams\n", echoed);
	print_device_counts();
	return 0;
}
