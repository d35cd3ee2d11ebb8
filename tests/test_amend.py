"""Amendments (issue 14): a decision read into its edit script, and applied to the text it amends.

The decisions are real (tests/data/corpus/amend, tests/data/amend; sources in their SOURCES.md);
so are the before/after pairs: the laws of the corpus and the consolidated texts of the
Supreme People's Court's interpretations. The small cases are real lines in the forms of those
decisions.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

import policyparse
from policyparse import AmendError, Document, InstructionKind, Kind
from policyparse.compare import Matched, Merged, Removed, Split
from tests.conftest import CORPUS, ROOT

AMEND = ROOT / "tests" / "data" / "amend"
DECISIONS = CORPUS / "amend"


def _parse(path: Path) -> Document:
    return policyparse.parse(path.read_text(encoding="utf-8"), name=path.name)


_INSTRUCTION_WORDS = re.compile(r"修改为|改为|删去|删除|增加|增写|作为|合并|调整|重新公布")


def _counts(decision: Document) -> dict[str, int]:
    return dict(collections.Counter(i.kind.value for i in policyparse.instructions(decision)))


# ---- reading: every instruction of every real decision -------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (DECISIONS / "amend-criminal-law-amendment-11-2020.md", {"replace": 32, "add": 15}),
        (
            DECISIONS / "amend-constitution-amendment-2018.md",
            {"substitute": 21, "insert_text": 3, "replace": 5, "add": 7, "renumber": 5},
        ),
        (
            DECISIONS / "amend-spc-18-ip-interpretations-2020.md",
            {"replace": 139, "delete": 5, "renumber": 4, "substitute": 2},
        ),
        (DECISIONS / "amend-spc-food-drug-disputes.md", {"replace": 1, "renumber": 1}),
        (
            DECISIONS / "amend-spc-railway-injury.md",
            {
                "insert_text": 1,
                "delete_text": 5,
                "add": 2,
                "replace": 1,
                "merge": 1,
                "substitute": 3,
                "delete": 1,
                "renumber": 9,
            },
        ),
        (
            AMEND / "decision-anti-monopoly-2022.md",
            {"replace": 5, "add": 17, "renumber": 21, "substitute": 9, "move": 2, "insert_text": 5},
        ),
        (AMEND / "decision-civil-procedure-2023.md", {"replace": 14, "add": 12, "renumber": 8}),
        (
            AMEND / "decision-legislation-2023.md",
            {"split": 2, "replace": 23, "renumber": 24, "add": 18, "move": 5, "insert_text": 1, "substitute": 3},
        ),
        (AMEND / "decision-public-holidays-2024.md", {"replace": 2, "add": 1, "renumber": 2}),
    ],
    ids=lambda value: value.stem if isinstance(value, Path) else "",
)
def test_every_instruction_of_the_real_decisions_is_read(path: Path, expected: dict[str, int]) -> None:
    decision = _parse(path)
    assert _counts(decision) == expected
    # none left unread: every line that says 修改为, 删去, 增加… outside its quotations made an
    # instruction (the closing 「……重新公布」 a renumbering)
    from policyparse.amendments._statements import statements

    said = {
        s.line for s in statements(policyparse.to_text(decision)) if _INSTRUCTION_WORDS.search(s.skeleton)
    }
    read = {i.line for i in policyparse.instructions(decision)}
    assert said <= read


def test_an_instruction_reads_its_place_quotes_and_line() -> None:
    decision = _parse(DECISIONS / "amend-spc-railway-injury.md")
    script = policyparse.instructions(decision)
    first = script[0]
    assert (first.kind, first.target, first.position, first.line) == (
        InstructionKind.INSERT_TEXT, "第一条第二款", "start", 11,
    )  # fmt: skip
    assert first.text == "铁路运输企业在客运合同履行过程中造成旅客人身损害的赔偿纠纷案件，不适用本解释"
    text = policyparse.to_text(decision)
    assert text[first.span[0] : first.span[1]].startswith("一、第一条第二款开始部分增加规定")
    # 「同时增加一款作为第二款」 is a 款 of the article the statement named: 第三条
    added = next(i for i in script if i.kind is InstructionKind.ADD)
    assert added.target == "第三条第二款"
    # 「删去第八条第一款末尾的“…”和第二款末尾的“…”」: two deletions, the second in 第八条 too
    deletions = [i.target for i in script if i.kind is InstructionKind.DELETE_TEXT and i.line == 29]
    assert deletions == ["第八条第一款", "第八条第二款"]
    renumbered = [(i.target, i.to[0][-1].label) for i in script if i.kind is InstructionKind.RENUMBER and i.to]
    assert renumbered[0] == ("第八条", "第七条")


def test_quotations_of_several_paragraphs_in_both_styles() -> None:
    # the older style opens every paragraph with “ and closes the last (刑法修正案)
    criminal = policyparse.instructions(_parse(DECISIONS / "amend-criminal-law-amendment-11-2020.md"))
    assert criminal[0].target == "第十七条"
    assert criminal[0].text is not None and len(criminal[0].text.split("\n")) == 5
    assert not any("“" in line[:1] for line in criminal[0].text.split("\n"))
    # the newer opens once and closes after the last paragraph, on the lines after 「修改为：」
    ip = policyparse.instructions(_parse(DECISIONS / "amend-spc-18-ip-interpretations-2020.md"))
    listed = next(i for i in ip if i.target == "第一条" and i.text and i.text.count("\n") == 25)
    assert listed.text is not None and listed.text.endswith("25.其他专利纠纷案件。")


def test_the_criminal_law_amendment_reads_as_the_consolidated_text_has_it() -> None:
    # 刑法修正案（十一）: its base (刑法 2017) is in no public collection found, but the text it
    # made is; every quoted article or 款 stands in it as the instruction names it
    law = _parse(AMEND / "after-criminal-law-2020.md")
    text = policyparse.to_text(law)
    articles = {s.label: re.sub(r"\s+", "", text[s.span[0] : s.span[1]]) for s in law.walk() if s.kind is Kind.ARTICLE}
    script = policyparse.instructions(_parse(DECISIONS / "amend-criminal-law-amendment-11-2020.md"))
    assert len(script) == 47
    for instruction in script:
        levels = instruction.to[0] if instruction.kind is InstructionKind.ADD else instruction.places[0]
        label = levels[0].label
        quoted = re.sub(r"\s+", "", instruction.text or "")
        if len(levels) == 1:  # a whole article: the same text after its label
            assert articles[label] == label + quoted, label
        else:  # a 款
            assert quoted in articles[label], instruction.target


def test_nested_quotation_marks_become_double_ones() -> None:
    decision = policyparse.parse("将第五条修改为：“坚持‘三个代表’重要思想。”\n")
    assert policyparse.instructions(decision)[0].text == "坚持“三个代表”重要思想。"


def test_a_decision_that_amends_several_texts_applies_the_part_that_names_the_base() -> None:
    decision = policyparse.parse(
        "一、修改《甲办法》\n1.将第一条中的“十日”修改为“十五日”。\n二、修改〈乙办法〉\n1.删去第二条。\n"
    )
    first = policyparse.parse("# 甲办法\n\n第一条　期限为十日。\n第二条　自公布之日起施行。\n")
    second = policyparse.parse("# 乙办法\n\n第一条　期限为十日。\n第二条　自公布之日起施行。\n")
    assert "十五日" in policyparse.to_text(policyparse.amend(first, decision))
    amended = policyparse.to_text(policyparse.amend(second, decision))
    assert "十日" in amended and "第二条" not in amended
    other = policyparse.parse("# 丙办法\n\n第一条　期限为十日。\n")
    with pytest.raises(AmendError, match="does not amend 《丙办法》"):
        policyparse.amend(other, decision)


def test_a_state_council_decision_names_each_regulation_in_its_instruction() -> None:
    # 国务院关于修改和废止部分行政法规的决定: 「一、将《…》第十五条修改为…」, and lines under it
    # without a number go on in the same regulation
    decision = policyparse.parse(
        "一、将《中华人民共和国发票管理办法》第十五条修改为：“需要领用发票的单位和个人，应当办理发票领用手续。”\n"
        "删去第十八条。\n"
        "二、将《某某条例》第三条中的“甲”修改为“乙”。\n"
    )
    script = policyparse.instructions(decision)
    assert [(i.kind.value, i.target, i.document) for i in script] == [
        ("replace", "第十五条", "中华人民共和国发票管理办法"),
        ("delete", "第十八条", "中华人民共和国发票管理办法"),
        ("substitute", "第三条", "某某条例"),
    ]
    amended = policyparse.to_text(policyparse.amend(_parse(CORPUS / "reg-invoice-management-2019.md"), decision))
    assert "应当办理发票领用手续。" in amended and "\n第十八条" not in amended


def test_an_instruction_whose_text_cannot_be_told_is_an_error() -> None:
    decision = policyparse.parse("一、将《甲办法》第一条修改为：“甲。”\n二、将《乙办法》第一条修改为：“乙。”\n三、删去第二条。\n")
    with pytest.raises(AmendError, match="cannot tell which text") as raised:
        policyparse.amend(policyparse.parse("# 甲办法\n\n第一条　甲乙。\n第二条　丙。\n"), decision)
    assert raised.value.line == 3


# ---- applying: small real forms ------------------------------------------------------------

BASE = (
    "# 某某条例\n\n"
    "第一条　为了规范管理，制定本条例。\n\n"
    "第二条　申请人应当在十日内提交材料。\n\n逾期不提交的，视为撤回申请。\n\n"
    "第三条　有下列情形之一的，不予受理：\n\n（一）材料不全的；\n\n（二）超过期限的。\n\n"
    "第四条　违反本条例第二条规定的，依照本条例第三条处理。\n\n"
    "第五条　本条例自公布之日起施行。\n"
)


def _amend(decision: str) -> str:
    return policyparse.to_text(policyparse.amend(policyparse.parse(BASE), policyparse.parse(decision)))


def test_substitution_in_a_clause_leaves_everything_else_byte_for_byte() -> None:
    amended = _amend("将第二条第一款中的“十日”修改为“十五日”。\n")
    assert amended == BASE.replace("十日", "十五日")


def test_an_article_added_as_zhi_yi_keeps_its_label_without_renumbering() -> None:
    amended = _amend("在第一条后增加一条，作为第一条之一：“国家鼓励电子申请。”\n")
    assert amended == BASE.replace("制定本条例。\n\n", "制定本条例。\n\n第一条之一　国家鼓励电子申请。\n\n", 1)


def test_renumbering_carries_the_references_along() -> None:
    amended = _amend(
        "一、删去第一条。\n二、在第二条后增加一条，作为第二条之一：“材料可以电子方式提交。”\n"
        "本决定自公布之日起施行。\n《某某条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\n"
    )
    document = policyparse.parse(amended)
    labels = [s.label for s in document.walk() if s.kind is Kind.ARTICLE]
    assert labels == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert "第四条　违反本条例第一条规定的，依照本条例第三条处理。" in amended
    assert "第二条　材料可以电子方式提交。" in amended


def test_an_explicit_renumbering() -> None:
    amended = _amend("第五条改为第六条。\n")
    assert "第六条　本条例自公布之日起施行。" in amended


def test_chapters_are_read_and_refused_when_applied() -> None:
    # 慈善法 2023: 「在第七章后增加一章，作为第八章“应急慈善”」; 会计法 2024: 「将第三章并入第二章」
    decision = policyparse.parse("一、在第一章后增加一章，作为第二章“其他规定”。\n二、将第三章并入第二章。\n")
    script = policyparse.instructions(decision)
    assert [(i.kind.value, i.to[0][-1].label if i.to else None) for i in script] == [
        ("add", "第二章"), ("merge", "第二章"),
    ]  # fmt: skip
    with pytest.raises(AmendError, match="adding a 章 is not supported yet") as raised:
        policyparse.amend(policyparse.parse(BASE), decision)
    assert raised.value.line == 1


def test_a_sentence_of_a_clause() -> None:
    # 慈善法 2023: 「在…第九十七条第一款第一句…中的“…”前增加“…”」
    amended = _amend("在第二条第一款第一句中的“提交”前增加“依法”。\n")
    assert "第二条　申请人应当在十日内依法提交材料。" in amended


def test_words_replaced_respectively_deleted_in_a_list_and_throughout() -> None:
    amended = _amend(
        "一、将第二条第一款中的“十日”、“材料”分别修改为“十五日”、“申请材料”。\n"
        "二、删去第一条中的“规范”、“本”。\n"
        "三、将本条例中的“申请人”统一修改为“当事人”。\n"
    )
    assert "第二条　当事人应当在十五日内提交申请材料。" in amended
    assert "第一条　为了管理，制定条例。" in amended
    assert "申请人" not in amended


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        # 种子法 2021: 「将第五十三条改为第五十二条，删去其中的“…”」
        ("将第二条改为第三条，删去其中的“在十日内”。\n", "第三条　申请人应当提交材料。"),
        # 会计法 2024: 「将第十条、第二十五条合并，作为第十条，修改为：“……”」
        ("将第一条、第五条合并，作为第一条，修改为：“为了规范管理，制定本条例。本条例自公布之日起施行。”\n",
         "第一条　为了规范管理，制定本条例。本条例自公布之日起施行。\n\n第二条"),
        # 统计法 2024: 「将第二十条改为第二十三条，分为两款，修改为：“……”」
        ("将第一条分为两款，修改为：“为了规范管理，制定本条例。\n本条例适用于申请。”\n",
         "第一条　为了规范管理，制定本条例。\n\n本条例适用于申请。\n\n第二条"),
        # 人口与计划生育法 2021: 「将第十三条第一款中的第一处“…”修改为“…”」
        ("将第四条中的第二处“本条例”修改为“本条例的有关规定”。\n",
         "第四条　违反本条例第二条规定的，依照本条例的有关规定第三条处理。"),
        # 国务院 2024: 「删去第六十四条、第六十六条中的“…”，第六十五条、第六十八条中的“…”」
        ("删去第一条中的“规范”，第二条中的“在十日内”。\n", "第一条　为了管理，制定本条例。\n\n第二条　申请人应当提交材料。"),
        # 国务院 2024: 「原第五项改为第二项、原第七项改为第三项」
        ("一、删去第三条第一项，原第二项改为第一项。\n", "不予受理：\n\n（一）超过期限的。"),
    ],
)
def test_forms_of_more_real_decisions(decision: str, expected: str) -> None:
    assert expected in _amend(decision)


def test_delete_replace_and_add_a_clause_and_an_item() -> None:
    amended = _amend(
        "一、删去第二条第二款。\n"
        "二、将第一条修改为：“为了规范管理，保障权益，制定本条例。”\n"
        "三、第三条增加一项，作为第三项：“重复申请的。”\n"
    )
    assert "第一条　为了规范管理，保障权益，制定本条例。\n\n第二条" in amended
    assert "逾期不提交" not in amended
    # a new last item: the old last item's 。 becomes ；, the new one gets the label
    assert "（二）超过期限的；\n\n（三）重复申请的。" in amended


@pytest.mark.parametrize(
    ("decision", "line", "message"),
    [
        ("将第九条修改为：“……。”\n", 1, "第九条 is not in the text"),
        ("\n将第二条中的“三十日”修改为“十五日”。\n", 2, "“三十日” is not in it"),
        ("将第二条修改为：“没有结束的引文。\n", 1, "never closes"),
        ("将第二条修改为一条新的规定。\n", 1, "cannot read this instruction"),
        ("一、删去第三条第五项。\n", 1, "第五项 is not in the article"),
    ],
)
def test_an_instruction_that_cannot_be_applied_names_its_line(decision: str, line: int, message: str) -> None:
    base = policyparse.parse(BASE)
    with pytest.raises(AmendError, match=message) as raised:
        policyparse.amend(base, policyparse.parse(decision))
    assert raised.value.line == line
    assert policyparse.to_text(base) == BASE  # nothing half-applied: the base is as it was


def test_a_decision_without_instructions_is_an_error() -> None:
    with pytest.raises(AmendError, match="holds no instruction"):
        policyparse.amend(policyparse.parse(BASE), policyparse.parse(BASE))


def test_a_base_the_decision_does_not_name_is_an_error() -> None:
    decision = _parse(DECISIONS / "amend-spc-food-drug-disputes.md")
    with pytest.raises(AmendError, match="not 《某某条例》"):
        policyparse.amend(policyparse.parse(BASE), decision)


# ---- applying: the real before/after pairs, article by article -----------------------------

_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})
# Word field residue left at the end of two interpretations by the converter of their source
# (tests/data/amend/SOURCES.md); the consolidated texts do not have it.
_FIELD_RESIDUE = re.compile(r"PAGE\s*\d*")


def _articles(document: Document) -> dict[str, str]:
    """Each article's text, spacing and the half-width punctuation of some sources aside."""
    return {
        s.label or "": _FIELD_RESIDUE.sub("", re.sub(r"\s+", "", s.text)).translate(_FULL_WIDTH)
        for s in document.walk()
        if s.kind is Kind.ARTICLE
    }


