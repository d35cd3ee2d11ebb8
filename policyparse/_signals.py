"""CLI stage: stopping on a signal: SIGINT, SIGTERM and SIGHUP end a run cleanly, at any moment.

* While Python is still importing the program (the first fraction of a second), a signal ends
  the process at once with the shell's code (130, 143, 129): nothing has been written yet
  (``policyparse._launch`` arms that before the import).
* While a command runs, SIGINT raises ``KeyboardInterrupt`` and SIGTERM and SIGHUP raise
  :class:`Terminated`, so that the ``finally`` blocks run: a temporary output file is removed
  (outputs are renamed into place only when whole).
* While worker processes run (``--jobs N``), nothing is raised into the pool's machinery (an
  exception raised while ``concurrent.futures`` holds one of its locks hung a run for good):
  the signal stops the workers and ends the process at once, with the signal's exit code.
* A worker process, on each of the three, removes the file it was writing and ends at once;
  so does a worker whose parent is gone (killed with SIGKILL, or by a signal between forking
  the worker and knowing it), within half a second.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from types import FrameType

from policyparse._output import remove_unfinished

Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None

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
    handlers: dict[int, Handler] = dict.fromkeys(STOPPING, _raise_terminated)
    handlers[signal.SIGINT] = _raise_interrupt
    with _handling(handlers):
        yield


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    if _in_finalizer(frame):
        _again_soon(signum)
        return
    raise KeyboardInterrupt


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    if _in_finalizer(frame):
        _again_soon(signum)
        return
    raise Terminated(signum)


# Seconds before a signal that arrived inside a finalizer is sent again.
_RETRY = 0.01


def _in_finalizer(frame: FrameType | None) -> bool:
    """Whether the signal came while a ``__del__`` ran (the garbage collector freeing a compiled
    pattern of the regex module, say): Python prints an exception raised there and goes on, so
    the run would not stop."""
    return frame is not None and frame.f_code.co_name == "__del__"


def _again_soon(signum: int) -> None:
    """Send the signal again in a moment, when the finalizer has returned."""
    timer = threading.Timer(_RETRY, os.kill, (os.getpid(), signum))
    timer.daemon = True
    timer.start()


@contextlib.contextmanager
def stop_workers_at_once() -> Iterator[None]:
    """While worker processes run: a stopping signal stops them and ends this process."""
    with _handling(dict.fromkeys(STOPPING, _stop_workers_and_exit)):
        yield


@contextlib.contextmanager
def _handling(handlers: Mapping[int, Handler]) -> Iterator[None]:
    """Install ``handlers`` (signal number → handler) in the main thread, and put the previous
    ones back afterwards; in another thread (Python handles signals in the main one) do nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in handlers}
    for signum, handler in handlers.items():
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


# How long the workers get to remove the files they were writing.
_WORKER_GRACE = 5.0


def _stop_workers_and_exit(signum: int, _: FrameType | None) -> None:
    # Workers exist only once a pool has imported multiprocessing (not imported here: start-up).
    multiprocessing = sys.modules.get("multiprocessing")
    workers = multiprocessing.active_children() if multiprocessing is not None else []
    for worker in workers:
        with contextlib.suppress(OSError, ValueError):
            worker.terminate()  # SIGTERM: the worker removes its file and ends
    deadline = time.monotonic() + _WORKER_GRACE
    for worker in workers:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            worker.join(timeout=max(0.0, deadline - time.monotonic()))
    remove_unfinished()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    os._exit(128 + signum)


def in_worker() -> None:
    """In a worker process: each stopping signal, or its parent's end, removes the file the
    worker was writing and ends it at once (nothing is raised into the pool's machinery,
    which would catch it and take the next task)."""
    for signum in STOPPING:
        signal.signal(signum, _exit_worker)
    threading.Thread(target=_stop_when_orphaned, args=(os.getppid(),), daemon=True).start()


# Seconds between two looks at whether the parent process is still there.
_PARENT_POLL = 0.5


def _stop_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL)
    _exit_worker(signal.SIGTERM, None)


def _exit_worker(signum: int, _: FrameType | None) -> None:
    remove_unfinished()
    os._exit(128 + signum)
