"""Frame stage: find the parts of a document around its numbered body, before parsing it.

A pre-parse pass over the lexer's lines. It recognises the GB/T 9704 elements of an official
document (title, 发文字号, 主送机关, signature, 成文日期, notes such as 「（此件公开发布）」, the
附件 list), the header of a LawRefBook Markdown file (``# title``, history lines,
``<!-- INFO END -->``) and of the Shanghai files (YAML front matter, ``>`` notes), and it
cuts the rest into segments: the main text, an embedded document (the 办法 that a notice
印发, after the notice's signature) and attachments (附件1 …). Each segment's body is then
parsed with the grammar on its own. Nothing is removed: every line lands in a segment's
head, body or closing, in the document header, or in the trailer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import regex

from policyparse._frame_lines import (
    ATTACHMENT_HEAD,
    ATTACHMENT_LIST,
    DATE,
    DECREE,
    DOC_NUMBER,
    IMPRINT,
    INFO_END,
    LIST_ENTRY,
    MAX_TITLE_LINE,
    NOTE,
    RECIPIENTS,
    SIGNED,
    URL,
    FrameLines,
)
from policyparse._grammar import Role
from policyparse._lexer import Line
from policyparse.numerals import HAN_DIGITS, HAN_ZEROS

# Cheap tests before the regexes: ATTACHMENT_HEAD starts with 附, and a DATE (and so a SIGNED
# line, which ends with one) ends with 日.
_ATTACHMENT_WORD = "附"
_DATE_END = "日"
# An entry 「附件」 in a 目录 opens nothing.
_CONTENTS_LINES = frozenset({Role.CONTENTS, Role.TOC_ENTRY})
_HEADER_WINDOW = 8


@attrs.define
class Segment:
    """A part of the document: the main text, an embedded document or an attachment.

    ``head`` and ``closing`` are ``(line index, role)`` pairs; ``body`` a range of line indices.
    Roles: title, decree, doc_number, recipients, note, label, issuer, date, attachment_list.
    """

    kind: str  # "main", "embedded" or "attachment"
    label_line: int | None = None
    head: list[tuple[int, str]] = attrs.field(factory=list)
    body: tuple[int, int] = (0, 0)
    closing: list[tuple[int, str]] = attrs.field(factory=list)


@attrs.define
class Frame:
    """The document header, the segments and the trailer, as line indices."""

    header: list[tuple[int, str]]
    segments: list[Segment]
    trailer: list[int]
    front_matter: dict[str, tuple[str, int]]




def find_frame(
    text: str,
    lines: Sequence[Line],
    window: tuple[int, int] | None = None,
    joins: Mapping[int, Sequence[int]] | None = None,
) -> Frame:
    """Return the header, segments and trailer of a document (or of the lines in ``window``);
    ``joins`` are the layout stage's joined lines (head line → its continuations)."""
    view = FrameLines(text, lines, window, joins)
    end = view.end
    header: list[tuple[int, str]] = []
    front_matter: dict[str, tuple[str, int]] = {}
    start = _front_matter(view, header, front_matter) or view.begin
    start = _markdown_header(view, start, header)
    trailer_start = _trailer_start(view, start)
    main = Segment(kind="main")
    start = _official_header(view, start, header)
    segments = [main]
    boundaries = _attachment_heads(view, start, trailer_start)
    main_end = boundaries[0] if boundaries else trailer_start
    embedded_start = _signature_followed_by_text(view, start, main_end)
    if embedded_start is not None:
        main.body = (start, embedded_start)
        embedded = Segment(kind="embedded")
        embedded.body = (embedded_start, main_end)
        segments.append(embedded)
    else:
        main.body = (start, main_end)
    for position, head in enumerate(boundaries):
        attachment = Segment(kind="attachment", label_line=head)
        following = boundaries[position + 1] if position + 1 < len(boundaries) else trailer_start
        attachment.body = (head + 1, following)
        segments.append(attachment)
    segments = [part for segment in segments for part in _split_appended(view, segment)]
    for segment in segments:
        _split_head(view, segment)
        _split_closing(view, segment)
    return Frame(header=header, segments=segments, trailer=list(range(trailer_start, end)),
                 front_matter=front_matter)


