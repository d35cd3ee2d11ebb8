"""Reader stage (HTML): read each line once for the content finder: its size, chrome, links, shape, evidence, value.

A line's value is what it weighs for the region that holds it (:mod:`.container`): its
characters outside links less twice those inside (a link in running text counts against it),
plus 3 for each Chinese sentence mark (。，；：、？！, up to 10), plus 20 when it has the shape
of a document's line (a numbered heading 一、 （一） 第一条 第一章 1. by the grammar's markers, a
发文字号 国发〔2019〕3号 or 国令第706号, a signature date 2019年1月12日, a note 「（此件公开发布）」,
附件：…); a short line without punctuation or shape (a menu item, a caption) counts a quarter;
a line that is mostly links (navigation, related links) counts minus its length, unless it is
an attachment (it names a file, links to one, or has a document's shape); a line of site
chrome counts minus 5, whatever its length: :mod:`.chrome`'s lines (【打印】,
「扫一扫在手机打开当前页」, 责任编辑, ICP numbers …), a contact line (地址：, 电话：), a line in a
dialog, a modal, a mask or an element a style rule hides (「您访问的链接即将离开…是否继续？」;
unless nothing else holds a document: then the page shows it by script, and it is read as
shown), a line holding a form control (a search form's 「搜索位置 ◉标题 ◉全文」); metadata lines
count nothing.
"""

from __future__ import annotations

import attrs

from policyparse._frame_lines import ATTACHMENT_HEAD, ATTACHMENT_LIST, DATE, DOC_NUMBER, NOTE
from policyparse._grammar import marker_pattern
from policyparse.readers.html.chrome import WHITESPACE, is_chrome, is_contact, is_file_link
from policyparse.readers.html.lines import Line
from policyparse.readers.html.metadata import Entry

__all__ = ["Survey", "survey"]

_SENTENCE_MARKS = "。，；：、？！"
_MAX_MARKS = 10
_MARK_WEIGHT = 3
_SHAPE_BONUS = 20
_SHORT = 20  # a line shorter than this, with no punctuation and no shape, counts a quarter
_SHORT_WEIGHT = 0.25
_CHROME_PENALTY = 5.0
# A line ending a sentence: evidence of the document's text.
_SENTENCE_ENDS = "。；！？!?;"
_LONG_LINE = 40  # a line this long (outside links) with two marks is text even without an end
_DATA_CELLS = 2


@attrs.frozen(kw_only=True)
class Survey:
    """What the finder reads off one line, once, for every pass to use.

    Attributes:
        visible: its characters that are not spaces.
        chrome: site chrome: a :mod:`.chrome` line, a concealed line (a dialog's), a form's.
        links: mostly links: more than half its characters.
        shaped: the shape of a document's line (see :func:`_shaped`).
        kept: a link line that is still the document's: it names a file, links to one, or has
            a document's shape.
        evidence: a line only a document's text has: a sentence's end, a document's shape, an
            attachment, a long line with marks, a table's row (see :func:`_evidence`).
        value: what it weighs for the container that holds it (see the module doc).
    """

    visible: int
    chrome: bool
    links: bool
    shaped: bool
    kept: bool
    evidence: bool
    value: float


def survey(line: Line, entry: Entry | None, *, conceal: bool = True) -> Survey:
    """Read a line once: its size, whether it is chrome or links or shaped as a document's, its value.

    Args:
        line: the line.
        entry: its metadata entry, if it is a metadata line.
        conceal: whether a concealed line (a dialog's, a hidden class's) is chrome.

    Returns:
        The line's survey; its value is positive for the document's kind of text, negative
        for chrome and links, 0 for metadata and empty lines.
    """
    stripped = line.text.strip(WHITESPACE)
    visible = len("".join(stripped.split()))
    if not visible:
        return Survey(visible=0, chrome=False, links=False, shaped=False, kept=False, evidence=False, value=0.0)
    chrome = (conceal and line.concealed) or line.control or is_chrome(stripped)
    links = line.link_chars * 2 > visible
    shaped = _shaped(stripped)
    kept = links and (shaped or line.file_link or is_file_link(stripped))
    # A contact line (a footer's 地址：… 电话：…) weighs as chrome and is no evidence.
    contact = not chrome and is_contact(stripped)
    value = _value(line, stripped, visible, entry, chrome=chrome or contact, links=links, shaped=shaped, kept=kept)
    evidence = (entry is None and not chrome and not contact and (kept or not links)
                and _evidence(line, stripped, visible, shaped=shaped, kept=kept))
    return Survey(visible=visible, chrome=chrome, links=links, shaped=shaped, kept=kept, evidence=evidence,
                  value=value)


def _value(line: Line, stripped: str, visible: int, entry: Entry | None, *, chrome: bool, links: bool, shaped: bool,
           kept: bool) -> float:
    if entry is not None:
        return 0.0
    if chrome:
        # A flat penalty: enough to keep a wrapper's chrome out of a tie, never enough to
        # outweigh a document's lines (the role pass sets chrome inside the container aside).
        return -_CHROME_PENALTY
    if links:
        return 0.0 if kept else -float(visible)
    plain = visible - line.link_chars
    marks = sum(1 for char in stripped if char in _SENTENCE_MARKS)
    value = float(plain - 2 * line.link_chars)
    if not marks and not shaped and plain < _SHORT:
        value *= _SHORT_WEIGHT
    return value + _MARK_WEIGHT * min(marks, _MAX_MARKS) + (_SHAPE_BONUS if shaped else 0)


def _evidence(line: Line, stripped: str, visible: int, *, shaped: bool, kept: bool) -> bool:
    """Whether a line is one that only a document's text has (the finder never leaves one out)."""
    if shaped or kept:
        return True
    if line.table is not None:
        return sum(1 for cell in line.cells if cell.end > cell.start) >= _DATA_CELLS
    if visible > 3 and any(char in _SENTENCE_ENDS for char in stripped):
        return True
    return visible - line.link_chars >= _LONG_LINE and sum(1 for char in stripped if char in _SENTENCE_MARKS) >= 2


def _shaped(stripped: str) -> bool:
    """The shape of a document's line: numbered heading, 发文字号, signature date, a bracketed note, 附件."""
    if not stripped:
        return False
    if marker_pattern().match(stripped) is not None:
        return True
    if DOC_NUMBER.fullmatch(stripped) or DATE.fullmatch(stripped):
        return True
    if stripped.startswith("附") and (ATTACHMENT_LIST.fullmatch(stripped) or ATTACHMENT_HEAD.fullmatch(stripped)):
        return True
    return bool(NOTE.fullmatch(stripped)) and ("此件" in stripped or "本件" in stripped)
