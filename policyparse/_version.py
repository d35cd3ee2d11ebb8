"""The installed package's version, from its metadata (``0+unknown`` in a checkout never installed).

Read on first use: ``importlib.metadata`` costs some 40 ms to import, which ``import
policyparse`` and ``policyparse convert`` need not pay.
"""

from __future__ import annotations

import functools


@functools.cache
def version() -> str:
    """The version of the installed ``policyparse`` distribution."""
    from importlib import metadata

    try:
        return metadata.version("policyparse")
    except metadata.PackageNotFoundError:  # pragma: no cover - a source tree on sys.path, not installed
        return "0+unknown"
