#!/usr/bin/env python3
# The host side of netecho, run where the tap lives (as root): waits for the
# guest's hello broadcast on TAP, sends FRAMES frames (60, 1514 and 200 bytes
# in turn, random payloads, EtherType 0x88b5) to the guest's MAC address and
# checks that each comes back whole with the addresses swapped.
#
#   ip netns exec NS ./echo-peer.py tap0 300 &
#   ip netns exec NS unikit run --net tap0 -- 300
#
# Disable IPv6 on the tap first (sysctl net.ipv6.conf.TAP.disable_ipv6=1):
# the host's own solicitations would reach the guest and count as echoes.
# Exit status 0 when every frame came back right.
import os
import socket
import sys
import time

ETHERTYPE = b"\x88\xb5"
SIZES = (60, 1514, 200)
PEER_MAC = bytes.fromhex("020000aabbcc")


def main():
    tap = sys.argv[1] if len(sys.argv) > 1 else "tap0"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
    sock.bind((tap, 0))
    sock.settimeout(30)
    while True:
        frame = sock.recv(2048)
        if frame[12:14] == ETHERTYPE and frame[:6] == b"\xff" * 6:
            break
    guest = frame[6:12]
    print("echo-peer: hello from", guest.hex(":"), flush=True)
    good = 0
    start = time.time()
    for i in range(count):
        payload = os.urandom(SIZES[i % len(SIZES)] - 14)
        sock.send(guest + PEER_MAC + ETHERTYPE + payload)
        while True:
            frame = sock.recv(2048)
            if frame[12:14] == ETHERTYPE and frame[6:12] == guest:
                break
        if frame == PEER_MAC + guest + ETHERTYPE + payload:
            good += 1
        else:
            print("echo-peer: frame %d came back wrong (%d bytes)" % (i, len(frame)), flush=True)
    print("echo-peer: %d/%d echoed correctly in %.3f s" % (good, count, time.time() - start),
          flush=True)
    return 0 if good == count else 1


if __name__ == "__main__":
    sys.exit(main())
