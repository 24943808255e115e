#!/usr/bin/env bash
# End-to-end network checks of a guest (uknet's examples) inside a network
# namespace this script makes and always deletes, even on failure or signal.
#
#   run-netns.sh [options] CHECKS -- GUEST_COMMAND [ARGUMENTS...]
#
# CHECKS is a comma-separated list of:
#   ping   ICMP echo, 3 requests (ping(8) when installed, else a raw socket)
#   udp    UDP echo round trips with payloads of 1 to 1472 bytes (udpecho)
#   http   curl GETs the page N times in a row, each a new curl and connection,
#          then N times over one kept-alive connection (httpreply)
#
# The namespace holds a tap (default tap0, host side 10.0.0.1/24, up) and
# nothing else: traffic stays inside it. GUEST_COMMAND runs inside it and
# must attach to the tap and take the guest address itself, e.g.
#   linuxu:  build/udpecho_linuxu-x86_64 netdev.tap=tap0 net.ip=10.0.0.2/24
#   loader:  unikit run build/udpecho_kvm-x86_64 --net tap0 -- net.ip=10.0.0.2/24
#   QEMU:    qemu-system-x86_64 -M microvm ... -netdev tap,id=n0,ifname=tap0,script=no,downscript=no
#            -device virtio-net-device,netdev=n0 -kernel IMAGE -append "net.ip=10.0.0.2/24"
# The checks start once the guest answers an ICMP echo. Afterwards the guest
# is stopped (SIGTERM, then SIGKILL), unless --expect-exit says it ends by
# itself (count=N), in which case its exit status must be 0 (or the one
# given: QEMU's isa-debug-exit turns the guest's 0 into 1).
#
# Options:
#   --ns NAME            namespace (default uknet-test-PID)
#   --tap NAME           tap device (default tap0)
#   --host-address A/N   the namespace's side of the tap (default 10.0.0.1/24)
#   --guest-address A    the guest's address (default 10.0.0.2)
#   --udp-port N         (default 7)     --udp-count N    datagrams (default 100)
#   --http-port N        (default 80)    --curl-count N   requests (default 1000)
#   --ping-count N       (default 3)
#   --ready-timeout S    how long the guest may take to answer (default 30)
#   --expect-exit[=N]    wait for the guest to exit by itself, with status N (0)
#   --log FILE           keep the guest's output there (default: a temporary
#                        file, printed when a check fails)
#
# Needs root (namespaces, taps, raw sockets), ip(8), python3, and curl for
# http. Exit status 0 when every check passed; 2 for bad usage; 1 otherwise.
set -u

here=$(cd "$(dirname "$0")" && pwd)
ns="uknet-test-$$"
tap=tap0
host_address=10.0.0.1/24
guest=10.0.0.2
udp_port=7
udp_count=100
http_port=80
curl_count=1000
ping_count=3
ready_timeout=30
expect_exit=0
expected_status=0
log=""

usage() {
	sed -n '2,/^set -u/p' "$0" | sed -e '/^set -u/d' -e 's/^# \{0,1\}//' >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--ns) ns=$2; shift 2 ;;
	--tap) tap=$2; shift 2 ;;
	--host-address) host_address=$2; shift 2 ;;
	--guest-address) guest=$2; shift 2 ;;
	--udp-port) udp_port=$2; shift 2 ;;
	--udp-count) udp_count=$2; shift 2 ;;
	--http-port) http_port=$2; shift 2 ;;
	--curl-count) curl_count=$2; shift 2 ;;
	--ping-count) ping_count=$2; shift 2 ;;
	--ready-timeout) ready_timeout=$2; shift 2 ;;
	--expect-exit) expect_exit=1; shift ;;
	--expect-exit=*) expect_exit=1; expected_status=${1#*=}; shift ;;
	--log) log=$2; shift 2 ;;
	-h|--help) usage ;;
	--) usage ;;
	-*) echo "run-netns.sh: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
[ $# -ge 3 ] && [ "$2" = "--" ] || usage
checks=$1
shift 2
for check in ${checks//,/ }; do
	case "$check" in
	ping|udp|http) ;;
	*) echo "run-netns.sh: unknown check $check (ping, udp, http)" >&2; exit 2 ;;
	esac
done

work=$(mktemp -d)
[ -n "$log" ] || log="$work/guest.log"
guest_pid=""
child=""
made_ns=0
failed=0

stop_guest() {
	[ -n "$guest_pid" ] || return 0
	if kill -0 "$guest_pid" 2>/dev/null; then
		kill -TERM -- "-$guest_pid" 2>/dev/null
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			kill -0 "$guest_pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -KILL -- "-$guest_pid" 2>/dev/null
	fi
	wait "$guest_pid" 2>/dev/null
	guest_pid=""
}

cleanup() {
	[ -z "$child" ] || kill -- "-$child" 2>/dev/null
	stop_guest
	[ "$made_ns" = 0 ] || ip netns delete "$ns"
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL: $*"
	failed=1
}

