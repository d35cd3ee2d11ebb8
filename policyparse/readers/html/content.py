"""Reader stage (HTML): find the document among the page's lines and give every line its role.

The finder does not know any site. Like readability-style extractors it weighs text:

* each line gets a value (:mod:`.survey`): positive for the document's kind of text (its
  characters, its sentence marks, a document's shape), negative for links and site chrome,
  nothing for metadata;
* a region's score is the sum of its lines' values, plus 25 when its id, class or tag names
  the content (``UCAP-CONTENT``, ``pages_content``, ``TRS_Editor``, ``TRS_UEDITOR``,
  ``mainText``, ``article-content``, ``details``, ``zoom``, ``<article>``, ``<main>`` …) and
  minus 25 when it names chrome (``nav``, ``footer``, ``sidebar``, ``breadcrumb``, ``share``,
  ``info``, ``<nav>``, ``<aside>`` …): the hints tip close calls and are never needed;
* the best region wins (on a tie the one with fewer lines, then the deeper one), and then the
  finder narrows it: the container is the deepest region inside it that leaves out none of the
  document's evidence (a line with a sentence's end 。；！？, a document's shape, an attachment,
  a long line with marks, a table's row) and, of other text, nothing, or no more than a tenth
  of the best score when page furniture (chrome, links, metadata) is left out with it (「规章」
  beside 「下载文字版」); the title lines (``h1``-``h3``, a title class, the page's own title) do
  not count, as the title pass finds them. So the smallest element holding the whole document
  wins: widening it adds a heading, short captions, 「[标签] 值」 lists, forms, dialogs, which may
  weigh more than nothing but are never a sentence of the document; and a short line beside
  the text with nothing of the page's around it stays the document's. A page with no region
  above zero holds no document.

The passes after that give the roles, in order, over one table of lines (:class:`_State`):

1. *outside*: everything outside the container is site chrome, or metadata where
   :mod:`.metadata` found a label grid or list;
2. *inside*: in the container, a ``label：value`` line is metadata before the document's
   text starts (a grid row, or a list of such lines, anywhere when its labels have colons);
   chrome lines are chrome; a 「相关链接」 heading and the link lines under it are chrome (links
   to files stay); a box of the page's tools (an element whose class or id says share, qr,
   ewm, print, tools, fontsize, search) is chrome when all its lines are short and none is the
   document's; runs of link lines at the container's edges are chrome;
3. *title*: the page's heading for the document (an ``h1``-``h3``, an element whose class names
   a title, a short all-bold line, a line that is the page's ``<title>``) just before the
   container is the document's title line, BODY; a heading at the container's start, or one
   before it, that one of the document's first lines (or a few of them together) repeats, the
   page's date after it aside, is the page's copy and is set aside: text is never doubled;
4. *dateline*: a date alone (「2025-10-09」, 「2024-05-13 14:34」) right under the title is the
   page's publishing date: chrome, and the ``published`` date when no metadata gives one;
5. *trailer*: the link lines to attachments right after the container (a list of 「附件1：…」
   links to .docx files in an element of its own) are BODY; after the document's last
   sentence, a link to a file whose name is the document's title (「…的通知.pdf」, the page's
   download of itself) is chrome; other file links stay, they are the document's attachments;
6. *title fact*: the document's first line, when it is a heading (an ``h1``-``h3`` or a title
   class) alone in its element that is the page's title (``<title>`` less the site's name, or
   ``<meta name="ArticleTitle">``) or stands in a heading element, and is no site's or
   column's name, is the document's title (:class:`Finding`); and so is the body line that
   repeats a page heading set aside.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

import attrs
from lxml import html

from policyparse.errors import PolicyParseError
from policyparse.readers.html.chrome import WHITESPACE, file_link_name, is_related_heading
from policyparse.readers.html.lines import Line, Region
from policyparse.readers.html.metadata import Entry, bare_date
from policyparse.readers.html.survey import Survey, survey
from policyparse.readers.html.titles import PageTitles, squeeze, without_date
from policyparse.readers.reading import Role

__all__ = ["Finding", "assign_roles"]

_HINT = 25
_TITLE_WINDOW = 6  # how many lines before the container the title may stand
_REPEAT_WINDOW = 6  # how many of the document's first lines may repeat the page's heading
_REPEAT_LINES = 4  # how many lines a repeated title may stand on
# Narrowing the best region: what the narrower container may leave out of it.
_LEFT_OUT_SHARE = 0.1
_TOOL_LINE = 40  # a line in a tool box this short may be the tool's

# Ids and classes that name a document's container, or the page's chrome.
_CONTENT_HINTS = re.compile(
    r"ucap-?content|pages_content|trs_u?editor|ueditor|main-?text|maintext|article|content|details?|zoom|"
    r"zhengwen|\bzw\b",
    re.I,
)
_CHROME_HINTS = re.compile(
    r"nav|menu|foot|header|sidebar|side|aside|breadcrumb|crumb|share|relate|comment|banner|copyright|toolbar|"
    r"position|location|weizhi|qr_|qrcode|link|info|tool",
    re.I,
)
_CONTENT_TAGS = frozenset({"article", "main"})
_CHROME_TAGS = frozenset({"nav", "footer", "aside", "header", "menu"})
_TITLE_LEVELS = frozenset({1, 2, 3})
# A class or id naming a title: 「title」, 「article-title」, 「Article_bt」 (标题), 「biaoti」.
_TITLE_NAMES = re.compile(r"title|biaoti|headline|(?<![a-z])(?:bt|tit)(?![a-z])")
_CASE_CHANGE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_LONGEST_TITLE = 80
_SENTENCE_END = "。；：？！"
_COLON = re.compile(r"[^\s:：]\s*[:：]")


@attrs.frozen(kw_only=True)
class Finding:
    """The finder's result: each line's role, and what the markup said about the document.

    Attributes:
        roles: each line's role; None for a line outside the document that shows no text.
        title: the line that is the document's title as the page sets it, and the span of
            its text (without the spaces around it): ``(line, start, end)``; None if none.
        published: the dateline under the title: ``(line, start, end, ISO date)``; None if none.
    """

    roles: tuple[Role | None, ...]
    title: tuple[int, int, int] | None = None
    published: tuple[int, int, int, str] | None = None


def assign_roles(
    lines: Sequence[Line], regions: Sequence[Region], metadata: Mapping[int, Entry],
    titles: PageTitles | None = None,
) -> Finding:
    """Choose the document's container and give each line its role.

    Args:
        lines: the page's lines.
        regions: the block elements holding them (candidate containers).
        metadata: the metadata lines by index.
        titles: what the page's ``<title>`` and meta title say the document is called.

    Returns:
        Each line's role (None for a line outside the document that shows no text), the
        document's title line and the page's dateline, if found.

    Raises:
        PolicyParseError: when no container holds text that reads as a document.
    """
    state = _State(lines, metadata, titles or PageTitles())
    try:
        state.container = _container(state, regions)
    except PolicyParseError:
        if not any(line.concealed for line in lines):
            raise
        # A page that shows its document by script from a hidden element: read it as shown.
        state = _State(lines, metadata, titles or PageTitles(), conceal=False)
        state.container = _container(state, regions)
    state.outside()
    state.inside()
    state.title()
    state.dateline()
    state.trailer()
    state.title_fact()
    return Finding(roles=tuple(state.roles), title=state.title_line, published=state.published)


class _State:
    """The table of lines the passes annotate, in the order :func:`assign_roles` runs them."""

    def __init__(self, lines: Sequence[Line], metadata: Mapping[int, Entry], titles: PageTitles, *,
                 conceal: bool = True) -> None:
        self.lines = lines
        self.metadata = metadata
        self.titles = titles
        self.seen = [survey(line, metadata.get(index), conceal=conceal) for index, line in enumerate(lines)]
        self.roles: list[Role | None] = []
        self.container: Region | None = None
        self.heading: tuple[int, int] | None = None  # the page's title line(s) for the document
        self.repeat: tuple[int, int] | None = None  # the body lines that repeat a heading set aside
        self.title_line: tuple[int, int, int] | None = None
        self.published: tuple[int, int, int, str] | None = None

    @property
    def span(self) -> tuple[int, int]:
        assert self.container is not None
        return self.container.first, self.container.end

    def titleish(self, index: int) -> bool:
        """Whether a line is set as a title, or is the page's title: the title pass finds it wherever it is."""
        return self._is_title(index, bold_counts=False) or self.titles.agrees(self.lines[index].text)

    # -- 1. outside ------------------------------------------------------------------------------

    def outside(self) -> None:
        """BODY inside the container; chrome, metadata or nothing outside it."""
        first, end = self.span
        for index, line in enumerate(self.seen):
            if first <= index < end:
                self.roles.append(Role.BODY)
            elif index in self.metadata:
                self.roles.append(Role.METADATA)
            else:
                self.roles.append(Role.SITE_CHROME if line.visible else None)

    # -- 2. inside -------------------------------------------------------------------------------

    def inside(self) -> None:
        """Roles inside the container: metadata, chrome lines, related links, tool boxes, link edges."""
        lines, seen, roles, metadata = self.lines, self.seen, self.roles, self.metadata
        first, end = self.span
        seen_body = False
        related = False
        listed = _in_lists(seen, metadata, first, end)
        for index in range(first, end):
            line = seen[index]
            entry = metadata.get(index)
            # Before the document's text, any ``label：value`` line or grid row is metadata. After
            # it, a lone 「主题词：…」 is the document's own 版记, and a table of 名称 | 文号 rows is
            # the document's own (a list of repealed documents); a grid row, a line of several
            # pairs or a list of such lines is metadata there only when its labels have colons.
            grid = entry is not None and (entry.kind == "row" or len(entry.pairs) > 1 or index in listed)
            if entry is not None and (not seen_body or (grid and _COLON.search(lines[index].text))):
                roles[index] = Role.METADATA
                continue
            if is_related_heading(lines[index].text):
                related = True
                roles[index] = Role.SITE_CHROME
                continue
            if related and (not line.visible or (line.links and not line.kept)):
                roles[index] = Role.SITE_CHROME
                continue
            related = related and line.kept
            if line.chrome:
                roles[index] = Role.SITE_CHROME
                continue
            if line.visible:
                seen_body = True
        self._tool_boxes()
        # Link lines at the container's edges: a menu above the text, a list of links below it.
        for order in (range(first, end), range(end - 1, first - 1, -1)):
            for index in order:
                line = seen[index]
                if roles[index] is not Role.BODY or not line.visible:
                    continue
                if not line.links or line.kept:
                    break
                roles[index] = Role.SITE_CHROME

    def _tool_boxes(self) -> None:
        """A box of the page's tools inside the container: chrome when no line of it is the document's.

        A class or id saying share, qr, print … names the tool only if the box holds short
        lines that are not the document's (「扫码浏览」, 「分享文章到」, 「取消」); a 「printContent」 that
        wraps the text is no tool box.
        """
        assert self.container is not None
        container = self.container.element
        first, end = self.span
        groups: dict[html.HtmlElement, list[int]] = {}
        for index in range(first, end):
            box = self.lines[index].box
            if box is not None and self.roles[index] is Role.BODY:
                groups.setdefault(box, []).append(index)
        for box, members in groups.items():
            if box is container or not any(ancestor is container for ancestor in box.iterancestors()):
                continue
            if all(self.seen[i].visible <= _TOOL_LINE and not self.seen[i].evidence for i in members):
                for index in members:
                    self.roles[index] = Role.SITE_CHROME

    # -- 3. title --------------------------------------------------------------------------------

    def title(self) -> None:
        """The page's heading for the document: kept as BODY unless the document's own lines repeat it.

        A heading just before the container (an ``h1`` …; metadata, chrome, links, a date and
        empty lines may stand between) is the document's title line: BODY. A heading element at
        the container's start, or one before it, that the document's first lines then repeat is
        the page's copy: set aside. Text is never doubled.
        """
        first, _ = self.span
        inside = self._heading_at_start()
        if inside is not None:
            self.heading = inside
            repeat = self._repeat(inside, inside[1])
            if repeat is not None:
                self._set_aside_heading(inside, repeat)
            return
        index = first - 1
        while index >= 0 and first - index <= _TITLE_WINDOW:
            line = self.seen[index]
            skipped = line.chrome or (line.links and not line.kept) or bare_date(self.lines[index].text) is not None
            if not line.visible or index in self.metadata or skipped:
                index -= 1
                continue
            if not (self._is_title(index, bold_counts=True) or self.titles.agrees(self.lines[index].text)):
                return
            break
        else:
            return
        start = index
        while start > 0 and self.lines[start - 1].element is self.lines[index].element:
            start -= 1
        heading = (start, index + 1)
        repeat = self._repeat(heading, first)
        if repeat is None:
            for i in range(*heading):
                self.roles[i] = Role.BODY
            self.heading = heading
        else:
            self._set_aside_heading(heading, repeat)

    def _set_aside_heading(self, heading: tuple[int, int], repeat: tuple[int, int]) -> None:
        for index in range(*heading):
            self.roles[index] = Role.SITE_CHROME
        self.repeat = repeat
        self.heading = repeat

    def _heading_at_start(self) -> tuple[int, int] | None:
        """The lines ``(start, end)`` of a heading element that opens the container's text, if one does."""
        first, end = self.span
        for index in range(first, end):
            if self.roles[index] is not Role.BODY or not self.seen[index].visible:
                continue
            # A numbered heading (「一、总体要求」 in an h2) opens the text, not the page's title.
            if not self._is_title(index, bold_counts=False) or self.seen[index].shaped:
                return None
            stop = index + 1
            while stop < end and self.lines[stop].element is self.lines[index].element:
                stop += 1
            return index, stop
        return None

    def _repeat(self, heading: tuple[int, int], start: int) -> tuple[int, int] | None:
        """The BODY lines from ``start`` that repeat the heading, whole: one line or a few together.

        Only the document's first few lines are looked at, and a date after the heading's text
        (「关于…的通知 ( 2021年07月23日 )」) is the page's: it need not be repeated. A line that
        only begins with the title (「…反馈意见，具体见附件。」) is no repetition.
        """
        title = squeeze(without_date(" ".join(self.lines[i].text for i in range(*heading))))
        if not title:
            return None
        _, end = self.span
        body = [i for i in range(start, end) if self.roles[i] is Role.BODY and self.seen[i].visible]
        body = body[:_REPEAT_WINDOW]
        for number, index in enumerate(body):
            joined = ""
            for other in body[number : number + _REPEAT_LINES]:
                joined += squeeze(self.lines[other].text)
                if joined == title:
                    return index, other + 1
                if len(joined) >= len(title) or not title.startswith(joined):
                    break
        return None

    def _is_title(self, index: int, *, bold_counts: bool) -> bool:
        """Whether a line is set as a page's title.

        A line in an ``h1``-``h3``, or one whose element (or its parent) has a title's name in its
        id or class (「title」, 「article-title」, 「Article_bt」); with ``bold_counts``, also a short
        line all in bold with no sentence mark (an old page's ``<font size=5><b>…</b></font>``).
        """
        line = self.lines[index]
        if line.heading in _TITLE_LEVELS:
            return True
        stripped = line.text.strip(WHITESPACE)
        if (bold_counts and line.bold >= len(line.text.rstrip(WHITESPACE)) and len(stripped) <= _LONGEST_TITLE
                and not any(char in _SENTENCE_END for char in stripped)):
            return True
        parent = line.element.getparent()
        return _titled(line.element) or (parent is not None and _titled(parent))

    # -- 4. dateline -----------------------------------------------------------------------------

    def dateline(self) -> None:
        """A date alone right under the title line: the page's publishing date, chrome."""
        if self.heading is None or self.repeat is not None:
            return
        _, end = self.span
        for index in range(self.heading[1], end):
            if not self.seen[index].visible:
                continue
            text = self.lines[index].text
            iso = bare_date(text, written=False)
            if iso is not None and self.roles[index] is not Role.METADATA:
                self.roles[index] = Role.SITE_CHROME
                start, stop = _stripped_span(text)
                self.published = (index, start, stop, iso)
            return

    # -- 5. trailer ------------------------------------------------------------------------------

    def trailer(self) -> None:
        """The attachments listed after the container are the document's; its own file there is chrome.

        A CMS lists a document's attachments in an element of their own after the text's
        (「附件1：…」 links, links to .docx files, under a 「相关附件：」 maybe): the link lines right
        after the container are BODY. After the document's last sentence, a link to a file whose name is the document's
        title (「…的通知.pdf」: the page's download of itself) is chrome.
        """
        first, end = self.span
        for index in range(end, len(self.lines)):
            line = self.seen[index]
            if not line.visible or is_related_heading(self.lines[index].text):
                continue  # 「相关附件：」 over the list stays chrome
            if not line.kept or index in self.metadata:
                break
            self.roles[index] = Role.BODY
            end = index + 1
        last = None
        for index in range(end - 1, first - 1, -1):
            line = self.seen[index]
            if self.roles[index] is Role.BODY and line.evidence and not line.links:
                last = index
                break
        if last is None:
            return
        title = self._title_text()
        for index in range(last + 1, end):
            line = self.seen[index]
            if self.roles[index] is not Role.BODY or not line.links:
                continue
            name = file_link_name(self.lines[index].text)
            if name is not None and (self.titles.agrees(name) or (title is not None and squeeze(name) == title)):
                self.roles[index] = Role.SITE_CHROME

    def _title_text(self) -> str | None:
        if self.heading is None:
            return None
        return squeeze(without_date(" ".join(self.lines[i].text for i in range(*self.heading))))

    # -- 6. the title fact -----------------------------------------------------------------------

    def title_fact(self) -> None:
        """The document's title line as the page sets it, if its first line is one (see the module doc)."""
        if self.repeat is not None:
            start, stop = self.repeat
            if stop - start == 1 and not self.titles.names_site(self.lines[start].text):
                self._title_at(start)
            return
        first = next((i for i, role in enumerate(self.roles) if role is Role.BODY and self.seen[i].visible), None)
        if first is None or not self._is_title(first, bold_counts=False):
            return
        line = self.lines[first]
        alone = all(
            other is first or self.lines[other].element is not line.element or not self.seen[other].visible
            for other in range(max(first - 1, 0), min(first + 2, len(self.lines)))
        )
        text = line.text
        # A numbered heading (「第一章　总则」 in an h2) opens the text, it is no title.
        if not alone or self.titles.names_site(text) or self.seen[first].links or self.seen[first].shaped:
            return
        if self.titles.agrees(text) or line.heading in _TITLE_LEVELS:
            self._title_at(first)

    def _title_at(self, index: int) -> None:
        text = self.lines[index].text
        start, stop = _stripped_span(text)
        if stop > start:
            self.title_line = (index, start, stop)


