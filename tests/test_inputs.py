"""Web pages and Word files end to end: the same Document as their text, tables, origins, the CLI.

The readers are tested on their own in test_html_reader.py and test_docx_reader.py; here the
real samples in tests/data/corpus (html/, docx/) go through ``parse_file`` and the CLI, and their outline is
compared with that of the same document given as text.
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from pathlib import Path

import attrs
import pytest

import policyparse
from policyparse import Document, Section
from policyparse._inputs import input_kind
from policyparse.cli import main
from tests.conftest import CORPUS, GOLDEN, ROOT

jsonschema = pytest.importorskip("jsonschema")  # a dev dependency; untyped

HTML = CORPUS / "html"
DOCX = CORPUS / "docx"
TRUTH = json.loads((HTML / "truth.json").read_text(encoding="utf-8"))
PAGES = sorted(HTML.glob("*.html"))
WORD_FILES = sorted(DOCX.glob("*.docx"))
CHROME = ("扫一扫在手机打开当前页", "索引号", "主题分类")
WORD_FURNITURE = {
    "page-header": "内部学习资料",
    "page-footer": "校对稿",
    "footnote": "注：本文本据公开资料录入，以正式公布的文本为准。",
}


def _shape(document: Document) -> list[tuple[str, str, int | None, str | None]]:
    """Each section's path, kind, number and title: the outline without line numbers or counts."""
    found = [(s.path, s.kind.value, s.number, s.title) for s in document.walk()]
    for attachment in document.attachments:
        found.append((attachment.path, "attachment", attachment.number, attachment.title))
        found.extend((s.path, s.kind.value, s.number, s.title) for s in attachment.walk())
    return found


def _section_texts(document: Document) -> str:
    """Every title and paragraph of every section, the attachments' included."""
    sections: list[Section] = list(document.walk())
    for attachment in document.attachments:
        sections.extend(attachment.walk())
    return "\n".join(
        "\n".join([s.title or "", *(p.text for p in s.paragraphs)]) for s in sections
    )


# -- which reader ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", "html"),
        (b"\xef\xbb\xbf  <html>", None, "html"),
        (b"<div class='content'><p>" + "第一条".encode() + b"</p></div>", None, "html"),
        (b"<div>not a page</div>", "notes.md", "text"),
        ("第一条 为了……\n<br>\n".encode(), "law.txt", "text"),
        ("# 中华人民共和国行政复议法\n\n<!-- INFO END -->\n".encode(), None, "text"),
        (b"PK\x03\x04rest", "draft.bin", "docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old.doc", "docx"),
        (b"", "empty.html", "html"),
        (b"", "empty.txt", "text"),
    ],
)
def test_input_kind(data: bytes, name: str | None, kind: str) -> None:
    assert input_kind(data, name) == kind


def test_no_text_file_of_the_project_looks_like_a_page() -> None:
    inputs = [*GOLDEN.glob("*/input.txt"), *(ROOT / "seeds").glob("*.txt")]
    assert inputs
    assert [p.name for p in inputs if input_kind(p.read_bytes()) != "text"] == []


# -- web pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_a_page_has_its_metadata_and_the_outline_of_its_text(page: Path) -> None:
    document = policyparse.parse_file(page)
    truth = TRUTH[page.name]
    assert (document.meta.title, document.meta.doc_number, document.meta.date) == (
        truth["title"], truth["doc_number"], datetime.date.fromisoformat(truth["date"])
    )
    as_text = policyparse.parse((GOLDEN / page.stem / "input.txt").read_text(encoding="utf-8"))
    assert _shape(document) == _shape(as_text)
    assert document.source.name == page.name


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_a_page_sets_its_chrome_aside_and_keeps_every_character(page: Path) -> None:
    document = policyparse.parse_file(page)
    reasons = {item.reason for item in document.set_aside}
    assert {"site-chrome", "metadata"} <= reasons
    assert any(item.text == "扫一扫在手机打开当前页" for item in document.set_aside)
    sections = _section_texts(document)
    assert not [word for word in CHROME if word in sections]
    text = policyparse.to_text(document)
    assert policyparse.to_text(policyparse.from_json(policyparse.to_json(document))) == text
    jsonschema.validate(json.loads(policyparse.to_json(document)), policyparse.json_schema())
    for origin in document.provenance:
        assert origin.locator.startswith("/html/")
        assert origin.source_line is not None and origin.source_line >= 1


