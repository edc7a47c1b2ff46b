#!/usr/bin/env python3
"""Whole-process time and peak memory of `report-gen` (release binary), as a user runs it.

Each case runs RUNS times (after one warm-up run); printed per case: wall time median, min and
max, CPU time (user + system) median, and peak RSS (max over runs). On a shared machine the
wall time includes waiting for a core, so CPU time and the instruction count (--instructions,
one run under valgrind's callgrind: exact and independent of load) are the stable measures.

Shipped data (build of 2018 and 2023 in each format, and check):

    python3 tests/bench/process.py real --bin target/release/report-gen --data data

Scaling (generates the data sets with the `scale` example, then builds and checks each):

    cargo build --release --example scale
    python3 tests/bench/process.py scale --bin target/release/report-gen \
        --scale-bin target/release/examples/scale --sizes 40/200,200/1000,1000/5000,1000/5000/short

A size is PARTNERS/EVENTS, or PARTNERS/EVENTS/short for the generator's `--short` texts
(one-sentence events, one short agreement per partner).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(cmd):
    """Runs cmd; returns (wall seconds, cpu seconds, peak RSS in KB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)} exited with {code}:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def instructions(cmd):
    """Instructions executed by cmd (callgrind's total), or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out"] + cmd,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True,
        ).stderr
    m = re.search(r"Collected : (\d+)", out)
    return int(m.group(1)) if m else None


def measure(cmd, runs, count_instructions):
    run_once(cmd)  # warm-up: page cache, binary mapped
    samples = [run_once(cmd) for _ in range(runs)]
    walls = [s[0] * 1000 for s in samples]
    cpus = [s[1] * 1000 for s in samples]
    return {
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "cpu": statistics.median(cpus),
        "rss_mb": max(s[2] for s in samples) / 1024,
        "instr": instructions(cmd) if count_instructions else None,
    }


def row(name, m, extra=""):
    instr = f" | {m['instr'] / 1e6:.0f} M" if m["instr"] is not None else " | –"
    print(
        f"| {name} | {m['median']:.1f} | {m['min']:.1f} | {m['max']:.1f} | {m['cpu']:.1f}"
        f" | {m['rss_mb']:.1f}{instr}{extra} |",
        flush=True,
    )


HEADER = "| case | wall median ms | min | max | CPU median ms | peak RSS MB | instructions"


def loadavg():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def real(args):
    print(f"load average before: {loadavg()}")
    print(HEADER + " |\n|---|---|---|---|---|---|---|")
    out = tempfile.mkdtemp()
    for year in args.years:
        for fmt in ["all", "md", "html", "pdf"]:
            cmd = [args.bin, "build", "--data", args.data, "--year", str(year),
                   "--format", fmt, "--out", out]
            row(f"build --year {year} --format {fmt}", measure(cmd, args.runs, args.instructions))
    row("check", measure([args.bin, "check", "--data", args.data], args.runs, args.instructions))
    print(f"load average after: {loadavg()}")
    shutil.rmtree(out)


def scale(args):
    print(f"load average before: {loadavg()}")
    print(HEADER + " | per event µs (CPU) | PDF pages |\n|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes.split(","):
        parts = size.split("/")
        partners, events = int(parts[0]), int(parts[1])
        short = parts[2:] == ["short"]
        label = f"{partners}/{events}" + (" short" if short else "")
        tmp = tempfile.mkdtemp()
        data = os.path.join(tmp, "data")
        subprocess.run([args.scale_bin, "--partners", str(partners), "--events", str(events),
                        "--out", data] + (["--short"] if short else []),
                       check=True, stdout=subprocess.DEVNULL)
        out = os.path.join(tmp, "out")
        build = [args.bin, "build", "--data", data, "--year", "2023", "--format", "all",
                 "--out", out]
        m = measure(build, args.runs, args.instructions)
        pages = pdf_pages(os.path.join(out, "wspolpraca-miedzynarodowa-2023.pdf"))
        row(f"{label} build --format all", m,
            f" | {m['cpu'] * 1000 / events:.0f} | {pages}")
        m = measure([args.bin, "check", "--data", data], args.runs, args.instructions)
        row(f"{label} check", m, f" | {m['cpu'] * 1000 / events:.0f} | –")
        shutil.rmtree(tmp)
    print(f"load average after: {loadavg()}")


def pdf_pages(path):
    """Page count as pdfinfo (poppler-utils) reports it."""
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return int(found.group(1)) if found else "?"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("mode", choices=["real", "scale"])
    p.add_argument("--bin", default="target/release/report-gen")
    p.add_argument("--data", default="data")
    p.add_argument("--years", type=int, nargs="+", default=[2018, 2023])
    p.add_argument("--scale-bin", default="target/release/examples/scale")
    p.add_argument("--sizes", default="40/200,200/1000,1000/5000,1000/5000/short")
    p.add_argument("--runs", type=int, default=11)
    p.add_argument("--instructions", action="store_true",
                   help="also count instructions with callgrind (one run per case)")
    args = p.parse_args()
    args.bin = os.path.abspath(args.bin)
    args.scale_bin = os.path.abspath(args.scale_bin)
    args.data = os.path.abspath(args.data)
    real(args) if args.mode == "real" else scale(args)


if __name__ == "__main__":
    main()
