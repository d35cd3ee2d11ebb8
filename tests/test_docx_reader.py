"""The Word reader: .docx files built in the tests (and the corpus samples) read as Word shows them."""

from __future__ import annotations

import time

import pytest

from policyparse.errors import PolicyParseError
from policyparse.readers.docx import package as docx_package
from policyparse.readers.docx import read_docx
from policyparse.readers.reading import Block, Cell, Fact, Reading, Role
from tests.conftest import CORPUS
from tests.docx_builder import (
    abstract,
    cell,
    docx,
    level,
    num,
    para,
    row,
    run,
    story,
    style,
    table,
    zipped,
)

SAMPLES = CORPUS / "docx"
NORMAL = style("Normal", "Normal", default=True)


def body(reading: Reading) -> list[str]:
    return [block.text for block in reading.blocks if block.role is Role.BODY]


def body_blocks(reading: Reading) -> list[Block]:
    return [block for block in reading.blocks if block.role is Role.BODY]


def fld(kind: str) -> str:
    return run(inner=f'<w:fldChar w:fldCharType="{kind}"/>')


def instr(code: str) -> str:
    return run(inner=f'<w:instrText xml:space="preserve">{code}</w:instrText>')


# -- number formats ---------------------------------------------------------------------------

FORMATS = [
    ("chineseCounting", 1, "一"),
    ("chineseCounting", 10, "十"),
    ("chineseCounting", 11, "十一"),
    ("chineseCounting", 20, "二十"),
    ("chineseCounting", 21, "二十一"),
    ("chineseCounting", 99, "九十九"),
    ("chineseCounting", 100, "一○○"),
    ("chineseCounting", 101, "一○一"),
    ("chineseCounting", 110, "一一○"),
    ("chineseCountingThousand", 10, "十"),
    ("chineseCountingThousand", 11, "十一"),
    ("chineseCountingThousand", 100, "一百"),
    ("chineseCountingThousand", 101, "一百〇一"),
    ("chineseCountingThousand", 110, "一百一十"),
    ("chineseCountingThousand", 1000, "一千"),
    ("chineseCountingThousand", 1001, "一千〇一"),
    ("chineseCountingThousand", 1010, "一千〇一十"),
    ("taiwaneseCounting", 21, "二十一"),
    ("chineseLegalSimplified", 3, "叁"),
    ("chineseLegalSimplified", 10, "壹拾"),
    ("chineseLegalSimplified", 25, "贰拾伍"),
    ("chineseLegalSimplified", 101, "壹佰零壹"),
    ("ideographLegalTraditional", 12, "壹拾貳"),
    ("ideographTraditional", 1, "甲"),
    ("ideographTraditional", 10, "癸"),
    ("ideographTraditional", 11, "11"),
    ("ideographZodiac", 1, "子"),
    ("ideographZodiac", 12, "亥"),
    ("ideographZodiacTraditional", 2, "乙丑"),
    ("ideographDigital", 10, "一〇"),
    ("ideographDigital", 2019, "二〇一九"),
    ("ideographEnclosedCircle", 3, "㈢"),
    ("japaneseCounting", 101, "百一"),
    ("decimal", 7, "7"),
    ("decimal", 0, "0"),
    ("decimalZero", 7, "07"),
    ("decimalZero", 12, "12"),
    ("decimalFullWidth", 12, "１２"),
    ("decimalEnclosedCircle", 1, "①"),
    ("decimalEnclosedCircle", 20, "⑳"),
    ("decimalEnclosedCircle", 21, "21"),
    ("decimalEnclosedCircleChinese", 3, "③"),
    ("decimalEnclosedParen", 1, "⑴"),
    ("decimalEnclosedParen", 20, "⒇"),
    ("decimalEnclosedFullstop", 2, "⒉"),
    ("upperLetter", 1, "A"),
    ("upperLetter", 26, "Z"),
    ("upperLetter", 27, "AA"),
    ("upperLetter", 28, "BB"),
    ("lowerLetter", 53, "aaa"),
    ("upperRoman", 14, "XIV"),
    ("lowerRoman", 1999, "mcmxcix"),
    ("ordinal", 22, "22nd"),
    ("ordinal", 13, "13th"),
    ("cardinalText", 21, "Twenty-one"),
    ("ordinalText", 3, "Third"),
]


@pytest.mark.parametrize(("fmt", "value", "expected"), FORMATS)
def test_number_format_as_word_writes_it(fmt: str, value: int, expected: str) -> None:
    data = docx(
        para("正文", num=1),
        numbering=abstract(0, level(0, fmt, "%1", start=value, suff="nothing")) + num(1, 0),
    )
    [block] = read_docx(data).blocks
    assert (block.text, block.generated, block.generated_label) == (expected + "正文", len(expected), len(expected))