def test_a_decree_page_takes_its_title_from_the_regulation_it_publishes() -> None:
    """The text of a decree opens with 「中华人民共和国国务院令」 and its number: the title is the
    regulation it publishes, printed after the decree (issue 13, pattern 9), and so the page's
    metadata table, which names the same regulation, agrees with the text."""
    document = policyparse.parse_file(HTML / "reg-patent-agency-2018.html")
    assert document.meta.title == "专利代理条例"
    assert "title" not in document.meta.sources  # the text's own, not the table's
    start, end = document.meta.spans["title"][0]
    assert policyparse.to_text(document)[start:end] == "专利代理条例"
    assert document.meta.facts["published"] == "2018-11-19"
    assert not [d for d in document.diagnostics if d.code == "meta-conflict" and "标题" in d.message]


def test_a_page_keeps_its_table_as_rows_of_cells() -> None:
    """A page's table is read a cell a line (a cell's paragraphs a line each): the index of
    indicators opens its cells with 一、（一）1., the headings they are in the text."""
    document = policyparse.parse_file(HTML / "gov-opinion-tertiary-hospital-performance-2019.html")
    (table,) = document.tables
    assert len(table.rows) == 56 and table.section is not None and table.section.startswith("att-1")
    assert [cell.text for cell in table.rows[0].cells] == ["一级指标", "二级指标", "三级指标", "指标性质", "指标说明"]
    first = table.rows[1].cells
    assert [(cell.text, cell.rowspan) for cell in first[:3]] == [
        ("一、医疗质量", 24), ("（一）功能定位", 7), ("1.门诊人次数与出院人次数比", 1)
    ]
    assert first[4].text.split("\n") == [
        "计算方法：门诊患者人次数/同期出院患者人次数（急诊、健康体检者不计入）。", "指标来源：医院填报。"
    ]
    text = policyparse.to_text(document)
    for row in table.rows:
        assert row.span == (row.cells[0].span[0], row.cells[-1].span[1])
        for cell in row.cells:
            assert text[cell.span[0] : cell.span[1]] == cell.text


# -- Word files ----------------------------------------------------------------------------------


def _body_lines(document: Document) -> list[str]:
    """The text's lines, without the set-aside ones (page header, footer, footnote)."""
    text = policyparse.to_text(document)
    aside = {item.line for item in document.set_aside}
    return [line for number, line in enumerate(text.split("\n"), start=1) if number not in aside][:-1]


@pytest.mark.parametrize("word_file", WORD_FILES, ids=[p.stem for p in WORD_FILES])
def test_a_word_file_reads_as_word_shows_it(word_file: Path) -> None:
    document = policyparse.parse_file(word_file)
    shown = word_file.with_suffix(".shown.txt").read_text(encoding="utf-8")
    assert _body_lines(document) == shown.rstrip("\n").split("\n")
    as_text = policyparse.parse(shown)
    assert _shape(document) == _shape(as_text)
    if as_text.meta.title is None:  # a statute's name alone on its first line: the Title style names it
        assert document.meta.sources["title"] == "docx-title-style"
        as_text = attrs.evolve(as_text, meta=attrs.evolve(as_text.meta, title=document.meta.title))
    assert document.meta == as_text.meta


@pytest.mark.parametrize("word_file", WORD_FILES, ids=[p.stem for p in WORD_FILES])
def test_a_word_file_sets_aside_its_header_footer_and_footnote(word_file: Path) -> None:
    document = policyparse.parse_file(word_file)
    for reason, words in WORD_FURNITURE.items():
        assert any(item.reason == reason and words in item.text for item in document.set_aside), reason
        assert words not in _section_texts(document)
    jsonschema.validate(json.loads(policyparse.to_json(document)), policyparse.json_schema())
    assert policyparse.from_json(policyparse.to_json(document)) == document


def test_labels_drawn_by_word_are_marked_generated() -> None:
    document = policyparse.parse_file(DOCX / "law-admin-reconsideration-2017.docx")
    articles = [s for s in document.walk() if s.kind.value == "article"]
    chapters = [s for s in document.walk() if s.kind.value == "chapter"]
    assert articles and all(a.generated for a in articles if a.number is not None and a.number <= 99)
    assert chapters and not any(c.generated for c in chapters)  # 「第一章」 is typed in the Heading 1 text
    data = json.loads(policyparse.to_json(document))
    first_article = data["sections"][0]["children"][0]
    assert first_article["label"] == "第一条" and first_article["generated"] is True
    text = policyparse.to_text(document)
    drawn = [o.generated for o in document.provenance if o.generated is not None]
    assert drawn and all(text[start:end].rstrip("\t ") for start, end in drawn)


