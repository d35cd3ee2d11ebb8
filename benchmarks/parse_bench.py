"""Benchmark: parse throughput against a regex floor, Lark's Earley parser and a bare LALR pass.

Run from the repository root (about two minutes on the default 20 MB)::

    .venv/bin/python benchmarks/parse_bench.py              # 20 MB of the corpus (tests/data/corpus)
    .venv/bin/python benchmarks/parse_bench.py --mb 5 --repeat 1 --earley-mb 0.2
    .venv/bin/python benchmarks/parse_bench.py --profile    # adds a pyinstrument profile of parse
    .venv/bin/python benchmarks/parse_bench.py --memory 50 --traced   # peak memory on a 50 MB file

The workload is the corpus (``*.txt`` and ``*.md`` of ``--corpus``, not ``SOURCES.md``) cycled
document by document until it holds ``--mb`` megabytes of UTF-8; each case walks the whole
workload, one document at a time (as a batch conversion does), and the best of ``--repeat``
passes is reported. MB/s counts UTF-8 bytes of input (10**6 bytes per MB).

Cases (issue 7):

(a) floor: ``str.splitlines`` and one ``match`` per line with one precompiled regex (the
    grammar's marker alternation, after optional indentation); the least any line classifier
    can do in Python.
(b) ``policyparse.parse``.
(c) ``policyparse.parse`` + ``policyparse.to_json`` (indented, the CLI's default for one file);
    (c') the same with ``indent=None`` (JSON Lines), which lets ``json`` use its C encoder.
(d) the line lexer + the same grammar on Lark's Earley parser (same pre-lexed lexer class),
    building its tree; measured on a slice (``--earley-mb``), since it is far slower.
(e) the line lexer + a bare LALR pass of the same grammar over the same line tokens, building
    nothing (an inline transformer that returns None): the limit for a Lark-based parser that
    has to make these tokens.

Supporting rows explain the gap: the least a lossless model of attrs objects costs (one
``Paragraph`` and one ``Separator`` per line, nothing else), the LALR pass alone over
ready-made tokens (e0), the line lexer alone, the LALR pass fed one token per line as a first
prototype did (e1), the LALR parse building Lark's tree as parse() does today, and the same
with an inline transformer that builds the drafts during the parse instead of after it. A stage breakdown of (b) wraps
the functions ``policyparse._parse`` calls, so it follows the pipeline as it changes.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import lark
import regex
from bench_corpus import default_folder, describe, documents  # beside this script (run as a file)

import policyparse
from policyparse import Paragraph, Separator, _grammar, _lexer, _parse, _tree

MB = 1_000_000
EARLEY_REFERENCE = "lexer + LALR tree (no drafts), on the Earley slice"


# -- workload -------------------------------------------------------------------------------


def corpus_texts(folder: Path | None) -> list[tuple[str, str]]:
    """The corpus documents as (name, text), sorted by name (see ``benchmarks/bench_corpus.py``)."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in documents(folder)]


def workload(texts: Sequence[str], megabytes: float) -> list[str]:
    """Cycle the documents until they hold ``megabytes`` of UTF-8 (the same str objects)."""
    sizes = [len(t.encode("utf-8")) for t in texts]
    chosen: list[str] = []
    total = 0
    for text, size in itertools.cycle(zip(texts, sizes, strict=True)):
        if total >= megabytes * MB:
            break
        chosen.append(text)
        total += size
    return chosen


