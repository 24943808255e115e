/*
 * virtio-mmio devices named on the command line, as Linux, QEMU microvm and
 * Firecracker do it: virtio_mmio.device=<size>@<base>:<irq>[:<id>], sizes
 * and addresses in C notation with an optional K, M or G suffix. The kvm
 * platform takes these arguments out of argv and maps the devices' register
 * windows (identity-mapped, uncached); drivers ask for the list.
 */
#ifndef UKPLAT_VIRTIO_MMIO_H
#define UKPLAT_VIRTIO_MMIO_H

#include <stddef.h>
#include <stdint.h>

#define UKPLAT_VIRTIO_MMIO_MAX 16

struct ukplat_virtio_mmio_device {
	uint64_t base;
	uint64_t size;
	uint32_t irq;
	uint32_t id; /* the platform device id Linux would use; 0 if not given */
};

/* 1 and *device filled when `arg` is a well-formed virtio_mmio.device=
 * argument; 0 when it is another argument; -1 when it is malformed. */
int ukplat_virtio_mmio_parse(const char *arg, struct ukplat_virtio_mmio_device *device);

/* The devices found at boot; returns how many. Platforms that implement it
 * select HAVE_VIRTIO_MMIO. */
size_t ukplat_virtio_mmio_devices(const struct ukplat_virtio_mmio_device **devices);

#endif