def test_a_word_table_keeps_its_merged_cell_once() -> None:
    document = policyparse.parse_file(DOCX / "gov-opinion-tertiary-hospital-performance-2019.docx")
    (table,) = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["任务事项", "牵头单位", "完成时限"],
        ["制定配套细则", "有关部门按职责分工", "长期坚持"],
        ["开展督促检查", "各地区各部门", "每年一次"],
        ["具体安排另行通知", "—"],
    ]
    assert table.rows[-1].cells[0].colspan == 2
    assert table.section is not None and table.section.startswith("h1-1")


# -- the command line ------------------------------------------------------------------------------


def test_convert_a_page_and_a_word_file_to_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(PAGES[0]), str(WORD_FILES[0]), "-o", str(out), "--jobs", "1"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([PAGES[0].stem + ".json", WORD_FILES[0].stem + ".json"])
    assert capsys.readouterr().err == ""


def test_a_folder_picks_up_pages_and_word_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for source in (PAGES[0], WORD_FILES[0]):
        (folder / source.name).write_bytes(source.read_bytes())
    assert main(["convert", str(folder), "--jobs", "1"]) == 0
    names = sorted(json.loads(line)["source"]["name"] for line in capsys.readouterr().out.splitlines())
    assert names == sorted([PAGES[0].name, WORD_FILES[0].name])


def test_diff_a_word_draft_against_the_published_page(capsys: pytest.CaptureFixture[str]) -> None:
    draft = DOCX / "gov-opinion-tertiary-hospital-performance-2019.docx"
    page = HTML / "gov-opinion-tertiary-hospital-performance-2019.html"
    status = main(["diff", str(draft), str(page), "--to", "json"])
    captured = capsys.readouterr()
    assert status in (0, 1) and captured.err == ""
    summary = json.loads(captured.out)["summary"]
    assert summary["added"] == 0 and summary["removed"] == 0


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("cut.docx", WORD_FILES[0].read_bytes()[:5000], "not a Word file"),
        ("empty.docx", _zip({"word/other.xml": b"<x/>"}), "word/document.xml"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "Word"),
        ("menu.html", "<html><body><ul><li><a href='/'>首页</a></li></ul></body></html>".encode(), "no document"),
    ],
)
def test_a_bad_file_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for verb in (["convert"], ["check"]):
        status = main([*verb, str(path)])
        captured = capsys.readouterr()
        output = captured.err if verb == ["convert"] else captured.out
        assert status == 1
        assert len(output.strip().splitlines()) == 1 and words in output, output
        assert "Traceback" not in captured.err


def test_help_lists_the_input_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["convert", "--help"])
    shown = capsys.readouterr().out
    assert ".html" in shown and ".docx" in shown


def test_a_statute_numbered_by_word_past_ninety_nine() -> None:
    """chineseCounting writes 第一○○条 and 第一○一条 digit by digit (with ○, U+25CB), as Word
    does; the parser reads them as articles 100 and 101, with a 项 list restarted per article."""
    from tests.docx_builder import abstract, docx, level, num, para

    numbering = (
        abstract(0, level(0, "chineseCounting", "第%1条"))
        + abstract(1, level(0, "chineseCounting", "（%1）", suff="nothing"))
        + num(1, 0)
        + "".join(num(10 + n, 1, starts={0: 1}) for n in range(1, 102))
    )
    body = "".join(
        para("为了……，制定本法。" if n == 1 else f"本条是第{n}条，规定下列事项：", num=1)
        + para("甲事项；", num=10 + n) + para("乙事项。", num=10 + n)
        for n in range(1, 102)
    )
    document = policyparse.parse_docx(docx(body, numbering=numbering), name="law.docx")
    articles = [s for s in document.walk() if s.kind.value == "article"]
    assert [a.number for a in articles] == list(range(1, 102))
    assert [a.label for a in articles[98:]] == ["第九十九条", "第一○○条", "第一○一条"]
    assert all(a.generated for a in articles)
    items = [s for s in articles[-1].walk() if s.kind.value == "item"]
    assert [(i.label, i.generated) for i in items] == [("（一）", True), ("（二）", True)]
    assert not [d for d in document.diagnostics if d.code.startswith("numbering")]


# -- review: reproducers of defects found in the readers' first version ----------------------------


