"""CLI stage: stopping on a signal: SIGINT, SIGTERM and SIGHUP end a run cleanly, at any moment.

* While Python is still importing the program (the first fraction of a second), a signal ends
  the process at once with the shell's code (130, 143, 129): nothing has been written yet
  (``policyparse._launch`` arms that before the import).
* While a command runs, SIGINT raises ``KeyboardInterrupt`` and SIGTERM and SIGHUP raise
  :class:`Terminated`, so that the ``finally`` blocks run: worker processes are stopped and
  a temporary output file is removed (outputs are renamed into place only when whole).
* A worker process turns each of the three into ``SystemExit``: the file it was writing is
  removed by the same ``finally`` and the worker ends.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

# SIGHUP does not exist on Windows.
STOPPING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(BaseException):
    """SIGTERM or SIGHUP during a run: stop as Ctrl-C does, with the signal's exit code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as shells report a process a signal ended."""
        return 128 + self.signum


@contextlib.contextmanager
def stop_with_exceptions() -> Iterator[None]:
    """While a command runs (in the main thread): SIGINT raises KeyboardInterrupt, SIGTERM and
    SIGHUP raise :class:`Terminated`; the previous handlers come back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in STOPPING}
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for signum in STOPPING:
        if signum != signal.SIGINT:
            signal.signal(signum, _raise_terminated)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _raise_terminated(signum: int, _: FrameType | None) -> None:
    raise Terminated(signum)


def in_worker() -> None:
    """In a worker process: each stopping signal ends the worker through ``SystemExit``."""
    for signum in STOPPING:
        signal.signal(signum, _exit_worker)


def _exit_worker(signum: int, _: FrameType | None) -> None:
    raise SystemExit(128 + signum)
