"""CLI stage (diff): ``policyparse diff OLD NEW [--to FORMAT] [-o OUT]`` as one function, over ``policyparse.compare``.

Exit codes follow GNU diff: 0 when the versions differ at most in formatting or renumbered
references, 1 when they differ in substance, 2 on trouble (a missing, unreadable, binary or
undecodable file, or a bad format name), with one line on stderr and never a traceback.
``-`` reads one of the two documents from stdin.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from policyparse._command_io import Trouble, load_document, write_result
from policyparse._formats import DIFF_FORMATS as FORMATS
from policyparse._output import InputFiles
from policyparse._read import DEFAULT_MAX_SIZE
from policyparse._visible import visible

if TYPE_CHECKING:
    from policyparse.compare.records import DocumentDiff

__all__ = ["EXIT_DIFFERENT", "EXIT_SAME", "EXIT_TROUBLE", "FORMATS", "run_diff"]

EXIT_SAME = 0
EXIT_DIFFERENT = 1
EXIT_TROUBLE = 2


def run_diff(
    old: str,
    new: str,
    *,
    to: str = "text",
    output: str | None = None,
    color: str = "auto",
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    everything: bool = False,
) -> int:
    """Compare two files and write the result; return the exit code.

    Args:
        old: path of the earlier version, or ``-`` for stdin.
        new: path of the later version, or ``-`` for stdin.
        to: ``text``, ``json``, ``markdown`` or ``html``.
        output: a file to write; None for stdout.
        color: ``auto`` (when writing text to a terminal and NO_COLOR is unset), ``always``
            or ``never``.
        stdin, stdout, stderr: streams to use instead of the process's own (for tests).
        max_size: the most bytes read from either input.
        everything: a row (Markdown) or a line (text) for every unchanged or only renumbered
            article too.

    Returns:
        0 when nothing of substance changed, 1 when something did, 2 on trouble.
    """
    err = stderr or sys.stderr
    out = stdout or sys.stdout
    try:
        if to not in FORMATS:
            raise Trouble(f"unknown format {to!r}: choose one of {', '.join(FORMATS)}")
        if old == "-" and new == "-":
            raise Trouble("only one of OLD and NEW can be - (stdin)")
        if output is not None and (overwritten := InputFiles((old, new)).named(output)) is not None:
            raise Trouble(f"{output}: is the input {overwritten}; refusing to write over it")
        documents = [load_document(name, max_size, stdin or sys.stdin) for name in (old, new)]
    except Trouble as trouble:
        print(visible(f"policyparse: {trouble}"), file=err)
        return EXIT_TROUBLE
    from policyparse.compare.engine import diff  # the parse and diff stacks, for this verb only

    result = diff(documents[0], documents[1])
    writes_terminal = output is None and out is not None and out.isatty()
    paint = color == "always" or (color == "auto" and writes_terminal and not os.environ.get("NO_COLOR"))
    if not write_result(_render(result, to, paint, everything), output, out, err):
        return EXIT_TROUBLE
    return EXIT_DIFFERENT if result.substantive else EXIT_SAME


def _render(result: DocumentDiff, to: str, paint: bool, everything: bool = False) -> str:
    """The diff in format ``to`` (one of FORMATS); ``paint``: ANSI colours in text;
    ``everything``: every unchanged or only renumbered article its own row or line."""
    if to == "json":
        from policyparse.compare.render_json import diff_to_json

        return diff_to_json(result) + "\n"
    if to == "markdown":
        from policyparse.compare.render_markdown import diff_to_markdown

        return diff_to_markdown(result, everything=everything)
    if to == "html":
        from policyparse.compare.render_html import diff_to_html

        return diff_to_html(result)
    from policyparse.compare.render_text import diff_to_text

    return diff_to_text(result, color=paint, everything=everything)
