"""Errors raised by policyparse: one base class, with the position where it applies."""

from __future__ import annotations

__all__ = ["AmendError", "PolicyParseError"]


class PolicyParseError(Exception):
    """A document could not be parsed (or, with ``strict=True``, its numbering is broken).

    Attributes:
        line: 1-based line of the problem, or None.
        column: 1-based column of the problem, or None.
        code: the diagnostic code behind the error (``numbering-gap`` …), or None.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code = code

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else ""
        if where and self.column is not None:
            where += f", column {self.column}"
        return f"{where}: {self.message}" if where else self.message


class AmendError(PolicyParseError):
    """An amendment decision cannot be read or applied: ``line`` is the instruction's line in
    the decision, and nothing of the decision has been applied."""
