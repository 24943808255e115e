#!/usr/bin/env bash
# Issue 8's benchmark: the same kvm images on unikit's loader (`unikit run
# --net/--disk`) and on QEMU microvm (virtio-mmio devices), side by side:
#   - httpreply: requests/s with wrk (CONNECTIONS kept-alive connections,
#     SECONDS seconds), from a network namespace this script makes;
#   - udpecho: UDP echo round trip, median and p99 of COUNT datagrams, for
#     64- and 1472-byte payloads (Benchmarks/udp-rtt.py);
#   - Benchmarks/blkbench: MIB MiB written sequentially in 1 MiB calls then
#     flushed, and read back, timed by the guest clock; next to the host's
#     dd on the same file: write with conv=fdatasync (the guest's figure
#     includes its flush, which is an fdatasync on both hosts), read from
#     the page cache (where the guest's reads come from too).
# Every figure is measured ROUNDS times, loader and QEMU alternating; the
# table gives medians, and ratios that read "above 1: the loader is better".
#
#   Benchmarks/io.sh [ROUNDS] [SECONDS] [COUNT] [MIB]   (default 3 10 200 16)
#
# Root (namespace, tap); needs qemu-system-x86_64, wrk, python3, dd.
# UNIKIT names the unikit binary (default .build/release/unikit); the images
# are built from this tree. Traffic stays inside the namespace, which is
# deleted at the end, as are the scratch files.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
seconds=${2:-10}
count=${3:-200}
mib=${4:-16}
connections=4
unikit=${UNIKIT:-$root/.build/release/unikit}
netcheck="$root/Tests/GuestTests/net/netcheck.py"
ns="unikit-io-$$"
guest=10.0.0.2
guest_args="net.ip=$guest/24"
qemu=(qemu-system-x86_64 -M microvm,acpi=off -accel kvm -cpu host,-arch-capabilities -m 64M
	-nodefaults -no-user-config -display none -serial stdio
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -global virtio-mmio.force-legacy=false)
qemu_net=(-netdev tap,id=n0,ifname=tap0,script=no,downscript=no -device virtio-net-device,netdev=n0)

