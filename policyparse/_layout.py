"""Layout stage: undo what page layout did to the text, before the frame and the parser see it.

A pre-parse pass over the lexer's lines. It never deletes or rewrites text; it marks lines and
records what it found:

* page furniture of PDF and web extractions: page numbers (「— 3 —」) and a running header
  repeated beside them;
* a newspaper page: its parts (articles, photo captions, editor credits), split at
  continuation marks (「（上接第一版）」), datelines (「（新华社北京8月25日电）」) and credits, and
  the part that holds a numbered policy document;
* intrusions into that part: a line copied from another article, or a clause of another
  article glued to the end of a line; they are set aside, with a diagnostic;
* joins: a paragraph broken by the layout (a column break, a page break, a PDF's hard wrap)
  is joined to its continuation; a heading or a title line is never joined to the next one;
* suspicious text at a join (a doubled character, 「确保」 + 「保审定」) or in a section
  (a lowercase English word between Chinese characters, 「碳排放权 and 核证」).
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence

import attrs
import regex

from policyparse._grammar import LAYOUT, NOT_HEADINGS, TEXT, TOC_ENTRY
from policyparse._lexer import Line
from policyparse._titles import SENTENCE_PUNCTUATION
from policyparse._wraps import CLOSING, Wrapping, filled, find_wrapping, heading_number, title_like
from policyparse.model import Diagnostic, Severity, Span
from policyparse.numerals import SMALL_NUMERAL

CONTINUATION_MARK = regex.compile(r"[（(](?:上接|紧接|下转|接|转)第?[\p{Han}0-9]{1,3}版[）)]")
DATELINE = regex.compile(r"[（(][\p{Han}]{2,10}\d{0,2}月?\d{0,2}日?电[）)]")
# 「新华社北京8月25日电（记者 白瀛）」, 人民日报's own 「本报北京8月25日电（记者 …）」, 「本报讯（记者 …）」,
# 「据新华社…电」: the opening of a news item.
DATELINE_OPENING = regex.compile(
    r"(?:据?(?:新华社|中新社|人民日报)[\p{Han}\d]{2,12}电|本报\p{Han}{2,8}\d{1,2}月\d{1,2}日电|本报讯)"
    r"(?:[（(][^）)]{1,20}[）)]|(?=[\s\u3000]|$))"
)
CREDITS = regex.compile(
    rf"(?:[{SMALL_NUMERAL}\d]{{1,3}}版|本版)?(?:责编|责任编辑|版式设计|美术编辑|校对|编辑)[：:][^。，；,;]{{1,40}}"
)
# 「新华社记者 王鹏 摄」 after a photo's caption; 「新华社发」 after a picture or chart of the agency's.
CAPTION = regex.compile(r".{0,60}(?:(?:新华社|本报)?记者\s*\S{2,4}\s*摄|新华社发[）)]?(?:[（(][^）)]{1,20}[）)])?)")
# The dashes and dots around a page number (「— 3 —」, 「- 4 -」, 「·5·」), and the characters a
# line that holds one starts or ends with.
_DASH = "－—–\\-~·"
_NUMBER_EDGE = frozenset("0123456789０１２３４５６７８９—－–-~·页第")
_NUMBER_START = _NUMBER_EDGE | frozenset("Pp")  # and 「Page 3 of 9」
# 「— 3 —」, 「- 4 -」, 「第5页」, 「6/12」, 「第 7 页 共 12 页」, 「第7页/共12页」, 「Page 8 of 12」.
# The runs of spaces are possessive, so that 「1」 and ten thousand spaces stay linear.
PAGE_NUMBER = regex.compile(
    rf"[{_DASH}\s]*+(?:第\s*+|(?i:page)\s*+)?\d{{1,4}}(?:\s*+页)?"
    rf"(?:\s*+(?:[/，,]\s*+共|/|共|(?i:of))\s*+\d{{1,4}}(?:\s*+页)?)?[{_DASH}\s]*+"
)
_DIGITS = regex.compile(r"\d+")
_LETTERS = regex.compile(r"[\p{Han}A-Za-z]{2}")
_SENTENCE_END = "。！？；!?;"
# A page number with text beside it on one line, in a form no sentence uses: 「第3页」, 「— 3 —」, 「3/12」.
_NUMBER_IN_LINE = (
    rf"第\s*+\d{{1,4}}\s*+页(?:\s*+[/，,]?\s*+共\s*+\d{{1,4}}\s*+页)?|[{_DASH}]\s*+\d{{1,4}}\s*+[{_DASH}]"
    r"|\d{1,4}\s*+/\s*+\d{1,4}"
)
_PAGE_NUMBER_IN_LINE = regex.compile(_NUMBER_IN_LINE)
_PAGE_NUMBER_AT_END = regex.compile(rf"(?:{_NUMBER_IN_LINE})$")
_MAX_RUNNING_LINE = 120  # characters: a running footer with its page number (a web page's address, 「1/5」)
_MAX_PAGE_NUMBER = 30  # characters: a longer line is no page number, and is not matched
# A page number that is one even alone: in dashes or dots, or with 页 or a page count.
_LONE_PAGE_NUMBER = regex.compile(rf"[{_DASH}]+\s*\d{{1,4}}\s*[{_DASH}]+|.*(?:页|/|(?i:of)).*")
# Every page mark holds one of these: 版 (「（上接第一版）」, 「版式设计」), 电 (datelines), 讯
# (「本报讯」), 编 or 校 (credits), 摄 or 新华社发 (captions).
_PAGE_MARK_KEY = regex.compile("[版电讯编校摄]|新华社发")
_LOWERCASE_RUN = regex.compile(r"[a-z]{2}")
_LOWERCASE_WORD = regex.compile(r"(?<=\p{Han}[ \u3000]?)[a-z]{2,}(?=[ \u3000]?\p{Han})")
_MIN_INTRUSION = 8
# A newspaper page is a few ten thousand characters; a text far longer is not taken for one,
# and the search for intrusions (which compares each line with the whole page) is skipped.
MAX_PAGE = 200_000


@attrs.define
class SetAsideText:
    """Text kept out of the flow: an intrusion from another article, a repeat, page furniture."""

    span: Span
    reason: str
    line: int


@attrs.define
class PagePart:
    """A run of lines of a newspaper page: ``policy``, ``article``, ``caption``, ``credits``,
    ``mark`` (「（上接第一版）」) or ``dateline``."""

    kind: str
    start: int
    stop: int


@attrs.frozen
class ReaderHints:
    """What a reader (web page, Word file) already knows of the lines it made.

    ``set_aside``: line index → reason, for the lines that are not the document (site
    chrome, a page header, a footnote). ``tables``: the spans of the document's tables, whose
    lines (rows or cells) are paragraphs of the 款 they stand in, never 款 of their own. A
    reader's lines are the file's own paragraphs, so no hard wrap is looked for and no
    paragraph is joined across two of them.
    """

    set_aside: Mapping[int, str]
    tables: tuple[Span, ...] = ()


@attrs.define
class Layout:
    """What the layout stage found, as line indices and spans; ``lines`` is updated."""

    lines: list[Line]
    window: tuple[int, int]
    joins: dict[int, list[int]] = attrs.field(factory=dict)
    set_aside: list[SetAsideText] = attrs.field(factory=list)
    parts: list[PagePart] | None = None
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    tables: tuple[Span, ...] = ()  # a reader's tables: see ReaderHints


def analyse_layout(
    text: str, lines: list[Line], page: bool | None = None, reader: ReaderHints | None = None
) -> Layout:
    """Mark furniture, find a newspaper page's parts, intrusions and joins.

    Args:
        text: the decoded text.
        lines: the lexer's lines (a new list with updated lines is returned in the result).
        page: True or False forces page extraction on or off; None decides from the text.
        reader: what the reader that made the text knows of its lines; None for plain text.
    """
    layout = Layout(lines=list(lines), window=(0, len(lines)), tables=reader.tables if reader else ())
    if reader is not None:
        for index, reason in sorted(reader.set_aside.items()):
            line = layout.lines[index]
            if not line.is_blank:
                _take_out(layout, index, (line.content_start, line.content_end), reason)
    _mark_furniture(text, layout)
    parts = None
    if page is not False and (page or (len(text) <= MAX_PAGE and _looks_like_page(text, layout.lines))):
        parts = _page_parts(text, layout.lines)
    policy = next((p for p in parts or () if p.kind == "policy"), None)
    if parts is not None and policy is not None:
        # A page holding a numbered document; without one the text is the document itself.
        layout.parts = parts
        layout.window = (policy.start, policy.stop)
        if len(text) <= MAX_PAGE:
            _set_aside_intrusions(text, layout, policy)
        _set_aside_repeats(text, layout)
        for part in parts:
            _join_breaks(text, layout, part.start, part.stop, None)
    elif reader is None:
        wrapping = find_wrapping(text, layout.lines)
        if wrapping is not None:
            _join_breaks(text, layout, 0, len(layout.lines), wrapping)
    _flag_lowercase_words(text, layout)
    return layout


# -- furniture ------------------------------------------------------------------------------


def _content(text: str, line: Line) -> str:
    return text[line.content_start : line.content_end]


def _mark_furniture(text: str, layout: Layout) -> None:
    """Page numbers (two or more) and the running header or footer repeated beside them."""
    lines = layout.lines
    numbers = set(_page_numbers(text, lines))
    if not numbers:
        return
    near = {j for i in numbers for j in range(max(0, i - 3), min(len(lines), i + 4))}
    repeated = Counter(_content(text, lines[j]) for j in near if _runs(lines[j]) and j not in numbers)
    # A running header stands beside most page numbers, and it ends no sentence.
    headers = {
        content for content, count in repeated.items()
        if count >= max(2, len(numbers) // 2) and len(content) <= _MAX_RUNNING_LINE and _running_like(content)
    }
    headers |= _headers_beside_few_numbers(text, lines, numbers)
    if len(numbers) == 1:
        # One page break: the short line right after its number heads the next page, unless a
        # first heading follows it (then it titles a document: 「暂行办法」 over 「第一章」). The
        # line before it is a footer only when a page follows: before a last page number, it is
        # the document's own (「（此件公开发布）」).
        (number,) = numbers
        after = _nextfilled(lines, number + 1)
        beyond = _nextfilled(lines, after + 1)
        titles_a_document = _opens_numbering(text, lines, beyond)
        if after < len(lines) and _single_running_line(text, lines[after]) and not titles_a_document:
            headers.add(_content(text, lines[after]))
        before = _previousfilled(lines, number - 1)
        if after < len(lines) and before is not None and _single_running_line(text, lines[before]):
            headers.add(_content(text, lines[before]))
    for i in sorted(near):
        line = lines[i]
        if i in numbers or (filled(line) and _content(text, line) in headers):
            _take_out(layout, i, (line.content_start, line.content_end), "page-furniture")
    _take_out_first_header(text, layout, headers, near)


def _take_out_first_header(text: str, layout: Layout, headers: set[str], near: set[int]) -> None:
    """The running header atop the first page, above the title (a printed web page's site name
    or date and title): set aside when a longer title follows it, or when it is no title at all
    (「2024/3/5 10:23　…」); a first line that only equals the header is the title itself."""
    lines = layout.lines
    first = _nextfilled(lines, 0)
    if first >= len(lines) or first in near or _content(text, lines[first]) not in headers:
        return
    header = _content(text, lines[first])
    following = _nextfilled(lines, first + 1)
    if following >= len(lines):
        return
    title = _content(text, lines[following])
    # A title follows the header (「中国政府网」 over 「国务院关于…」), not a note under it
    # (「（2025年…通过）」 under a title that the header repeats).
    title_follows = lines[following].kind == TEXT and title_like(title) and not title.startswith(("（", "("))
    if not title_like(header) or (title_follows and len(title) > len(header)):
        _take_out(layout, first, (lines[first].content_start, lines[first].content_end), "page-furniture")


def _single_running_line(text: str, line: Line) -> bool:
    """A line that may be the header or footer beside a document's one page number: text,
    shorter than a wrapped line (a line of a wrapped text can hold no mark either), no
    sentence, it names something, and it is no bracketed note."""
    content = _content(text, line)
    return (
        _runs(line) and len(content) < _SHORT_LINE and title_like(content) and _running_like(content)
        and not content.startswith(("（", "("))
    )


def _opens_numbering(text: str, lines: Sequence[Line], index: int) -> bool:
    """A first heading (「第一章」, 「第一条」, 「一、」): what follows a document's title."""
    return index < len(lines) and lines[index].kind not in NOT_HEADINGS and heading_number(text, lines[index]) == 1


