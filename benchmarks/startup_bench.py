"""Benchmark: start-up of ``policyparse convert`` as a whole process, against ``python -c pass``.

Run from the repository root::

    .venv/bin/python benchmarks/startup_bench.py            # 15 runs of each
    .venv/bin/python benchmarks/startup_bench.py --runs 30

It reports, each as the median (and minimum) of ``--runs`` fresh processes:

* ``python -c pass`` (the interpreter alone) and ``policyparse convert SEED`` (the console
  script, output to /dev/null), and their ratio;
* where the difference goes: ``import policyparse.cli``, the grammar compile (the first
  ``parser()`` call), the marker alternation, and the parse and JSON of the seed, each
  measured inside one fresh process;
* whether caching the compiled parser helps with policyparse's custom (pre-lexed) lexer:
  Lark's ``cache=PATH`` option and ``Lark.save``/``Lark.load``, timed in fresh processes, and a
  whole ``convert`` process whose ``parser()`` loads the cached parser instead of compiling
  the grammar (a patch applied in that process only: the library is not changed).
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
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_45a6f49ae89e1481.txt"

# Runs inside a fresh interpreter: times each start-up step and prints them as JSON.
_STEPS = r"""
import json, sys, time
t0 = time.perf_counter()
import policyparse.cli
t1 = time.perf_counter()
from policyparse import _grammar
_grammar.parser()
t2 = time.perf_counter()
_grammar.marker_pattern()
t3 = time.perf_counter()
import policyparse
doc = policyparse.parse_file(sys.argv[1])
t4 = time.perf_counter()
policyparse.to_json(doc)
t5 = time.perf_counter()
print(json.dumps({"import policyparse.cli": t1 - t0, "grammar compile (parser())": t2 - t1,
                  "marker alternation (marker_pattern())": t3 - t2,
                  "parse_file(seed)": t4 - t3, "to_json": t5 - t4}))
"""

# Lark's own cache option, with the same custom lexer class parser() uses.
_LARK_CACHE = r"""
import sys, time
import lark
from policyparse import _grammar
t1 = time.perf_counter()
p = lark.Lark(_grammar.grammar_text(), parser="lalr", lexer=_grammar._PreLexed, regex=True,
              cache=sys.argv[1])
t2 = time.perf_counter()
print(t2 - t1)
"""

# Lark.save / Lark.load of the compiled parser.
_LARK_LOAD = r"""
import sys, time
import lark
import policyparse._grammar  # the lexer class must be importable: the pickle names it
t1 = time.perf_counter()
with open(sys.argv[1], "rb") as f:
    p = lark.Lark.load(f)
t2 = time.perf_counter()
print(t2 - t1)
"""

_LARK_SAVE = r"""
import sys
from policyparse import _grammar
with open(sys.argv[1], "wb") as f:
    _grammar.parser().save(f)
"""

# A whole `policyparse convert` whose parser() loads the cached parser: what the library would
# do with the cache proposed in docs/performance.md.
_CONVERT_CACHED = r"""
import functools, sys
import lark
from policyparse import _grammar, _tree, cli

CACHE = sys.argv[1]

@functools.cache
def parser():
    with open(CACHE, "rb") as f:
        return lark.Lark.load(f)

_grammar.parser = parser
_tree.parser = parser
sys.argv = ["policyparse", "convert", sys.argv[2]]
raise SystemExit(cli.main())
"""


def run_times(command: Sequence[str], runs: int) -> list[float]:
    """Wall times of ``runs`` fresh processes, stdout to /dev/null."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return times


def run_output(command: Sequence[str], runs: int) -> list[str]:
    return [
        subprocess.run(command, capture_output=True, text=True, check=True).stdout for _ in range(runs)
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
    bare = run_times([python, "-c", "pass"], args.runs)
    convert = run_times([*console_script(), "convert", seed], args.runs)
    print(f"python -c pass                         {summary(bare)}")
    print(f"policyparse convert SEED               {summary(convert)}")
    ratio = statistics.median(convert) / statistics.median(bare)
    print(f"ratio convert / python -c pass         {ratio:7.1f}×")
    own = statistics.median(convert) - statistics.median(bare)
    print(f"policyparse's own share                {own * 1000:7.1f} ms")

    print("\nsteps inside one fresh process (median):")
    steps = [json.loads(out) for out in run_output([python, "-c", _STEPS, seed], args.runs)]
    for name in steps[0]:
        values = [s[name] for s in steps]
        print(f"  {name:38s} {statistics.median(values) * 1000:7.1f} ms")

    print("\ncaching the compiled parser (custom pre-lexed lexer), fresh processes:")
    with tempfile.TemporaryDirectory() as folder:
        cache = os.path.join(folder, "lark.cache")
        first = run_output([python, "-c", _LARK_CACHE, cache], 1)
        warm = run_output([python, "-c", _LARK_CACHE, cache], args.runs)
        print(f"  Lark(..., cache=PATH), first run (compiles, writes)  {float(first[0]) * 1000:7.1f} ms")
        print(f"  Lark(..., cache=PATH), later runs (loads)            "
              f"{statistics.median(float(w) for w in warm) * 1000:7.1f} ms")
        saved = os.path.join(folder, "parser.pickle")
        subprocess.run([python, "-c", _LARK_SAVE, saved], check=True)
        loads = run_output([python, "-c", _LARK_LOAD, saved], args.runs)
        print(f"  Lark.load(pickle of Lark.save)                       "
              f"{statistics.median(float(x) for x in loads) * 1000:7.1f} ms   ({os.path.getsize(saved)} bytes)")
        cached = run_times([python, "-c", _CONVERT_CACHED, saved, seed], args.runs)
        plain = run_times([python, "-m", "policyparse", "convert", seed], args.runs)
        print(f"  python -m policyparse convert SEED                   {summary(plain)}")
        print(f"  the same, parser() loading the saved parser          {summary(cached)}")
        print(f"  ratio to python -c pass, with the cache              "
              f"{statistics.median(cached) / statistics.median(bare):7.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
