"""Reader stage (HTML): find the document among the page's lines and give every line its role.

The finder does not know any site. Like readability-style extractors it weighs text, and the
container of the document is the block element whose lines weigh most:

* each line gets a value (:func:`survey`): its characters outside links less twice those
  inside (a link in running text counts against it), plus 3 for each Chinese sentence mark
  (。，；：、？！, up to 10), plus 20 when it has the shape of a document's line (a numbered
  heading 一、 （一） 第一条 第一章 1. by the grammar's markers, a 发文字号 国发〔2019〕3号 or
  国令第706号, a signature date 2019年1月12日, a note 「（此件公开发布）」, 附件：…); a short
  line without punctuation or shape (a menu item, a caption) counts a quarter; a line that is
  mostly links (navigation, related links) counts minus its length, unless it names a file or
  has a document's shape; a line of site chrome (:mod:`.chrome`: 【打印】, 「扫一扫在手机打开
  当前页」, 责任编辑, ICP numbers …) or a contact line (地址：, 电话：) counts minus 5, whatever
  its length; metadata lines count nothing;
* a container's score is the sum of its lines' values, plus 25 when its id, class or tag names
  the content (``UCAP-CONTENT``, ``pages_content``, ``TRS_Editor``, ``article``, ``content``,
  ``zoom``, ``<article>``, ``<main>`` …) and minus 25 when it names chrome (``nav``, ``footer``,
  ``sidebar``, ``breadcrumb``, ``share``, ``info``, ``<nav>``, ``<aside>`` …): the hints tip
  close calls and are never needed;
* the best container wins; on a tie the one with fewer lines, then the deeper one. Widening
  the container past the document only adds navigation, chrome and footers, which weigh less
  than nothing, so the best container is the tightest one around the document's text; and a
  page with no container above zero holds no document.

Everything outside the container is site chrome, or metadata where :mod:`.metadata` found a
label grid or list. The page's heading for the document (an ``h1``-``h3``, an element whose
class names a title, a short all-bold line) just before the container is the document's title
line, BODY, unless the container's first lines repeat it; a heading element that opens the
container and that the next lines repeat is the page's copy and is set aside: text is never
doubled. Inside the container, chrome lines are still chrome, and so are runs of link lines
at its edges and under a 「相关链接」 heading; a lone ``label：value`` line is metadata only
before the document's text starts (a grid row, or a list of such lines, anywhere).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from policyparse._frame import ATTACHMENT_HEAD, ATTACHMENT_LIST, DATE, DOC_NUMBER, NOTE
from policyparse._grammar import marker_pattern
from policyparse.errors import PolicyParseError
from policyparse.readers.html.blocks import Line, Region
from policyparse.readers.html.chrome import WHITESPACE, is_chrome, is_contact, is_file_link, is_related_heading
from policyparse.readers.html.metadata import Entry
from policyparse.readers.reading import Role

__all__ = ["Survey", "assign_roles", "survey"]

_SENTENCE_MARKS = "。，；：、？！"
_MAX_MARKS = 10
_MARK_WEIGHT = 3
_SHAPE_BONUS = 20
_SHORT = 20  # a line shorter than this, with no punctuation and no shape, counts a quarter
_SHORT_WEIGHT = 0.25
_CHROME_PENALTY = 5.0
_HINT = 25
_TITLE_WINDOW = 6  # how many lines before the container the title may stand

# Ids and classes that name a document's container, or the page's chrome.
_CONTENT_HINTS = re.compile(r"ucap-content|pages_content|trs_editor|article|content|zoom|zhengwen|\bzw\b", re.I)
_CHROME_HINTS = re.compile(
    r"nav|menu|foot|header|sidebar|side|aside|breadcrumb|crumb|share|relate|comment|banner|copyright|toolbar|"
    r"position|location|weizhi|qr_|qrcode|link|info|tool",
    re.I,
)
_CONTENT_TAGS = frozenset({"article", "main"})
_CHROME_TAGS = frozenset({"nav", "footer", "aside", "header", "menu"})
_TITLE_TAGS = frozenset({"h1", "h2", "h3"})
_LONGEST_TITLE = 80
_SENTENCE_END = "。；：？！"


@attrs.frozen(kw_only=True)
class Survey:
    """What the finder reads off one line, once, for every pass to use.

    Attributes:
        visible: its characters that are not spaces.
        chrome: site chrome (see :func:`.chrome.is_chrome`).
        links: mostly links: more than half its characters.
        shaped: the shape of a document's line (see :func:`_shaped`).
        kept: a link line that is still the document's: it names a file or has a document's shape.
        value: what it weighs for the container that holds it (see the module doc).
    """

    visible: int
    chrome: bool
    links: bool
    shaped: bool
    kept: bool
    value: float


def survey(line: Line, entry: Entry | None) -> Survey:
    """Read a line once: its size, whether it is chrome or links or shaped as a document's, its value.

    Args:
        line: the line.
        entry: its metadata entry, if it is a metadata line.

    Returns:
        The line's survey; its value is positive for the document's kind of text, negative
        for chrome and links, 0 for metadata and empty lines.
    """
    stripped = line.text.strip(WHITESPACE)
    visible = len("".join(stripped.split()))
    chrome = bool(visible) and is_chrome(stripped)
    links = line.link_chars * 2 > visible
    shaped = _shaped(stripped)
    kept = links and (shaped or is_file_link(stripped))
    value = _value(line, stripped, visible, entry, chrome=chrome, links=links, shaped=shaped, kept=kept)
    return Survey(visible=visible, chrome=chrome, links=links, shaped=shaped, kept=kept, value=value)


def _value(line: Line, stripped: str, visible: int, entry: Entry | None, *, chrome: bool, links: bool, shaped: bool,
           kept: bool) -> float:
    if not visible or entry is not None:
        return 0.0
    if chrome or is_contact(stripped):
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


def assign_roles(
    lines: Sequence[Line], regions: Sequence[Region], metadata: Mapping[int, Entry]
) -> list[Role | None]:
    """Choose the document's container and give each line its role.

    Args:
        lines: the page's lines.
        regions: the block elements holding them (candidate containers).
        metadata: the metadata lines by index.

    Returns:
        Each line's role; None for a line outside the document that shows no text (it
        makes no block).

    Raises:
        PolicyParseError: when no container holds text that reads as a document.
    """
    seen = [survey(line, metadata.get(index)) for index, line in enumerate(lines)]
    first, end = _container(seen, regions)
    roles: list[Role | None] = []
    for index, line in enumerate(seen):
        if first <= index < end:
            roles.append(Role.BODY)
        elif index in metadata:
            roles.append(Role.METADATA)
        else:
            roles.append(Role.SITE_CHROME if line.visible else None)
    _inside(lines, seen, metadata, roles, first, end)
    _title_before(lines, seen, metadata, roles, first, end)
    return roles


def _container(seen: Sequence[Survey], regions: Sequence[Region]) -> tuple[int, int]:
    """The lines ``(first, end)`` of the best-scoring region."""
    sums = [0.0]
    for line in seen:
        sums.append(sums[-1] + line.value)
    best: tuple[float, int, int] | None = None
    span = (0, 0)
    for region in regions:
        score = sums[region.end] - sums[region.first]
        if score > 0:
            score += _hint(region)
        key = (score, region.first - region.end, region.depth)
        if best is None or key > best:
            best = key
            span = (region.first, region.end)
    if best is None or best[0] <= 0:
        raise PolicyParseError("no document found in the page")
    return span


def _hint(region: Region) -> float:
    """What the container's own id, class and tag say: +25 for content, -25 for chrome."""
    element = region.element
    tag = element.tag
    names = f"{element.get('id', '')} {element.get('class', '')}"
    # Chrome first: 「article-info」 and 「content-nav」 name a part beside the content.
    if tag in _CHROME_TAGS or _CHROME_HINTS.search(names):
        return -_HINT
    if tag in _CONTENT_TAGS or _CONTENT_HINTS.search(names):
        return _HINT
    return 0.0


