"""Reader stage (HTML): a page's metadata grid or list (索引号, 发文字号, 成文日期 …) → labelled values and Facts.

Government sites state a document's facts beside it, as ``label：value`` pairs: gov.cn in a
table of four columns (「<b>索 引 号：</b>」 in one cell, the value in the next), provincial
sites in lists (``<li><span>索引号：</span>113700…</li>``), in ``<dl>`` (``dt`` label, ``dd``
value), or in bracket lists (「[发文字号] 京科发〔2026〕10号」, 「【成文日期】2026-06-30」). Labels may
be letter-spaced with spaces or U+3000 (「标　　题：」) and end with ``：`` or ``:``.

A row is a metadata row when every cell with text is a label, the value after one, or
``label：value`` text, and the labels this module knows dominate: a label it does not know
(「统一编号」, 「分类：」) is kept when it ends with a colon or stands in the label column of the
row (where the known labels stand), as long as known labels are not fewer. A date alone in the
row's first cell (「2022-05-16 18:17 | 来源：… | 发文机关：…」) is the publishing date. So a
document's own table (「序号 | 名称 | 文号」) is not taken for one. A list line whose only label
is unknown is metadata next to a metadata line of the same list.

The values become :class:`~policyparse.readers.reading.Fact` records, dates as ISO dates;
a label without a field of its own gives a fact named ``label:`` and the label
(``label:统一编号``). 发布机构, 发布单位, 公开责任部门 name the office that published the page
(``publisher``), not the document's issuer (``issuers``: 发文机关, 发文单位, 发文机构, 制发机关).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from policyparse._frame_lines import DATE
from policyparse._meta import iso_date
from policyparse.readers.html.chrome import is_chrome
from policyparse.readers.html.lines import Line
from policyparse.readers.reading import Fact

__all__ = ["DATE_ALONE", "LABEL_FIELD", "Entry", "Pair", "bare_date", "find_metadata", "metadata_facts"]

# Each field with its labels, the preferred label first: the date is 成文日期 before 发文日期.
FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("title", ("标题", "名称", "文件名称", "文件标题", "题名")),
    ("doc_number", ("发文字号", "文号", "发文号", "文件编号", "发文文号", "文件字号", "文件文号")),
    ("date", ("成文日期", "发文日期", "印发日期", "生成日期", "成文时间", "发文时间")),
    ("published", ("发布日期", "公布日期", "发布时间", "公开日期", "公开时间")),
    # 发文机构 says 发文 (issued), as 发文机关 does; 发布 (published) names the site's office.
    ("issuers", ("发文机关", "发文单位", "发文机构", "制发机关")),
    ("publisher", ("发布机构", "发布单位", "公开责任部门", "发布机关")),
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
# A label this module does not know: two to eight Chinese characters, letter-spacing allowed.
_UNKNOWN_LABEL = re.compile(r"[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,7}")
_UNKNOWN_COLON_LABEL = re.compile(rf"[\s【\[]*(?P<label>{_UNKNOWN_LABEL.pattern})\s*[:：]")
# 「[发文字号] 京科发〔2026〕10号」, 「【成文日期】2026-06-30」: a bracketed label opening the line.
_BRACKET_LABEL = re.compile(r"\s*[\[【]\s*(?P<label>[^\[\]【】]{2,12}?)\s*[\]】]")
# A field name for a label without one of its own.
LABEL_FIELD = "label:"
_SPACES = re.compile(r"\s+")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The grammar's DATE reads dates as documents write them (「2019年1月12日」, 「二〇〇五年六月十一日」);
# pages' metadata also write them with dashes, slashes or dots, which no document line does.
_NUMERIC_DATE = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_TIME = r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
# A date alone, as a site writes a publishing time: 「2022-05-16 18:17」, 「2024/5/13 14:34:28」,
# 「2019年1月12日」; DATE_ALONE is its pattern for other patterns to build on.
_BARE_DATE = re.compile(_NUMERIC_DATE.pattern + _TIME)
DATE_ALONE = rf"(?:{_NUMERIC_DATE.pattern}|{DATE.pattern}){_TIME}"
_BARE_WRITTEN_DATE = re.compile(DATE_ALONE)
_FIRST_PRIORITY = 99  # a label's rank for a field that no label of FIELDS names
# An unknown label's value is short and no sentence.
_LONGEST_VALUE = 40
_SENTENCE_MARKS = frozenset("。；，！？")
# What may stand before a value's end and is not part of it: 「发布时间：2023-01-01 【字体：大 中 小】」.
_VALUE_TRAILERS = " \t\u00a0\u3000【[（(|｜"


@attrs.frozen(kw_only=True)
class Pair:
    """A label and where its value stands in the line's text (``start == end``: no value).

    ``field`` is the fact it gives: a field of :data:`FIELDS`, ``label:`` and the label for a
    label without a field, or None for the site's notes (来源, 浏览次数 …). ``known`` is False
    for a label this module does not know.
    """

    label: str
    start: int
    end: int
    field: str | None = None
    known: bool = True

    @classmethod
    def of(cls, label: str, start: int, end: int, *, known: bool = True) -> Pair:
        """A pair whose field follows from its label."""
        field = _FIELD_OF.get(label)
        if field is None and label not in _NOTE_LABELS:
            field = LABEL_FIELD + label
        return cls(label=label, start=start, end=end, field=field, known=known)


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
    unknown: dict[int, tuple[Pair, ...]] = {}  # list lines whose labels are all unknown
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
            found[index] = Entry(kind="label", pairs=(Pair.of(label, len(text), len(text)),))
            pending, previous = label, line
            continue
        pairs = _text_pairs(text) or _bracket_pairs(text)
        if _names_metadata(pairs):
            found[index] = Entry(kind="list", pairs=pairs)
        elif pending is not None and previous is not None and _holds_value(previous, line):
            start, end = _trimmed(text, 0, len(text))
            found[index] = Entry(kind="value", pairs=(Pair.of(pending, start, end),))
        else:
            pairs = pairs or _unknown_pairs(text)
            if pairs and not any(pair.known for pair in pairs) and not is_chrome(text):
                unknown[index] = pairs
        pending = None
    _join_lists(lines, found, unknown)
    return found


def _join_lists(lines: Sequence[Line], found: dict[int, Entry], unknown: Mapping[int, tuple[Pair, ...]]) -> None:
    """Add the lines of unknown labels that stand in a metadata list: next to a list line, same parent."""
    if not unknown:
        return
    visible = [index for index, line in enumerate(lines) if line.text.strip()]
    place = {index: number for number, index in enumerate(visible)}
    added = True
    while added:
        added = False
        for index, pairs in unknown.items():
            if index in found:
                continue
            number = place[index]
            neighbours = [visible[n] for n in (number - 1, number + 1) if 0 <= n < len(visible)]
            parent = lines[index].element.getparent()
            if any(
                n in found and found[n].kind == "list" and lines[n].element.getparent() is parent for n in neighbours
            ):
                found[index] = Entry(kind="list", pairs=pairs)
                added = True


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
            field = pair.field
            if field is None or pair.start == pair.end:
                continue
            value = text[pair.start : pair.end]
            if field in _DATE_FIELDS:
                iso = _iso(value)
                if iso is None:
                    continue
                value = iso
            key = (_PRIORITY.get(pair.label, _FIRST_PRIORITY), order)
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
    """A row's pairs, if every cell with text is a label, the value after a label, or ``label：value`` text.

    An unknown label is kept when it ends with a colon or stands in the row's label column
    (every known label's cell has the same parity); known metadata labels must be at least as
    many as unknown ones. A date alone in the first cell with text is the publishing date.
    """
    labels = [_cell_label(cell) for cell in cells]
    parity = {position % 2 for position, label in enumerate(labels) if label is not None and label[1]}
    pairs: list[Pair] = []
    explicit = False  # some label ends with a colon or a value stands: not a header row of a data table
    known = unknown = 0
    position = 0
    first = True
    while position < len(cells):
        cell = cells[position]
        if not cell.strip():
            position += 1
            continue
        opening, first = first, False
        label = labels[position]
        colon = cell.rstrip().endswith((":", "："))
        if label is not None and not label[1] and not colon and not (len(parity) == 1 and position % 2 in parity):
            label = None  # an unknown word outside the label column is a datum
        if label is not None:
            name, is_known = label
            if is_known:
                known += name in _METADATA_LABELS
            else:
                unknown += 1
            explicit = explicit or colon
            following = position + 1
            if following < len(cells) and not _strong(labels[following], cells[following]):
                start, end = _trimmed(cells[following], 0, len(cells[following]))
                pairs.append(Pair.of(name, starts[following] + start, starts[following] + end, known=is_known))
                explicit = explicit or end > start
                position += 2
            else:
                end = starts[position] + len(cell)
                pairs.append(Pair.of(name, end, end, known=is_known))
                position += 1
            continue
        if opening and bare_date(cell) is not None:
            start, end = _trimmed(cell, 0, len(cell))
            pairs.append(Pair(label="", start=starts[position] + start, end=starts[position] + end, field="published"))
            position += 1
            continue
        inline = _text_pairs(cell)
        if not inline:
            return ()  # a datum that no label announces: a data row
        offset = starts[position]
        pairs.extend(Pair.of(pair.label, offset + pair.start, offset + pair.end) for pair in inline)
        known += sum(1 for pair in inline if pair.label in _METADATA_LABELS)
        explicit = True
        position += 1
    return tuple(pairs) if explicit and known >= max(unknown, 1) else ()


def _strong(label: tuple[str, bool] | None, cell: str) -> bool:
    """Whether a cell is a label even after another label: a known one, or one ending with a colon.

    An unknown word without a colon after a label is its value (「发文机关 | 国务院」).
    """
    return label is not None and (label[1] or cell.rstrip().endswith((":", "：")))


def _cell_label(cell: str) -> tuple[str, bool] | None:
    """The label a cell is, with whether it is known: 「发文字号：」 (known), 「统一编号」 (unknown); else None."""
    label = _label_alone(cell, colon_needed=False)
    if label is not None:
        return label, True
    squeezed = _SPACES.sub("", cell).rstrip(":：")
    if _UNKNOWN_LABEL.fullmatch(squeezed) and not is_chrome(cell):
        return squeezed, False
    return None


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
        pairs.append(Pair.of(_SPACES.sub("", match.group("label")), start, end))
    return tuple(pairs)


def _bracket_pairs(text: str) -> tuple[Pair, ...]:
    """The pair of a line that opens with a bracketed label: 「[发文字号] 京科发〔2026〕10号」, 「【有效性】是」."""
    match = _BRACKET_LABEL.match(text)
    if match is None:
        return ()
    label = _SPACES.sub("", match.group("label"))
    known = label in _ALL_LABELS
    if not known and not _UNKNOWN_LABEL.fullmatch(label):
        return ()
    start, end = _trimmed(text, match.end(), len(text))
    return (Pair.of(label, start, end, known=known),)


def _unknown_pairs(text: str) -> tuple[Pair, ...]:
    """The pair of a line that opens with a short label this module does not know: 「统一编号：ZJAC16-…」.

    Its value must stand and be no sentence: 「各区县人民政府：」 is a salutation, 「附件：…」 the
    document's list, 「联系人：张三，电话：…。」 the document's text.
    """
    match = _UNKNOWN_COLON_LABEL.match(text)
    if match is None or match.group("label").startswith("附"):
        return ()
    start, end = _trimmed(text, match.end(), len(text))
    if end == start or end - start > _LONGEST_VALUE or any(char in _SENTENCE_MARKS for char in text[start:end]):
        return ()
    return (Pair.of(_SPACES.sub("", match.group("label")), start, end, known=False),)


def bare_date(text: str, *, written: bool = True) -> str | None:
    """The ISO date of a line that is a date alone, as sites write a publishing time.

    Args:
        text: the line or cell (「2022-05-16 18:17」, 「2024/5/13」, 「2019年1月12日」).
        written: whether a date written with 年月日 counts too.

    Returns:
        The date as ``YYYY-MM-DD``, or None when the text is not a date alone.
    """
    stripped = text.strip()
    if _BARE_DATE.fullmatch(stripped) or (written and _BARE_WRITTEN_DATE.fullmatch(stripped)):
        return _iso(stripped)
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces (and a next label's opening bracket) around the value."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _VALUE_TRAILERS):
        end -= 1
    return start, end


def _iso(value: str) -> str | None:
    """A written date (「2019年01月12日」, 「2019-01-12」, 「2019/1/12 09:30」) as ISO; None if not a date."""
    written = DATE.match(value)
    if written is not None:
        return iso_date(written.group())
    numeric = _NUMERIC_DATE.match(value)
    if numeric is None:
        return None
    year, month, day = (int(part) for part in numeric.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
