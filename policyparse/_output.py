"""CLI stage: writing output files safely: never over an input, never half-written.

Plain ``os.path`` rather than pathlib and ``secrets``: the signal handlers import this module
before the CLI's arguments are parsed, and those two cost a third of ``--help``'s start-up."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable


class InputFiles:
    """The files a command reads, to tell whether an output would write over one of them:
    the same resolved path, or the same file by its device and inode (a hard link, a path
    through a symbolic link). Stdin (``-``) is no file."""

    def __init__(self, names: Iterable[str]) -> None:
        self._paths: dict[str, str] = {}
        self._inodes: dict[tuple[int, int], str] = {}
        for name in names:
            if name == "-":
                continue
            self._paths.setdefault(_resolved(name), name)
            if (inode := _inode(name)) is not None:
                self._inodes.setdefault(inode, name)

    def named(self, output: str | os.PathLike[str]) -> str | None:
        """The input that ``output`` names, if any."""
        found = self._paths.get(_resolved(output))
        if found is None and (inode := _inode(output)) is not None:
            found = self._inodes.get(inode)
        return found


def _resolved(name: str | os.PathLike[str]) -> str:
    try:
        return os.path.realpath(name)
    except (OSError, ValueError):
        return os.path.abspath(name)


def _inode(name: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        status = os.stat(name)
    except (OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino)


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` through a temporary file in the same folder, renamed
    into place: an interrupted run leaves the old file or the new one, never half of one.

    The temporary file is known (to :func:`remove_unfinished`) before it exists, so that a
    signal that ends the process at any moment can remove it.

    Raises:
        OSError: if the folder cannot be written (the temporary file is removed).
    """
    target = os.fspath(path)
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{os.urandom(4).hex()}.tmp")
    _UNFINISHED.add(temporary)
    try:
        # O_EXCL: a name planted in the folder (a symbolic link) fails rather than being followed.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        if os.path.exists(target):
            # Keep the permissions of the file being replaced (the temporary file is 0600).
            with contextlib.suppress(OSError):
                os.chmod(temporary, os.stat(target).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        _UNFINISHED.discard(temporary)


# The temporary files this process is writing (names: set operations are atomic in CPython).
_UNFINISHED: set[str] = set()


def remove_unfinished() -> None:
    """Remove the temporary files being written: for a signal handler that ends the process."""
    for temporary in list(_UNFINISHED):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