def _inside(lines: Sequence[Line], seen: Sequence[Survey], metadata: Mapping[int, Entry], roles: list[Role | None],
            first: int, end: int) -> None:
    """Roles inside the container: metadata, chrome lines, related links, link lines at its edges."""
    seen_body = False
    related = False
    listed = _in_lists(seen, metadata, first, end)
    for index in range(first, end):
        line = seen[index]
        entry = metadata.get(index)
        # A lone ``label：value`` line counts as metadata only before the document's text:
        # after it, 「主题词：…」 is the document's own 版记. A grid row, a line of several
        # pairs and a list of such lines are metadata wherever they stand.
        if entry is not None and (entry.kind == "row" or len(entry.pairs) > 1 or index in listed or not seen_body):
            roles[index] = Role.METADATA
            continue
        if is_related_heading(lines[index].text):
            related = True
            roles[index] = Role.SITE_CHROME
            continue
        if related and (not line.visible or line.links):
            roles[index] = Role.SITE_CHROME
            continue
        related = False
        if line.chrome:
            roles[index] = Role.SITE_CHROME
            continue
        if line.visible:
            seen_body = True
    # Link lines at the container's edges: a menu above the text, a list of links below it.
    for order in (range(first, end), range(end - 1, first - 1, -1)):
        for index in order:
            line = seen[index]
            if roles[index] is not Role.BODY or not line.visible:
                continue
            if not line.links or line.kept:
                break
            roles[index] = Role.SITE_CHROME


