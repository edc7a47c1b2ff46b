#!/usr/bin/env python3
"""Save-to-new-file latency of `report-gen watch`.

Starts `report-gen watch` on a temporary copy of the data, then N times: adds a unique word to
one event text of the year's file (a normal write, as an editor's save), and polls the output
file every 0.5 ms until the word is in it. Prints the median, 90th percentile and maximum of
(file content updated) - (just before the write), plus the rebuild times watch reported.

    python3 tests/bench/watch_latency.py target/release/report-gen data 2023 html \
        "uczestniczyli w Dniach Kultury Polskiej"
"""

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

RUNS = 30


def main():
    binary, data, year, fmt, anchor = sys.argv[1:6]
    binary = os.path.abspath(binary)
    tmp = tempfile.mkdtemp()
    shutil.copytree(data, os.path.join(tmp, "data"))
    year_file = os.path.join(tmp, "data", "years", f"{year}.yaml")
    original = open(year_file, encoding="utf-8").read()
    assert anchor in original, f"{anchor!r} is not in {year_file}"
    out_dir = os.path.join(tmp, "out")
    child = subprocess.Popen(
        [binary, "watch", "--year", year, "--format", fmt, "--data", "data", "--out", "out"],
        cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    rebuilds = []
    first = threading.Event()

    def read():
        for line in child.stdout:
            if line.startswith("rebuilt in"):
                rebuilds.append(int(line.split()[2]))
                first.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert first.wait(30), "no first build"
        outputs = [f for f in os.listdir(out_dir) if f.endswith("." + fmt)]
        output = os.path.join(out_dir, outputs[0])
        latencies = []
        for i in range(RUNS):
            word = f"znacznik{i}x"
            text = original.replace(anchor, f"{anchor} {word}", 1)
            t0 = time.perf_counter()
            with open(year_file, "w", encoding="utf-8") as f:
                f.write(text)
            while True:
                try:
                    if word in open(output, encoding="utf-8").read():
                        break
                except FileNotFoundError:
                    pass
                if time.perf_counter() - t0 > 10:
                    raise SystemExit(f"run {i}: no new file within 10 s")
                time.sleep(0.0005)
            latencies.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.3)
        latencies.sort()
        p90 = latencies[int(len(latencies) * 0.9) - 1]
        print(f"{fmt}: save to new file over {RUNS} saves: median {statistics.median(latencies):.0f} ms, "
              f"p90 {p90:.0f} ms, max {latencies[-1]:.0f} ms; "
              f"rebuild (load + check + render + write) median {statistics.median(rebuilds[1:]):.0f} ms")
    finally:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
