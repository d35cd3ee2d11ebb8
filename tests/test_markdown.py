"""Markdown: the layout users read on GitHub, and that it parses back to the same structure."""

from __future__ import annotations

from pathlib import Path

import pytest

import policyparse
from policyparse import Document
from tests.conftest import GOLDEN, SEED, corpus_files

DOCUMENTS = [SEED, *sorted(GOLDEN.glob("*/input.txt")), *corpus_files()]


def structure(document: Document) -> list[tuple[object, ...]]:
    """Labels, titles, kinds and nesting of every section, attachment by attachment."""
    rows: list[tuple[object, ...]] = [
        (s.path.count("/"), s.kind.value, s.label, s.title) for s in document.walk()
    ]
    for attachment in document.attachments:
        rows.append(("attachment", attachment.label, attachment.title))
        rows.extend((s.path.count("/"), s.kind.value, s.label, s.title) for s in attachment.walk())
    return rows


@pytest.mark.parametrize("path", DOCUMENTS, ids=[f"{p.parent.name}/{p.name}" for p in DOCUMENTS])
def test_markdown_parses_back_to_the_same_structure(path: Path) -> None:
    document = policyparse.parse(path.read_text(encoding="utf-8"))
    again = policyparse.parse(policyparse.to_markdown(document))
    assert structure(again) == structure(document)
    assert again.meta.title == document.meta.title


def test_layout_of_an_opinion() -> None:
    text = "国务院关于某事的意见\n国发〔2019〕5号\n各省人民政府：\n现提出如下意见。\n四、着力提升碳市场活力\n（六）丰富交易产品。稳健推进。\n1.对党的政策的贯彻执行情况。\n国务院\n2019年1月27日\n"
    markdown = policyparse.to_markdown(policyparse.parse(text))
    assert markdown == (
        "# 国务院关于某事的意见\n\n国发〔2019〕5号\n\n各省人民政府：\n\n现提出如下意见。\n\n"
        "## 四、着力提升碳市场活力\n\n### （六）丰富交易产品\n\n稳健推进。\n\n1.对党的政策的贯彻执行情况。\n\n"
        "国务院\n\n2019年1月27日\n"
    )


def test_layout_of_a_statute() -> None:
    text = "## 第一章 总则\n\n第一条 目的\n\n为了规范。\n\n第二条 有下列情形之一的：\n\n（一）甲；\n\n（二）乙。\n\n前款规定除外。\n"
    markdown = policyparse.to_markdown(policyparse.parse(text))
    assert markdown == (
        "## 第一章 总则\n\n**第一条** 目的\n\n为了规范。\n\n<a id=\"ch-1-art-2-cl-1\"></a>\n\n**第二条** 有下列情形之一的：\n\n"
        "（一）甲；\n\n（二）乙。\n\n[前款](#ch-1-art-2-cl-1)规定除外。\n"
    )


def test_titles_with_commas_keep_their_stop() -> None:
    markdown = policyparse.to_markdown(policyparse.parse("（一）统筹两个市场，打造加工制造中心。\n1.拓展两个市场。正文。\n"))
    assert markdown.startswith("## （一）统筹两个市场，打造加工制造中心。\n\n### 1.拓展两个市场\n")


def test_references_are_links_to_anchors_that_parse_back_as_layout() -> None:
    """Issue 15: 「[本法第一条](#art-1)」 with an anchor line before article 1; the Markdown parses
    back to the same sections, with the same references resolved to the same ids."""
    text = (
        "第一条　为了示例，制定本法。\n第二条　有下列情形之一的，适用本法：\n（一）甲；\n（二）乙。\n"
        "前款第（二）项规定的情形，依照本法第一条处理。\n"
    )
    document = policyparse.parse(text)
    markdown = policyparse.to_markdown(document)
    assert markdown.startswith('<a id="art-1"></a>\n\n**第一条** 为了示例，制定本法。')
    assert "[前款第（二）项](#art-2-cl-1-item-2)规定的情形，依照[本法第一条](#art-1)处理。" in markdown
    assert '<a id="art-2-cl-1-item-2"></a>\n\n（二）乙。' in markdown
    again = policyparse.parse(markdown)
    assert structure(again) == structure(document)
    assert [(r.text, r.targets) for r in again.references] == [(r.text, r.targets) for r in document.references]
    article = again.find("art-1")
    assert article is not None and [p.text for p in article.paragraphs] == ["为了示例，制定本法。"]
