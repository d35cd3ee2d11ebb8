"""Parser behaviour on real lines: levels, inline headings, fragments, diagnostics, strict mode."""

from __future__ import annotations

import gc

import pytest

import policyparse
from policyparse import Kind, PolicyParseError
from tests.conftest import GOLDEN, SEED


def outline(text: str) -> list[tuple[str, str | None, str | None]]:
    """(path, kind, title) of every section."""
    return [(s.path, s.kind.value, s.title) for s in policyparse.parse(text).walk()]


def codes(text: str) -> list[tuple[str, int | None]]:
    return [(d.code, d.line) for d in policyparse.parse(text).diagnostics]


SEED_OUTLINE = [
    ("…", None),
    ("…/（五）", "积极推动核证自愿减排量应用"),
    ("四、", "着力提升碳市场活力"),
    ("四、/（六）", "丰富交易产品"),
    ("四、/（七）", "扩展交易主体"),
    ("四、/（八）", "加强市场交易监管"),
    ("五、", "全面加强碳市场能力建设"),
    ("五、/（九）", "完善管理体制和支撑体系"),
    ("五、/（十）", "加强碳排放核算与报告管理"),
    ("五、/（十一）", "严格规范碳排放核查"),
    ("五、/（十二）", "加强碳排放数据质量全过程监管"),
    ("五、/（十三）", "加强技术服务机构监管"),
    ("五、/（十四）", "完善信息披露制度"),
    ("六、", "加强组织实施保障"),
    ("六、/（十五）", "加强组织领导"),
    ("六、/（十六）", "强化政策法规支撑"),
    ("六、/（十七）", "深化国际交流与合作"),
]


def test_seed_opinion_tree() -> None:
    text = SEED.read_text(encoding="utf-8")
    document = policyparse.parse(text)
    assert [(s.path, s.title) for s in document.walk()] == SEED_OUTLINE
    placeholder = document.sections[0]
    assert placeholder.implicit and placeholder.label is None and placeholder.number == 3
    eleven = next(s for s in document.walk() if s.label == "（十一）")
    assert "确保保审定、核查结果的准确性和可信度。" in eleven.paragraphs[-1].text
    assert "starts-mid-document" in [d.code for d in document.diagnostics]
    assert policyparse.to_text(document) == text
    # Without page extraction the page's other articles stay around the opinion.
    plain = policyparse.parse(text, page=False)
    assert [(s.path, s.title) for s in plain.walk()] == SEED_OUTLINE
    assert plain.walk()[9].paragraphs[-1].text.startswith("保审定、核查结果的准确性和可信度。")


def test_inline_heading_title_and_body() -> None:
    document = policyparse.parse("（六）丰富交易产品。稳健推进金融机构探索开发。\n")
    (section,) = document.sections
    assert (section.label, section.number, section.title) == ("（六）", 6, "丰富交易产品")
    assert [p.text for p in section.paragraphs] == ["稳健推进金融机构探索开发。"]


def test_heading_alone_on_its_line_is_title_only() -> None:
    (section,) = policyparse.parse("四、着力提升碳市场活力\n").sections
    assert section.title == "着力提升碳市场活力" and section.paragraphs == ()


def test_sentence_heading_with_body_below_is_a_title() -> None:
    text = "（一）统筹建设监管工作平台。\n依托全国一体化在线政务服务平台，建设监管工作平台。\n"
    (section,) = policyparse.parse(text).sections
    assert section.title == "统筹建设监管工作平台"
    assert [p.text for p in section.paragraphs] == ["依托全国一体化在线政务服务平台，建设监管工作平台。"]


@pytest.mark.parametrize(
    "line",
    [
        "1.未依照章程开展业务活动的；",  # a list clause ending in ；
        "10.法人社会团体还应具备：",  # a lead-in ending in ：
        "（一）各级登记管理机关和业务主管部门要在各级党委和政府领导下，认真履行有关通知规定的职责。其他。",
    ],
)
def test_list_items_get_no_title(line: str) -> None:
    (section,) = policyparse.parse(line + "\n").sections
    assert section.title is None
    assert section.paragraphs[0].text == line[len(section.label or "") :]