PAIRS = [
    # (base, decision, consolidated text, articles the decision's words do not give)
    (AMEND / "base-spc-railway-injury-2020.md", DECISIONS / "amend-spc-railway-injury.md",
     AMEND / "after-spc-railway-injury-2021.md", set()),
    (AMEND / "base-spc-food-drug-2020.md", DECISIONS / "amend-spc-food-drug-disputes.md",
     AMEND / "after-spc-food-drug-2021.md", set()),
    (AMEND / "base-spc-patent-infringement-ii-2016.md", DECISIONS / "amend-spc-18-ip-interpretations-2020.md",
     AMEND / "after-spc-patent-infringement-ii-2020.md", set()),
    (AMEND / "base-spc-patent-disputes-2015.md", DECISIONS / "amend-spc-18-ip-interpretations-2020.md",
     AMEND / "after-spc-patent-disputes-2020.md", set()),
    (CORPUS / "law-legislation-2015.md", AMEND / "decision-legislation-2023.md",
     CORPUS / "law-legislation-2023.md", set()),
    (CORPUS / "law-civil-procedure-2021.md", AMEND / "decision-civil-procedure-2023.md",
     CORPUS / "law-civil-procedure-2023.md", set()),
    # 「在“商业秘密”后增加“个人隐私和个人信息”」: the consolidated text puts a 、 between them
    (CORPUS / "law-anti-monopoly-2007.md", AMEND / "decision-anti-monopoly-2022.md",
     CORPUS / "law-anti-monopoly-2022.md", {"第四十九条"}),
    # 「此外，对条文顺序和个别文字作相应调整和修改」: 新年 → 元旦, 星期六 → 周六, by no instruction
    (CORPUS / "reg-public-holidays-2013.md", AMEND / "decision-public-holidays-2024.md",
     CORPUS / "reg-public-holidays-2024.md", {"第二条", "第六条"}),
]  # fmt: skip


