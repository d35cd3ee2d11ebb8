"""Read a decision into its edit script: statements, their actions, the places they name made
whole from the statement before (「同时增加一款作为第二款」 is a 款 of the article just named)."""

from __future__ import annotations

import attrs
import lark
import regex

from policyparse.amendments._grammar import Action, Written, read_actions
from policyparse.amendments._model import Instruction, InstructionKind, Place
from policyparse.amendments._statements import QUOTE, Statement, UnclosedQuote, statements
from policyparse.amendments._tokens import UnreadableStatement
from policyparse.errors import AmendError
from policyparse.model import Document
from policyparse.numerals import HEADING_NUMERAL, ORDINAL_NUMERAL, int_to_chinese

__all__ = ["Script", "read_script"]

# 一、 1. （一） and 第三十二条 (a 修正案's own articles) before an instruction
_ENUMERATOR = regex.compile(
    rf"^(?:[{HEADING_NUMERAL}]+[、．.]|\d+[.．、]|[（(][{HEADING_NUMERAL}]+[)）]"
    rf"|第[{ORDINAL_NUMERAL}]+条[ \u3000]+)[ \u3000]*"
)
_PART_HEADER = regex.compile(r"^修改[《〈](?P<title>[^》〉]+)[》〉][。：:]?$")
_IN_FORCE = regex.compile(r"(?:自|于).{0,30}(?:起|之日)施行[。.]?$|^施行$")
# 「……重新公布」, 「此外，对条文顺序和个别文字作相应调整和修改」: the articles take new numbers
# 「此外，对相关行政法规中的条文序号作相应调整」 too; not 「引用…法相关条文序号…作相应调整」, which
# is about another law's numbers
_REPUBLISH = regex.compile(r"重新公布|^(?!.*引用).*条文(?:顺序|序号).{0,12}调整")
_NAMED = regex.compile(r"[《〈](?P<title>[^》〉]+)[》〉]")
_AMENDED = regex.compile(r"对[《〈]([^》〉]+)[》〉]")  # 「决定对《…》作如下修改」
_SHORT_NAME = regex.compile(r"[《〈](?P<title>[^》〉]+)[》〉][（(]以下简称[《〈“](?P<short>[^》〉”]+)[》〉”][)）]")
_VERBS = regex.compile(r"修改为|改为|删去|删除|增加一|增写")

_RANK = {
    "book": 0, "chapter": 1, "section": 2, "article": 3, "preamble": 3,
    "clause": 4, "paragraph": 4, "item": 5, "subitem": 6, "sentence": 7,
}  # fmt: skip
_PARTS_OUTSIDE_RANK = frozenset({"title", "lead"})
# Numbered through the whole text: named without the levels above them (第十条, 第三章).
_NUMBERED_THROUGHOUT = frozenset({"book", "chapter", "article", "preamble"})


@attrs.frozen(kw_only=True, weakref_slot=False)
class Script:
    """A decision's instructions and the titles it names (its own title and preamble, and the
    「修改《…》」 parts of a decision that amends several texts)."""

    instructions: tuple[Instruction, ...]
    named: tuple[str, ...]
    parts: tuple[str, ...]


@attrs.frozen(kw_only=True, weakref_slot=False)
class _Context:
    """The place the statement before named (levels and the quotation naming its 款)."""

    levels: tuple[Place, ...] = ()
    anchor: str | None = None
    document: str | None = None  # the text it is in, when the statement named it: 将《…》第十五条


def read_script(decision: Document, text: str) -> Script:
    """Read every instruction of ``decision`` (whose text is ``text``).

    Raises:
        AmendError: a statement that reads as an instruction (修改为, 删去, 增加一…) but that the
            grammar does not know, or a quotation that never closes.
    """
    try:
        found = statements(text)
    except UnclosedQuote as error:
        raise AmendError(str(error), line=error.line) from None
    reader = _Reader(text=text, named=list(_NAMED.findall(decision.meta.title or "")))
    for statement in found:
        reader.read(statement)
    reader.flush()
    return Script(instructions=tuple(reader.instructions), named=tuple(reader.named), parts=tuple(reader.parts))


