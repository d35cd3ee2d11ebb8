"""Reader stage (Word): a table's layout: its rows, each cell's colspan and rowspan, the cells merged away.

A cell spanning columns (``w:gridSpan``, cells skipped before the row with ``w:gridBefore``)
has that colspan, at most 63 (Word's limit: a span past it is a broken or hostile file); a
``w:vMerge`` restart cell the rowspan of the rows it covers, the covered (continue) cells
marked so that they are not read. A row's tracked change (``w:trPr/w:del``, ``w:trPr/w:ins``)
is told by :func:`row_change`.
"""

from __future__ import annotations

import attrs
from lxml import etree

from policyparse.readers.docx.xml import TC, TR, VAL, unwrap, w, w_int

__all__ = ["CellPlace", "row_change", "table_layout"]

# Word tables have at most 63 columns: a gridSpan past that is a broken (or hostile) file.
_MAX_COLUMNS = 63


@attrs.frozen(kw_only=True)
class CellPlace:
    """A cell of a row: its element, its spans, and whether a merge above covers it."""

    element: etree._Element
    colspan: int = 1
    rowspan: int = 1
    covered: bool = False


def table_layout(table: etree._Element) -> list[tuple[etree._Element, list[CellPlace]]]:
    """The rows of a table, each with its cells' spans; vMerge continue cells marked covered."""
    grid: list[list[tuple[etree._Element, int, int, str | None]]] = []  # (tc, column, span, vMerge)
    rows = list(unwrap(table, (TR,)))
    for row in rows:
        trpr = row.find(w("trPr"))
        column = min(max(w_int(trpr.find(w("gridBefore"))) or 0, 0), _MAX_COLUMNS) if trpr is not None else 0
        placed = []
        for cell in unwrap(row, (TC,)):
            tcpr = cell.find(w("tcPr"))
            span = min(max(w_int(tcpr.find(w("gridSpan"))) or 1, 1), _MAX_COLUMNS) if tcpr is not None else 1
            merge_element = tcpr.find(w("vMerge")) if tcpr is not None else None
            merge = None
            if merge_element is not None:
                merge = "restart" if merge_element.get(VAL) == "restart" else "continue"
            placed.append((cell, column, span, merge))
            column += span
        grid.append(placed)
    columns = [{column: merge for _, column, _, merge in placed} for placed in grid]
    layout = []
    for row_number, (row, placed) in enumerate(zip(rows, grid, strict=True)):
        cells = []
        for cell, column, span, merge in placed:
            rowspan = 1
            if merge == "restart":
                while row_number + rowspan < len(rows) and columns[row_number + rowspan].get(column) == "continue":
                    rowspan += 1
            cells.append(CellPlace(element=cell, colspan=span, rowspan=rowspan, covered=merge == "continue"))
        layout.append((row, cells))
    return layout


def row_change(row: etree._Element, tag: str) -> bool:
    """Whether a row's properties carry the tracked change ``tag`` (``w:del`` or ``w:ins``)."""
    trpr = row.find(w("trPr"))
    return trpr is not None and trpr.find(tag) is not None
