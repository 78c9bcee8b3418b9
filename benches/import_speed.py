#!/usr/bin/env python3
"""Import speed of one big file against `wc -w` on the same file, in the same run.

Writes (or takes) a transcript of `Name: sentence` lines — 10 names, one sentence a line of
random words from a 50-word vocabulary, about 166 bytes a line, the shape of issue 14 — and
times `podium --no-cache stats FILE` and `wc -w FILE`, alternating, the median of several runs;
then peak resident memory of `podium --no-cache stats` and of `podium search FILE q` with no
cache, against the file's size. Prints the load average with every figure, since the machine
may be shared.

    python3 benches/import_speed.py [LINES] [RUNS]    # default 1000000 lines, 5 runs
    python3 benches/import_speed.py --file PATH [RUNS]

Needs a release build (it makes one; PODIUM=path/to/podium measures another build instead).
"""
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

NAMES = ["Chair", "Anna Schmidt", "Bernhards Blumbergs", "Moderator", "Peter Koch",
         "Adli Wahid", "Hiroki Mashiko", "Maria Garcia", "Masae Toyama", "Audience"]
WORDS = ("security hygiene society committee teams private the lessons operators experience "
         "standards building technical information incidents sector community stability "
         "internet networks cooperation government protection should requires between cyber "
         "practice data capacity governance response national global sharing trust policy "
         "threats resilience critical infrastructure research training awareness regional "
         "framework development network privacy").split()


def generate(path, lines):
    rng = random.Random(14)
    with open(path, "w") as f:
        for _ in range(lines):
            words = [rng.choice(WORDS) for _ in range(rng.randint(14, 20))]
            sentence = " ".join(words).capitalize() + "."
            f.write(f"{rng.choice(NAMES)}: {sentence}\n")


def load():
    return os.getloadavg()[0]


def timed(cmd, env):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - start


def peak_mb(cmd, env, stdin=None):
    """Peak resident memory of `cmd` in MB (its standard input from the file `stdin`)."""
    with open(stdin or os.devnull, "rb") as f:
        err = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdin=f, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, env=env).stderr
    for line in err.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    return 0.0


def main():
    args = sys.argv[1:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    podium = os.environ.get("PODIUM")  # another build to measure, such as an older one
    if not podium:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
        podium = os.path.join(root, "target", "release", "podium")
    work = tempfile.mkdtemp(prefix="podium-import-")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), NO_COLOR="1")
    if args and args[0] == "--file":
        path = args[1]
        runs = int(args[2]) if len(args) > 2 else 5
    else:
        lines = int(args[0]) if args else 1_000_000
        runs = int(args[1]) if len(args) > 1 else 5
        path = os.path.join(work, f"{lines}.txt")
        generate(path, lines)
    mb = os.path.getsize(path) / 1e6
    # Warm the page cache for both.
    subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)
    podium_times, wc_times, loads = [], [], []
    for _ in range(runs):
        loads.append(load())
        wc_times.append(timed(["wc", "-w", path], env))
        podium_times.append(timed([podium, "--no-cache", "stats", path], env))
    p, w = statistics.median(podium_times), statistics.median(wc_times)
    print(f"{path}: {mb:.1f} MB; median of {runs} runs, alternating; "
          f"load average {min(loads):.2f}-{max(loads):.2f} (1 min)")
    print(f"  wc -w                    {w:6.2f} s  {mb / w:6.1f} MB/s")
    print(f"  podium --no-cache stats  {p:6.2f} s  {mb / p:6.1f} MB/s  "
          f"= {p / w:.2f}x wc -w (target <= 2x)")
    stats_peak = peak_mb([podium, "--no-cache", "stats", path], env)
    search_peak = peak_mb([podium, "search", path, "cyber hygene"], env)
    print(f"  peak RSS: stats {stats_peak:.0f} MB = {stats_peak / mb:.2f}x the file "
          f"(the browser needs the session whole; no target); "
          f"search, no cache {search_peak:.0f} MB = {search_peak / mb:.2f}x "
          f"(target <= 1.5x; load {load():.2f})")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
