"""Reader stage (HTML): the table of lines the content finder annotates: each line's survey and role, what was found.

Built once per page, each line surveyed once (:mod:`.survey`); the container is chosen over
it (:mod:`.container`) and the passes that :mod:`.content` lists then give the roles in order
(:mod:`.furniture`, :mod:`.heading`), each reading what the passes before it decided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from policyparse.readers.html.lines import Line, Region
from policyparse.readers.html.metadata import Entry
from policyparse.readers.html.survey import survey
from policyparse.readers.html.titles import PageTitles
from policyparse.readers.reading import Role

__all__ = ["LineTable"]


class LineTable:
    """The table of lines the passes annotate, in the order :func:`.content.assign_roles` runs them.

    Attributes:
        lines: the page's lines.
        metadata: the metadata lines by index.
        titles: what the page's ``<title>`` and meta title say the document is called.
        seen: each line's survey.
        roles: each line's role so far (filled by the first pass).
        container: the document's container, once chosen.
        heading: the page's title line(s) for the document, ``(start, end)``.
        repeat: the body lines that repeat a heading set aside, ``(start, end)``.
        title_line: the document's title line and its text's span, ``(line, start, end)``.
        published: the dateline under the title, ``(line, start, end, ISO date)``.
    """

    def __init__(self, lines: Sequence[Line], metadata: Mapping[int, Entry], titles: PageTitles, *,
                 conceal: bool = True) -> None:
        """Survey every line.

        Args:
            lines: the page's lines.
            metadata: the metadata lines by index.
            titles: what the page's ``<title>`` and meta title say the document is called.
            conceal: whether a concealed line (a dialog's, a hidden class's) is chrome.
        """
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
        """The container's lines, ``(first, end)``."""
        assert self.container is not None
        return self.container.first, self.container.end