def _runs(line: Line) -> bool:
    """A line that may run on every page: text (in a 目录's entries too), not a heading."""
    return line.kind in _RUNNING_KINDS and not line.is_blank


_RUNNING_KINDS = frozenset({TEXT, TOC_ENTRY})


def _headers_beside_few_numbers(text: str, lines: Sequence[Line], numbers: set[int]) -> set[str]:
    """With a page break or two, a running header is a line right beside a page number that
    stands elsewhere too (atop the first page: a printed web page's date and title)."""
    if len(numbers) > 3:
        return set()
    beside = [j for i in numbers for j in (_nextfilled(lines, i + 1), _previousfilled(lines, i - 1))]
    candidates = {
        _content(text, lines[j]) for j in beside
        if j is not None and j < len(lines) and j not in numbers and _runs(lines[j])
    }
    return _repeated(text, lines, {c for c in candidates if len(c) <= _MAX_RUNNING_LINE and _running_like(c)})


def _repeated(text: str, lines: Sequence[Line], contents: set[str]) -> set[str]:
    """Those of ``contents`` that stand on two or more text lines."""
    if not contents:
        return set()
    seen = Counter(_content(text, line) for line in lines if _runs(line) and _content(text, line) in contents)
    return {content for content, count in seen.items() if count >= 2}


