"""CLI stage: ``policyparse convert``, ``check``, ``diff`` and ``amend``; a thin layer over the API."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from policyparse._formats import DIFF_FORMATS, INPUT_SUFFIXES, OUTPUT_SUFFIXES
from policyparse._read import DEFAULT_MAX_SIZE, parse_size
from policyparse._signals import Terminated, stop_with_exceptions
from policyparse._usage import EXIT_OK, EXIT_USAGE, UsageError
from policyparse._version import version
from policyparse._visible import visible

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up)
if TYPE_CHECKING:
    from typing import NoReturn

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
    "usage: policyparse {convert,check,diff,amend} ... [-h] [--version]\n\n"
    "  convert   convert documents to JSON, Markdown or text\n"
    "  check     print diagnostics as file:line: code: message\n"
    "  diff      compare two versions of a document\n"
    "  amend     apply an amendment decision to the text it amends\n\n"
    "policyparse VERB --help shows a verb's options."
)


class _Version(argparse.Action):
    """``--version``: the version written in ``_version.py`` (the metadata is read from there too)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        print(f"policyparse {version()}")
        parser.exit()


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the terminal's width: argparse asks ``shutil`` for it, and
    importing shutil (with bz2 and lzma) is a tenth of ``--help``'s start-up."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24) -> None:
        super().__init__(prog, indent_increment, max_help_position, width=_terminal_width() - 2)


def _terminal_width() -> int:
    """$COLUMNS, else the width of the terminal on stdout, else 80 (as shutil.get_terminal_size)."""
    with contextlib.suppress(ValueError):
        columns = int(os.environ.get("COLUMNS", "0"))
        if columns > 0:
            return columns
    with contextlib.suppress(AttributeError, ValueError, OSError):
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    return 80


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="policyparse",
        description="Structure of Chinese policy and legal documents.\n\n" + _INPUT_KINDS,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    verbs = parser.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    _add_convert_parser(verbs)
    _add_check_parser(verbs)
    add_diff_parser(verbs)
    _add_amend_parser(verbs)
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
        formatter_class=_Formatter,
    )
    convert.add_argument("files", nargs="+", metavar="FILE", help="files or folders; - reads stdin")
    convert.add_argument("--to", choices=sorted(OUTPUT_SUFFIXES), default="json", help="output format")
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
        formatter_class=_Formatter,
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
        formatter_class=_Formatter,
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version; - reads stdin")
    parser.add_argument("new", metavar="NEW", help="the later version; - reads stdin")
    parser.add_argument("--to", choices=DIFF_FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the text output (default: auto)"
    )
    parser.add_argument(
        "--all", action="store_true", dest="everything",
        help="a row (Markdown) or line (text) for every unchanged or only renumbered article "
        "(by default: a run of them is one row, the renumbering ranges one line)",
    )
    _add_max_size(parser)
    return parser


def _add_amend_parser(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``amend`` verb (run by ``policyparse._amend_command``)."""
    parser = verbs.add_parser(
        "amend",
        help="apply an amendment decision to the text it amends",
        description=(
            "Apply an amendment decision (修改决定, 修正案) to the text it amends and write the\n"
            "consolidated text; --script prints the decision's edit script instead. An instruction\n"
            "that cannot be read or applied is one line naming the decision's file and line, exit 1.\n\n"
            + _INPUT_KINDS
        ),
        epilog=(
            "examples:\n"
            "  policyparse amend law-2015.md decision-2023.md -o law-2023.md\n"
            "  policyparse amend law-2015.md decision-2023.md --script\n"
            "  policyparse amend law-2015.md decision-2023.md --to json | jq .sections"
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("base", metavar="BASE", help="the text the decision amends")
    parser.add_argument("decision", metavar="DECISION", help="the amendment decision")
    parser.add_argument(
        "--to", choices=("text", "json", "markdown"), default="text",
        help="output format (default: text, the consolidated text; json and markdown as convert writes them)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    parser.add_argument(
        "--script", action="store_true",
        help="print the edit script (one line per instruction; a JSON array with --to json)",
    )
    _add_max_size(parser)


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
            from policyparse._diff_command import run_diff

            return run_diff(
                arguments.old, arguments.new, to=arguments.to, output=arguments.output, color=arguments.color,
                max_size=arguments.max_size, everything=arguments.everything,
            )
        if arguments.verb == "amend":
            from policyparse._amend_command import run_amend

            return run_amend(
                arguments.base, arguments.decision, to=arguments.to, output=arguments.output,
                script=arguments.script, max_size=arguments.max_size,
            )
        from policyparse import _convert_command  # the pipeline, imported for the verb only

        if arguments.verb == "convert":
            return _convert_command.run_convert(arguments)
        return _convert_command.run_check(arguments)
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
