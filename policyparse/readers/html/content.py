"""Reader stage (HTML): find the document among the page's lines and give every line its role.

The finder does not know any site. Like readability-style extractors it weighs text:

* each line gets a value (:mod:`.survey`): positive for the document's kind of text (its
  characters, its sentence marks, a document's shape), negative for links and site chrome,
  nothing for metadata;
* a region (a block element holding lines) scores the sum of its lines' values, tipped by
  its id, class or tag naming the content or chrome; the best region wins, narrowed to the
  deepest region inside it that leaves out none of the document's evidence (:mod:`.container`).
  A page with no region above zero holds no document.

The passes after that give the roles, in order, over one table of lines
(:class:`.line_table.LineTable`):

1. *outside*: everything outside the container is site chrome or metadata (:mod:`.furniture`);
2. *inside*: metadata, chrome, related links, tool boxes and link edges in the container
   (:mod:`.furniture`);
3. *title*: the page's heading for the document, kept as the document's title line or set
   aside when the document's lines repeat it (:mod:`.heading`);
4. *dateline*: a date alone under the title is the page's publishing date (:mod:`.heading`);
5. *trailer*: the attachments listed after the container are the document's, its own file
   there is chrome (:mod:`.furniture`);
6. *title fact*: the document's first line, when the page sets it as its title, is the
   document's title (:class:`Finding`, :mod:`.heading`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from policyparse.errors import PolicyParseError
from policyparse.readers.html.container import find_container
from policyparse.readers.html.furniture import inside, outside, trailer
from policyparse.readers.html.heading import dateline, title, title_fact
from policyparse.readers.html.line_table import LineTable
from policyparse.readers.html.lines import Line, Region
from policyparse.readers.html.metadata import Entry
from policyparse.readers.html.titles import PageTitles
from policyparse.readers.reading import Role

__all__ = ["Finding", "assign_roles"]

# The passes that give the roles, in the order they run (see the module doc).
_PASSES: tuple[Callable[[LineTable], None], ...] = (outside, inside, title, dateline, trailer, title_fact)


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
    table = LineTable(lines, metadata, titles or PageTitles())
    try:
        table.container = find_container(table, regions)
    except PolicyParseError:
        if not any(line.concealed for line in lines):
            raise
        # A page that shows its document by script from a hidden element: read it as shown.
        table = LineTable(lines, metadata, titles or PageTitles(), conceal=False)
        table.container = find_container(table, regions)
    for run in _PASSES:
        run(table)
    return Finding(roles=tuple(table.roles), title=table.title_line, published=table.published)
