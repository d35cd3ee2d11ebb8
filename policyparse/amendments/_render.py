"""The edit script as text (one line per instruction) and as JSON."""

from __future__ import annotations

import json

from policyparse.amendments._model import Instruction, Place

__all__ = ["script_to_json", "script_to_text"]

_EXCERPT = 30


def script_to_text(script: tuple[Instruction, ...]) -> str:
    """One line per instruction: its line in the decision, kind, place (and the base section
    it changed), and the words it quotes."""
    lines = []
    for instruction in script:
        place = instruction.target or "(the whole text)"
        if instruction.to and instruction.kind.value in ("renumber", "move", "split"):
            place += " → " + "、".join(_written(levels) for levels in instruction.to)
        elif instruction.kind.value == "add" and instruction.places:
            place += " after " + "、".join(_written(levels) for levels in instruction.places)
        if instruction.section:
            place += f" [{instruction.section}]"
        words = []
        if instruction.old is not None:
            words.append(f"“{_short(instruction.old)}”")
        if instruction.new is not None:
            words.append(f"→ “{_short(instruction.new)}”")
        if instruction.text is not None:
            words.append(f"“{_short(instruction.text)}”")
        lines.append(f"{instruction.line}: {instruction.kind.value} {place} {' '.join(words)}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")


def script_to_json(script: tuple[Instruction, ...]) -> str:
    """The script as a JSON array, one object per instruction."""
    return json.dumps([_record(i) for i in script], ensure_ascii=False, indent=2)


def _record(instruction: Instruction) -> dict[str, object]:
    record: dict[str, object] = {
        "kind": instruction.kind.value,
        "target": instruction.target,
        "places": [_written(levels) for levels in instruction.places],
    }
    optional = {
        "to": [_written(levels) for levels in instruction.to] or None,
        "text": instruction.text,
        "old": instruction.old,
        "new": instruction.new,
        "position": instruction.position.value if instruction.position else None,
        "anchor": instruction.anchor,
        "document": instruction.document,
        "section": instruction.section,
    }
    record.update({key: value for key, value in optional.items() if value is not None})
    record["line"] = instruction.line
    record["span"] = list(instruction.span)
    return record


def _written(levels: tuple[Place, ...]) -> str:
    return "".join(place.label for place in levels)


def _short(text: str) -> str:
    flat = text.replace("\n", "⏎")
    return flat if len(flat) <= _EXCERPT else flat[:_EXCERPT] + "…"
