"""CLI stage: ``policyparse convert``, ``check`` and ``diff``; a thin layer over the API."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from policyparse._decode import parse_bytes
from policyparse._json import to_json
from policyparse._markdown import to_markdown
from policyparse._text import to_text
from policyparse.diff.command import add_diff_parser, run_diff
from policyparse.errors import PolicyParseError
from policyparse.model import Document, Severity

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_FORMATS = {"json": ".json", "markdown": ".md", "text": ".txt"}


class _UsageError(Exception):
    """Bad arguments, or a missing or unreadable input."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="policyparse",
        description="Structure of Chinese policy and legal documents.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    convert = verbs.add_parser(
        "convert",
        help="convert documents to JSON or text",
        description=(
            "Convert documents to JSON (schema policyparse/1), Markdown, or back to their text.\n"
            "Several inputs without -o are written to stdout as JSON Lines; with -o DIR, one file each."
        ),
        epilog=(
            "examples:\n"
            "  policyparse convert seeds/000_45a6f49ae89e1481.txt -o seed.json\n"
            "  policyparse convert law.md --to markdown\n"
            "  policyparse convert corpus/ -o out/\n"
            "  cat notice.txt | policyparse convert - --to text"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("files", nargs="+", metavar="FILE", help="files or folders; - reads stdin")
    convert.add_argument("--to", choices=sorted(_FORMATS), default="json", help="output format")
    convert.add_argument("-o", "--output", metavar="OUT", help="output file, or folder for several inputs")
    convert.add_argument("--strict", action="store_true", help="numbering problems are errors")
    convert.add_argument(
        "--no-page", action="store_true",
        help="do not extract the policy document from a newspaper page (on by default when the input looks like one)",
    )
    check = verbs.add_parser(
        "check",
        help="print diagnostics as file:line: code: message",
        description="Print each document's diagnostics; exit 1 if any is an error.",
        epilog="example:\n  policyparse check --strict seeds/000_45a6f49ae89e1481.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="files or folders; - reads stdin")
    check.add_argument("--strict", action="store_true", help="numbering problems are errors")
    check.add_argument("--no-page", action="store_true", help="no newspaper-page extraction")
    add_diff_parser(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        arguments = _build_parser().parse_args(argv)
        if arguments.verb == "diff":
            return run_diff(
                arguments.old, arguments.new, to=arguments.to, output=arguments.output, color=arguments.color
            )
        inputs = list(_expand(arguments.files))
        page = False if arguments.no_page else None
        if arguments.verb == "convert":
            return _convert(inputs, arguments.to, arguments.output, arguments.strict, page)
        return _check(inputs, arguments.strict, page)
    except _UsageError as error:
        print(f"policyparse: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _expand(files: Sequence[str]) -> Iterator[str]:
    for name in files:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                raise _UsageError(f"{name}: folder holds no .txt or .md files")
            yield from (str(p) for p in found)
        elif not path.exists():
            raise _UsageError(f"{name}: no such file")
        elif not os.access(path, os.R_OK):
            raise _UsageError(f"{name}: cannot read the file")
        else:
            yield name


def _load(name: str, strict: bool, page: bool | None) -> Document:
    """Read, decode and parse one input; raises PolicyParseError or _UsageError."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise _UsageError(f"{name}: {error.strerror or error}") from error
    return parse_bytes(data, name=None if name == "-" else Path(name).name, strict=strict, page=page)


def _render(document: Document, fmt: str, one_line: bool) -> str:
    if fmt == "text":
        return to_text(document)
    if fmt == "markdown":
        return to_markdown(document)
    return to_json(document, indent=None if one_line else 1) + "\n"


def _convert(inputs: list[str], fmt: str, output: str | None, strict: bool, page: bool | None) -> int:
    several = len(inputs) > 1
    out_dir = None
    if output and (several or output.endswith(("/", os.sep)) or Path(output).is_dir()):
        out_dir = Path(output)
    written: set[str] = set()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    status = EXIT_OK
    progress = _Progress(len(inputs)) if several and sys.stderr.isatty() else None
    for name in inputs:
        if progress:
            progress.step(name)
        try:
            document = _load(name, strict, page)
        except PolicyParseError as error:
            print(f"{name}: {error}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        rendered = _render(document, fmt, one_line=several and out_dir is None)
        if out_dir is not None:
            target = _unique_name("stdin" if name == "-" else Path(name).stem, _FORMATS[fmt], written)
            (out_dir / target).write_text(rendered, encoding="utf-8", newline="")
        elif output:
            Path(output).write_text(rendered, encoding="utf-8", newline="")
        else:
            sys.stdout.buffer.write(rendered.encode("utf-8"))
            sys.stdout.flush()
    if progress:
        progress.done()
    return status


def _unique_name(stem: str, suffix: str, taken: set[str]) -> str:
    """``stem.json``, or ``stem-2.json`` when two inputs share a name (a/x.txt, b/x.txt)."""
    candidate, counter = f"{stem}{suffix}", 1
    while candidate in taken:
        counter += 1
        candidate = f"{stem}-{counter}{suffix}"
    taken.add(candidate)
    return candidate


class _Progress:
    """A one-line progress counter on a terminal's stderr (never when stderr is piped)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0

    def step(self, name: str) -> None:
        self.count += 1
        shown = name if len(name) <= 50 else "…" + name[-49:]
        sys.stderr.write(f"\r\x1b[K[{self.count}/{self.total}] {shown}")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write(f"\r\x1b[Kconverted {self.total} files\n")


def _check(inputs: list[str], strict: bool, page: bool | None) -> int:
    status = EXIT_OK
    for name in inputs:
        try:
            document = _load(name, strict, page)
        except PolicyParseError as error:
            print(f"{name}:{error.line or 0}: {error.code or 'error'}: {error.message}")
            status = EXIT_FAILED
            continue
        for diagnostic in document.diagnostics:
            print(f"{name}:{diagnostic.line or 0}: {diagnostic.code}: {diagnostic.message}")
            if diagnostic.severity is Severity.ERROR:
                status = EXIT_FAILED
    sys.stdout.flush()
    return status