def _page_numbers(text: str, lines: Sequence[Line]) -> list[int]:
    """Lines that number pages: 「— 3 —」, 「- 4 -」, 「第5页」 (two or more), or bare 「6」 (three
    or more, or one or two standing alone between paragraphs), their numbers rising.

    Each form (「— # —」, 「#」, 「第 # 页 共 # 页」) is a sequence of its own: a page can carry
    two (the document's 「— 3 —」 and the printer's 「第 1 页 共 9 页」).
    """
    forms: dict[str, list[tuple[int, int]]] = {}
    # Lines with a page number and text, by their text: (line, number, number apart from the text).
    running: dict[str, list[tuple[int, int, bool]]] = {}
    for i, line in enumerate(lines):
        length = line.content_end - line.content_start
        if length == 0 or length > _MAX_RUNNING_LINE or line.kind == LAYOUT:
            continue  # a reader's set-aside line (a Word footer 「— 1 —」) is out already
        if text[line.content_start] not in _NUMBER_START and text[line.content_end - 1] not in _NUMBER_EDGE:
            continue  # most lines: a page number, alone or beside words, starts or ends the line
        content = _content(text, line)
        if length <= _MAX_PAGE_NUMBER and PAGE_NUMBER.fullmatch(content):
            digits = _DIGITS.search(content)
            assert digits is not None
            forms.setdefault(_DIGITS.sub("#", "".join(content.split())), []).append((i, int(digits.group())))
        elif line.kind in _RUNNING_KINDS and (content[0] in _NUMBER_EDGE or content[-1] in _NUMBER_EDGE):
            edge = _page_number_at_edge(content)
            if edge is not None:
                start, end = edge
                digits = _DIGITS.search(content, start, end)
                assert digits is not None
                apart = content[end : end + 1].isspace() or content[start - 1 : start].isspace()
                words = " ".join((content[:start] + "\0" + content[end:]).split())
                running.setdefault(words, []).append((i, int(digits.group()), apart))
    numbers = _running_with_numbers(running)
    for form, found in forms.items():
        rising = [item for k, item in enumerate(found) if k == 0 or item[1] > found[k - 1][1]]
        if form == "#":
            numbers += _bare_page_numbers(text, lines, rising)
        elif len(rising) > 1 or _LONE_PAGE_NUMBER.fullmatch(_content(text, lines[rising[0][0]])):
            numbers += [i for i, _ in rising]  # one is enough only in dashes or with 页: 「— 3 —」, 「第3页」
    return sorted(numbers)


