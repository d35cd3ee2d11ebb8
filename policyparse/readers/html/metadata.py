"""Reader stage (HTML): a page's metadata grid or list (索引号, 发文字号, 成文日期 …) → labelled values and Facts.

Government sites state a document's facts beside it, as ``label：value`` pairs: gov.cn in a
table of four columns (「<b>索 引 号：</b>」 in one cell, the value in the next), provincial
sites in lists (``<li><span>索引号：</span>113700…</li>``) or ``<dl>`` (``dt`` label, ``dd``
value). Labels may be letter-spaced with spaces or U+3000 (「标　　题：」) and end with ``：``
or ``:``. A row is a metadata row only if every cell with text is a label or the value after
one, so a document's own table (「序号 | 名称 | 文号」) is not taken for one. The values
become :class:`~policyparse.readers.reading.Fact` records; dates are given as ISO dates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from policyparse._meta import iso_date
from policyparse.readers.html.blocks import Line
from policyparse.readers.reading import Fact

__all__ = ["Entry", "Pair", "find_metadata", "metadata_facts"]

# Each field with its labels, the preferred label first: the date is 成文日期 before 发文日期.
FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("title", ("标题", "名称", "文件名称", "文件标题", "题名")),
    ("doc_number", ("发文字号", "文号", "发文号", "文件编号", "发文文号", "文件字号", "文件文号")),
    ("date", ("成文日期", "发文日期", "印发日期", "生成日期", "成文时间", "发文时间")),
    ("published", ("发布日期", "公布日期", "发布时间", "公开日期", "公开时间")),
    ("issuers", ("发文机关", "发布机构", "发文单位", "发布机关", "发文机构", "制发机关", "发布单位", "公开责任部门")),
    ("index_number", ("索引号",)),
    ("subject", ("主题分类", "内容分类")),
    ("genre", ("体裁分类", "公文种类", "文种")),
    ("category", ("组配分类", "信息类别", "信息分类")),
    ("keywords", ("主题词", "关键词")),
    ("validity", ("有效性", "效力状态", "时效性", "时效")),
    ("effective", ("施行日期", "实施日期", "生效日期", "生效时间")),
    ("expires", ("失效日期", "废止日期", "有效期至")),
)
_DATE_FIELDS = frozenset({"date", "published", "effective", "expires"})
# Labels of a metadata list that name no fact (provincial 信息公开 lists).
_LIST_LABELS = ("服务对象", "公开方式", "公开范围", "公开时限", "公开形式", "所属机构", "文件类型")
# The site's own notes that share a line with metadata (「发布时间：… 来源：… 浏览次数：…」): they end
# the value before them, but alone they make no metadata line (that is site chrome).
_NOTE_LABELS = (
    "信息来源", "来源", "文章来源", "作者", "浏览次数", "点击数", "点击量", "访问量", "阅读次数", "责任编辑", "编辑",
    "字号", "字体", "审核", "发布人", "分享到",
)
_FIELD_OF = {label: field for field, labels in FIELDS for label in labels}
_PRIORITY = {label: rank for _, labels in FIELDS for rank, label in enumerate(labels)}
_METADATA_LABELS = frozenset({*_FIELD_OF, *_LIST_LABELS})
_ALL_LABELS = frozenset({*_METADATA_LABELS, *_NOTE_LABELS})
# Letter-spacing between a label's characters: any space (NBSP, &emsp;, U+3000 …).
_GAP = r"\s*"
_LABEL = re.compile(
    "(?P<label>"
    + "|".join(_GAP.join(map(re.escape, label)) for label in sorted(_ALL_LABELS, key=len, reverse=True))
    + f"){_GAP}[:：]"
)
_SPACES = re.compile(r"\s+")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NUMERIC_DATE = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_YMD_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# What may stand before a value's end and is not part of it: 「发布时间：2023-01-01 【字体：大 中 小】」.
_VALUE_TRAILERS = " \t\u00a0\u3000【[（(|｜"


@attrs.frozen(kw_only=True)
class Pair:
    """A label and where its value stands in the line's text (``start == end``: no value)."""

    label: str
    start: int
    end: int


@attrs.frozen(kw_only=True)
class Entry:
    """A metadata line: its pairs, and how it holds them.

    ``kind`` is ``row`` (a table row of label and value cells), ``list`` (``label：value`` text),
    ``label`` (a label alone, its value on the next line) or ``value`` (that next line).
    """

    kind: str
    pairs: tuple[Pair, ...]


def find_metadata(lines: Sequence[Line]) -> dict[int, Entry]:
    """Find the metadata lines of a page.

    Args:
        lines: the page's lines in reading order.

    Returns:
        The metadata lines by index, each with its label/value pairs.
    """
    found: dict[int, Entry] = {}
    pending: str | None = None  # a label alone on the line before
    previous: Line | None = None
    for index, line in enumerate(lines):
        text = line.text
        if not text.strip():
            continue
        if line.cells:
            pairs = _row_pairs(line.cell_texts, [cell.start for cell in line.cells])
            if _names_metadata(pairs):
                found[index] = Entry(kind="row", pairs=pairs)
            pending = None
            continue
        label = _label_alone(text, colon_needed=line.tag != "dt")
        if label is not None and label in _METADATA_LABELS:
            found[index] = Entry(kind="label", pairs=(Pair(label=label, start=len(text), end=len(text)),))
            pending, previous = label, line
            continue
        pairs = _text_pairs(text)
        if _names_metadata(pairs):
            found[index] = Entry(kind="list", pairs=pairs)
        elif pending is not None and previous is not None and _holds_value(previous, line):
            start, end = _trimmed(text, 0, len(text))
            found[index] = Entry(kind="value", pairs=(Pair(label=pending, start=start, end=end),))
        pending = None
    return found


