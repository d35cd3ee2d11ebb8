"""CLI stage: ``policyparse convert`` and ``check`` run: the inputs a folder gives, one task
per input (``_batch`` runs them), the diagnostics ``check`` prints. ``cli`` imports it when one
of the two verbs runs, so that ``--help`` and ``--version`` import nothing of the pipeline."""

from __future__ import annotations

import argparse
import errno
import fnmatch
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from policyparse._batch import Options, Progress, Task, load, outcomes, read_input_bytes
from policyparse._formats import INPUT_SUFFIXES, OUTPUT_SUFFIXES
from policyparse._output import InputFiles
from policyparse._usage import EXIT_FAILED, EXIT_OK, UsageError
from policyparse._visible import visible
from policyparse.errors import PolicyParseError
from policyparse.model import Severity


def run_convert(arguments: argparse.Namespace) -> int:
    """``policyparse convert`` with its parsed arguments; return the exit code."""
    inputs = list(expand(arguments.files, arguments.include, arguments.exclude))
    options = Options(
        arguments.to, arguments.strict, False if arguments.no_page else None, one_line=arguments.compact,
        quiet=arguments.quiet, max_size=arguments.max_size,
    )
    return convert(inputs, options, arguments.output, arguments.jobs)


def run_check(arguments: argparse.Namespace) -> int:
    """``policyparse check`` with its parsed arguments; return the exit code."""
    page = False if arguments.no_page else None
    return check(list(expand(arguments.files)), arguments.strict, page, arguments.max_size)


def _stdout() -> TextIO:
    """The process's stdout; an OSError when it is closed (Python then sets it to None)."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, "standard output is closed")
    return sys.stdout


def expand(files: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[str]:
    for name in files:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, path, include, exclude))
            if not found:
                wanted = " or ".join(include) if include else ", ".join(INPUT_SUFFIXES)
                raise UsageError(f"{name}: folder holds no files to convert ({wanted})")
            yield from (str(p) for p in found)
        elif not path.exists():
            raise UsageError(f"{name}: no such file")
        elif not os.access(path, os.R_OK):
            raise UsageError(f"{name}: cannot read the file")
        else:
            yield name


def _wanted(path: Path, folder: Path, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether a file of a folder is converted: its path in the folder matches an --include
    glob (else it has one of the input suffixes) and no --exclude glob."""
    relative = path.relative_to(folder).as_posix()
    if include:
        if not any(fnmatch.fnmatchcase(relative, glob) for glob in include):
            return False
    elif path.suffix.lower() not in INPUT_SUFFIXES:
        return False
    return not any(fnmatch.fnmatchcase(relative, glob) for glob in exclude)


def convert(inputs: list[str], options: Options, output: str | None, jobs: int) -> int:
    """Convert every input, in worker processes when there are several; return the exit code."""
    progress = Progress(len(inputs)) if len(inputs) > 1 and sys.stderr.isatty() else None
    status = EXIT_OK
    with outcomes(_tasks(inputs, options, output), min(jobs, len(inputs))) as results:
        for name, outcome in zip(inputs, results, strict=True):
            if outcome.error is not None:
                print(visible(outcome.error), file=sys.stderr)
            if outcome.note is not None:
                print(visible(outcome.note), file=sys.stderr)
            if outcome.stdout is not None:
                stdout = _stdout()
                stdout.buffer.write(outcome.stdout.encode("utf-8"))
                stdout.flush()
            status = max(status, outcome.status)
            if progress:
                progress.step(name)
    if progress:
        progress.done()
    return status


def _tasks(inputs: list[str], options: Options, output: str | None) -> Iterator[Task]:
    """One task per input, in order. Output names are given in input order whether or not a
    conversion succeeds, so that they do not depend on which worker finishes first."""
    out_dir = None
    if output and len(inputs) > 1 and not Path(output).is_dir() and Path(output).suffix:
        raise UsageError(f"{output}: {len(inputs)} inputs need a folder for their outputs, not a file name")
    if output and (len(inputs) > 1 or output.endswith(("/", os.sep)) or Path(output).is_dir()):
        out_dir = Path(output)
    options = options._replace(one_line=options.one_line or (len(inputs) > 1 and out_dir is None))
    taken: set[str] = set()
    targets = []
    files = InputFiles(inputs)
    for name in inputs:
        target = output
        if out_dir is not None:
            stem = "stdin" if name == "-" else Path(name).stem
            target = str(out_dir / _unique_name(stem, OUTPUT_SUFFIXES[options.fmt], taken))
        if target is not None and (overwritten := files.named(target)) is not None:
            raise UsageError(f"{target}: is the input {overwritten}; refusing to write over it")
        targets.append(target)
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(f"{output}: {error.strerror or error}") from error
    for name, target in zip(inputs, targets, strict=True):
        if name != "-":
            yield Task(name, None, target, options)
            continue
        try:
            yield Task(name, read_input_bytes(name, options.max_size), target, options)
        except PolicyParseError as error:
            yield Task(name, None, target, options, problem=str(error))


def _unique_name(stem: str, suffix: str, taken: set[str]) -> str:
    """``stem.json``, or ``stem-2.json`` when two inputs share a name (a/x.txt, b/x.txt)."""
    candidate, counter = f"{stem}{suffix}", 1
    while candidate in taken:
        counter += 1
        candidate = f"{stem}-{counter}{suffix}"
    taken.add(candidate)
    return candidate


def check(inputs: list[str], strict: bool, page: bool | None, limit: int) -> int:
    status = EXIT_OK
    for name in inputs:
        try:
            document = load(name, strict, page, limit=limit)
        except PolicyParseError as error:
            print(visible(f"{name}:{error.line or 0}: {error.code or 'error'}: {error.message}"), file=_stdout())
            status = EXIT_FAILED
            continue
        for diagnostic in document.diagnostics:
            line = f"{name}:{diagnostic.line or 0}: {diagnostic.code}: {diagnostic.message}"
            print(visible(line), file=_stdout())
            if diagnostic.severity is Severity.ERROR:
                status = EXIT_FAILED
    _stdout().flush()
    return status
