/* Identification, the status handshake, feature negotiation and the
 * configuration space, against the in-memory device model. */
#include <errno.h>
#include <uktest/test.h>
#include <ukvirtio/device.h>

#include "fake_device.h"

#define BIT(n) UK_VIRTIO_FEATURE(n)
#define VERSION_1 BIT(UK_VIRTIO_F_VERSION_1)

UK_TESTCASE(virtio_device, identifies_a_modern_device)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;

	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, VERSION_1);
	UK_TEST_EXPECT_EQ(fake_device_attach(&fake, &dev), 0);
	UK_TEST_EXPECT_EQ(dev.device_id, UK_VIRTIO_ID_BLOCK);
	UK_TEST_EXPECT_STR_EQ(dev.name, "fake");
}

UK_TESTCASE(virtio_device, refuses_legacy_foreign_and_empty_slots)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;

	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, VERSION_1);
	fake.version = 1;
	UK_TEST_EXPECT_EQ(fake_device_attach(&fake, &dev), -ENOTSUP);
	fake.version = 3;
	UK_TEST_EXPECT_EQ(fake_device_attach(&fake, &dev), -ENOTSUP);
	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, VERSION_1);
	fake.magic = 0x12345678;
	UK_TEST_EXPECT_EQ(fake_device_attach(&fake, &dev), -ENOTSUP);
	fake_device_init(&fake, UK_VIRTIO_ID_NONE, VERSION_1);
	UK_TEST_EXPECT_EQ(fake_device_attach(&fake, &dev), -ENODEV);
}

UK_TESTCASE(virtio_device, negotiates_what_both_sides_know)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;

	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, VERSION_1 | BIT(5) | BIT(9) | BIT(40));
	fake.status = UK_VIRTIO_STATUS_DRIVER_OK; /* left over: the reset clears it */
	UK_TEST_ASSERT(fake_device_attach(&fake, &dev) == 0);
	UK_TEST_EXPECT_EQ(uk_virtio_negotiate(&dev, BIT(5) | BIT(6)), 0);
	UK_TEST_EXPECT_EQ(dev.features, VERSION_1 | BIT(5));
	UK_TEST_EXPECT_EQ(fake.driver_features, VERSION_1 | BIT(5));
	UK_TEST_EXPECT(uk_virtio_has_feature(&dev, 5));
	UK_TEST_EXPECT(!uk_virtio_has_feature(&dev, 9));
	UK_TEST_ASSERT(fake.status_writes == 4);
	UK_TEST_EXPECT_EQ(fake.status_history[0], 0);
	UK_TEST_EXPECT_EQ(fake.status_history[1], UK_VIRTIO_STATUS_ACKNOWLEDGE);
	UK_TEST_EXPECT_EQ(fake.status_history[2],
			  UK_VIRTIO_STATUS_ACKNOWLEDGE | UK_VIRTIO_STATUS_DRIVER);
	UK_TEST_EXPECT_EQ(fake.status_history[3], UK_VIRTIO_STATUS_ACKNOWLEDGE |
				  UK_VIRTIO_STATUS_DRIVER | UK_VIRTIO_STATUS_FEATURES_OK);
	UK_TEST_EXPECT_EQ(uk_virtio_driver_ok(&dev), 0);
	UK_TEST_EXPECT(fake.status & UK_VIRTIO_STATUS_DRIVER_OK);
	UK_TEST_EXPECT(fake.status & UK_VIRTIO_STATUS_FEATURES_OK);
}

UK_TESTCASE(virtio_device, requires_version_1)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;

	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, BIT(5));
	UK_TEST_ASSERT(fake_device_attach(&fake, &dev) == 0);
	UK_TEST_EXPECT_EQ(uk_virtio_negotiate(&dev, BIT(5)), -ENOTSUP);
	UK_TEST_EXPECT(fake.status & UK_VIRTIO_STATUS_FAILED);
	UK_TEST_EXPECT(!(fake.status & UK_VIRTIO_STATUS_FEATURES_OK));
}

UK_TESTCASE(virtio_device, fails_when_features_are_refused)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;

	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, VERSION_1);
	fake.refuses_features = 1;
	UK_TEST_ASSERT(fake_device_attach(&fake, &dev) == 0);
	UK_TEST_EXPECT_EQ(uk_virtio_negotiate(&dev, 0), -ENOTSUP);
	UK_TEST_EXPECT(fake.status & UK_VIRTIO_STATUS_FAILED);
}

UK_TESTCASE(virtio_device, driver_ok_reports_a_device_needing_reset)
{
	struct fake_device fake;
	struct uk_virtio_dev dev;

	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, VERSION_1);
	UK_TEST_ASSERT(fake_device_attach(&fake, &dev) == 0);
	UK_TEST_ASSERT(uk_virtio_negotiate(&dev, 0) == 0);
	fake.status |= UK_VIRTIO_STATUS_DEVICE_NEEDS_RESET;
	UK_TEST_EXPECT_EQ(uk_virtio_driver_ok(&dev), -EIO);
	UK_TEST_EXPECT(uk_virtio_needs_reset(&dev));
}

UK_TESTCASE(virtio_device, reads_configuration_fields)
{
	static const uint8_t config[12] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
					    0x99, 0xaa, 0xbb, 0xcc };
	struct fake_device fake;
	struct uk_virtio_dev dev;
	uint64_t value = 0;

	fake_device_init(&fake, UK_VIRTIO_ID_BLOCK, VERSION_1);
	for (unsigned int i = 0; i < sizeof(config); i++)
		fake.config[i] = config[i];
	UK_TEST_ASSERT(fake_device_attach(&fake, &dev) == 0);
	UK_TEST_EXPECT_EQ(uk_virtio_config_read8(&dev, 1), 0x22);
	UK_TEST_EXPECT_EQ(uk_virtio_config_read16(&dev, 2), 0x4433);
	UK_TEST_EXPECT_EQ(uk_virtio_config_read32(&dev, 8), 0xccbbaa99);
	UK_TEST_EXPECT_EQ(uk_virtio_config_read64(&dev, 0, &value), 0);
	UK_TEST_EXPECT_EQ(value, 0x8877665544332211ULL);
	fake.unstable_generation = 1;
	UK_TEST_EXPECT_EQ(uk_virtio_config_read64(&dev, 0, &value), -EIO);
}