def _front_matter(view: FrameLines, header: list[tuple[int, str]], fields: dict[str, tuple[str, int]]) -> int:
    """YAML front matter between two ``---`` lines at the top (the Shanghai files)."""
    top = view.begin
    if top >= view.end or view.raw(top) != "---":
        return 0
    closing = next((i for i in range(top + 1, min(view.end, top + 80)) if view.raw(i) == "---"), None)
    if closing is None:
        return 0
    for i in range(top, closing + 1):
        header.append((i, "front_matter"))
        key, colon, value = view.content(i).partition(":")
        if colon and top < i < closing and value.strip():
            fields[key.strip()] = (value.strip(), i)
    i = closing + 1
    while i < view.end and (view.blank(i) or view.content(i).startswith(">")):
        if not view.blank(i):
            header.append((i, "quote"))
        i += 1
    return i


def _markdown_header(view: FrameLines, start: int, header: list[tuple[int, str]]) -> int:
    """A LawRefBook header: ``# title``, history lines, ``<!-- INFO END -->``."""
    first = view.next_filled(start, view.end)
    if first is None or not view.raw(first).startswith("# "):
        return start
    header.append((first, "title"))
    info_end = next(
        (i for i in range(first + 1, min(view.end, first + 60)) if view.content(i) == INFO_END),
        None,
    )
    if info_end is None:
        return first + 1
    for i in range(first + 1, info_end):
        if not view.blank(i):
            header.append((i, "history"))
    header.append((info_end, "syntax"))
    return info_end + 1


def _official_header(view: FrameLines, start: int, header: list[tuple[int, str]]) -> int:
    """Title lines, 发文字号 and 主送机关 at the top of an official document.

    Without a document number, the first lines are a title only when a bracketed note
    (「（2025年12月30日…通过）」) or a 目录 follows them: a newspaper headline is not a title.
    """
    filled: list[int] = []
    i = start
    while i < view.end and len(filled) < _HEADER_WINDOW:
        if not view.blank(i):
            filled.append(i)
        i += 1
    titles: list[int] = []
    for i in filled:
        if view.full(DOC_NUMBER, i):
            decree = titles.pop() if titles and view.full(DECREE, titles[-1]) else None
            header.extend((t, "title") for t in titles)
            if decree is not None:  # 「中华人民共和国国务院令」 over 「第227号」: the number's organ
                header.append((decree, "decree"))
            header.append((i, "doc_number"))
            after = view.next_filled(i + 1, view.end)
            if after is not None and view.full(RECIPIENTS, after) and not view.heading(after):
                header.append((after, "recipients"))
                return after + 1
            return i + 1
        if not _plain_title(view, i) or len(titles) == 3:
            break
        titles.append(i)
    if titles and len(titles) <= 2:
        after = view.next_filled(titles[-1] + 1, view.end)
        if after is not None:
            notes = _bracket_group(view, after)
            if notes or view.lines[after].kind == Role.CONTENTS:
                header.extend((t, "title") for t in titles)
                header.extend((n, "note") for n in notes)
                return (notes[-1] if notes else titles[-1]) + 1
    return start


def _bracket_group(view: FrameLines, i: int, stop: int | None = None) -> list[int]:
    """A bracketed remark on one line or running over several: 「（二○○四年…国务院」「第54次…通过）」;
    none that runs to ``stop`` (the end of its segment) or past it."""
    content = view.content(i)
    if not content.startswith(("（", "(")) or view.heading(i):
        return []
    end = view.end if stop is None else min(stop, view.end)
    group = [i]
    j = i
    while not view.content(j).endswith(("）", ")")):
        j += 1
        if j >= end or j - i > 3 or view.heading(j) or view.blank(j):
            return []
        group.append(j)
    return group


