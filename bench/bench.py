#!/usr/bin/env python3
"""Measures the runner against its performance targets, and against plain
`go test` in the same run, on a copy of the course with every solution in
place. Run it from the repository root:

    cargo build --release && python3 bench/bench.py [verify] [save] [list] [cold]

It prints one line per figure: what was measured, the target, the figure
(median of the runs) and the comparison made. Nothing here is a test: the
numbers depend on the machine, so quote them with the machine they came from.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import queue

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "backendlings")
# The runner's cache for the benchmark's courses, removed at the end.
CACHE = tempfile.mkdtemp(prefix="bench-runner-cache-")
os.environ["BACKENDLINGS_CACHE_DIR"] = CACHE
SAVES = 12
PAUSE = 0.5
FIGURES = ("verify", "save", "list", "cold")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def copy_course(dest):
    for f in ("info.toml", "go.mod", "go.sum"):
        shutil.copy(os.path.join(ROOT, f), dest)
    for d in ("exercises", "solutions", "book"):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(dest, d))


def solve_everything(course):
    """Copies each reference solution over its exercise (test files too for
    learner-tests exercises)."""
    modes = {}
    current = None
    for line in open(os.path.join(course, "info.toml")):
        line = line.strip()
        if line.startswith("dir = "):
            current = line.split('"')[1]
        elif line.startswith("mode = ") and current:
            modes[current] = line.split('"')[1]
    for d, mode in modes.items():
        src = os.path.join(course, "solutions", d)
        for base, dirs, files in os.walk(src):
            rel = os.path.relpath(base, src)
            if rel.split(os.sep)[0] in ("wrong", "alt", "bugs"):
                continue
            for f in files:
                learners = os.path.join(course, "exercises", d, rel, f)
                if not f.endswith(".go"):
                    # Files other than Go the learner edits too (a Dockerfile).
                    if os.path.isfile(learners):
                        shutil.copy(os.path.join(base, f), learners)
                    continue
                is_test = f.endswith("_test.go")
                if is_test != (mode == "learner-tests"):
                    continue
                to = os.path.join(course, "exercises", d, rel)
                os.makedirs(to, exist_ok=True)
                text = open(os.path.join(base, f)).read()
                # A solution's own packages are imported from solutions/.
                text = text.replace('"backendlings/solutions/', '"backendlings/exercises/')
                with open(os.path.join(to, f), "w") as out:
                    out.write(text)
    return modes


def timed(cmd, **kw):
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.perf_counter() - t, r


def median(xs):
    return statistics.median(xs)


def report(name, target, value, comparison, ok):
    mark = "ok " if ok else "MISS"
    print(f"[{mark}] {name}\n       target: {target}\n       measured: {value}\n       {comparison}")


def bench_verify(course, modes):
    # Warm every cache once.
    sh([BIN, "--course", course, "verify"])
    def verify(*extra):
        t, r = timed([BIN, "--course", course, "verify", *extra])
        assert r.returncode == 0, r.stdout + r.stderr
        return t

    runs = [verify() for _ in range(3)]
    grouped = [verify("--no-cache") for _ in range(3)]
    # The test-mode exercises alone: the runner's shared runs, against one
    # `go test` per exercise package, one after another, same flags and
    # overlay, caches as warm.
    listed = json.loads(sh([BIN, "--course", course, "verify", "--format", "json"]).stdout)["exercises"]
    names = [e["name"] for e in listed]
    dirs = [e["dir"][len("exercises/"):] for e in listed]
    test_names = [n for n, d in zip(names, dirs) if modes.get(d) == "test"]
    ours = []
    for _ in range(3):
        t, r = timed([BIN, "--course", course, "verify", "--no-cache"] + test_names)
        assert r.returncode == 0, r.stdout + r.stderr
        ours.append(t)
    per_pkg = []
    for _ in range(3):
        t = time.perf_counter()
        for n, d in zip(names, dirs):
            if modes.get(d) != "test":
                continue
            ov = hidden_overlay(course, d, os.path.join(CACHE, f"{n}-overlay.json"))
            args = ["go", "test", "-json", f"-overlay={ov}"]
            subprocess.run(args + [f"./exercises/{d}"], cwd=course, capture_output=True)
        per_pkg.append(time.perf_counter() - t)
    n = len(modes)
    avg = median(runs) / n
    report(
        f"verify, whole course ({n} exercises, solutions in place, warm caches)",
        "≤ 0.030 s per exercise on average",
        f"{median(runs):.2f} s, {avg:.3f} s per exercise (remembered passes); "
        f"{median(grouped):.2f} s, {median(grouped) / n:.3f} s per exercise with --no-cache",
        f"min–max {min(runs):.2f}–{max(runs):.2f} s",
        avg <= 0.030,
    )
    speedup = median(per_pkg) / median(ours)
    report(
        f"verify of the {len(test_names)} test-mode exercises vs one `go test` per package",
        "≥ 5× faster, same run",
        f"runner (--no-cache) {median(ours):.2f} s; go test per package {median(per_pkg):.2f} s",
        f"{speedup:.1f}× faster",
        speedup >= 5,
    )


class Watch:
    def __init__(self, course, env=None):
        self.p = subprocess.Popen(
            [BIN, "--course", course, "watch"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, env=env,
        )
        self.q = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.p.stdout:
            self.q.put((time.perf_counter(), line.rstrip("\n")))

    def wait(self, pred, limit=300):
        end = time.perf_counter() + limit
        while True:
            t, line = self.q.get(timeout=max(0.1, end - time.perf_counter()))
            if pred(line):
                return t, line

    def drain(self):
        while not self.q.empty():
            self.q.get_nowait()

    def rss_kb(self):
        for line in open(f"/proc/{self.p.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def quit(self):
        self.p.stdin.write("q\n")
        self.p.stdin.flush()
        self.p.wait(20)


def hidden_overlay(course, dir, path):
    """Writes a `go test -overlay` file adding the hidden tests of
    exercises/DIR (from solutions/DIR), as the runner does, and returns its
    path."""
    sol = os.path.join(course, "solutions", dir)
    replace = {
        os.path.join(course, "exercises", dir, f): os.path.join(sol, f)
        for f in sorted(os.listdir(sol))
        if f.endswith("_test.go")
    }
    with open(path, "w") as f:
        json.dump({"Replace": replace}, f)
    return path


def edit(path, n):
    lines = [l for l in open(path) if not l.startswith("const benchEdit")]
    lines.append(f"const benchEdit = {n}\n")
    with open(path, "w") as f:
        f.writelines(lines)


def save_series(course, other, exercise, package_dir, file, env=None):
    """Median seconds from a save to the verdict line, and those of a bare
    `go test -json` of the same code (edited in `other`, so that the watcher
    never sees those edits) in between."""
    state = os.path.join(course, ".backendlings-state.json")
    json.dump({"format_version": 1, "current": exercise, "welcomed": True}, open(state, "w"))
    w = Watch(course, env)
    w.wait(lambda l: l.startswith("✓ ") or l.startswith("✗ "))
    path = os.path.join(course, package_dir, file)
    # The hidden tests the runner adds, added to the other copy.
    dir = package_dir[len("exercises/"):]
    overlay2 = hidden_overlay(other, dir, os.path.join(other, "overlay.json"))
    ours, bare = [], []
    for i in range(SAVES):
        # A learner reads the verdict before saving again; the watcher uses
        # that time to prepare the next check.
        time.sleep(PAUSE)
        w.drain()
        t0 = time.perf_counter()
        edit(path, time.time_ns())
        t1, line = w.wait(lambda l: l.startswith("✓ ") or l.startswith("✗ "))
        ours.append(t1 - t0)
        edit(os.path.join(other, package_dir, file), time.time_ns())
        t, _ = timed(["go", "test", "-json", f"-overlay={overlay2}", "./" + package_dir], cwd=other)
        bare.append(t)
    rss = w.rss_kb()
    w.quit()
    return ours, bare, rss


def bench_save(course, other, exercise, package_dir, file):
    ours, bare, rss = save_series(course, other, exercise, package_dir, file)
    plain, _, _ = save_series(
        course, other, exercise, package_dir, file, dict(os.environ, BACKENDLINGS_QUICK="off")
    )
    report(
        f"save → verdict in watch mode ({exercise}, warm cache, {SAVES} saves, {PAUSE} s apart)",
        "≤ a bare `go test -json` with the same hidden tests, and ≤ 0.25 s",
        f"median {median(ours) * 1000:.0f} ms (min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f}); "
        f"bare go test -json median {median(bare) * 1000:.0f} ms",
        f"runner / bare go test = {median(ours) / median(bare):.2f}; "
        f"with the quick path off (BACKENDLINGS_QUICK=off) median {median(plain) * 1000:.0f} ms",
        median(ours) <= median(bare) and median(ours) <= 0.25,
    )
    report(
        "watch-mode runner memory (RSS after the saves)",
        "≤ 10 MB",
        f"{rss / 1024:.1f} MB",
        "read from /proc/<pid>/status",
        rss <= 10 * 1024,
    )


def bench_list(course):
    times = [timed([BIN, "--course", course, "list"])[0] for _ in range(20)]
    report("`list`", "≤ 20 ms", f"median {median(times) * 1000:.1f} ms", f"min {min(times) * 1000:.1f} ms", median(times) <= 0.020)


def bench_cold(course, exercise):
    cache = tempfile.mkdtemp(prefix="bench-gocache-")
    env = dict(os.environ, GOCACHE=cache)
    # A fresh clone: none of the runner's own records either.
    shutil.rmtree(CACHE, ignore_errors=True)
    state = os.path.join(course, ".backendlings-state.json")
    json.dump({"format_version": 1, "current": exercise, "welcomed": True}, open(state, "w"))
    t0 = time.perf_counter()
    w = Watch(course, env)
    told = []
    t1, _ = w.wait(lambda l: (told.append(l) if "compiles the Go standard library" in l else None) or l.startswith("✓ ") or l.startswith("✗ "), limit=600)
    w.quit()
    shutil.rmtree(cache, ignore_errors=True)
    report(
        f"cold start: first verdict in watch mode with an empty Go build cache ({exercise})",
        "≤ 20 s, with a line saying what is happening",
        f"{t1 - t0:.1f} s; explanation shown: {'yes' if told else 'no'}",
        "GOCACHE pointed at an empty directory",
        t1 - t0 <= 20 and (bool(told) or t1 - t0 < 3),
    )


def main():
    only = sys.argv[1:] or FIGURES
    for name in only:
        if name not in FIGURES:
            sys.exit(f"unknown figure {name!r}: choose from {', '.join(FIGURES)}")
    if not os.path.exists(BIN):
        sys.exit("build the runner first: cargo build --release")
    print(f"go: {sh(['go', 'version']).stdout.strip()}; cpus: {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="bench-course-") as course, \
            tempfile.TemporaryDirectory(prefix="bench-other-") as other:
        copy_course(course)
        modes = solve_everything(course)
        copy_course(other)
        solve_everything(other)
        if "verify" in only:
            bench_verify(course, modes)
        if "save" in only:
            bench_save(course, other, "variadic_sum", "exercises/02_functions/03_variadic", "total.go")
        if "list" in only:
            bench_list(course)
        if "cold" in only:
            bench_cold(course, "variadic_sum")
    shutil.rmtree(CACHE, ignore_errors=True)


if __name__ == "__main__":
    main()
