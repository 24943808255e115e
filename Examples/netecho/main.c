/*
 * netecho: prints the first network device's MAC address, sends one
 * broadcast frame (EtherType 0x88b5, reserved for local experiments, with
 * the text "netecho hello"), then sends every frame it receives back with
 * the source and destination addresses swapped:
 *
 *   netecho: eth0 52:54:00:12:34:56, MTU 1500
 *   netecho: hello sent; echoing 3 frames (10 s without a frame ends it)
 *   netecho: 3 frames echoed (1 rx error)
 *
 * Usage: netecho [FRAMES]: how many frames to echo (default 1).
 * echo-peer.py is the host side: it answers the hello and checks the echoes.
 * Exit status: 0 done, 1 an error or a silence of 10 s, 2 no network device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uknetdev/netdev.h>
#include <uktime/time.h>

#define ETHERTYPE_EXPERIMENT 0x88b5
#define SILENCE_NS (10ULL * 1000000000ULL)
#define EXIT_NO_DEVICE 2

static uint8_t frame[UK_NETDEV_FRAME_MAX];

static int send_hello(struct uk_netdev *dev)
{
	static const char text[] = "netecho hello";
	size_t len = UK_NETDEV_ETH_HEADER + sizeof(text);

	memset(frame, 0xff, UK_NETDEV_MAC_LEN);
	memcpy(frame + UK_NETDEV_MAC_LEN, dev->mac, UK_NETDEV_MAC_LEN);
	frame[12] = ETHERTYPE_EXPERIMENT >> 8;
	frame[13] = ETHERTYPE_EXPERIMENT & 0xff;
	memcpy(frame + UK_NETDEV_ETH_HEADER, text, sizeof(text));
	return uk_netdev_transmit(dev, frame, len);
}

/* The next frame's length, or 0 after SILENCE_NS without one. */
static int receive(struct uk_netdev *dev)
{
	uint64_t deadline = uk_time_now_ns() + SILENCE_NS;
	int len;

	while ((len = uk_netdev_receive(dev, frame, sizeof(frame))) <= 0) {
		if (uk_time_now_ns() >= deadline)
			return 0;
		if (len == 0)
			uk_netdev_wait(dev, deadline);
	}
	return len;
}

static void swap_addresses(void)
{
	uint8_t tmp[UK_NETDEV_MAC_LEN];

	memcpy(tmp, frame, UK_NETDEV_MAC_LEN);
	memcpy(frame, frame + UK_NETDEV_MAC_LEN, UK_NETDEV_MAC_LEN);
	memcpy(frame + UK_NETDEV_MAC_LEN, tmp, UK_NETDEV_MAC_LEN);
}

int main(int argc, char *argv[])
{
	unsigned long count = argc > 1 ? strtoul(argv[1], 0, 10) : 1;
	struct uk_netdev *dev = uk_netdev_get(0);
	const uint8_t *mac;
	unsigned long echoed = 0;
	int err;

	if (!dev) {
		printf("netecho: no network device (unikit run --net TAP, or QEMU's "
		       "-device virtio-net-device; on QEMU microvm also acpi=off)\n");
		return EXIT_NO_DEVICE;
	}
	mac = dev->mac;
	printf("netecho: %s %02x:%02x:%02x:%02x:%02x:%02x, MTU %u\n", dev->name, mac[0], mac[1],
	       mac[2], mac[3], mac[4], mac[5], dev->mtu);
	if ((err = send_hello(dev)) < 0) {
		printf("netecho: sending the hello failed: %s\n", strerror(-err));
		return 1;
	}
	printf("netecho: hello sent; echoing %lu frames (10 s without a frame ends it)\n", count);
	while (echoed < count) {
		int len = receive(dev);

		if (!len) {
			printf("netecho: no frame for 10 s after %lu echoed\n", echoed);
			return 1;
		}
		swap_addresses();
		if ((err = uk_netdev_transmit(dev, frame, (size_t)len)) < 0) {
			printf("netecho: echoing a %d-byte frame failed: %s\n", len, strerror(-err));
			return 1;
		}
		echoed++;
	}
	printf("netecho: %lu frames echoed (%llu rx errors)\n", echoed,
	       (unsigned long long)dev->stats.rx_errors);
	return 0;
}
