"""Benchmark: every figure of the speed issue (issue 19) in one run, against the pinned floor.

Run from the repository root (about five minutes; ``--quick`` about one)::

    .venv/bin/python benchmarks/speed_report.py
    .venv/bin/python benchmarks/speed_report.py --quick
    .venv/bin/python benchmarks/speed_report.py --only throughput startup

Each figure is a ratio measured in this one run (the machine is shared and its speed drifts):

throughput
    ``parse`` over the pinned floor (below), the lexer plus a bare Lark LALR pass over parse,
    finding the cross-references (a part of parse) over parse, and ``to_json`` (indented, the
    CLI's default for one file; and on one line) over the parse of the same documents. The
    workload is every ``.md``/``.txt`` of the corpus (not ``SOURCES.md``) repeated to ``--mb``
    megabytes; each case is the best of ``--repeat`` rounds, the cases interleaved within each
    round.
startup
    ``policyparse --version``, ``policyparse --help`` and ``python -c "import policyparse"``
    over ``python -c pass``: the medians of ``--runs`` fresh processes each, interleaved.
memory
    The peak resident memory added by ``parse_file`` of one ``--memory-mb`` file (the corpus
    joined), over the file's size, in a fresh process; and the tracemalloc peak of parsing each
    pathological shape of ``tests/test_adversarial.py`` over its size in bytes.
growth
    For each pathological shape: the time to parse the text of 4n units over that of n units
    (best of three each), n chosen so that the small text takes about ``--growth-seconds``.
diff
    ``policyparse.diff`` of the corpus's version pairs over parsing both versions.

The floor is the issue's, character for character (``FLOOR`` and ``floor``): ``str.split`` on
``"\\n"`` and one ``re`` match per line.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The benchmarks first; the project last, so that PYTHONPATH=OTHER_TREE measures another tree.
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.append(str(ROOT))

from bench_corpus import default_folder, describe, documents  # noqa: E402  (beside this script)

import policyparse  # noqa: E402

MB = 1_000_000

# The pinned floor of the issue: use exactly this.
MARK = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d+(?:\.\d+)*[.．、 \u3000]|[（(]\d+[）)]|[①-⑳]|第[一二三四五六七八九十百千零〇]+[编章节条])")  # noqa: E501


def floor(docs: Sequence[str]) -> int:
    c = 0
    for d in docs:
        for line in d.split("\n"):
            if MARK.match(line):
                c += 1
    return c


# -- throughput ------------------------------------------------------------------------------


def corpus(folder: Path | None) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in documents(folder)]


def repeated(texts: Sequence[str], megabytes: float) -> list[str]:
    """The documents, in order and again, until they hold ``megabytes`` of UTF-8."""
    chosen: list[str] = []
    total = 0
    while total < megabytes * MB:
        for text in texts:
            chosen.append(text)
            total += len(text.encode("utf-8"))
            if total >= megabytes * MB:
                break
    return chosen


def _timed(work: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def interleaved(cases: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Best time of each case; every round takes each case once, in turn."""
    best = dict.fromkeys(cases, float("inf"))
    for number in range(rounds):
        for name, work in cases.items():
            seconds = _timed(work)
            best[name] = min(best[name], seconds)
            print(f"  round {number + 1}/{rounds}: {name}: {seconds:.3f} s", file=sys.stderr, flush=True)
    return best


def throughput(texts: Sequence[str], megabytes: float, rounds: int) -> Iterator[str]:
    from parse_bench import _Nothing, lark_variant  # the bare LALR pass of parse_bench.py

    from policyparse import _lexer

    try:
        from policyparse._references import find_references
    except ImportError:  # a tree from before the references (PYTHONPATH=OLD_TREE)
        find_references = None

    docs = repeated(texts, megabytes)
    size = sum(len(d.encode("utf-8")) for d in docs)
    bare = lark_variant("lalr", _Nothing())
    parsed = [policyparse.parse(d) for d in docs]

    def parse() -> None:
        for d in docs:
            policyparse.parse(d)

    def lexer_and_bare_lalr() -> None:
        for d in docs:
            bare.parse(_lexer.tokens(_lexer.split_lines(d), d))

    def to_json() -> None:
        for document in parsed:
            policyparse.to_json(document)

    def references() -> None:
        for d, document in zip(docs, parsed, strict=True):
            if find_references is not None:
                find_references(document, d)

    def to_json_one_line() -> None:
        for document in parsed:
            policyparse.to_json(document, indent=None)

    best = interleaved(
        {"floor": lambda: floor(docs), "parse": parse, "lexer + bare LALR": lexer_and_bare_lalr,
         "to_json": to_json, "to_json(indent=None)": to_json_one_line, "references (in parse)": references},
        rounds,
    )
    yield f"workload: {len(docs)} documents, {size / MB:.2f} MB of UTF-8; best of {rounds} rounds"
    yield "| case | MB/s | × floor |"
    yield "|---|---:|---:|"
    for name, seconds in best.items():
        yield f"| {name} | {size / MB / seconds:.2f} | {best['floor'] / seconds:.4f} |"
    yield ""
    yield _verdict("parse ÷ floor", best["floor"] / best["parse"], at_least=0.05)
    yield _verdict("parse ÷ (lexer + bare LALR), times slower", best["parse"] / best["lexer + bare LALR"], at_most=2.0)
    yield _verdict("to_json ÷ parse", best["to_json"] / best["parse"], at_most=0.6)
    yield f"to_json(indent=None) ÷ parse: {best['to_json(indent=None)'] / best['parse']:.2f}"
    yield _verdict("references ÷ parse (issue 15)", best["references (in parse)"] / best["parse"], at_most=0.10)


