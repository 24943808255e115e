#!/usr/bin/env python3
"""Runs one command and prints, as JSON, what the Kconfig benchmark compares:
wall time, the command's own CPU time (user + system, its children
excluded), and its own peak resident memory.

    measure-process.py DIR COMMAND [ARGS...]

Own CPU comes from the exited process's /proc/PID/stat before it is reaped
(waitid with WNOWAIT): the fields utime and stime count that process only,
not the compilers its $(shell,...) macros start. Peak memory is VmHWM,
sampled every millisecond while it runs (the high-water mark only grows,
so the last sample is at most a millisecond's growth short).
"""
import json
import os
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def high_water_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def own_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # After "pid (comm)": state is field 3, utime 14 and stime 15 (1-based).
    return (int(fields[11]) + int(fields[12])) / TICKS


def measure(directory, argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(directory)
        fd = os.open(os.devnull, os.O_RDWR)
        os.dup2(fd, 1)
        os.execvp(argv[0], argv)
    peak = 0
    while os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        peak = max(peak, high_water_kib(pid))
        time.sleep(0.001)
    wall = time.perf_counter() - start
    cpu = own_cpu_seconds(pid)
    _, status = os.waitpid(pid, 0)
    return {"wall": wall, "cpu": cpu, "peak_kib": peak, "status": os.waitstatus_to_exitcode(status)}


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2:])))
