/*
 * Network devices: what a driver (virtio-net, linuxu's tap, Xen's netfront)
 * implements and the network stack uses. A device moves whole Ethernet
 * frames (header included, no frame check sequence), one per call, copied
 * in and out of the caller's buffers, so no buffer changes hands.
 *
 * A driver fills a struct uk_netdev (usually embedded in its own state, which
 * it recovers from the pointer its operations get) and registers it:
 *
 *	static const struct uk_netdev_ops ops = { .transmit = ..., .receive = ... };
 *	dev->ops = &ops; dev->mtu = 1500; memcpy(dev->mac, ...); strcpy(dev->name, "eth0");
 *	uk_netdev_register(dev);
 *
 * Receiving is polled: uk_netdev_receive returns at once, with a frame or
 * without. A caller with nothing to do calls uk_netdev_wait, which a driver
 * may implement by sleeping until a frame arrives (interrupts, a host file
 * descriptor); without it the caller keeps polling. A caller that wants to
 * be told from interrupt context instead (a scheduler waking a thread)
 * installs a wakeup with uk_netdev_set_wakeup.
 *
 * Errors are negative errno values (errno.h).
 */
#ifndef UKNETDEV_NETDEV_H
#define UKNETDEV_NETDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UK_NETDEV_MAX      8
#define UK_NETDEV_NAME_MAX 16
#define UK_NETDEV_MAC_LEN  6

/* Ethernet header (14 bytes) and the largest standard payload. */
#define UK_NETDEV_ETH_HEADER 14
#define UK_NETDEV_MTU_MAX    1500
/* A receive buffer of this size holds any frame of a device whose MTU is at
 * most UK_NETDEV_MTU_MAX. */
#define UK_NETDEV_FRAME_MAX (UK_NETDEV_ETH_HEADER + UK_NETDEV_MTU_MAX)

struct uk_netdev;

typedef void (*uk_netdev_wakeup_t)(struct uk_netdev *dev, void *arg);

struct uk_netdev_ops {
	/* Sends the `len`-byte frame, or copies it out of `frame`, before
	 * returning. 0; -EAGAIN when the device has no room right now (the
	 * frame is dropped); -EMSGSIZE beyond the MTU; another error. */
	int (*transmit)(struct uk_netdev *dev, const void *frame, size_t len);

	/* Copies the next received frame into `buf` and returns its length;
	 * 0 when none is waiting. `size` is at least UK_NETDEV_FRAME_MAX for
	 * an MTU up to UK_NETDEV_MTU_MAX, else at least 14 + MTU; a longer
	 * frame is dropped, never truncated. */
	int (*receive)(struct uk_netdev *dev, void *buf, size_t size);

	/* Optional. Returns once a frame may be waiting, or at `deadline_ns`
	 * (uk_time_now_ns's clock; UINT64_MAX for none), whichever is first.
	 * May return earlier: callers poll again either way. */
	void (*wait)(struct uk_netdev *dev, uint64_t deadline_ns);

	/* Optional. Turns the device's receive interrupts on or off; while
	 * on, its handler calls uk_netdev_signal_receive. */
	int (*set_interrupts)(struct uk_netdev *dev, bool on);
};

/* Counted by the uk_netdev_* functions below, not by drivers. */
struct uk_netdev_stats {
	uint64_t rx_frames, rx_bytes;
	uint64_t tx_frames, tx_bytes;
	uint64_t tx_errors; /* transmit failures, -EAGAIN included */
	uint64_t rx_errors; /* receive failures (the driver's negative returns) */
	uint64_t rx_interrupts; /* uk_netdev_signal_receive calls: interrupt mode at work */
};

struct uk_netdev {
	/* Set by the driver before registering. */
	char name[UK_NETDEV_NAME_MAX];
	uint8_t mac[UK_NETDEV_MAC_LEN];
	uint16_t mtu; /* largest payload after the Ethernet header */
	const struct uk_netdev_ops *ops;

	/* Owned by this library. */
	struct uk_netdev_stats stats;
	uk_netdev_wakeup_t wakeup;
	void *wakeup_arg;
};

/* Adds `dev` to the devices the stack can find. -EINVAL when a required
 * operation, the name or the MTU is missing or the name is taken, -ENOSPC
 * beyond UK_NETDEV_MAX devices. */
int uk_netdev_register(struct uk_netdev *dev);

/* The registered devices, in registration order. */
size_t uk_netdev_count(void);
struct uk_netdev *uk_netdev_get(size_t index); /* NULL beyond the count */
struct uk_netdev *uk_netdev_find(const char *name); /* NULL if none */

int uk_netdev_transmit(struct uk_netdev *dev, const void *frame, size_t len);
int uk_netdev_receive(struct uk_netdev *dev, void *buf, size_t size);

/* The driver's wait, or an immediate return for a device without one. */
void uk_netdev_wait(struct uk_netdev *dev, uint64_t deadline_ns);

/* Interrupt mode: `fn(dev, arg)` is called, from the device's interrupt
 * handler, whenever frames arrive; it must not block and should only wake
 * whoever polls. A NULL `fn` returns to polling. -ENOTSUP for a device
 * that cannot interrupt. */
int uk_netdev_set_wakeup(struct uk_netdev *dev, uk_netdev_wakeup_t fn, void *arg);

/* Called by a driver's interrupt handler when frames arrived. */
void uk_netdev_signal_receive(struct uk_netdev *dev);

#endif
