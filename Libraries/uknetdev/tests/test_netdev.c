/* The device registry and the counting wrappers, with a fake driver. */
#include <errno.h>
#include <string.h>
#include <uknetdev/netdev.h>
#include <uktest/test.h>

struct fake_dev {
	struct uk_netdev dev;
	int transmit_result;
	int frames_waiting;
	bool interrupts;
};

static int fake_transmit(struct uk_netdev *dev, const void *frame, size_t len)
{
	(void)frame;
	(void)len;
	return ((struct fake_dev *)dev)->transmit_result;
}

static int fake_receive(struct uk_netdev *dev, void *buf, size_t size)
{
	struct fake_dev *fake = (struct fake_dev *)dev;

	if (fake->frames_waiting == 0 || size < 60)
		return 0;
	fake->frames_waiting--;
	memset(buf, 0xab, 60);
	return 60;
}

static int fake_set_interrupts(struct uk_netdev *dev, bool on)
{
	((struct fake_dev *)dev)->interrupts = on;
	return 0;
}

static const struct uk_netdev_ops fake_ops = {
	.transmit = fake_transmit,
	.receive = fake_receive,
	.set_interrupts = fake_set_interrupts,
};

static struct fake_dev fake = {
	.dev = { .name = "fake-netdev", .mtu = 1500, .ops = &fake_ops },
};

static void register_fake_once(void)
{
	if (!uk_netdev_find(fake.dev.name))
		uk_netdev_register(&fake.dev);
}

UK_TESTCASE(netdev, registered_devices_are_found_by_name_and_index)
{
	size_t i;

	register_fake_once();
	UK_TEST_EXPECT(uk_netdev_find("fake-netdev") == &fake.dev);
	UK_TEST_EXPECT(uk_netdev_find("no-such-device") == 0);
	for (i = 0; i < uk_netdev_count(); i++)
		if (uk_netdev_get(i) == &fake.dev)
			break;
	UK_TEST_EXPECT(i < uk_netdev_count());
	UK_TEST_EXPECT(uk_netdev_get(uk_netdev_count()) == 0);
}

UK_TESTCASE(netdev, incomplete_or_duplicate_devices_are_refused)
{
	static const struct uk_netdev_ops no_receive = { .transmit = fake_transmit };
	struct uk_netdev same_name = { .name = "fake-netdev", .mtu = 1500, .ops = &fake_ops };
	struct uk_netdev missing_op = { .name = "half", .mtu = 1500, .ops = &no_receive };
	struct uk_netdev no_mtu = { .name = "nomtu", .ops = &fake_ops };
	struct uk_netdev no_name = { .mtu = 1500, .ops = &fake_ops };

	register_fake_once();
	UK_TEST_EXPECT_EQ(uk_netdev_register(&same_name), -EINVAL);
	UK_TEST_EXPECT_EQ(uk_netdev_register(&missing_op), -EINVAL);
	UK_TEST_EXPECT_EQ(uk_netdev_register(&no_mtu), -EINVAL);
	UK_TEST_EXPECT_EQ(uk_netdev_register(&no_name), -EINVAL);
}

UK_TESTCASE(netdev, wrappers_count_frames_bytes_and_errors)
{
	uint8_t frame[UK_NETDEV_FRAME_MAX];
	struct uk_netdev_stats before;

	register_fake_once();
	before = fake.dev.stats;
	fake.transmit_result = 0;
	UK_TEST_EXPECT_EQ(uk_netdev_transmit(&fake.dev, frame, 100), 0);
	fake.transmit_result = -EAGAIN;
	UK_TEST_EXPECT_EQ(uk_netdev_transmit(&fake.dev, frame, 100), -EAGAIN);
	fake.frames_waiting = 1;
	UK_TEST_EXPECT_EQ(uk_netdev_receive(&fake.dev, frame, sizeof(frame)), 60);
	UK_TEST_EXPECT_EQ(uk_netdev_receive(&fake.dev, frame, sizeof(frame)), 0);
	UK_TEST_EXPECT_EQ(fake.dev.stats.tx_frames - before.tx_frames, 1);
	UK_TEST_EXPECT_EQ(fake.dev.stats.tx_bytes - before.tx_bytes, 100);
	UK_TEST_EXPECT_EQ(fake.dev.stats.tx_errors - before.tx_errors, 1);
	UK_TEST_EXPECT_EQ(fake.dev.stats.rx_frames - before.rx_frames, 1);
	UK_TEST_EXPECT_EQ(fake.dev.stats.rx_bytes - before.rx_bytes, 60);
}

static int wakeups;

static void count_wakeup(struct uk_netdev *dev, void *arg)
{
	(void)dev;
	*(int *)arg += 1;
}

UK_TESTCASE(netdev, wakeup_runs_while_interrupts_are_on)
{
	struct uk_netdev polled = { .name = "polled", .mtu = 1500 };
	static const struct uk_netdev_ops polled_ops = { .transmit = fake_transmit,
							 .receive = fake_receive };

	register_fake_once();
	wakeups = 0;
	UK_TEST_EXPECT_EQ(uk_netdev_set_wakeup(&fake.dev, count_wakeup, &wakeups), 0);
	UK_TEST_EXPECT(fake.interrupts);
	uk_netdev_signal_receive(&fake.dev);
	UK_TEST_EXPECT_EQ(wakeups, 1);
	UK_TEST_EXPECT_EQ(uk_netdev_set_wakeup(&fake.dev, 0, 0), 0);
	UK_TEST_EXPECT(!fake.interrupts);
	uk_netdev_signal_receive(&fake.dev);
	UK_TEST_EXPECT_EQ(wakeups, 1);

	polled.ops = &polled_ops;
	UK_TEST_EXPECT_EQ(uk_netdev_set_wakeup(&polled, count_wakeup, &wakeups), -ENOTSUP);
}