@attrs.define(weakref_slot=False)
class _Reader:
    """The state of reading a decision statement by statement."""

    text: str
    named: list[str]
    short_names: dict[str, str] = attrs.field(factory=dict)
    parts: list[str] = attrs.field(factory=list)
    instructions: list[Instruction] = attrs.field(factory=list)
    document: str | None = None  # the 「修改《…》」 part being read
    context: _Context = attrs.field(factory=_Context)
    started: bool = False
    pending: list[Instruction] = attrs.field(factory=list)  # adds whose text follows (内容如下：)
    pending_lines: list[str] = attrs.field(factory=list)

    def read(self, statement: Statement) -> None:
        """Read one statement: an instruction, a part's header, a closing, or other words."""
        skeleton = _ENUMERATOR.sub("", statement.skeleton)
        header = _PART_HEADER.match(skeleton)
        actions = None if header else _actions(skeleton)
        closing = actions is None and not header and _closing(skeleton)
        if self.pending and actions is None and not header and not closing:
            self.pending_lines.append(self.text[statement.span[0] : statement.span[1]].strip())
            return
        self.flush()
        if header:
            self.document = _full(header["title"], self.short_names)
            self.parts.append(self.document)
            self.started = True
        elif actions is not None:
            self._instructions(statement, actions)
        elif closing:
            if _REPUBLISH.search(skeleton):
                self.instructions.append(_reorder(statement, self.document))
        elif _VERBS.search(skeleton):
            raise AmendError("cannot read this instruction: " + _excerpt(skeleton), line=statement.line)
        elif not self.started:  # the preamble: 「对《…》（以下简称《解释》）作如下修改：」
            self.named.extend(m for m in _AMENDED.findall(skeleton) if m not in self.named)
            words = self.text[statement.span[0] : statement.span[1]]
            self.short_names.update({m["short"]: m["title"] for m in _SHORT_NAME.finditer(words)})

    def _instructions(self, statement: Statement, actions: tuple[Action, ...]) -> None:
        self.started = True
        if _ENUMERATOR.match(statement.skeleton):
            self.context = _Context()  # a numbered instruction starts afresh; a line without
            # one (「增加一款，作为第四款：“……”」) goes on from the instruction above it
        read, self.context = _instructions(actions, statement, self.document, self.short_names, self.context)
        for instruction, content_follows in read:
            (self.pending if content_follows else self.instructions).append(instruction)

    def flush(self) -> None:
        """Give the adds waiting for their text (「内容如下：」) the lines read since."""
        if self.pending:
            content = "\n".join(line for line in self.pending_lines if line)
            last = attrs.evolve(self.pending[-1], text=content or None)
            self.instructions.extend([*self.pending[:-1], last])
            self.pending, self.pending_lines = [], []


def _actions(skeleton: str) -> tuple[Action, ...] | None:
    try:
        return read_actions(skeleton)
    except (UnreadableStatement, lark.exceptions.LarkError):
        return None


def _closing(skeleton: str) -> bool:
    return bool(_IN_FORCE.search(skeleton) or _REPUBLISH.search(skeleton))


def _excerpt(skeleton: str) -> str:
    written = skeleton.replace(QUOTE, "“…”")
    return written if len(written) <= 40 else written[:40] + "…"


def _full(title: str, short_names: dict[str, str]) -> str:
    return short_names.get(title, title)


def _reorder(statement: Statement, document: str | None) -> Instruction:
    return Instruction(
        kind=InstructionKind.RENUMBER,
        target="",
        document=document,
        line=statement.line,
        span=statement.span,
    )


