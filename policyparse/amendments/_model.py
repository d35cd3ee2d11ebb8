"""The edit script's records: a place in a law as a decision names it, and one instruction."""

from __future__ import annotations

import enum

import attrs

from policyparse.model import Span

__all__ = ["Instruction", "InstructionKind", "Place", "Position"]


class InstructionKind(enum.StrEnum):
    """What an instruction does (the grammar's action rules, grammars/amend.lark)."""

    REPLACE = "replace"  # 将第十二条修改为：“……” (an article, a 款, a 项, the title, the 引言)
    DELETE = "delete"  # 删去第三十条 (articles, 款, 项)
    ADD = "add"  # 在第十条后增加一条，作为第十条之一：“……” (an article, a 款, a 项, a 节)
    SUBSTITUTE = "substitute"  # 将第五条第二款中的“十日”修改为“十五日”
    DELETE_TEXT = "delete_text"  # 删去第二条中的“……”
    INSERT_TEXT = "insert_text"  # 在“A”前增写“B”; 第一条第二款开始部分增加规定：“……”
    MERGE = "merge"  # 将第六条和第七条合并修改为：“……”
    SPLIT = "split"  # 将第三条改为两条，作为第三条、第四条
    MOVE = "move"  # 将第十三条第二款改为第十六条; 第一款作为第八十条
    RENUMBER = "renumber"  # 第七项至第十五项相应改为第八项至第十六项; 条文顺序作相应调整


class Position(enum.StrEnum):
    """Where an insert_text instruction puts its text, relative to its anchor."""

    BEFORE = "before"  # 在“A”前增写
    AFTER = "after"  # “A”后增加
    START = "start"  # 开始部分增加规定 (at the start of the unit)
    END = "end"  # 在第一款最后增加 (at the end of the unit)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Place:
    """One level of a place in a law: 第十条之一 is ``Place(unit="article", number=10, suffix=1)``.

    Attributes:
        unit: book, chapter, section (节), article, clause (款), item (项), subitem (目),
            paragraph (自然段), or a part without a number: title (名称), preamble (引言, 序言),
            lead (条首部分: an article's words before its items), name (章名: a chapter's title).
        number: the number as written (None for a part).
        suffix: N of 「之N」 (0 without).
        label: the words as the decision writes them (「第十条之一」, 「引言」).
        new: True when the number is the amended text's, not the base's: a place the decision
            creates or moves to (「增加一条，作为第五条」, 「第一款作为第八十条」).
    """

    unit: str
    number: int | None = None
    suffix: int = 0
    label: str
    new: bool = False


@attrs.frozen(kw_only=True, weakref_slot=False)
class Instruction:
    """One instruction of a decision's edit script.

    Attributes:
        kind: what it does.
        target: the place as the decision names it, levels it leaves out filled in from the
            instruction before (「第三条」 then 「第二款」 is 「第三条第二款」); for an add, the new
            place; 「」 for the whole text.
        places: the places it acts on, one tuple of levels per place (a list or range of
            articles gives several), outermost level first; for an add, the place it goes
            after or in (「在第十条后」), if the decision says.
        to: for add, where the new units stand (「作为第十条之一」); for renumber, the new
            numbers, one per place.
        text: the new text (replace, add, merge, insert_text), paragraphs joined by ``\\n``,
            nested ‘’ made “”; None for other kinds.
        old: the quoted text that is replaced or deleted, or the anchor of an insert_text.
        new: the quoted replacement of a substitution.
        position: where insert_text puts its text.
        anchor: quoted words naming the 款 a place means (宪法第六十二条“全国人民代表大会行使下列职权”).
        occurrence: for a substitution or deletion, only the Nth time the words stand in the
            place (「第一处“A”」); None for every time.
        document: the title of the text this instruction amends, when the decision amends
            several (its 「修改《…》」 part); None otherwise.
        line: 1-based line of the instruction in the decision.
        span: the instruction's span in the decision, its quotations included.
        section: the id of the section it changed in the base, once applied (``amend``).
    """

    kind: InstructionKind
    target: str
    places: tuple[tuple[Place, ...], ...] = ()
    to: tuple[tuple[Place, ...], ...] = ()
    text: str | None = None
    old: str | None = None
    new: str | None = None
    position: Position | None = None
    anchor: str | None = None
    occurrence: int | None = None
    document: str | None = None
    line: int = attrs.field(eq=False)
    span: Span = attrs.field(eq=False)
    section: str | None = attrs.field(eq=False, default=None)
