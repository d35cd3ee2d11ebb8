"""CLI stage: the ``policyparse`` console script. It arms the signals before the program is
imported, so that Ctrl-C in the first fraction of a second ends it quietly too.

Before the arming come only the package's ``__init__`` (names, no imports) and this module;
a Ctrl-C while ``signal`` itself is imported is caught. What is left is the interpreter's own
start-up and the script's first line, a few milliseconds in which Python's default handler
is the only one there is (docs/security.md).
"""

import os
import sys


def main() -> None:
    """Run ``policyparse``, and exit with its code."""
    try:
        _arm()
    except KeyboardInterrupt:  # Ctrl-C while the handlers were being armed
        os._exit(130)
    from policyparse.cli import main as run  # the program, imported with the signals armed

    sys.exit(run())


def _arm() -> None:
    """SIGINT, SIGTERM and SIGHUP end the process at once (SIGHUP does not exist on Windows)."""
    import signal

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_now)


def _exit_now(signum: int, _: object) -> None:
    """Nothing has been written yet: end at once, with the shell's code for the signal."""
    os._exit(128 + signum)