def _verdict(name: str, value: float, *, at_least: float | None = None, at_most: float | None = None) -> str:
    if at_least is not None:
        return f"**{name}: {value:.3f}** (target ≥ {at_least}: {'met' if value >= at_least else 'not met'})"
    assert at_most is not None
    return f"**{name}: {value:.2f}** (target ≤ {at_most}: {'met' if value <= at_most else 'not met'})"


# -- start-up ----------------------------------------------------------------------------------


def _console_script() -> list[str]:
    script = Path(sys.executable).with_name("policyparse")
    if script.exists():
        return [str(script)]
    found = shutil.which("policyparse")
    return [found] if found else [sys.executable, "-m", "policyparse"]


def startup(runs: int) -> Iterator[str]:
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "policyparse --version": [*_console_script(), "--version"],
        "policyparse --help": [*_console_script(), "--help"],
        "python -c 'import policyparse'": [sys.executable, "-c", "import policyparse"],
        "python -c 'import policyparse; policyparse.parse(...)'": [
            sys.executable, "-c", "import policyparse; policyparse.parse('一、总则\\n')"
        ],
    }
    # Compiled modules cached as an installed package has them (PYTHONDONTWRITEBYTECODE, set on
    # some machines, would compile every module at every start); one warm-up run each.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for number in range(runs + 1):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
            if number:
                times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    yield f"medians of {runs} fresh processes each, interleaved, bytecode cached; `policyparse`: {_console_script()[0]}"
    yield "| command | median ms | × `python -c pass` |"
    yield "|---|---:|---:|"
    for name, measured in times.items():
        yield f"| `{name}` | {statistics.median(measured) * 1000:.1f} | {statistics.median(measured) / base:.1f} |"
    yield ""
    for name, bound in (("policyparse --version", 3.0), ("policyparse --help", 3.0),
                        ("python -c 'import policyparse'", 4.0)):
        yield _verdict(f"{name} ÷ python -c pass", statistics.median(times[name]) / base, at_most=bound)


# -- memory ------------------------------------------------------------------------------------------

_PEAK_RSS = r"""
import json, resource, sys
import policyparse
policyparse.parse("一、总则\n")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
document = policyparse.parse_file(sys.argv[1])
print(json.dumps({"added": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before}))
"""


def memory(texts: Sequence[str], megabytes: float) -> Iterator[str]:
    joined = repeated(texts, megabytes)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "joined.txt"
        path.write_text("\n".join(joined), encoding="utf-8", newline="")
        file_size = path.stat().st_size
        run = subprocess.run([sys.executable, "-c", _PEAK_RSS, str(path)], capture_output=True, text=True, check=True)
    added = json.loads(run.stdout)["added"]
    yield f"one file of {file_size / MB:.1f} MB (the corpus joined {len(joined)} documents long)"
    yield _verdict("peak RSS added by parse_file ÷ file size", added / file_size, at_most=5.0)


def shapes() -> dict[str, Callable[[int], str]]:
    from tests.test_adversarial import SHAPES

    return SHAPES


def shape_memory(characters: int) -> Iterator[str]:
    """tracemalloc peak of parse() on each shape, over the text's UTF-8 size."""
    rows: list[tuple[str, int, float]] = []
    for name, build in shapes().items():
        n = 1
        while len(build(n)) < characters and n < 1 << 22:
            n *= 2
        text = build(n)
        size = len(text.encode("utf-8"))
        tracemalloc.start()
        try:
            policyparse.parse(text)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        rows.append((name, size, peak / size))
    yield f"tracemalloc peak of parse() on each shape of tests/test_adversarial.py (~{characters:,} characters)"
    yield from _worst_shapes(rows, ("bytes", "peak ÷ bytes"), "{:.1f}")
    worst = max(rows, key=lambda row: row[2])
    yield _verdict(f"worst shape ({worst[0]}) peak ÷ bytes", worst[2], at_most=30.0)


