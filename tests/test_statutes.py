"""Statutes: every article the text has, in order; chapters; 款, 项, 目; broken numbering kept."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import regex

import policyparse
from policyparse import Kind
from tests.conftest import corpus_files

# A test oracle, independent of the grammar: a line that opens with 第X条 (after Markdown marks).
_ARTICLE_LINE = regex.compile(r"^(?:#+\s+)?(第[一二三四五六七八九十百千零〇两]+条(?:之[一二三四五六七八九十]+)?)(?:[ \t\u3000\u00a0]|$)")
_CHAPTER_LINE = regex.compile(r"^(?:#+\s+)?第[一二三四五六七八九十百千零〇两]+章(?:[ \t\u3000]|$)")

STATUTES = [p for p in corpus_files() if regex.match(r"(law|reg|rule|spc|sh-historic|gov-notice-iit|gov-rules)", p.name)]


def _labels_in_text(text: str, document: policyparse.Document) -> tuple[list[str], int]:
    contents_lines = {p.span[0] for p in document.contents} | {
        p.span[0] for a in document.attachments for p in a.contents
    }
    articles, chapters, offset = [], 0, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip(" \t\u3000\r\n")
        start = offset + len(line) - len(line.lstrip(" \t\u3000"))
        offset += len(line)
        if any(start <= s < start + len(line) for s in contents_lines):
            continue
        if match := _ARTICLE_LINE.match(stripped):
            articles.append(match.group(1))
        if _CHAPTER_LINE.match(stripped):
            chapters += 1
    return articles, chapters


def _all_sections(document: policyparse.Document) -> list[policyparse.Section]:
    return [*document.walk(), *(s for a in document.attachments for s in a.walk())]


@pytest.mark.parametrize("path", STATUTES, ids=[p.name for p in STATUTES])
def test_every_article_of_the_text_in_order(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = policyparse.parse(text)
    expected_articles, expected_chapters = _labels_in_text(text, document)
    sections = _all_sections(document)
    articles = [s.label for s in sections if s.kind is Kind.ARTICLE and (s.label or "").startswith("第")]
    assert articles == expected_articles
    assert sum(s.kind is Kind.CHAPTER and not s.implicit for s in sections) == expected_chapters
    assert not [d for d in document.diagnostics if d.code.startswith("numbering")], document.diagnostics


def test_special_deductions_notice_is_a_notice_and_its_measures() -> None:
    paths = [p for p in corpus_files() if p.name == "gov-notice-iit-special-deductions-2018.txt"]
    if not paths:
        pytest.skip("needs the corpus (tests/data/corpus)")
    document = policyparse.parse(paths[0].read_text(encoding="utf-8"))
    assert document.sections == () and document.meta.doc_number == "国发〔2018〕41号"
    (measures,) = document.attachments
    assert measures.label is None and measures.title == "个人所得税专项附加扣除暂行办法"
    assert len(measures.sections) == 9 and all(s.kind is Kind.CHAPTER for s in measures.sections)
    articles = [s for s in measures.walk() if s.kind is Kind.ARTICLE]
    assert len(articles) == 32 and articles[-1].path == "《个人所得税专项附加扣除暂行办法》/第九章/第三十二条"


def test_clauses_and_items_read_like_citations() -> None:
    text = (
        "第十条 有下列情形之一的，不予登记：\n（一）名称不符合规定；\n（二）住所不明。\n"
        "前款第一项规定的情形，可以补正：\n（一）补正名称；\n（二）补正住所。\n"
        "第十一条 本法自公布之日起施行。\n"
    )
    document = policyparse.parse(text)
    paths = [s.path for s in document.walk()]
    assert paths == [
        "第十条", "第十条/第一款", "第十条/第一款/（一）", "第十条/第一款/（二）",
        "第十条/第二款", "第十条/第二款/（一）", "第十条/第二款/（二）", "第十一条",
    ]
    clause = document.sections[0].children[1]
    assert (clause.kind, clause.label, clause.number, clause.id) == (Kind.CLAUSE, None, 2, "art-10/cl-2")
    assert [p.text for p in clause.paragraphs] == ["前款第一项规定的情形，可以补正："]
    assert [d.code for d in document.diagnostics] == ["starts-mid-document"]


def test_one_clause_article_keeps_items_directly() -> None:
    document = policyparse.parse("第五条 国务院由下列人员组成：\n（一）总理；\n（二）副总理。\n")
    (article,) = document.sections
    assert [p.text for p in article.paragraphs] == ["国务院由下列人员组成："]
    assert [(c.kind, c.path) for c in article.children] == [(Kind.ITEM, "第五条/（一）"), (Kind.ITEM, "第五条/（二）")]


def test_subitems_under_items() -> None:
    text = "第七条 下列事项：\n（一）有下列情形：\n1.甲；\n2.乙；\n（二）其他。\n"
    paths = [(s.path, s.kind.value) for s in policyparse.parse(text).walk()]
    assert paths == [
        ("第七条", "article"), ("第七条/（一）", "item"), ("第七条/（一）/1.", "subitem"),
        ("第七条/（一）/2.", "subitem"), ("第七条/（二）", "item"),
    ]


def test_article_label_alone_with_text_on_next_line() -> None:
    text = "第一章　总　　则\n\n第一条\n\n为了加强历史文化名镇保护，制定本条例。\n\n第二条\n\n本条例适用于本市。\n"
    document = policyparse.parse(text)
    chapter = document.sections[0]
    assert (chapter.title, chapter.title_as_written) == ("总则", "总　　则")
    assert [(a.label, a.title, [p.text for p in a.paragraphs]) for a in chapter.children] == [
        ("第一条", None, ["为了加强历史文化名镇保护，制定本条例。"]),
        ("第二条", None, ["本条例适用于本市。"]),
    ]


@pytest.mark.parametrize(
    ("line", "title"),
    [("第一条　目的", "目的"), ("第一条 为了规范公司的组织和行为，制定本法。", None), ("第七条  聘任责任建筑师、责任评估师", "聘任责任建筑师、责任评估师")],
)
def test_article_titles(line: str, title: str | None) -> None:
    (article,) = policyparse.parse(line + "\n正文。\n").sections
    assert article.title == title


def test_missing_article_is_kept_and_reported() -> None:
    text = "第四十二条 甲。\n第四十三条 乙。\n第四十五条 丙。\n第四十六条 丁。\n"
    document = policyparse.parse(text)
    assert [s.label for s in document.sections] == ["第四十二条", "第四十三条", "第四十五条", "第四十六条"]
    gaps = [(d.code, d.line) for d in document.diagnostics if d.code == "numbering-gap"]
    assert gaps == [("numbering-gap", 3)]
    assert policyparse.to_text(document) == text
    with pytest.raises(policyparse.PolicyParseError) as raised:
        policyparse.parse(text, strict=True)
    assert raised.value.line == 3


def test_repeated_and_inserted_articles() -> None:
    text = "第一条 甲。\n第二条 乙。\n第二条之一 插入。\n第三条 丙。\n第三条 重复。\n"
    document = policyparse.parse(text)
    assert [s.id for s in document.sections] == ["art-1", "art-2", "art-2-1", "art-3", "art-3~2"]
    assert [(d.code, d.line) for d in document.diagnostics] == [("numbering-duplicate", 5)]


def test_civil_code_numerals() -> None:
    document = policyparse.parse("第一千二百五十九条 甲。\n第一千二百六十条 本法自2021年1月1日起施行。\n")
    assert [s.number for s in document.sections] == [1259, 1260]
    assert [d.code for d in document.diagnostics] == ["starts-mid-document"]


def test_books_subbooks_sections_preface_and_supplementary() -> None:
    text = (
        "序言\n中国是世界上历史最悠久的国家之一。\n"
        "第一编　总则\n第一分编　通则\n第一章　基本规定\n第一节　一般规定\n第一条 甲。\n"
        "附　　则\n第二条 乙。\n"
    )
    kinds = [(s.kind.value, s.title) for s in policyparse.parse(text).walk()]
    assert kinds == [
        ("preface", "序言"), ("book", "总则"), ("subbook", "通则"), ("chapter", "基本规定"),
        ("section", "一般规定"), ("article", None), ("supplementary", "附则"), ("article", None),
    ]


@pytest.mark.parametrize(
    ("line", "label"),
    [("第一条为了规范专利代理行为，制定本条例。", "第一条"), ("第一章总则", "第一章"), ("第十条规定的情形除外。", None), ("第三条修改为：", None)],
)
def test_labels_without_whitespace(line: str, label: str | None) -> None:
    sections = policyparse.parse(line + "\n").sections
    assert (sections[0].label if sections else None) == label


def test_front_matter_fills_and_the_text_wins() -> None:
    text = (
        "---\n标题: 关于印发某办法的通知\n文号: \n发布单位: 上海市规划和自然资源局\n发布日期: 2023-11-20\n---\n\n"
        "> 本文正文由脚本提取\n\n# 关于印发某办法的通知\n\n关于印发某办法的通知\n\n沪规划资源研〔2023〕448号\n\n"
        "各区人民政府:\n\n现将某办法印发给你们。\n\n上海市规划和自然资源局\n\n2023年11月17日\n"
    )
    document = policyparse.parse(text)
    meta = document.meta
    assert (meta.title, meta.doc_number, meta.issuers, meta.date) == (
        "关于印发某办法的通知", "沪规划资源研〔2023〕448号", ("上海市规划和自然资源局",), datetime.date(2023, 11, 17),
    )
    assert [(d.code, d.line) for d in document.diagnostics] == [("meta-conflict", 5)]
    assert [p.text for p in document.preamble] == ["现将某办法印发给你们。"]
    assert policyparse.to_text(document) == text


@pytest.mark.parametrize("line", ["第十条后增加一条，作为第十一条：", "第五条被删除。", "第三条改为第四条。", "第二章规定的情形"])
def test_amendment_and_reference_lines_are_text(line: str) -> None:
    assert policyparse.parse(line + "\n").sections == ()


@pytest.mark.parametrize("text", ["第八条 （删除）\n第九条 甲。\n", "第五条 本法自公布之日起施行\n"])
def test_a_provision_standing_alone_is_no_title(text: str) -> None:
    assert policyparse.parse(text).sections[0].title is None


def test_articles_restarting_under_a_new_chapter_are_reported() -> None:
    document = policyparse.parse("第一章 总则\n第一条 甲。\n第二章 分则\n第一条 乙。\n")
    assert [(d.code, d.line) for d in document.diagnostics] == [("numbering-order", 4)]


# -- issue 13: labels and titles as real statutes write them --------------------------------------


@pytest.mark.parametrize("space", ["\u2002", "\u2003", "\u2000", "\u200a", "\u205f", "\u00a0", "\u202f"])
def test_any_unicode_space_separates_a_label_from_its_title(space: str) -> None:
    # 「第一章\u2002基本规定」: an en space (a web page's &ensp;) cost whole codes every chapter.
    text = f"第一章{space}基本规定\n第一条{space}为了规范管理，制定本条例。\n第二章{space}附则\n第二条{space}本条例自公布之日起施行。\n"
    document = policyparse.parse(text)
    chapters = [(s.label, s.title) for s in document.sections]
    assert chapters == [("第一章", "基本规定"), ("第二章", "附则")]
    assert [a.label for c in document.sections for a in c.children] == ["第一条", "第二条"]
    assert policyparse.to_text(document) == text


@pytest.mark.parametrize(
    ("line", "title"),
    [("第五章“上海文化”品牌建设", "“上海文化”品牌建设"), ("第三章《条例》的实施", "《条例》的实施")],
)
def test_a_title_glued_to_its_label_by_a_quotation_mark(line: str, title: str) -> None:
    document = policyparse.parse(f"{line}\n第十条 市人民政府应当加强品牌建设。\n")
    (chapter,) = document.sections
    assert (chapter.kind, chapter.title) == (Kind.CHAPTER, title)
    assert [a.label for a in chapter.children] == ["第十条"]


def test_a_quoted_division_in_a_sentence_is_no_heading() -> None:
    # A reference with its sentence's punctuation stays text.
    document = policyparse.parse("第一条 适用本法第五章“法律责任”的规定。\n第二章“监察委员会”规定的情形，依照执行。\n")
    assert [s.label for s in document.sections] == ["第一条"]


def test_an_articles_list_numbered_like_headings_stays_in_the_article() -> None:
    # Older regulations number an article's items 一、 二、: items (项), not headings nor articles.
    text = (
        "第七条 申请人应当提交下列材料：\n一、申请书；\n二、身份证明；\n三、其他材料。\n"
        "申请人对材料的真实性负责。\n第八条 本办法自发布之日起施行。\n"
    )
    document = policyparse.parse(text)
    seventh, eighth = document.sections
    assert [(s.kind, s.label) for s in seventh.walk()][:1] == [(Kind.ARTICLE, "第七条")]
    items = [s for s in seventh.walk() if s.kind is Kind.ITEM]
    assert [(s.label, s.number) for s in items] == [("一、", 1), ("二、", 2), ("三、", 3)]
    assert "申请人对材料的真实性负责。" in seventh.text
    assert eighth.label == "第八条" and not [d for d in document.diagnostics if d.code.startswith("numbering")]
    assert policyparse.to_text(document) == text


def test_a_heading_between_articles_is_not_a_list() -> None:
    # Without a colon before it, a 一、 line after an article is what it was before.
    document = policyparse.parse("第一条 为了规范管理，制定本办法。\n一、总则\n第二条 本办法适用于本市。\n")
    assert [s.kind for s in document.walk()].count(Kind.ITEM) == 0


@pytest.mark.parametrize(
    "line", ["一、二级道路客运站应当设置安全检查设施。", "三、四级医院应当配备专职人员。", "一、二类水域禁止新建排污口。"]
)
def test_a_sentence_that_starts_like_a_number_is_a_paragraph(line: str) -> None:
    # 「一、二级」 means grades one and two: inside an article it is the article's text.
    text = f"第五条 客运站按照规模分级管理。\n{line}\n第六条 本条例自公布之日起施行。\n"
    document = policyparse.parse(text)
    assert [s.label for s in document.sections] == ["第五条", "第六条"]
    assert line in document.sections[0].text


def test_a_numbered_heading_that_names_a_grade_stays_a_heading() -> None:
    # The numbering around it expects 二、 and 三、 there: headings titled with a grade.
    document = policyparse.parse("一、总体要求\n坚持。\n二、二级医院评审\n内容。\n三、四级手术管理\n内容。\n")
    assert [s.title for s in document.sections] == ["总体要求", "二级医院评审", "四级手术管理"]


@pytest.mark.parametrize(("first", "second"), [("1.", "2."), ("（1）", "（2）"), ("①", "②")])
def test_an_articles_list_is_its_items_however_numbered(first: str, second: str) -> None:
    text = f"第七条 申请人应当提交下列材料：\n{first}申请书；\n{second}身份证明。\n第八条 本办法自发布之日起施行。\n"
    seventh = policyparse.parse(text).sections[0]
    assert [(s.kind, s.label) for s in seventh.children] == [(Kind.ITEM, first), (Kind.ITEM, second)]
    assert [s.id for s in seventh.children] == ["art-7/item-1", "art-7/item-2"]


def test_a_list_inside_an_item_is_its_subitems() -> None:
    text = "第七条 下列行为应当处罚：\n（一）甲；\n1.乙；\n2.丙。\n（二）丁。\n"
    items = policyparse.parse(text).sections[0].children
    assert [(s.kind, s.label) for s in items] == [(Kind.ITEM, "（一）"), (Kind.ITEM, "（二）")]
    assert [(s.kind, s.label) for s in items[0].children] == [(Kind.SUBITEM, "1."), (Kind.SUBITEM, "2.")]


@pytest.mark.parametrize("mark", ["", "## "])
def test_a_table_of_contents_without_the_word(mark: str) -> None:
    # Statutes pasted from a database list their chapters before the body, without 「目录」.
    toc = f"{mark}第一章 总则\n{mark}第二章 监督管理\n{mark}第三章 附则\n\n"
    body = (
        f"{mark}第一章 总则\n第一条 为了规范管理，制定本法。\n{mark}第二章 监督管理\n第二条 国家实行统一管理。\n"
        f"{mark}第三章 附则\n第三条 本法自公布之日起施行。\n"
    )
    document = policyparse.parse("中华人民共和国某某法\n\n" + toc + body)
    assert [p.text for p in document.contents] == ["第一章 总则", "第二章 监督管理", "第三章 附则"]
    assert [s.id for s in document.sections] == ["ch-1", "ch-2", "ch-3"]
    assert not [d for d in document.diagnostics if d.code.startswith("numbering")]
    markdown = policyparse.to_markdown(document)
    assert "- 第一章 总则\n- 第二章 监督管理\n- 第三章 附则" in markdown and "目录" not in markdown
    assert [s.id for s in policyparse.parse(markdown).walk()] == [s.id for s in document.walk()]


def test_chapters_that_the_body_does_not_repeat_are_no_table_of_contents() -> None:
    document = policyparse.parse("第一章 总则\n第二章 管理\n第一条 为了规范管理，制定本法。\n")
    assert not document.contents and [s.label for s in document.sections] == ["第一章", "第二章"]
