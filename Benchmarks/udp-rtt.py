#!/usr/bin/env python3
"""UDP echo round trips for Benchmarks/io.sh, run inside its namespace.

    udp-rtt.py ADDRESS PORT COUNT SIZE

Sends COUNT datagrams of SIZE random bytes one after the other, each after
the previous one came back, checks every echo, and prints the round trip:

    udp 64 bytes: 200/200 echoed; median 2210.4 us, p99 4012.9 us

Exit status 0 when every datagram came back unchanged.
"""
import os
import socket
import statistics
import sys
import time


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    address, port, count, size = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    times = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(2.0)
        for i in range(count):
            payload = os.urandom(size)
            start = time.perf_counter()
            sock.sendto(payload, (address, port))
            try:
                reply, source = sock.recvfrom(65535)
            except socket.timeout:
                print("udp: datagram %d not echoed" % i)
                return 1
            elapsed = time.perf_counter() - start
            if reply != payload or source != (address, port):
                print("udp: datagram %d came back different or from %s" % (i, source))
                return 1
            times.append(elapsed)
    times.sort()
    p99 = times[min(len(times) - 1, (99 * len(times) + 99) // 100 - 1)]
    print("udp %d bytes: %d/%d echoed; median %.1f us, p99 %.1f us"
          % (size, len(times), count, statistics.median(times) * 1e6, p99 * 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
