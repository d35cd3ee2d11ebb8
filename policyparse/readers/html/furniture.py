"""Reader stage (HTML): the content finder's passes that set the page's furniture aside: outside, inside, trailer.

Passes 1, 2 and 5 of :mod:`.content`, over the table of lines (:mod:`.line_table`):

1. *outside*: everything outside the container is site chrome, or metadata where
   :mod:`.metadata` found a label grid or list;
2. *inside*: in the container, a ``label：value`` line is metadata before the document's
   text starts (a grid row, or a list of such lines, anywhere when its labels have colons);
   chrome lines are chrome; a 「相关链接」 heading and the link lines under it are chrome (links
   to files stay); a box of the page's tools (an element whose class or id says share, qr,
   ewm, print, tools, fontsize, search) is chrome when all its lines are short and none is the
   document's; runs of link lines at the container's edges are chrome;
5. *trailer*: the link lines to attachments right after the container (a list of 「附件1：…」
   links to .docx files in an element of its own) are BODY; after the document's last
   sentence, a link to a file whose name is the document's title (「…的通知.pdf」, the page's
   download of itself) is chrome; other file links stay, they are the document's attachments.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from lxml import html

from policyparse.readers.html.chrome import file_link_name, is_related_heading
from policyparse.readers.html.heading import heading_text
from policyparse.readers.html.line_table import LineTable
from policyparse.readers.html.metadata import Entry
from policyparse.readers.html.survey import Survey
from policyparse.readers.html.titles import squeeze
from policyparse.readers.reading import Role

__all__ = ["inside", "outside", "trailer"]

_TOOL_LINE = 40  # a line in a tool box this short may be the tool's
_COLON = re.compile(r"[^\s:：]\s*[:：]")


def outside(table: LineTable) -> None:
    """BODY inside the container; chrome, metadata or nothing outside it."""
    first, end = table.span
    for index, line in enumerate(table.seen):
        if first <= index < end:
            table.roles.append(Role.BODY)
        elif index in table.metadata:
            table.roles.append(Role.METADATA)
        else:
            table.roles.append(Role.SITE_CHROME if line.visible else None)


def inside(table: LineTable) -> None:
    """Roles inside the container: metadata, chrome lines, related links, tool boxes, link edges."""
    lines, seen, roles, metadata = table.lines, table.seen, table.roles, table.metadata
    first, end = table.span
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
    _tool_boxes(table)
    # Link lines at the container's edges: a menu above the text, a list of links below it.
    for order in (range(first, end), range(end - 1, first - 1, -1)):
        for index in order:
            line = seen[index]
            if roles[index] is not Role.BODY or not line.visible:
                continue
            if not line.links or line.kept:
                break
            roles[index] = Role.SITE_CHROME


def _tool_boxes(table: LineTable) -> None:
    """A box of the page's tools inside the container: chrome when no line of it is the document's.

    A class or id saying share, qr, print … names the tool only if the box holds short
    lines that are not the document's (「扫码浏览」, 「分享文章到」, 「取消」); a 「printContent」 that
    wraps the text is no tool box.
    """
    assert table.container is not None
    container = table.container.element
    first, end = table.span
    groups: dict[html.HtmlElement, list[int]] = {}
    for index in range(first, end):
        box = table.lines[index].box
        if box is not None and table.roles[index] is Role.BODY:
            groups.setdefault(box, []).append(index)
    for box, members in groups.items():
        if box is container or not any(ancestor is container for ancestor in box.iterancestors()):
            continue
        if all(table.seen[i].visible <= _TOOL_LINE and not table.seen[i].evidence for i in members):
            for index in members:
                table.roles[index] = Role.SITE_CHROME


def trailer(table: LineTable) -> None:
    """The attachments listed after the container are the document's; its own file there is chrome.

    A CMS lists a document's attachments in an element of their own after the text's
    (「附件1：…」 links, links to .docx files, under a 「相关附件：」 maybe): the link lines right
    after the container are BODY. After the document's last sentence, a link to a file whose name is the document's
    title (「…的通知.pdf」: the page's download of itself) is chrome.
    """
    first, end = table.span
    for index in range(end, len(table.lines)):
        line = table.seen[index]
        if not line.visible or is_related_heading(table.lines[index].text):
            continue  # 「相关附件：」 over the list stays chrome
        if not line.kept or index in table.metadata:
            break
        table.roles[index] = Role.BODY
        end = index + 1
    last = None
    for index in range(end - 1, first - 1, -1):
        line = table.seen[index]
        if table.roles[index] is Role.BODY and line.evidence and not line.links:
            last = index
            break
    if last is None:
        return
    title = heading_text(table)
    for index in range(last + 1, end):
        line = table.seen[index]
        if table.roles[index] is not Role.BODY or not line.links:
            continue
        name = file_link_name(table.lines[index].text)
        if name is not None and (table.titles.agrees(name) or (title is not None and squeeze(name) == title)):
            table.roles[index] = Role.SITE_CHROME


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