def _worst_shapes(rows: list[tuple[str, int, float]], columns: tuple[str, str], shown: str) -> Iterator[str]:
    """The twelve shapes of the highest ratio as a Markdown table (name, size, ratio)."""
    yield f"| shape | {columns[0]} | {columns[1]} |"
    yield "|---|---:|---:|"
    for name, size, ratio in sorted(rows, key=lambda row: -row[2])[:12]:
        yield f"| {name} | {size:,} | {shown.format(ratio)} |"
    if len(rows) > 12:
        yield f"(the {len(rows) - 12} others lower)"
    yield ""


# -- growth --------------------------------------------------------------------------------------


def growth(target_seconds: float) -> Iterator[str]:
    rows: list[tuple[str, int, float]] = []
    for name, build in shapes().items():
        n = 16
        while True:
            text = build(n)
            if _timed(lambda text=text: policyparse.parse(text)) >= target_seconds or len(text) > 2_000_000:
                break
            n *= 2
        small, large = build(n), build(4 * n)
        small_best = min(_timed(lambda: policyparse.parse(small)) for _ in range(3))  # noqa: B023 (called at once)
        large_best = min(_timed(lambda: policyparse.parse(large)) for _ in range(3))  # noqa: B023
        rows.append((name, len(small), large_best / small_best))
    yield f"parse time of 4n units over n units, best of three each (n: the small text takes ~{target_seconds} s)"
    yield from _worst_shapes(rows, ("characters (n)", "ratio"), "{:.2f}")
    worst = max(rows, key=lambda row: row[2])
    yield _verdict(f"worst shape ({worst[0]}) growth on quadrupling", worst[2], at_most=4.4)


# -- diff --------------------------------------------------------------------------------------------


def diff_speed(folder: Path | None, rounds: int) -> Iterator[str]:
    if folder is None:
        yield "no corpus: skipped"
        return
    pairs = []
    paths = {path.stem: path for path in documents(folder)}
    for stem, path in sorted(paths.items()):
        head, _, year = stem.rpartition("-")
        later = [other for name, other in paths.items() if name.startswith(head + "-") and name > stem]
        if year.isdigit() and later:
            pairs.append((path.read_text(encoding="utf-8"), later[0].read_text(encoding="utf-8")))
    parsed = [(policyparse.parse(old), policyparse.parse(new)) for old, new in pairs]

    def parse_both() -> None:
        for old, new in pairs:
            policyparse.parse(old)
            policyparse.parse(new)

    def diff_all() -> None:
        for old, new in parsed:
            policyparse.diff(old, new)

    best = interleaved({"parse both": parse_both, "diff": diff_all}, rounds)
    yield f"{len(pairs)} version pairs of the corpus; best of {rounds} rounds"
    yield f"diff ÷ parsing both versions: {best['diff'] / best['parse both']:.2f}"


# -- report --------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, git {commit or '?'}, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}"
    )


SECTIONS = ("throughput", "startup", "memory", "growth", "diff")


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--corpus", type=Path, default=default_folder(), help="folder of .txt/.md documents")
    options.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS, help="the sections to run")
    options.add_argument("--quick", action="store_true", help="smaller sizes and fewer rounds")
    options.add_argument("--mb", type=float, default=8.0, help="throughput workload in MB (default 8)")
    options.add_argument("--repeat", type=int, default=5, help="rounds; the best counts (default 5)")
    options.add_argument("--runs", type=int, default=15, help="processes per start-up command (default 15)")
    options.add_argument("--memory-mb", type=float, default=50.0, help="size of the memory test file (default 50)")
    options.add_argument("--growth-seconds", type=float, default=0.1, help="time of the small growth text")
    args = options.parse_args(argv)
    if args.quick:
        args.mb, args.repeat, args.runs, args.memory_mb, args.growth_seconds = 2.0, 3, 5, 10.0, 0.03
    texts = corpus(args.corpus)
    print(f"# Speed report\n\n{machine()}; corpus {describe(args.corpus)} ({len(texts)} documents)\n")
    sections: dict[str, Callable[[], Iterator[str]]] = {
        "throughput": lambda: throughput(texts, args.mb, args.repeat),
        "startup": lambda: startup(args.runs),
        "memory": lambda: (*memory(texts, args.memory_mb), "", *shape_memory(50_000 if args.quick else 250_000)),
        "growth": lambda: growth(args.growth_seconds),
        "diff": lambda: diff_speed(args.corpus, args.repeat),
    }
    for name in args.only:
        print(f"## {name}\n", flush=True)
        for line in sections[name]():
            print(line, flush=True)
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