work=$(mktemp -d)
made_ns=0
guest_pid=""
stop_guest() {
	[ -n "$guest_pid" ] || return 0
	kill -TERM -- "-$guest_pid" 2>/dev/null || true
	wait "$guest_pid" 2>/dev/null || true
	guest_pid=""
}
cleanup() {
	stop_guest
	[ "$made_ns" = 0 ] || ip netns delete "$ns"
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

export UNIKIT_HOME="$root"
for app in Examples/udpecho Examples/httpreply Benchmarks/blkbench; do
	(cd "$root/$app" && "$unikit" defconfig >/dev/null && "$unikit" build >/dev/null)
done
image() { echo "$root/$1/build/$(basename "$1")_kvm-x86_64"; }
udpecho=$(image Examples/udpecho)
httpreply=$(image Examples/httpreply)
blkbench=$(image Benchmarks/blkbench)

ip netns add "$ns"
made_ns=1
ip -n "$ns" link set lo up
ip -n "$ns" tuntap add dev tap0 mode tap
ip -n "$ns" address add 10.0.0.1/24 dev tap0
ip -n "$ns" link set tap0 up

in_ns() { ip netns exec "$ns" "$@"; }

# Starts IMAGE on HOST (loader or qemu) attached to the tap and waits until
# it answers an ICMP echo. The loader and QEMU give the guest different MAC
# addresses, so the namespace forgets the last one first.
start_net_guest() {
	local host=$1 image=$2
	ip -n "$ns" neigh flush dev tap0
	if [ "$host" = loader ]; then
		ip netns exec "$ns" setsid "$unikit" run "$image" --net tap0 -- $guest_args >"$work/guest.log" 2>&1 </dev/null &
	else
		ip netns exec "$ns" setsid "${qemu[@]}" "${qemu_net[@]}" -kernel "$image" -append "$guest_args" \
			>"$work/guest.log" 2>&1 </dev/null &
	fi
	guest_pid=$!
	in_ns python3 "$netcheck" wait "$guest" 30 >/dev/null ||
		fail "the guest on $host never answered: $(cat "$work/guest.log")"
}

# Each measure runs in this shell (so the clean-up knows the guest) and
# leaves its figures in `figures`.
fail() {
	echo "io.sh: $*" >&2
	exit 1
}

# Round trips in microseconds: "MEDIAN64 P99_64 MEDIAN1472 P99_1472".
measure_udp() {
	local host=$1 line
	figures=""
	start_net_guest "$host" "$udpecho"
	for size in 64 1472; do
		line=$(in_ns python3 "$root/Benchmarks/udp-rtt.py" "$guest" 7 "$count" "$size") ||
			fail "udp on $host: $line"
		figures+=" $(echo "$line" | sed -n 's/.*median \([0-9.]*\) us, p99 \([0-9.]*\) us/\1 \2/p')"
	done
	stop_guest
}

# httpreply's requests/s under wrk.
measure_http() {
	local host=$1 out
	start_net_guest "$host" "$httpreply"
	out=$(in_ns wrk -t1 -c"$connections" -d"${seconds}s" "http://$guest/")
	stop_guest
	! echo "$out" | grep -qE "Non-2xx|Socket errors" || fail "wrk on $host reported errors: $out"
	figures=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
}

# "WRITE READ" in MB/s (10^6 bytes); the write includes the flush.
measure_blk() {
	local host=$1 disk="$work/disk.img" out
	rm -f "$disk"
	truncate -s "$((2 * mib))M" "$disk"
	if [ "$host" = loader ]; then
		out=$("$unikit" run "$blkbench" --disk "$disk" -- "${mib}M" 2>&1) || true
	else
		out=$("${qemu[@]}" -drive "id=d0,file=$disk,format=raw,if=none" -device virtio-blk-device,drive=d0 \
			-kernel "$blkbench" -append "${mib}M" 2>&1) || true
	fi
	echo "$out" | grep -q "^blkbench: .* read [0-9]* us" || fail "blkbench on $host: $out"
	figures=$(echo "$out" | sed -n 's/.*: write \([0-9]*\) us, flush \([0-9]*\) us, read \([0-9]*\) us/\1 \2 \3/p' |
		awk -v b=$((mib << 20)) '{ printf "%.1f %.1f", b / ($1 + $2), b / $3 }')
}

# The same for dd on a file of the same size in the same folder.
measure_dd() {
	local disk="$work/disk.img" write read
	rm -f "$disk"
	truncate -s "$((2 * mib))M" "$disk"
	write=$(dd if=/dev/zero of="$disk" bs=1M count="$mib" conv=notrunc,fdatasync 2>&1 | tail -1)
	dd if="$disk" of=/dev/null bs=1M count="$mib" 2>/dev/null # into the page cache
	read=$(dd if="$disk" of=/dev/null bs=1M count="$mib" 2>&1 | tail -1)
	figures=$(for line in "$write" "$read"; do
		echo "$line" | sed -n 's/^\([0-9]*\) bytes.*copied, \([0-9.e-]*\) s.*/\1 \2/p'
	done | awk '{ printf "%.1f ", $1 / $2 / 1e6 }')
}

declare -A samples
add() { samples[$1]+=" $2"; }
for ((round = 1; round <= rounds; round++)); do
	echo "round $round of $rounds" >&2
	for host in loader qemu; do
		measure_udp "$host"
		read -r m64 p64 m1472 p1472 <<<"$figures"
		add "udp64 $host" "$m64"; add "udp64p99 $host" "$p64"
		add "udp1472 $host" "$m1472"; add "udp1472p99 $host" "$p1472"
		measure_http "$host"
		add "http $host" "$figures"
		measure_blk "$host"
		read -r write read <<<"$figures"
		add "blkwrite $host" "$write"; add "blkread $host" "$read"
	done
	measure_dd
	read -r write read <<<"$figures"
	add "blkwrite dd" "$write"; add "blkread dd" "$read"
done

median() {
	tr ' ' '\n' <<<"${samples[$1]}" | sed '/^$/d' | sort -g |
		awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# Loader over QEMU for rates, QEMU over loader for times: above 1, the loader is better.
row() {
	local label=$1 key=$2 way=$3 l q
	l=$(median "$key loader")
	q=$(median "$key qemu")
	if [ "$way" = time ]; then
		ratio=$(awk -v a="$q" -v b="$l" 'BEGIN { printf "%.2f", a / b }')
	else
		ratio=$(awk -v a="$l" -v b="$q" 'BEGIN { printf "%.2f", a / b }')
	fi
	if [ -n "${samples[$key dd]:-}" ]; then
		local d
		d=$(median "$key dd")
		echo "| $label | $l | $q | $ratio | $d | $(awk -v a="$l" -v b="$d" 'BEGIN { printf "%.2f", a / b }') |"
	else
		echo "| $label | $l | $q | $ratio | | |"
	fi
}

echo
echo "Medians of $rounds rounds; \"loader ÷ QEMU\" is oriented so that above 1 the loader is better."
echo
echo "| figure | unikit run | QEMU microvm | loader ÷ QEMU | host dd | loader ÷ dd |"
echo "|---|---:|---:|---:|---:|---:|"
row "httpreply, wrk $connections connections ${seconds} s [requests/s]" http rate
row "UDP echo 64 B, median round trip [µs]" udp64 time
row "UDP echo 64 B, p99 round trip [µs]" udp64p99 time
row "UDP echo 1472 B, median round trip [µs]" udp1472 time
row "UDP echo 1472 B, p99 round trip [µs]" udp1472p99 time
row "virtio-blk write $mib MiB + flush [MB/s]" blkwrite rate
row "virtio-blk read $mib MiB [MB/s]" blkread rate
