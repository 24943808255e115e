#!/usr/bin/env bash
# Boot time of hello-world: `unikit run` (unikit's KVM loader) next to QEMU
# microvm on the same image, whole process start to exit, plus the image
# sizes. Prints hyperfine's table; medians are what RESULTS.md quotes.
#   Benchmarks/boot-hello.sh [runs]      (default: 50 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
Scripts/setup release >/dev/null
unikit="$(swift build -c release --show-bin-path)/unikit"

for app in helloworld hello-swift; do
	(cd "Examples/$app" && "$unikit" defconfig >/dev/null && "$unikit" build >/dev/null)
done

echo "## Image sizes (bytes, stripped)"
printf '| image | kvm-x86_64 | linuxu-x86_64 |\n|---|---|---|\n'
for app in helloworld hello-swift; do
	printf '| %s | %s | %s |\n' "$app" \
		"$(stat -c %s "Examples/$app/build/${app}_kvm-x86_64")" "$(stat -c %s "Examples/$app/build/${app}_linuxu-x86_64")"
done

image="$PWD/Examples/helloworld/build/helloworld_kvm-x86_64"
qemu=(qemu-system-x86_64 -M microvm -accel kvm -cpu host,-arch-capabilities -m 32M -nodefaults -no-user-config
	-display none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$image")
echo
echo "## hello-world, process start to exit ($runs runs each, medians)"
results="$(mktemp)"
cd Examples/helloworld
# QEMU reports the guest's status 0 as exit code 1 (isa-debug-exit), hence -i.
hyperfine -N -i -w 3 -r "$runs" --style none --export-json "$results" \
	-n "unikit run (unikit's KVM loader)" "$unikit run" \
	-n "unikit run --platform linuxu (process)" "$unikit run --platform linuxu" \
	-n "qemu-system-x86_64 -M microvm (KVM)" "${qemu[*]}" >/dev/null 2>&1
python3 - "$results" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[0]["median"]
print("| command | median [ms] | min [ms] | max [ms] | vs unikit run |")
print("|---|---:|---:|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median']*1e3:.2f} | {r['min']*1e3:.2f} | {r['max']*1e3:.2f} | {r['median']/base:.2f}x |")
PY
rm -f "$results"
