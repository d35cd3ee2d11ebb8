"""CLI stage: ``policyparse convert``, ``check`` and ``diff``; a thin layer over the API (batches: ``_batch``)."""

from __future__ import annotations

import argparse
import contextlib
import errno
import fnmatch
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from policyparse._batch import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Options,
    Progress,
    Task,
    UsageError,
    load,
    outcomes,
    read_input_bytes,
)
from policyparse._diff_command import FORMATS as DIFF_FORMATS
from policyparse._diff_command import run_diff
from policyparse._inputs import INPUT_SUFFIXES
from policyparse._output import InputFiles
from policyparse._read import DEFAULT_MAX_SIZE, parse_size
from policyparse._signals import Terminated, stop_with_exceptions
from policyparse._version import version
from policyparse._visible import visible
from policyparse.errors import PolicyParseError
from policyparse.model import Severity

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
_INPUT_KINDS = (
    "inputs: text (.txt, .md; UTF-8, UTF-16 with BOM, GB18030), web pages (.html, .htm, or HTML\n"
    "by content; the document is found in the page, the site's chrome set aside) and Word files\n"
    "(.docx; automatic numbering drawn as Word shows it)."
)
_OUTPUTS = (
    "outputs (--to):\n"
    "  json       the section tree, metadata and diagnostics (schema policyparse/1; default)\n"
    "  markdown   CommonMark: headings, bold article labels, tables\n"
    "  text       the text the document was read from, exactly"
)
_USAGE = (
    "usage: policyparse {convert,check,diff} ... [-h] [--version]\n\n"
    "  convert   convert documents to JSON, Markdown or text\n"
    "  check     print diagnostics as file:line: code: message\n"
    "  diff      compare two versions of a document\n\n"
    "policyparse VERB --help shows a verb's options."
)
_FORMATS = {"json": ".json", "markdown": ".md", "text": ".txt"}


