/*
 * Wire formats: big-endian fields read and written a byte at a time (frames
 * come with any alignment), and the header sizes and numbers the stack uses.
 */
#ifndef UKNET_WIRE_H
#define UKNET_WIRE_H

#include <stdint.h>

#define ETH_HEADER      14
#define ETH_MIN_FRAME   60 /* shorter frames are padded with zeros */
#define ETH_TYPE_IPV4   0x0800
#define ETH_TYPE_ARP    0x0806

#define IPV4_HEADER     20 /* without options */
#define IPV4_PROTO_ICMP 1
#define IPV4_PROTO_TCP  6
#define IPV4_PROTO_UDP  17
#define IPV4_BROADCAST  0xffffffffu

#define ICMP_HEADER     8
#define UDP_HEADER      8
#define TCP_HEADER      20 /* without options */

static inline uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

#endif
