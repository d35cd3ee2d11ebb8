"""Batch stage of the CLI: convert inputs one by one or in worker processes, same output."""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import itertools
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from policyparse._grammar import marker_pattern
from policyparse._inputs import parse_input, read_input
from policyparse._json import to_json
from policyparse._markdown import to_markdown
from policyparse._numbering import NUMBERING_CODES
from policyparse._output import write_atomically
from policyparse._read import DEFAULT_MAX_SIZE, read_error, read_limited
from policyparse._signals import in_worker, stop_workers_at_once
from policyparse._text import to_text
from policyparse._usage import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError
from policyparse.errors import PolicyParseError
from policyparse.model import Document, Severity


def load(
    name: str, strict: bool, page: bool | None, data: bytes | None = None, limit: int = DEFAULT_MAX_SIZE
) -> Document:
    """Read (unless ``data`` is given; at most ``limit`` bytes), decode and parse one input;
    raises PolicyParseError or UsageError."""
    if data is None:
        data = read_input_bytes(name, limit)
    shown = None if name == "-" else Path(name).name
    read = read_input(data, shown)
    del data  # a file's bytes are not kept through the parse (memory: about 1× the file)
    return parse_input(read, name=shown, strict=strict, page=page)


def read_input_bytes(name: str, limit: int) -> bytes:
    """The bytes of an input (``-``: stdin), at most ``limit``; UsageError for a missing or
    unreadable file or a device, PolicyParseError for one too large."""
    try:
        return read_limited(name, limit)
    except OSError as error:
        raise UsageError(read_error(name, error)) from error


def render(document: Document, fmt: str, one_line: bool) -> str:
    if fmt == "text":
        return to_text(document)
    if fmt == "markdown":
        return to_markdown(document)
    return to_json(document, indent=None if one_line else 1) + "\n"


def warning_summary(name: str, document: Document) -> str | None:
    """One line for stderr: how many numbering warnings a document has, and the first; None
    without any (``policyparse check`` lists every diagnostic)."""
    warnings = [d for d in document.diagnostics if d.severity is Severity.WARNING and d.code in NUMBERING_CODES]
    if not warnings:
        return None
    first = warnings[0]
    count = f"{len(warnings)} numbering warnings, the first" if len(warnings) > 1 else "numbering warning"
    return f"{name}:{first.line or 0}: {count}: {first.code}: {first.message}"


class Options(NamedTuple):
    """How every input of one ``convert`` is parsed and written."""

    fmt: str
    strict: bool
    page: bool | None
    one_line: bool = False  # JSON Lines (several inputs to stdout), or --compact
    quiet: bool = False  # no warning summary on stderr
    max_size: int = DEFAULT_MAX_SIZE  # bytes read from one input at most


class Task(NamedTuple):
    """One input to convert: small enough to send to a worker process."""

    name: str
    data: bytes | None  # stdin, read by the main process; None: the worker reads the file
    target: str | None  # the output file; None: return the result for stdout
    options: Options
    problem: str | None = None  # stdin that could not be read (too large): the line to report


class Outcome(NamedTuple):
    """What converting one input gave: an exit status, an error line, the text for stdout."""

    status: int
    error: str | None = None
    stdout: str | None = None
    note: str | None = None  # the warning summary, for stderr


def convert_one(task: Task) -> Outcome:
    """Convert one input and write its output file; never raises for a bad input."""
    options = task.options
    if task.problem is not None:
        return Outcome(EXIT_FAILED, f"{task.name}: {task.problem}")
    try:
        document = load(task.name, options.strict, options.page, task.data, options.max_size)
    except PolicyParseError as error:
        return Outcome(EXIT_FAILED, f"{task.name}: {error}")
    except UsageError as error:
        return Outcome(EXIT_USAGE, f"policyparse: {error}")
    rendered = render(document, options.fmt, options.one_line)
    note = None if options.quiet else warning_summary(task.name, document)
    if task.target is None:
        return Outcome(EXIT_OK, stdout=rendered, note=note)
    try:
        write_atomically(task.target, rendered)
    except OSError as error:
        return Outcome(EXIT_USAGE, f"policyparse: {task.target}: {error.strerror or error}")
    return Outcome(EXIT_OK, note=note)


@contextlib.contextmanager
def outcomes(tasks: Iterator[Task], jobs: int) -> Iterator[Iterator[Outcome]]:
    """Yield the tasks' outcomes in task order: in this process for one job, else from a pool."""
    if jobs <= 1:
        yield map(convert_one, tasks)
        return
    marker_pattern()  # compiled or loaded once here; forked workers inherit it
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    with stop_workers_at_once():
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs, initializer=in_worker)
        try:
            yield _pooled(pool, tasks, window=4 * jobs)
        except BaseException:
            _stop(pool)
            raise
        pool.shutdown()


def _stop(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """Cancel what has not started, and stop the workers now: each removes the file it was
    writing (see ``_signals.in_worker``) rather than going on with its task."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        with contextlib.suppress(OSError, ValueError):
            worker.terminate()
    for worker in workers:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            worker.join(timeout=5)


def _pooled(pool: concurrent.futures.Executor, tasks: Iterable[Task], window: int) -> Iterator[Outcome]:
    """Run the tasks in the pool, at most ``window`` at a time (results wait in input order)."""
    queue = iter(tasks)
    pending = collections.deque(pool.submit(convert_one, task) for task in itertools.islice(queue, window))
    while pending:
        try:
            outcome = pending.popleft().result()
        except concurrent.futures.process.BrokenProcessPool as error:
            raise UsageError("a worker process died (out of memory?); try fewer --jobs") from error
        pending.extend(pool.submit(convert_one, task) for task in itertools.islice(queue, 1))
        yield outcome


class Progress:
    """A one-line progress bar on a terminal's stderr (never when stderr is piped):
    count/total, documents per second, the file just converted."""

    WIDTH = 20
    INTERVAL = 0.1  # seconds between redraws

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.start = time.monotonic()
        self.shown = 0.0

    def step(self, name: str) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.shown < self.INTERVAL and self.count < self.total:
            return
        self.shown = now
        filled = self.WIDTH * self.count // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        rate = self.count / max(now - self.start, 1e-9)
        shown = name if len(name) <= 50 else "…" + name[-49:]
        sys.stderr.write(f"\r\x1b[K[{bar}] [{self.count}/{self.total}] {rate:.1f} docs/s {shown}")
        sys.stderr.flush()

    def done(self) -> None:
        rate = self.total / max(time.monotonic() - self.start, 1e-9)
        sys.stderr.write(f"\r\x1b[Kconverted {self.total} files ({rate:.1f} docs/s)\n")
