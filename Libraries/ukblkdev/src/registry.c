/* The list of registered block devices and their names (ukblkdev/blkdev.h). */
#include <errno.h>
#include <string.h>
#include <ukblkdev/blkdev.h>
#include <ukconsole/print.h>

static struct uk_blkdev *first, **last = &first;
static unsigned int count;

static int geometry_is_usable(const struct uk_blkdev *dev)
{
	uint32_t size = dev->sector_size;

	return size >= 512 && (size & (size - 1)) == 0 && dev->sectors <= UINT64_MAX / size;
}

int uk_blkdev_register(struct uk_blkdev *dev)
{
	if (!dev->ops || !dev->ops->read || !dev->ops->write || !geometry_is_usable(dev))
		return -EINVAL;
	uk_snprintf(dev->name, sizeof(dev->name), "blk%u", count);
	dev->next = 0;
	*last = dev;
	last = &dev->next;
	count++;
	return 0;
}

unsigned int uk_blkdev_count(void)
{
	return count;
}

struct uk_blkdev *uk_blkdev_get(unsigned int index)
{
	struct uk_blkdev *dev = first;

	while (dev && index--)
		dev = dev->next;
	return dev;
}

struct uk_blkdev *uk_blkdev_find(const char *name)
{
	for (struct uk_blkdev *dev = first; dev; dev = dev->next)
		if (strcmp(dev->name, name) == 0)
			return dev;
	return 0;
}