@pytest.mark.parametrize(("base", "decision", "after", "beyond"), PAIRS, ids=[p[2].stem for p in PAIRS])
def test_the_consolidated_text_article_by_article(base: Path, decision: Path, after: Path, beyond: set[str]) -> None:
    amended = policyparse.amend(_parse(base), _parse(decision))
    got, want = _articles(amended), _articles(_parse(after))
    assert list(got) == list(want)
    differ = {label for label in want if got[label] != want[label]}
    assert differ == beyond


# Laws whose consolidated texts before and after a decision of 2021–2024 are in
# tests/data/amend/npc (SOURCES.md there); found after the rules above were written, they are a
# check on decisions the rules were not made from.
NPC = AMEND / "npc"
NPC_LAWS = ["education", "population", "seed", "statistics", "audit", "foreign-trade"]


@pytest.mark.parametrize("law", NPC_LAWS)
def test_more_laws_article_by_article(law: str) -> None:
    amended = policyparse.amend(_parse(NPC / f"{law}-before.md"), _parse(NPC / f"{law}-decision.md"))
    got, want = _articles(amended), _articles(_parse(NPC / f"{law}-after.md"))
    assert list(got) == list(want)
    assert {label for label in want if got[label] != want[label]} == set()


MORE = AMEND / "more"
# Forms read into no instruction yet: each such decision is an AmendError naming the line.
NOT_YET = {
    "13-npcsc-amend-some-laws-2009.md": 38,  # 将下列法律和法律解释中的…修改为… (a list of laws after)
}
# Lines about another law's article numbers (「引用…法相关条文序号…作相应调整」): no instruction here
ABOUT_ANOTHER_LAW = {"21-spc-civil-procedure-law-interpretation-2022.md": {69},
                     "18-sc-patent-law-implementing-rules-2023.md": {326}}  # fmt: skip