def _bare_page_numbers(text: str, lines: Sequence[Line], rising: list[tuple[int, int]]) -> list[int]:
    """Bare 「6」s: at least five lines apart, three or more, or one or two standing alone."""
    if len(rising) > 1 and min(b - a for (a, _), (b, _) in itertools.pairwise(rising)) < _MIN_PAGE_LINES:
        return []  # numbers a few lines apart are a table's column (序号 1, 2, 3 …), not pages
    if len(rising) < 3:
        return [i for i, number in rising if _lone_bare_page_number(text, lines, i, number)]
    return [i for i, _ in rising]


def _page_number_at_edge(content: str) -> tuple[int, int] | None:
    """Where a page number stands at the start or the end of a line, in a form no sentence uses."""
    tail = len(content) - min(len(content), _MAX_PAGE_NUMBER)
    found = _PAGE_NUMBER_IN_LINE.match(content) or _PAGE_NUMBER_AT_END.search(content, tail)
    if found is None:
        return None
    numbers = [int(digits) for digits in _DIGITS.findall(found.group())]
    if "/" in found.group() and numbers[0] > numbers[-1]:
        return None  # 「2024/12」 is a year and month, not page 2024 of 12
    start, end = found.span()
    return start, end


def _running_with_numbers(running: dict[str, list[tuple[int, int, bool]]]) -> list[int]:
    """A running footer or header with the page number at an end (「国务院公报　第3页」, 「— 3 —　国务院
    公报」, a printed web page's address and 「1/5」): two or more lines with the same words and
    rising page numbers, or one title-like line whose number stands apart (not 「详见第3页」)."""
    found: list[int] = []
    for words, numbered in running.items():
        numbers = [number for _, number, _ in numbered]
        words = words.replace("\0", "")
        if numbers != sorted(set(numbers)) or not _running_like(words):
            continue
        if len(numbered) >= 2 or (numbered[0][2] and title_like(words)):
            found.extend(i for i, _, _ in numbered)
    return found