class _Version(argparse.Action):
    """``--version``: read from the package metadata only when asked (importing it costs 40 ms)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        print(f"policyparse {version()}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="policyparse",
        description="Structure of Chinese policy and legal documents.\n\n" + _INPUT_KINDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    verbs = parser.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    _add_convert_parser(verbs)
    _add_check_parser(verbs)
    add_diff_parser(verbs)
    return parser


def _add_convert_parser(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``convert`` verb and its arguments."""
    convert = verbs.add_parser(
        "convert",
        help="convert documents to JSON or text",
        description=(
            "Convert documents to JSON (schema policyparse/1), Markdown, or back to their text.\n"
            "Several inputs without -o are written to stdout as JSON Lines; with -o DIR, one file each.\n"
            "A folder gives its files with the suffixes " + " ".join(INPUT_SUFFIXES) + ",\n"
            "or those --include names; --exclude leaves some out.\n\n"
            + _INPUT_KINDS + "\n\n" + _OUTPUTS
        ),
        epilog=(
            "examples:\n"
            "  policyparse convert seeds/000_45a6f49ae89e1481.txt -o seed.json\n"
            "  policyparse convert law.md --to markdown\n"
            "  policyparse convert page.html draft.docx -o out/\n"
            "  policyparse convert corpus/ -o out/ --jobs 4\n"
            "  policyparse convert corpus/ -o out/ --include '*.html' --exclude 'drafts/*'\n"
            "  cat notice.txt | policyparse convert - --to text"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("files", nargs="+", metavar="FILE", help="files or folders; - reads stdin")
    convert.add_argument("--to", choices=sorted(_FORMATS), default="json", help="output format")
    convert.add_argument(
        "-o", "--output", metavar="OUT",
        help="output file, or folder for several inputs (never one of the inputs; written whole or not at all)",
    )
    convert.add_argument("--compact", action="store_true", help="JSON on one line (the same data, smaller)")
    convert.add_argument(
        "--include", action="append", default=[], metavar="GLOB",
        help="in a folder, convert the files whose path in it matches GLOB (repeatable; replaces the default suffixes)",
    )
    convert.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB",
        help="in a folder, leave out the files whose path in it matches GLOB (repeatable)",
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="no warning summary on stderr")
    _add_max_size(convert)
    convert.add_argument("--strict", action="store_true", help="numbering problems are errors")
    convert.add_argument(
        "--no-page", action="store_true",
        help="do not extract the policy document from a newspaper page (on by default when the input looks like one)",
    )
    convert.add_argument(
        "-j", "--jobs", type=_positive, default=_usable_cpus(), metavar="N",
        help="worker processes for several inputs (default: the usable CPUs, here %(default)s; 1: no workers)",
    )


def _add_check_parser(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``check`` verb and its arguments."""
    check = verbs.add_parser(
        "check",
        help="print diagnostics as file:line: code: message",
        description="Print each document's diagnostics; exit 1 if any is an error.\n\n" + _INPUT_KINDS,
        epilog="example:\n  policyparse check --strict seeds/000_45a6f49ae89e1481.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="files or folders; - reads stdin")
    check.add_argument("--strict", action="store_true", help="numbering problems are errors")
    check.add_argument("--no-page", action="store_true", help="no newspaper-page extraction")
    _add_max_size(check)


def add_diff_parser(verbs: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Add the ``diff`` verb and its arguments to a subcommand table; return its parser.

    The arguments are the CLI's; ``policyparse._diff_command`` runs the verb and imports the
    diff package only then, so that ``convert`` and ``check`` never load it.
    """
    parser: argparse.ArgumentParser = verbs.add_parser(
        "diff",
        help="compare two versions of a document",
        description=(
            "Compare two versions section by section: added, removed, changed, renumbered, moved,\n"
            "split and merged sections, with redlines. Exit 0 when nothing of substance changed,\n"
            "1 when something did, 2 on trouble (as GNU diff).\n\n" + _INPUT_KINDS
        ),
        epilog=(
            "examples:\n"
            "  policyparse diff law-2018.md law-2023.md\n"
            "  policyparse diff old.txt new.txt --to html -o compare.html\n"
            "  policyparse diff draft.docx final.html --to html -o compare.html\n"
            "  policyparse diff old.md new.md --to json | jq .summary"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version; - reads stdin")
    parser.add_argument("new", metavar="NEW", help="the later version; - reads stdin")
    parser.add_argument("--to", choices=DIFF_FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the text output (default: auto)"
    )
    _add_max_size(parser)
    return parser


def _add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size", type=_size, default=DEFAULT_MAX_SIZE, metavar="SIZE",
        help="read at most SIZE of one input (e.g. 512M, 2G; default 256M); a device such as /dev/zero is refused",
    )


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    if not (sys.argv[1:] if argv is None else argv):
        print(_USAGE, file=sys.stderr)
        return EXIT_USAGE
    with stop_with_exceptions():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    """Parse the arguments and run the verb; every way out is an exit code."""
    try:
        arguments = _build_parser().parse_args(argv)
        if arguments.verb == "diff":
            return run_diff(
                arguments.old, arguments.new, to=arguments.to, output=arguments.output, color=arguments.color,
                max_size=arguments.max_size,
            )
        page = False if arguments.no_page else None
        if arguments.verb == "convert":
            inputs = list(_expand(arguments.files, arguments.include, arguments.exclude))
            options = Options(
                arguments.to, arguments.strict, page, one_line=arguments.compact, quiet=arguments.quiet,
                max_size=arguments.max_size,
            )
            return _convert(inputs, options, arguments.output, arguments.jobs)
        return _check(list(_expand(arguments.files)), arguments.strict, page, arguments.max_size)
    except UsageError as error:
        _say(visible(f"policyparse: {error}"))
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as cat does.
        _discard_stdout()
        return EXIT_OK
    except OSError as error:
        # Writing the results failed: a full disk (> /dev/full), a closed stdout (>&-).
        _discard_stdout()
        _say(f"policyparse: cannot write the output: {error.strerror or error}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Terminated as stopped:
        return stopped.exit_code


def _stdout() -> TextIO:
    """The process's stdout; an OSError when it is closed (Python then sets it to None)."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, "standard output is closed")
    return sys.stdout


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush cannot fail again."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _say(line: str) -> None:
    """One line on stderr, if there is a stderr to write it to."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError):
            print(line, file=sys.stderr, flush=True)


def _expand(files: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[str]:
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


def _convert(inputs: list[str], options: Options, output: str | None, jobs: int) -> int:
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
            target = str(out_dir / _unique_name(stem, _FORMATS[options.fmt], taken))
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


def _check(inputs: list[str], strict: bool, page: bool | None, limit: int) -> int:
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
