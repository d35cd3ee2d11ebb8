"""The installed package's version, from its metadata (``0+unknown`` in a checkout never installed)."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("policyparse")
except metadata.PackageNotFoundError:  # pragma: no cover - a source tree on sys.path, not installed
    __version__ = "0+unknown"
