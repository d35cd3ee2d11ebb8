"""CLI stage: the exit codes of ``convert`` and ``check``, and the error for bad arguments;
a module of its own so that parsing the arguments imports nothing of the pipeline."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad arguments, or a missing or unreadable input or output."""
