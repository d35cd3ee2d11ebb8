"""Amendments (``policyparse.amendments``): read a decision into its edit script and apply it.

A decision (修改决定, 修正案) says what to change, not the new text: 「将第十二条修改为：“……”」,
「删去第三十条」, 「在第十条后增加一条，作为第十条之一：“……”」. ``instructions(decision)`` reads
those statements with the grammar in ``grammars/amend.lark``; ``amend(base, decision)`` applies
them to the base and parses the result. Everything the decision does not touch stays byte for
byte the base; when an instruction cannot be applied, nothing is and an ``AmendError`` names the
instruction's line.

>>> import policyparse
>>> base = policyparse.parse("第一条　期限为十日。\\n第二条　本办法自公布之日起施行。\\n")
>>> decision = policyparse.parse("将第一条中的“十日”修改为“十五日”。\\n")
>>> [(i.kind.value, i.target, i.old, i.new) for i in policyparse.instructions(decision)]
[('substitute', '第一条', '十日', '十五日')]
>>> policyparse.to_text(policyparse.amend(base, decision))
'第一条　期限为十五日。\\n第二条　本办法自公布之日起施行。\\n'
"""

from __future__ import annotations

import attrs
import regex

from policyparse.amendments._apply import apply
from policyparse.amendments._blocks import assemble, cut, placed
from policyparse.amendments._model import Instruction, InstructionKind, Place, Position
from policyparse.amendments._numbering import number_articles
from policyparse.amendments._script import Script, read_script
from policyparse.errors import AmendError
from policyparse.model import Document

__all__ = [
    "AmendError",
    "Instruction",
    "InstructionKind",
    "Place",
    "Position",
    "amend",
    "amended_text",
    "instructions",
]

_TITLE_NOISE = regex.compile(r"[\s\u3000《》〈〉]")
_ISSUER = regex.compile(r"^(?:最高人民法院|最高人民检察院|中华人民共和国)")


def instructions(decision: Document, base: Document | None = None) -> tuple[Instruction, ...]:
    """The edit script of ``decision``: every instruction, in order.

    Args:
        decision: the parsed decision.
        base: when given, only the instructions for this text (a decision that amends several
            texts), each with ``section`` set to the id of the base section it changes.

    Raises:
        AmendError: a statement that reads as an instruction but is none the grammar knows, a
            quotation that never closes, or (with ``base``) a base the decision does not amend.
    """
    from policyparse._text import to_text

    script = read_script(decision, to_text(decision))
    if base is None:
        return script.instructions
    return tuple(_with_sections(base, _for_base(script, base)))


def amend(base: Document, decision: Document) -> Document:
    """``base`` as ``decision`` amends it, parsed.

    Raises:
        AmendError: an instruction that cannot be applied (its place is not in the base, its
            quoted text is not in the place), with the instruction's line; nothing is applied.
    """
    from policyparse._parse import parse

    return parse(amended_text(base, decision), name=base.source.name)


def amended_text(base: Document, decision: Document) -> str:
    """The text of ``base`` with the edits of ``decision`` applied (see ``amend``)."""
    from policyparse._text import to_text

    script = read_script(decision, to_text(decision))
    chosen = _for_base(script, base)
    if not chosen:  # a file that is no decision: the base back unchanged would hide the mistake
        raise AmendError("the decision holds no instruction (将…修改为, 删去…, 增加…)")
    renumbering = any(i.kind is InstructionKind.RENUMBER and not i.places for i in chosen)
    state = cut(base, to_text(base))
    for instruction in _longest_first(chosen):
        apply(state, instruction, renumbering=renumbering)
    if renumbering:
        last = chosen[-1].line if chosen else None
        number_articles(state, placed(state), line=last or 1)
    return assemble(state, by_number=renumbering)


def _longest_first(script: tuple[Instruction, ...]) -> list[Instruction]:
    """The substitutions of one statement at once: the longest words first, so that
    「将本法中的“农业主管部门”修改为…，“林业主管部门”修改为…，“农业、林业主管部门”修改为…」 changes
    each phrase by its own instruction (words already changed are the decision's, and stay)."""
    ordered = list(script)
    start = 0
    while start < len(ordered):
        end = start
        while (
            end < len(ordered)
            and ordered[end].kind is InstructionKind.SUBSTITUTE
            and ordered[end].line == ordered[start].line
        ):
            end += 1
        if end > start + 1:
            ordered[start:end] = sorted(ordered[start:end], key=lambda i: -len(i.old or ""))
        start = max(end, start + 1)
    return ordered


def _for_base(script: Script, base: Document) -> tuple[Instruction, ...]:
    """The instructions meant for ``base``: all of them, or the part whose 《title》 is the
    base's title in a decision that amends several texts."""
    names = _BaseNames(base)
    documents = {i.document for i in script.instructions if i.document is not None}
    if not documents and not script.parts:
        if script.named and not any(names.named(name) for name in script.named):
            raise AmendError(f"the decision amends 《{script.named[0]}》, not {names}")
        return script.instructions
    for instruction in script.instructions:
        if instruction.document is None and not _whole_renumbering(instruction) and len(documents) > 1:
            raise AmendError("cannot tell which text this instruction amends", line=instruction.line)
    chosen = tuple(
        i for i in script.instructions
        if (i.document is None and len(documents) <= 1 and not script.parts)
        or (i.document is not None and names.named(i.document))
        or (_whole_renumbering(i) and any(names.named(part) for part in (*script.parts, *documents)))
    )  # fmt: skip
    if not any(i.document is not None for i in chosen):
        named = "、".join(f"《{name}》" for name in (script.parts or sorted(documents)))
        raise AmendError(f"the decision does not amend {names}; it amends {named}")
    return chosen


def _whole_renumbering(instruction: Instruction) -> bool:
    """「……作相应修改后，重新公布」 said once for every text the decision amends."""
    return instruction.kind is InstructionKind.RENUMBER and not instruction.places and instruction.document is None


class _BaseNames:
    """Whether a title a decision names is the base's: its title, or (a base whose title the
    parser did not find, under a cover page) words of its text before the first article."""

    def __init__(self, base: Document) -> None:
        self.title = base.meta.title
        first = base.sections[0].span[0] if base.sections else base.source.length
        from policyparse._text import to_text

        self.head = _TITLE_NOISE.sub("", to_text(base)[:first]) if not self.title else ""

    def named(self, name: str) -> bool:
        if self.title:
            return _same_title(name, self.title)
        whole = _TITLE_NOISE.sub("", name)
        core = _TITLE_NOISE.sub("", _ISSUER.sub("", name))
        return whole in self.head or (len(core) >= 4 and core in self.head)

    def __str__(self) -> str:
        return f"《{self.title}》" if self.title else "a text without a title"


def _same_title(named: str, title: str) -> bool:
    """Whether a title a decision names is the base's title: the same words, or one ending the
    other (「最高人民法院关于…的解释」 names 「关于…的解释」; 「中华人民共和国刑法」 and 「刑法」)."""
    first, second = _TITLE_NOISE.sub("", named), _TITLE_NOISE.sub("", title)
    if not first or not second:
        return False
    short, long = sorted((first, second), key=len)
    return first == second or (long.endswith(short) and len(short) >= 4)


def _with_sections(base: Document, chosen: tuple[Instruction, ...]) -> list[Instruction]:
    from policyparse.amendments._sections import section_of

    return [attrs.evolve(i, section=section_of(base, i)) for i in chosen]

