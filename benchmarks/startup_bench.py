"""Benchmark: start-up of ``policyparse convert`` as a whole process, against ``python -c pass``.

Run from the repository root::

    .venv/bin/python benchmarks/startup_bench.py            # 15 runs of each
    .venv/bin/python benchmarks/startup_bench.py --runs 30

It reports, each as the median (and minimum) of ``--runs`` fresh processes:

* ``python -c pass`` (the interpreter alone) and ``policyparse convert SEED`` (the console
  script, output to /dev/null) with the parser cache warm, with ``POLICYPARSE_NO_CACHE=1``
  (the grammar compiled every time) and with a cold cache (compiled and saved), and their
  ratios to ``python -c pass``;
* where the time goes: ``import policyparse`` (and whether it imported the diff),
  ``import policyparse.cli``, the first ``parser()`` (loaded from the cache, or compiled),
  the marker alternation, and the parse and JSON of the seed, each measured inside one
  fresh process.

The cache lives in a temporary ``XDG_CACHE_HOME``, so the user's own cache is not touched.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_45a6f49ae89e1481.txt"

# Runs inside a fresh interpreter: times each start-up step and prints them as JSON.
_STEPS = r"""
import json, sys, time
t0 = time.perf_counter()
import policyparse
t1 = time.perf_counter()
diff_imported = "policyparse.compare" in sys.modules
import policyparse.cli
t2 = time.perf_counter()
from policyparse import _grammar
_grammar.parser()
t3 = time.perf_counter()
_grammar.marker_pattern()
t4 = time.perf_counter()
doc = policyparse.parse_file(sys.argv[1])
t5 = time.perf_counter()
policyparse.to_json(doc)
t6 = time.perf_counter()
print(json.dumps({"import policyparse": t1 - t0, "import policyparse.cli (more)": t2 - t1,
                  "first parser()": t3 - t2, "marker alternation (marker_pattern())": t4 - t3,
                  "parse_file(seed)": t5 - t4, "to_json": t6 - t5,
                  "diff imported by import policyparse": float(diff_imported)}))
"""


def run_times(
    command: Sequence[str], runs: int, env: Mapping[str, str] | None = None, cold: bool = False
) -> list[float]:
    """Wall times of ``runs`` fresh processes, stdout to /dev/null; ``cold``: an empty cache each."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as empty:
            environment = dict(env or os.environ, XDG_CACHE_HOME=empty) if cold else env
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=environment)
            times.append(time.perf_counter() - start)
    return times


def run_output(command: Sequence[str], runs: int, env: Mapping[str, str] | None = None) -> list[str]:
    return [
        subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout for _ in range(runs)
    ]


def summary(times: Sequence[float]) -> str:
    return f"{statistics.median(times) * 1000:7.1f} ms (min {min(times) * 1000:6.1f})"


def console_script() -> list[str]:
    script = Path(sys.executable).parent / "policyparse"
    return [str(script)] if script.exists() else [sys.executable, "-m", "policyparse"]


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options.add_argument("--runs", type=int, default=15, help="processes per measurement (default 15)")
    options.add_argument("--seed", type=Path, default=SEED, help="the document to convert")
    args = options.parse_args(argv)
    python = sys.executable
    seed = str(args.seed)

    print(f"python: {python}; seed: {args.seed.name}; {args.runs} processes each (median, min)")
    with tempfile.TemporaryDirectory() as cache:
        warm = dict(os.environ, XDG_CACHE_HOME=cache)
        warm.pop("POLICYPARSE_NO_CACHE", None)
        uncached = dict(warm, POLICYPARSE_NO_CACHE="1")
        command = [*console_script(), "convert", seed]
        run_times(command, 1, warm)  # fills the cache
        bare = run_times([python, "-c", "pass"], args.runs)
        cases = {
            "policyparse convert SEED (cache warm)": run_times(command, args.runs, warm),
            "  the same, POLICYPARSE_NO_CACHE=1": run_times(command, args.runs, uncached),
            "  the same, cold cache (compile, save)": run_times(command, args.runs, warm, cold=True),
        }
        print(f"{'python -c pass':40s} {summary(bare)}")
        for name, times in cases.items():
            ratio = statistics.median(times) / statistics.median(bare)
            print(f"{name:40s} {summary(times)}  {ratio:5.1f}× python -c pass")

        for label, environment in (("cache warm", warm), ("POLICYPARSE_NO_CACHE=1", uncached)):
            print(f"\nsteps inside one fresh process, {label} (median):")
            steps = [json.loads(out) for out in run_output([python, "-c", _STEPS, seed], args.runs, environment)]
            for name in steps[0]:
                values = [s[name] for s in steps]
                if name.startswith("diff imported"):
                    print(f"  {name:38s} {bool(values[0])}")
                else:
                    print(f"  {name:38s} {statistics.median(values) * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
