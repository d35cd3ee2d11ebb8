"""diff() on edits with known truth, made to a real statute (反垄断法 2022, 70 articles).

Each test edits the statute (insert, delete, reword, move across chapters, split, merge,
renumbered references, a term replaced throughout), renders both versions with fresh
labels, and checks the diff against what was done. An article whose text did not change is
never reported as deleted and inserted.
"""

from __future__ import annotations

import re

import attrs

from policyparse.compare import Added, DocumentDiff, Matched, Merged, Removed, Split, diff, invert
from tests.test_diff_lawbuilder import Law, label, load_law, needs_corpus

pytestmark = needs_corpus


def _articles(result: DocumentDiff) -> list[Matched | Added | Removed | Split | Merged]:
    def kind(change: object) -> str:
        ref = change.new if isinstance(change, (Added, Merged)) else change.old  # type: ignore[attr-defined]
        return str(ref.kind)

    return [c for c in result.changes if kind(c) == "article"]


def _matched(result: DocumentDiff) -> list[Matched]:
    return [c for c in _articles(result) if isinstance(c, Matched)]


def _assert_mirror(a: Law, b: Law) -> None:
    forward, backward = diff(a.parse(), b.parse()), diff(b.parse(), a.parse())
    mirrored = invert(forward)
    assert sorted(map(repr, mirrored.changes)) == sorted(map(repr, backward.changes))
    assert attrs.evolve(mirrored.summary, renumber_ranges=()) == attrs.evolve(backward.summary, renumber_ranges=())
    assert sorted(map(repr, mirrored.summary.renumber_ranges)) == sorted(map(repr, backward.summary.renumber_ranges))


def _renumber_references(law: Law, shift: dict[int, int]) -> None:
    """Rewrite 第N条 in every article as the renumbering ``shift`` (old N → new N) says."""
    from policyparse.numerals import chinese_to_int, int_to_chinese

    def replace(found: re.Match[str]) -> str:
        number = chinese_to_int(found.group(1))
        return f"第{int_to_chinese(shift.get(number, number))}条"

    for chapter in law.chapters:
        chapter.articles = [
            [re.sub(r"第([一二三四五六七八九十百]+)条", replace, p) for p in a] for a in chapter.articles
        ]


def test_identity_has_only_unflagged_matches() -> None:
    document = load_law().parse()
    result = diff(document, document)
    assert result.changes and all(isinstance(c, Matched) for c in result.changes)
    assert not result.substantive
    for change in result.changes:
        assert isinstance(change, Matched)
        assert not (change.text_changed or change.title_changed or change.renumbered or change.moved)
        assert not (change.format_only or change.reference_only or change.substitution_only)
        assert change.similarity == 1.0
    assert result.summary.renumber_ranges == () and result.summary.substitutions == ()


def test_inserted_article_renumbers_the_rest_without_moving_them() -> None:
    old = load_law()
    new = old.copy()
    new.chapters[1].articles.insert(
        1, ["经营者不得利用数据和算法、技术、资本优势以及平台规则等从事本法禁止的垄断行为。"]
    )
    result = diff(old.parse(), new.parse())
    added = [c for c in _articles(result) if isinstance(c, Added)]
    assert [c.new.label for c in added] == ["第十七条"]
    assert not any(isinstance(c, (Removed, Split, Merged)) for c in _articles(result))
    matched = _matched(result)
    assert len(matched) == 70
    assert not any(c.text_changed or c.moved for c in matched)
    assert [c.new.label for c in matched if c.renumbered] == [label(n + 1) for n in range(17, 71)]
    ranges = [(r.old, r.new, r.offset) for r in result.summary.renumber_ranges if r.kind == "article"]
    assert ranges == [(("第十七条", "第七十条"), ("第十八条", "第七十一条"), 1)]
    assert result.substantive


def test_deleted_article_is_the_only_removal() -> None:
    old = load_law()
    new = old.copy()
    gone = new.chapters[3].articles.pop(4)  # 第二十九条
    result = diff(old.parse(), new.parse())
    removed = [c for c in _articles(result) if isinstance(c, Removed)]
    assert [c.old.label for c in removed] == ["第二十九条"]
    assert removed[0].old.text == "\n".join(gone)
    assert not any(isinstance(c, Added) for c in _articles(result))
    matched = _matched(result)
    assert len(matched) == 69 and not any(c.text_changed or c.moved for c in matched)
    ranges = [(r.old, r.new, r.offset) for r in result.summary.renumber_ranges]
    assert ranges == [(("第三十条", "第七十条"), ("第二十九条", "第六十九条"), -1)]


def test_reworded_deadline_is_one_replacement() -> None:
    old = load_law()
    new = old.copy()
    article = new.chapters[3].articles[5]  # 第三十条
    article[0] = article[0].replace("三十日内", "四十五个工作日内")
    result = diff(old.parse(), new.parse())
    changed = [c for c in _matched(result) if c.text_changed]
    assert [(c.old.label, c.new.label) for c in changed] == [("第三十条", "第三十条")]
    runs = changed[0].redline
    assert ("delete", "三十日") in runs and ("insert", "四十五个工作日") in runs
    assert "".join(t for op, t in runs if op != "insert") == changed[0].old.text
    assert "".join(t for op, t in runs if op != "delete") == changed[0].new.text
    assert not any(c.renumbered or c.moved for c in _matched(result))
    assert len(result.changes) == sum(1 for c in result.changes if isinstance(c, Matched))


