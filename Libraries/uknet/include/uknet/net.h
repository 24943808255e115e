/*
 * uknet: an IPv4 stack over one network device (uknetdev). Nothing runs on
 * its own: the application calls uknet_poll() to take in received frames
 * and fire due timers (ARP, TCP retransmission), and uknet_wait() when it
 * has nothing else to do. Sockets are in uknet/socket.h.
 *
 *	int main(int argc, char *argv[])
 *	{
 *		if (uknet_start(&argc, argv) < 0)
 *			return 1;
 *		...open sockets...
 *		for (;;) {
 *			uknet_poll();
 *			...serve the sockets...
 *			uknet_wait(UK_TIME_NEVER);
 *		}
 *	}
 *
 * Addresses are uint32_t in host byte order: 10.0.0.2 is 0x0a000002.
 * Errors are negative errno values (errno.h). One thread uses the stack.
 *
 * What it leaves out: IP fragments (dropped and counted, never sent), IP
 * options (ignored), more than one interface, TCP's active open, window
 * scaling, SACK and timestamps. TIME_WAIT lasts CONFIG_UKNET_TCP_TIME_WAIT_MS
 * (1 s by default, not RFC 9293's 4 minutes), and a socket in it is reused
 * when no other is free. Segments after a gap are kept (a few ranges);
 * retransmission follows RFC 6298 with a 200 ms floor, congestion control
 * RFC 5681 (slow start, congestion avoidance, fast retransmit).
 */
#ifndef UKNET_NET_H
#define UKNET_NET_H

#include <stddef.h>
#include <stdint.h>
#include <uknetdev/netdev.h>

struct uknet_config {
	uint32_t address;
	uint32_t netmask;
	uint32_t gateway; /* 0: none, only the local network is reachable */
};

/*
 * Takes the stack's arguments out of argv (argv[0] stays; *argc shrinks)
 * and starts the stack with them:
 *	net.ip=A.B.C.D[/N]  the address and prefix length (default /24); required
 *	net.gw=A.B.C.D      the default gateway, on the local network
 *	net.dev=NAME        the device (default: the first registered one)
 * Prints what is wrong and returns -EINVAL for a bad or missing argument,
 * -ENODEV when there is no such device.
 */
int uknet_start(int *argc, char *argv[]);

/* Starts the stack on `dev` with `config`, dropping every socket, ARP entry
 * and timer of an earlier start. -EINVAL for an address that cannot be a
 * host's or a gateway outside the local network. */
int uknet_configure(struct uk_netdev *dev, const struct uknet_config *config);

/* The running configuration; NULL before a start. */
const struct uknet_config *uknet_current_config(void);
struct uk_netdev *uknet_device(void);

/* Handles the frames the device received (a bounded batch: call again while
 * it returns a positive count) and fires due timers. Returns the number of
 * frames handled; -ENETDOWN before a start. */
int uknet_poll(void);

/* Sends the acknowledgements the stack held back to piggyback on replies,
 * then returns when a frame may have arrived, a stack timer is due, or at
 * `deadline_ns` (uktime's clock, UK_TIME_NEVER for none). On a device that
 * can only be polled, returns at once. */
void uknet_wait(uint64_t deadline_ns);

/* "A.B.C.D" (decimal, each 0..255) into *address; 0, or -EINVAL. */
int uknet_parse_ipv4(const char *text, uint32_t *address);

#define UKNET_IPV4_TEXT_MAX 16 /* "255.255.255.255" and its NUL */

/* Writes "A.B.C.D" into `text` and returns it. */
char *uknet_format_ipv4(uint32_t address, char text[UKNET_IPV4_TEXT_MAX]);

/* What the stack dropped and why, and a little of what it did. Every frame
 * that fails a check is dropped and counted once, under its first fault. */
struct uknet_stats {
	uint64_t rx_frames;          /* taken from the device */
	uint64_t tx_frames;          /* handed to the device */
	uint64_t tx_errors;          /* refused by the device */
	uint64_t eth_malformed;      /* shorter than an Ethernet header */
	uint64_t eth_not_ours;       /* another unicast or a multicast address */
	uint64_t eth_unknown_type;   /* neither IPv4 nor ARP */
	uint64_t arp_malformed;      /* short, or not Ethernet/IPv4 */
	uint64_t arp_replies_sent;
	uint64_t arp_unresolved;     /* frames dropped: no answer, or no room to wait */
	uint64_t ip_malformed;       /* version, lengths, source address */
	uint64_t ip_bad_checksum;
	uint64_t ip_fragments;       /* no reassembly: every fragment is dropped */
	uint64_t ip_not_ours;        /* another destination */
	uint64_t ip_unknown_protocol;
	uint64_t ip_no_route;        /* off the local network without a gateway */
	uint64_t icmp_malformed;     /* short or bad checksum */
	uint64_t icmp_echo_replies;
	uint64_t udp_malformed;      /* short, bad length */
	uint64_t udp_bad_checksum;
	uint64_t udp_no_socket;      /* answered with ICMP port unreachable */
	uint64_t udp_queue_full;     /* the socket's receive buffer was full */
	uint64_t tcp_malformed;      /* short, bad header length or options, port 0 */
	uint64_t tcp_bad_checksum;
	uint64_t tcp_out_of_window;  /* unacceptable segments (answered with an ACK) */
	uint64_t tcp_out_of_order;   /* segments after a gap (kept when there is room) */
	uint64_t tcp_backlog_full;   /* SYNs dropped: backlog or sockets exhausted */
	uint64_t tcp_resets_sent;
	uint64_t tcp_retransmits;    /* by timeout or after three duplicate ACKs */
	uint64_t tcp_timeouts;       /* connections given up after retrying */
};

const struct uknet_stats *uknet_stats(void);

#endif
