#!/usr/bin/env bash
# Issue 6's figures for the unikernel base: stripped image sizes of
# hello-world in C and Embedded Swift for kvm and linuxu; the smallest guest
# memory hello-world boots with (QEMU microvm, found in 4 KiB steps; unikit's
# loader in its 2 MiB steps); time from loader start to main (an image whose
# main returns at once: Tests/GuestTests/pool in its default configuration)
# and to exit (hello-world), medians.
#   Benchmarks/base-image.sh [runs]      (default: 30 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-30}"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
Scripts/setup release >/dev/null
unikit="$(swift build -c release --show-bin-path)/unikit"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for app in Examples/helloworld Examples/hello-swift Tests/GuestTests/pool; do
	cp -r "$app" "$work/"
	name="$(basename "$app")"
	rm -rf "$work/$name/build" "$work/$name/.config"
	(cd "$work/$name" && "$unikit" defconfig >/dev/null && "$unikit" build >/dev/null)
done

echo "## Image sizes (bytes, stripped)"
printf '| image | kvm-x86_64 | linuxu-x86_64 |\n|---|---:|---:|\n'
for app in helloworld hello-swift; do
	printf '| %s | %s | %s |\n' "$app" \
		"$(stat -c %s "$work/$app/build/${app}_kvm-x86_64")" "$(stat -c %s "$work/$app/build/${app}_linuxu-x86_64")"
done

hello="$work/helloworld/build/helloworld_kvm-x86_64"
accel=(-accel kvm -cpu host,-arch-capabilities)
[ -r /dev/kvm ] || accel=(-accel tcg)
# Output is captured before it is searched: with pipefail, grep -q ending a
# pipeline early would fail the guest's side of it.
boots_on_qemu() { # memory in KiB
	local output
	output="$(timeout 20 qemu-system-x86_64 -M microvm "${accel[@]}" -m "${1}K" -nodefaults -no-user-config \
		-display none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$hello" 2>/dev/null || true)"
	[[ "$output" == *"Hello, world!"* ]]
}
low=1024 high=4096 # KiB: 1 MiB cannot hold an image linked at 1 MiB; 4 MiB boots
while [ $((high - low)) -gt 4 ]; do
	mid=$(( (low + high) / 8 * 4 ))
	if boots_on_qemu "$mid"; then high=$mid; else low=$mid; fi
done
loader_min=none
for mib in 2 4 6 8; do
	output="$(cd "$work/helloworld" && "$unikit" run --memory "${mib}M" 2>/dev/null || true)"
	if [[ "$output" == *"Hello, world!"* ]]; then
		loader_min="$mib MiB"; break
	fi
done
echo
echo "## Smallest guest memory hello-world boots with"
echo "| host | memory |"
echo "|---|---:|"
echo "| QEMU -M microvm | $high KiB |"
echo "| unikit run | $loader_min |"

echo
echo "## Loader start to main and to exit ($runs runs each, medians)"
results="$(mktemp)"
hyperfine -N -w 3 -r "$runs" --style none --export-json "$results" \
	-n "unikit run, main returns at once (to main)" "sh -c 'cd $work/pool && exec $unikit run'" \
	-n "unikit run, hello-world (to exit)" "sh -c 'cd $work/helloworld && exec $unikit run'" \
	-n "sh -c exec true (shell start, subtracted from nothing)" "sh -c 'exec true'" >/dev/null 2>&1
python3 - "$results" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print("| command | median [ms] | min [ms] | max [ms] |")
print("|---|---:|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median']*1e3:.2f} | {r['min']*1e3:.2f} | {r['max']*1e3:.2f} |")
PY
rm -f "$results"