in_ns() {
	ip netns exec "$ns" "$@"
}

# Runs a check's command in the namespace in the background and waits for
# it: bash runs traps only between commands, and `wait` is one it leaves
# at once for a signal, so an interrupted run cleans up without delay. Its
# own process group lets the clean-up stop what it started too (curl).
in_ns_waiting() {
	local status
	ip netns exec "$ns" setsid "$@" &
	child=$!
	wait "$child"
	status=$?
	child=""
	return "$status"
}

# Only a namespace made here is used, and deleted afterwards.
ip netns add "$ns" || { echo "run-netns.sh: cannot make namespace $ns (root? taken?)"; exit 1; }
made_ns=1
in_ns ip link set lo up &&
	in_ns ip tuntap add dev "$tap" mode tap &&
	in_ns ip address add "$host_address" dev "$tap" &&
	in_ns ip link set "$tap" up ||
	{ echo "run-netns.sh: cannot set up $tap in $ns"; exit 1; }

echo "guest: $*"
# Its own process group (setsid), so stopping it stops whatever it starts.
ip netns exec "$ns" setsid "$@" >"$log" 2>&1 </dev/null &
guest_pid=$!

if ! in_ns_waiting python3 "$here/netcheck.py" wait "$guest" "$ready_timeout"; then
	fail "the guest never answered at $guest"
fi
if ! kill -0 "$guest_pid" 2>/dev/null; then
	fail "the guest ended early"
fi

run_ping() {
	if command -v ping >/dev/null; then
		in_ns_waiting ping -c "$ping_count" -W 2 "$guest"
	else
		echo "(no ping(8): ICMP echo from a raw socket)"
		in_ns_waiting python3 "$here/netcheck.py" ping "$guest" "$ping_count"
	fi
}

run_udp() {
	in_ns_waiting python3 "$here/netcheck.py" udp "$guest" "$udp_port" "$udp_count"
}

now_ns() {
	date +%s%N
}

# Each request is a fresh curl process and connection, the loop running
# inside the namespace (one `ip netns exec` for all); every page must be the
# first one again, with status 200. Then the same number of requests over
# one kept-alive connection (one curl, URLs /1 to /N).
http_loop='
	url=$1 count=$2 first=$3 page=$4
	for ((i = 1; i <= count; i++)); do
		code=$(curl -sS --max-time 5 -o "$page" -w "%{http_code}" "$url")
		if [ "$code" != 200 ]; then
			echo "http: request $i: status ${code:-none}"
			exit 1
		fi
		if [ "$i" = 1 ]; then
			cp "$page" "$first"
		elif ! cmp -s "$first" "$page"; then
			echo "http: request $i: a different page"
			exit 1
		fi
	done'

run_http() {
	local url="http://$guest:$http_port/" first="$work/first" page="$work/page"
	local start end status pages
	start=$(now_ns)
	in_ns_waiting bash -c "$http_loop" http "$url" "$curl_count" "$first" "$page"
	status=$?
	end=$(now_ns)
	if [ "$status" = 0 ]; then
		echo "http: $curl_count curl runs in a row, all 200 with the same $(wc -c <"$first")-byte page;" \
			"$(((end - start) / 1000000)) ms, $(((end - start) / curl_count / 1000)) us each (curl's start included)"
		start=$(now_ns)
		in_ns_waiting curl -sS --max-time 60 -w '%{http_code}\n' -o /dev/null \
			"${url}[1-$curl_count]" >"$page"
		pages=$(grep -c '^200$' "$page")
		end=$(now_ns)
		if [ "$pages" = "$curl_count" ]; then
			echo "http: $curl_count requests over one kept-alive connection, all 200;" \
				"$(((end - start) / 1000000)) ms, $(((end - start) / curl_count / 1000)) us each"
		else
			echo "http: only $pages of $curl_count requests over one connection got 200"
			status=1
		fi
	fi
	return "$status"
}

if [ "$failed" = 0 ]; then
	for check in ${checks//,/ }; do
		echo "== $check"
		"run_$check" || fail "$check"
		kill -0 "$guest_pid" 2>/dev/null || [ "$expect_exit" = 1 ] ||
			{ fail "the guest ended during $check"; break; }
	done
fi

if [ "$expect_exit" = 1 ] && [ -n "$guest_pid" ]; then
	for ((i = 0; i < 50; i++)); do
		kill -0 "$guest_pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$guest_pid" 2>/dev/null; then
		fail "the guest did not exit by itself"
	else
		wait "$guest_pid"
		status=$?
		guest_pid=""
		[ "$status" = "$expected_status" ] || fail "the guest exited with status $status"
	fi
fi
stop_guest

if [ "$failed" != 0 ]; then
	echo "--- guest output"
	cat "$log"
	exit 1
fi
echo "PASS: $checks"
