#!/usr/bin/env bash
# Density: N concurrent hello-world guests on unikit's loader, each in its
# own `unikit run` process, idling a few seconds (Benchmarks/density/idlehello
# sleeps through the loader's idle port). All must start, greet, idle and
# exit 0. Reports how long starting them all took and the host memory per
# guest: the drop of MemAvailable (everything: loader processes, guest RAM,
# KVM's kernel state) and the loaders' PSS (their own pages, shared ones split).
#   Benchmarks/density.sh [guests] [idle milliseconds]   (default 1000, 10000)
# The idle time must outlast starting them all (the shell forks ~300/s
# here), so that every guest is alive when memory is measured.
#   UNIKIT=<path>  use this unikit binary instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."
guests="${1:-1000}"
idle_ms="${2:-10000}"
if [ -n "${UNIKIT:-}" ]; then
	unikit="$UNIKIT"
	export UNIKIT_HOME="$PWD"
else
	Scripts/setup release >/dev/null
	unikit="$(swift build -c release --show-bin-path)/unikit"
fi

app=Benchmarks/density/idlehello
(cd "$app" && "$unikit" defconfig >/dev/null && "$unikit" build >/dev/null)
image="$PWD/$app/build/idlehello_kvm-x86_64"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

available_kib() { awk '/^MemAvailable:/ { print $2 }' /proc/meminfo; }
now_ms() { date +%s%3N; }

before_kib="$(available_kib)"
start_ms="$(now_ms)"
pids=()
for i in $(seq "$guests"); do
	"$unikit" run --memory 4M "$image" -- "$idle_ms" >"$work/$i.out" 2>"$work/$i.err" &
	pids+=("$!")
done
launched_ms="$(now_ms)"

# Wait until every guest has greeted (or one has already exited: then the
# guests did not all run at once, which the report says).
greeted=0
while :; do
	greeted="$(cat "$work"/*.out | grep -c '^hello, idling' || true)"
	[ "$greeted" -ge "$guests" ] && break
	[ $(( $(now_ms) - start_ms )) -gt $(( idle_ms + 60000 )) ] && break
	sleep 0.05
done
all_greeted_ms="$(now_ms)"
during_kib="$(available_kib)"
running=0
pss_kib=0
for pid in "${pids[@]}"; do
	if pss="$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null)" && [ -n "$pss" ]; then
		running=$((running + 1))
		pss_kib=$((pss_kib + pss))
	fi
done

failed=0
for i in "${!pids[@]}"; do
	if ! wait "${pids[$i]}"; then
		failed=$((failed + 1))
		[ "$failed" -le 3 ] && echo "guest $((i + 1)) failed: $(cat "$work/$((i + 1)).err")" >&2
	fi
done
end_ms="$(now_ms)"
goodbyes="$(cat "$work"/*.out | grep -c '^goodbye$' || true)"

used_kib=$((before_kib - during_kib))
echo "## $guests concurrent hello-world guests on unikit's loader (--memory 4M, idling $idle_ms ms)"
echo "| figure | value |"
echo "|---|---:|"
echo "| guests started (processes launched) | $guests in $((launched_ms - start_ms)) ms |"
echo "| all greeted after | $((all_greeted_ms - start_ms)) ms |"
echo "| loaders alive when all had greeted | $running |"
echo "| exited with status 0 / said goodbye | $((guests - failed)) / $goodbyes |"
alive=$((running > 0 ? running : 1))
echo "| host memory per guest (MemAvailable drop / guests alive) | $((used_kib / alive)) KiB |"
echo "| loader process PSS per guest | $((pss_kib / alive)) KiB |"
echo "| whole run | $((end_ms - start_ms)) ms |"
[ "$failed" -eq 0 ] && [ "$goodbyes" -eq "$guests" ] && [ "$greeted" -ge "$guests" ] && [ "$running" -eq "$guests" ]