def _running_like(content: str) -> bool:
    """A running header or footer: it names something (a dated column 「2019-01-05」 does not),
    ends no sentence and asks for nothing (a form's 「填表人：　　联系电话：」)."""
    return content[-1:] not in _SENTENCE_END and "：" not in content and _LETTERS.search(content) is not None


# A page holds at least this many lines: page n is no earlier than line 5 × (n − 1).
_MIN_PAGE_LINES = 5
_SHORT_LINE = 20  # characters: shorter than any wrap width, as a table's cell or a title is


def _lone_bare_page_number(text: str, lines: Sequence[Line], index: int, number: int) -> bool:
    """A bare 「6」 of a text of one or two pages: a page number when it stands between two lines
    of text, late enough for its page, and what follows is no title it could number
    (「6」 + 「总则」) nor another number (a table's column)."""
    previous, following = _previousfilled(lines, index - 1), _nextfilled(lines, index + 1)
    if previous is None or following >= len(lines) or index < _MIN_PAGE_LINES * (number - 1):
        return False
    after, before = _content(text, lines[following]), _content(text, lines[previous])
    if PAGE_NUMBER.fullmatch(after) or before.isdigit() or (title_like(before) and len(before) < _SHORT_LINE):
        return False  # after a short line that closes nothing: a table's heading row, a title
    if lines[following].kind != TEXT or not title_like(after):
        return True
    # A title-like line that stands elsewhere too is a running header (「中国政府网」), no title.
    return bool(_repeated(text, lines, {after}))


def _take_out(layout: Layout, index: int, span: Span, reason: str) -> None:
    line = layout.lines[index]
    if line.kind == LAYOUT:
        return  # set aside already (by a reader, or by an earlier rule): once is enough
    layout.lines[index] = line._replace(kind=LAYOUT)
    layout.set_aside.append(SetAsideText(span=span, reason=reason, line=line.number))


# -- newspaper pages ------------------------------------------------------------------------


