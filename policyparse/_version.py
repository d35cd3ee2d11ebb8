"""The package's version: the one place it is written (hatchling reads it from here for the
distribution's metadata, ``[tool.hatch.version]`` in pyproject.toml), so that ``--version``
needs no ``importlib.metadata`` (some 20-40 ms to import and read)."""

VERSION = "0.1.0"


def version() -> str:
    """The version of ``policyparse``: the same as its installed distribution's metadata."""
    return VERSION
