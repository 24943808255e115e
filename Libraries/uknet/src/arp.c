/*
 * ARP (RFC 826) for IPv4 over Ethernet: a cache of next hops' hardware
 * addresses. A frame for an unknown next hop is held (a few frames are, in
 * one shared queue) while the address is asked for, three times a second
 * apart; the answer releases the frames, silence drops them. Entries
 * expire after LIFETIME; one in use shortly before that is asked for again
 * so traffic does not stall. A request for our address teaches us the
 * asker's, which is how a server learns its clients'.
 */
#include <unikit/config.h>
#include <errno.h>
#include <string.h>
#include <uktime/time.h>
#include <uktime/timer.h>

#include "stack.h"

#define ARP_PACKET         28
#define ARP_HTYPE_ETHERNET 1
#define ARP_OP_REQUEST     1
#define ARP_OP_REPLY       2

#define REQUEST_INTERVAL UK_TIME_S(1)
#define REQUEST_TRIES    3
#define LIFETIME         UK_TIME_S(300)
#define REFRESH_BEFORE   UK_TIME_S(15)

enum entry_state { ENTRY_FREE, ENTRY_RESOLVING, ENTRY_RESOLVED };

struct entry {
	enum entry_state state;
	uint32_t address;
	uint8_t mac[UK_NETDEV_MAC_LEN];
	uint8_t requests;  /* sent while resolving */
	bool refreshing;   /* resolved, and asked for again before expiry */
	uint64_t deadline; /* resolving: next request or giving up; resolved: expiry */
};

struct held_frame {
	uint32_t next_hop; /* 0: the slot is free */
	uint16_t len;
	uint8_t data[UK_NETDEV_FRAME_MAX];
};

static struct entry cache[CONFIG_UKNET_ARP_ENTRIES];
static struct held_frame held[CONFIG_UKNET_ARP_QUEUE];
static uint8_t arp_frame[ETH_MIN_FRAME];