def _holds_value(label: Line, line: Line) -> bool:
    """Whether the line after a label alone is its value: a ``dd``, or a sibling of the label's element.

    An empty 「主题词：」 that ends a list is not followed by its value but by what comes next
    (the document's ``h1``), in another element.
    """
    if line.tag == "dd":
        return True
    return line.tag not in _HEADING_TAGS and line.element.getparent() is label.element.getparent()


def metadata_facts(lines: Sequence[Line], entries: Mapping[int, Entry], blocks: Mapping[int, int]) -> list[Fact]:
    """The facts of the metadata lines that became blocks: one per field, by label priority.

    Args:
        lines: the page's lines.
        entries: the metadata lines to read (those whose role is METADATA).
        blocks: each line's index among the reading's blocks.

    Returns:
        The facts in reading order; a field stated twice keeps its preferred label
        (成文日期 before 发文日期), then its first statement. An empty value, or a date that
        is not a date, gives no fact.
    """
    chosen: dict[str, tuple[tuple[int, int], Fact]] = {}
    order = 0
    for index in sorted(entries):
        text = lines[index].text
        for pair in entries[index].pairs:
            order += 1
            field = _FIELD_OF.get(pair.label)
            if field is None or pair.start == pair.end:
                continue
            value = text[pair.start : pair.end]
            if field in _DATE_FIELDS:
                iso = _iso(value)
                if iso is None:
                    continue
                value = iso
            key = (_PRIORITY[pair.label], order)
            if field in chosen and chosen[field][0] <= key:
                continue
            fact = Fact(
                field=field, value=value, block=blocks[index], start=pair.start, end=pair.end, source="metadata-table"
            )
            chosen[field] = (key, fact)
    return sorted((fact for _, fact in chosen.values()), key=lambda fact: (fact.block or 0, fact.start))


def _names_metadata(pairs: Sequence[Pair]) -> bool:
    """Whether some pair's label is a metadata label, not only the site's notes."""
    return any(pair.label in _METADATA_LABELS for pair in pairs)


def _row_pairs(cells: Sequence[str], starts: Sequence[int]) -> tuple[Pair, ...]:
    """A row's pairs, if every cell with text is a label, the value after a label, or ``label：value`` text."""
    pairs: list[Pair] = []
    explicit = False  # some label ends with a colon or a value stands: not a header row of a data table
    position = 0
    while position < len(cells):
        cell = cells[position]
        if not cell.strip():
            position += 1
            continue
        label = _label_alone(cell, colon_needed=False)
        if label is not None:
            explicit = explicit or cell.rstrip().endswith((":", "："))
            following = position + 1
            if following < len(cells) and _label_alone(cells[following], colon_needed=False) is None:
                start, end = _trimmed(cells[following], 0, len(cells[following]))
                pairs.append(Pair(label=label, start=starts[following] + start, end=starts[following] + end))
                explicit = explicit or end > start
                position += 2
            else:
                pairs.append(Pair(label=label, start=starts[position] + len(cell), end=starts[position] + len(cell)))
                position += 1
            continue
        inline = _text_pairs(cell)
        if not inline:
            return ()  # a datum that no label announces: a data row
        offset = starts[position]
        pairs.extend(Pair(label=pair.label, start=offset + pair.start, end=offset + pair.end) for pair in inline)
        explicit = True
        position += 1
    return tuple(pairs) if explicit else ()


def _label_alone(text: str, *, colon_needed: bool) -> str | None:
    """The label that is the whole text (「索 引 号：」, 「标　　题:」, or 「文号」 where no colon is needed)."""
    squeezed = _SPACES.sub("", text)
    has_colon = squeezed.endswith((":", "："))
    if colon_needed and not has_colon:
        return None
    label = squeezed.rstrip(":：")
    return label if label in _ALL_LABELS else None


def _text_pairs(text: str) -> tuple[Pair, ...]:
    """``label：value`` pairs of a line that starts with a label; each value runs to the next label."""
    if "：" not in text and ":" not in text:
        return ()
    first = len(text) - len(text.lstrip().lstrip("【[").lstrip())
    if _LABEL.match(text, first) is None:
        return ()
    matches = list(_LABEL.finditer(text, first))
    pairs = []
    for number, match in enumerate(matches):
        end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        start, end = _trimmed(text, match.end(), end)
        pairs.append(Pair(label=_SPACES.sub("", match.group("label")), start=start, end=end))
    return tuple(pairs)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces (and a next label's opening bracket) around the value."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _VALUE_TRAILERS):
        end -= 1
    return start, end


def _iso(value: str) -> str | None:
    """A written date (「2019年01月12日」, 「2019-01-12」, 「2019/1/12 09:30」) as ISO; None if not a date."""
    written = _YMD_DATE.match(value)
    if written is not None:
        return iso_date(written.group())
    numeric = _NUMERIC_DATE.match(value)
    if numeric is None:
        return iso_date(value)  # 「二〇〇五年六月十一日」
    year, month, day = (int(part) for part in numeric.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
