#!/usr/bin/env python3
"""`podium search FILE` against `fzf --filter` on one big generated file, in the same run.

The path a new user takes first: one transcript of `Name: sentence` lines (the generator of
benches/import_speed.py, about 166 bytes a line). For each size, times the first search with an
empty cache (import + caching) against fzf, then the warm searches (the digest cache) for a typo
query, a multi-word one, two short ones that match most lines and one that matches nothing: the
median of several runs, alternating podium and fzf, the ratio fzf/podium (> 1: podium faster),
their geometric mean, and peak resident memory against fzf's and against the file's size.
Prints the load average beside the figures, since the machine may be shared.

    python3 benches/single_file.py [LINES...]      # default 100000 1000000
    RUNS=5 python3 benches/single_file.py 100000

Needs a release build (it makes one; PODIUM=path measures another build) and fzf.
"""
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from import_speed import generate, load, peak_mb  # noqa: E402

QUERIES = [("typo", "cyber hygene"), ("multi-word", "information sharing budget"),
           ("short", "sec"), ("short", "cy"), ("no match", "zzqqxj")]


def measure(podium, fzf, path, runs, env):
    mb = os.path.getsize(path) / 1e6
    subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    cold = timed_ok([podium, "search", path, "cyber hygene"], env)
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    cold_peak = peak_mb([podium, "search", path, "cyber hygene"], env)
    bare_peak = peak_mb([podium, "--no-cache", "search", path, "cyber hygene"], env)
    fzf_once = timed_ok([fzf, "--filter", "cyber hygene"], env, stdin=path)
    fzf_peak = peak_mb([fzf, "--filter", "cyber hygene"], env, stdin=path)
    print(f"{path}: {mb:.1f} MB, median of {runs} runs, load {load():.2f}")
    print(f"  first search, empty cache: podium {cold:.2f} s, fzf {fzf_once:.2f} s "
          f"({fzf_once / cold:.2f}x); peak podium {cold_peak:.0f} MB "
          f"({cold_peak * 1.048576 / mb:.2f}x the file), --no-cache {bare_peak:.0f} MB, "
          f"fzf {fzf_peak:.0f} MB")
    print(f"  {'query':36} {'podium':>8} {'fzf':>8} {'ratio':>6} {'RSS podium':>11} {'fzf':>7}")
    ratios = []
    for kind, q in QUERIES:
        p_times, f_times = [], []
        for _ in range(runs):
            p_times.append(timed_ok([podium, "search", path, q], env))
            f_times.append(timed_ok([fzf, "--filter", q], env, stdin=path))
        p, f = statistics.median(p_times), statistics.median(f_times)
        pm = peak_mb([podium, "search", path, q], env)
        fm = peak_mb([fzf, "--filter", q], env, stdin=path)
        ratios.append(f / p)
        print(f"  {kind + ' ' + repr(q):36} {p:7.3f}s {f:7.3f}s {f / p:6.2f} {pm:8.0f} MB "
              f"{fm:4.0f} MB  ({pm * 1.048576 / mb:.2f}x the file)")
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"  geometric mean {geo:.2f}x (target >= 3x, every query >= 2x); load {load():.2f}")


def timed_ok(cmd, env, stdin=None):
    """Seconds for `cmd` (exit 1, "nothing matched", is fine)."""
    with open(stdin or os.devnull, "rb") as f:
        start = time.perf_counter()
        subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        return time.perf_counter() - start


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    runs = int(os.environ.get("RUNS", "5"))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    podium = os.environ.get("PODIUM")
    if not podium:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
        podium = os.path.join(root, "target", "release", "podium")
    fzf = shutil.which("fzf")
    if not fzf:
        sys.exit("fzf is not installed (apt-get install fzf); nothing to compare against")
    work = tempfile.mkdtemp(prefix="podium-single-")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), NO_COLOR="1")
    try:
        for lines in sizes:
            path = os.path.join(work, f"{lines}.txt")
            generate(path, lines)
            measure(podium, fzf, path, runs, env)
            os.remove(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
