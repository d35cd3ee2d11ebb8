"""Header and footer facts (GB/T 9704) as typed meta fields, with the lines they come from."""

from __future__ import annotations

import datetime

import pytest

import policyparse
from policyparse._meta import iso_date
from tests.conftest import CORPUS


def test_title_directly_above_a_table_of_contents() -> None:
    text = "上海市某某条例\n目　　录\n第一章　总　　则\n第一章　总　　则\n第一条　甲。\n"
    document = policyparse.parse(text)
    assert document.meta.title == "上海市某某条例"
    assert [p.text for p in document.contents] == ["目　　录", "第一章　总　　则"]


def test_imprint_after_the_signature_is_closing() -> None:
    text = (
        "国务院关于某事的通知\n国发〔2019〕1号\n各省：\n正文。\n国务院\n2019年1月2日\n（此件公开发布）\n"
        "抄送：各部委。\n国务院办公厅秘书局　2019年1月2日印发\n"
    )
    document = policyparse.parse(text)
    assert document.attachments == ()
    assert [p.text for p in document.closing][-2:] == ["抄送：各部委。", "国务院办公厅秘书局　2019年1月2日印发"]
    assert (document.meta.issuers, document.meta.date, document.meta.notes) == (("国务院",), datetime.date(2019, 1, 2), ("此件公开发布",))


def test_signature_and_date_on_one_line() -> None:
    document = policyparse.parse("关于某事的通知\n发改价格〔2019〕1号\n正文。\n国家发展改革委　财政部　2019年1月1日\n")
    assert (document.meta.issuers, document.meta.date) == (("国家发展改革委", "财政部"), datetime.date(2019, 1, 1))
    assert document.meta.spans["date"] == document.meta.spans["issuers"]


def test_a_title_keeps_the_space_between_organs_but_loses_letter_spacing() -> None:
    joint = policyparse.parse("国家发展改革委 财政部关于某事的通知\n发改价格〔2019〕1号\n正文。\n")
    assert joint.meta.title == "国家发展改革委 财政部关于某事的通知"
    spaced = policyparse.parse("国务院办公厅关于印发\n国 家 粮 食 应 急 预 案 的 函\n国办函〔2005〕57号\n正文。\n")
    assert spaced.meta.title == "国务院办公厅关于印发国家粮食应急预案的函"
    assert spaced.meta.spans["title"] == ((0, 10), (11, 30))


def test_a_newspaper_headline_is_no_title() -> None:
    document = policyparse.parse("勇立潮头再出发\n\n——写在深圳经济特区建立45周年之际\n\n8月26日，深圳经济特区将迎来建立45周年。\n")
    assert document.meta.title is None and document.header == ()


@pytest.mark.parametrize(
    ("written", "iso"),
    [("2019年1月12日", "2019-01-12"), ("二〇〇五年六月十一日", "2005-06-11"), ("二○○四年六月二十六日", "2004-06-26"),
     ("2019年13月1日", None), ("2019 年 1 月 2 日", "2019-01-02")],
)
def test_dates(written: str, iso: str | None) -> None:
    assert iso_date(written) == iso


def test_attachment_list_names() -> None:
    text = "某办法\n第一条 甲。\n附件：1.名词解释\n2.城市更新全周期流程图\n附件1\n名词解释\n正文。\n"
    document = policyparse.parse(text)
    assert document.meta.attachment_list == ("名词解释", "城市更新全周期流程图")
    (attachment,) = document.attachments
    assert (attachment.label, attachment.number, attachment.title, attachment.id) == ("附件1", 1, "名词解释", "att-1")


def test_a_dozen_organs_and_the_date_on_one_line() -> None:
    organs = "国家发展改革委 教育部 科技部 工业和信息化部 公安部 民政部 财政部 人力资源社会保障部 自然资源部 生态环境部 住房城乡建设部 交通运输部"
    document = policyparse.parse(f"关于推动特色小镇高质量发展的通知\n发改规划〔2020〕123号\n正文。\n{organs} 2020年9月16日\n")
    assert (document.meta.issuers, document.meta.date) == (tuple(organs.split()), datetime.date(2020, 9, 16))