def _container(state: _State, regions: Sequence[Region]) -> Region:
    """The best-scoring region, narrowed to the deepest one inside it that leaves out none of the document."""
    seen = state.seen
    sums = [0.0]
    evidence = [0]
    junk = [0]  # chrome, metadata, links
    other = [0.0]  # positive value of lines that are neither evidence, nor chrome, nor a title
    for index, line in enumerate(seen):
        sums.append(sums[-1] + line.value)
        evidence.append(evidence[-1] + line.evidence)
        junk.append(junk[-1] + (line.visible > 0 and (line.chrome or index in state.metadata or
                                                       (line.links and not line.kept))))
        counted = line.value > 0 and not line.evidence and not state.titleish(index)
        other.append(other[-1] + (line.value if counted else 0.0))
    scored = []
    best: tuple[float, int, int] | None = None
    winner: Region | None = None
    for region in regions:
        score = sums[region.end] - sums[region.first]
        if score > 0:
            score += _hint(region)
        scored.append((score, region))
        key = (score, region.first - region.end, region.depth)
        if best is None or key > best:
            best, winner = key, region
    if best is None or winner is None or best[0] <= 0:
        raise PolicyParseError("no document found in the page")
    allowed = _LEFT_OUT_SHARE * best[0]
    narrower = [winner]
    for score, region in scored:
        if score <= 0 or region.first < winner.first or region.end > winner.end:
            continue
        left_out = evidence[winner.end] - evidence[winner.first] - (evidence[region.end] - evidence[region.first])
        other_out = other[winner.end] - other[winner.first] - (other[region.end] - other[region.first])
        junk_out = junk[winner.end] - junk[winner.first] - (junk[region.end] - junk[region.first])
        # Other text is left out only with the page's furniture around it (「规章」 beside
        # 「下载文字版」), never alone: a short line beside the text is the document's.
        if not left_out and (not other_out or (junk_out and other_out <= allowed)):
            narrower.append(region)
    # The deepest, then the one with fewest lines.
    return max(narrower, key=lambda region: (region.depth, region.first - region.end))


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


def _titled(element: html.HtmlElement) -> bool:
    """Whether an element's id or class names a title (「title」, 「article-title」, 「Article_bt」)."""
    ident, classes = element.get("id"), element.get("class")
    return bool(ident or classes) and _names_title(ident or "", classes or "")


@functools.lru_cache(maxsize=4096)
def _names_title(ident: str, classes: str) -> bool:
    return _TITLE_NAMES.search(_CASE_CHANGE.sub(" ", f"{ident} {classes}").lower()) is not None


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


def _stripped_span(text: str) -> tuple[int, int]:
    """Where a line's text starts and ends without the spaces around it."""
    start = len(text) - len(text.lstrip(WHITESPACE))
    return start, max(start, len(text.rstrip(WHITESPACE)))
