"""CLI stage: the ``policyparse`` console script. It arms the signals before anything is imported,
so that Ctrl-C in the first fraction of a second ends the program quietly too."""

from __future__ import annotations

import sys

from policyparse._signals import exit_at_once


def main() -> None:
    """Run ``policyparse``, and exit with its code."""
    exit_at_once()
    from policyparse.cli import main as run  # the program, imported with the signals armed

    sys.exit(run())