@pytest.mark.parametrize(
    ("signature", "issuers"),
    [
        ("国家发展改革委　国家能源局\n2025年1月5日", ("国家发展改革委", "国家能源局")),  # two organs: two issuers
        ("国务院办公厅&nbsp;2025年1月5日", ("国务院办公厅",)),  # a web page's entity left in the text
        ("国务院办公厅&nbsp;&nbsp;2025年1月5日", ("国务院办公厅",)),
        ("国　务　院\n2025年1月5日", ("国务院",)),  # letter-spaced: one organ
        ("总理　　李克强\n2025年1月5日", ("总理 李克强",)),  # a post and its holder: one signer
    ],
)
def test_signature_lines_as_real_documents_write_them(signature: str, issuers: tuple[str, ...]) -> None:
    text = f"国务院办公厅关于某事的通知\n国办发〔2025〕1号\n各省人民政府：\n一、总体要求\n坚持。\n{signature}\n"
    document = policyparse.parse(text)
    assert (document.meta.issuers, document.meta.date) == (issuers, datetime.date(2025, 1, 5))


def test_a_decree_header_is_the_organ_of_the_number_not_part_of_the_title() -> None:
    """Issue 13, pattern 9 (decrees), the header's part: a regulation published by 国务院令第227号
    (the lines of the 1997 国务院行政机构设置和编制管理条例 as a law site prints them). The title
    was 「…管理条例中华人民共和国国务院令」 and the number 「第227号」 without its organ."""
    text = (
        "国务院行政机构设置和编制管理条例\n\n  中华人民共和国国务院令\n\n  第227号\n\n"
        "  现发布《国务院行政机构设置和编制管理条例》，自发布之日起施行。\n\n  总理　李鹏\n\n  1997年8月3日\n\n"
        "  第一章　总则\n\n  第一条　为了规范国务院行政机构的设置，加强编制管理，提高行政效率，根据宪法和国务院组织法，制定本条例。\n"
    )
    meta = policyparse.parse(text).meta
    assert meta.title == "国务院行政机构设置和编制管理条例"
    assert meta.doc_number == "中华人民共和国国务院令第227号"
    assert [text[a:b] for a, b in meta.spans["doc_number"]] == ["中华人民共和国国务院令", "第227号"]
    assert (meta.issuers, str(meta.date)) == (("总理 李鹏",), "1997-08-03")
    # A title that ends in 命令 over a number stays the title.
    order = policyparse.parse("国务院关于授予某某荣誉称号的命令\n第3号\n一、授予称号\n").meta
    assert (order.title, order.doc_number) == ("国务院关于授予某某荣誉称号的命令", "第3号")


def test_recipients_listed_with_dun_are_organs_when_each_is_one() -> None:
    """Issue 13, pattern 10: 「各省、自治区、直辖市人民政府」 is one recipient (the 人民政府 of each
    kind of region), 「国务院各部委、各直属机构」 two (each part an organ by itself): the State
    Council's usual line, in seven documents of the corpus."""
    lines = (CORPUS / "gov-notice-social-organizations-1997.txt").read_text(encoding="utf-8").splitlines()
    assert "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" in lines
    meta = policyparse.parse_file(CORPUS / "gov-notice-social-organizations-1997.txt").meta
    assert meta.recipients == ("各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构")
    for written, organs in [
        ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团财政厅（局）：", ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团财政厅（局）",)),
        ("各省、自治区、直辖市教育厅（教委）、财政厅（局）：", ("各省、自治区、直辖市教育厅（教委）", "财政厅（局）")),
    ]:
        text = f"财政部关于某事的通知\n财预〔2019〕5号\n{written}\n一、总则\n"
        assert policyparse.parse(text).meta.recipients == organs
