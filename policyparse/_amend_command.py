"""CLI stage (amend): ``policyparse amend BASE DECISION [--to FORMAT] [-o OUT] [--script]``.

The base as the decision amends it (default: its text), or with ``--script`` the decision's
edit script. An instruction that cannot be read or applied is one line on stderr naming the
decision's file and line, exit 1; an input that cannot be read is one line too, exit 2.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from policyparse._command_io import Trouble, load_document, write_result
from policyparse._output import InputFiles
from policyparse._read import DEFAULT_MAX_SIZE
from policyparse._visible import visible
from policyparse.errors import AmendError

if TYPE_CHECKING:
    from policyparse.model import Document

__all__ = ["EXIT_AMEND_ERROR", "FORMATS", "run_amend"]

FORMATS = ("text", "json", "markdown")
EXIT_OK = 0
EXIT_AMEND_ERROR = 1
EXIT_TROUBLE = 2


def run_amend(
    base: str,
    decision: str,
    *,
    to: str = "text",
    output: str | None = None,
    script: bool = False,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> int:
    """Apply ``decision`` to ``base`` and write the result (or the edit script); return the
    exit code: 0 done, 1 an instruction that cannot be read or applied, 2 an unreadable input."""
    err = stderr or sys.stderr
    out = stdout or sys.stdout
    try:
        if to not in FORMATS:
            raise Trouble(f"unknown format {to!r}: choose one of {', '.join(FORMATS)}")
        if output is not None and (overwritten := InputFiles((base, decision)).named(output)) is not None:
            raise Trouble(f"{output}: is the input {overwritten}; refusing to write over it")
        base_document, decision_document = (load_document(name, max_size) for name in (base, decision))
    except Trouble as trouble:
        print(visible(f"policyparse: {trouble}"), file=err)
        return EXIT_TROUBLE
    try:
        rendered = _result(base_document, decision_document, to=to, script=script)
    except AmendError as error:
        where = f"{decision}:{error.line}" if error.line is not None else decision
        print(visible(f"policyparse: {where}: {error.message}"), file=err)
        return EXIT_AMEND_ERROR
    if not write_result(rendered, output, out, err):
        return EXIT_TROUBLE
    return EXIT_OK


def _result(base: Document, decision: Document, *, to: str, script: bool) -> str:
    from policyparse.amendments import amend, instructions

    if script:
        from policyparse.amendments._render import script_to_json, script_to_text

        edits = instructions(decision, base)
        return script_to_json(edits) + "\n" if to == "json" else script_to_text(edits)
    amended = amend(base, decision)
    if to == "json":
        from policyparse._json import to_json

        return to_json(amended) + "\n"
    if to == "markdown":
        from policyparse._markdown import to_markdown

        return to_markdown(amended)
    from policyparse._text import to_text

    return to_text(amended)