@pytest.mark.parametrize("path", sorted(p for p in MORE.glob("*.md") if p.name != "SOURCES.md"), ids=lambda p: p.stem)
def test_more_decisions_are_read_whole_or_refused_at_the_line(path: Path) -> None:
    decision = _parse(path)
    if path.name in NOT_YET:
        with pytest.raises(AmendError, match="cannot read this instruction") as raised:
            policyparse.instructions(decision)
        assert raised.value.line == NOT_YET[path.name]
        return
    from policyparse.amendments._statements import statements

    said = {s.line for s in statements(policyparse.to_text(decision)) if _INSTRUCTION_WORDS.search(s.skeleton)}
    read = {i.line for i in policyparse.instructions(decision)}
    assert said - read <= ABOUT_ANOTHER_LAW.get(path.name, set())


def test_a_new_section_is_headed_like_its_neighbours() -> None:
    amended = policyparse.amend(
        _parse(CORPUS / "law-civil-procedure-2021.md"), _parse(AMEND / "decision-civil-procedure-2023.md")
    )
    want = _parse(CORPUS / "law-civil-procedure-2023.md")
    headings = [(s.kind, s.label, s.title) for s in amended.walk() if s.kind is not Kind.ARTICLE and s.label]
    assert headings == [(s.kind, s.label, s.title) for s in want.walk() if s.kind is not Kind.ARTICLE and s.label]
    text = policyparse.to_text(amended)
    # written as the base writes its headings: Markdown level, spacing, blank lines
    assert "\n\n#### 第四节 指定遗产管理人案件\n\n第一百九十四条 对遗产管理人" in text