def _in_lists(seen: Sequence[Survey], metadata: Mapping[int, Entry], first: int, end: int) -> set[int]:
    """Metadata lines that stand next to another metadata line (empty lines between do not count)."""
    listed: set[int] = set()
    previous: int | None = None
    for index in range(first, end):
        if not seen[index].visible:
            continue
        if index in metadata and previous is not None and previous in metadata:
            listed.update((previous, index))
        previous = index
    return listed


def _title_before(lines: Sequence[Line], seen: Sequence[Survey], metadata: Mapping[int, Entry],
                  roles: list[Role | None], first: int, end: int) -> None:
    """The page's heading for the document: kept as BODY unless the document's own lines repeat it.

    A heading just before the container (an ``h1`` …; metadata, chrome and empty lines may stand
    between) is the document's title line: BODY. A heading element at the container's start
    that the document's first lines then repeat is the page's copy: set aside. Text is never
    doubled.
    """
    inside = _heading_at_start(lines, seen, roles, first, end)
    if inside is not None:
        if _repeated(lines, seen, roles, inside, end):
            for index in range(inside[0], inside[1]):
                roles[index] = Role.SITE_CHROME
        return
    index = first - 1
    while index >= 0 and first - index <= _TITLE_WINDOW:
        line = seen[index]
        if not line.visible or index in metadata or line.chrome:
            index -= 1
            continue
        if not _is_title(lines[index], bold_counts=True) or line.links:
            return
        break
    else:
        return
    start = index
    while start > 0 and lines[start - 1].element is lines[index].element:
        start -= 1
    if not _repeated(lines, seen, roles, (start, index + 1), end, after=first):
        for i in range(start, index + 1):
            roles[i] = Role.BODY


def _heading_at_start(lines: Sequence[Line], seen: Sequence[Survey], roles: Sequence[Role | None], first: int,
                      end: int) -> tuple[int, int] | None:
    """The lines ``(start, end)`` of a heading element that opens the container's text, if one does."""
    for index in range(first, end):
        if roles[index] is not Role.BODY or not seen[index].visible:
            continue
        if not _is_title(lines[index], bold_counts=False):
            return None
        stop = index + 1
        while stop < end and lines[stop].element is lines[index].element:
            stop += 1
        return index, stop
    return None


def _repeated(lines: Sequence[Line], seen: Sequence[Survey], roles: Sequence[Role | None], heading: tuple[int, int],
              end: int, *, after: int | None = None) -> bool:
    """Whether the BODY lines after the heading (from ``after``) begin with the heading's text."""
    title = "".join(_squeeze(lines[i].text) for i in range(*heading))
    opening = ""
    for index in range(heading[1] if after is None else after, end):
        if roles[index] is Role.BODY and seen[index].visible:
            opening += _squeeze(lines[index].text)
            if len(opening) >= len(title):
                break
    return bool(title) and opening.startswith(title)


def _is_title(line: Line, *, bold_counts: bool) -> bool:
    """Whether a line is set as a page's title.

    An ``h1``-``h3`` line, or one whose element (or its parent) has ``title`` in its id or class;
    with ``bold_counts``, also a short line all in bold with no sentence mark (an old page's
    ``<font size=5><b>…</b></font>``).
    """
    element = line.element
    if element.tag in _TITLE_TAGS:
        return True
    stripped = line.text.strip(WHITESPACE)
    if (bold_counts and line.bold >= len(line.text.rstrip(WHITESPACE)) and len(stripped) <= _LONGEST_TITLE
            and not any(char in _SENTENCE_END for char in stripped)):
        return True
    for candidate in (element, element.getparent()):
        if candidate is not None and "title" in f"{candidate.get('id', '')} {candidate.get('class', '')}".lower():
            return True
    return False


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


def _squeeze(text: str) -> str:
    return "".join(text.split())