# A start past Word's largest (32767) is taken as 32767; chicago is decimal past 160, and
# letters cycle after 780 (32767 → G).
@pytest.mark.parametrize(("fmt", "expected"), [("chicago", "32767"), ("upperLetter", "G")])
def test_a_hostile_start_value_stays_small(fmt: str, expected: str) -> None:
    data = docx(para("文", num=1), numbering=abstract(0, level(0, fmt, "%1", start=2_000_000_000, suff="nothing")) + num(1, 0))
    assert body(read_docx(data)) == [expected + "文"]


def test_a_custom_zero_padded_format_is_read_from_its_alternate_content() -> None:
    custom = (
        '<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/>'
        '</mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
    )
    other = custom.replace("001, 002, 003, ...", "a, b, c, ...")
    data = docx(
        para("甲", num=1) + para("乙", num=2),
        numbering=abstract(0, level(0, "", "%1", start=7, suff="space", extra=custom))
        + abstract(1, level(0, "", "%1", start=7, suff="space", extra=other))
        + num(1, 0)
        + num(2, 1),
    )
    reading = read_docx(data)
    assert body(reading) == ["007 甲", "7 乙"]  # an unknown custom format: its Fallback
    assert reading.remarks == ()


def test_bullet_and_none_levels() -> None:
    data = docx(
        para("要点", num=1) + para("无号", num=2) + para("注释", num=3),
        numbering=abstract(0, level(0, "bullet", "•"))
        + abstract(1, level(0, "none", "%1"))
        + abstract(2, level(0, "none", "注%1：", suff="nothing"))
        + num(1, 0)
        + num(2, 1)
        + num(3, 2),
    )
    blocks = read_docx(data).blocks
    assert [(b.text, b.generated, b.generated_label) for b in blocks] == [
        ("•\t要点", 2, 1),
        ("无号", 0, 0),
        ("注：注释", 2, 2),  # a none level writes nothing for %1; its lvlText's own text stays
    ]


def test_an_unknown_format_is_written_in_decimal_with_a_remark() -> None:
    data = docx(para("项", num=1), numbering=abstract(0, level(0, "koreanCounting", "%1.", start=3)) + num(1, 0))
    reading = read_docx(data)
    assert body(reading) == ["3.\t项"]
    assert reading.remarks == (
        ("numbering-format", "numbering format koreanCounting is not supported; its labels are written in decimal"),
    )


# -- lists: patterns, start, restarts, overrides ----------------------------------------------


def test_level_text_patterns_and_suffixes() -> None:
    data = docx(
        para("立法目的", num=1)
        + para("适用范围", num=1)
        + para("受理申请；", num=2)
        + para("总体要求", num=3)
        + para("甲", num=4, ilvl=0)
        + para("乙", num=4, ilvl=1)
        + para("丙", num=4, ilvl=1)
        + para("丁", num=4, ilvl=0)
        + para("戊", num=4, ilvl=1),
        numbering=abstract(0, level(0, "chineseCounting", "第%1条"))
        + abstract(1, level(0, "chineseCounting", "（%1）", suff="nothing"))
        + abstract(2, level(0, "chineseCounting", "%1、", suff="space"))
        + abstract(3, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2"))
        + num(1, 0)
        + num(2, 1)
        + num(3, 2)
        + num(4, 3),
    )
    assert body(read_docx(data)) == [
        "第一条\t立法目的",
        "第二条\t适用范围",
        "（一）受理申请；",
        "一、 总体要求",
        "1.\t甲",
        "1.1\t乙",
        "1.2\t丙",
        "2.\t丁",
        "2.1\t戊",
    ]


def test_start_value() -> None:
    data = docx(para("甲", num=1) + para("乙", num=1), numbering=abstract(0, level(0, "decimal", "%1.", start=5)) + num(1, 0))
    assert body(read_docx(data)) == ["5.\t甲", "6.\t乙"]


def test_a_level_restarts_after_each_higher_level_by_default() -> None:
    numbering = abstract(
        0,
        level(0, "chineseCounting", "%1、", suff="nothing"),
        level(1, "chineseCounting", "（%2）", suff="nothing"),
    ) + num(1, 0)
    levels = [0, 1, 1, 0, 1, 1, 1]
    data = docx("".join(para("文", num=1, ilvl=ilvl) for ilvl in levels), numbering=numbering)
    assert body(read_docx(data)) == ["一、文", "（一）文", "（二）文", "二、文", "（一）文", "（二）文", "（三）文"]


def test_lvl_restart() -> None:
    numbering = abstract(
        0,
        level(0, "decimal", "%1.", suff="nothing"),
        level(1, "decimal", "（%2）", suff="nothing", restart=0),  # never restarts
        level(2, "decimal", "%3)", suff="nothing", restart=1),  # restarts only after level 0
    ) + num(1, 0)
    levels = [0, 1, 2, 2, 1, 2, 0, 1, 2]
    data = docx("".join(para("", num=1, ilvl=ilvl) for ilvl in levels), numbering=numbering)
    assert body(read_docx(data)) == ["1.", "（1）", "1)", "2)", "（2）", "3)", "2.", "（3）", "1)"]


def test_a_new_num_with_a_start_override_restarts_the_items_of_each_article() -> None:
    numbering = (
        abstract(0, level(0, "chineseCounting", "第%1条"))
        + abstract(1, level(0, "chineseCounting", "（%1）", suff="nothing"))
        + num(1, 0)
        + num(2, 1, starts={0: 1})
        + num(3, 1, starts={0: 1})
    )
    data = docx(
        para("甲", num=1)
        + para("一项", num=2)
        + para("二项", num=2)
        + para("乙", num=1)
        + para("一项", num=3)
        + para("二项", num=3)
        + para("三项", num=3),
        numbering=numbering,
    )
    assert body(read_docx(data)) == [
        "第一条\t甲",
        "（一）一项",
        "（二）二项",
        "第二条\t乙",
        "（一）一项",
        "（二）二项",
        "（三）三项",
    ]


def test_two_nums_of_one_abstract_share_its_counters() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0) + num(2, 0)
    data = docx(para("甲", num=1) + para("乙", num=1) + para("丙", num=2) + para("丁", num=2), numbering=numbering)
    assert body(read_docx(data)) == ["1.\t甲", "2.\t乙", "3.\t丙", "4.\t丁"]


