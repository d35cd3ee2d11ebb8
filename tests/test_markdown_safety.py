"""Markdown output renders no live markup: what CommonMark would read as HTML or a link in a
document's text is escaped, and the Markdown still parses back to the same structure."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

import policyparse
from policyparse._markdown_escape import escape_text

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">点此</a>',
    "[点此](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<iframe src=//evil.example></iframe>",
    "[点此][x]\n[x]: javascript:alert(1)",
    "<svg/onload=alert(1)>",
]
# Tags and link targets in the rendered HTML (an escaped payload shows as &lt;img …, inert).
LIVE = ("<script", "<img", "<iframe", "<svg", "<a href", "href=\"javascript")


def _rendered(markdown: str) -> str:
    return str(MarkdownIt("commonmark").render(markdown))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_renders_as_markup(payload: str) -> None:
    text = (
        f"关于{payload}的通知\n国发〔2019〕5号\n各省人民政府：\n现提出{payload}意见。\n"
        f"一、总体{payload}要求\n（一）指导思想{payload}。正文{payload}。\n第一条 内容{payload}。\n"
    )
    document = policyparse.parse(text)
    markdown = policyparse.to_markdown(document)
    html = _rendered(markdown)
    assert not [mark for mark in LIVE if mark in html], html
    again = policyparse.parse(markdown)
    assert [(s.label, s.title) for s in again.walk()] == [(s.label, s.title) for s in document.walk()]
    assert again.meta.title == document.meta.title


def test_table_cells_are_inert_too() -> None:
    from tests.docx_builder import cell, docx, para, row, table

    body = para("一、附表") + table(row(cell("名称"), cell("说明")), row(cell("<script>x</script>"), cell("[a](javascript:b)")), grid=2)
    html = _rendered(policyparse.to_markdown(policyparse.parse_docx(docx(body))))
    assert "<table>" not in html or "<script" not in html
    assert not [mark for mark in LIVE if mark in html]


def test_ordinary_text_is_written_as_it_is() -> None:
    for text in ("依照《中华人民共和国刑法》第二百条，x > y", "国发[2019]3号", "第[三]条", "2<3", "＜不予受理＞"):
        assert escape_text(text) == text
    assert escape_text("<b>粗</b>") == "\\<b>粗\\</b>"
    assert escape_text("[链接](http://x)") == "\\[链接](http://x)"
