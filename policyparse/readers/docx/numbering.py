"""Reader stage (Word): automatic numbering (``word/numbering.xml``): definitions, counters, labels.

Definitions. A ``w:num`` (numId) points to a ``w:abstractNum`` whose ``w:lvl`` elements
(0-8) give each level's ``w:start`` (0 when absent, as ECMA-376 says), ``w:numFmt``
(decimal when absent; Word 2010's ``custom`` format inside ``mc:AlternateContent`` is read
when known, else its Fallback), ``w:lvlText``, ``w:lvlRestart``, ``w:isLgl``, ``w:suff``
(tab when absent) and ``w:pStyle``. A ``w:num`` may override a level with
``w:lvlOverride/w:startOverride`` or a whole ``w:lvlOverride/w:lvl``. An abstractNum with a
``w:numStyleLink`` stands for the list of the numbering style it names: that style's
``w:numPr/w:numId`` gives the w:num (and through it the abstractNum, the one with the
matching ``w:styleLink``) whose levels and counters are used.

Which list a paragraph is in. Its own ``w:pPr/w:numPr`` (numId, ilvl), else its paragraph
style's (``w:basedOn`` followed); numId and ilvl are inherited separately, so a paragraph
may set only the level of its style's list. numId 0 means no numbering (it removes an
inherited list). The level is the paragraph's ilvl, else the style's, else the level whose
``w:pStyle`` names the paragraph's style, else 0; a ``singleLevel`` list has only level 0. A
paragraph whose style has no numbering but is named by a level's ``w:pStyle`` is in that
level of the first w:num of that abstractNum.

Counters (ECMA-376 §17.9 with Word's behaviour as [MS-OI29500] and Open XML PowerTools
describe it). There is one set of counters per abstractNum, shared by every w:num that uses
it: a second w:num on the same abstractNum continues the count. A level's counter starts at
its start value the first time the level is used, then counts up by one per paragraph. It
restarts when a higher (lower-index) level of the same list is used after it; with
``w:lvlRestart w:val="N"`` only when level N-1 or a higher one is used, and 0 means never
(Word's reading of lvlRestart: "this level or any higher level", and it ignores a
lvlRestart inside an override). A ``w:startOverride`` on a w:num restarts that level at the
override value the first time a paragraph of that w:num uses the level, and is the start
value whenever the level restarts for that w:num: this is how a new w:num per article
restarts the 项 （一） of each article, while two plain w:nums share one count. A level
override's own ``w:start`` is its start value; it does not force a restart by itself.

Labels. ``w:lvlText`` with each ``%n`` replaced by the current value of level n-1 written
in that level's numFmt (a level not used yet shows its start value; a ``%n`` for a level
deeper than the paragraph's writes nothing). With ``w:isLgl`` on the paragraph's level,
every ``%n`` is written in decimal (decimalZero keeps its zero, as Open XML PowerTools
does). A ``bullet`` level's label is its lvlText as written; a ``none`` level writes
nothing for its ``%n`` (literal lvlText text stays, as Word shows it). An unknown numFmt is
written in decimal and reported. The suffix after a non-empty label is a tab (default), a
space, or nothing (``w:suff``); an empty label has no suffix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import attrs
from lxml import etree

from policyparse.readers.docx.formats import format_number, is_known
from policyparse.readers.docx.styles import StyleInfo, Styles
from policyparse.readers.docx.xml import ALTERNATE, CHOICE, FALLBACK, RPR, VAL, attr, on_off, w, w_int

__all__ = ["Label", "Level", "ListCounter", "Numbering", "ResolvedList"]

LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}
_MAX_LINKS = 4  # numStyleLink hops before giving up (a loop)
_MAX_START = 32767  # Word's largest start value (ST_DecimalNumber as Word's UI allows)


def _counter(value: int | None) -> int:
    """A start value as Word takes it: 0 when absent, at most 32767, never below 0."""
    return min(max(value or 0, 0), _MAX_START)


@attrs.frozen(kw_only=True)
class Level:
    """One ``w:lvl``: how a level counts and draws its label."""

    start: int = 0
    num_fmt: str = "decimal"
    custom: str | None = None
    text: str | None = None
    restart: int | None = None
    is_lgl: bool = False
    suffix: str = "\t"
    p_style: str | None = None
    bold: bool | None = None


@attrs.frozen(kw_only=True)
class _Abstract:
    id: int
    levels: Mapping[int, Level]
    single: bool = False
    num_style_link: str | None = None


@attrs.frozen(kw_only=True)
class _Num:
    id: int
    abstract_id: int
    start_overrides: Mapping[int, int]
    level_overrides: Mapping[int, Level]


@attrs.frozen(kw_only=True)
class ResolvedList:
    """A w:num resolved: its abstractNum (after numStyleLink) and the w:nums whose overrides apply.

    Attributes:
        num: the w:num itself.
        abstract: the abstractNum whose levels and counters it uses.
        link: the w:num a ``w:numStyleLink`` led to, if any (its overrides apply after ``num``'s).
    """

    num: _Num
    abstract: _Abstract
    link: _Num | None

    def level(self, ilvl: int) -> Level | None:
        """A level's definition: the w:num's override, else the numStyleLink's, else the abstractNum's."""
        for num in (self.num, self.link):
            if num is not None and ilvl in num.level_overrides:
                return num.level_overrides[ilvl]
        return self.abstract.levels.get(ilvl)

    def start_override(self, ilvl: int) -> int | None:
        """A level's ``w:startOverride`` from the w:num, else from the numStyleLink's w:num."""
        for num in (self.num, self.link):
            if num is not None and ilvl in num.start_overrides:
                return num.start_overrides[ilvl]
        return None


@attrs.frozen(kw_only=True)
class Label:
    """A paragraph's numbering label: the text Word draws and what follows it.

    Attributes:
        text: the label (「第十条」, 「（三）」, 「1.2」); empty for a level that draws nothing.
        suffix: a tab, a space or nothing.
        bold: the level's own bold (``w:lvl/w:rPr/w:b``), or None if it does not say.
    """

    text: str
    suffix: str
    bold: bool | None = None


def _read_level(element: etree._Element) -> Level:
    num_fmt_element = element.find(w("numFmt"))
    num_fmt = attr(num_fmt_element) or "decimal"
    custom = None
    if num_fmt_element is None:
        alternate = element.find(ALTERNATE)
        if alternate is not None:
            num_fmt, custom = _alternate_num_fmt(alternate)
    rpr = element.find(RPR)
    return Level(
        start=_counter(w_int(element.find(w("start")))),
        num_fmt=num_fmt,
        custom=custom,
        text=attr(element.find(w("lvlText"))),
        restart=w_int(element.find(w("lvlRestart"))),
        is_lgl=bool(on_off(element.find(w("isLgl")))),
        suffix=_SUFFIXES.get(attr(element.find(w("suff"))) or "tab", "\t"),
        p_style=attr(element.find(w("pStyle"))),
        bold=on_off(rpr.find(w("b"))) if rpr is not None else None,
    )


def _alternate_num_fmt(alternate: etree._Element) -> tuple[str, str | None]:
    """The numFmt inside ``mc:AlternateContent``: a custom format we can write, else the Fallback's."""
    choice = alternate.find(f"{CHOICE}/{w('numFmt')}")
    if choice is not None and choice.get(VAL) == "custom" and is_known("custom", choice.get(w("format"))):
        return "custom", choice.get(w("format"))
    fallback = alternate.find(f"{FALLBACK}/{w('numFmt')}")
    return (attr(fallback) or "decimal"), None


def _levels(parent: etree._Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for element in parent.findall(w("lvl")):
        ilvl = w_int(element, w("ilvl"))
        if ilvl is not None and 0 <= ilvl < LEVELS and ilvl not in levels:
            levels[ilvl] = _read_level(element)
    return levels


def _read_abstracts(root: etree._Element) -> dict[int, _Abstract]:
    abstracts: dict[int, _Abstract] = {}
    for element in root.iter(w("abstractNum")):
        abstract_id = w_int(element, w("abstractNumId"))
        if abstract_id is None or abstract_id in abstracts:
            continue
        abstracts[abstract_id] = _Abstract(
            id=abstract_id,
            levels=_levels(element),
            single=attr(element.find(w("multiLevelType"))) == "singleLevel",
            num_style_link=attr(element.find(w("numStyleLink"))),
        )
    return abstracts


def _read_nums(root: etree._Element) -> dict[int, _Num]:
    nums: dict[int, _Num] = {}
    for element in root.iter(w("num")):
        num_id = w_int(element, w("numId"))
        abstract_id = w_int(element.find(w("abstractNumId")))
        if num_id is None or abstract_id is None or num_id in nums:
            continue
        start_overrides: dict[int, int] = {}
        level_overrides: dict[int, Level] = {}
        for override in element.findall(w("lvlOverride")):
            ilvl = w_int(override, w("ilvl"))
            if ilvl is None or not 0 <= ilvl < LEVELS:
                continue
            start = w_int(override.find(w("startOverride")))
            if start is not None:
                start_overrides[ilvl] = _counter(start)
            definition = override.find(w("lvl"))
            if definition is not None:
                # Word ignores lvlRestart in an override ([MS-OI29500] on §17.9.11).
                level_overrides[ilvl] = attrs.evolve(_read_level(definition), restart=None)
        nums[num_id] = _Num(
            id=num_id, abstract_id=abstract_id, start_overrides=start_overrides, level_overrides=level_overrides
        )
    return nums


class Numbering:
    """The numbering definitions of a file, with the styles they link to."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        """Read the definitions.

        Args:
            root: the root of ``word/numbering.xml``, or None if the file has none.
            styles: the file's styles (for ``w:numStyleLink`` and ``w:pStyle`` links).
        """
        self._styles = styles
        self._abstracts: dict[int, _Abstract] = {}
        self._nums: dict[int, _Num] = {}
        self._resolved: dict[int, ResolvedList | None] = {}
        # style id → (abstractNumId, ilvl) of the first level whose w:pStyle names it
        self._style_levels: dict[str, tuple[int, int]] = {}
        self._first_num: dict[int, int] = {}  # abstractNumId → its lowest numId
        if root is None:
            return
        self._abstracts = _read_abstracts(root)
        self._nums = _read_nums(root)
        for abstract in self._abstracts.values():
            for ilvl, level in sorted(abstract.levels.items()):
                if level.p_style is not None:
                    self._style_levels.setdefault(level.p_style, (abstract.id, ilvl))
        for num_id in sorted(self._nums, reverse=True):
            self._first_num[self._nums[num_id].abstract_id] = num_id

    def resolve(self, num_id: int) -> ResolvedList | None:
        """The list a numId stands for, numStyleLink followed; None if it names nothing."""
        if num_id in self._resolved:
            return self._resolved[num_id]
        num = self._nums.get(num_id)
        resolved = None
        if num is not None and num.abstract_id in self._abstracts:
            abstract = self._abstracts[num.abstract_id]
            link = None
            for _ in range(_MAX_LINKS):
                if abstract.num_style_link is None:
                    break
                linked_id = self._styles.numbering_style_num(abstract.num_style_link)
                linked = self._nums.get(linked_id) if linked_id is not None else None
                if linked is None or linked.abstract_id not in self._abstracts or linked.abstract_id == abstract.id:
                    break
                link, abstract = linked, self._abstracts[linked.abstract_id]
            resolved = ResolvedList(num=num, abstract=abstract, link=link)
        self._resolved[num_id] = resolved
        return resolved

    def paragraph_list(
        self, num_id: int | None, ilvl: int | None, style_id: str | None, style: StyleInfo
    ) -> tuple[int, int] | None:
        """The (numId, ilvl) a paragraph is numbered with, or None if it is not numbered.

        Args:
            num_id: the paragraph's own ``w:numPr/w:numId``, if any.
            ilvl: the paragraph's own ``w:numPr/w:ilvl``, if any.
            style_id: the paragraph's ``w:pStyle`` (None for the default style).
            style: that style's resolved properties.

        Returns:
            The list instance and level, or None.
        """
        if num_id is None:
            num_id = style.num_id
        if ilvl is None:
            ilvl = style.ilvl
        linked = self._style_levels.get(style_id) if style_id is not None else None
        if num_id is None and linked is not None:
            num_id = self._first_num.get(linked[0])
        if not num_id:
            return None
        resolved = self.resolve(num_id)
        if resolved is None:
            return None
        if ilvl is None:
            in_this_list = linked is not None and linked[0] in (resolved.num.abstract_id, resolved.abstract.id)
            ilvl = linked[1] if linked is not None and in_this_list else 0
        if resolved.abstract.single:
            ilvl = 0
        return num_id, min(max(ilvl, 0), LEVELS - 1)

    def counter(self, unknown: Callable[[str], None]) -> ListCounter:
        """A fresh set of counters (one per story: the body, each header, the notes).

        Args:
            unknown: called with the name of each numFmt this reader cannot write.
        """
        return ListCounter(self, unknown)


class ListCounter:
    """The running counters of the lists of one story, and the labels they draw."""

    def __init__(self, numbering: Numbering, unknown: Callable[[str], None]) -> None:
        self._numbering = numbering
        self._unknown = unknown
        self._counters: dict[int, list[int | None]] = {}
        self._overridden: set[tuple[int, int]] = set()

    def next_label(self, num_id: int, ilvl: int) -> Label | None:
        """Count one paragraph of a list and draw its label.

        Args:
            num_id: the paragraph's numId (from :meth:`Numbering.paragraph_list`).
            ilvl: its level.

        Returns:
            The label, or None if the list or level is not defined.
        """
        resolved = self._numbering.resolve(num_id)
        if resolved is None:
            return None
        level = resolved.level(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(resolved.abstract.id, [None] * LEVELS)
        override = resolved.start_override(ilvl)
        key = (num_id, ilvl)
        current = counters[ilvl]
        if override is not None and key not in self._overridden:
            self._overridden.add(key)
            counters[ilvl] = override
        elif current is None:
            counters[ilvl] = override if override is not None else level.start
        else:
            counters[ilvl] = current + 1
        for deeper in range(ilvl + 1, LEVELS):
            definition = resolved.abstract.levels.get(deeper)
            restart = definition.restart if definition is not None and definition.restart is not None else deeper
            if ilvl < restart:
                counters[deeper] = None
        return Label(text=self._draw(resolved, level, ilvl, counters), suffix=level.suffix, bold=level.bold)

    def _draw(self, resolved: ResolvedList, level: Level, ilvl: int, counters: list[int | None]) -> str:
        template = level.text or ""
        if level.num_fmt == "bullet":
            return template

        def value(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            if at > ilvl:
                return ""
            definition = resolved.level(at) or Level()
            if definition.num_fmt == "none":
                return ""
            count = counters[at]
            if count is None:
                override = resolved.start_override(at)
                count = override if override is not None else definition.start
            num_fmt, custom = definition.num_fmt, definition.custom
            if level.is_lgl and num_fmt != "decimalZero":
                num_fmt, custom = "decimal", None
            written = format_number(count, num_fmt, custom)
            if written is None:
                self._unknown(num_fmt if num_fmt != "custom" else f"custom ({custom})")
                written = str(count)
            return written

        return _PLACEHOLDER.sub(value, template)