def _instructions(
    actions: tuple[Action, ...],
    statement: Statement,
    document: str | None,
    short_names: dict[str, str],
    context: _Context,
) -> tuple[list[tuple[Instruction, bool]], _Context]:
    """A statement's instructions, each with whether its text is on the lines after it, and
    the place it named last. ``context`` is the place named last before it (「修改为：“……”」
    without a place means that one)."""
    quotes = [quote.text for quote in statement.quotes]
    sources = _Context()  # the place moved from last: 「第一款作为第八十条；第二款作为…」
    built: list[tuple[Instruction, bool]] = []
    for action in actions:
        law = next((unit.law for unit in action.units if unit.law), None)
        own_document = context.document or document
        if law and law[0] in "《〈":
            own_document = _full(law[1:-1], short_names)
        if action.kind is InstructionKind.DELETE_TEXT:
            if action.continues and (not built or built[-1][0].kind is not InstructionKind.DELETE_TEXT):
                raise AmendError("cannot read this instruction: " + _excerpt(statement.skeleton), line=statement.line)
            for old in action.olds:
                places, context, target = _places(old.units, context)
                instruction = _instruction(
                    action, statement, own_document, places, (), target, context,
                    {"old": quotes[old.quote]},
                )  # fmt: skip
                built.append((attrs.evolve(instruction, occurrence=old.occurrence), False))
            continue
        before = context
        is_move = action.kind is InstructionKind.MOVE or (action.kind is InstructionKind.RENUMBER and bool(action.to))
        places, context, target = _places(action.units, sources if is_move and sources.levels else context)
        if action.units:
            sources = context
        to: tuple[tuple[Place, ...], ...] = ()
        kind: InstructionKind = action.kind
        if action.to:
            # 「本条第一款」 in the new place is the article named before this action
            mentions_this = any(unit.this for unit in action.to)
            start = before if mentions_this else _Context(levels=_first(places, context), anchor=context.anchor)
            to, _, to_target = _places(action.to, start)
            kind = _kind(action, places, to)
            if kind is not InstructionKind.RENUMBER:
                written = tuple(attrs.evolve(u, levels=_made_new(u.levels)) for u in action.to)
                to, context, to_target = _places(written, start)
            if kind is InstructionKind.ADD:
                target = to_target  # the new place; ``places`` is where it goes after, if said
                if not action.units:
                    places = ()  # 「同时增加一款作为第二款」: the place is in ``to`` alone
        anchor = _at(quotes, action.anchor)
        if anchor is not None:
            context = attrs.evolve(context, anchor=anchor)
        text = None if action.text is None else "\n".join(quotes[action.text : action.text + action.text_count])
        quoted = {"text": text, "old": _at(quotes, action.old), "new": _at(quotes, action.new)}
        if kind is InstructionKind.RENUMBER and action.old is not None:
            renamed = _renamed(quotes[action.old], quotes[action.new or 0])
            if renamed is None:
                raise AmendError("cannot read this renumbering", line=statement.line)
            places, to = renamed
            target = places[0][0].label
            quoted = {"text": None, "old": None, "new": None}
        if kind is InstructionKind.REPLACE and not action.units and built:
            split, _ = built[-1]
            if split.kind is InstructionKind.SPLIT and split.text is None:
                built[-1] = (attrs.evolve(split, text=quoted["text"]), False)
                continue  # 「将第三条改为两条，作为第三条、第四条，修改为：“……”」
        instruction = _instruction(
            attrs.evolve(action, kind=kind), statement, own_document, places, to, target,
            context, quoted,
        )  # fmt: skip
        built.append((attrs.evolve(instruction, occurrence=action.occurrence), action.content_follows))
        context = attrs.evolve(context, document=own_document if own_document != document else None)
    return built, context


def _kind(action: Action, places: tuple[tuple[Place, ...], ...], to: tuple[tuple[Place, ...], ...]) -> InstructionKind:
    """「将第十三条第二款改为第十六条」 reads as a renumbering and is a move: a 款 made an article."""
    if (
        action.kind is InstructionKind.RENUMBER
        and places and to
        and places[0][-1].unit != to[0][-1].unit
    ):  # fmt: skip
        return InstructionKind.MOVE
    return action.kind


