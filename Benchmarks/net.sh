#!/usr/bin/env bash
# Issue 8's network figures: the same kvm images of Examples/udpecho and
# Examples/httpreply on unikit's loader (--net) and on QEMU microvm
# (virtio-net-device), each inside a network namespace of its own
# (Tests/GuestTests/net/run-netns.sh). Reports, per host, the UDP echo
# round trip (median of COUNT datagrams of 1 to 1472 bytes), HTTP requests
# over one kept-alive connection, and curl runs in a row (a new process and
# connection each), with QEMU's figure divided by the loader's.
#
#   Benchmarks/net.sh [COUNT]      (default 200; root; needs qemu-system-x86_64, curl)
#
# UNIKIT names the unikit binary (default .build/release/unikit).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-200}
unikit=${UNIKIT:-$root/.build/release/unikit}
check="$root/Tests/GuestTests/net/run-netns.sh"
guest_args="net.ip=10.0.0.2/24"
qemu=(qemu-system-x86_64 -M microvm,acpi=off -accel kvm -cpu host,-arch-capabilities -m 64M
	-nodefaults -no-user-config -display none -serial stdio
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -global virtio-mmio.force-legacy=false
	-netdev tap,id=n0,ifname=tap0,script=no,downscript=no -device virtio-net-device,netdev=n0)

export UNIKIT_HOME="$root"
for app in udpecho httpreply; do
	(cd "$root/Examples/$app" && "$unikit" defconfig >/dev/null && "$unikit" build >/dev/null)
done
udpecho="$root/Examples/udpecho/build/udpecho_kvm-x86_64"
httpreply="$root/Examples/httpreply/build/httpreply_kvm-x86_64"

# Runs one check and prints its figure lines.
measure() {
	local checks=$1
	shift
	"$check" --udp-count "$count" --curl-count "$count" "$checks" -- "$@" |
		grep -E '^(udp|http): |^FAIL' || true
}

# The number after `label` in the figure lines, e.g. "median 5530.1 us".
figure() {
	sed -n "s/.*$1 \([0-9.]*\) .*/\1/p" | head -1
}

declare -A udp_us keep_us curl_us
for host in loader qemu; do
	if [ "$host" = loader ]; then
		udp=$(measure udp "$unikit" run "$udpecho" --net tap0 -- $guest_args)
		http=$(measure http "$unikit" run "$httpreply" --net tap0 -- $guest_args)
	else
		udp=$(measure udp "${qemu[@]}" -kernel "$udpecho" -append "$guest_args")
		http=$(measure http "${qemu[@]}" -kernel "$httpreply" -append "$guest_args")
	fi
	echo "$udp" "$http" | grep FAIL && { echo "net.sh: $host failed"; exit 1; }
	udp_us[$host]=$(echo "$udp" | figure median)
	keep_us[$host]=$(echo "$http" | grep kept-alive | sed -n 's/.* \([0-9]*\) us each.*/\1/p')
	curl_us[$host]=$(echo "$http" | grep "curl runs" | sed -n 's/.* \([0-9]*\) us each.*/\1/p')
done

ratio() {
	awk -v q="$1" -v l="$2" 'BEGIN { printf "%.2f", q / l }'
}
per_second() {
	awk -v us="$1" 'BEGIN { printf "%.0f", 1e6 / us }'
}

echo
echo "| figure ($count each) | unikit run --net | QEMU microvm | QEMU ÷ loader |"
echo "|---|---:|---:|---:|"
echo "| UDP echo round trip, median [µs] | ${udp_us[loader]} | ${udp_us[qemu]} | $(ratio "${udp_us[qemu]}" "${udp_us[loader]}") |"
echo "| HTTP, one kept-alive connection [requests/s] | $(per_second "${keep_us[loader]}") | $(per_second "${keep_us[qemu]}") | $(ratio "${keep_us[qemu]}" "${keep_us[loader]}") |"
echo "| HTTP, a curl run per request [ms each] | $(awk -v u="${curl_us[loader]}" 'BEGIN{printf "%.1f", u/1000}') | $(awk -v u="${curl_us[qemu]}" 'BEGIN{printf "%.1f", u/1000}') | $(ratio "${curl_us[qemu]}" "${curl_us[loader]}") |"
echo
echo "Ratios above 1 mean the loader is faster (QEMU takes longer)."
