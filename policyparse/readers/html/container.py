"""Reader stage (HTML): choose the document's container: the best-scoring region, narrowed to the document.

* a region's score is the sum of its lines' values (:mod:`.survey`), plus 25 when its id,
  class or tag names the content (``UCAP-CONTENT``, ``pages_content``, ``TRS_Editor``,
  ``TRS_UEDITOR``, ``mainText``, ``article-content``, ``details``, ``zoom``, ``<article>``,
  ``<main>`` …) and minus 25 when it names chrome (``nav``, ``footer``, ``sidebar``,
  ``breadcrumb``, ``share``, ``info``, ``<nav>``, ``<aside>`` …): the hints tip close calls and
  are never needed;
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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policyparse.errors import PolicyParseError
from policyparse.readers.html.heading import titleish
from policyparse.readers.html.line_table import LineTable
from policyparse.readers.html.lines import Region

__all__ = ["find_container"]

_HINT = 25
# Narrowing the best region: what the narrower container may leave out of it.
_LEFT_OUT_SHARE = 0.1

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


def find_container(table: LineTable, regions: Sequence[Region]) -> Region:
    """The best-scoring region, narrowed to the deepest one inside it that leaves out none of the document.

    Args:
        table: the page's lines, surveyed.
        regions: the block elements holding them (candidate containers).

    Returns:
        The document's container.

    Raises:
        PolicyParseError: when no region scores above zero.
    """
    seen = table.seen
    sums = [0.0]
    evidence = [0]
    junk = [0]  # chrome, metadata, links
    other = [0.0]  # positive value of lines that are neither evidence, nor chrome, nor a title
    for index, line in enumerate(seen):
        sums.append(sums[-1] + line.value)
        evidence.append(evidence[-1] + line.evidence)
        junk.append(junk[-1] + (line.visible > 0 and (line.chrome or index in table.metadata or
                                                       (line.links and not line.kept))))
        counted = line.value > 0 and not line.evidence and not titleish(table, index)
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
