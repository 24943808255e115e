#!/usr/bin/env bash
# Issue 7's loader figures, in one table: exec-to-exit wall time and peak RSS
# of `unikit run` on hello-world next to a minimal C KVM runner (the
# reference, Benchmarks/c-runner/runner.c, which boots the image the way
# unikit's loader does) and QEMU microvm on the same image; then the
# loader's source size, each figure next to the issue's target. First checks
# that the C runner prints what `unikit run` prints and exits with the same
# status, on helloworld (with arguments) and hello-swift.
#   Benchmarks/loader-boot.sh [runs]                      (default: 20 runs each)
#   UNIKIT=path/to/unikit Benchmarks/loader-boot.sh       (a prebuilt unikit, no Swift build)
# The C runner is linked -static, the faster of the two on this machine
# (hello-world, medians of 100 runs: 4.70 ms static, 4.83 ms dynamic).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
if [ -n "${UNIKIT:-}" ]; then
	unikit="$(realpath "$UNIKIT")"
	export UNIKIT_HOME="${UNIKIT_HOME:-$PWD}"
else
	Scripts/setup release >/dev/null
	unikit="$(swift build -c release --show-bin-path)/unikit"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cc -O2 -static -Wall -I Platforms/kvm/include -o "$work/runner" Benchmarks/c-runner/runner.c
for app in helloworld hello-swift; do
	(cd "Examples/$app" && "$unikit" defconfig >/dev/null && "$unikit" build >/dev/null)
done

# The C runner must show the guest's output and status exactly as `unikit run` does.
same_as_unikit_run() { # app guest-arguments...
	local app="$1" expected actual expected_status=0 actual_status=0
	shift
	expected="$(cd "Examples/$app" && "$unikit" run -- "$@" 2>&1)" || expected_status=$?
	actual="$("$work/runner" "Examples/$app/build/${app}_kvm-x86_64" "$@" 2>&1)" || actual_status=$?
	if [ "$expected" != "$actual" ] || [ "$expected_status" != "$actual_status" ]; then
		echo "C runner differs from unikit run on $app $*: status $actual_status, expected $expected_status" >&2
		diff <(echo "$expected") <(echo "$actual") >&2 || true
		exit 1
	fi
}
same_as_unikit_run helloworld first second exit=7
same_as_unikit_run hello-swift

# The runtime side of `unikit run`: the loader, its C shims, the command
# (Launcher) and the front-end program (Sources/unikit).
mapfile -t loader_files < <(find Sources/Loader Sources/CKVM Sources/Launcher Sources/unikit -type f | sort)
loader_lines="$(cat "${loader_files[@]}" | wc -l)"

cd Examples/helloworld
python3 - "$runs" "$unikit" "$work/runner" "$loader_lines" "${#loader_files[@]}" <<'PY'
import json, shlex, statistics, subprocess, sys, tempfile

runs, unikit, runner, loader_lines, loader_files = sys.argv[1:]
runs = int(runs)
image = "build/helloworld_kvm-x86_64"
qemu = ["qemu-system-x86_64", "-M", "microvm", "-accel", "kvm", "-cpu", "host,-arch-capabilities", "-m", "32M",
        "-nodefaults", "-no-user-config", "-display", "none", "-serial", "stdio",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", image]
# (label, argv, whether its status is meaningless: QEMU exits with 2 * status + 1)
rows = [
    ("`unikit run`", [unikit, "run"], False),
    (f"`unikit run {image}`", [unikit, "run", image], False),
    ("C runner (`Benchmarks/c-runner`, cc -O2 -static)", [runner, image], False),
    ("`qemu-system-x86_64 -M microvm` (KVM)", qemu, True),
]


def median_seconds(argv, ignore_status):
    with tempfile.NamedTemporaryFile(suffix=".json") as results:
        subprocess.run(["hyperfine", "-N", "-w", "3", "-r", str(runs), "--style", "none",
                        "--export-json", results.name] + (["-i"] if ignore_status else []) + [shlex.join(argv)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return json.load(open(results.name))["results"][0]["median"]


def median_peak_rss_kib(argv, ignore_status):
    """Peak RSS of each run as GNU time reports it (the child's ru_maxrss).
    ru_maxrss counts the pages a child had before its exec too: forked from
    this Python it would start at ~10 MiB, from time at ~0.5 MiB (a program
    that only exits reads 488 KiB here), below every figure measured."""
    peaks = []
    with tempfile.NamedTemporaryFile(mode="r") as report:
        for _ in range(runs):
            status = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + argv,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            if status != 0 and not ignore_status:
                sys.exit(f"{shlex.join(argv)} exited with status {status}")
            report.seek(0)
            peaks.append(int(report.read().split()[-1]))
    return statistics.median(peaks)


measured = {}
for label, argv, ignore_status in rows:
    measured[label] = (median_seconds(argv, ignore_status), median_peak_rss_kib(argv, ignore_status))

reference = measured[rows[2][0]]
qemu_time = measured[rows[3][0]][0]
print(f"## hello-world, exec to exit ({runs} runs each, medians)")
print("| command | wall time [ms] | vs C runner | peak RSS [MiB] | vs C runner | QEMU time ÷ this |")
print("|---|---:|---:|---:|---:|---:|")
for label, _, _ in rows:
    seconds, kib = measured[label]
    print(f"| {label} | {seconds * 1e3:.2f} | {seconds / reference[0]:.2f}x | {kib / 1024:.2f} "
          f"| {kib / reference[1]:.2f}x | {qemu_time / seconds:.1f}x |")

run_time, run_kib = measured[rows[0][0]]
def verdict(ok): return "met" if ok else "missed"
print()
print("Targets (issue 7), for `unikit run`:")
print(f"- wall time <= 1.2x the C runner: {run_time / reference[0]:.2f}x, {verdict(run_time <= 1.2 * reference[0])}")
print(f"- wall time <= 1/20 of QEMU microvm: 1/{qemu_time / run_time:.1f}, {verdict(run_time * 20 <= qemu_time)}")
print(f"- peak RSS <= 4 MiB: {run_kib / 1024:.2f} MiB, {verdict(run_kib <= 4096)}")
print(f"- loader source <= 3,000 lines: {loader_lines} lines, {verdict(int(loader_lines) <= 3000)} "
      f"({loader_files} files: Sources/Loader, Sources/CKVM, Sources/Launcher, Sources/unikit; "
      "every line, comments included)")
PY