static const uint8_t broadcast_mac[UK_NETDEV_MAC_LEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static void on_timer(struct uk_timer *timer, void *arg);
static struct uk_timer timer = UK_TIMER_INITIALIZER(on_timer, 0);
static uint64_t timer_deadline;

void arp_reset(void)
{
	uk_timer_cancel(&timer);
	memset(cache, 0, sizeof(cache));
	for (size_t i = 0; i < CONFIG_UKNET_ARP_QUEUE; i++)
		held[i].next_hop = 0;
}

/* A request for `address` (to everyone), or a reply to `mac`, `address`. */
static void send_arp(uint16_t op, const uint8_t mac[UK_NETDEV_MAC_LEN], uint32_t address)
{
	uint8_t *packet = arp_frame + ETH_HEADER;

	put16(packet, ARP_HTYPE_ETHERNET);
	put16(packet + 2, ETH_TYPE_IPV4);
	packet[4] = UK_NETDEV_MAC_LEN;
	packet[5] = 4;
	put16(packet + 6, op);
	memcpy(packet + 8, uknet_iface.dev->mac, UK_NETDEV_MAC_LEN);
	put32(packet + 14, uknet_iface.config.address);
	if (op == ARP_OP_REQUEST)
		memset(packet + 18, 0, UK_NETDEV_MAC_LEN);
	else
		memcpy(packet + 18, mac, UK_NETDEV_MAC_LEN);
	put32(packet + 24, address);
	eth_transmit(op == ARP_OP_REQUEST ? broadcast_mac : mac, ETH_TYPE_ARP, arp_frame,
		     ETH_HEADER + ARP_PACKET);
}

static struct entry *find(uint32_t address)
{
	for (size_t i = 0; i < CONFIG_UKNET_ARP_ENTRIES; i++)
		if (cache[i].state != ENTRY_FREE && cache[i].address == address)
			return &cache[i];
	return 0;
}

/* A free entry, else the resolved one closest to expiry; never one being
 * resolved, whose frames are held. */
static struct entry *take_entry(void)
{
	struct entry *oldest = 0;

	for (size_t i = 0; i < CONFIG_UKNET_ARP_ENTRIES; i++) {
		struct entry *e = &cache[i];

		if (e->state == ENTRY_FREE)
			return e;
		if (e->state == ENTRY_RESOLVED && (!oldest || e->deadline < oldest->deadline))
			oldest = e;
	}
	return oldest;
}

/* Arms the timer for the earliest deadline, if any entry has one. */
static void schedule(void)
{
	uint64_t next = UK_TIME_NEVER;

	for (size_t i = 0; i < CONFIG_UKNET_ARP_ENTRIES; i++)
		if (cache[i].state != ENTRY_FREE && cache[i].deadline < next)
			next = cache[i].deadline;
	timer_deadline = next;
	if (next == UK_TIME_NEVER)
		uk_timer_cancel(&timer);
	else
		uk_timer_arm(&timer, next);
}

static void release_held(uint32_t address, const uint8_t mac[UK_NETDEV_MAC_LEN])
{
	for (size_t i = 0; i < CONFIG_UKNET_ARP_QUEUE; i++) {
		if (held[i].next_hop != address)
			continue;
		held[i].next_hop = 0;
		eth_transmit(mac, ETH_TYPE_IPV4, held[i].data, held[i].len);
	}
}

static void drop_held(uint32_t address)
{
	for (size_t i = 0; i < CONFIG_UKNET_ARP_QUEUE; i++) {
		if (held[i].next_hop == address) {
			held[i].next_hop = 0;
			COUNT(arp_unresolved);
		}
	}
}

static void on_timer(struct uk_timer *t __attribute__((unused)), void *arg __attribute__((unused)))
{
	/* Its deadline has come, whatever the clock said when whoever runs
	 * the timers read it (tests run them ahead of time). */
	uint64_t now = uk_time_now_ns() > timer_deadline ? uk_time_now_ns() : timer_deadline;

	for (size_t i = 0; i < CONFIG_UKNET_ARP_ENTRIES; i++) {
		struct entry *e = &cache[i];

		if (e->state == ENTRY_FREE || e->deadline > now)
			continue;
		if (e->state == ENTRY_RESOLVING && e->requests < REQUEST_TRIES) {
			send_arp(ARP_OP_REQUEST, 0, e->address);
			e->requests++;
			e->deadline = now + REQUEST_INTERVAL;
			continue;
		}
		if (e->state == ENTRY_RESOLVING)
			drop_held(e->address);
		e->state = ENTRY_FREE;
	}
	schedule();
}

/* Records `address` at `mac`: updates an entry, or makes one when `create`. */
static void learn(uint32_t address, const uint8_t mac[UK_NETDEV_MAC_LEN], bool create)
{
	struct entry *e = find(address);

	if (!e && (!create || !(e = take_entry())))
		return;
	e->state = ENTRY_RESOLVED;
	e->address = address;
	memcpy(e->mac, mac, UK_NETDEV_MAC_LEN);
	e->refreshing = false;
	e->deadline = uk_time_now_ns() + LIFETIME;
	release_held(address, mac);
	schedule();
}

/* An address a neighbour may have: not ours, no broadcast, no multicast,
 * not 0.0.0.0 (which ARP probes use). */
static bool neighbour_address(uint32_t address)
{
	return address != 0 && address != uknet_iface.config.address &&
	       address != IPV4_BROADCAST && address != uknet_iface.subnet_broadcast &&
	       (address >> 28) != 0xe;
}

void arp_input(const uint8_t *packet, size_t len)
{
	uint16_t op;
	uint32_t sender, target;
	const uint8_t *sender_mac = packet + 8;

	if (len < ARP_PACKET || get16(packet) != ARP_HTYPE_ETHERNET ||
	    get16(packet + 2) != ETH_TYPE_IPV4 || packet[4] != UK_NETDEV_MAC_LEN || packet[5] != 4 ||
	    (sender_mac[0] & 1)) {
		COUNT(arp_malformed);
		return;
	}
	op = get16(packet + 6);
	sender = get32(packet + 14);
	target = get32(packet + 24);
	if (op != ARP_OP_REQUEST && op != ARP_OP_REPLY) {
		COUNT(arp_malformed);
		return;
	}
	if (neighbour_address(sender))
		learn(sender, sender_mac, target == uknet_iface.config.address);
	if (op == ARP_OP_REQUEST && target == uknet_iface.config.address) {
		send_arp(ARP_OP_REPLY, sender_mac, sender);
		COUNT(arp_replies_sent);
	}
}

static int hold(uint32_t next_hop, const uint8_t *frame, size_t len)
{
	for (size_t i = 0; i < CONFIG_UKNET_ARP_QUEUE; i++) {
		if (held[i].next_hop)
			continue;
		held[i].next_hop = next_hop;
		held[i].len = (uint16_t)len;
		memcpy(held[i].data, frame, len);
		return 0;
	}
	COUNT(arp_unresolved);
	return -EAGAIN;
}

int arp_send_ipv4(uint32_t next_hop, uint8_t *frame, size_t len)
{
	struct entry *e = find(next_hop);
	uint64_t now = uk_time_now_ns();

	if (e && e->state == ENTRY_RESOLVED) {
		if (!e->refreshing && e->deadline - now < REFRESH_BEFORE) {
			e->refreshing = true;
			send_arp(ARP_OP_REQUEST, 0, next_hop);
		}
		return eth_transmit(e->mac, ETH_TYPE_IPV4, frame, len);
	}
	if (!e) {
		if (!(e = take_entry())) {
			COUNT(arp_unresolved);
			return -EAGAIN;
		}
		*e = (struct entry){ .state = ENTRY_RESOLVING, .address = next_hop, .requests = 1,
				     .deadline = now + REQUEST_INTERVAL };
		send_arp(ARP_OP_REQUEST, 0, next_hop);
		schedule();
	}
	return hold(next_hop, frame, len);
}