def _trailer_start(view: FrameLines, start: int) -> int:
    """A closing list of links (「## 附件（官方直链）」 then URLs) is not part of the document."""
    end = view.end
    i = view.previous_filled(end - 1, start)
    links = 0
    while i is not None and URL.search(view.content(i)) and not view.content(i).startswith("附件"):
        links += 1
        i = view.previous_filled(i - 1, start)
    if links and i is not None and view.content(i).startswith("附件"):
        return i
    return end


def _attachment_heads(view: FrameLines, start: int, stop: int) -> list[int]:
    """Lines that open an attachment: 「附件」, 「附件1」, 「附件1：查处酒后驾驶操作规程」.

    「附件：1.名词解释」 (no number after 附件) lists the attachments instead.
    """
    contents = view.contents
    return [
        i for i in range(start, stop)
        if contents[i].startswith(_ATTACHMENT_WORD)
        and view.lines[i].kind not in _CONTENTS_LINES
        and not view.heading(i) and view.full(ATTACHMENT_HEAD, i) and not view.full(ATTACHMENT_LIST, i)
    ]


def _signature_followed_by_text(view: FrameLines, start: int, stop: int) -> int | None:
    """Where an embedded document starts: after a signature block that is not at the end.

    A notice that 印发 a regulation signs and dates the notice, then gives the regulation.
    """
    contents = view.contents
    for i in range(start, stop):
        if not contents[i].endswith(_DATE_END):
            continue
        if view.full(SIGNED, i) is None:
            if not view.full(DATE, i):
                continue
            issuer = view.previous_filled(i - 1, start)
            if issuer is None or not view.issuer_like(issuer):
                continue
        j = i + 1
        while (k := view.next_filled(j, stop)) is not None and (view.full(NOTE, k) or view.full(IMPRINT, k)):
            j = k + 1
        following = view.next_filled(j, stop)
        if following is not None:
            return j
    return None


# A bracketed note under a title: a date or a word of enactment (「（1998年11月4日通过）」).
_ENACTMENT = regex.compile(rf"\d{{4}}\s*年|[{HAN_ZEROS}{HAN_DIGITS}]{{4}}年|通过|批准|公布|发布|修正|修订|施行")


def _titled_block(view: FrameLines, i: int, stop: int) -> list[int]:
    """Up to three title lines at ``i`` followed by an enactment note; [] if none."""
    block: list[int] = []
    j: int | None = i
    while j is not None and len(block) < 3 and _plain_title(view, j):
        if block and view.raw(j).startswith("#"):
            break  # a Markdown heading opens a title of its own
        block.append(j)
        j = view.next_filled(j + 1, stop)
    if not block or j is None:
        return []
    notes = _bracket_group(view, j, stop)
    if notes and _ENACTMENT.search("".join(view.content(n) for n in notes)):
        return block
    return []


def _split_appended(view: FrameLines, segment: Segment) -> list[Segment]:
    """Documents appended one after another (the decisions after a law's 附件三) become embedded
    documents: a block of title lines with an enactment note starts each one."""
    first, stop = segment.body
    start_line = view.next_filled(first, stop)
    parts = [segment]
    i = start_line
    while i is not None and i < stop:
        if (
            i != start_line
            and view.title_like(i)  # what _titled_block asks first, without its calls
            and _titled_block(view, i, stop)
            and ((previous := view.previous_filled(i - 1, first)) is None or not _titled_block(view, previous, stop))
        ):
            current = parts[-1]
            current.body = (current.body[0], i)
            appended = Segment(kind="embedded")
            appended.body = (i, stop)
            parts.append(appended)
        i = view.next_filled(i + 1, stop)
    return parts


