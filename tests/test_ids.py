"""Structural ids: one segment per level, ``~2`` for a repeated number (policyparse/_ids.py)."""

from __future__ import annotations

import pytest

import policyparse
from policyparse._ids import attachment_id, repeated, section_id
from policyparse.model import Kind


@pytest.mark.parametrize(
    ("kind", "number", "parent", "label", "expected"),
    [
        (Kind.HEADING2, 6, "h1-4", "（六）", "h1-4/h2-6"),
        (Kind.ITEM, 2, "ch-3/art-10", "（二）", "ch-3/art-10/item-2"),
        (Kind.ARTICLE, 10, "ch-3", "第十条", "ch-3/art-10"),
        (Kind.OUTLINE, 1, "", "1", "ol-1"),
        (Kind.OUTLINE, 2, "ol-1", "1.2", "ol-1/ol-2"),
        (Kind.ARTICLE, 3, "", "第三条之一", "art-3-1"),
        (Kind.PREFACE, None, "", "序言", "pre"),
        (Kind.SUPPLEMENTARY, None, "", "附则", "supp"),
        (Kind.SUBITEM, 1, "art-2/item-3", "1.", "art-2/item-3/sub-1"),
        (Kind.HEADING1, 1, "att-2", "一、", "att-2/h1-1"),
        (Kind.CLAUSE, 2, "ch-1/art-3", "", "ch-1/art-3/cl-2"),
    ],
)
def test_section_id(kind: Kind, number: int | None, parent: str, label: str, expected: str) -> None:
    assert section_id(kind, number, parent=parent, label=label, seen={}) == expected


def test_a_repeated_segment_among_siblings_gets_a_suffix() -> None:
    seen: dict[str, int] = {}
    ids = [section_id(Kind.HEADING2, n, parent="h1-1", seen=seen) for n in (1, 2, 3, 3, 3, 4)]
    assert ids == ["h1-1/h2-1", "h1-1/h2-2", "h1-1/h2-3", "h1-1/h2-3~2", "h1-1/h2-3~3", "h1-1/h2-4"]
    # 第三条 and 第三条之一 are different segments; a second 第三条之一 is a repeat.
    seen = {}
    ids = [section_id(Kind.ARTICLE, 3, label=label, seen=seen) for label in ("第三条", "第三条之一", "第三条之一")]
    assert ids == ["art-3", "art-3-1", "art-3-1~2"]


def test_repeats_are_counted_per_sibling_group_and_for_attachment_paths() -> None:
    assert section_id(Kind.HEADING1, 1, seen={"h1-1": 1}) == "h1-1~2"
    assert section_id(Kind.HEADING1, 1) == "h1-1"  # no count kept: never a suffix
    seen: dict[str, int] = {}
    assert [repeated("《办法》", seen) for _ in range(3)] == ["《办法》", "《办法》~2", "《办法》~3"]
    assert attachment_id("attachment", 2) == "att-2"
    assert attachment_id("embedded", 1) == "doc-1"


def _ids(text: str) -> list[str]:
    document = policyparse.parse(text)
    return [s.id for s in document.walk()] + [s.id for a in document.attachments for s in a.walk()]


def test_parsed_documents_carry_these_ids() -> None:
    statute = (
        "第三章　监督\n第十条　有下列情形之一的，予以处罚：\n（一）甲；\n（二）乙。\n"
        "第十条之一　前条所称处罚，由主管部门决定。\n本条自公布之日起施行。\n"
    )
    assert _ids(statute) == [
        "ch-3", "ch-3/art-10", "ch-3/art-10/item-1", "ch-3/art-10/item-2",
        "ch-3/art-10-1", "ch-3/art-10-1/cl-1", "ch-3/art-10-1/cl-2",
    ]
    official = "四、着力提升碳市场活力\n（五）甲。\n（六）丰富交易产品。稳健推进。\n（六）再次。\n"
    assert _ids(official) == ["h1-4", "h1-4/h2-5", "h1-4/h2-6", "h1-4/h2-6~2"]
    assert _ids("1　总则\n1.1　目的\n1.2　范围\n") == ["ol-1", "ol-1/ol-1", "ol-1/ol-2"]
