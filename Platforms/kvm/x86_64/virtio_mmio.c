/*
 * The virtio-mmio devices the host named on the command line: their
 * arguments are taken out of argv before main sees it, as Linux does, and
 * their register windows are mapped (page tables from the heap's start).
 */
#include <ukplat/console.h>
#include <ukplat/virtio_mmio.h>
#include <x86_64/paging.h>

#include "kvm.h"

static struct ukplat_virtio_mmio_device devices[UKPLAT_VIRTIO_MMIO_MAX];
static size_t device_count;

static void write_string(const char *s)
{
	size_t len = 0;

	while (s[len])
		len++;
	ukplat_console_write(s, len);
}

static void warn(const char *what, const char *arg)
{
	write_string(what);
	write_string(arg);
	write_string("\n");
}

int kvm_take_virtio_mmio_arguments(int argc, char *argv[])
{
	int kept = 0;

	for (int i = 0; i < argc; i++) {
		struct ukplat_virtio_mmio_device device;
		int found = i == 0 ? 0 : ukplat_virtio_mmio_parse(argv[i], &device);

		if (found == 0)
			argv[kept++] = argv[i];
		else if (found < 0)
			warn("kvm: ignoring the malformed argument ", argv[i]);
		else if (device_count == UKPLAT_VIRTIO_MMIO_MAX)
			warn("kvm: ignoring a device beyond the 16th: ", argv[i]);
		else if (x86_64_map_device(device.base, device.size, &kvm_boot.heap_start,
					   kvm_boot.heap_end) < 0)
			warn("kvm: cannot map the registers of ", argv[i]);
		else
			devices[device_count++] = device;
	}
	argv[kept] = 0;
	return kept;
}

size_t ukplat_virtio_mmio_devices(const struct ukplat_virtio_mmio_device **list)
{
	*list = devices;
	return device_count;
}
