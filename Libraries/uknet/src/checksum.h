/*
 * The Internet checksum (RFC 1071): the one's complement of the one's
 * complement sum of 16-bit words. The sum does not depend on byte order,
 * so it runs over native 64-bit loads and the result is stored as it
 * comes out (store_checksum), not through put16.
 */
#ifndef UKNET_CHECKSUM_H
#define UKNET_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* Adds `len` bytes at `data` to a running sum; only the last piece of a
 * sum may have an odd length. */
uint64_t checksum_add(uint64_t sum, const void *data, size_t len);

/* Adds the IPv4 pseudo-header of a UDP or TCP segment of `len` bytes. */
uint64_t checksum_pseudo_header(uint32_t src, uint32_t dst, uint8_t protocol, uint16_t len);

/* Folds the sum and complements it: the value for the checksum field. A
 * region that includes a correct checksum field finishes as 0. */
uint16_t checksum_finish(uint64_t sum);

/* Stores a finished checksum at `field`. */
void store_checksum(uint8_t *field, uint16_t checksum);

#endif