def test_untouched_text_stays_byte_for_byte() -> None:
    base_path = AMEND / "base-spc-patent-infringement-ii-2016.md"
    base_text = base_path.read_text(encoding="utf-8")
    amended = policyparse.to_text(
        policyparse.amend(_parse(base_path), _parse(DECISIONS / "amend-spc-18-ip-interpretations-2020.md"))
    )
    # the cover page and header before the 引言 (which the decision replaces), and 第三条
    assert amended.startswith(base_text[: base_text.index("为正确审理")])
    untouched = base_text[base_text.index("第三条") : base_text.index("第四条")]
    assert untouched in amended


# ---- the diff of base and amended text shows the edits of the script -----------------------


@pytest.mark.parametrize(
    ("base", "decision"),
    [
        (AMEND / "base-spc-railway-injury-2020.md", DECISIONS / "amend-spc-railway-injury.md"),
        (CORPUS / "law-civil-procedure-2021.md", AMEND / "decision-civil-procedure-2023.md"),
    ],
    ids=["railway-injury", "civil-procedure"],
)
def test_the_diff_shows_exactly_the_edits_of_the_script(base: Path, decision: Path) -> None:
    old, script_of = _parse(base), _parse(decision)
    new = policyparse.amend(old, script_of)
    ids = {s.label: s.id for s in old.walk() if s.kind is Kind.ARTICLE}
    touched = {
        ids[levels[0].label]
        for i in policyparse.instructions(script_of, old)
        if i.kind is not InstructionKind.RENUMBER
        for levels in i.places
        if levels and levels[0].unit == "article" and not levels[0].new
    }
    changed: set[str] = set()
    added = 0
    for change in policyparse.diff(old, new).changes:
        if isinstance(change, Matched):
            if change.old.kind == "article" and change.text_changed and not change.reference_only:
                changed.add(change.old.id)
        elif isinstance(change, Removed | Split):
            changed.update({change.old.id} if change.old.kind == "article" else set())
        elif isinstance(change, Merged):
            changed.update(ref.id for ref in change.old if ref.kind == "article")
        elif change.new.kind == "article":
            added += 1
    assert changed == touched
    new_articles = sum(1 for s in new.walk() if s.kind is Kind.ARTICLE)
    old_articles = sum(1 for s in old.walk() if s.kind is Kind.ARTICLE)
    removed = sum(
        1
        for i in policyparse.instructions(script_of, old)
        if i.kind in (InstructionKind.DELETE, InstructionKind.MERGE)
        for _ in i.places[1 if i.kind is InstructionKind.MERGE else 0 :]
    )
    assert added == new_articles - old_articles + removed


