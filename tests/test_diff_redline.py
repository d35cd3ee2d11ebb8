"""Redlines: tokens keep numbers whole, runs rebuild both texts, no chaff, the same every time."""

from __future__ import annotations

import difflib
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from policyparse.compare.cells import sides
from policyparse.compare.fold import fold
from policyparse.compare.records import Redline
from policyparse.compare.redline import hunks, mirror_redline, redline, redline_new, redline_old
from policyparse.compare.tokens import tokenize


def _edits(runs: Redline) -> list[tuple[str, str]]:
    return [(deleted, inserted) for _, deleted, inserted, _ in hunks(runs)]


def test_a_deadline_is_replaced_whole() -> None:
    runs = redline("应当自受理之日起十五日内作出决定。", "应当自受理之日起三十个工作日内作出决定。")
    assert _edits(runs) == [("十五日", "三十个工作日")]


def test_amounts_and_percentages_stay_whole() -> None:
    runs = redline("处一万元以上十万元以下的罚款", "处五万元以上五十万元以下的罚款")
    assert _edits(runs) == [("一万元", "五万元"), ("十万元", "五十万元")]
    assert _edits(redline("不得超过百分之二十五", "不得超过百分之三十")) == [("百分之二十五", "百分之三十")]
    assert _edits(redline("放假3天", "放假4天")) == [("3天", "4天")]


def test_a_cross_reference_is_one_token() -> None:
    assert _edits(redline("依照本法第十条的规定", "依照本法第十二条的规定")) == [("第十条", "第十二条")]
    assert [key for key, _ in tokenize("第三条之一")] == ["第三条之一"]


def test_no_one_character_chaff() -> None:
    # An equal character between two edits is folded into them, not left as 「{+三+}十[-五-]」.
    runs = redline("甲方应当书面通知乙方", "丙方必须书面通知丁方")
    assert _edits(runs) == [("甲方应当", "丙方必须"), ("乙", "丁")]


def test_punctuation_bounds_an_edit() -> None:
    runs = redline("新年，放假", "元旦，休假")
    assert _edits(runs) == [("新年", "元旦"), ("放", "休")]


def test_long_texts_align_exactly() -> None:
    # difflib with autojunk treats characters frequent past 200 characters as junk and
    # misaligns; the redline must find the one change.
    old = "公司的股东的权利" * 60 + "甲" + "的义务和责任" * 60
    new = "公司的股东的权利" * 60 + "乙" + "的义务和责任" * 60
    assert _edits(redline(old, new)) == [("甲", "乙")]
    matcher = difflib.SequenceMatcher(None, old, new)  # the pitfall, for the record
    assert len([op for op in matcher.get_opcodes() if op[0] != "equal"]) >= 1


def test_formatting_edits_fold_equal() -> None:
    runs = redline("(一)新年，放假1天(1月1日)；", "（一）元旦，放假1天（1月1日）；")
    formatting = [(d, i) for d, i in _edits(runs) if fold(d) == fold(i)]
    assert ("(", "（") in formatting and (")", "）") in formatting
    # A width change next to a change of wording shares its edit; the table view splits it.
    old_side, new_side = sides(runs)
    assert ("format", ")") in old_side and ("delete", "新年") in old_side
    assert ("format", "）") in new_side and ("insert", "元旦") in new_side


def test_line_wrapping_is_a_whitespace_edit() -> None:
    runs = redline("第一行\n第二行", "第一行第二行")
    assert runs == (("equal", "第一行"), ("delete", "\n"), ("equal", "第二行"))


_TEXT = st.text(
    alphabet=st.sampled_from(list("的公司股东会大应当必须十五三日个工作（）()，。、；：1234 \n\u3000第条款一二")),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_runs_rebuild_both_texts_and_mirror(old: str, new: str) -> None:
    runs = redline(old, new)
    assert redline_old(runs) == old
    assert redline_new(runs) == new
    assert all(text for _, text in runs)
    assert all(a[0] != b[0] for a, b in itertools.pairwise(runs))
    for (op, _), (next_op, _) in itertools.pairwise(runs):
        assert not (op == "insert" and next_op == "delete")  # within an edit, the deletion first
    assert redline(new, old) == mirror_redline(runs)
    assert redline(old, new) == runs


def test_empty_and_equal_texts() -> None:
    assert redline("", "") == ()
    assert redline("同", "同") == (("equal", "同"),)
    assert redline("", "新") == (("insert", "新"),)
