#!/usr/bin/env python3
"""Podium against the tools people would otherwise use, in one run on the same quotes.

Writes a deterministic synthetic library with `podium synth` (sessions for Podium, and
quotes.list with the same quotes one per line for the others), then times `podium search` and
`fzf --filter` (and `sk --filter` when installed) on the same queries: the median of several
runs, the ratio to fzf, and peak memory (resident set, from /usr/bin/time -v).

    python3 benches/compare.py [QUOTES] [FILES]      # default 100000 quotes in 1000 files

Podium reads the library through its import cache (warmed once first, in a private cache
folder), as a reader reopening a library would. Needs a release build (it makes one) and fzf
(apt-get install fzf).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

QUERIES = ["cy", "cyber hygene", "information sharing budget", "the committee should strengthen", "zzqqxj"]
RUNS = 5


def peak_kb(cmd, stdin):
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as f:
        out = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdin=f, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, env=ENV).stderr
    for line in out.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    return 0


def median_seconds(cmd, stdin=None):
    times = []
    for _ in range(RUNS):
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as f:
            start = time.perf_counter()
            subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    quotes = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    files = int(sys.argv[2]) if len(sys.argv) > 2 else max(1, quotes // 100)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
    podium = os.path.join(root, "target", "release", "podium")
    fzf = shutil.which("fzf")
    sk = shutil.which("sk")
    if not fzf:
        sys.exit("fzf is not installed (apt-get install fzf); nothing to compare against")
    work = tempfile.mkdtemp(prefix="podium-compare-")
    global ENV
    ENV = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), NO_COLOR="1")
    lib = os.path.join(work, "lib")
    subprocess.run([podium, "synth", lib, "--quotes", str(quotes), "--files", str(files)],
                   check=True, stderr=subprocess.DEVNULL)
    lines = os.path.join(lib, "quotes.list")
    text_mb = os.path.getsize(lines) / 1e6
    subprocess.run([podium, "search", lib, "warm"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    print(f"{quotes} quotes in {files} sessions, {text_mb:.1f} MB of quote text; "
          f"median of {RUNS} runs; ratio = fzf time / podium time (>1: podium faster)")
    print(f"{'query':34} {'podium':>9} {'fzf':>9} {'ratio':>6} {'sk':>9}  hits podium/fzf")
    for q in QUERIES:
        p = median_seconds([podium, "search", lib, q])
        f = median_seconds([fzf, "--filter", q], lines)
        s = median_seconds([sk, "--filter", q], lines) if sk else None
        hp = subprocess.run([podium, "search", lib, q], capture_output=True, text=True, env=ENV).stdout.count("\n")
        hf = subprocess.run([fzf, "--filter", q], stdin=open(lines), capture_output=True, text=True).stdout.count("\n")
        sk_col = f"{s * 1000:7.0f}ms" if s else "      -  "
        print(f"{q!r:34} {p * 1000:7.0f}ms {f * 1000:7.0f}ms {f / p:6.2f} {sk_col}  {hp}/{hf}")
    pm = peak_kb([podium, "search", lib, "cyber hygene"], None) / 1024
    fm = peak_kb([fzf, "--filter", "cyber hygene"], lines) / 1024
    print(f"peak memory: podium {pm:.0f} MB ({pm / text_mb:.1f}x the quote text), fzf {fm:.0f} MB")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