def _made_new(levels: tuple[Place, ...]) -> tuple[Place, ...]:
    """A place the decision creates: its article's number is the amended text's."""
    return tuple(attrs.evolve(p, new=True) if p.unit == "article" else p for p in levels)


def _first(places: tuple[tuple[Place, ...], ...], context: _Context) -> tuple[Place, ...]:
    return places[0] if places else context.levels


def _instruction(
    action: Action,
    statement: Statement,
    document: str | None,
    places: tuple[tuple[Place, ...], ...],
    to: tuple[tuple[Place, ...], ...],
    target: str,
    context: _Context,
    quoted: dict[str, str | None],
) -> Instruction:
    return Instruction(
        kind=action.kind,
        target=target,
        places=places,
        to=to,
        text=quoted.get("text"),
        old=quoted.get("old"),
        new=quoted.get("new"),
        position=action.position,
        anchor=context.anchor,
        document=document,
        line=statement.line,
        span=statement.span,
    )


def _at(quotes: list[str], index: int | None) -> str | None:
    return None if index is None else quotes[index]


def _places(units: tuple[Written, ...], context: _Context) -> tuple[tuple[tuple[Place, ...], ...], _Context, str]:
    """Complete each unit from the context, expand ranges; return them, the new context and the
    target as written (with the levels it took from the context)."""
    if not units:
        return ((context.levels,) if context.levels else ()), context, _label(context.levels)
    completed: list[tuple[Place, ...]] = []
    words: list[str] = []
    anchor = context.anchor
    for unit in units:
        levels, inherited = _complete(unit, context)
        if not inherited:
            anchor = None
        if unit.joined_by == "to" and completed:
            completed.extend(_range(completed.pop(), levels))
            words.append("至" + unit.text)
        else:
            completed.append(levels)
            words.append(("、" if words else "") + (_label(levels) if inherited else unit.text))
        context = _Context(levels=levels, anchor=anchor)
    return tuple(completed), context, "".join(words)


def _label(levels: tuple[Place, ...]) -> str:
    return "".join(place.label for place in levels)


def _complete(unit: Written, context: _Context) -> tuple[tuple[Place, ...], bool]:
    """A unit's full levels, and whether it took any from the context."""
    if unit.this is not None:
        kept: list[Place] = []
        for place in context.levels:
            kept.append(place)
            if place.unit == unit.this:
                break
        return tuple(kept) + unit.levels, True
    if not unit.levels:
        return (), False  # 本法, 《解释》: the whole text
    first = unit.levels[0]
    rank = _RANK.get(first.unit)
    if rank is None or first.unit in _NUMBERED_THROUGHOUT:
        return unit.levels, False
    prefix = tuple(
        place for place in context.levels if place.unit not in _PARTS_OUTSIDE_RANK and _RANK.get(place.unit, 99) < rank
    )
    return prefix + unit.levels, bool(prefix)


def _range(start: tuple[Place, ...], end: tuple[Place, ...]) -> list[tuple[Place, ...]]:
    """第七项至第十五项: every place from start to end (the last level's numbers)."""
    first, last = start[-1], end[-1]
    if first.unit != last.unit or first.number is None or last.number is None:
        return [start, end]
    if last.number < first.number:
        return [start, end]
    word = first.label[-1] if first.unit != "paragraph" else "自然段"
    return [
        (*start[:-1], Place(unit=first.unit, number=n, label=f"第{int_to_chinese(n)}{word}"))
        for n in range(first.number, last.number + 1)
    ]


def _renamed(old: str, new: str) -> tuple[tuple[tuple[Place, ...], ...], tuple[tuple[Place, ...], ...]] | None:
    """「“第八条”调整为“第七条”」: the quoted labels as places."""
    try:
        olds = read_actions(f"{old}改为{new}")
    except (UnreadableStatement, lark.exceptions.LarkError):
        return None
    if len(olds) != 1 or not olds[0].units or not olds[0].to:
        return None
    return (olds[0].units[0].levels,), (olds[0].to[0].levels,)
