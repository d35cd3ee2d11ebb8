"""Layout pass: what a reader knows. The lines a web page's or Word file's reader marked as not
the document (site chrome, a page header, a footnote) are set aside first, with its reason."""

from __future__ import annotations

from policyparse.layout.state import Layout, take_out


def set_aside_reader_lines(layout: Layout) -> None:
    """The pass: set aside each non-blank line the reader marked."""
    if layout.reader is None:
        return
    for index, reason in sorted(layout.reader.set_aside.items()):
        line = layout.lines[index]
        if not line.is_blank:
            take_out(layout, index, (line.content_start, line.content_end), reason)
