"""The renderers (JSON policyparse-diff/1, text, Markdown 新旧对照表, HTML) and run_diff's exit codes."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

import policyparse
from policyparse._diff_command import run_diff
from policyparse.compare import DocumentDiff, diff, diff_to_html, diff_to_json, diff_to_markdown, diff_to_text

OLD = """第一条　为了统一全国年节及纪念日的假期，制定本办法。
第二条　全体公民放假的节日：
(一)新年，放假1天(1月1日)；
(二)春节，放假3天(农历正月初一、初二、初三)。
第三条　全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。
第四条　依照本办法第三条补假的，由国务院办公厅通知。
第五条　本办法自公布之日起施行。
"""
NEW = """第一条　为了统一全国年节及纪念日的假期，制定本办法。
第二条　全体公民放假的节日：
（一）元旦，放假1天（1月1日）；
（二）春节，放假4天（农历除夕、正月初一至初三）。
第三条　全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。
第四条　全体公民放假的假日，可合理安排统一放假调休。
第五条　依照本办法第三条补假的，由国务院办公厅通知。
第六条　本办法自公布之日起施行。
"""


@pytest.fixture(scope="module")
def result() -> DocumentDiff:
    return diff(policyparse.parse(OLD, name="old.txt"), policyparse.parse(NEW, name="new.txt"))


def test_json_follows_the_contract(result: DocumentDiff) -> None:
    data = json.loads(diff_to_json(result))
    assert data["schema"] == "policyparse-diff/1"
    assert list(data)[:3] == ["schema", "old", "new"] and "summary" in data and "changes" in data
    summary = data["summary"]
    for key in ("added", "removed", "matched", "text_changed", "renumbered", "moved", "split", "merged"):
        assert isinstance(summary[key], int)
    assert summary["added"] == 1 and summary["removed"] == 0
    assert summary["renumber_ranges"] == [
        {"old": ["第四条", "第五条"], "new": ["第五条", "第六条"], "offset": 1, "kind": "article"}
    ]
    ops = [c["op"] for c in data["changes"]]
    assert set(ops) <= {"added", "removed", "matched", "split", "merged"}
    added = next(c for c in data["changes"] if c["op"] == "added")
    assert added["old"] is None and added["new"]["label"] == "第四条" and added["new"]["path"] == "第四条"
    matched = next(c for c in data["changes"] if c["op"] == "matched" and c["old"]["label"] == "第四条")
    assert matched["new"]["label"] == "第五条"
    assert matched["renumbered"] is True and matched["text_changed"] is False and matched["reference_only"] is False
    for key in ("text_changed", "title_changed", "renumbered", "moved", "format_only", "reference_only", "similarity"):
        assert key in matched
    assert all(isinstance(run, list) and len(run) == 2 for run in matched["redline"])
    item = next(c for c in data["changes"] if c["op"] == "matched" and c["old"]["path"] == "第二条/(一)")
    assert item["text_changed"] is True and ["delete", "新年"] in item["redline"]


def test_json_is_utf8_text_without_escapes(result: DocumentDiff) -> None:
    text = diff_to_json(result)
    assert "\\u" not in text and "第四条" in text
    assert json.loads(diff_to_json(result, indent=None)) == json.loads(text)


def test_text_plain_and_coloured(result: DocumentDiff) -> None:
    plain = diff_to_text(result)
    assert "\x1b[" not in plain
    assert "+ 第四条  added" in plain
    assert "[-星期-]{+周+}" in plain
    # only renumbered: the summary's range says it once; everything=True (--all) lists each
    assert "= 第四条 → 第五条  renumbered" not in plain
    assert "renumbered: 第四条–第五条 → 第五条–第六条 (+1)" in plain
    assert "= 第四条 → 第五条  renumbered" in diff_to_text(result, everything=True)
    coloured = diff_to_text(result, color=True)
    assert "\x1b[31m" in coloured and "\x1b[32m" in coloured and "[-" not in coloured


def test_markdown_table_aligned_by_article(result: DocumentDiff) -> None:
    page = diff_to_markdown(result, everything=True)
    table = [line for line in page.splitlines() if line.startswith("|")]
    assert table[0] == "| 旧 | 新 | 变化 |"
    rows = table[2:]
    assert len(rows) == 6  # five old articles, one added
    assert all(row.count(" | ") == 2 for row in rows)
    added = next(row for row in rows if row.endswith("| 新增 |"))
    assert added.startswith("|  | <strong>第四条</strong>")
    assert any("<del>星期</del>" in row and "<ins>周</ins>" in row for row in rows)
    assert (
        "| <strong>第五条</strong>　本办法自公布之日起施行。 | <strong>第六条</strong>　本办法自公布之日起施行。 "
        "| 序号变更 第五条→第六条 |" in rows
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if tag not in {"meta", "link", "br", "input"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(tag)


def test_html_is_one_well_formed_page(result: DocumentDiff) -> None:
    page = diff_to_html(result)
    parser = _Tags()
    parser.feed(page)
    assert not parser.problems and not parser.open
    assert "script" not in parser.seen and "http" not in page  # self-contained
    assert page.count('<tr id="row-') == 6
    assert "<del>星期</del>" in page and "<ins>周</ins>" in page
    assert 'id="renumbering"' in page and 'id="summary"' in page


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_exit_codes_follow_gnu_diff(tmp_path: Path) -> None:
    old, new = _write(tmp_path, "old.txt", OLD), _write(tmp_path, "new.txt", NEW)
    out, err = io.StringIO(), io.StringIO()
    assert run_diff(old, old, stdout=out, stderr=err) == 0
    assert run_diff(old, new, stdout=out, stderr=err) == 1
    assert err.getvalue() == ""
    width_only = _write(tmp_path, "wide.txt", OLD.replace("(", "（").replace(")", "）"))
    assert run_diff(old, width_only, stdout=io.StringIO(), stderr=err) == 0
    assert run_diff(old, str(tmp_path / "missing.txt"), stdout=out, stderr=err) == 2
    assert err.getvalue().strip() == f"policyparse: {tmp_path / 'missing.txt'}: no such file"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 50)
    err = io.StringIO()
    assert run_diff(old, str(binary), stdout=out, stderr=err) == 2
    assert len(err.getvalue().splitlines()) == 1
    assert run_diff(old, new, to="pdf", stdout=out, stderr=io.StringIO()) == 2


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_output_file_and_stdin(tmp_path: Path, fmt: str) -> None:
    old, new = _write(tmp_path, "old.txt", OLD), _write(tmp_path, "new.txt", NEW)
    target = tmp_path / f"out.{fmt}"
    assert run_diff(old, new, to=fmt, output=str(target), stdout=io.StringIO(), stderr=io.StringIO()) == 1
    written = target.read_text(encoding="utf-8")
    assert "第四条" in written
    stdin = io.TextIOWrapper(io.BytesIO(NEW.encode("utf-8")), encoding="utf-8")
    out = io.StringIO()
    assert run_diff(old, "-", to=fmt, stdin=stdin, stdout=out, stderr=io.StringIO()) == 1
    assert "第四条" in out.getvalue()


def test_cli_argument_table() -> None:
    import argparse

    from policyparse.cli import add_diff_parser

    parser = argparse.ArgumentParser(prog="policyparse")
    add_diff_parser(parser.add_subparsers(dest="verb"))
    arguments = parser.parse_args(["diff", "a.md", "b.md", "--to", "html", "-o", "x.html"])
    assert (arguments.old, arguments.new, arguments.to, arguments.output, arguments.color) == (
        "a.md",
        "b.md",
        "html",
        "x.html",
        "auto",
    )


def test_each_summary_line_names_its_level(result: DocumentDiff) -> None:
    # 「摘要」 counts each level apart (条文, 款, 项 …), as summary.by_kind does
    from policyparse.compare.levels import LEVEL_NAMES

    page = diff_to_markdown(result)
    lines = page.split("摘要：\n", 1)[1].split("\n\n", 1)[0].splitlines()
    by_kind = result.summary.by_kind
    assert len(lines) == len(by_kind)
    for line in lines:
        name, counts = line.removeprefix("- ").split("：", 1)
        kind = next(k for k, names in LEVEL_NAMES.items() if names[0] == name)
        c = by_kind[kind]
        assert counts.startswith(f"新增 {c.added}，删除 {c.removed}，对应 {c.matched}（修改 {c.text_changed}，")
    text = diff_to_text(result).splitlines()
    assert sum(1 for line in text if line.split(":")[0] in {names[1] for names in LEVEL_NAMES.values()}) == len(by_kind)


def test_a_run_of_quiet_articles_is_one_row(result: DocumentDiff) -> None:
    # by default a reader sees the changed articles; a run of only renumbered ones is one row
    rows = [line for line in diff_to_markdown(result).splitlines() if line.startswith("|")][2:]
    assert "| 第四条至第五条 | 第五条至第六条 | 仅序号变化（2 条） |" in rows
    assert len(rows) == 5
    assert all(" | 未变" not in row or "第一条" in row for row in rows)


def test_two_saved_parses_compare_as_their_sources(tmp_path: Path) -> None:
    # `policyparse diff old.json new.json`: the JSON is lossless, the diff the same
    from tests.conftest import CORPUS

    names = [CORPUS / "reg-public-holidays-2013.md", CORPUS / "reg-public-holidays-2024.md"]
    saved = []
    for path in names:
        target = tmp_path / (path.stem + ".json")
        target.write_text(policyparse.to_json(policyparse.parse_file(path)), encoding="utf-8")
        saved.append(target)
    outputs = []
    for pair in (names, saved):
        out, err = io.StringIO(), io.StringIO()
        assert run_diff(str(pair[0]), str(pair[1]), stdout=out, stderr=err) == 1
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "policyparse/1", "sections": 3}', encoding="utf-8")
    err = io.StringIO()
    assert run_diff(str(broken), str(saved[1]), stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().startswith(f"policyparse: {broken}: invalid policyparse/1 document") and err.getvalue().count("\n") == 1


def test_text_paths_name_the_embedded_document_once() -> None:
    # the opinion embedded in a notice: its title (which differs between the versions) led
    # every path, burying the labels; now it is said once, and paths are labels
    from tests.conftest import CORPUS

    old = policyparse.parse_file(CORPUS / "sh-urban-renewal-opinion-2023-trial.md")
    new = policyparse.parse_file(CORPUS / "sh-urban-renewal-opinion-2025.md")
    lines = diff_to_text(diff(old, new)).splitlines()
    said = [line for line in lines if line.startswith("in: ")]
    assert len(said) == 1 and "（试行）》 → 《" in said[0] and "（2025版）》" in said[0]
    blocks = [line for line in lines if line[:2] in ("~ ", "+ ", "- ", "< ", "> ", "= ")]
    assert blocks and not any("》/" in line for line in blocks)
    assert any(line.startswith("~ 三、/（一） → 一、/（一）  text changed") for line in blocks)


def test_html_has_a_legend_for_its_marks(result: DocumentDiff) -> None:
    page = diff_to_html(result)
    legend = page.split('<p class="legend">', 1)[1].split("</p>", 1)[0]
    for mark in ("<ins>", "<del>", 'class="fmt"', "位置移动", "仅引用条号变更"):
        assert mark in legend
    assert page.index('class="legend"') < page.index('id="only-changes"') < page.index('<table class="diff">')