def test_one_sentence_item_followed_by_sibling_has_no_title() -> None:
    text = "（二）符合下列要求的社会团体予以保留。\n1.遵守国家法律法规。\n2.有规范的名称。\n3.有50个以上的成员。\n"
    sections = policyparse.parse(text).walk()
    assert [s.title for s in sections] == [None, None, None, None]


def test_levels_nest_by_marker_and_may_be_skipped() -> None:
    text = "一、总体要求\n1.拓展两个市场。正文。\n（1）统一领导。正文。\n（一）加强组织领导。正文。\n①第一点\n二、保障措施\n"
    assert [(p, k) for p, k, _ in outline(text)] == [
        ("一、", "heading1"),
        ("一、/1.", "heading3"),
        ("一、/1./（1）", "heading4"),
        ("一、/（一）", "heading2"),
        ("一、/（一）/①", "heading5"),
        ("二、", "heading1"),
    ]


@pytest.mark.parametrize(
    ("line", "label", "number"),
    [
        ("(一)坚持深化改革。正文。", "(一)", 1),
        ("（十二)加强监管。正文。", "（十二)", 12),
        ("1．拓展两个市场。正文。", "1．", 1),
        ("3、释放企业产能。正文。", "3、", 3),
        ("１２．全角数字。正文。", "１２．", 12),
        ("(1)统一领导。正文。", "(1)", 1),
        ("⑳第二十点", "⑳", 20),
        ("十一、秘书长在总理领导下。", "十一、", 11),
        ("1.2.1　国家级（Ⅰ级）：两个以上省出现粮食应急状态。", "1.2.1", 1),
    ],
)
def test_marker_variants(line: str, label: str, number: int) -> None:
    (section,) = policyparse.parse(line).sections
    assert (section.label, section.number) == (label, number)


@pytest.mark.parametrize(
    "line",
    [
        "2025 年，全国碳排放权交易市场覆盖主要工业行业。",
        "1.5万亿元的投资已经到位。",
        "2019.1月起施行。",
        "（上接第一版）",
        "（新华社北京8月25日电）",
        "第十条规定的情形除外。",
        "一是加强组织领导，二是强化政策支撑。",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    document = policyparse.parse(line + "\n")
    assert document.sections == ()
    assert [p.text for p in document.preamble] == [line]


def test_decimal_outline() -> None:
    text = "1　总则\n1.1　编制目的及依据\n为保证粮食安全。\n1.2　等级划分\n1.2.1　国家级：两个以上省出现应急状态。\n2　组织机构和职责\n"
    assert [(p, t) for p, _, t in outline(text)] == [
        ("1", "总则"),
        ("1/1.1", "编制目的及依据"),
        ("1/1.2", "等级划分"),
        ("1/1.2/1.2.1", None),
        ("2", "组织机构和职责"),
    ]


def test_label_alone_with_title_on_next_line() -> None:
    text = "（三）\n合理用药\n16.点评处方占处方总数的比例\n定量\n"
    (section,) = policyparse.parse(text).sections
    assert (section.label, section.title) == ("（三）", "合理用药")
    assert section.children[0].title == "点评处方占处方总数的比例"


def test_numbers_continue_across_parents_without_a_gap() -> None:
    text = (GOLDEN / "gov-opinion-bonded-zones-2019" / "input.txt").read_text(encoding="utf-8")
    document = policyparse.parse(text)
    items = [s.number for s in document.walk() if s.kind is Kind.HEADING3]
    assert items == list(range(1, 22))
    assert document.diagnostics == ()


def test_no_numbering_is_a_document_of_paragraphs() -> None:
    text = "南海之滨，风动潮涌。\n\n深圳湾云帆高张。\n"
    document = policyparse.parse(text)
    assert document.sections == () and [p.text for p in document.preamble] == ["南海之滨，风动潮涌。", "深圳湾云帆高张。"]
    assert document.diagnostics == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、甲\n二、乙\n四、丁\n", [("numbering-gap", 3)]),
        ("一、甲\n二、乙\n二、丙\n", [("numbering-duplicate", 3)]),
        ("一、甲\n三、丙\n二、乙\n", [("numbering-gap", 2), ("numbering-order", 3)]),
        ("一、甲\nⅡ、罗马数字\n", [("unknown-marker", 2)]),
        ("一、甲\n（二）乙\n", [("numbering-gap", 2)]),
    ],
)
def test_numbering_diagnostics(text: str, expected: list[tuple[str, int]]) -> None:
    assert codes(text) == expected
    assert all(d.severity.value == "warning" for d in policyparse.parse(text).diagnostics)


