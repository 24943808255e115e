/* Interrupt mode: a virtio-mmio device's line, routed to its hook. */
#include <ukconsole/print.h>
#include <ukplat/irq.h>
#include <ukvirtio/mmio_device.h>

static void device_interrupt(void *dev)
{
	uk_virtio_interrupt(dev);
}

int uk_virtio_mmio_route_interrupts(struct uk_virtio_dev *dev)
{
	int err = ukplat_irq_register(dev->irq, device_interrupt, dev);

	if (err < 0)
		uk_printf("virtio: %s: cannot route interrupt line %u (error %d); polling\n", dev->name,
			  dev->irq, err);
	return err;
}
