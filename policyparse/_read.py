"""CLI stage: reading an input's bytes: a regular file, stdin or a pipe, never more than a limit.

``policyparse convert /dev/zero`` would read until memory ran out: a device is refused, and
no input is read past ``--max-size`` (256 MB by default), checked before reading where the
size is known and while reading where it is not (stdin, a pipe). A FIFO with no writer
blocks, as ``cat`` does.
"""

from __future__ import annotations

import os
import stat
import sys

from policyparse.errors import PolicyParseError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: the CLI's start-up needs this module
if TYPE_CHECKING:
    from typing import BinaryIO

DEFAULT_MAX_SIZE = 256 * 1024 * 1024
_CHUNK = 1 << 20
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


class NotAFile(OSError):
    """The input is a device or a socket: no document, and perhaps no end."""


def parse_size(text: str) -> int:
    """``256M``, ``1G``, ``500K`` or a number of bytes (also ``256MB``, ``1GiB``).

    Raises:
        ValueError: if ``text`` is no size.
    """
    cleaned = text.strip().upper().removesuffix("IB").removesuffix("B")
    unit = cleaned[-1:] if cleaned[-1:] in _UNITS else ""
    number = cleaned[: len(cleaned) - len(unit)]
    if not number.isascii() or not number.isdigit() or int(number) < 1:
        raise ValueError(f"not a size: {text!r} (try 256M, 1G or a number of bytes)")
    return int(number) * _UNITS[unit]


def shown_size(size: int) -> str:
    """A size as a person reads it: 256 MB, 1 GB, 512 KB, 300 bytes."""
    for unit, name in ((1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size} bytes"


def read_limited(name: str, limit: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of ``name`` (``-`` for stdin), at most ``limit`` of them.

    Raises:
        NotAFile: if ``name`` is a device, a socket or a folder.
        OSError: if it cannot be read.
        PolicyParseError: if it holds more than ``limit`` bytes.
    """
    if name == "-":
        return _read(sys.stdin.buffer, limit)
    status = os.stat(name)
    if not (stat.S_ISREG(status.st_mode) or stat.S_ISFIFO(status.st_mode)):
        raise NotAFile(f"{_kind(status.st_mode)}, not a regular file or a pipe")
    if stat.S_ISREG(status.st_mode) and status.st_size > limit:
        raise _too_large(limit)
    with open(name, "rb") as file:
        return _read(file, limit)


def read_error(name: str, error: OSError) -> str:
    """The one line that says why input ``name`` could not be read (a missing file, a device
    or a folder, a permission), for the command line's verbs."""
    if isinstance(error, FileNotFoundError):
        return f"{name}: no such file"
    return f"{name}: {error.strerror or error}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a file"


def _read(stream: BinaryIO, limit: int) -> bytes:
    parts = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise _too_large(limit)
    return b"".join(parts)


def _too_large(limit: int) -> PolicyParseError:
    return PolicyParseError(f"larger than {shown_size(limit)}; raise the limit with --max-size")