def test_strict_raises_with_line_and_column() -> None:
    with pytest.raises(PolicyParseError) as raised:
        policyparse.parse("一、甲\n二、乙\n\u3000\u3000四、丁\n", strict=True)
    assert (raised.value.line, raised.value.column, raised.value.code) == (3, 3, "numbering-gap")
    assert "line 3, column 3" in str(raised.value)


def test_strict_accepts_a_fragment_and_clean_numbering() -> None:
    document = policyparse.parse(SEED.read_text(encoding="utf-8"), strict=True)
    assert "starts-mid-document" in [d.code for d in document.diagnostics]


def test_fragment_placeholder_chain() -> None:
    text = "3.第三项\n（二）第二目\n二、第二部分\n"
    document = policyparse.parse(text)
    placeholder = document.sections[0]
    assert placeholder.implicit and placeholder.kind is Kind.HEADING1 and placeholder.number == 1
    inner = placeholder.children[0]
    assert inner.implicit and inner.kind is Kind.HEADING2 and inner.number == 1
    assert [s.path for s in document.walk()] == ["…", "…/…", "…/…/3.", "…/（二）", "二、"]
    assert [d.code for d in document.diagnostics] == ["starts-mid-document"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "一、甲\r\n（一）乙。正文。  \r\n\r\n二、丙\r\n",
        "\ufeff一、甲\n",
        "一、甲\r二、乙\r",
        "  \u3000一、甲  \n\t正文\t\n",
        "四、着力提升碳市场活力",
    ],
)
def test_lossless(text: str) -> None:
    assert policyparse.to_text(policyparse.parse(text)) == text


def test_empty_text_is_an_empty_document_with_a_note() -> None:
    document = policyparse.parse("")
    assert document.sections == () and document.preamble == ()
    assert [d.code for d in document.diagnostics] == ["empty-document"]


def test_parse_rejects_bytes() -> None:
    with pytest.raises(TypeError):
        policyparse.parse(b"\xe4\xb8\x80" )  # type: ignore[arg-type]


def test_articles_numbered_with_yi_under_chapters_are_articles() -> None:
    text = "第一章　总  则\n一、国务院工作的指导思想。\n（一）讨论决定重大事项；\n第二章　组成人员职责\n二、国务院实行总理负责制。\n"
    assert [(p, k, t) for p, k, t in outline(text)] == [
        ("第一章", "chapter", "总则"),
        ("第一章/一、", "article", None),
        ("第一章/一、/（一）", "item", None),
        ("第二章", "chapter", "组成人员职责"),
        ("第二章/二、", "article", None),
    ]


def test_table_of_contents_is_not_the_body() -> None:
    text = "国家粮食应急预案\n目　　录\n1　总则\n　　1.1　编制目的\n2　附则\n1　总则\n1.1　编制目的\n正文。\n2　附则\n"
    document = policyparse.parse(text)
    assert [p.text for p in document.contents] == ["目　　录", "1　总则", "1.1　编制目的", "2　附则"]
    assert [s.path for s in document.walk()] == ["1", "1/1.1", "2"]
    assert document.diagnostics == ()


def test_parse_leaves_the_garbage_collector_as_it_found_it() -> None:
    """parse() pauses the cyclic collector while it builds (issue 19: linear growth) and puts
    it back: on when it was on, off when it was off, also when the parse raises."""
    assert gc.isenabled()
    policyparse.parse("一、总则\n（一）目的\n")
    assert gc.isenabled()
    with pytest.raises(PolicyParseError):
        policyparse.parse("一、总则\n三、重复\n", strict=True)
    assert gc.isenabled()
    gc.disable()
    try:
        policyparse.parse("一、总则\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
