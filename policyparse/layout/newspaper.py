"""Layout pass: a newspaper page. Its parts (articles, photo captions, editor credits) are cut at
continuation marks (「（上接第一版）」), datelines (「（新华社北京8月25日电）」) and credits; the part
that holds a numbered policy document becomes the window the later stages read."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from policyparse._grammar import NOT_HEADINGS
from policyparse._lexer import Line
from policyparse.layout.lines import filled, line_text, next_filled, previous_filled, title_like
from policyparse.layout.state import Layout, PagePart
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


# Every page mark holds one of these: 版 (「（上接第一版）」, 「版式设计」), 电 (datelines), 讯
# (「本报讯」), 编 or 校 (credits), 摄 or 新华社发 (captions).
_PAGE_MARK_KEY = regex.compile("[版电讯编校摄]|新华社发")


# A newspaper page is a few ten thousand characters; a text far longer is not taken for one,
# and the search for intrusions (which compares each line with the whole page) is skipped.
MAX_PAGE = 200_000


def page_marker(content: str) -> str | None:
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
        if filled(lines[i]) and page_marker(line_text(text, lines[i])):
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
        mark = page_marker(line_text(text, line))
        if mark in ("continuation", "dateline"):
            # 「（上接第一版）」 and 「（新华社北京8月25日电）」 stand apart from the text they join.
            cuts.append((i, "mark" if mark == "continuation" else "dateline"))
            cuts.append((next_filled(lines, i + 1), "article"))
        elif mark == "dateline-opening":
            start = i
            previous = previous_filled(lines, i - 1)
            if previous is not None and title_like(line_text(text, lines[previous])):
                start = previous  # the headline above the dateline
            cuts.append((start, "article"))
        elif mark in ("caption", "credits"):
            cuts.append((i, mark))
            cuts.append((next_filled(lines, i + 1), "article"))
        elif _introduces_full_text(line_text(text, line)):
            # 「《意见》全文如下：」 ends the news item that introduces a document: the document
            # (its title, number, recipients) starts on the next line.
            cuts.append((next_filled(lines, i + 1), "article"))
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


def find_page_parts(layout: Layout) -> None:
    """The pass: on a newspaper page that holds a numbered document, its parts, and the window
    of the policy part; without one the text is the document itself."""
    text = layout.text
    if layout.page is False:
        return
    if not (layout.page or (len(text) <= MAX_PAGE and _looks_like_page(text, layout.lines))):
        return
    parts = _page_parts(text, layout.lines)
    policy = next((part for part in parts if part.kind == "policy"), None)
    if policy is not None:
        layout.parts = parts
        layout.window = (policy.start, policy.stop)
