"""diff() on the ten version pairs of the corpus (see tests/data/corpus/SOURCES.md).

Checked on every pair: each section of either version appears once in ``changes``; the
redlines concatenate back to both texts; ``diff(a, a)`` has only unflagged matches;
``diff(b, a)`` mirrors ``diff(a, b)``; the result is the same on every run. Then the facts
of three pairs, checked by hand: 放假办法 2013→2024, 专利代理条例 Markdown vs gov.cn text, and
ten articles of 公司法 2018→2023.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import attrs
import pytest

import policyparse
from policyparse.compare import Added, DocumentDiff, Matched, Merged, Removed, Split, diff, invert
from policyparse.compare.cells import sides
from policyparse.compare.redline import redline_new, redline_old
from tests.conftest import CORPUS

PAIRS = [
    ("law-company-2018.md", "law-company-2023.md"),
    ("law-admin-reconsideration-2017.md", "law-admin-reconsideration-2023.md"),
    ("law-legislation-2015.md", "law-legislation-2023.md"),
    ("law-anti-monopoly-2007.md", "law-anti-monopoly-2022.md"),
    ("law-civil-procedure-2021.md", "law-civil-procedure-2023.md"),
    ("law-state-council-organic-1982.md", "law-state-council-organic-2024.md"),
    ("reg-public-holidays-2013.md", "reg-public-holidays-2024.md"),
    ("reg-invoice-management-2019.md", "reg-invoice-management-2023.md"),
    ("sh-urban-renewal-opinion-2023-trial.md", "sh-urban-renewal-opinion-2025.md"),
    ("reg-patent-agency-2018-lawrefbook.md", "reg-patent-agency-2018.txt"),
]

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the corpus (tests/data/corpus)")


@cache
def _document(name: str) -> policyparse.Document:
    return policyparse.parse_file(CORPUS / name)


@cache
def _diff(old: str, new: str) -> DocumentDiff:
    return diff(_document(old), _document(new))


def _body_ids(document: policyparse.Document) -> Counter[str]:
    """Ids of every section of a document: its own, its embedded documents' and attachments'."""
    sections = list(document.walk())
    for attachment in document.attachments:
        sections.extend(attachment.walk())
    return Counter(s.id for s in sections)


def _ids(result: DocumentDiff) -> tuple[Counter[str], Counter[str]]:
    old: Counter[str] = Counter()
    new: Counter[str] = Counter()
    for change in result.changes:
        if isinstance(change, Matched):
            old[change.old.id] += 1
            new[change.new.id] += 1
        elif isinstance(change, Added):
            new[change.new.id] += 1
        elif isinstance(change, Removed):
            old[change.old.id] += 1
        elif isinstance(change, Split):
            old[change.old.id] += 1
            new.update(r.id for r in change.new)
        else:
            old.update(r.id for r in change.old)
            new[change.new.id] += 1
    return old, new


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[p[0].rsplit("-", 1)[0] for p in PAIRS])
def test_every_section_once_and_redlines_rebuild_both_texts(old: str, new: str) -> None:
    result = _diff(old, new)
    old_ids, new_ids = _ids(result)
    assert old_ids == _body_ids(_document(old))
    assert new_ids == _body_ids(_document(new))
    for change in result.changes:
        if isinstance(change, Matched):
            assert redline_old(change.redline) == change.old.text
            assert redline_new(change.redline) == change.new.text
            assert 0.0 <= change.similarity <= 1.0
            assert not (change.text_changed and (change.format_only or change.reference_only))


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[p[0].rsplit("-", 1)[0] for p in PAIRS])
def test_mirror(old: str, new: str) -> None:
    mirrored, backward = invert(_diff(old, new)), _diff(new, old)
    assert sorted(map(repr, mirrored.changes)) == sorted(map(repr, backward.changes))
    ranges = attrs.evolve(mirrored.summary, renumber_ranges=()), attrs.evolve(backward.summary, renumber_ranges=())
    assert ranges[0] == ranges[1]
    assert sorted(map(repr, mirrored.summary.renumber_ranges)) == sorted(map(repr, backward.summary.renumber_ranges))


@pytest.mark.parametrize("name", sorted({name for pair in PAIRS for name in pair}))
def test_identity(name: str) -> None:
    result = _diff(name, name)
    assert not result.substantive
    for change in result.changes:
        assert isinstance(change, Matched)
        assert not (change.text_changed or change.title_changed or change.renumbered or change.moved)
        assert not (change.format_only or change.reference_only or change.substitution_only)


def test_deterministic() -> None:
    first = diff(_document(PAIRS[0][0]), _document(PAIRS[0][1]))
    assert first == diff(_document(PAIRS[0][0]), _document(PAIRS[0][1]))


# -- 全国年节及纪念日放假办法 2013 → 2024 --------------------------------------------------------


def test_holidays_new_article_seven_and_renumbering() -> None:
    result = _diff("reg-public-holidays-2013.md", "reg-public-holidays-2024.md")
    added = [c for c in result.changes if isinstance(c, Added)]
    assert [(c.new.path, c.new.kind) for c in added] == [("第七条", "article")]
    assert "调休" in added[0].new.text
    assert not any(isinstance(c, (Removed, Split, Merged)) for c in result.changes)
    renumbered = [c for c in result.changes if isinstance(c, Matched) and c.renumbered]
    assert [(c.old.label, c.new.label, c.text_changed, c.moved) for c in renumbered] == [
        ("第七条", "第八条", False, False)
    ]
    assert [(r.old, r.new, r.offset) for r in result.summary.renumber_ranges] == [
        (("第七条", "第七条"), ("第八条", "第八条"), 1)
    ]
    assert result.substantive


def test_holidays_half_width_items_are_formatting_only() -> None:
    result = _diff("reg-public-holidays-2013.md", "reg-public-holidays-2024.md")
    items = {c.old.path: c for c in result.changes if isinstance(c, Matched) and c.old.kind == "item"}
    assert len(items) == 11
    assert all(c.old.label.startswith("(") and c.new.label.startswith("（") for c in items.values())  # type: ignore[union-attr]
    format_only = sorted(path for path, c in items.items() if c.format_only)
    assert format_only == [
        "第三条/(一)",
        "第三条/(三)",
        "第三条/(二)",
        "第三条/(四)",
        "第二条/(三)",
        "第二条/(五)",
        "第二条/(六)",
    ]
    assert not any(c.renumbered for c in items.values())
    third = next(c for c in result.changes if isinstance(c, Matched) and c.old.label == "第三条")
    assert third.format_only and not third.text_changed
    # The wording changes: 新年 → 元旦 and the holiday counts.
    first = items["第二条/(一)"]
    assert first.text_changed and ("delete", "新年") in first.redline and ("insert", "元旦") in first.redline
    spring = items["第二条/(二)"]
    old_side, new_side = sides(spring.redline)
    assert ("delete", "3天") in old_side and ("insert", "4天") in new_side  # the number whole
    assert ("format", "(") in old_side and ("format", "（") in new_side


# -- 专利代理条例: LawRefBook Markdown vs gov.cn extraction --------------------------------------


def test_patent_agency_markdown_and_text_have_no_substantive_change() -> None:
    result = _diff("reg-patent-agency-2018-lawrefbook.md", "reg-patent-agency-2018.txt")
    assert not result.substantive
    assert all(isinstance(c, Matched) for c in result.changes)
    s = result.summary
    assert (s.added, s.removed, s.text_changed, s.renumbered, s.moved) == (0, 0, 0, 0, 0)
    assert s.matched == 81
    # The .txt holds the 条例 as an embedded document: its sections are the body.
    first = result.changes[0]
    assert isinstance(first, Matched)
    assert (first.old.path, first.new.path) == ("第一章", "《专利代理条例》/第一章")
    formatted = {c.old.path for c in result.changes if isinstance(c, Matched) and c.format_only}
    assert "第二章/第十一条" in formatted  # 满1年 / 满１年
    assert "第二章/第八条/(一)" in formatted


# -- 公司法 2018 → 2023: ten articles checked by hand, and the counts -----------------------------

# (2018 label, 2023 label, text changed?) read side by side in the two files.
COMPANY_ARTICLES = [
    ("第一条", "第一条", True),  # adds 职工, 完善中国特色现代企业制度, 根据宪法
    ("第十条", "第八条", False),  # 公司以其主要办事机构所在地为住所。
    ("第十一条", "第五条", True),  # 必须 → 应当 (公司章程)
    ("第二十四条", "第四十二条", True),  # 五十个以下 → 一个以上五十个以下股东
    ("第二十八条", "第四十九条", True),  # 股东出资: 违约责任 → 赔偿责任
    ("第三十六条", "第五十八条", False),  # 有限责任公司股东会由全体股东组成…
    ("第四十条", "第六十三条", True),  # 有限公司股东会会议的召集和主持
    ("第七十二条", "第八十五条", False),  # 强制执行程序转让股权, 优先购买权
    ("第一百零一条", "第一百一十四条", True),  # 股份公司股东大会 → 股东会会议的召集
    ("第一百零五条", "第一百一十七条", True),  # 累积投票制: 股东大会 → 股东会, 依照 → 按照
]


def test_company_law_ten_articles_checked_by_hand() -> None:
    result = _diff("law-company-2018.md", "law-company-2023.md")
    by_old = {c.old.label: c for c in result.changes if isinstance(c, Matched) and c.old.kind == "article"}
    for old_label, new_label, changed in COMPANY_ARTICLES:
        change = by_old[old_label]
        assert change.new.label == new_label, old_label
        assert change.text_changed is changed, old_label
        assert change.renumbered is (old_label != new_label), old_label
    assert by_old["第十一条"].substitution_only
    removed = {c.old.label for c in result.changes if isinstance(c, Removed) and c.old.kind == "article"}
    assert {"第二百零五条", "第二百一十八条"} <= removed  # 清算期间经营的罚则 dropped; 施行日期 now has a second 款


def test_company_law_counts_are_sensible() -> None:
    result = _diff("law-company-2018.md", "law-company-2023.md")
    articles = result.summary.by_kind["article"]
    # 218 articles become 266: every old one is matched, split or removed; most renumbered.
    assert (
        articles.matched
        + articles.removed
        + articles.split
        + sum(len(c.old) for c in result.changes if isinstance(c, Merged) and c.new.kind == "article")
        == 218
    )
    assert 160 <= articles.matched <= 200
    assert articles.added >= 266 - 218
    assert articles.renumbered >= 0.85 * articles.matched
    assert articles.moved <= 0.25 * articles.matched
    chapters = result.summary.by_kind["chapter"]
    assert chapters.matched == 13 and chapters.added == 2  # 公司登记, 国家出资公司 are new chapters
    substitutions = {(s.old, s.new): s.count for s in result.summary.substitutions}
    assert substitutions[("股东大会", "股东会")] >= 20
    assert ("必须", "应当") in substitutions


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[p[0].rsplit("-", 1)[0] for p in PAIRS])
def test_markdown_renders_without_a_literal_marker(old: str, new: str) -> None:
    # CommonMark with GitHub's tables and strikethrough, as GitHub and most viewers render it;
    # 404 literal ** or ~~ in 9 of these 10 diffs when the marks were ** and ~~
    from markdown_it import MarkdownIt

    from policyparse.compare import diff_to_markdown

    page = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(
        diff_to_markdown(diff(_document(old), _document(new)))
    )
    shown = re.sub(r"<[^>]+>", "", page)
    assert "**" not in shown and "~~" not in shown
    assert page.count("<table>") == 1
    assert ("<del>" in page or "<ins>" in page) == (old != "reg-patent-agency-2018-lawrefbook.md")


def test_a_title_printed_again_above_the_text_is_no_change() -> None:
    # a page's heading or a reprint puts the title once more before the first article
    text = (CORPUS / "reg-public-holidays-2024.md").read_text(encoding="utf-8")
    end = text.index("<!-- INFO END -->") + len("<!-- INFO END -->")
    again = policyparse.parse(text[:end] + "\n\n全国年节及纪念日放假办法\n" + text[end:])
    result = diff(policyparse.parse(text), again)
    assert not result.substantive and not result.preamble.text_changed


def _with_chapters(text: str, moved_from: str | None = None) -> str:
    """The holiday rules in three chapters; ``moved_from``: that article put at the end."""
    one, four, seven = text.index("第一条"), text.index("第四条"), text.index("第七条")
    body = (
        text[:one] + "## 第一章 总则\n\n" + text[one:four] + "## 第二章 其他\n\n" + text[four:seven]
        + "## 第三章 附则\n\n" + text[seven:]
    )  # fmt: skip
    if moved_from is None:
        return body
    start = body.index(moved_from)
    end = body.index("\n\n第", start) + 2
    return body[:start] + body[end:] + "\n\n" + body[start:end].strip() + "\n"


def test_chapters_added_around_the_same_articles_move_nothing() -> None:
    # the old version without chapters, the new one with them: every article has a new parent
    # (a chapter the old version lacks) and stands where it stood
    text = (CORPUS / "reg-public-holidays-2024.md").read_text(encoding="utf-8")
    forward = diff(policyparse.parse(text), policyparse.parse(_with_chapters(text)))
    backward = diff(policyparse.parse(_with_chapters(text)), policyparse.parse(text))
    assert forward.summary.moved == backward.summary.moved == 0
    assert forward.summary.by_kind["chapter"].added == 3


def test_an_article_put_in_another_chapter_moved() -> None:
    text = (CORPUS / "reg-public-holidays-2024.md").read_text(encoding="utf-8")
    result = diff(policyparse.parse(_with_chapters(text)), policyparse.parse(_with_chapters(text, "第二条")))
    moved = [c.old.label for c in result.changes if isinstance(c, Matched) and c.moved]
    assert moved == ["第二条"]


def test_policy_items_pair_by_their_titles() -> None:
    # the Shanghai urban-renewal opinion, 2023 trial → 2025: twenty （X） items each, reordered
    # and reworded; a reader pairs them by their titles even where the bodies were rewritten
    result = diff(_document("sh-urban-renewal-opinion-2023-trial.md"), _document("sh-urban-renewal-opinion-2025.md"))
    pairs = {
        (c.old.title, c.new.title) for c in result.changes if isinstance(c, Matched) and c.old.kind == "heading2"
    }
    assert {
        ("优化建设项目规划许可流程", "优化规划许可流程"),
        ("完善空间规划专项支持政策", "完善空间规划支持政策"),
        ("强化综合支持政策", "加强综合政策支持"),
    } <= pairs
    assert len(pairs) >= 13