def test_a_level_override_replaces_the_level() -> None:
    override = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
        + level(0, "upperLetter", "%1)", suff="space")
        + "</w:lvlOverride>"
    )
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0) + num(2, 0, overrides=override)
    data = docx(para("甲", num=1) + para("乙", num=1) + para("丙", num=2) + para("丁", num=2), numbering=numbering)
    assert body(read_docx(data)) == ["1.\t甲", "2.\t乙", "A) 丙", "B) 丁"]


def test_is_lgl_writes_every_level_in_decimal() -> None:
    numbering = abstract(
        0, level(0, "upperRoman", "%1."), level(1, "decimal", "%1.%2", is_lgl=True), level(2, "lowerLetter", "%1.%2.%3")
    ) + num(1, 0)
    data = docx(para("甲", num=1, ilvl=0) + para("乙", num=1, ilvl=1) + para("丙", num=1, ilvl=2), numbering=numbering)
    assert body(read_docx(data)) == ["I.\t甲", "1.1\t乙", "I.1.a\t丙"]


def test_a_numbered_paragraph_without_text_is_still_a_block() -> None:
    numbering = abstract(0, level(0, "chineseCounting", "（%1）", suff="nothing")) + num(1, 0)
    data = docx(para("甲", num=1) + para(num=1) + para("丙", num=1), numbering=numbering)
    blocks = read_docx(data).blocks
    assert [(b.text, b.generated, b.generated_label) for b in blocks] == [
        ("（一）甲", 3, 3),
        ("（二）", 3, 3),
        ("（三）丙", 3, 3),
    ]