def _page_marker(content: str) -> str | None:
    """Which page furniture a line is, if any."""
    if not _PAGE_MARK_KEY.search(content):
        return None  # every mark holds one of its key characters
    if CONTINUATION_MARK.fullmatch(content):
        return "continuation"
    if DATELINE.fullmatch(content):
        return "dateline"
    if CREDITS.fullmatch(content):
        return "credits"
    if CAPTION.fullmatch(content):
        return "caption"
    if DATELINE_OPENING.match(content):
        return "dateline-opening"
    return None


def _looks_like_page(text: str, lines: Sequence[Line]) -> bool:
    """Two or more page marks (continuation, dateline, credits, caption) make a page.

    Only lines that hold a mark's key character (found by one scan of the text) are looked at.
    """
    starts = [line.start for line in lines]
    candidates = sorted({bisect.bisect_right(starts, found.start()) - 1 for found in _PAGE_MARK_KEY.finditer(text)})
    marks = 0
    for i in candidates:
        if filled(lines[i]) and _page_marker(_content(text, lines[i])):
            marks += 1
            if marks >= 2:
                return True
    return False


def _page_parts(text: str, lines: list[Line]) -> list[PagePart]:
    """Cut a page into parts at its marks; the part with the most headings is the policy."""
    cuts: list[tuple[int, str]] = [(0, "article")]
    for i, line in enumerate(lines):
        if not filled(line):
            continue
        mark = _page_marker(_content(text, line))
        if mark in ("continuation", "dateline"):
            # 「（上接第一版）」 and 「（新华社北京8月25日电）」 stand apart from the text they join.
            cuts.append((i, "mark" if mark == "continuation" else "dateline"))
            cuts.append((_nextfilled(lines, i + 1), "article"))
        elif mark == "dateline-opening":
            start = i
            previous = _previousfilled(lines, i - 1)
            if previous is not None and title_like(_content(text, lines[previous])):
                start = previous  # the headline above the dateline
            cuts.append((start, "article"))
        elif mark in ("caption", "credits"):
            cuts.append((i, mark))
            cuts.append((_nextfilled(lines, i + 1), "article"))
        elif _introduces_full_text(_content(text, line)):
            # 「《意见》全文如下：」 ends the news item that introduces a document: the document
            # (its title, number, recipients) starts on the next line.
            cuts.append((_nextfilled(lines, i + 1), "article"))
    parts: list[PagePart] = []
    ordered = sorted({start: kind for start, kind in cuts}.items())
    for (start, kind), following in zip(ordered, [*ordered[1:], (len(lines), "")], strict=True):
        if start < following[0] and any(filled(line) for line in lines[start : following[0]]):
            if parts and parts[-1].kind == kind == "credits":
                parts[-1].stop = following[0]
            else:
                parts.append(PagePart(kind=kind, start=start, stop=following[0]))
    headings = [sum(lines[i].kind not in NOT_HEADINGS for i in range(p.start, p.stop)) for p in parts]
    if parts and max(headings) >= 3:
        parts[headings.index(max(headings))].kind = "policy"
    return parts


def _introduces_full_text(content: str) -> bool:
    """「《意见》全文如下：」, 「（全文如下）」: the next line starts the full text of a document."""
    return content.rstrip("：:。）)").endswith("全文如下")


def _nextfilled(lines: Sequence[Line], i: int) -> int:
    while i < len(lines) and not filled(lines[i]):
        i += 1
    return i


def _previousfilled(lines: Sequence[Line], i: int) -> int | None:
    while i >= 0 and not filled(lines[i]):
        i -= 1
    return i if i >= 0 else None