def test_article_moved_across_chapters() -> None:
    old = load_law()
    new = old.copy()
    moving = new.chapters[0].articles.pop(6)  # 第七条, 总则
    new.chapters[6].articles.append(moving)  # to the end of 法律责任
    result = diff(old.parse(), new.parse())
    matched = _matched(result)
    assert len(matched) == 70 and not any(isinstance(c, (Added, Removed)) for c in _articles(result))
    moved = [c for c in matched if c.moved]
    assert [(c.old.path, c.new.path) for c in moved] == [("第一章/第七条", "第七章/第六十七条")]
    assert moved[0].renumbered and not moved[0].text_changed
    # The articles between were renumbered by one, not moved.
    assert all(c.renumbered for c in matched if c.old.number is not None and 8 <= c.old.number <= 67)


def test_article_split_in_two() -> None:
    old = load_law()
    new = old.copy()
    article = new.chapters[3].articles[1]  # 第二十六条, three paragraphs
    new.chapters[3].articles[1:2] = [article[:1], article[1:]]
    result = diff(old.parse(), new.parse())
    splits = [c for c in _articles(result) if isinstance(c, Split)]
    assert [(c.old.label, [r.label for r in c.new]) for c in splits] == [("第二十六条", ["第二十六条", "第二十七条"])]
    assert not any(isinstance(c, (Added, Removed, Merged)) for c in _articles(result))
    assert splits[0].similarity > 0.9


def test_two_articles_merged() -> None:
    old = load_law()
    new = old.copy()
    first, second = new.chapters[0].articles[3], new.chapters[0].articles[4]  # 第四条, 第五条
    new.chapters[0].articles[3:5] = [first + second]
    result = diff(old.parse(), new.parse())
    merges = [c for c in _articles(result) if isinstance(c, Merged)]
    assert [([r.label for r in c.old], c.new.label) for c in merges] == [(["第四条", "第五条"], "第四条")]
    assert not any(isinstance(c, (Added, Removed, Split)) for c in _articles(result))


def test_renumbered_references_are_reference_only() -> None:
    old = load_law()
    new = old.copy()
    new.chapters[1].articles.insert(0, ["本章所称协议，包括书面协议和口头协议。"])
    _renumber_references(new, {n: n + 1 for n in range(17, 71)})
    result = diff(old.parse(), new.parse())
    by_old = {c.old.label: c for c in _matched(result)}
    twenty = by_old["第二十条"]  # cites 第十七条、第十八条第一款、第十九条
    assert twenty.new.label == "第二十一条"
    assert twenty.reference_only and not twenty.text_changed and not twenty.format_only
    assert by_old["第三十条"].reference_only  # cites 第二十八条
    assert sum(1 for c in _matched(result) if c.text_changed) == 0


def test_term_replaced_throughout_is_reported_once() -> None:
    old = load_law()
    new = old.copy()
    for chapter in new.chapters:
        chapter.articles = [[p.replace("反垄断执法机构", "反垄断执法部门") for p in a] for a in chapter.articles]
    result = diff(old.parse(), new.parse())
    substitutions = [(s.old, s.new) for s in result.summary.substitutions]
    assert substitutions == [("反垄断执法机构", "反垄断执法部门")]
    changed = [c for c in _matched(result) if c.text_changed]
    assert changed and all(c.substitution_only for c in changed)


def test_added_clause_and_item_renumber_their_siblings() -> None:
    old = load_law()
    new = old.copy()
    article = new.chapters[0].articles[3]  # 第四条: two paragraphs → 款
    article.insert(1, "反垄断工作应当坚持统筹发展和安全。")
    items = new.chapters[1].articles[1]  # 第十七条: its lead, then items （一）…（六）
    numerals = "一二三四五六七"
    items[3:] = [f"（{numerals[i + 1]}）{p[3:]}" for i, p in enumerate(items[3:], 2)]
    items.insert(3, "（三）限制商品的生产数量或者销售数量的其他方式；")
    result = diff(old.parse(), new.parse())
    clauses = [c for c in result.changes if isinstance(c, (Added, Matched)) and c.new.path.startswith("第一章/第四条/")]
    assert [(c.op, c.new.path) for c in clauses] == [
        ("matched", "第一章/第四条/第一款"),
        ("added", "第一章/第四条/第二款"),
        ("matched", "第一章/第四条/第三款"),
    ]
    assert isinstance(clauses[2], Matched) and clauses[2].renumbered and not clauses[2].moved
    item_changes = [c for c in result.changes if isinstance(c, Matched) and c.new.path.startswith("第二章/第十七条/（")]
    assert [c.renumbered for c in item_changes] == [False, False, True, True, True, True]


def test_markdown_and_plain_text_of_one_law_differ_only_in_format() -> None:
    law = load_law()
    result = diff(law.parse(markdown=True), law.parse(markdown=False))
    assert not result.substantive
    assert all(isinstance(c, Matched) for c in result.changes)
    assert result.summary.format_only > 0 and result.summary.text_changed == 0


def test_many_edits_together_mirror_and_keep_unchanged_articles() -> None:
    old = load_law()
    new = old.copy()
    new.chapters[0].articles.insert(2, ["国家加强反垄断制度建设。"])
    new.chapters[2].articles.pop(1)
    new.chapters[5].articles[0][0] += "执法机构应当依法及时处理。"
    moving = new.chapters[4].articles.pop(0)
    new.chapters[6].articles.insert(3, moving)
    result = diff(old.parse(), new.parse())
    removed = {c.old.label for c in _articles(result) if isinstance(c, Removed)}
    assert removed == {"第二十三条"}
    untouched = {n for n in range(1, 71) if n not in (23,)}
    matched_old = {c.old.number for c in _matched(result)}
    assert untouched <= matched_old
    _assert_mirror(old, new)
