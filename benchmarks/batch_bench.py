"""Benchmark: ``policyparse convert DIR -o OUT --jobs N`` as whole processes, in documents per second.

Run from the repository root::

    .venv/bin/python benchmarks/batch_bench.py                  # 300 documents, --jobs 1 and 2, best of 3
    .venv/bin/python benchmarks/batch_bench.py --docs 600 --jobs 1 2 4 --repeat 5

The corpus is cycled document by document into a temporary folder (``0001-name.txt`` …) up
to ``--docs`` files. Each round runs the console script once per ``--jobs`` value, in
turn, so that a machine that slows down for a while slows every case alike; the best
round counts. "CPUs busy" is the run's CPU time (its workers' included) over its wall
time: below N on a machine that others keep busy. Every run writes a fresh output folder,
and the outputs of the different ``--jobs`` values are compared byte for byte. One untimed
run first fills the parser cache.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_corpus import default_folder, documents  # beside this script (run as a file)

ROOT = Path(__file__).resolve().parent.parent



def cycle(documents: Sequence[Path], count: int, folder: Path) -> int:
    """Copy the documents, cycled, into ``folder`` as ``count`` files; return their bytes."""
    size = 0
    for index in range(count):
        source = documents[index % len(documents)]
        shutil.copy(source, folder / f"{index:04d}-{source.name}")
        size += source.stat().st_size
    return size


def console_script() -> list[str]:
    script = Path(sys.executable).parent / "policyparse"
    return [str(script)] if script.exists() else [sys.executable, "-m", "policyparse"]


def convert(source: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Wall time and CPU time (its workers' included) of one ``policyparse convert SOURCE -o OUT
    --jobs N`` process."""
    shutil.rmtree(out, ignore_errors=True)
    command = [*console_script(), "convert", str(source), "-o", str(out), "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def same_files(first: Path, second: Path) -> bool:
    names = sorted(p.name for p in first.iterdir())
    if names != sorted(p.name for p in second.iterdir()):
        return False
    return all((first / name).read_bytes() == (second / name).read_bytes() for name in names)


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options.add_argument(
        "--corpus", type=Path, default=default_folder(),
        help="folder of .txt/.md documents (default: $POLICYPARSE_CORPUS, else tests/data/corpus)",
    )
    options.add_argument("--docs", type=int, default=300, help="documents per run (default 300)")
    options.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values (default 1 2)")
    options.add_argument("--repeat", type=int, default=3, help="rounds; the best counts (default 3)")
    args = options.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "in"
        source.mkdir()
        size = cycle(documents(args.corpus), args.docs, source)
        print(f"{args.docs} documents, {size / 1e6:.2f} MB; CPUs usable: {len(os.sched_getaffinity(0))}; "
              f"best of {args.repeat} rounds; load average before: {os.getloadavg()[0]:.2f}")
        convert(source, Path(scratch) / "warm-up", 1)  # fills the parser cache
        times: dict[int, list[tuple[float, float]]] = {jobs: [] for jobs in args.jobs}
        for round_number in range(args.repeat):
            for jobs in args.jobs:
                times[jobs].append(convert(source, Path(scratch) / f"out-{jobs}", jobs))
            print(f"  round {round_number + 1}: "
                  + ", ".join(f"--jobs {j} {times[j][-1][0]:.2f} s (CPU {times[j][-1][1]:.2f} s)" for j in args.jobs))
        outputs = [Path(scratch) / f"out-{jobs}" for jobs in args.jobs]
        identical = all(same_files(outputs[0], other) for other in outputs[1:])

    first = min(times[args.jobs[0]])[0]
    print(f"\n{'--jobs':>6} {'best s':>8} {'docs/s':>8} {'MB/s':>6} {'speed-up':>9} {'CPU s':>6} {'CPUs busy':>9}")
    for jobs in args.jobs:
        best, cpu = min(times[jobs])
        print(f"{jobs:>6} {best:8.2f} {args.docs / best:8.1f} {size / 1e6 / best:6.2f} {first / best:8.2f}× "
              f"{cpu:6.2f} {cpu / best:9.2f}")
    print(f"outputs identical across --jobs values: {identical}")
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