def _set_aside_intrusions(text: str, layout: Layout, policy: PagePart) -> None:
    """Lines of another article inside the policy part, whole or glued to a line's end."""
    lines = layout.lines
    elsewhere = [
        _content(text, line) for i, line in enumerate(lines)
        if filled(line) and not policy.start <= i < policy.stop
    ]
    others = "\n".join(elsewhere)
    copies = set(elsewhere)
    for i in range(policy.start, policy.stop):
        line = lines[i]
        if not filled(line):
            continue
        content = _content(text, line)
        if line.kind in NOT_HEADINGS and len(content) >= _MIN_INTRUSION and content in copies:
            _take_out(layout, i, (line.content_start, line.content_end), "intrusion")
            note = _intrusion_note(line, line.content_start, content, "a copy of a line of another article")
            layout.diagnostics.append(note)
            continue
        # Only text after a heading's label can be glued on, and some of it must stay.
        following = _nextfilled(lines, i + 1)
        next_line = _content(text, lines[following]) if following < policy.stop else ""
        glued = _glued_suffix(content, others, next_line, first=line.rest_start - line.content_start + 1)
        if glued:
            cut = line.content_end - len(glued)
            lines[i] = line._replace(content_end=cut)
            layout.set_aside.append(SetAsideText(span=(cut, line.content_end), reason="intrusion", line=line.number))
            note = _intrusion_note(line, cut, glued, "a clause of another article glued to this line")
            layout.diagnostics.append(note)


def _glued_suffix(content: str, others: str, next_line: str = "", first: int = 1) -> str:
    """The longest end of ``content``, from ``first`` on, found in another article, glued on
    mid-word: a whole clause (it ends with a mark: 。，；…) after a word cut short (a letter or digit
    before it, not a mark). A news item that quotes the document is no intrusion: a title's
    end (no mark), a sentence after a comma, or a clause the item goes on with as the document's
    next line does."""
    best = ""
    for start in range(len(content) - _MIN_INTRUSION, max(first, 1) - 1, -1):
        candidate = content[start:]
        if candidate not in others:
            break
        best = candidate
    end = best.rstrip(_CLOSING_QUOTES)[-1:]
    if not end or end not in _CLAUSE_END or not content[len(content) - len(best) - 1].isalnum():
        return ""
    after = others.find(best) + len(best)
    goes_on = others[after : after + _QUOTE_CONTEXT]
    if len(goes_on) == _QUOTE_CONTEXT and "\n" not in goes_on and next_line.startswith(goes_on):
        return ""  # the other article quotes this line and the next one
    return best


# Characters after a quoted clause that, found at the next line's start too, make it a quote.
_QUOTE_CONTEXT = 4


_CLOSING_QUOTES = "”’」』）)"
_CLAUSE_END = "。！？!?；;…，,、：:"


def _intrusion_note(line: Line, start: int, quoted: str, what: str) -> Diagnostic:
    return Diagnostic(
        code="set-aside-intrusion", severity=Severity.WARNING,
        message=f"「{quoted}」 is {what}; set aside from the text",
        line=line.number, span=(start, start + len(quoted)),
    )


def _set_aside_repeats(text: str, layout: Layout) -> None:
    """A line that repeats an earlier line of its part, whole or cut short, before the credits."""
    assert layout.parts is not None
    for part in layout.parts:
        if part.kind != "article":
            continue
        seen: list[str] = []  # sorted: an earlier line that starts with this one sorts right after it
        for i in range(part.start, part.stop):
            line = layout.lines[i]
            if not filled(line):
                continue
            content = _content(text, line)
            k = bisect.bisect_left(seen, content)
            if len(content) >= 2 * _MIN_INTRUSION and k < len(seen) and seen[k].startswith(content):
                _take_out(layout, i, (line.content_start, line.content_end), "repeat")
                what = "a repeat of an earlier line of the same article"
                layout.diagnostics.append(_intrusion_note(line, line.content_start, content, what))
                continue
            seen.insert(k, content)


# -- joins ----------------------------------------------------------------------------------


