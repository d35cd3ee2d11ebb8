"""Frame stage: the document elements the frame recognises that are no numbering (发文字号,
dates, notes, 附件 lines, signatures, 版记), as patterns, and its read-only view of the line table.

The web-page reader (``readers/html``) and the metadata builder use the same patterns, from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from policyparse._grammar import NOT_HEADINGS, OUT_OF_FLOW
from policyparse._lexer import Line
from policyparse._titles import SENTENCE_PUNCTUATION
from policyparse.layout.lines import joined_text
from policyparse.numerals import HAN_ZEROS, SMALL_NUMERAL

_HAN_NUMERAL = HAN_ZEROS + SMALL_NUMERAL  # a written date (二〇二五年一月十日), 附件二

# The header of a decree (令) that publishes a regulation, over its number (「第227号」):
# 「中华人民共和国国务院令」, 「国务院令」, 「中华人民共和国财政部令」; not a title 「关于…的命令」.
DECREE = regex.compile(r"(?!.*(?:关于|的))(?:中华人民共和国)?\p{Han}{1,16}令")

DOC_NUMBER = regex.compile(
    r"(?:\p{Han}{1,16}[〔［\[【(（]\s*\d{4}\s*[〕］\]】)）]\s*(?:第\s*)?\d{1,5}\s*号"
    r"|(?:\p{Han}{1,8})?第\s*\d{1,5}\s*号)"
)

DATE = regex.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    rf"|(?P<cy>[{_HAN_NUMERAL}]{{4}})年(?P<cm>[{_HAN_NUMERAL}]{{1,3}})月(?P<cd>[{_HAN_NUMERAL}]{{1,3}})日"
)

# 「（此件公开发布）」, 「（本文有删减）」: a short remark in brackets, alone on its line.
NOTE = regex.compile(r"[（(][^（）()]{2,40}[）)]")

# 「附件：1.名词解释」 lists the attachments; 「附件1」, 「附件一：…」, 「附件」 open one.
ATTACHMENT_LIST = regex.compile(r"附\s*件\s*[：:]\s*(?P<rest>\S.*)")

ATTACHMENT_HEAD = regex.compile(
    rf"附\s*件\s*(?:(?P<number>[0-9０-９]{{1,2}}|[{_HAN_NUMERAL}]{{1,3}})\s*)?(?:[：:]\s*(?P<title>\S.*))?"
)

# 版记 lines after the signature: 「抄送：…」, 「国务院办公厅秘书局　2019年1月2日印发」.
IMPRINT = regex.compile(
    r"(?:抄\s*送|抄\s*报|分\s*送|主\s*办|承\s*办|联系人)\s*[：:].*"
    r"|\S.{0,30}?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发"
)

# An issuer and the date on one line: 「国务院办公厅　2019年1月1日」.
_ORGAN = r"[^\s。，；：&]{2,30}"
# Between organs and the date: spaces, or the entities a page's text kept (「国务院办公厅&nbsp;2025年…」).
# Possessive (++): what follows (an organ, a date) never starts with a space or &, and the
# regex module keeps some 128 bytes of backtracking state per repetition of a plain + (a line
# of 250,000 spaces after 「附件」 peaked at 33 MB).
SIGNATURE_SPACE = r"(?:[ \t\u3000\u00a0]++|&(?:nbsp|ensp|emsp);)++"

# At most thirty organs before the date (a joint notice of a dozen ministries signs on one
# line): an unbounded lazy run was quadratic on a long line of words between spaces.
SIGNED = regex.compile(
    rf"(?P<issuer>{_ORGAN}(?:{SIGNATURE_SPACE}{_ORGAN}){{0,29}}?){SIGNATURE_SPACE}(?P<date>{DATE.pattern})"
)

LIST_ENTRY = regex.compile(r"(?P<number>[0-9０-９]{1,2})\s*[.．、]\s*(?P<name>\S.*)")

RECIPIENTS = regex.compile(r"[^。；]{2,200}[：:]")

INFO_END = "<!-- INFO END -->"

_HAN = regex.compile(r"\p{Han}")

URL = regex.compile(r"https?://")

MAX_TITLE_LINE = 50

_MAX_ISSUER_LINE = 30


class FrameLines:
    """Read-only helpers over the lexer's lines.

    Each line's content (with its joined lines) and blankness are computed once, up front:
    the frame's passes ask for the same line many times.
    """

    def __init__(
        self,
        text: str,
        lines: Sequence[Line],
        window: tuple[int, int] | None = None,
        joins: Mapping[int, Sequence[int]] | None = None,
    ) -> None:
        self.text = text
        self.lines = lines
        self.begin, self.end = window if window is not None else (0, len(lines))
        self.joins = joins or {}
        self.contents = [text[line.content_start : line.content_end] for line in lines]
        for head in self.joins:
            self.contents[head] = joined_text(text, lines, self.joins, head)
        self.blanks = [line.content_start == line.content_end or line.kind in OUT_OF_FLOW for line in lines]
        self._title_like: dict[int, bool] = {}

    def content(self, i: int) -> str:
        """The line's text, with the lines the layout stage joined to it."""
        return self.contents[i]

    def raw(self, i: int) -> str:
        line = self.lines[i]
        return self.text[line.start : line.content_end].strip()

    def blank(self, i: int) -> bool:
        return self.blanks[i]

    def heading(self, i: int) -> bool:
        return self.lines[i].kind not in NOT_HEADINGS

    def next_filled(self, i: int, stop: int) -> int | None:
        blanks = self.blanks
        while i < stop and blanks[i]:
            i += 1
        return i if i < stop else None

    def previous_filled(self, i: int, stop: int) -> int | None:
        blanks = self.blanks
        while i >= stop and blanks[i]:
            i -= 1
        return i if i >= stop else None

    def full(self, pattern: regex.Pattern[str], i: int) -> regex.Match[str] | None:
        return pattern.fullmatch(self.contents[i])

    def title_like(self, i: int) -> bool:
        """A short line without sentence punctuation that could be a title (once per line)."""
        found = self._title_like.get(i)
        if found is None:
            found = self._title_like[i] = self._compute_title_like(i)
        return found

    def _compute_title_like(self, i: int) -> bool:
        content = self.contents[i]
        return (
            not self.heading(i)
            and 0 < len(content) <= MAX_TITLE_LINE
            and not SENTENCE_PUNCTUATION.search(content)
            and self.full(DATE, i) is None
            and self.full(DOC_NUMBER, i) is None
            and not content.startswith(("（", "("))
            and _HAN.search(content) is not None
        )

    def issuer_like(self, i: int) -> bool:
        content = self.content(i)
        return (
            not self.heading(i)
            and 0 < len(content) <= _MAX_ISSUER_LINE
            and not SENTENCE_PUNCTUATION.search(content)
            and _HAN.search(content) is not None
            and self.full(NOTE, i) is None
            and self.full(DATE, i) is None
            and self.full(ATTACHMENT_HEAD, i) is None
        )
