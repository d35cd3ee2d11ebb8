"""Reader stage (HTML): a web page → a :class:`~policyparse.readers.reading.Reading`, through the stages in order.

decode (bytes → text) → parse (one ``lxml.html`` parse) → walk (one pass: lines with their
evidence, :mod:`.blocks`) → metadata (label grids, :mod:`.metadata`) → roles (the document's
container, the chrome around it, the title line and the dateline, :mod:`.content` and the
modules it runs, with what the page's ``<title>`` says, :mod:`.titles`) → blocks and facts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs
from lxml import etree, html

from policyparse.errors import PolicyParseError
from policyparse.readers.html.blocks import walk_page
from policyparse.readers.html.content import assign_roles
from policyparse.readers.html.decode import decode_page
from policyparse.readers.html.lines import Line
from policyparse.readers.html.metadata import find_metadata, metadata_facts
from policyparse.readers.html.titles import PageTitles
from policyparse.readers.reading import Block, Cell, Fact, Reading, Role

__all__ = ["read_html"]

_NO_DOCUMENT = "no document found in the page"
_TRUNCATED = "html-truncated"


def read_html(data: bytes | str) -> Reading:
    """Read a web page as a reader sees it: its visible lines, the document's lines as BODY.

    Args:
        data: the page's bytes (decoded by BOM, declared charset, UTF-8 or GB18030) or text.

    Returns:
        A reading of kind ``html``: one block per visible line in reading order (site
        chrome and metadata set aside by role, never dropped), the metadata table's facts, the
        page's ``<title>`` (``page_title``, source ``html-title``), the document's title line
        when the page sets it as a heading (``title``, source ``html-heading``) and the
        dateline under it when no metadata gives the publishing date (``published``, source
        ``html-dateline``); an ``encoding-fallback`` remark for a page that was not UTF-8, an
        ``html-truncated`` one where the HTML parser gave up before the end.

    Raises:
        PolicyParseError: when the bytes cannot be decoded, or the page holds no document.
    """
    text, remarks = decode_page(data)
    root, stopped = _parse(text)
    walk = walk_page(root)
    entries = find_metadata(walk.lines)
    try:
        finding = assign_roles(walk.lines, walk.regions, entries, PageTitles.of(walk.page_title, walk.meta_title))
    except PolicyParseError as error:
        if stopped is None:
            raise
        raise PolicyParseError(f"{_NO_DOCUMENT}: {stopped}") from error
    if stopped is not None:
        remarks = (*remarks, (_TRUNCATED, f"{stopped}; the text after it is not in the reading"))
    roles = finding.roles
    blocks, numbers = _blocks(walk.lines, roles)
    kept = {index: entry for index, entry in entries.items() if roles[index] is Role.METADATA}
    facts = metadata_facts(walk.lines, kept, numbers)
    if finding.title is not None:
        index, start, end = finding.title
        text = walk.lines[index].text[start:end]
        facts.append(Fact(field="title", value=text, block=numbers[index], start=start, end=end, source="html-heading"))
    if finding.published is not None and not any(fact.field == "published" for fact in facts):
        index, start, end, iso = finding.published
        facts.append(
            Fact(field="published", value=iso, block=numbers[index], start=start, end=end, source="html-dateline")
        )
    if walk.page_title:
        facts.append(Fact(field="page_title", value=walk.page_title, block=None, source="html-title"))
    return Reading(kind="html", blocks=tuple(blocks), facts=tuple(facts), remarks=remarks)


def _parse(text: str) -> tuple[html.HtmlElement, str | None]:
    """Parse the page once, and say where the parser stopped if it gave up before the end.

    The text is handed over as UTF-8, so that no ``<meta>`` decodes it again. libxml2 reads
    past broken markup but stops for good at a resource limit: elements nested 2048 deep
    (a page that never closes its ``<font>`` tags). What it read is kept, and the stop is
    said, never silent.
    """
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    # NUL shows nothing and ends libxml2's reading of the input.
    data = text.replace("\x00", "").encode("utf-8", errors="surrogatepass")
    if not data.strip():
        raise PolicyParseError(_NO_DOCUMENT)
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise PolicyParseError(_NO_DOCUMENT) from error
    for entry in parser.error_log:
        if entry.level_name == "FATAL":
            message = entry.message.split(",")[0].strip()
            return root, f"the HTML parser stopped at line {entry.line} ({message[:1].lower()}{message[1:]})"
    return root, None


def _blocks(lines: Sequence[Line], roles: Sequence[Role | None]) -> tuple[list[Block], dict[int, int]]:
    """The blocks of the lines that have a role, in order, and each such line's first block's number."""
    paths = _Paths()
    blocks: list[Block] = []
    numbers: dict[int, int] = {}
    rows: Counter[int] = Counter()
    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if role is None:
            continue
        numbers[index] = len(blocks)
        block = _block(line, role, paths.of(line.element))
        if block.table is None:
            blocks.append(block)
            continue
        number = rows[block.table]
        rows[block.table] += 1
        if role is Role.BODY:
            blocks.extend(_cell_blocks(block, line.cell_lines, number))
        else:
            blocks.append(attrs.evolve(block, row=number))
    return blocks, numbers


def _block(line: Line, role: Role, locator: str) -> Block:
    return Block(
        text=line.text,
        role=role,
        element=line.tag,
        locator=locator,
        source_line=line.element.sourceline,
        heading=line.heading,
        bold=line.bold,
        table=line.table,
        cells=line.cells,
    )


def _cell_blocks(row: Block, cell_lines: tuple[tuple[str, ...], ...], number: int) -> list[Block]:
    """A document's table row as one block per cell, in order, each of the cell's lines a line.

    A page's table is read one cell a line, as the text versions of government pages give it:
    a cell often opens with a number (「一、医疗质量」「（一）功能定位」「1.门诊人次数…」 in an index
    of indicators), and on a line of its own it is the heading it is in the text.
    """
    return [
        attrs.evolve(
            row, text="\n".join(lines), row=number,
            cells=(Cell(start=0, end=cell.end - cell.start, colspan=cell.colspan, rowspan=cell.rowspan),),
            bold=min(row.bold, cell.end) - cell.start if row.bold > cell.start else 0,
        )
        for cell, lines in zip(row.cells, cell_lines, strict=True)
    ]


class _Paths:
    """Element paths as ``getpath`` writes them (``/html/body/div[2]/p[5]``), each parent's children at once.

    ``getpath`` counts an element's earlier siblings on every call: on a page of thousands of
    paragraphs in one ``div`` that is quadratic (seconds for a 2 MB page).
    """

    def __init__(self) -> None:
        self._paths: dict[html.HtmlElement, str] = {}

    def of(self, element: html.HtmlElement) -> str:
        """The path of ``element``."""
        missing = []
        current: html.HtmlElement | None = element
        while current is not None and current not in self._paths:
            missing.append(current)
            current = current.getparent()
        if current is None:  # the root
            root = missing.pop()
            self._paths[root] = "/" + str(root.tag)
            current = root
        for child in reversed(missing):
            self._name_children(current)
            current = child
        return self._paths[element]

    def _name_children(self, parent: html.HtmlElement) -> None:
        if len(parent) and parent[0] in self._paths:
            return  # named already
        base = self._paths[parent]
        tags = [str(child.tag) for child in parent]
        counts = Counter(tags)
        seen: Counter[str] = Counter()
        for child, tag in zip(parent, tags, strict=True):
            seen[tag] += 1
            self._paths[child] = f"{base}/{tag}" if counts[tag] == 1 else f"{base}/{tag}[{seen[tag]}]"