def _join_breaks(text: str, layout: Layout, start: int, stop: int, wrapping: Wrapping | None) -> None:
    """Join each paragraph that the layout broke to its continuation.

    A page (``wrapping`` None) joins across blank lines a paragraph that ends without closing
    punctuation; a hard-wrapped text joins a full-width line to the next line.
    """
    lines = layout.lines
    text_lines = [line for line in lines[start:stop] if filled(line)]
    indented = sum(line.content_start > line.start for line in text_lines)
    # Paragraphs that open indented while their wrapped lines do not: the indent ends a paragraph.
    indented_starts = bool(text_lines) and 0.05 <= indented / len(text_lines) <= 0.6
    last_values: dict[str, int] = {}
    i = _nextfilled(lines, start)
    while i < stop:
        head = i
        if lines[head].kind not in NOT_HEADINGS and (value := heading_number(text, lines[head])) is not None:
            last_values[lines[head].kind] = value
        chain: list[int] = []
        while True:
            last = lines[chain[-1] if chain else head]
            following = _nextfilled(lines, (chain[-1] if chain else head) + 1)
            if following >= stop:
                break
            if not _continues(text, last, lines[following], wrapping, is_head=not chain, head=lines[head],
                              last_values=last_values):
                break
            between = range((chain[-1] if chain else head) + 1, following)
            if wrapping is not None and wrapping.gaps.end_paragraph(lines[between.start : between.stop]):
                break  # a blank line ends a wrapped paragraph, unless the layout puts it everywhere
            if wrapping is not None and indented_starts and lines[following].content_start > lines[following].start:
                break  # so does an indented line, where paragraphs open indented (「　　」)
            chain.append(following)
        if chain:
            layout.joins[head] = chain
            for k in chain:
                lines[k] = lines[k]._replace(kind=LAYOUT)
            _note_join(text, layout, lines[head], [lines[k] for k in chain], page=wrapping is None)
            i = _nextfilled(lines, chain[-1] + 1)
        else:
            i = _nextfilled(lines, head + 1)


def _continues(
    text: str, line: Line, following: Line, wrapping: Wrapping | None, is_head: bool, head: Line,
    last_values: dict[str, int],
) -> bool:
    """Whether ``following`` goes on the paragraph that ``line`` (from ``head``) breaks: across
    a page's layout break, or, in a hard-wrapped text, by the rules of ``_wraps``."""
    content = _content(text, line)
    if not content or _page_marker(content) or _page_marker(_content(text, following)):
        return False
    if wrapping is not None:
        return wrapping.continues(text, line, following, head, last_values)
    if following.kind not in NOT_HEADINGS:
        return False
    if content[-1] in CLOSING:
        return False
    # A heading whose rest is a short title, or a headline (no sentence punctuation at all),
    # stands on its own.
    rest = (text[head.rest_start : line.content_end] if is_head else content).strip()
    return not title_like(rest) and bool(SENTENCE_PUNCTUATION.search(rest))


def _note_join(text: str, layout: Layout, head: Line, chain: list[Line], page: bool) -> None:
    previous = head
    for line in chain:
        before = text[previous.content_end - 1 : previous.content_end]
        after = text[line.content_start : line.content_start + 1]
        if page:
            layout.diagnostics.append(
                Diagnostic(
                    code="joined-across-layout", severity=Severity.INFO,
                    message=f"line {previous.number} ends mid-sentence; joined to line {line.number}",
                    line=line.number, span=(line.content_start, line.content_end),
                )
            )
        if before == after and regex.match(r"\p{Han}", before):
            layout.diagnostics.append(
                Diagnostic(
                    code="suspicious-text", severity=Severity.WARNING,
                    message=f"「{before}{after}」: a doubled character where lines {previous.number} and "
                            f"{line.number} join (this one and the first of line {line.number}); "
                            "the layout may have repeated it",
                    line=previous.number, span=(previous.content_end - 1, previous.content_end),
                )
            )
        previous = line


def _flag_lowercase_words(text: str, layout: Layout) -> None:
    """A lowercase English word between Chinese characters (「碳排放权 and 核证」) is suspicious."""
    start, stop = layout.window
    if start >= stop or not _LOWERCASE_RUN.search(text, layout.lines[start].start, layout.lines[stop - 1].end):
        return  # one scan of the text finds no lowercase word at all
    for line in layout.lines[start:stop]:
        if line.is_blank or line.kind == LAYOUT:
            continue
        for found in _LOWERCASE_WORD.finditer(text, line.content_start, line.content_end):
            layout.diagnostics.append(
                Diagnostic(
                    code="suspicious-text", severity=Severity.WARNING,
                    message=f"「{found.group()}」: a lowercase English word inside Chinese text",
                    line=line.number, span=found.span(),
                )
            )
