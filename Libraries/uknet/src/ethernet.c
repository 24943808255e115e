/* Ethernet: frames in by their type, frames out with our address. */
#include <string.h>

#include "stack.h"

static bool is_broadcast_mac(const uint8_t *mac)
{
	return (mac[0] & mac[1] & mac[2] & mac[3] & mac[4] & mac[5]) == 0xff;
}

void eth_input(uint8_t *frame, size_t len)
{
	if (len < ETH_HEADER) {
		COUNT(eth_malformed);
		return;
	}
	if (!is_broadcast_mac(frame) && memcmp(frame, uknet_iface.dev->mac, UK_NETDEV_MAC_LEN) != 0) {
		COUNT(eth_not_ours);
		return;
	}
	switch (get16(frame + 12)) {
	case ETH_TYPE_IPV4:
		ipv4_input(frame + ETH_HEADER, len - ETH_HEADER);
		break;
	case ETH_TYPE_ARP:
		arp_input(frame + ETH_HEADER, len - ETH_HEADER);
		break;
	default:
		COUNT(eth_unknown_type);
	}
}

int eth_transmit(const uint8_t dst[UK_NETDEV_MAC_LEN], uint16_t type, uint8_t *frame, size_t len)
{
	int err;

	memcpy(frame, dst, UK_NETDEV_MAC_LEN);
	memcpy(frame + UK_NETDEV_MAC_LEN, uknet_iface.dev->mac, UK_NETDEV_MAC_LEN);
	put16(frame + 12, type);
	if (len < ETH_MIN_FRAME) {
		memset(frame + len, 0, ETH_MIN_FRAME - len);
		len = ETH_MIN_FRAME;
	}
	err = uk_netdev_transmit(uknet_iface.dev, frame, len);
	if (err < 0) {
		COUNT(tx_errors);
		return err;
	}
	COUNT(tx_frames);
	return 0;
}
