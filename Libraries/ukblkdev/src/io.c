/* Sector I/O: the checks every driver would otherwise repeat, then the
 * driver's operation (ukblkdev/blkdev.h). */
#include <errno.h>
#include <ukblkdev/blkdev.h>

static int in_range(const struct uk_blkdev *dev, uint64_t sector, uint64_t count)
{
	return sector <= dev->sectors && count <= dev->sectors - sector;
}

int uk_blkdev_read(struct uk_blkdev *dev, uint64_t sector, uint64_t count, void *buf)
{
	if (!in_range(dev, sector, count))
		return -ERANGE;
	return count ? dev->ops->read(dev, sector, count, buf) : 0;
}

int uk_blkdev_write(struct uk_blkdev *dev, uint64_t sector, uint64_t count, const void *buf)
{
	if (dev->read_only)
		return -EROFS;
	if (!in_range(dev, sector, count))
		return -ERANGE;
	return count ? dev->ops->write(dev, sector, count, buf) : 0;
}

int uk_blkdev_flush(struct uk_blkdev *dev)
{
	if (dev->read_only || !dev->ops->flush)
		return 0;
	return dev->ops->flush(dev);
}