@pytest.mark.parametrize("footer", ["— 1 —", "- 3 -", "第 3 页", "第3页 共5页"])
def test_a_word_footer_that_is_a_page_number(footer: str) -> None:
    """A reader's set-aside line is set aside once, even when it also looks like a page number."""
    from tests.docx_builder import docx, para, story

    footer_part = story("ftr", para(footer))
    data = docx(
        para("第一条 本办法自发布之日起施行。"),
        sect='<w:footerReference w:type="default" r:id="rId9"/>',
        parts={"rId9": ("footer", footer_part)},
    )
    document = policyparse.parse_docx(data)
    assert [(item.reason, item.text) for item in document.set_aside] == [("page-footer", footer)]
    assert policyparse.from_json(policyparse.to_json(document)) == document


def test_a_statute_table_stays_in_its_clause() -> None:
    """A table's rows are paragraphs of the 款 that introduces them, not 款 of their own."""
    from tests.docx_builder import cell, docx, para, row, table

    rows = [("项目", "标准"), ("甲", "10元"), ("乙", "20元")]
    body = (
        para("第一条 为了规范收费，制定本办法。") + para("第二条 收费标准如下：")
        + table(*[row(*[cell(c) for c in r]) for r in rows], grid=2) + para("第三条 本办法自发布之日起施行。")
    )
    document = policyparse.parse_docx(docx(body))
    second = document.find("第二条")
    assert second is not None and second.children == ()
    assert [p.text for p in second.paragraphs] == ["收费标准如下：", "项目\t标准", "甲\t10元", "乙\t20元"]
    (found,) = document.tables
    assert found.section == second.id
    assert "| 项目 | 标准 |\n| --- | --- |\n| 甲 | 10元 |" in policyparse.to_markdown(document)


@pytest.mark.parametrize("rows", [[("项目", "标准", "备注"), ("甲", "10元", "")], [("", "标准", "备注"), ("甲", "10元", "无")]])
def test_a_pipe_table_with_an_empty_edge_cell(rows: list[tuple[str, ...]]) -> None:
    from tests.docx_builder import cell, docx, para, row, table

    body = para("一、收费标准") + table(*[row(*[cell(c) for c in r]) for r in rows], grid=3) + para("二、监督检查")
    markdown = policyparse.to_markdown(policyparse.parse_docx(docx(body)))
    header = "| " + " | ".join(rows[0]) + " |"
    assert header.replace("|  |", "|  |") in markdown and "| --- | --- | --- |" in markdown


def test_hostile_numbers_in_a_word_file() -> None:
    from tests.docx_builder import abstract, cell, docx, level, num, para, row, table

    huge = docx(para("a", num=1) + para("b", num=1), numbering=abstract(1, level(0, "decimal", "%1.", start=int("9" * 50))) + num(1, 1))
    assert policyparse.to_text(policyparse.parse_docx(huge)).startswith("0.\ta\n1.\tb")  # out of range: Word's 0
    symbol = docx(para("第一条 本办法", '<w:r><w:sym w:font="Symbol" w:char="D800"/></w:r>', "施行。"))
    policyparse.to_json(policyparse.parse_docx(symbol)).encode("utf-8")  # no lone surrogate
    wide = docx(para("一、表") + table(row('<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>' + para("甲") + "</w:tc>", cell("乙")), grid=2))
    markdown = policyparse.to_markdown(policyparse.parse_docx(wide))
    assert len(markdown) < 2000



def test_a_page_cell_wider_than_a_browser_draws() -> None:
    page = (
        '<div class="content"><p>一、总体要求</p><p>坚持问题导向，完善制度，落实责任，推动高质量发展。</p>'
        '<table><tr><td colspan="{}">甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table></div>'
    )
    for colspan in ("²", "2000000", "-3", "x"):
        document = policyparse.parse_html(page.format(colspan))
        assert len(policyparse.to_markdown(document)) < 50_000, colspan  # at most 1000 columns, as browsers draw


def test_a_table_fact_that_the_text_says_more_precisely_is_no_conflict() -> None:
    """The table's 「省住房公积金管理局」 is part of the signature's 「海南省住房公积金管理局」: the text stays."""
    page = (
        "<html><body><table><tr><td>发文机关：</td><td>省住房公积金管理局</td><td>成文日期：</td><td>2022年05月16日</td></tr>"
        "</table><div class='content'><p>关于调整住房公积金缴存基数的通知</p><p>各有关单位：</p>"
        "<p>为进一步规范住房公积金缴存管理，现就有关事项通知如下。</p><p>一、调整范围</p><p>全省缴存单位和职工。</p>"
        "<p>海南省住房公积金管理局</p><p>2022年5月16日</p></div></body></html>"
    )
    document = policyparse.parse_html(page)
    assert document.meta.issuers == ("海南省住房公积金管理局",)
    assert "issuers" not in document.meta.sources
    assert not [d for d in document.diagnostics if d.code == "meta-conflict"]
