"""Grammar stage of amendments: read a statement's skeleton into actions with
grammars/amend.lark (one cached LALR parser over the terminals of ``_tokens``)."""

from __future__ import annotations

import functools
from typing import Any

import attrs
import lark

from policyparse._grammar import grammar_text
from policyparse.amendments._model import InstructionKind, Place, Position
from policyparse.amendments._tokens import tokens
from policyparse.numerals import label_number

__all__ = ["Action", "Old", "Written", "read_actions"]

GRAMMAR_FILE = "amend.lark"

_UNIT_OF_TERMINAL = {
    "ARTICLE": "article",
    "CLAUSE": "clause",
    "ITEM": "item",
    "SUBITEM": "subitem",
    "CHAPTER": "chapter",
    "SECTION": "section",
    "BOOK": "book",
    "NATURAL_PARAGRAPH": "paragraph",
    "SENTENCE_PLACE": "sentence",
}
_PART_UNITS = {
    "名称": "title", "标题": "title", "题目": "title", "题注": "title",
    "引言": "preamble", "序言": "preamble", "前言": "preamble",
    "章名": "name", "节名": "name", "编名": "name",
    "条首部分": "lead", "条首": "lead", "款首部分": "lead", "项首部分": "lead",
}  # fmt: skip
_THIS_UNITS = {"自然段": "paragraph", "款": "clause", "条": "article", "项": "item", "目": "subitem"}


@attrs.frozen(kw_only=True, weakref_slot=False)
class Written:
    """A unit as a statement writes it: its levels (maybe only the lowest), 「这一款」 as
    ``this``, a law's name, and how it joins the unit before it (``to`` for a range)."""

    levels: tuple[Place, ...] = ()
    this: str | None = None
    law: str | None = None
    joined_by: str = ""
    text: str = ""


@attrs.frozen(kw_only=True, weakref_slot=False)
class Old:
    """Quoted words an action changes, in their place: units (maybe none), the quotation, and
    which time they stand there (「第一处」), if said."""

    units: tuple[Written, ...] = ()
    quote: int
    occurrence: int | None = None


@attrs.frozen(kw_only=True, weakref_slot=False)
class Action:
    """One action rule of the grammar, as written: its units, quotations (indexes) and words."""

    kind: InstructionKind
    units: tuple[Written, ...] = ()
    to: tuple[Written, ...] = ()
    text: int | None = None  # the quotation holding the new text
    old: int | None = None
    new: int | None = None
    olds: tuple[Old, ...] = ()  # delete_text: the words, each in its place
    occurrence: int | None = None  # substitute: only the Nth time the words stand (第一处)
    continues: bool = False  # more: goes on with the deletion before it
    text_count: int = 1  # quotations side by side from ``text`` on, one text
    anchor: int | None = None
    position: Position | None = None
    content_follows: bool = False  # 「内容如下：」: the new text is on the lines after
    whole: bool = False  # reorder: every article, in order


@functools.cache
def _parser() -> lark.Lark:
    return lark.Lark(grammar_text(GRAMMAR_FILE), parser="lalr", lexer=_Passthrough, maybe_placeholders=False)


