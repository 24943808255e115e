/* The registry of network devices and the counting wrappers around drivers. */
#include <errno.h>
#include <string.h>
#include <uknetdev/netdev.h>

static struct uk_netdev *devices[UK_NETDEV_MAX];
static size_t device_count;

int uk_netdev_register(struct uk_netdev *dev)
{
	if (!dev->ops || !dev->ops->transmit || !dev->ops->receive || dev->mtu == 0 ||
	    !dev->name[0] || strnlen(dev->name, UK_NETDEV_NAME_MAX) == UK_NETDEV_NAME_MAX ||
	    uk_netdev_find(dev->name))
		return -EINVAL;
	if (device_count == UK_NETDEV_MAX)
		return -ENOSPC;
	memset(&dev->stats, 0, sizeof(dev->stats));
	dev->wakeup = 0;
	dev->wakeup_arg = 0;
	devices[device_count++] = dev;
	return 0;
}

size_t uk_netdev_count(void)
{
	return device_count;
}

struct uk_netdev *uk_netdev_get(size_t index)
{
	return index < device_count ? devices[index] : 0;
}

struct uk_netdev *uk_netdev_find(const char *name)
{
	for (size_t i = 0; i < device_count; i++)
		if (strcmp(devices[i]->name, name) == 0)
			return devices[i];
	return 0;
}

int uk_netdev_transmit(struct uk_netdev *dev, const void *frame, size_t len)
{
	int err = dev->ops->transmit(dev, frame, len);

	if (err < 0) {
		dev->stats.tx_errors++;
		return err;
	}
	dev->stats.tx_frames++;
	dev->stats.tx_bytes += len;
	return 0;
}

int uk_netdev_receive(struct uk_netdev *dev, void *buf, size_t size)
{
	int len = dev->ops->receive(dev, buf, size);

	if (len < 0) {
		dev->stats.rx_errors++;
	} else if (len > 0) {
		dev->stats.rx_frames++;
		dev->stats.rx_bytes += (uint64_t)len;
	}
	return len;
}

void uk_netdev_wait(struct uk_netdev *dev, uint64_t deadline_ns)
{
	if (dev->ops->wait)
		dev->ops->wait(dev, deadline_ns);
}

int uk_netdev_set_wakeup(struct uk_netdev *dev, uk_netdev_wakeup_t fn, void *arg)
{
	int err;

	if (!dev->ops->set_interrupts)
		return -ENOTSUP;
	/* Off while the callback changes, so the handler never sees half of it. */
	err = dev->ops->set_interrupts(dev, false);
	if (err < 0)
		return err;
	dev->wakeup = fn;
	dev->wakeup_arg = arg;
	return fn ? dev->ops->set_interrupts(dev, true) : 0;
}

void uk_netdev_signal_receive(struct uk_netdev *dev)
{
	dev->stats.rx_interrupts++;
	if (dev->wakeup)
		dev->wakeup(dev, dev->wakeup_arg);
}