# ---- the command line ----------------------------------------------------------------------


def test_cli_writes_the_consolidated_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from policyparse.cli import main

    out = tmp_path / "after.md"
    base, decision = AMEND / "base-spc-food-drug-2020.md", DECISIONS / "amend-spc-food-drug-disputes.md"
    assert main(["amend", str(base), str(decision), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == policyparse.to_text(policyparse.amend(_parse(base), _parse(decision)))
    assert main(["amend", str(base), str(decision), "--script"]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[0]
        .startswith("11: replace 第十二条 [art-12] “食品检验机构故意出具虚假检验报告")
    )
    assert main(["amend", str(base), str(decision), "--script", "--to", "json"]) == 0
    script = __import__("json").loads(capsys.readouterr().out)
    assert [entry["kind"] for entry in script] == ["replace", "renumber"]
    # the amended document as convert writes it, and an empty decision refused
    assert main(["amend", str(base), str(decision), "--to", "json"]) == 0
    assert policyparse.from_json(capsys.readouterr().out) == policyparse.amend(_parse(base), _parse(decision))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["amend", str(base), str(empty)]) != 0
    assert capsys.readouterr().err.startswith(f"policyparse: {empty}")


def test_cli_names_the_decisions_file_and_line_on_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from policyparse.cli import main

    base = tmp_path / "base.md"
    base.write_text(BASE, encoding="utf-8")
    decision = tmp_path / "decision.txt"
    decision.write_text("关于修改的决定\n\n一、将第二条中的“三十日”修改为“十五日”。\n", encoding="utf-8")
    assert main(["amend", str(base), str(decision)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"policyparse: {decision}:3: substitute 第二条: “三十日” is not in it"]
    assert main(["amend", str(tmp_path / "missing.md"), str(decision)]) == 2
