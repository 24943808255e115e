/*
 * Network devices on Linux tap interfaces: each netdev.tap=NAME argument
 * attaches the image to the tap NAME (made beforehand, e.g. `ip tuntap add
 * dev NAME mode tap`, or made here when the process may) and registers a
 * uknetdev device of that name. Frames travel as they are (IFF_NO_PI: no
 * packet-information header), one read or write each; the descriptor is
 * non-blocking and waiting is ppoll(2).
 */
#include <linuxu/syscall.h>
#include <ukplat/console.h>
#include <ukplat/exit.h>
#include <ukplat/time.h>
#include <uknetdev/netdev.h>

#include "linuxu.h"

#define O_RDWR     02
#define O_NONBLOCK 04000
#define O_CLOEXEC  02000000

#define TUNSETIFF 0x400454ca /* _IOW('T', 202, int) */
#define IFF_TAP    0x0002
#define IFF_NO_PI  0x1000
#define IFNAMSIZ   16

#define POLLIN 0x1

#define LINUXU_EMSGSIZE 90
#define MAX_TAPS 4

/* The status of an image whose tap cannot be opened, as for an image whose
 * init function failed (the device is as good as missing). */
#define EXIT_DEVICE_FAILED 126

static const char argument_prefix[] = "netdev.tap=";

struct ifreq {
	char name[IFNAMSIZ];
	short flags;
	char pad[22]; /* the rest of the kernel's union */
};

struct iovec {
	void *base;
	size_t len;
};

struct pollfd {
	int fd;
	short events, revents;
};

struct timespec {
	long sec, nsec;
};

struct tap {
	struct uk_netdev dev; /* first: the ops get it and cast back */
	int fd;
};

static struct tap taps[MAX_TAPS];
static int tap_count;

static int tap_fd(struct uk_netdev *dev)
{
	return ((struct tap *)dev)->fd;
}

static int tap_transmit(struct uk_netdev *dev, const void *frame, size_t len)
{
	long written;

	if (len > UK_NETDEV_ETH_HEADER + (size_t)dev->mtu)
		return -LINUXU_EMSGSIZE;
	do
		written = linuxu_syscall3(LINUXU_SYS_WRITE, tap_fd(dev), (long)frame, (long)len);
	while (written == -LINUXU_EINTR);
	return LINUXU_IS_ERROR(written) ? (int)written : 0;
}

/* A second, one-byte buffer catches frames longer than `size`: the kernel
 * would truncate them silently, and the interface says they are dropped. */
static int tap_receive(struct uk_netdev *dev, void *buf, size_t size)
{
	char overflow;
	struct iovec parts[2] = { { buf, size }, { &overflow, 1 } };

	for (;;) {
		long got = linuxu_syscall3(LINUXU_SYS_READV, tap_fd(dev), (long)parts, 2);

		if (got == -LINUXU_EINTR)
			continue;
		if (got == -LINUXU_EAGAIN)
			return 0;
		if (LINUXU_IS_ERROR(got))
			return (int)got;
		if ((size_t)got <= size)
			return (int)got;
		/* too long: dropped, try the next one */
	}
}

static void tap_wait(struct uk_netdev *dev, uint64_t deadline_ns)
{
	struct pollfd poll = { .fd = tap_fd(dev), .events = POLLIN };
	uint64_t now = ukplat_monotonic_ns();
	struct timespec timeout, *until = 0;

	if (deadline_ns != UINT64_MAX) {
		uint64_t wait = deadline_ns > now ? deadline_ns - now : 0;

		timeout.sec = (long)(wait / UKPLAT_NSEC_PER_SEC);
		timeout.nsec = (long)(wait % UKPLAT_NSEC_PER_SEC);
		until = &timeout;
	}
	/* A signal or an error returns early, which the interface allows. */
	linuxu_syscall6(LINUXU_SYS_PPOLL, (long)&poll, 1, (long)until, 0, 8, 0);
}

static const struct uk_netdev_ops tap_ops = {
	.transmit = tap_transmit,
	.receive = tap_receive,
	.wait = tap_wait,
};

static void write_string(const char *s)
{
	size_t len = 0;

	while (s[len])
		len++;
	ukplat_console_write(s, len);
}

static void write_decimal(unsigned long value)
{
	char digits[24];
	int i = sizeof(digits);

	digits[--i] = '\0';
	do
		digits[--i] = (char)('0' + value % 10);
	while ((value /= 10) != 0);
	write_string(digits + i);
}

__attribute__((noreturn)) static void fail(const char *what, const char *name, long err)
{
	write_string("linuxu: tap ");
	write_string(name);
	write_string(": ");
	write_string(what);
	if (err) {
		write_string(" (errno ");
		write_decimal((unsigned long)-err);
		write_string(")");
	}
	write_string("\n");
	ukplat_exit(EXIT_DEVICE_FAILED);
}

/* A locally administered address (02:...) from the process id, so images
 * running side by side differ; the last byte also counts the taps. */
static void choose_mac(uint8_t mac[UK_NETDEV_MAC_LEN], int index)
{
	unsigned long pid = (unsigned long)linuxu_syscall0(LINUXU_SYS_GETPID);

	mac[0] = 0x02;
	mac[1] = 0x75; /* 'u' */
	mac[2] = 0x6b; /* 'k' */
	mac[3] = (uint8_t)(pid >> 16);
	mac[4] = (uint8_t)(pid >> 8);
	mac[5] = (uint8_t)(pid + (unsigned long)index);
}

static void open_tap(const char *name)
{
	struct tap *tap = &taps[tap_count];
	struct ifreq request = { .flags = IFF_TAP | IFF_NO_PI };
	size_t len = 0;
	long fd, err;

	while (name[len])
		len++;
	if (len == 0 || len >= IFNAMSIZ)
		fail("the name must have 1 to 15 characters", name, 0);
	if (tap_count == MAX_TAPS)
		fail("too many taps (at most 4)", name, 0);
	for (size_t i = 0; i <= len; i++)
		request.name[i] = tap->dev.name[i] = name[i];

	fd = linuxu_syscall3(LINUXU_SYS_OPEN, (long)"/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC, 0);
	if (LINUXU_IS_ERROR(fd))
		fail("cannot open /dev/net/tun", name, fd);
	err = linuxu_syscall3(LINUXU_SYS_IOCTL, fd, TUNSETIFF, (long)&request);
	if (LINUXU_IS_ERROR(err))
		fail("cannot attach (TUNSETIFF)", name, err);

	tap->fd = (int)fd;
	tap->dev.mtu = UK_NETDEV_MTU_MAX;
	tap->dev.ops = &tap_ops;
	choose_mac(tap->dev.mac, tap_count);
	if (uk_netdev_register(&tap->dev) < 0)
		fail("cannot register the device (name taken?)", name, 0);
	tap_count++;
}

int linuxu_take_tap_arguments(int argc, char *argv[])
{
	int kept = 0;

	for (int i = 0; i < argc; i++) {
		size_t j = 0;

		while (i > 0 && argument_prefix[j] && argv[i][j] == argument_prefix[j])
			j++;
		if (i > 0 && !argument_prefix[j])
			open_tap(argv[i] + j);
		else
			argv[kept++] = argv[i];
	}
	argv[kept] = 0;
	return kept;
}
