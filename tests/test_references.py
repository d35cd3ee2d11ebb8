"""Cross-references (issue 15): found with their exact spans, resolved to the sections they name.

The forms come from real statutes of the corpus (tests/data/corpus); the sweep at the end checks
every statute of it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import policyparse
from policyparse import Document, Kind, Reference, Severity
from tests.conftest import CORPUS

STATUTES = sorted(p for p in CORPUS.glob("*.md") if p.name.startswith(("law-", "reg-")))


def _parsed(name: str) -> tuple[str, Document]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return text, policyparse.parse(text)


def _at(document: Document, text: str, context: str, cited: str) -> Reference:
    """The reference whose text is ``cited``, inside the first occurrence of ``context``."""
    start = text.index(context) + context.index(cited)
    found = [r for r in document.references if r.span[0] == start]
    assert found, f"no reference at {cited!r} in {context!r}"
    return found[0]


def test_this_law_with_article_clause_and_items_listed_after_it() -> None:
    text, document = _parsed("law-admin-reconsideration-2023.md")
    context = "依照本法第三十九条第一款第一项、第二项、第四项的规定"
    first = _at(document, text, context, "本法第三十九条第一款第一项")
    assert first.targets == ("ch-4/sec-1/art-39/cl-1/item-1",)
    for label, number in (("第二项", 2), ("第四项", 4)):
        listed = _at(document, text, context, label)
        assert (listed.text, listed.targets, listed.law) == (label, (f"ch-4/sec-1/art-39/cl-1/item-{number}",), None)


@pytest.mark.parametrize(
    ("context", "cited", "targets"),
    [
        ("适用前两款规定", "前两款", ("ch-8/art-180/cl-1", "ch-8/art-180/cl-2")),
        ("董事会对本法第一百八十二条至第一百八十四条规定的事项", "本法第一百八十二条至第一百八十四条",
         ("ch-8/art-182", "ch-8/art-183", "ch-8/art-184")),
        ("上市公司因本条第一款第三项", "本条第一款第三项", ("ch-6/sec-2/art-162/cl-1/item-3",)),
        ("监事有前条规定的情形", "前条", ("ch-8/art-188",)),
        # A bare 第M项 in a 款 without items: the items of the article's 款 that has them.
        ("属于第一项情形的", "第一项", ("ch-6/sec-2/art-162/cl-1/item-1",)),
    ],
)
def test_forms_of_the_company_law(context: str, cited: str, targets: tuple[str, ...]) -> None:
    text, document = _parsed("law-company-2023.md")
    reference = _at(document, text, context, cited)
    assert (reference.text, reference.targets, reference.law) == (cited, targets, None)


def test_chapters_and_sections_of_this_law() -> None:
    text, document = _parsed("law-legislation-2015.md")
    context = "本法第二章第二节、第三节、第五节"
    assert _at(document, text, context, "本法第二章第二节").targets == ("ch-2/sec-2",)
    assert _at(document, text, context, "第三节").targets == ("ch-2/sec-3",)
    assert _at(document, text, context, "第五节").targets == ("ch-2/sec-5",)


@pytest.mark.parametrize(
    ("name", "context", "cited", "law"),
    [
        ("law-hk-basic-law-1990.md", "根据中华人民共和国宪法第三十一条", "中华人民共和国宪法第三十一条", "中华人民共和国宪法"),
        ("law-legislation-2015.md", "宪法第八十九条", "宪法第八十九条", "宪法"),
        ("spc-judicial-suggestions-2023.md", "《中华人民共和国人民法院组织法》第九条",
         "《中华人民共和国人民法院组织法》第九条", "中华人民共和国人民法院组织法"),
    ],
)
def test_other_documents_keep_their_name_and_no_targets(name: str, context: str, cited: str, law: str) -> None:
    text, document = _parsed(name)
    reference = _at(document, text, context, cited)
    assert (reference.text, reference.law, reference.targets) == (cited, law, ())


def test_a_cited_title_with_its_document_number_and_the_articles_listed_after_it() -> None:
    text = "（一）优化流程\n《上海市城市更新规划土地实施细则（试行）》（沪规划资源详〔2022〕506号）第十二条、第十三条\n"
    document = policyparse.parse(text)
    assert [(r.text, r.law, r.targets) for r in document.references] == [
        ("《上海市城市更新规划土地实施细则（试行）》（沪规划资源详〔2022〕506号）第十二条", "上海市城市更新规划土地实施细则（试行）", ()),
        ("第十三条", "上海市城市更新规划土地实施细则（试行）", ()),
    ]
    assert not document.diagnostics


_SMALL_LAW = (
    "中华人民共和国示例法\n"
    "第一条　为了示例，制定本法。\n"
    "第二条　有下列情形之一的，适用本法：\n（一）甲；\n（二）乙。\n"
    "前款第（二）项规定的情形，依照本法第一条处理。\n"
    "第三条　违反本法第二条、第九十条规定的，依照刑法第二十条处罚。第十次会议通过。\n"
)


def test_an_unknown_article_has_no_targets_and_a_diagnostic_with_its_line() -> None:
    document = policyparse.parse(_SMALL_LAW)
    by_text = {r.text: r for r in document.references}
    assert by_text["本法第二条"].targets == ("art-2",)
    assert by_text["第九十条"].targets == ()
    assert by_text["前款第（二）项"].targets == ("art-2/cl-1/item-2",)
    assert by_text["刑法第二十条"].law == "刑法"
    problems = [d for d in document.diagnostics if d.code == "unresolved-reference"]
    assert [(d.line, d.severity, d.message) for d in problems] == [(7, Severity.WARNING, "第九十条: no 条 90 here")]
    assert "第十次" not in {r.text for r in document.references}  # 第十次会议 is no reference
    # The article labels themselves are no references.
    assert all(not r.text.startswith(("第一条", "第三条")) for r in document.references)


def test_this_regulation_in_implementing_rules_names_another_document() -> None:
    text = "# 中华人民共和国示例条例实施细则\n\n第一条　根据本条例第五条和本细则第二条，制定本细则。\n第二条　本细则自公布之日起施行。\n"
    document = policyparse.parse(text)
    by_text = {r.text: r for r in document.references}
    assert (by_text["本条例第五条"].law, by_text["本条例第五条"].targets) == ("本条例", ())
    assert (by_text["本细则第二条"].law, by_text["本细则第二条"].targets) == (None, ("art-2",))


def test_backlinks_json_round_trip_and_absence() -> None:
    document = policyparse.parse(_SMALL_LAW)
    article_1 = document.find("art-1")
    assert article_1 is not None
    assert [r.text for r in document.references_to(article_1)] == ["本法第一条"]
    assert policyparse.from_json(policyparse.to_json(document)).references == document.references
    plain = policyparse.parse("一、总体要求\n（一）目标。稳步推进。\n")
    assert plain.references == () and '"references"' not in policyparse.to_json(plain)


@pytest.mark.parametrize("path", STATUTES, ids=[p.stem for p in STATUTES])
def test_every_statute_of_the_corpus(path: Path) -> None:
    """Every reference is the text at its span; every 本法第X条 names the article labelled
    第X条; every 前款 the 款 before the one it stands in; none is left unresolved."""
    text = path.read_text(encoding="utf-8")
    document = policyparse.parse(text)
    sections = {s.id: s for s in document.walk(attachments=True)}
    for reference in document.references:
        assert text[reference.span[0] : reference.span[1]] == reference.text
        whole = re.fullmatch(r"本法(第[一二三四五六七八九十百零]+条)", reference.text)
        if whole:
            assert [sections[t].label for t in reference.targets] == [whole.group(1)]
        if reference.text == "前款":
            (target,) = reference.targets
            here = reference.section or ""
            clause = here if sections[here].kind is Kind.CLAUSE else here.rsplit("/item-", 1)[0]
            article, _, number = clause.rpartition("/cl-")
            assert target == f"{article}/cl-{int(number) - 1}"
    assert not [d for d in document.diagnostics if d.code == "unresolved-reference"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Lines of statutes outside the corpus (劳动合同法实施条例, 著作权法实施条例, 盗窃 解释 …).
        ("用工单位应当履行劳动合同法第六十二条规定的义务", [("劳动合同法第六十二条", "劳动合同法")]),
        ("可以分别认定为刑法第二百六十四条规定的", [("刑法第二百六十四条", "刑法")]),
        ("依照著作权法第二十三条、第三十三条第二款", [("著作权法第二十三条", "著作权法"), ("第三十三条第二款", None)]),
        ("依据合同法第三十条第二款和调解仲裁法第十六条", [("合同法第三十条第二款", "合同法"), ("调解仲裁法第十六条", "调解仲裁法")]),
        ("依照中华人民共和国行政许可法第十二条", [("中华人民共和国行政许可法第十二条", "中华人民共和国行政许可法")]),
        ("依照突发事件应对法第三条", [("突发事件应对法第三条", "突发事件应对法")]),
        ("依照本法第五条", [("本法第五条", None)]),
    ],
)
def test_short_names_of_other_laws(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    from policyparse._citations import citations

    assert [(sentence[c.start : c.end], c.cited) for c in citations(sentence)] == expected


def test_a_range_of_items() -> None:
    text = (
        "# 最高人民法院关于示例案件适用法律若干问题的解释\n\n"
        "第一条　有下列情形之一的：\n（一）甲；\n（二）乙；\n（三）丙；\n（四）丁。\n"
        "第二条　具有本解释第一条第二项至第四项规定情形之一的，依照刑法第二百六十四条处罚。\n"
    )
    document = policyparse.parse(text)
    assert [(r.text, r.targets, r.law) for r in document.references] == [
        ("本解释第一条第二项至第四项", ("art-1/item-2", "art-1/item-3", "art-1/item-4"), None),
        ("刑法第二百六十四条", (), "刑法"),
    ]


def test_this_clause_item_from_the_copyright_law() -> None:
    """著作权法 第十条 （十一）: 「但不包括本款第十二项规定的权利」 names item 12 of the same 款."""
    text = (
        "第十条　著作权包括下列人身权和财产权：\n"
        "（十一）广播权，即以有线或者无线方式公开传播或者转播作品的权利，但不包括本款第十二项规定的权利；\n"
        "（十二）信息网络传播权，即以有线或者无线方式向公众提供作品的权利；\n"
        "著作权人可以许可他人行使前款第五项至第十七项规定的权利。\n"
    )
    document = policyparse.parse(text)
    by_text = {r.text: r for r in document.references}
    assert by_text["本款第十二项"].targets == ("art-10/cl-1/item-12",)
    assert by_text["本款第十二项"].section == "art-10/cl-1/item-11"
    # Items 5 and 17 are not in this excerpt: no targets, and a warning on the line.
    assert by_text["前款第五项至第十七项"].targets == ()
    assert [d.line for d in document.diagnostics if d.code == "unresolved-reference"] == [4]


def test_the_item_before_and_this_item() -> None:
    """前项 and 本项 (rare: none in the corpus, nor in twenty other statutes read for this)."""
    text = "第一条　有下列情形之一的：\n（一）甲；\n（二）有前项情形又有本项所列行为的；\n（三）丙。\n"
    document = policyparse.parse(text)
    assert [(r.text, r.targets) for r in document.references] == [
        ("前项", ("art-1/item-1",)), ("本项", ("art-1/item-2",)),
    ]