def test_num_id_zero_and_unknown_num_ids_are_not_numbered() -> None:
    styles = NORMAL + style("Article", "条", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>')
    numbering = abstract(0, level(0, "chineseCounting", "第%1条")) + num(1, 0)
    data = docx(
        para("甲", style="Article") + para("不编号", style="Article", num=0) + para("乙", style="Article") + para("丙", num=9),
        numbering=numbering,
        styles=styles,
    )
    assert body(read_docx(data)) == ["第一条\t甲", "不编号", "第二条\t乙", "丙"]


# -- numbering through styles ------------------------------------------------------------------


def test_numbering_from_a_paragraph_style_and_through_based_on() -> None:
    styles = (
        NORMAL
        + style("H1", "公文一级标题", based_on="Normal", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
        + style("H2", "公文二级标题", based_on="Normal", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')
        + style("H2b", "二级标题（加粗）", based_on="H2")
    )
    numbering = abstract(
        0,
        level(0, "chineseCounting", "%1、", suff="nothing", pstyle="H1"),
        level(1, "chineseCounting", "（%2）", suff="nothing", pstyle="H2"),
    ) + num(1, 0)
    data = docx(
        para("总体要求", style="H1")
        + para("正文")
        + para("指导思想", style="H2")
        + para("基本原则", style="H2b")
        + para("主要任务", style="H1")
        + para("第一项", style="H2"),
        numbering=numbering,
        styles=styles,
    )
    reading = read_docx(data)
    assert body(reading) == ["一、总体要求", "正文", "（一）指导思想", "（二）基本原则", "二、主要任务", "（一）第一项"]
    assert [b.style for b in reading.blocks] == ["公文一级标题", "Normal", "公文二级标题", "二级标题（加粗）", "公文一级标题", "公文二级标题"]


def test_a_level_p_style_gives_the_level_of_a_style_without_ilvl() -> None:
    styles = (
        NORMAL
        + style("Part", "部分", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>')
        + style("Item", "项", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>')
        + style("Point", "点")  # no numPr at all: only the level's w:pStyle names it
    )
    numbering = abstract(
        0,
        level(0, "chineseCounting", "第%1部分", suff="space", pstyle="Part"),
        level(1, "decimal", "%2.", suff="nothing", pstyle="Item"),
        level(2, "decimalEnclosedCircle", "%3", suff="nothing", pstyle="Point"),
    ) + num(1, 0)
    data = docx(
        para("总则", style="Part") + para("甲", style="Item") + para("子", style="Point") + para("乙", style="Item"),
        numbering=numbering,
        styles=styles,
    )
    assert body(read_docx(data)) == ["第一部分 总则", "1.甲", "①子", "2.乙"]


def test_paragraph_ilvl_with_the_style_num_id() -> None:
    styles = NORMAL + style("List", "列表", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>')
    numbering = abstract(0, level(0, "decimal", "%1.", suff="nothing"), level(1, "lowerLetter", "%2)", suff="nothing")) + num(
        1, 0
    )
    data = docx(para("甲", style="List") + para("乙", style="List", ilvl=1), numbering=numbering, styles=styles)
    assert body(read_docx(data)) == ["1.甲", "a)乙"]


def test_num_style_link() -> None:
    styles = NORMAL + style("LegalList", "法条列表", kind="numbering", ppr='<w:numPr><w:numId w:val="5"/></w:numPr>')
    numbering = (
        abstract(0, extra='<w:numStyleLink w:val="LegalList"/>')
        + abstract(1, level(0, "chineseCounting", "第%1条"), extra='<w:styleLink w:val="LegalList"/>')
        + num(1, 0)
        + num(5, 1)
    )
    data = docx(para("甲", num=1) + para("乙", num=5) + para("丙", num=1), numbering=numbering, styles=styles)
    assert body(read_docx(data)) == ["第一条\t甲", "第二条\t乙", "第三条\t丙"]


# -- text ----------------------------------------------------------------------------------


def test_run_content() -> None:
    data = docx(
        para(
            "“引号”",
            run(inner="<w:tab/>"),
            "前",
            run(inner="<w:noBreakHyphen/>"),
            "后",
            run(inner="<w:softHyphen/>"),
            run(inner='<w:sym w:font="Wingdings" w:char="F0FC"/>'),
            run(inner='<w:t>甲</w:t><w:instrText>不是文字</w:instrText><w:t>乙</w:t>'),
            run(inner="<w:footnoteReference w:id=\"1\"/>"),
        )
    )
    assert body(read_docx(data)) == ["“引号”\t前\u2011后\uf0fc甲乙"]


def test_containers_are_read_through() -> None:
    data = docx(
        para(
            '<w:hyperlink r:id="rId99"><w:r><w:t>链接</w:t></w:r></w:hyperlink>',
            '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>标记</w:t></w:r></w:smartTag>',
            '<w:sdt><w:sdtPr><w:alias w:val="不是文字"/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>',
            '<w:customXml w:element="x"><w:r><w:t>自定义</w:t></w:r></w:customXml>',
            '<w:bookmarkStart w:id="0" w:name="a"/><w:proofErr w:type="spellStart"/>',
        )
        + '<w:sdt><w:sdtContent><w:p><w:r><w:t>块级控件</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    )
    assert body(read_docx(data)) == ["链接标记控件自定义", "块级控件"]


def test_alternate_content_reads_one_branch() -> None:
    emoji = (
        '<mc:AlternateContent><mc:Choice Requires="w16se"><w16se:symEx w16se:font="Segoe UI Emoji" w16se:char="1F600"/>'
        "</mc:Choice><mc:Fallback><w:t>😀</w:t></mc:Fallback></mc:AlternateContent>"
    )
    data = docx(para("笑", run(inner=emoji)))
    assert body(read_docx(data)) == ["笑😀"]


def test_a_text_box_comes_right_after_its_anchor_paragraph() -> None:
    box = para("框内文字")
    drawing = (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent>"
    )
    reading = read_docx(docx(para("锚", run(inner=drawing)) + para("后文")))
    assert [(b.text, b.index, b.locator) for b in reading.blocks] == [
        ("锚", 0, "word/document.xml#p0"),
        ("框内文字", 1, "word/document.xml#p1"),
        ("后文", 3, "word/document.xml#p3"),  # p2 is the Fallback's copy of the box, not read
    ]


def test_a_line_break_continues_the_paragraph_as_a_new_block() -> None:
    numbering = abstract(0, level(0, "chineseCounting", "第%1条")) + num(1, 0)
    data = docx(
        para("国务院", run(inner="<w:br/>"), "关于某事的通知", num=1)
        + para("甲", run(inner="<w:cr/>"), "乙")
        + para("换页", run(inner='<w:br w:type="page"/>'))
        + para(run(inner='<w:br w:type="page"/>'), "第二章"),
        numbering=numbering,
    )
    blocks = read_docx(data).blocks
    assert [(b.text, b.index, b.locator, b.generated) for b in blocks] == [
        ("第一条\t国务院", 0, "word/document.xml#p0", 4),
        ("关于某事的通知", 0, "word/document.xml#p0", 0),
        ("甲", 1, "word/document.xml#p1", 0),
        ("乙", 1, "word/document.xml#p1", 0),
        ("换页", 2, "word/document.xml#p2", 0),
        ("第二章", 3, "word/document.xml#p3", 0),
    ]


def test_fields_show_their_result_not_their_instruction() -> None:
    data = docx(
        para("见", fld("begin"), instr(" REF _Ref1 \\h "), fld("separate"), "第三条", fld("end"), "。")
        + para("页", fld("begin"), instr(" PAGE "), fld("end"), "码")
        + para('<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>')
        + para(
            fld("begin"),
            instr(" IF "),
            fld("begin"),
            instr(" MERGEFIELD x "),
            fld("separate"),
            "嵌套",
            fld("end"),
            instr(' = 1 "是" '),
            fld("separate"),
            "结果",
            fld("end"),
        )
    )
    assert body(read_docx(data)) == ["见第三条。", "页码", "12", "结果"]


def test_a_broken_field_does_not_hide_the_following_paragraphs() -> None:
    data = docx(para("甲", fld("begin"), instr(" PAGE ")) + para("乙") + para(fld("end"), "丙"))
    assert body(read_docx(data)) == ["甲", "乙", "丙"]


def test_office_math_text_and_line_feeds_in_text() -> None:
    math = '<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>'
    data = docx(para("公式", math, run(inner="<w:t>上\n下</w:t>")))
    assert body(read_docx(data)) == ["公式x+1上 下"]


def test_a_hidden_run_is_not_shown() -> None:
    data = docx(para("看得见", run("看不见", rpr="<w:vanish/>"), run("也看得见", rpr='<w:vanish w:val="0"/>')))
    assert body(read_docx(data)) == ["看得见也看得见"]


# -- tracked changes --------------------------------------------------------------------------


def test_tracked_changes_are_read_as_accepted() -> None:
    ins = '<w:ins w:id="1" w:author="a"><w:r><w:t>乙</w:t></w:r></w:ins>'
    deleted = '<w:del w:id="2" w:author="a"><w:r><w:delText>丙</w:delText></w:r></w:del>'
    moved = (
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4" w:author="a"><w:r><w:t>移来</w:t></w:r></w:moveTo>'
    )
    reading = read_docx(docx(para("甲", ins, deleted, "丁") + para(moved)))
    assert body(reading) == ["甲乙丁", "移来"]
    assert reading.remarks == (
        ("tracked-changes", "the Word file has tracked changes; read as if all were accepted (2 insertions, 2 deletions)"),
    )


def test_a_paragraph_whose_mark_is_deleted_joins_the_next() -> None:
    numbering = abstract(0, level(0, "chineseCounting", "第%1条")) + num(1, 0)
    data = docx(
        para("第一段", mark='<w:del w:id="1" w:author="a"/>')
        + para("接上", num=1)
        + para('<w:del w:id="2" w:author="a"><w:r><w:delText>整段删除</w:delText></w:r></w:del>', num=1, mark='<w:del w:id="3" w:author="a"/>')
        + para("后文", num=1),
        numbering=numbering,
    )
    reading = read_docx(data)
    # The joined paragraph is the next one (its index and numbering); a wholly deleted one adds nothing.
    assert [(b.text, b.index) for b in reading.blocks] == [("第一条\t第一段接上", 1), ("第二条\t后文", 3)]
    assert reading.remarks[0][1].endswith("(0 insertions, 3 deletions)")


def test_a_deleted_row_is_dropped() -> None:
    data = docx(table(row(cell("留")), row(cell("删"), trpr='<w:del w:id="1" w:author="a"/>'), row(cell("也留"))))
    reading = read_docx(data)
    assert [(b.text, b.locator) for b in reading.blocks] == [("留", "word/document.xml#t0r0"), ("也留", "word/document.xml#t0r2")]


def test_no_tracked_changes_no_remark() -> None:
    assert read_docx(docx(para("甲"))).remarks == ()


# -- tables -----------------------------------------------------------------------------------


def test_table_rows_with_merged_cells() -> None:
    data = docx(
        para("前")
        + table(
            row(cell("甲", merge="restart"), cell("乙", span=2)),
            row(cell(merge="continue"), cell("丙"), cell("丁")),
            row(cell("戊"), cell("己", "庚"), cell("")),
            grid=3,
        )
        + para("后"),
    )
    blocks = read_docx(data).blocks
    assert [(b.text, b.element, b.locator, b.index, b.table, b.row, b.cells) for b in blocks] == [
        ("前", "paragraph", "word/document.xml#p0", 0, None, None, ()),
        ("甲\t乙", "row", "word/document.xml#t0r0", 1, 0, None, (Cell(start=0, end=1, rowspan=2), Cell(start=2, end=3, colspan=2))),
        ("丙\t丁", "row", "word/document.xml#t0r1", 3, 0, None, (Cell(start=0, end=1), Cell(start=2, end=3))),
        ("戊\t己 庚\t", "row", "word/document.xml#t0r2", 6, 0, None, (Cell(start=0, end=1), Cell(start=2, end=5), Cell(start=6, end=6))),
        ("后", "paragraph", "word/document.xml#p10", 10, None, None, ()),
    ]


def test_numbering_in_table_cells_counts_in_the_list() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.", suff="nothing")) + num(1, 0)
    data = docx(
        para("甲", num=1) + table(row(cell(para("乙", num=1)), cell("说明"))) + para("丙", num=1), numbering=numbering
    )
    blocks = read_docx(data).blocks
    assert [(b.text, b.generated) for b in blocks] == [("1.甲", 2), ("2.乙\t说明", 2), ("3.丙", 2)]


def test_a_nested_table_is_read_into_its_cell() -> None:
    nested = table(row(cell("内一"), cell("内二")), row(cell("内三"), cell("")))
    data = docx(table(row(cell(para("外"), nested), cell("右"))) + table(row(cell("下表"))))
    blocks = read_docx(data).blocks
    assert [(b.text, b.table, b.locator) for b in blocks] == [
        ("外 内一 内二 内三\t右", 0, "word/document.xml#t0r0"),
        ("下表", 2, "word/document.xml#t2r0"),  # the nested table took number 1
    ]


# -- styles: heading, title, bold --------------------------------------------------------------


def test_heading_levels() -> None:
    styles = (
        NORMAL
        + style("Heading1", "heading 1", based_on="Normal", ppr='<w:outlineLvl w:val="0"/>')
        + style("Heading2", "Heading 2", based_on="Normal")
        + style("Chapter", "章标题", based_on="Normal", ppr='<w:outlineLvl w:val="1"/>')
        + style("SubChapter", "节标题", based_on="Chapter")
        + style("Body", "正文文字", ppr='<w:outlineLvl w:val="9"/>')
    )
    data = docx(
        para("第一章", style="Heading1")
        + para("第一节", style="Heading2")
        + para("章", style="Chapter")
        + para("节", style="SubChapter")
        + para("正文", style="Body")
        + para("大纲", ppr='<w:outlineLvl w:val="2"/>')
        + para("普通"),
        styles=styles,
    )
    assert [b.heading for b in read_docx(data).blocks] == [1, 2, 2, 2, None, 3, None]


def test_title_facts_from_the_title_style_and_the_core_properties() -> None:
    styles = NORMAL + style("Title", "Title", based_on="Normal")
    data = docx(
        para("国务院关于加强", style="Title") + para(" 某项工作的意见　", style="Title") + para("正文") + para("又一标题", style="Title"),
        styles=styles,
        core_title="模板标题",
    )
    reading = read_docx(data)
    assert [b.title for b in reading.blocks] == [True, True, False, True]
    assert reading.facts == (
        Fact(field="title", value="国务院关于加强", block=0, start=0, end=7, source="docx-title-style"),
        Fact(field="title", value="某项工作的意见", block=1, start=1, end=8, source="docx-title-style"),
        Fact(field="title", value="模板标题", block=None, source="docx-properties"),
    )


def test_an_empty_core_title_gives_no_fact() -> None:
    assert read_docx(docx(para("甲"), core_title="  ")).facts == ()


def test_bold_counts_the_leading_bold_characters() -> None:
    styles = (
        NORMAL
        + style("Heading1", "heading 1", rpr="<w:b/>")
        + style("Strong", "Strong", kind="character", rpr="<w:b/>")
    )
    numbering = abstract(0, level(0, "chineseCounting", "第%1条", extra="<w:rPr><w:b/></w:rPr>")) + num(1, 0)
    data = docx(
        para(run("加粗", bold=True), "不加粗")
        + para("全部加粗", style="Heading1")
        + para(run("不粗", bold=False), style="Heading1")
        + para(run("条标粗", bold=True), "正文", num=1)
        + para(run("强调", rpr='<w:rStyle w:val="Strong"/>'), "后")
        + para("普通", num=1),
        styles=styles,
        numbering=numbering,
    )
    assert [b.bold for b in read_docx(data).blocks] == [2, 4, 0, 7, 2, 4]


def test_document_default_bold() -> None:
    data = docx(para("全文加粗", run("除了这里", bold=False)), styles=NORMAL, doc_defaults="<w:b/>")
    assert [b.bold for b in read_docx(data).blocks] == [4]


# -- set aside: headers, footers, notes, comments ----------------------------------------------


def test_headers_footers_and_notes_are_set_aside() -> None:
    header = story("w:hdr", para("内部资料"))
    footer = story("w:ftr", para("— ", fld("begin"), instr(" PAGE "), fld("separate"), "3", fld("end"), " —"))
    footnotes = story(
        "w:footnotes",
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1">{para(run(inner="<w:footnoteRef/>"), " 注：以正式文本为准。")}</w:footnote>'
        f'<w:footnote w:id="2">{para("未引用的脚注")}</w:footnote>'
        f'<w:footnote w:id="3">{para("第二个脚注")}{para("第二段")}</w:footnote>',
    )
    endnotes = story("w:endnotes", f'<w:endnote w:id="1">{para("尾注")}</w:endnote>')
    comments = story("w:comments", f'<w:comment w:id="0" w:author="a">{para("批注")}</w:comment>')
    data = docx(
        para("正文", run(inner='<w:footnoteReference w:id="3"/>'))
        + para("又一段", run(inner='<w:footnoteReference w:id="1"/>'), run(inner='<w:endnoteReference w:id="1"/>'))
        + para("被批注", run(inner='<w:commentReference w:id="0"/>')),
        sect='<w:headerReference w:type="default" r:id="rId10"/><w:footerReference w:type="default" r:id="rId11"/>'
        '<w:headerReference w:type="first" r:id="rId10"/>',
        parts={
            "rId10": ("header", header),
            "rId11": ("footer", footer),
            "rId12": ("footnotes", footnotes),
            "rId13": ("endnotes", endnotes),
            "rId14": ("comments", comments),
        },
    )
    blocks = read_docx(data).blocks
    assert [(b.text, b.role, b.locator, b.index) for b in blocks] == [
        ("正文", Role.BODY, "word/document.xml#p0", 0),
        ("又一段", Role.BODY, "word/document.xml#p1", 1),
        ("被批注", Role.BODY, "word/document.xml#p2", 2),
        ("内部资料", Role.PAGE_HEADER, "word/header10.xml#p0", 0),
        ("— 3 —", Role.PAGE_FOOTER, "word/footer11.xml#p0", 0),
        ("第二个脚注", Role.FOOTNOTE, "word/footnotes.xml#n3p0", 4),
        ("第二段", Role.FOOTNOTE, "word/footnotes.xml#n3p1", 5),
        (" 注：以正式文本为准。", Role.FOOTNOTE, "word/footnotes.xml#n1p0", 2),
        ("尾注", Role.ENDNOTE, "word/endnotes.xml#n1p0", 0),
        ("批注", Role.COMMENT, "word/comments.xml#c0p0", 0),
    ]


# -- package ----------------------------------------------------------------------------------


def test_the_main_part_is_found_through_the_package_relationships() -> None:
    assert body(read_docx(docx(para("甲"), main="word/main.xml"))) == ["甲"]


def test_without_package_relationships_the_usual_name_is_read() -> None:
    assert body(read_docx(docx(para("甲"), package_rels=False))) == ["甲"]


def test_an_empty_body_reads_as_no_blocks() -> None:
    assert read_docx(docx("")).blocks == ()


def test_indexes_count_every_paragraph_of_the_part() -> None:
    data = docx(para("甲") + table(row(cell("格一", "格二"))) + para("乙"))
    assert [(b.text, b.index) for b in read_docx(data).blocks] == [("甲", 0), ("格一 格二", 1), ("乙", 3)]


# -- bad files --------------------------------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text, not a zip", "not a Word file: not a zip archive (a .docx is a zip package)"),
        (b"", "not a Word file: not a zip archive (a .docx is a zip package)"),
        (zipped([("hello.txt", b"hi")]), "not a Word file: the zip archive has no word/document.xml"),
        (OLE + "WordDocument".encode("utf-16-le") + bytes(64), "an old binary Word file (.doc); save it as .docx"),
        (
            OLE + "EncryptionInfo".encode("utf-16-le") + bytes(64),
            "an encrypted Word file: remove its password in Word and save it again",
        ),
        (OLE + bytes(64), "not a Word file: an OLE compound file (an old Office format?); save it as .docx"),
    ],
)
def test_bad_files_raise_one_clear_line(data: bytes, message: str) -> None:
    with pytest.raises(PolicyParseError) as caught:
        read_docx(data)
    assert str(caught.value) == message


def test_a_truncated_zip() -> None:
    data = docx(para("甲" * 500))
    with pytest.raises(PolicyParseError) as caught:
        read_docx(data[: len(data) // 2])
    assert str(caught.value).startswith("not a Word file: the zip archive is truncated or damaged (")
    assert "\n" not in str(caught.value)


def test_malformed_xml() -> None:
    data = docx(para("甲"), raw={"word/document.xml": b"<w:document xmlns:w='x'><w:body><w:p></w:body>"})
    with pytest.raises(PolicyParseError) as caught:
        read_docx(data)
    message = str(caught.value)
    assert message.startswith("not a Word file: word/document.xml is malformed XML (")
    assert "\n" not in message


def test_strict_open_xml_and_other_roots_are_refused() -> None:
    strict = b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    with pytest.raises(PolicyParseError) as caught:
        read_docx(docx("", raw={"word/document.xml": strict}))
    assert str(caught.value) == (
        "a Strict Open XML Word file, which this reader does not read; save it in Word as a Word Document (.docx)"
    )
    with pytest.raises(PolicyParseError) as caught:
        read_docx(docx("", raw={"word/document.xml": b"<workbook/>"}))
    assert str(caught.value) == "not a Word file: word/document.xml is not a WordprocessingML document"


def test_entities_are_not_expanded() -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "EXPANDED">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    reading = read_docx(docx("", raw={"word/document.xml": evil}))
    assert "EXPANDED" not in "".join(body(reading))


def test_a_part_inflating_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_package, "MAX_PART_BYTES", 2 * 1024 * 1024)
    data = docx(para("零" * (1024 * 1024)))
    assert len(data) < 100_000
    with pytest.raises(PolicyParseError) as caught:
        read_docx(data)
    assert str(caught.value) == "not a Word file: word/document.xml inflates to over 2 MB (a zip bomb?)"


# -- the corpus samples -------------------------------------------------------------------------

SAMPLE_NAMES = [
    "law-admin-reconsideration-2017",
    "gov-opinion-double-random-supervision-2019",
    "gov-opinion-tertiary-hospital-performance-2019",
]
needs_samples = pytest.mark.skipif(not SAMPLES.exists(), reason="needs tests/data/corpus/docx")


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_body_is_what_word_shows(name: str) -> None:
    reading = read_docx((SAMPLES / f"{name}.docx").read_bytes())
    shown = (SAMPLES / f"{name}.shown.txt").read_text(encoding="utf-8")
    # shown.txt is one paragraph a line, each ended by a newline.
    assert "".join(text + "\n" for text in body(reading)) == shown
    set_aside = [(b.role, b.text) for b in reading.blocks if b.role is not Role.BODY]
    assert set_aside == [
        (Role.PAGE_HEADER, "内部学习资料　请勿外传"),
        (Role.PAGE_FOOTER, "校对稿　— 1 —"),
        (Role.FOOTNOTE, " 注：本文本据公开资料录入，以正式公布的文本为准。"),
    ]


@needs_samples
def test_sample_law_labels_are_generated() -> None:
    reading = read_docx((SAMPLES / "law-admin-reconsideration-2017.docx").read_bytes())
    blocks = body_blocks(reading)
    article = next(b for b in blocks if b.text.startswith("第十条\t"))
    item = next(b for b in blocks if b.text.startswith("（十一）"))
    assert (article.generated, article.generated_label, item.generated, item.generated_label) == (4, 3, 4, 4)
    assert (blocks[0].title, blocks[4].heading, blocks[4].style) == (True, 1, "heading 1")
    assert reading.facts == (
        Fact(field="title", value="中华人民共和国行政复议法", block=0, start=0, end=12, source="docx-title-style"),
    )


@needs_samples
def test_sample_table_row() -> None:
    reading = read_docx((SAMPLES / "gov-opinion-tertiary-hospital-performance-2019.docx").read_bytes())
    rows = [b for b in reading.blocks if b.element == "row"]
    assert [b.text for b in rows] == [
        "任务事项\t牵头单位\t完成时限",
        "制定配套细则\t有关部门按职责分工\t长期坚持",
        "开展督促检查\t各地区各部门\t每年一次",
        "具体安排另行通知\t—",
    ]
    assert rows[-1].cells == (Cell(start=0, end=8, colspan=2), Cell(start=9, end=10))


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_reads_quickly(name: str) -> None:
    data = (SAMPLES / f"{name}.docx").read_bytes()
    read_docx(data)
    started = time.perf_counter()
    read_docx(data)
    assert time.perf_counter() - started < 0.5  # generous: about 10 ms on a laptop; catches a quadratic walk
