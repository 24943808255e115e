#!/usr/bin/env python3
"""Network checks against a guest, run inside the test's namespace by run-netns.sh.

    netcheck.py wait ADDRESS SECONDS      until ADDRESS answers an ICMP echo
    netcheck.py ping ADDRESS COUNT        COUNT echo requests, one a second apart
    netcheck.py udp ADDRESS PORT COUNT    COUNT datagrams of varied sizes echoed back

ICMP goes through a raw socket (root), so no ping binary is needed. Exit
status 0 when every check passed; each failure is printed.
"""
import os
import socket
import statistics
import struct
import sys
import time


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    total = (total >> 16) + (total & 0xFFFF)
    total += total >> 16
    return ~total & 0xFFFF


def echo_request(ident, sequence, payload):
    header = struct.pack("!BBHHH", 8, 0, 0, ident, sequence)
    header = struct.pack("!BBHHH", 8, 0, checksum(header + payload), ident, sequence)
    return header + payload


def icmp_echo(sock, address, ident, sequence, timeout):
    """Round-trip time in seconds, or None without a matching reply in time."""
    payload = os.urandom(56)
    start = time.perf_counter()
    sock.sendto(echo_request(ident, sequence, payload), (address, 0))
    deadline = start + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            return None
        sock.settimeout(left)
        try:
            packet, (source, _) = sock.recvfrom(65535)
        except socket.timeout:
            return None
        header_len = (packet[0] & 0xF) * 4
        reply = packet[header_len:]
        if source != address or len(reply) < 8:
            continue
        kind, code, _, rident, rsequence = struct.unpack("!BBHHH", reply[:8])
        if kind == 0 and code == 0 and rident == ident and rsequence == sequence:
            if checksum(reply) != 0 or reply[8:] != payload:
                print("ping: reply %d is corrupt" % sequence)
                return None
            return time.perf_counter() - start


def raw_icmp_socket():
    return socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)


def wait(address, seconds):
    deadline = time.monotonic() + float(seconds)
    ident = os.getpid() & 0xFFFF
    sequence = 0
    with raw_icmp_socket() as sock:
        while time.monotonic() < deadline:
            sequence += 1
            if icmp_echo(sock, address, ident, sequence, 0.2) is not None:
                return 0
    print("wait: %s did not answer within %s s" % (address, seconds))
    return 1


def ping(address, count):
    ident = (os.getpid() + 1) & 0xFFFF
    times = []
    with raw_icmp_socket() as sock:
        for sequence in range(1, int(count) + 1):
            rtt = icmp_echo(sock, address, ident, sequence, 2.0)
            if rtt is None:
                print("ping: no reply to echo request %d" % sequence)
            else:
                times.append(rtt)
                print("ping: reply from %s: icmp_seq=%d time=%.3f ms" % (address, sequence, rtt * 1e3))
            if sequence < int(count):
                time.sleep(1)
    print("ping: %d transmitted, %d received" % (int(count), len(times)))
    return 0 if len(times) == int(count) else 1


def udp(address, port, count):
    port, count = int(port), int(count)
    sizes = [1, 7, 64, 512, 1000, 1472]
    failures = 0
    times = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(2.0)
        for i in range(count):
            payload = os.urandom(sizes[i % len(sizes)])
            start = time.perf_counter()
            sock.sendto(payload, (address, port))
            try:
                reply, source = sock.recvfrom(65535)
            except socket.timeout:
                print("udp: datagram %d (%d bytes) not echoed" % (i, len(payload)))
                failures += 1
                continue
            times.append(time.perf_counter() - start)
            if reply != payload or source != (address, port):
                print("udp: datagram %d came back different or from %s" % (i, source))
                failures += 1
    if times:
        print("udp: %d/%d echoed; round trip median %.1f us, min %.1f us, max %.1f us"
              % (len(times) - failures, count, statistics.median(times) * 1e6,
                 min(times) * 1e6, max(times) * 1e6))
    return 0 if failures == 0 and len(times) == count else 1


def main(argv):
    commands = {"wait": (wait, 2), "ping": (ping, 2), "udp": (udp, 3)}
    if len(argv) < 2 or argv[1] not in commands or len(argv) - 2 != commands[argv[1]][1]:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    function, _ = commands[argv[1]]
    return function(*argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
