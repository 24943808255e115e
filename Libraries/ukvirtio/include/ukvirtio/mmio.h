/*
 * The virtio-mmio register window, version 2 (virtio 1.x, spec 4.2.2): a
 * block of little-endian 32-bit registers, then the device-specific
 * configuration space from offset 0x100. 64-bit values are split in a low
 * and a high register; the feature words are read and written 32 bits at a
 * time, chosen by a selector register.
 */
#ifndef UKVIRTIO_MMIO_H
#define UKVIRTIO_MMIO_H

#define UK_VIRTIO_MMIO_MAGIC_VALUE         0x000 /* reads 0x74726976, "virt" */
#define UK_VIRTIO_MMIO_VERSION             0x004 /* 2; 1 is the legacy interface */
#define UK_VIRTIO_MMIO_DEVICE_ID           0x008
#define UK_VIRTIO_MMIO_VENDOR_ID           0x00c
#define UK_VIRTIO_MMIO_DEVICE_FEATURES     0x010 /* the word DEVICE_FEATURES_SEL picks */
#define UK_VIRTIO_MMIO_DEVICE_FEATURES_SEL 0x014
#define UK_VIRTIO_MMIO_DRIVER_FEATURES     0x020 /* the word DRIVER_FEATURES_SEL picks */
#define UK_VIRTIO_MMIO_DRIVER_FEATURES_SEL 0x024
#define UK_VIRTIO_MMIO_QUEUE_SEL           0x030 /* the queue the QUEUE_* registers mean */
#define UK_VIRTIO_MMIO_QUEUE_NUM_MAX       0x034 /* 0: the queue does not exist */
#define UK_VIRTIO_MMIO_QUEUE_NUM           0x038 /* entries the driver chose */
#define UK_VIRTIO_MMIO_QUEUE_READY         0x044
#define UK_VIRTIO_MMIO_QUEUE_NOTIFY        0x050 /* write a queue's number: it has news */
#define UK_VIRTIO_MMIO_INTERRUPT_STATUS    0x060
#define UK_VIRTIO_MMIO_INTERRUPT_ACK       0x064
#define UK_VIRTIO_MMIO_STATUS              0x070
#define UK_VIRTIO_MMIO_QUEUE_DESC_LOW      0x080 /* descriptor table */
#define UK_VIRTIO_MMIO_QUEUE_DESC_HIGH     0x084
#define UK_VIRTIO_MMIO_QUEUE_DRIVER_LOW    0x090 /* available ring */
#define UK_VIRTIO_MMIO_QUEUE_DRIVER_HIGH   0x094
#define UK_VIRTIO_MMIO_QUEUE_DEVICE_LOW    0x0a0 /* used ring */
#define UK_VIRTIO_MMIO_QUEUE_DEVICE_HIGH   0x0a4
#define UK_VIRTIO_MMIO_CONFIG_GENERATION   0x0fc /* changes when the config changes */
#define UK_VIRTIO_MMIO_CONFIG              0x100 /* device-specific configuration */

#define UK_VIRTIO_MMIO_MAGIC 0x74726976
#define UK_VIRTIO_MMIO_VERSION_LEGACY 1
#define UK_VIRTIO_MMIO_VERSION_MODERN 2

/* INTERRUPT_STATUS and INTERRUPT_ACK bits. */
#define UK_VIRTIO_MMIO_INTERRUPT_USED_BUFFER   0x1
#define UK_VIRTIO_MMIO_INTERRUPT_CONFIG_CHANGE 0x2

#endif
