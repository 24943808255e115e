/* virtio_mmio.device= arguments: the forms Linux accepts, and bad ones. */
#include <ukplat/virtio_mmio.h>
#include <uktest/test.h>

UK_TESTCASE(virtio_mmio, parses_size_base_irq)
{
	struct ukplat_virtio_mmio_device d;

	UK_TEST_ASSERT(ukplat_virtio_mmio_parse("virtio_mmio.device=4K@0xfeb00000:12", &d) == 1);
	UK_TEST_EXPECT_EQ(d.size, 4096);
	UK_TEST_EXPECT_EQ(d.base, 0xfeb00000);
	UK_TEST_EXPECT_EQ(d.irq, 12);
	UK_TEST_EXPECT_EQ(d.id, 0);
	UK_TEST_ASSERT(ukplat_virtio_mmio_parse("virtio_mmio.device=0x200@1G:5:3", &d) == 1);
	UK_TEST_EXPECT_EQ(d.size, 0x200);
	UK_TEST_EXPECT_EQ(d.base, 1ULL << 30);
	UK_TEST_EXPECT_EQ(d.id, 3);
}

UK_TESTCASE(virtio_mmio, other_arguments_are_not_devices)
{
	struct ukplat_virtio_mmio_device d;

	UK_TEST_EXPECT_EQ(ukplat_virtio_mmio_parse("console=ttyS0", &d), 0);
	UK_TEST_EXPECT_EQ(ukplat_virtio_mmio_parse("virtio_mmio.dev=1K@0:1", &d), 0);
}

UK_TESTCASE(virtio_mmio, malformed_ones_are_refused)
{
	static const char *const bad[] = {
		"virtio_mmio.device=", "virtio_mmio.device=4K", "virtio_mmio.device=4K@",
		"virtio_mmio.device=4K@0x1000", "virtio_mmio.device=4K@0x1000:", "virtio_mmio.device=0@0x1000:1",
		"virtio_mmio.device=4K@0x1000:1x", "virtio_mmio.device=4K@0xffffffffffffffff:1",
		"virtio_mmio.device=4K@0x1000:99999999999", "virtio_mmio.device=4K@0x1000:1:",
		"virtio_mmio.device=99999999999999999999@0:1",
	};
	struct ukplat_virtio_mmio_device d;

	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		UK_TEST_EXPECT_EQ(ukplat_virtio_mmio_parse(bad[i], &d), -1);
}
