"""Finding things in a parsed document: find, find_all, parent, ancestors, walk, text, typed meta."""

from __future__ import annotations

import datetime
import json

import pytest

import policyparse
from tests.conftest import GOLDEN, SEED

LAW = """中华人民共和国某某法
第一章　总　　则
第一条　为了规范某某工作，制定本法。
第二条　本法适用于下列事项：
（一）甲事项；
（二）乙事项。
前款规定的事项，由国务院规定。
第二章　附　　则
第三条　本法自2024年1月1日起施行。
"""
NOTICE = (GOLDEN / "gov-notice-iit-special-deductions-2018" / "input.txt").read_text(encoding="utf-8")


def test_find_by_id_path_label_and_end_of_path() -> None:
    document = policyparse.parse(LAW)
    second = document.find("ch-1/art-2")
    assert second is not None and second.label == "第二条"
    assert document.find("第一章/第二条") is second
    assert document.find("第二条") is second
    assert document.find("第二条/第二款") is document.find("ch-1/art-2/cl-2")
    assert document.find("第九条") is None


def test_find_refuses_to_guess_between_sections_with_one_label() -> None:
    document = policyparse.parse(LAW.replace("第三条　本法", "第二条　本法"))
    with pytest.raises(ValueError, match="2 sections match '第二条'"):
        document.find("第二条")
    assert document.find("第二章/第二条") is not None


def test_find_reaches_an_embedded_document() -> None:
    document = policyparse.parse(NOTICE)
    first = document.find("第一条")
    assert first is not None and first.id.startswith("doc-1/")
    assert first not in document.walk() and first in document.walk(attachments=True)


def test_find_all_by_kind_label_number_and_title() -> None:
    document = policyparse.parse(LAW)
    assert [s.label for s in document.find_all(kind="article")] == ["第一条", "第二条", "第三条"]
    assert [s.title for s in document.find_all(kind=policyparse.Kind.CHAPTER)] == ["总则", "附则"]
    assert [s.path for s in document.find_all(label="（二）")] == ["第一章/第二条/第一款/（二）"]
    assert [s.label for s in document.find_all(kind="chapter", number=2)] == ["第二章"]
    assert document.find_all(title="附则")[0].label == "第二章"
    assert len(policyparse.parse(NOTICE).find_all(kind="article")) > 0


def test_parent_and_ancestors() -> None:
    document = policyparse.parse(LAW)
    item = document.find("第二条/第一款/（二）")
    assert item is not None
    assert [s.path for s in document.ancestors(item)] == ["第一章/第二条/第一款", "第一章/第二条", "第一章"]
    parent = document.parent(item)
    assert parent is not None and parent.path == "第一章/第二条/第一款"
    chapter = document.find("第一章")
    assert chapter is not None and document.parent(chapter) is None
    other = policyparse.parse("一、总则\n").sections[0]
    with pytest.raises(ValueError, match="not in this document"):
        document.parent(other)


def test_section_text_is_what_a_reader_copies() -> None:
    document = policyparse.parse(LAW)
    second = document.find("第二条")
    assert second is not None
    assert second.text == "第二条 本法适用于下列事项：\n（一）甲事项；\n（二）乙事项。\n前款规定的事项，由国务院规定。"
    chapter = document.find("第二章")
    assert chapter is not None and chapter.text == "第二章 附则\n第三条 本法自2024年1月1日起施行。"


def test_document_text_leaves_out_what_was_set_aside() -> None:
    seed = policyparse.parse_file(SEED)
    aside = [item.text for item in seed.set_aside if len(item.text) > 4]
    assert aside and not any(text in seed.text for text in aside)
    assert "（六）丰富交易产品\n稳健推进金融机构" in seed.text
    assert policyparse.parse(LAW).text.startswith("中华人民共和国某某法\n第一章 总则\n第一条 为了规范某某工作")


def test_meta_date_is_a_date_and_json_keeps_iso() -> None:
    document = policyparse.parse((GOLDEN / "gov-opinion-bonded-zones-2019" / "input.txt").read_text(encoding="utf-8"))
    assert document.meta.date == datetime.date(2019, 1, 12)
    data = json.loads(policyparse.to_json(document))
    assert data["meta"]["date"] == "2019-01-12"
    assert policyparse.from_json(policyparse.to_json(document)).meta.date == datetime.date(2019, 1, 12)
    assert policyparse.parse("国务院\n2019年2月30日\n").meta.date is None  # no such day


def test_the_package_exports_what_its_functions_return() -> None:
    for name in ("Document", "Section", "Meta", "Table", "Origin", "SetAside", "Page", "PagePart", "Join", "parse_bytes", "parse_html",
                 "parse_docx", "__version__"):
        assert name in policyparse.__all__ and hasattr(policyparse, name), name
