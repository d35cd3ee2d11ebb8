"""CLI stage: reading one input into a document and writing one result, for the verbs that take
named files (``diff``, ``amend``): a one-line reason for any trouble, never a traceback."""

from __future__ import annotations

import errno
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from policyparse._output import write_atomically
from policyparse._read import read_error, read_limited
from policyparse.errors import PolicyParseError

if TYPE_CHECKING:
    from policyparse.model import Document

__all__ = ["Trouble", "load_document", "write_result"]

# The start of a saved parse: {"schema": "policyparse/1", … (to_json writes the schema first)
_SAVED_PARSE = re.compile(rb'^(?:\xef\xbb\xbf)?\s*\{\s*"schema"\s*:\s*"policyparse/1"')


class Trouble(Exception):
    """An input that cannot be used; the message is one line for stderr."""


def load_document(name: str, limit: int, stdin: TextIO | None = None) -> Document:
    """Read, decode and parse one input (``-``: stdin); raise Trouble with a one-line reason.

    A parse saved as JSON (``convert --to json``, schema policyparse/1) is loaded, not parsed:
    the JSON is lossless, so two saved parses compare without their sources."""
    try:
        if name == "-" and stdin is not None and stdin is not sys.stdin:  # a test's stream
            data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
        else:
            data = read_limited(name, limit)
    except OSError as error:
        raise Trouble(read_error(name, error)) from error
    except PolicyParseError as error:
        raise Trouble(f"{name}: {error}") from error
    if _SAVED_PARSE.match(data[:256]):
        from policyparse._json import from_json

        try:
            return from_json(data.decode("utf-8-sig"))
        except (PolicyParseError, UnicodeDecodeError) as error:
            raise Trouble(f"{name}: {error}") from error
    from policyparse._inputs import parse_bytes

    try:
        return parse_bytes(data, name=None if name == "-" else Path(name).name)
    except PolicyParseError as error:
        raise Trouble(f"{name}: {error}") from error


def write_result(rendered: str, output: str | None, out: TextIO | None, err: TextIO) -> bool:
    """Write ``rendered`` to ``output`` (whole or not at all) or to ``out``; False, with one line
    on ``err``, when that fails (a closed pipe raises: the caller stops quietly)."""
    try:
        if output is not None:
            write_atomically(output, rendered)
        elif out is None:  # a closed stdout (>&-): Python sets sys.stdout to None
            raise OSError(errno.EBADF, "standard output is closed")
        else:
            out.write(rendered)
            out.flush()
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        where = output if output is not None else "cannot write the output"
        print(f"policyparse: {where}: {error.strerror or error}", file=err)
        return False
    return True
