"""The diff says when a cross-reference now names another section than before (issue 15)."""

from __future__ import annotations

import json
import re

import policyparse
from policyparse.compare import diff, diff_to_html, diff_to_json, diff_to_markdown, diff_to_text, invert
from policyparse.numerals import int_to_chinese, label_value
from tests.conftest import CORPUS

_LABEL = re.compile(r"^(\*\*)?第([一二三四五六七八九十百零]+)条", re.M)


def _insert_without_updating_references(text: str, after: int) -> str:
    """A new article after 第``after``条, the later articles renumbered, their references not:
    the slip a drafter makes, on a real statute."""

    def relabel(found: re.Match[str]) -> str:
        number = label_value(found.group(2))
        bold = found.group(1) or ""
        if number <= after:
            return found.group(0)
        return f"{bold}第{int_to_chinese(number + 1)}条"

    relabelled = _LABEL.sub(relabel, text)
    anchor = re.search(rf"^(\*\*)?第{int_to_chinese(after + 2)}条", relabelled, re.M)  # the old 第(after+1)条
    assert anchor is not None
    new_article = f"第{int_to_chinese(after + 1)}条　经营者应当遵守新增的规定。\n\n"
    return relabelled[: anchor.start()] + new_article + relabelled[anchor.start() :]


def test_references_left_behind_by_an_inserted_article_are_reported() -> None:
    text = (CORPUS / "law-anti-monopoly-2022.md").read_text(encoding="utf-8")
    old = policyparse.parse(text)
    new = policyparse.parse(_insert_without_updating_references(text, after=20))
    result = diff(old, new)
    # Every reference of this law by number (第X条, not 前款 or 本条) to an article after 第二十条,
    # kept as written, now names the article before the one it meant.
    kept = [
        r for r in old.references
        if r.targets and r.law is None and re.search("第[一二三四五六七八九十百零]+条", r.text)
        and all(int(t.rsplit("art-", 1)[1].split("/")[0]) > 20 for t in r.targets)
    ]
    assert kept, "the law cites articles after 第二十条"
    assert len(result.retargeted) == len(kept)
    for record in result.retargeted:
        assert record.old_text == record.new_text
        (target,) = record.old_targets
        (expected,) = record.expected
        assert int(expected.rsplit("art-", 1)[1]) == int(target.rsplit("art-", 1)[1]) + 1
    assert result.substantive
    text_output = diff_to_text(result)
    assert "reference now names another section:" in text_output
    assert json.loads(diff_to_json(result))["retargeted"][0]["expected"] == list(result.retargeted[0].expected)
    assert "引用指向变化" in diff_to_markdown(result) and 'id="retargeted"' in diff_to_html(result)


def test_references_that_follow_the_renumbering_are_not_reported() -> None:
    for older, newer in (("law-company-2018.md", "law-company-2023.md"), ("law-legislation-2015.md", "law-legislation-2023.md")):
        result = diff(policyparse.parse_file(CORPUS / older), policyparse.parse_file(CORPUS / newer))
        assert result.retargeted == ()
        assert "retargeted" not in json.loads(diff_to_json(result))


def test_the_same_text_twice_and_the_mirror() -> None:
    old = "第一条　为了示例。\n第二条　依照本法第三条处理。\n第三条　甲。\n第四条　乙。\n"
    new = "第一条　为了示例。\n第二条　依照本法第三条处理。\n第三条　新插入的条文。\n第四条　甲。\n第五条　乙。\n"
    result = diff(policyparse.parse(old), policyparse.parse(new))
    (record,) = result.retargeted
    assert (record.new_section, record.new_targets, record.expected) == ("art-2", ("art-3",), ("art-4",))
    assert "第二条 (line 2): 「本法第三条」 names 第三条; what it named before is now 第四条" in diff_to_text(result)
    assert diff(policyparse.parse(new), policyparse.parse(new)).retargeted == ()
    # Backwards, the reference's target (the inserted 第三条) has no match: not judged.
    assert diff(policyparse.parse(new), policyparse.parse(old)).retargeted == invert(result).retargeted == ()