def utf8_size(texts: Sequence[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


# -- the cases --------------------------------------------------------------------------------


_WHITESPACE = regex.escape(_lexer.WHITESPACE)


def floor_pattern() -> regex.Pattern[str]:
    """One precompiled regex: optional indentation, then the grammar's marker alternation."""
    return regex.compile(f"[{_WHITESPACE}]*(?:{_grammar.marker_pattern().pattern})")


class _Nothing(lark.Transformer[lark.Token, Any]):
    """An inline transformer that builds nothing.

    Lark expands ``_rule`` children by reading ``.children`` of what their callback returned,
    so those get a fresh empty-handed stand-in; every named rule returns None.
    """

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        if str(data).startswith("_"):
            return lark.Tree(data, children)
        return None


class _InlineDrafts(lark.Transformer[lark.Token, Any]):
    """parse()'s draft builder run inside the LALR parse (Lark's ``transformer=`` option)."""

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        if str(data).startswith("_"):
            return lark.Tree(data, children)
        return _tree._draft_of(str(data), children)


def lark_variant(parser: str, transformer: lark.Transformer[Any, Any] | None = None) -> lark.Lark:
    """The grammar built as parser() builds it, with another algorithm or an inline transformer."""
    reference = _grammar.parser()
    return lark.Lark(
        _grammar.grammar_text(),
        parser=parser,
        lexer=reference.options.lexer,  # the pre-lexed lexer class parse() uses
        regex=True,
        transformer=transformer,
    )


def per_line_tokens(lines: list[_lexer.Line], text: str) -> list[lark.Token]:
    """One token per line (text lines too), as a first prototype fed the parser."""
    return [
        lark.Token(
            _grammar.Role.TEXT if line.kind in _grammar.OUT_OF_FLOW else line.kind, text[line.start : line.end],
            start_pos=line.start, line=line.number, column=1, end_line=line.number, end_column=1,
            end_pos=line.end,
        )
        for line in lines
    ]


class _Premade:
    """Runs a parser over tokens made once beforehand, so that only the parse is timed."""

    def __init__(self, parser: lark.Lark) -> None:
        self.parser = parser
        self.made: dict[int, list[lark.Token]] = {}

    def prepare(self, texts: Sequence[str]) -> None:
        for text in texts:
            if id(text) not in self.made:
                self.made[id(text)] = _lexer.tokens(_lexer.split_lines(text), text)

    def __call__(self, text: str) -> object:
        return self.parser.parse(self.made[id(text)])


def make_cases(args: argparse.Namespace) -> dict[str, Callable[[str], object]]:
    """Name → function of one document's text. The names start with the issue's letters."""
    pattern = floor_pattern()
    earley = lark_variant("earley")
    bare = lark_variant("lalr", _Nothing())
    inline = lark_variant("lalr", _InlineDrafts())
    reference = _grammar.parser()

    def floor(text: str) -> object:
        match = pattern.match
        return sum(1 for line in text.splitlines() if match(line))

    def model_floor(text: str) -> object:
        # The least a lossless model of attrs objects costs: a piece per line and a separator.
        made: list[Paragraph | Separator] = []
        position = 0
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            end = position + len(body)
            made.append(Paragraph(text=body, span=(position, end)))
            made.append(Separator(start=end, text=line[len(body) :]))
            position += len(line)
        return made

    def lex(text: str) -> list[lark.Token]:
        return _lexer.tokens(_lexer.split_lines(text), text)

    return {
        "(a) floor: splitlines + one regex": floor,
        "(b) parse": policyparse.parse,
        "model floor: a Paragraph + a Separator per line": model_floor,
        "(c) parse + to_json": lambda text: policyparse.to_json(policyparse.parse(text)),
        "(c') parse + to_json(indent=None), one line": lambda text: policyparse.to_json(
            policyparse.parse(text), indent=None
        ),
        "(d) lexer + Earley (tree)": lambda text: earley.parse(lex(text)),
        "(e) lexer + bare LALR (nothing built)": lambda text: bare.parse(lex(text)),
        "(e0) bare LALR alone, tokens made beforehand": _Premade(bare),
        "lexer alone (split_lines + tokens)": lex,
        "(e1) lexer + bare LALR, one token per line": lambda text: bare.parse(
            per_line_tokens(_lexer.split_lines(text), text)
        ),
        "lexer + LALR tree + drafts (as parse() does)": lambda text: _tree.parse_tokens(lex(text)),
        "lexer + LALR, drafts built inline": lambda text: inline.parse(lex(text)),
        "lexer + LALR tree (no drafts)": lambda text: reference.parse(lex(text)),
    }


# -- measuring ----------------------------------------------------------------------------------


def one_pass(function: Callable[[str], object], texts: Sequence[str]) -> float:
    """Wall time of one pass over ``texts``, garbage collected before it."""
    gc.collect()
    start = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - start


def best_time(function: Callable[[str], object], texts: Sequence[str], repeat: int) -> float:
    """Best wall time of ``repeat`` passes over ``texts``."""
    return min(one_pass(function, texts) for _ in range(repeat))


def interleaved(
    cases: dict[str, tuple[Callable[[str], object], Sequence[str]]],
    repeat: int,
    contexts: dict[str, Callable[[], contextlib.AbstractContextManager[None]]] | None = None,
) -> dict[str, float]:
    """Best time of each case over its texts, taking the cases in turn in every round.

    A shared machine changes speed over minutes; taking one pass of every case per round
    (rather than all passes of one case, then the next) keeps the ratios between cases fair.
    """
    best = {name: float("inf") for name in cases}
    for round_number in range(repeat):
        for name, (function, texts) in cases.items():
            context = (contexts or {}).get(name, contextlib.nullcontext)
            with context():
                seconds = one_pass(function, texts)
            best[name] = min(best[name], seconds)
            print(f"  round {round_number + 1}/{repeat}: {name}: {seconds:.2f} s", file=sys.stderr, flush=True)
    return best


class StageTimer:
    """Times the functions policyparse._parse calls, by wrapping them in its namespace."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self._saved: dict[str, Any] = {}

    def __enter__(self) -> StageTimer:
        for name, value in list(vars(_parse).items()):
            module = getattr(value, "__module__", "") or ""
            if not module.startswith("policyparse.") or module == _parse.__name__:
                continue
            if isinstance(value, type):
                if hasattr(value, "build"):  # the model builder: time its build()
                    self._saved[name] = value
                    setattr(_parse, name, self._wrap_class(name, value))
            elif callable(value):
                self._saved[name] = value
                setattr(_parse, name, self._wrap(name, value))
        return self

    def __exit__(self, *exc: object) -> None:
        for name, value in self._saved.items():
            setattr(_parse, name, value)

    def _wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.totals[name] = self.totals.get(name, 0.0) + time.perf_counter() - start

        return timed

    def _wrap_class(self, name: str, cls: type) -> Callable[..., Any]:
        timer = self

        def construct(*args: Any, **kwargs: Any) -> Any:
            instance = cls(*args, **kwargs)
            build = instance.build
            instance.build = timer._wrap(f"{name}.build", build)
            return instance

        return construct


def stage_breakdown(texts: Sequence[str]) -> tuple[float, dict[str, float]]:
    """One pass of parse() with its stages timed; returns (total, per stage)."""
    gc.collect()
    with StageTimer() as timer:
        start = time.perf_counter()
        for text in texts:
            policyparse.parse(text)
        total = time.perf_counter() - start
    return total, timer.totals


def profile(texts: Sequence[str]) -> str:
    """A pyinstrument profile of parse() over ``texts``."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "pyinstrument is not installed: .venv/bin/pip install pyinstrument"
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for text in texts:
        policyparse.parse(text)
    profiler.stop()
    return str(profiler.output_text(unicode=True, color=False, show_all=False))


# -- what-if experiments -----------------------------------------------------------------------
#
# Candidate optimisations tried without editing the library: each is applied by patching module
# globals for the duration of a measurement, and is kept only if every corpus document gives the
# same JSON as without it. They are experiments, not library code; docs/performance.md lists them
# with the change that would make each one real.


EXPERIMENTS = {
    "inline": "drafts built inline by the LALR parser (transformer=)",
    "gc-off": "garbage collector off during parse (what allocation costs)",
}


@functools.cache
def _inline_variant() -> lark.Lark:
    """The grammar built once more, with the draft builder as Lark's inline transformer."""
    return lark_variant("lalr", _InlineDrafts())


@contextlib.contextmanager
def experiment(names: Sequence[str]) -> Iterator[None]:
    """Apply the named experiments (keys of EXPERIMENTS) by patching module globals."""
    saved: list[tuple[Any, str, Any]] = []

    def patch(module: Any, name: str, value: Any) -> None:
        saved.append((module, name, getattr(module, name)))
        setattr(module, name, value)

    collecting = gc.isenabled()
    try:
        if "inline" in names:
            variant = _inline_variant()

            def parse_tokens(tokens: list[lark.Token]) -> _tree.Draft:
                root = variant.parse(tokens)
                assert isinstance(root, _tree.Draft)
                return root

            patch(_parse, "parse_tokens", parse_tokens)
        if "gc-off" in names:
            gc.disable()
        yield
    finally:
        if collecting:
            gc.enable()
        for module, name, value in reversed(saved):
            setattr(module, name, value)


def what_if(corpus: Sequence[str], load: Sequence[str], repeat: int) -> Iterator[str]:
    """Parse throughput with each experiment, and with all of them, against none."""
    expected = [policyparse.to_json(policyparse.parse(text)) for text in corpus]
    size = utf8_size(load)
    changes = [name for name in EXPERIMENTS if name != "gc-off"]  # gc-off only measures
    configurations: list[list[str]] = [[]] + [[name] for name in EXPERIMENTS]
    if len(changes) > 1:
        configurations.append(changes)
    same: dict[str, bool] = {}

    def labelled(names: list[str]) -> str:
        if not names:
            return "none (parse as it is)"
        return " + ".join(names) if len(names) > 1 else EXPERIMENTS[names[0]]

    for names in configurations[1:]:
        with experiment(names):
            same[labelled(names)] = all(
                policyparse.to_json(policyparse.parse(text)) == json
                for text, json in zip(corpus, expected, strict=True)
            )
    best = interleaved(
        {labelled(names): (policyparse.parse, load) for names in configurations},
        repeat,
        {labelled(names): functools.partial(experiment, names) for names in configurations},
    )
    baseline = size / best[labelled([])] / MB
    for names in configurations:
        label = labelled(names)
        rate = size / best[label] / MB
        verdict = "" if not names else ("same output" if same[label] else "OUTPUT DIFFERS")
        yield f"  {label:66s} {rate:6.2f} MB/s {rate / baseline - 1:+7.1%}  {verdict}"


# -- memory -----------------------------------------------------------------------------------

# Runs in a fresh interpreter: the peak resident memory that parse_file() adds, and the peak of
# Python allocations (tracemalloc, in a second interpreter, since tracing slows parsing down).
_MEMORY_RSS = r"""
import json, resource, sys, time
import policyparse
from policyparse import _grammar
_grammar.parser(); _grammar.marker_pattern()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
start = time.perf_counter()
document = policyparse.parse_file(sys.argv[1])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"before": before, "peak": peak, "seconds": seconds,
                  "sections": len(document.walk()) + sum(len(a.walk()) for a in document.attachments),
                  "attachments": len(document.attachments), "separators": len(document.separators)}))
"""
_MEMORY_TRACED = r"""
import json, sys, tracemalloc
import policyparse
from policyparse import _grammar
_grammar.parser(); _grammar.marker_pattern()
tracemalloc.start()
document = policyparse.parse_file(sys.argv[1])
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"kept": current, "peak": peak}))
"""


def memory(texts: Sequence[str], megabytes: float, traced: bool) -> Iterator[str]:
    """Peak memory of parse_file() on one file of ``megabytes``: the corpus joined, cycled."""
    parts: list[str] = []
    size = 0
    for text in itertools.cycle(texts):
        if size >= megabytes * MB:
            break
        parts.append(text)
        size += len(text.encode("utf-8")) + 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text("\n".join(parts), encoding="utf-8", newline="")
        file_size = path.stat().st_size
        characters = sum(len(p) for p in parts) + len(parts) - 1
        yield (
            f"file: {file_size / MB:.1f} MB of UTF-8, {characters / 1e6:.1f} M characters "
            f"({len(parts)} documents joined)"
        )
        run = subprocess.run(
            [sys.executable, "-c", _MEMORY_RSS, str(path)], capture_output=True, text=True, check=True
        )
        found = json.loads(run.stdout)
        added = found["peak"] - found["before"]
        yield (
            f"parse_file: {found['seconds']:.1f} s; peak RSS {found['peak'] / MB:.0f} MB, "
            f"{added / MB:.0f} MB above the {found['before'] / MB:.0f} MB before it: "
            f"{added / file_size:.1f}× the file size ({found['sections']} sections in the text and "
            f"{found['attachments']} attachments or embedded documents, {found['separators']} separators)"
        )
        if traced:
            run = subprocess.run(
                [sys.executable, "-c", _MEMORY_TRACED, str(path)], capture_output=True, text=True, check=True
            )
            found = json.loads(run.stdout)
            yield (
                f"tracemalloc: peak {found['peak'] / MB:.0f} MB ({found['peak'] / file_size:.1f}× the file), "
                f"{found['kept'] / MB:.0f} MB kept by the Document ({found['kept'] / file_size:.1f}×)"
            )


# -- report ---------------------------------------------------------------------------------------


def machine() -> Iterator[str]:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    yield f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}"
    yield f"machine: {os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}"
    yield f"python: {platform.python_version()} ({platform.python_implementation()}), lark {lark.__version__}"
    try:
        head = subprocess.run(
            ["git", "describe", "--always", "--dirty"], capture_output=True, text=True, check=True,
            cwd=Path(__file__).resolve().parent,
        ).stdout.strip()
        yield f"code: git {head}"
    except (OSError, subprocess.CalledProcessError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options.add_argument(
        "--corpus", type=Path, default=default_folder(),
        help="folder of .txt/.md documents (default: $POLICYPARSE_CORPUS, else tests/data/corpus)",
    )
    options.add_argument("--mb", type=float, default=20.0, help="workload size in MB of UTF-8 (default 20)")
    options.add_argument("--repeat", type=int, default=3, help="passes per case; the best counts (default 3)")
    options.add_argument(
        "--earley-mb", type=float, default=None,
        help="slice for the Earley case and its LALR comparison (default: the corpus once)",
    )
    options.add_argument("--no-earley", action="store_true", help="skip the Earley case")
    options.add_argument("--profile", action="store_true", help="print a pyinstrument profile of parse()")
    options.add_argument(
        "--what-if", type=float, default=5.0, metavar="MB",
        help="workload for the optimisation experiments (default 5 MB; 0 skips them)",
    )
    options.add_argument(
        "--memory", type=float, default=None, metavar="MB",
        help="only measure peak memory of parse_file() on one file of MB megabytes (e.g. 50)",
    )
    options.add_argument("--traced", action="store_true", help="with --memory: also a tracemalloc run")
    args = options.parse_args(argv)

    if args.corpus is not None and not args.corpus.is_dir():
        print(f"parse_bench: {args.corpus}: no such folder (set --corpus)", file=sys.stderr)
        return 2
    corpus = corpus_texts(args.corpus)
    if not corpus:
        print(f"parse_bench: {args.corpus}: no .txt or .md documents", file=sys.stderr)
        return 2
    texts = [text for _, text in corpus]
    if args.memory:
        for line in machine():
            print(line)
        for line in memory(texts, args.memory, args.traced):
            print(line, flush=True)
        return 0
    load = workload(texts, args.mb)
    size = utf8_size(load)
    earley_load = workload(texts, args.earley_mb) if args.earley_mb else texts
    earley_size = utf8_size(earley_load)

    for line in machine():
        print(line)
    print(
        f"corpus: {len(corpus)} documents, {utf8_size(texts) / MB:.2f} MB, from {describe(args.corpus)}\n"
        f"workload: {len(load)} documents, {size / MB:.1f} MB; best of {args.repeat} passes per case; "
        f"Earley slice {earley_size / MB:.2f} MB"
    )
    start = time.perf_counter()
    _grammar.parser()
    print(f"grammar compile (first parser() call): {time.perf_counter() - start:.3f} s")
    cases = make_cases(args)
    for function in cases.values():
        if isinstance(function, _Premade):
            function.prepare(texts)  # the workload holds the corpus's own str objects
    for function in cases.values():  # warm every cache (parser, regexes) before timing
        function(texts[0])

    plan: dict[str, tuple[Callable[[str], object], Sequence[str]]] = {}
    for name, function in cases.items():
        if name.startswith("(d)"):
            if not args.no_earley:
                plan[name] = (function, earley_load)
                # Earley is compared with LALR building a tree on the same slice.
                plan[EARLEY_REFERENCE] = (cases["lexer + LALR tree (no drafts)"], earley_load)
        else:
            plan[name] = (function, load)
    # Earley runs once (it is slow); the others --repeat times.
    earley_plan = {k: v for k, v in plan.items() if k.startswith("(d)")}
    best = interleaved({k: v for k, v in plan.items() if k not in earley_plan}, args.repeat)
    best.update(interleaved(earley_plan, 1))
    rates = {name: utf8_size(plan[name][1]) / seconds / MB for name, seconds in best.items()}
    slice_rates = {name: rates.pop(name) for name in list(rates) if plan[name][1] is earley_load}

    floor = rates["(a) floor: splitlines + one regex"]
    bare = rates["(e) lexer + bare LALR (nothing built)"]
    print()
    print(f"{'case':50s} {'MB/s':>8s} {'× (a)':>8s} {'(b) ÷ it':>9s}")
    parse_rate = rates["(b) parse"]
    for name, rate in rates.items():
        print(f"{name:50s} {rate:8.2f} {rate / floor:8.3f} {parse_rate / rate:9.2f}")
    for name, rate in slice_rates.items():
        print(f"{name:50s} {rate:8.3f} {rate / floor:8.4f} {parse_rate / rate:9.2f}")
    if len(slice_rates) == 2:
        earley_rate, lalr_rate = slice_rates["(d) lexer + Earley (tree)"], slice_rates[EARLEY_REFERENCE]
        print(f"Earley is {lalr_rate / earley_rate:.0f}× slower than LALR building the same tree")
    print()
    print(f"target parse ≥ 0.05× floor: {parse_rate / floor:.3f} "
          f"({'met' if parse_rate / floor >= 0.05 else 'NOT met'})")
    print(f"target parse within 2× of (e): (e) is {bare / parse_rate:.2f}× faster "
          f"({'met' if bare / parse_rate <= 2 else 'NOT met'})")

    total, stages = stage_breakdown(load[: max(1, len(load) // 4)])
    print()
    print("stages of parse() (one pass over a quarter of the workload):")
    for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"  {name:40s} {seconds / total:6.1%}")
    print(f"  {'(rest of parse())':40s} {1 - sum(stages.values()) / total:6.1%}")
    if args.what_if:
        print()
        print(f"what-if experiments (parse() over {args.what_if:g} MB, best of {args.repeat}):")
        for line in what_if(texts, workload(texts, args.what_if), args.repeat):
            print(line, flush=True)
    if args.profile:
        print()
        print(profile(texts * 3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