def _split_head(view: FrameLines, segment: Segment) -> None:
    """The label line, title lines and bracketed notes at the top of an attachment or embedded document."""
    first, stop = segment.body
    if segment.kind == "main":
        return
    head: list[tuple[int, str]] = []
    titles: list[int] = []
    last = first - 1
    if segment.label_line is not None:
        head.append((segment.label_line, "label"))
        last = segment.label_line
        match = view.full(ATTACHMENT_HEAD, segment.label_line)
        if match and match.group("title"):
            titles = [segment.label_line]  # 「附件1：查处酒后驾驶操作规程」
    if not titles:
        titles = _title_lines(view, view.next_filled(first, stop), stop)
        head.extend((t, "title") for t in titles)
        last = titles[-1] if titles else last
    after = view.next_filled(last + 1, stop)
    notes = _bracket_group(view, after, stop) if after is not None and titles else []
    head.extend((n, "note") for n in notes)
    segment.head = head
    segment.body = ((notes[-1] if notes else last) + 1, stop)


def _title_lines(view: FrameLines, candidate: int | None, stop: int) -> list[int]:
    """The title of an attachment or embedded document: up to three lines over a note, or
    one line, or two when the line after the second opens the body."""
    if candidate is None:
        return []
    block = _titled_block(view, candidate, stop)
    if block:
        return block
    if not _plain_title(view, candidate):
        return []
    second = view.next_filled(candidate + 1, stop)
    if second is None or not _plain_title(view, second) or _bracket_group(view, second):
        return [candidate]
    after = view.next_filled(second + 1, stop)
    return [candidate] if after is not None and view.title_like(after) else [candidate, second]


def _plain_title(view: FrameLines, i: int) -> bool:
    return view.title_like(i) and view.lines[i].kind != Role.CONTENTS


def _split_closing(view: FrameLines, segment: Segment) -> None:
    """Attachment list, signature, date and notes at the end of a segment's body."""
    first, stop = segment.body
    closing: list[tuple[int, str]] = []
    last = view.previous_filled(stop - 1, first)
    imprint: list[int] = []
    while last is not None and view.full(IMPRINT, last) and not view.heading(last):
        imprint.append(last)
        last = view.previous_filled(last - 1, first)
    notes: list[int] = []
    while last is not None and view.full(NOTE, last) and not view.heading(last):
        notes.append(last)
        last = view.previous_filled(last - 1, first)
    cut = stop
    if last is not None and not view.heading(last) and view.full(SIGNED, last):
        closing = [(last, "signature")] + [(n, "note") for n in reversed(notes)]
        cut = last
    elif last is not None and view.full(DATE, last):
        issuers: list[int] = []
        k = view.previous_filled(last - 1, first)
        while k is not None and view.issuer_like(k) and len(issuers) < 3:
            issuers.append(k)
            k = view.previous_filled(k - 1, first)
        if issuers or segment.kind != "main" or k is None:
            closing = [(i, "issuer") for i in reversed(issuers)] + [(last, "date")]
            closing += [(n, "note") for n in reversed(notes)]
            cut = issuers[-1] if issuers else last
    elif notes:
        notes = []
    if imprint and cut == stop:
        cut = imprint[-1]
    closing += [(i, "imprint") for i in reversed(imprint)]
    listing = _attachment_list_before(view, first, cut)
    if listing:
        closing = [(i, "attachment_list") for i in listing] + closing
        cut = listing[0]
    segment.closing = closing
    segment.body = (first, cut)


def _attachment_list_before(view: FrameLines, first: int, cut: int) -> list[int]:
    """「附件：1.名词解释」「2.城市更新全周期流程图」… just before ``cut``."""
    entries: list[int] = []
    k = view.previous_filled(cut - 1, first)
    while k is not None:
        if view.full(ATTACHMENT_LIST, k):
            return [k, *reversed(entries)]
        if not view.full(LIST_ENTRY, k) or len(view.content(k)) > MAX_TITLE_LINE or "。" in view.content(k):
            return []
        entries.append(k)
        k = view.previous_filled(k - 1, first)
    return []
