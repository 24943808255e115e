/*
 * The stack's one interface: its configuration (from the command line or
 * the caller), and the loop the application drives: uknet_poll takes in
 * frames and fires timers, uknet_wait idles until something may happen.
 */
#include <errno.h>
#include <string.h>
#include <uknet/net.h>
#include <uktime/time.h>
#include <uktime/timer.h>

#include "stack.h"

/* Frames handled per uknet_poll, so an application is not starved by a
 * flood; the next call takes the rest. */
#define POLL_BUDGET 32

/* RFC 791: every host takes datagrams of 576 bytes. */
#define MTU_MIN 576

struct uknet_iface uknet_iface;
struct uknet_stats uknet_counters;
static uint8_t rx_frame[UK_NETDEV_FRAME_MAX];

static bool contiguous_netmask(uint32_t mask)
{
	uint32_t host = ~mask;

	return (host & (host + 1)) == 0;
}

int uknet_configure(struct uk_netdev *dev, const struct uknet_config *config)
{
	uint32_t mask = config->netmask, address = config->address, gateway = config->gateway;
	uint32_t host_part = address & ~mask;

	/* Prefixes /1 to /30; an address that is neither the network's nor
	 * its broadcast address; a gateway on the local network. */
	if (!contiguous_netmask(mask) || mask == 0 || (~mask) < 3 || host_part == 0 ||
	    host_part == ~mask || (address >> 28) >= 0xe || (address >> 24) == 0 ||
	    (address >> 24) == 127)
		return -EINVAL;
	if (gateway && ((gateway & mask) != (address & mask) || gateway == address ||
			(gateway & ~mask) == 0 || (gateway & ~mask) == ~mask))
		return -EINVAL;
	if (dev->mtu < MTU_MIN)
		return -EINVAL;

	sockets_reset();
	arp_reset();
	memset(&uknet_counters, 0, sizeof(uknet_counters));
	uknet_iface.dev = dev;
	uknet_iface.config = *config;
	uknet_iface.subnet_broadcast = address | ~mask;
	uknet_iface.mtu = dev->mtu < UK_NETDEV_MTU_MAX ? dev->mtu : UK_NETDEV_MTU_MAX;
	return 0;
}

const struct uknet_config *uknet_current_config(void)
{
	return uknet_iface.dev ? &uknet_iface.config : 0;
}

struct uk_netdev *uknet_device(void)
{
	return uknet_iface.dev;
}

const struct uknet_stats *uknet_stats(void)
{
	return &uknet_counters;
}

int uknet_poll(void)
{
	int frames = 0;

	if (!uknet_iface.dev)
		return -ENETDOWN;
	tcp_flush_acks();
	while (frames < POLL_BUDGET) {
		int len = uk_netdev_receive(uknet_iface.dev, rx_frame, sizeof(rx_frame));

		if (len <= 0)
			break;
		frames++;
		COUNT(rx_frames);
		if ((size_t)len > sizeof(rx_frame)) { /* a driver's mistake, not trusted either */
			COUNT(eth_malformed);
			continue;
		}
		eth_input(rx_frame, (size_t)len);
	}
	uk_timer_run_due(uk_time_now_ns());
	return frames;
}

void uknet_wait(uint64_t deadline_ns)
{
	uint64_t next_timer = uk_timer_next_deadline();

	if (!uknet_iface.dev)
		return;
	tcp_flush_acks();
	if (next_timer < deadline_ns)
		deadline_ns = next_timer;
	if (deadline_ns > uk_time_now_ns())
		uk_netdev_wait(uknet_iface.dev, deadline_ns);
}
