"""References stage: the citations in a paragraph's text, as written (issue 15).

A citation is a chain of units, each one level of a statute: 第X编/章/节, 第X条 (之Y), 第N款,
第（M）项 or 第M项, 第M目, or a relative unit: 前款, 前两款, 本款, 本条, 前条, 前项, 本项. A chain may
name its document first: 《中华人民共和国刑法》, a short name (刑法, 民法典, 某某条例), or 本法,
本条例 …. Chains joined by 、 和 及 或者 (a list) or 至 (a range) continue the one before: 「第三十九条
第一款第一项、第二项」 is two citations, the second of item 2 of the same 款.

This module only reads the text; :mod:`policyparse._references` resolves what it finds to
sections.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from policyparse.numerals import label_value

_NUMBER = r"(?:[零〇一二三四五六七八九十百千两]+|[0-9]+)"
# One unit of a chain; the group name is its level.
_UNITS = (
    rf"第(?P<book>{_NUMBER})编",
    rf"第(?P<chapter>{_NUMBER})章",
    rf"第(?P<part>{_NUMBER})节",
    rf"第(?P<article>{_NUMBER})条(?:之(?P<sub>{_NUMBER}))?",
    rf"第(?P<clause>{_NUMBER})款",
    rf"第(?:[（(](?P<item>{_NUMBER})[）)]|(?P<item_bare>{_NUMBER}))项",
    rf"第(?P<subitem>{_NUMBER})目",
    r"(?P<previous_clauses>前[两二三四五六七八九]?款)",
    r"(?P<this_clause>本款)",
    r"(?P<this_article>本条)(?![例款件文])",
    r"(?P<previous_article>前条)",
    r"(?P<previous_item>前项)",
    r"(?P<this_item>本项)",
)
# What names this document: 本 and the last character(s) of its kind of title.
_THIS_DOCUMENT = r"本(?P<own>法典|法|条例|规定|办法|细则|规则|决定|解释|准则|章程|实施细则|通知|意见|规范)"
# A title in 《》, with the cited document's number or date in brackets after it, if any:
# 「《上海市城市更新规划土地实施细则（试行）》（沪规划资源详〔2022〕506号）第十二条」.
_CITED = r"《(?P<cited>[^《》\n]{1,80})》(?:[ \u3000]*[（(][^（()）\n]{1,40}[）)])?[ \u3000]*"
# A chain: units only, each unit starting with 第, 前 or 本 (so that 第十次会议 is none).
_CHAIN = regex.compile(
    # (?=…): every chain starts with one of these; the test makes the scan twice as fast.
    rf"(?=[《本第前])(?:{_CITED}|{_THIS_DOCUMENT})?(?P<chain>(?:{'|'.join(f'(?:{unit})' for unit in _UNITS)})+)"
)
_UNIT = regex.compile("|".join(_UNITS))
# A short name before a chain: a run of Han characters ending in 法, 法典 or 条例 (刑法第十条).
_SHORT_NAME = regex.compile(r"(?P<name>\p{Han}{1,20}?(?:法典|法|条例))$")
# Where the words before a short name end (依照刑法 → 刑法; 用工单位应当履行劳动合同法 → 劳动合同法):
# the last of these words, or of these characters, that no law's short name holds (对 and 有
# are in 对外贸易法 and 企业国有资产法, 应 in 突发事件应对法, 可 in 行政许可法, 据 in 数据安全法,
# 和 in 中华人民共和国: not these).
_BEFORE_NAME = regex.compile(
    r".*(?:依照|按照|根据|依据|违反|适用|参照|执行|行使|符合|规定|遵守|对照|援引|引用|以及|或者|应当|履行|不得|"
    r"认定|分别|视为|可以|当事人|单位|劳动者|具备|超出|提交|(?<!国)有|[的在其与及或即并为于是被将把由向从按依属除指])"
)
_MAX_NAME = 20
# Between two chains: a list or a range continues the chain before it.
_LIST = regex.compile(r"(?:、|和|及|以及|或者|或|与)")
_RANGE = "至"
# Words ending in 法 that name no document (依法第五条 is no citation of a law called 依法).
_NOT_NAMES = frozenset(
    ["依法", "合法", "违法", "立法", "司法", "执法", "守法", "方法", "办法", "做法", "说法", "看法", "用法"]
)


class Unit(NamedTuple):
    """One level of a citation: its level name (``article``, ``clause`` …) and number, or a
    relative level (``previous_clauses`` with how many, ``this_article`` …)."""

    level: str
    number: int | None
    sub: int | None = None  # 第三条之一: 1


class Citation(NamedTuple):
    """A citation as written: where it stands in the paragraph, its units, the document it
    names (``cited``: a title in 《》 or a short name; ``own``: 本法 …), and how it continues
    the one before it (``list``, ``range`` or None for a citation that starts afresh)."""

    start: int
    end: int
    units: tuple[Unit, ...]
    cited: str | None
    own: str | None
    joined: str | None


def citations(text: str) -> list[Citation]:
    """The citations in ``text`` (one paragraph), in order."""
    found: list[Citation] = []
    previous_end = -1
    for match in _CHAIN.finditer(text):
        units = _units(match.group("chain"))
        if not units:
            continue
        start = match.start()
        cited = match.group("cited")
        between = text[previous_end : start] if previous_end >= 0 else None
        joined = None
        if between is not None and cited is None and match.group("own") is None:
            if between == _RANGE:
                joined = "range"
            elif _LIST.fullmatch(between):
                joined = "list"
        if cited is None and match.group("own") is None and joined is None:
            short = _short_name(text, max(previous_end, 0), start)
            if short is not None:
                cited, start = short, start - len(short)
        found.append(Citation(start, match.end(), units, cited, match.group("own"), joined))
        previous_end = match.end()
    return found


def _units(chain: str) -> tuple[Unit, ...]:
    units = []
    for match in _UNIT.finditer(chain):
        group = match.lastgroup or ""
        if group == "sub":
            group = "article"
        level = "item" if group == "item_bare" else group
        if level == "previous_clauses":
            count = match.group()[1]
            units.append(Unit(level, 1 if count == "款" else number_of(count)))
        elif group in _NUMBERED:
            number = number_of(match.group(group))
            if number is None:
                return ()  # the shape of a number, but none (第十十条): no citation
            sub = number_of(match.group("sub")) if level == "article" and match.group("sub") else None
            units.append(Unit(level, number, sub))
        else:
            units.append(Unit(level, None))
    return tuple(units)


def number_of(numeral: str) -> int | None:
    """The value of a numeral (六十五, 65), or None if it is none (十十)."""
    try:
        return label_value(numeral)
    except ValueError:
        return None


_NUMBERED = frozenset({"book", "chapter", "part", "article", "clause", "item", "item_bare", "subitem"})


def _short_name(text: str, after: int, start: int) -> str | None:
    """The short name of another document just before ``start`` and after ``after`` (the end
    of the citation before it): 刑法, 民法典, 某某条例; None if there is none."""
    before = text[max(after, start - _MAX_NAME) : start]
    found = _SHORT_NAME.search(before)
    if found is None:
        return None
    name: str = found.group("name")
    trimmed = _BEFORE_NAME.match(name)
    if trimmed is not None:
        name = name[trimmed.end() :]
    name = name.lstrip("和")  # 合同法第三十条和调解仲裁法第十六条: 和 joins, it is no part of a name
    if len(name) < 2 or name.startswith("本") or name in _NOT_NAMES:
        return None
    return name
