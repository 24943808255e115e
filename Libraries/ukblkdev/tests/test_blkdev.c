/* The block device interface's registry and checks, over a device in RAM. */
#include <errno.h>
#include <string.h>
#include <ukblkdev/blkdev.h>
#include <uktest/test.h>

#define RAM_SECTORS 8

static uint8_t ram[RAM_SECTORS * 512];
static unsigned int driver_calls, flushes;

static int ram_read(struct uk_blkdev *dev, uint64_t sector, uint64_t count, void *buf)
{
	driver_calls++;
	memcpy(buf, ram + sector * dev->sector_size, count * dev->sector_size);
	return 0;
}

static int ram_write(struct uk_blkdev *dev, uint64_t sector, uint64_t count, const void *buf)
{
	driver_calls++;
	memcpy(ram + sector * dev->sector_size, buf, count * dev->sector_size);
	return 0;
}

static int ram_flush(struct uk_blkdev *dev __attribute__((unused)))
{
	flushes++;
	return 0;
}

static const struct uk_blkdev_ops ram_ops = { ram_read, ram_write, ram_flush };

/* Registration is for good: the test devices stay for the whole run. */
static struct uk_blkdev ram_disk = {
	.ops = &ram_ops, .driver = "ram", .sector_size = 512, .sectors = RAM_SECTORS,
};
static struct uk_blkdev ram_disk_read_only = {
	.ops = &ram_ops, .driver = "ram", .sector_size = 512, .sectors = RAM_SECTORS,
	.read_only = 1,
};

UK_TESTCASE(blkdev, registers_and_names_devices)
{
	unsigned int before = uk_blkdev_count();
	char name[8];

	UK_TEST_ASSERT(uk_blkdev_register(&ram_disk) == 0);
	UK_TEST_EXPECT_EQ(uk_blkdev_count(), before + 1);
	UK_TEST_EXPECT(uk_blkdev_get(before) == &ram_disk);
	UK_TEST_EXPECT(uk_blkdev_get(before + 1) == 0);
	memcpy(name, ram_disk.name, sizeof(name));
	UK_TEST_EXPECT(uk_blkdev_find(name) == &ram_disk);
	UK_TEST_EXPECT(uk_blkdev_find("nodisk") == 0);
	UK_TEST_ASSERT(uk_blkdev_register(&ram_disk_read_only) == 0);
	UK_TEST_EXPECT(strcmp(ram_disk.name, ram_disk_read_only.name) != 0);
}

UK_TESTCASE(blkdev, refuses_unusable_devices)
{
	struct uk_blkdev bad = { .ops = &ram_ops, .sector_size = 500, .sectors = 1 };
	unsigned int before = uk_blkdev_count();

	UK_TEST_EXPECT_EQ(uk_blkdev_register(&bad), -EINVAL);
	bad.sector_size = 256;
	UK_TEST_EXPECT_EQ(uk_blkdev_register(&bad), -EINVAL);
	bad.sector_size = 4096;
	bad.sectors = UINT64_MAX / 1024;
	UK_TEST_EXPECT_EQ(uk_blkdev_register(&bad), -EINVAL);
	bad.sectors = 1;
	bad.ops = 0;
	UK_TEST_EXPECT_EQ(uk_blkdev_register(&bad), -EINVAL);
	UK_TEST_EXPECT_EQ(uk_blkdev_count(), before);
}

UK_TESTCASE(blkdev, moves_sectors_inside_the_device)
{
	static uint8_t out[2 * 512], in[2 * 512];

	for (unsigned int i = 0; i < sizeof(out); i++)
		out[i] = (uint8_t)(i * 7);
	UK_TEST_EXPECT_EQ(uk_blkdev_write(&ram_disk, RAM_SECTORS - 2, 2, out), 0);
	UK_TEST_EXPECT_EQ(uk_blkdev_read(&ram_disk, RAM_SECTORS - 2, 2, in), 0);
	UK_TEST_EXPECT_EQ(memcmp(in, out, sizeof(in)), 0);
	UK_TEST_EXPECT_EQ(uk_blkdev_flush(&ram_disk), 0);
}

UK_TESTCASE(blkdev, refuses_requests_outside_the_device)
{
	static uint8_t buf[2 * 512];

	driver_calls = 0;
	UK_TEST_EXPECT_EQ(uk_blkdev_read(&ram_disk, RAM_SECTORS - 1, 2, buf), -ERANGE);
	UK_TEST_EXPECT_EQ(uk_blkdev_write(&ram_disk, RAM_SECTORS, 1, buf), -ERANGE);
	UK_TEST_EXPECT_EQ(uk_blkdev_read(&ram_disk, UINT64_MAX, 2, buf), -ERANGE);
	UK_TEST_EXPECT_EQ(uk_blkdev_read(&ram_disk, 1, UINT64_MAX, buf), -ERANGE);
	UK_TEST_EXPECT_EQ(uk_blkdev_read(&ram_disk, RAM_SECTORS, 0, buf), 0);
	UK_TEST_EXPECT_EQ(driver_calls, 0);
}

UK_TESTCASE(blkdev, read_only_devices_refuse_writes)
{
	static uint8_t buf[512];

	driver_calls = flushes = 0;
	UK_TEST_EXPECT_EQ(uk_blkdev_write(&ram_disk_read_only, 0, 1, buf), -EROFS);
	UK_TEST_EXPECT_EQ(uk_blkdev_read(&ram_disk_read_only, 0, 1, buf), 0);
	UK_TEST_EXPECT_EQ(uk_blkdev_flush(&ram_disk_read_only), 0);
	UK_TEST_EXPECT_EQ(driver_calls, 1);
	UK_TEST_EXPECT_EQ(flushes, 0);
}
