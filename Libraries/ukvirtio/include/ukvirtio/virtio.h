/*
 * Facts of the virtio 1.x specification every transport and device type
 * shares: device status bits (spec 2.1), the feature bits reserved for the
 * transport and the rings (spec 6), and device type numbers (spec 5).
 * Every field virtio defines is little-endian, as unikit's architectures.
 */
#ifndef UKVIRTIO_VIRTIO_H
#define UKVIRTIO_VIRTIO_H

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "virtio fields are little-endian: this code reads them natively"
#endif

/* Device status: the driver sets bits one by one while it sets the device
 * up; writing 0 resets the device. */
#define UK_VIRTIO_STATUS_ACKNOWLEDGE        0x01 /* a driver noticed it */
#define UK_VIRTIO_STATUS_DRIVER             0x02 /* a driver knows the type */
#define UK_VIRTIO_STATUS_DRIVER_OK          0x04 /* the driver is ready */
#define UK_VIRTIO_STATUS_FEATURES_OK        0x08 /* features accepted */
#define UK_VIRTIO_STATUS_DEVICE_NEEDS_RESET 0x40 /* set by a device in trouble */
#define UK_VIRTIO_STATUS_FAILED             0x80 /* the driver gave up */

/* Feature bit numbers outside the device types' range (0 to 23). */
#define UK_VIRTIO_F_INDIRECT_DESC     28
#define UK_VIRTIO_F_EVENT_IDX         29
#define UK_VIRTIO_F_VERSION_1         32 /* the modern interface */
#define UK_VIRTIO_F_ACCESS_PLATFORM   33
#define UK_VIRTIO_F_RING_PACKED       34
#define UK_VIRTIO_F_IN_ORDER          35
#define UK_VIRTIO_F_NOTIFICATION_DATA 38

#define UK_VIRTIO_FEATURE(bit) (1ULL << (bit))

/* Device types. 0 marks an empty virtio-mmio slot. */
#define UK_VIRTIO_ID_NONE    0
#define UK_VIRTIO_ID_NET     1
#define UK_VIRTIO_ID_BLOCK   2
#define UK_VIRTIO_ID_CONSOLE 3
#define UK_VIRTIO_ID_ENTROPY 4

#endif