class _Passthrough(lark.lexer.Lexer):
    """Lark lexer that hands on the tokens of ``_tokens.tokens``."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any, parser_state: Any = None) -> Any:
        return iter(data)


def read_actions(skeleton: str) -> tuple[Action, ...]:
    """Return the actions of a skeleton.

    Raises:
        UnreadableStatement: a word no terminal knows.
        lark.exceptions.UnexpectedInput: terminals in an order the grammar does not know.
    """
    tree = _parser().parse(list(tokens(skeleton)))
    found: list[Action] = []
    for child in _Build().transform(tree).children:
        if isinstance(child, Action):
            found.append(child)
        elif isinstance(child, list):  # substitute: one action per pair of words
            found.extend(child)
    return tuple(found)


def _quote(token: lark.Token) -> int:
    return int(token.value)


def _place(token: lark.Token) -> Place:
    unit = _UNIT_OF_TERMINAL[token.type]
    text = str(token.value)
    inner = text[1:].split("之")[0] if unit == "article" else text[1:]
    digits = inner.rstrip("条款项目章节编自然段句").strip("（()）")
    suffix = label_number(text.split("之")[1]) if unit == "article" and "之" in text else 0
    return Place(unit=unit, number=label_number(digits), suffix=suffix, label=text)


class _Build(lark.Transformer[lark.Token, Any]):
    """Builds Written units and Actions; one method per rule."""

    def place(self, children: list[lark.Token]) -> Place:
        return _place(children[0])

    def unit(self, children: list[Any]) -> Written:
        levels: list[Place] = []
        this = law = None
        words: list[str] = []
        for child in children:
            if isinstance(child, Place):
                levels.append(child)
                words.append(child.label)
            elif child.type == "PART":
                levels.append(Place(unit=_PART_UNITS[child.value], label=child.value))
                words.append(child.value)
            elif child.type == "THIS":
                this = _THIS_UNITS.get(child.value[-1], _THIS_UNITS.get(child.value[2:], "article"))
                if child.value.endswith("自然段"):
                    this = "paragraph"
                words.append(child.value)
            elif child.type == "LAW":
                law = str(child.value)
        return Written(levels=tuple(levels), this=this, law=law, text="".join(words))

    def units(self, children: list[Any]) -> tuple[Written, ...]:
        found: list[Written] = []
        joiner = ""
        for child in children:
            if isinstance(child, Written):
                found.append(attrs.evolve(child, joined_by=joiner))
            else:
                joiner = "to" if child.type == "TO" else "and"
        return tuple(found)

    def old(self, children: list[Any]) -> Old:
        occurrence = next((c for c in children if isinstance(c, lark.Token) and c.type == "OCCURRENCE"), None)
        return Old(
            units=_units(children),
            quote=_quote(_quotes(children)[0]),
            occurrence=label_number(occurrence.value[1:-1]) if occurrence else None,
        )

    def olds(self, children: list[Any]) -> list[Old]:
        return [child for child in children if isinstance(child, Old)]

    def replace(self, children: list[Any]) -> Action:
        quotes = _quotes(children)
        return Action(
            kind=InstructionKind.REPLACE, units=_units(children), text=_quote(quotes[0]), text_count=len(quotes)
        )

    def substitute(self, children: list[Any]) -> list[Action]:
        quotes = _quotes(children)
        olds = next((child for child in children if isinstance(child, list)), None)
        if olds is None:  # 宪法第六十七条“……”中第六项“A”修改为“B”: the 项 of the 款 named
            outer, inner = (child for child in children if isinstance(child, tuple))
            units = tuple(
                attrs.evolve(unit, levels=outer[0].levels + unit.levels, text=outer[0].text + unit.text)
                for unit in inner
            )
            return [Action(kind=InstructionKind.SUBSTITUTE, units=units, old=_quote(quotes[1]),
                           new=_quote(quotes[2]), anchor=_quote(quotes[0]))]  # fmt: skip
        verb = _first_token_of(children, "CHANGE_TO")
        news = [_quote(q) for q in quotes if (q.start_pos or 0) > verb]
        if len(news) not in (1, len(olds)):  # 「“A”、“B”修改为“C”、“D”、“E”」: cannot pair them
            raise lark.exceptions.LarkError("as many new words as old ones are needed")
        return [
            Action(kind=InstructionKind.SUBSTITUTE, units=old.units, old=old.quote,
                   new=news[index if len(news) > 1 else 0], occurrence=old.occurrence)
            for index, old in enumerate(olds)
        ]  # fmt: skip

    def delete_text(self, children: list[Any]) -> Action:
        olds = next(child for child in children if isinstance(child, list))
        return Action(kind=InstructionKind.DELETE_TEXT, olds=tuple(olds))

    def more(self, children: list[Any]) -> Action:
        return Action(kind=InstructionKind.DELETE_TEXT, olds=tuple(children[0]), continues=True)

    def delete(self, children: list[Any]) -> Action:
        return Action(kind=InstructionKind.DELETE, units=_units(children))

    def add(self, children: list[Any]) -> Action:
        before: list[tuple[Written, ...]] = []  # where: 「在第十条后」
        after: list[tuple[Written, ...]] = []  # the new place: 「作为第十条之一」 (then 「包括…」)
        for child in children:
            if isinstance(child, tuple):
                (after if after or _seen(children, child, "ADD") else before).append(child)
        quotes = _quotes(children)
        words = {child.type for child in children if isinstance(child, lark.Token)}
        anchor = None
        text = None
        # a quotation before 中/后 names the 款 (宪法第六十二条“……”中); the last one is the text
        verb = _first_token_of(children, "ADD")
        if quotes and before and (quotes[0].start_pos or 0) < verb:
            anchor = _quote(quotes[0])
        if quotes and (quotes[-1].start_pos or 0) > verb:
            text = _quote(quotes[-1])
        return Action(
            kind=InstructionKind.ADD,
            units=before[0] if before else (),
            to=after[0],
            text=text,
            anchor=anchor,
            position=Position.AFTER if "AFTER" in words else None,
            content_follows="CONTENT" in words and text is None,
        )

    def insert_text(self, children: list[Any]) -> Action:
        quotes = _quotes(children)
        words = {child.type for child in children if isinstance(child, lark.Token)}
        if "START" in words or "END" in words:
            position, old = (Position.START if "START" in words else Position.END), None
        else:
            position = Position.BEFORE if "BEFORE" in words else Position.AFTER
            old = _quote(quotes[0])
        return Action(
            kind=InstructionKind.INSERT_TEXT,
            units=_units(children),
            old=old,
            text=_quote(quotes[-1]),
            position=position,
        )

    def merge(self, children: list[Any]) -> Action:
        unit_lists = [child for child in children if isinstance(child, tuple)]
        quotes = _quotes(children)
        return Action(
            kind=InstructionKind.MERGE,
            units=unit_lists[0],
            to=unit_lists[1] if len(unit_lists) > 1 else (),
            text=_quote(quotes[-1]) if quotes else None,
        )

    def split(self, children: list[Any]) -> Action:
        verb = next(c for c in children if isinstance(c, lark.Token) and c.type in ("CHANGE_TO", "DIVIDE"))
        before = [c for c in children[: children.index(verb)] if isinstance(c, tuple)]
        after = [c for c in children[children.index(verb) :] if isinstance(c, tuple)]
        return Action(kind=InstructionKind.SPLIT, units=before[0] if before else (), to=after[0] if after else ())

    def move(self, children: list[Any]) -> Action:
        unit_lists = [child for child in children if isinstance(child, tuple)]
        quotes = _quotes(children)
        return Action(
            kind=InstructionKind.MOVE,
            units=unit_lists[0],
            to=unit_lists[1],
            text=_quote(quotes[-1]) if quotes else None,
        )

    def renumber(self, children: list[Any]) -> Action:
        unit_lists = [child for child in children if isinstance(child, tuple)]
        if unit_lists:
            return Action(kind=InstructionKind.RENUMBER, units=unit_lists[0], to=unit_lists[1])
        quotes = _quotes(children)
        return Action(kind=InstructionKind.RENUMBER, old=_quote(quotes[0]), new=_quote(quotes[1]))

    def reorder(self, children: list[Any]) -> Action:
        return Action(kind=InstructionKind.RENUMBER, whole=True)


def _quotes(children: list[Any]) -> list[lark.Token]:
    return [c for c in children if isinstance(c, lark.Token) and c.type == "QUOTE"]


def _units(children: list[Any]) -> tuple[Written, ...]:
    for child in children:
        if isinstance(child, tuple):
            return child
    return ()


def _seen(children: list[Any], child: object, kind: str) -> bool:
    """Whether a token of ``kind`` stands before ``child`` among the children."""
    for other in children:
        if other is child:
            return False
        if isinstance(other, lark.Token) and other.type == kind:
            return True
    return False


def _first_token_of(children: list[Any], kind: str) -> int:
    for child in children:
        if isinstance(child, lark.Token) and child.type == kind:
            return child.start_pos or 0
    return 0
