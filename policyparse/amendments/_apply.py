"""Apply an edit script to the base's blocks: the function for each kind of instruction."""

from __future__ import annotations

from collections.abc import Callable

from policyparse.amendments._additions import add
from policyparse.amendments._blocks import State
from policyparse.amendments._edits import delete, delete_text, insert_text, replace, substitute
from policyparse.amendments._model import Instruction, InstructionKind
from policyparse.amendments._moves import merge, move, renumber, split
from policyparse.amendments._step import Step

__all__ = ["apply"]


def apply(state: State, instruction: Instruction, *, renumbering: bool) -> None:
    """Apply one instruction to ``state``.

    Raises:
        AmendError: the place is not in the base, or the quoted text not in the place.
    """
    _APPLY[instruction.kind](Step(state, instruction, renumbering))


_APPLY: dict[InstructionKind, Callable[[Step], None]] = {
    InstructionKind.REPLACE: replace,
    InstructionKind.DELETE: delete,
    InstructionKind.ADD: add,
    InstructionKind.SUBSTITUTE: substitute,
    InstructionKind.DELETE_TEXT: delete_text,
    InstructionKind.INSERT_TEXT: insert_text,
    InstructionKind.MERGE: merge,
    InstructionKind.SPLIT: split,
    InstructionKind.MOVE: move,
    InstructionKind.RENUMBER: renumber,
}
