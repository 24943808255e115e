/*
 * Registers of a real virtio-mmio device: loads and stores of the exact
 * width through the identity-mapped, uncached window the platform set up.
 * `volatile` is all they need on x86: uncached accesses are neither
 * reordered nor merged, and each one traps to the hypervisor (a VM exit,
 * which also orders every memory access before it).
 */
#include <ukconsole/print.h>
#include <ukvirtio/mmio_device.h>

static uint32_t mmio_read(struct uk_virtio_dev *dev, uint32_t offset, unsigned int width)
{
	uintptr_t address = (uintptr_t)dev->context + offset;

	switch (width) {
	case 1:
		return *(volatile uint8_t *)address;
	case 2:
		return *(volatile uint16_t *)address;
	default:
		return *(volatile uint32_t *)address;
	}
}

static void mmio_write(struct uk_virtio_dev *dev, uint32_t offset, uint32_t value)
{
	*(volatile uint32_t *)((uintptr_t)dev->context + offset) = value;
}

const struct uk_virtio_regs uk_virtio_mmio_regs = { mmio_read, mmio_write };

int uk_virtio_mmio_dev_init(struct uk_virtio_dev *dev, uint64_t base)
{
	char name[sizeof(dev->name)];

	uk_snprintf(name, sizeof(name), "virtio-mmio@0x%llx", (unsigned long long)base);
	return uk_virtio_dev_init(dev, &uk_virtio_mmio_regs, (void *)(uintptr_t)base, name);
}
