"""Tests of the web-page reader: decoding, lines as a browser shows them, tables, metadata, chrome, the document."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from policyparse.errors import PolicyParseError
from policyparse.readers.html import looks_like_html, read_html
from policyparse.readers.html.chrome import is_chrome
from policyparse.readers.reading import Block, Cell, Fact, Reading, Role
from tests.conftest import CORPUS

DATA = Path(__file__).resolve().parent / "data" / "html"
SAMPLES = CORPUS / "html"
needs_samples = pytest.mark.skipif(not SAMPLES.exists(), reason="needs tests/data/corpus/html")
SAMPLE_NAMES = [
    "gov-notice-iit-special-deductions-2018",
    "gov-notice-social-organizations-1997",
    "gov-opinion-bonded-zones-2019",
    "gov-opinion-double-random-supervision-2019",
    "gov-opinion-tertiary-hospital-performance-2019",
    "gov-plan-grain-emergency-2005",
    "gov-rules-state-council-work-2004",
    "reg-patent-agency-2018",
]
SYNTHETIC = sorted(path.stem for path in DATA.glob("*.html"))
# A document's text inside a page, long enough to read as a document wherever it stands.
DOC = "<p>一、总体要求</p><p>各地区各部门要提高认识，加强领导，认真做好相关工作。</p>"


def body(reading: Reading) -> list[str]:
    return [block.text for block in reading.blocks if block.role is Role.BODY]


def role_of(reading: Reading, text: str) -> Role:
    (block,) = [block for block in reading.blocks if block.text == text]
    return block.role


def only(reading: Reading, text: str) -> Block:
    (block,) = [block for block in reading.blocks if block.text == text]
    return block


def page(inner: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{inner}</body></html>"


# --- decoding ---------------------------------------------------------------------------------


def test_utf8_bom_is_read_without_remark() -> None:
    reading = read_html(b"\xef\xbb\xbf<p>\xe6\xad\xa3\xe6\x96\x87\xe3\x80\x82</p>")
    assert body(reading) == ["正文。"]
    assert reading.remarks == ()
    assert reading.kind == "html"


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_utf16_bom_decodes_with_remark(codec: str, name: str) -> None:
    reading = read_html(("\ufeff" + page("<p>第一条　正文。</p>")).encode(codec))
    assert body(reading) == ["第一条　正文。"]
    assert reading.remarks == (("encoding-fallback", f"the page is not UTF-8; decoded as {name} (byte-order mark)"),)


def test_meta_charset_gb2312_is_decoded_as_gb18030() -> None:
    # 「镕」 is GBK, not GB2312: only the superset reads it.
    data = page("<p>县农业局局长王镕同志负责。</p>", head="<meta charset=gb2312>").encode("gb18030")
    reading = read_html(data)
    assert body(reading) == ["县农业局局长王镕同志负责。"]
    assert reading.remarks == (
        ("encoding-fallback", "the page is not UTF-8; decoded as GB18030 (it declares gb2312)"),
    )


def test_http_equiv_content_type_charset() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'
    reading = read_html(page("<p>国务院办公厅关于印发方案的通知。</p>", head=head).encode("gbk"))
    assert body(reading) == ["国务院办公厅关于印发方案的通知。"]
    assert reading.remarks == (("encoding-fallback", "the page is not UTF-8; decoded as GB18030 (it declares gbk)"),)


def test_undeclared_gbk_bytes_fall_back_to_gb18030() -> None:
    reading = read_html(page("<p>各省、自治区、直辖市人民政府：</p>").encode("gbk"))
    assert body(reading) == ["各省、自治区、直辖市人民政府："]
    assert reading.remarks == (("encoding-fallback", "the page is not UTF-8; decoded as GB18030"),)


def test_declared_utf8_with_gbk_bytes_falls_back_with_remark() -> None:
    reading = read_html(page("<p>现提出以下意见。</p>", head='<meta charset="utf-8">').encode("gbk"))
    assert body(reading) == ["现提出以下意见。"]
    assert reading.remarks == (("encoding-fallback", "the page declares utf-8 but is not; decoded as GB18030"),)


def test_declared_gb2312_with_utf8_bytes_is_read_as_utf8() -> None:
    # 「€」 in UTF-8 (E2 82 AC) is not GB18030 before 「<」.
    reading = read_html(page("<p>价格：5€。</p>", head="<meta charset=gb2312>").encode("utf-8"))
    assert body(reading) == ["价格：5€。"]
    assert reading.remarks == (("encoding-fallback", "the page declares gb2312 but is not; decoded as UTF-8"),)


def test_unknown_label_and_commented_declaration_are_ignored() -> None:
    data = page("<p>正文。</p>", head="<!-- <meta charset=gbk> --><meta charset=x-no-such-thing>").encode("utf-8")
    reading = read_html(data)
    assert body(reading) == ["正文。"]
    assert reading.remarks == ()


def test_undecodable_bytes_raise_one_line() -> None:
    with pytest.raises(PolicyParseError) as raised:
        read_html(b"<p>\x80\xff</p>")
    assert str(raised.value) == "the page is neither UTF-8 (invalid start byte at byte 3) nor GB18030"


def test_text_is_read_as_given() -> None:
    reading = read_html("<meta charset=gbk><p>已是文本。</p>")
    assert body(reading) == ["已是文本。"]
    assert reading.remarks == ()


@pytest.mark.parametrize("label", ["undefined", "cp037", "unicode_escape", "rot13", "base64", "x-no-such-thing"])
def test_labels_that_are_no_web_encoding_are_ignored(label: str) -> None:
    """Only the WHATWG labels count; Python's codec registry is never asked (「undefined」 raised, 「cp037」 misread)."""
    reading = read_html(page("<p>第一条　本办法自发布之日起施行。</p>", head=f'<meta charset="{label}">').encode())
    assert body(reading) == ["第一条　本办法自发布之日起施行。"]
    assert reading.remarks == ()


@pytest.mark.parametrize(
    ("label", "codec", "name"),
    [("big5", "big5", "Big5"), ("x-x-big5", "big5", "Big5"), ("latin1", "cp1252", "windows-1252"),
     ("shift_jis", "cp932", "Shift_JIS"), ("euc-kr", "cp949", "EUC-KR")],
)
def test_web_labels_name_their_encoding(label: str, codec: str, name: str) -> None:
    text = {"big5": "國務院辦公廳。", "cp1252": "Décret n° 1.", "cp932": "通知。", "cp949": "공고."}[codec]
    reading = read_html(page(f"<p>{text}</p>", head=f"<meta charset={label}>").encode(codec))
    assert body(reading) == [text]
    assert reading.remarks == (("encoding-fallback", f"the page is not UTF-8; decoded as {name} (it declares {label})"),)


def test_utf16_label_in_an_ascii_readable_page_means_utf8() -> None:
    reading = read_html(page("<p>正文。</p>", head="<meta charset=utf-16>").encode())
    assert (body(reading), reading.remarks) == (["正文。"], ())


def test_gb_label_over_utf8_that_gb18030_would_also_decode() -> None:
    """Valid UTF-8 beyond ASCII is UTF-8, though GB18030 reads the same bytes without an error, as noise."""
    data = page("<p>国务院办公厅关于印发附件</p>", head="<meta charset=gb2312>").encode("utf-8")
    data.decode("gb18030")  # no error: only the evidence of UTF-8 tells
    reading = read_html(data)
    assert body(reading) == ["国务院办公厅关于印发附件"]
    assert reading.remarks == (("encoding-fallback", "the page declares gb2312 but is not; decoded as UTF-8"),)


# --- recognising a page -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><p>x</p></body></html>",
        b"<!doctype HTML>\n<html>",
        b"\xef\xbb\xbf  <html lang=zh>",
        b"\n\n<!-- saved from url=(0061)http://www.gov.cn/ -->\n<meta charset=utf-8><p>x",
        b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">",
        b"<head><title>t</title></head>",
        b"<body>",
        b"<div class=\"content\">",
        b"<p>\xe6\xad\xa3\xe6\x96\x87</p>",
        b"\t<table width=\"100%\">",
        "\ufeff<html><body>正文</body></html>".encode("utf-16-le"),
    ],
)
def test_looks_like_html(data: bytes) -> None:
    assert looks_like_html(data)


@pytest.mark.parametrize(
    "data",
    [
        "中华人民共和国行政复议法\n\n第一条　为了防止和纠正违法的或者不当的行政行为，制定本法。\n".encode(),
        "国务院关于印发方案的通知\n国发〔2019〕3号\n".encode("gbk"),
        "# 中华人民共和国公司法\n\n2018年10月26日修正\n\n<!-- INFO END -->\n\n## 第一章 总则\n第一条 为了规范公司的组织和行为<br>\n".encode(),
        "<!-- INFO END -->\n# 标题\n正文<br>\n".encode(),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        b"<param name=x>",
        b"",
    ],
)
def test_does_not_look_like_html(data: bytes) -> None:
    assert not looks_like_html(data)


# --- lines as a browser shows them ------------------------------------------------------------


def test_entities_are_decoded_and_kept_exactly() -> None:
    reading = read_html(page("<p>&nbsp;甲&ensp;乙&emsp;丙&#12288;丁&nbsp;</p><p>&emsp;&emsp;第一条　正文。</p>"))
    assert body(reading) == ["\u00a0甲\u2002乙\u2003丙\u3000丁\u00a0", "\u2003\u2003第一条\u3000正文。"]


def test_ascii_whitespace_collapses_and_is_trimmed() -> None:
    reading = read_html(page("<p>\n   各地区\t\t各部门 \r\n <span> 要认真 </span> <b>贯彻落实。</b>  \n</p>"))
    assert body(reading) == ["各地区 各部门 要认真 贯彻落实。"]


def test_ideographic_space_is_not_trimmed() -> None:
    reading = read_html(page("<p>  \u3000\u3000第二条　正文。\u3000 </p>"))
    assert body(reading) == ["\u3000\u3000第二条\u3000正文。\u3000"]


def test_br_starts_lines_and_an_empty_one_is_kept() -> None:
    reading = read_html(page("<p>国务院关于促进综合保税区<br>高水平开放高质量发展的若干意见<br><br>国发〔2019〕3号</p>"))
    assert body(reading) == ["国务院关于促进综合保税区", "高水平开放高质量发展的若干意见", "", "国发〔2019〕3号"]
    assert {block.element for block in reading.blocks} == {"p"}


def test_blocks_split_lines_and_inline_elements_join_them() -> None:
    reading = read_html(page("<div>各部门：<p>现将<a href='/a'>《办法》</a>印发<font color=red>给你们</font>。</p>请遵照执行。</div>"))
    assert [(block.text, block.element) for block in reading.blocks] == [
        ("各部门：", "div"),
        ("现将《办法》印发给你们。", "p"),
        ("请遵照执行。", "div"),
    ]


def test_empty_paragraphs_are_empty_lines_but_empty_divs_are_none() -> None:
    reading = read_html(page(f"<div>{DOC}<p></p><p><br></p><div></div><div> </div><p>  </p>{DOC}</div>"))
    assert body(reading) == [
        "一、总体要求", "各地区各部门要提高认识，加强领导，认真做好相关工作。", "", "", "",
        "一、总体要求", "各地区各部门要提高认识，加强领导，认真做好相关工作。",
    ]


def test_pre_keeps_whitespace_and_lines() -> None:
    reading = read_html(page(f"{DOC}<pre>\n  第一条   甲\n\n\t乙  \n</pre>"))
    assert body(reading)[2:] == ["  第一条   甲", "", "\t乙  "]
    assert [block.element for block in reading.blocks[2:]] == ["pre", "pre", "pre"]


def test_invisible_things_are_dropped() -> None:
    inner = (
        "<script>document.write('脚本文字');</script><style>p{color:red}</style><noscript>请开启脚本</noscript>"
        "<template><p>模板文字</p></template><iframe src='/x'>框架文字</iframe><svg><text>图形文字</text></svg>"
        "<canvas>画布文字</canvas><object>对象文字</object><!-- 注释文字 --><?php echo 1; ?>"
        "<p hidden>隐藏文字</p><div style='DISPLAY: none !important'>不显示的文字</div>"
        "<p>可见<span style='display:none'>看不见</span>的正文。</p>"
    )
    reading = read_html(page(inner, head="<title>标题</title><meta name=x content=头部文字>"))
    assert [block.text for block in reading.blocks] == ["可见的正文。"]


def test_locator_and_source_line() -> None:
    reading = read_html("<html>\n<body>\n<div>\n<p>甲。</p>\n<p>乙。</p>\n</div>\n</body>\n</html>")
    second = only(reading, "乙。")
    assert second.locator == "/html/body/div/p[2]"
    assert second.source_line == 5


# --- heading and bold evidence ----------------------------------------------------------------


def test_heading_and_bold_evidence() -> None:
    inner = (
        "<h2>第一章　总则</h2>"
        "<p><span style='font-weight: bold;'>一、指导思想</span>以习近平新时代中国特色社会主义思想为指导。</p>"
        "<p>&emsp;&emsp;<strong>第一条</strong>&emsp;为了规范管理，制定本办法。</p>"
        "<p><span style=\"font-weight:700\">（一）</span><span style='font-weight: 400'>坚持改革。</span></p>"
        "<p><b>全文<span style='font-weight:normal'>不</span>加粗</b>。</p>"
        "<p>正文中<b>加粗</b>的字。</p>"
    )
    reading = read_html(page(inner))
    assert [(block.text, block.heading, block.bold) for block in reading.blocks] == [
        ("第一章　总则", 2, 6),
        ("一、指导思想以习近平新时代中国特色社会主义思想为指导。", None, 6),
        ("\u2003\u2003第一条\u2003为了规范管理，制定本办法。", None, 5),
        ("（一）坚持改革。", None, 3),
        ("全文不加粗。", None, 2),
        ("正文中加粗的字。", None, 0),
    ]


# --- tables -----------------------------------------------------------------------------------


def test_data_table_rows_cells_and_spans() -> None:
    inner = (
        f"<div>{DOC}<table border=1><caption>补助标准</caption>"
        "<thead><tr><th>类别</th><th>楼层</th><th>金额</th></tr></thead>"
        "<tbody><tr><td rowspan='2'>多层住宅</td><td>六层及以下</td><td>20</td></tr>"
        "<tr><td>七层及以上</td><td><p>25</p><p>（另加5）</p></td></tr>"
        "<tr><td colspan=2>老旧小区</td><td></td></tr><tr><td> </td><td>&nbsp;</td></tr>"
        "<tr style='display:none'><td>隐藏的行</td><td>x</td></tr></tbody></table></div>"
    )
    reading = read_html(page(inner))
    cells = [block for block in reading.blocks if block.element == "tr"]
    # One block a cell, a cell's paragraphs a line each: a cell is the line it is in a text version.
    assert [(cell.row, cell.text) for cell in cells] == [
        (0, "类别"), (0, "楼层"), (0, "金额"),
        (1, "多层住宅"), (1, "六层及以下"), (1, "20"),
        (2, "七层及以上"), (2, "25\n（另加5）"),
        (3, "老旧小区"), (3, ""),
    ]
    assert all(cell.cells == (Cell(start=0, end=len(cell.text), colspan=cell.cells[0].colspan,
                                    rowspan=cell.cells[0].rowspan),) for cell in cells)
    assert [cell.bold for cell in cells[:4]] == [2, 2, 2, 0]  # th is bold
    assert cells[3].cells[0].rowspan == 2
    assert cells[8].cells[0].colspan == 2
    assert {cell.table for cell in cells} == {0}
    assert all(cell.role is Role.BODY for cell in cells)
    assert only(reading, "补助标准").element == "caption"


@pytest.mark.parametrize(
    ("colspan", "expected"),
    [("²", 1), ("٣", 1), ("2px", 2), (" +3 ", 3), ("0", 1), ("abc", 1), ("", 1), ("5000", 1000), ("0007", 7),
     ("9" * 5000, 1000)],
)
def test_colspan_is_read_as_browsers_read_it(colspan: str, expected: int) -> None:
    """ASCII digits only (「²」 is a digit to str.isdigit and crashed int()), clamped to 1..1000."""
    table = f"<table><tr><td colspan='{colspan}'>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>"
    reading = read_html(page(f"<div>{DOC}{table}</div>"))
    assert only(reading, "甲").cells[0].colspan == expected


@pytest.mark.parametrize(("rowspan", "expected"), [("0", 3), ("70000", 65534), ("-1", 1), ("2", 2)])
def test_rowspan_zero_runs_to_the_end_of_its_section(rowspan: str, expected: int) -> None:
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in (("丙", "丁"), ("戊", "己")))
    table = f"<table><thead><tr><th>序号</th><th>名称</th></tr></thead><tbody><tr><td rowspan='{rowspan}'>甲</td>" \
            f"<td>乙</td></tr>{rows}</tbody></table>"
    reading = read_html(page(f"<div>{DOC}{table}</div>"))
    assert only(reading, "甲").cells[0].rowspan == expected


def test_unseen_content_of_a_cell_is_not_weighed() -> None:
    """A <video>'s fallback text shows nothing: the cell is short and the table a data table."""
    fallback = "您的浏览器不支持视频播放，请升级浏览器后观看。" * 20
    table = f"<table><tr><td>项目</td><td>说明<video><p>{fallback}</p></video></td></tr><tr><td>甲</td><td>乙</td></tr></table>"
    reading = read_html(page(f"<div>{DOC}{table}</div>"))
    assert [block.text for block in reading.blocks if block.table is not None] == ["项目", "说明", "甲", "乙"]


def test_data_tables_are_numbered_in_reading_order() -> None:
    grid = "<table><tr><td>甲</td><td>乙</td></tr></table>"
    reading = read_html(page(f"<div>{DOC}{grid}{DOC}{grid}</div>"))
    assert [block.table for block in reading.blocks if block.element == "tr"] == [0, 0, 1, 1]


def test_layout_tables_are_read_as_blocks() -> None:
    nested = (
        "<table><tr><td><a href='/'>首页</a></td><td><table><tr>"
        f"<td>{DOC}<p>二、工作要求</p></td></tr></table></td></tr></table>"
    )
    reading = read_html(page(nested))
    assert body(reading) == ["一、总体要求", "各地区各部门要提高认识，加强领导，认真做好相关工作。", "二、工作要求"]
    assert all(block.table is None and block.cells == () for block in reading.blocks)


def test_single_column_table_is_layout() -> None:
    stacked = f"<table><tr><td>通知标题</td></tr><tr><td>{DOC}</td></tr><tr><td>【打印】</td></tr></table>"
    reading = read_html(page(stacked))
    assert [block.element for block in reading.blocks] == ["td", "p", "p", "td"]
    assert role_of(reading, "【打印】") is Role.SITE_CHROME


def test_table_whose_one_cell_holds_the_text_is_layout() -> None:
    text = "各地区各部门要提高认识，加强领导，认真做好相关工作。" * 12
    reading = read_html(page(f"<table><tr><td><img src=a.png></td><td>{text}</td><td>2019-01-01</td></tr></table>"))
    assert [(block.text, block.element, block.cells) for block in reading.blocks] == [
        (text, "td", ()), ("2019-01-01", "td", ()),
    ]


# --- metadata ---------------------------------------------------------------------------------

GRID = (
    "<table class=bd1>"
    "<tr><td><b>索 引 号：</b></td><td>000014349/2019-00003</td><td><b>主题分类：</b></td><td>商贸、海关、旅游\\海关</td></tr>"
    "<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月12日</td></tr>"
    "<tr><td><b>标　　题：</b></td><td colspan='3'>国务院关于促进综合保税区高水平开放高质量发展的若干意见</td></tr>"
    "<tr><td><b>发文字号：</b></td><td>国发〔2019〕3号</td><td><b>发布日期：</b></td><td>2019年1月25日</td></tr>"
    "</table><table><tr><td><b>主 题 词：</b></td><td></td><td></td><td></td></tr></table>"
)


def test_metadata_grid_gives_facts() -> None:
    reading = read_html(page(GRID + f"<div id=content>{DOC}</div>", head="<title>意见_政府信息公开_中国政府网</title>"))
    rows = [block for block in reading.blocks if block.role is Role.METADATA]
    assert [row.text for row in rows] == [
        "索 引 号：\t000014349/2019-00003\t主题分类：\t商贸、海关、旅游\\海关",
        "发文机关：\t国务院\t成文日期：\t2019年01月12日",
        "标\u3000\u3000题：\t国务院关于促进综合保税区高水平开放高质量发展的若干意见",
        "发文字号：\t国发〔2019〕3号\t发布日期：\t2019年1月25日",
        "主 题 词：\t\t\t",
    ]
    assert reading.facts == (
        Fact(field="index_number", value="000014349/2019-00003", block=0, start=7, end=27, source="metadata-table"),
        Fact(field="subject", value="商贸、海关、旅游\\海关", block=0, start=34, end=45, source="metadata-table"),
        Fact(field="issuers", value="国务院", block=1, start=6, end=9, source="metadata-table"),
        Fact(field="date", value="2019-01-12", block=1, start=16, end=27, source="metadata-table"),
        Fact(field="title", value="国务院关于促进综合保税区高水平开放高质量发展的若干意见", block=2, start=6, end=33,
             source="metadata-table"),
        Fact(field="doc_number", value="国发〔2019〕3号", block=3, start=6, end=16, source="metadata-table"),
        Fact(field="published", value="2019-01-25", block=3, start=23, end=33, source="metadata-table"),
        Fact(field="page_title", value="意见_政府信息公开_中国政府网", block=None, source="html-title"),
    )


def test_metadata_list_labels_spaced_and_dates_iso() -> None:
    inner = (
        "<ul class=xxgk><li><span>索引号：</span>113700/2023-00128</li>"
        "<li><span>发文日期：</span>2023/4/29</li><li><span>成文日期：</span>2023-04-28</li>"
        "<li><span>文&nbsp;&nbsp;&nbsp;&nbsp;号:</span> 鲁政办发〔2023〕7号 </li><li><span>主题词：</span></li>"
        "<li>发布时间：2023-05-06 10:30　来源：省政府办公厅　【字体：大 中 小】</li></ul>"
        f"<div class=content>{DOC}</div>"
    )
    reading = read_html(page(inner))
    facts = {fact.field: (fact.value, reading.blocks[fact.block or 0].text[fact.start : fact.end]) for fact in reading.facts}
    assert facts == {
        "index_number": ("113700/2023-00128", "113700/2023-00128"),
        "date": ("2023-04-28", "2023-04-28"),  # 成文日期 before 发文日期
        "doc_number": ("鲁政办发〔2023〕7号", "鲁政办发〔2023〕7号"),
        "published": ("2023-05-06", "2023-05-06 10:30"),
    }
    assert role_of(reading, "主题词：") is Role.METADATA


def test_metadata_dl_pairs() -> None:
    inner = f"<dl><dt>发文字号</dt><dd>国办发〔2019〕4号</dd><dt>有效性：</dt><dd>有效</dd></dl><div>{DOC}</div>"
    reading = read_html(page(inner))
    assert [(fact.field, fact.value) for fact in reading.facts] == [("doc_number", "国办发〔2019〕4号"), ("validity", "有效")]
    assert role_of(reading, "国办发〔2019〕4号") is Role.METADATA


def test_an_empty_label_ending_a_list_does_not_take_the_title() -> None:
    inner = f"<ul><li>索引号：001/2023-01</li><li>主题词：</li></ul><h1>某市关于做好防汛工作的通知</h1><div>{DOC}</div>"
    reading = read_html(page(inner))
    assert role_of(reading, "主题词：") is Role.METADATA
    assert body(reading)[0] == "某市关于做好防汛工作的通知"


def test_label_and_value_in_sibling_divs() -> None:
    inner = f"<div class=row><div>发文字号：</div><div>国办发〔2019〕4号</div></div><div class=text>{DOC}</div>"
    reading = read_html(page(inner))
    assert [(fact.field, fact.value) for fact in reading.facts] == [("doc_number", "国办发〔2019〕4号")]


def test_a_documents_own_table_of_names_is_not_metadata() -> None:
    table = "<table><tr><th>名称</th><th>文号</th></tr><tr><td>某办法</td><td>国发〔2019〕3号</td></tr></table>"
    reading = read_html(page(f"<div>{DOC}{table}</div>"))
    assert reading.facts == ()
    assert role_of(reading, "名称") is Role.BODY
    assert role_of(reading, "国发〔2019〕3号") is Role.BODY


def test_keywords_after_the_text_stay_in_the_document() -> None:
    reading = read_html(page(f"<div>{DOC}<p>主题词：防汛　通知</p></div>"))
    assert role_of(reading, "主题词：防汛　通知") is Role.BODY
    assert reading.facts == ()


def facts_of(reading: Reading) -> dict[str, str]:
    return {fact.field: fact.value for fact in reading.facts if fact.field != "page_title"}


def test_unknown_labels_in_the_label_column_are_kept() -> None:
    """A row is not dropped for one label the reader does not know (统一编号, 分类): it becomes ``label:…``."""
    grid = (
        "<table><tr><td>索引号</td><td>765471314/2024-00044</td><td>发布机构</td><td>某市公积金中心</td></tr>"
        "<tr><td>成文日期</td><td colspan=2>2024-05-15</td><td>统一编号</td><td>ZJAC16-2024-0301</td></tr>"
        "<tr><td>文号：</td><td>某房公委〔2024〕2号</td><td>分类：</td><td></td></tr></table>"
    )
    reading = read_html(page(grid + f"<div id=zoom>{DOC}</div>"))
    assert [block.role for block in reading.blocks[:3]] == [Role.METADATA] * 3
    assert facts_of(reading) == {
        "index_number": "765471314/2024-00044", "publisher": "某市公积金中心", "date": "2024-05-15",
        "label:统一编号": "ZJAC16-2024-0301", "doc_number": "某房公委〔2024〕2号",
    }


@pytest.mark.parametrize(
    "row",
    [
        "<tr><td>序号：</td><td>1</td><td>名称：</td><td>甲办法</td><td>备注：</td><td>无</td></tr>",  # 1 known, 2 unknown
        "<tr><td>序号</td><td>名称</td><td>文号</td></tr>",  # a header row: no colon, no value
        "<tr><td>2023-01-05</td><td>全市防汛工作会议</td><td>市政府第一会议室</td></tr>",  # a date, then data
        "<tr><td>某办法</td><td>国发〔2019〕3号</td></tr>",
    ],
)
def test_a_documents_own_rows_are_not_metadata(row: str) -> None:
    reading = read_html(page(f"<div>{DOC}<table>{row}<tr><td>甲</td><td>乙</td><td>丙</td></tr></table></div>"))
    assert {block.role for block in reading.blocks} == {Role.BODY}
    assert reading.facts == ()


def test_a_row_opening_with_a_date_is_the_publishing_date() -> None:
    row = (
        "<table><tr><td>2022-05-16 18:17</td><td>来源： 省住房公积金管理局</td><td>发文机关： 省住房公积金管理局</td>"
        "<td>分享到：</td></tr></table>"
    )
    reading = read_html(page(f"<div class=title>关于调整某项政策的通知</div>{row}<div class=content>{DOC}</div>"))
    assert role_of(reading, "2022-05-16 18:17\t来源： 省住房公积金管理局\t发文机关： 省住房公积金管理局\t分享到：") \
        is Role.METADATA
    assert facts_of(reading) == {"published": "2022-05-16", "issuers": "省住房公积金管理局"}


def test_bracket_label_lists() -> None:
    """「[发文字号] 京科发〔2026〕10号」, 「【成文日期】…」: a label the reader does not know stands in the list."""
    items = ("[主题分类] 科技", "[联合发文单位] ", "【成文日期】2026-06-30", "[发文字号] 某科发〔2026〕10号",
             "[文件来源] 政府公报", "[有效性] 是")
    inner = "<ol>" + "".join(f"<li>{item}</li>" for item in items) + f"</ol><div class=content>{DOC}</div>"
    reading = read_html(page(inner))
    assert [block.role for block in reading.blocks[:6]] == [Role.METADATA] * 6
    assert facts_of(reading) == {
        "subject": "科技", "date": "2026-06-30", "doc_number": "某科发〔2026〕10号", "label:文件来源": "政府公报",
        "validity": "是",
    }


def test_a_bracketed_word_in_the_text_is_no_label() -> None:
    reading = read_html(page(f"<div class=content>{DOC}<p>【典型案例】张某诉某局不履行法定职责案。</p>"
                             "<p>[注释] 本案经二审维持原判。</p></div>"))
    assert {block.role for block in reading.blocks} == {Role.BODY}
    assert reading.facts == ()


@pytest.mark.parametrize(
    ("label", "field"),
    [("发布机构", "publisher"), ("发布单位", "publisher"), ("公开责任部门", "publisher"), ("发布机关", "publisher"),
     ("发文机关", "issuers"), ("发文单位", "issuers"), ("制发机关", "issuers"), ("发文机构", "issuers")],
)
def test_the_publishing_office_is_no_issuer(label: str, field: str) -> None:
    """发布 (published) names the office that put the page up; 发文 (issued) names the document's issuer."""
    reading = read_html(page(f"<ul><li>{label}：某市住房公积金中心</li><li>索引号：001/2024-01</li></ul>"
                             f"<div class=content>{DOC}</div>"))
    assert facts_of(reading)[field] == "某市住房公积金中心"


# --- the document and the chrome around it ----------------------------------------------------


def test_chrome_inside_the_content_is_set_aside() -> None:
    inner = (
        f"<div id=content>{DOC}<div>【打印】【关闭】</div><div>扫一扫在手机打开当前页</div>"
        "<p>责任编辑：王小明</p><div>分享到：<a href=#>微信</a> <a href=#>微博</a></div>"
        "<p>【字体：大 中 小】</p></div>"
    )
    reading = read_html(page(inner))
    assert body(reading) == ["一、总体要求", "各地区各部门要提高认识，加强领导，认真做好相关工作。"]
    assert {block.role for block in reading.blocks[2:]} == {Role.SITE_CHROME}


@pytest.mark.parametrize(
    "text",
    [
        "扫一扫在手机打开当前页", "【打印】【关闭】", "【打印本页】 【关闭窗口】", "【字体：大 中 小】", "字号：默认 大 超大",
        "分享到：微信 微博 QQ空间", "责任编辑：王小明", "【我要纠错】 责任编辑：王小明", "来源：新华社",
        "浏览次数：1024", "您当前的位置：首页 > 政务公开", "当前位置：首页 >> 政府文件", "上一篇：关于某某的通知",
        "日期：2021-09-03 来源：市住房和城乡建设局", "2023-08-14 18:06 来源：中国政府网", "京ICP备05070218号",
        "京公网安备11010202000001号", "版权所有：某县人民政府", "Copyright © 2023 某市人民政府", "主办单位：某省人民政府办公厅",
        "网站地图", "打印 关闭", "分享文章到", "扫码浏览", "取消", "高级搜索", "高级搜索 收起", "下载文字版",
        "下载图片版", "【TOP】【打印页面】【关闭页面】", "发布",
    ],
)
def test_chrome_lines(text: str) -> None:
    assert is_chrome(text)


@pytest.mark.parametrize(
    "text",
    [
        "资金来源：由市财政统筹安排。", "关闭小煤矿工作由县人民政府负责。", "（三）联系电话：010-12345678",
        "第十条　打印、复制涉密文件的，应当登记。", "一、总体要求", "国务院", "2019年1月12日", "（此件公开发布）",
        "附件：1.名词解释", "编辑出版单位应当建立健全审核制度。",
    ],
)
def test_document_lines_are_not_chrome(text: str) -> None:
    assert not is_chrome(text)


def test_a_notices_contact_line_stays_in_the_document() -> None:
    reading = read_html(page(f"<div class=content>{DOC}<p>联系人：张三，联系电话：010-12345678。</p></div>"))
    assert role_of(reading, "联系人：张三，联系电话：010-12345678。") is Role.BODY


def test_navigation_footer_and_related_links_are_chrome() -> None:
    inner = (
        "<div class=nav><a href=/>首页</a><a href=/a>政务公开</a><a href=/b>政务服务</a></div>"
        "<div>您当前的位置：<a href=/>首页</a> &gt; <a href=/a>政务公开</a></div>"
        f"<div class=main><div class=text>{DOC}</div>"
        "<div class=side><h3>相关链接</h3><ul><li><a href=/x>关于做好防汛工作的通知</a></li></ul></div></div>"
        "<div class=foot><p>主办单位：某市人民政府</p><p>京ICP备05070218号</p><p>Copyright © 2023</p></div>"
    )
    reading = read_html(page(inner))
    assert body(reading) == ["一、总体要求", "各地区各部门要提高认识，加强领导，认真做好相关工作。"]
    assert role_of(reading, "首页政务公开政务服务") is Role.SITE_CHROME
    assert role_of(reading, "您当前的位置：首页 > 政务公开") is Role.SITE_CHROME
    assert role_of(reading, "关于做好防汛工作的通知") is Role.SITE_CHROME
    assert role_of(reading, "京ICP备05070218号") is Role.SITE_CHROME


def test_title_before_the_content_is_the_documents() -> None:
    inner = (
        "<h1>某市人民政府关于做好防汛工作的通知</h1><div class=info>发布时间：2023-05-06　来源：市政府办公室</div>"
        f"<div class=content>{DOC}</div><div class=nav><a href=/a>上一篇</a></div>"
    )
    reading = read_html(page(inner))
    assert body(reading) == ["某市人民政府关于做好防汛工作的通知", *body(reading)[1:]]
    assert role_of(reading, "发布时间：2023-05-06　来源：市政府办公室") is Role.METADATA


def test_title_that_the_content_repeats_is_not_doubled() -> None:
    inner = (
        "<div class=box><h1>国务院关于促进综合保税区高水平开放高质量发展的若干意见</h1>"
        "<div class=text><p>国务院关于促进综合保税区</p><p>高水平开放高质量发展的若干意见</p><p>国发〔2019〕3号</p>"
        f"{DOC}</div></div>"
    )
    reading = read_html(page(inner))
    assert body(reading)[:3] == ["国务院关于促进综合保税区", "高水平开放高质量发展的若干意见", "国发〔2019〕3号"]
    assert role_of(reading, "国务院关于促进综合保税区高水平开放高质量发展的若干意见") is Role.SITE_CHROME


def test_nothing_is_dropped_but_empty_lines_outside_the_document() -> None:
    reading = read_html(page(f"<br><div>&nbsp;</div><div class=nav><a href=/>首页</a></div><div>{DOC}</div><br>"))
    assert [(block.text, block.role) for block in reading.blocks] == [
        ("首页", Role.SITE_CHROME),
        ("一、总体要求", Role.BODY),
        ("各地区各部门要提高认识，加强领导，认真做好相关工作。", Role.BODY),
    ]


@pytest.mark.parametrize(
    "data",
    [
        "",
        "   \n",
        page(""),
        page("<script>var a = '很长的一段脚本文字，不是正文。';</script>"),
        page("<ul><li><a href=/>首页</a></li><li><a href=/a>政务公开</a></li><li><a href=/b>互动交流</a></li></ul>"),
        page("<div>扫一扫在手机打开当前页</div><div>【打印】【关闭】</div>"),
    ],
)
def test_no_document_raises(data: str) -> None:
    with pytest.raises(PolicyParseError) as raised:
        read_html(data)
    assert str(raised.value) == "no document found in the page"


def test_a_parser_stop_is_said_not_silent() -> None:
    """Never-closed <font> tags nest each paragraph one level deeper; libxml2 2.14 stops at 2048.

    Either every line is read, or the reading says where the parser stopped.
    """
    reading = read_html(page("<p><font>一、总体要求。各地区要认真落实。" * 1100))
    if len(reading.blocks) < 1100:
        ((code, message),) = reading.remarks
        assert code == "html-truncated"
        assert message.startswith("the HTML parser stopped at line 1 (excessive depth in document")
        assert message.endswith("; the text after it is not in the reading")
    else:
        assert reading.remarks == ()
    try:
        deep = read_html(page("<div>" * 2100 + DOC))
    except PolicyParseError as error:
        assert str(error).startswith("no document found in the page: the HTML parser stopped at line 1 (")
    else:
        assert body(deep) == ["一、总体要求", "各地区各部门要提高认识，加强领导，认真做好相关工作。"]


# --- the document's element on real pages' shapes (/tmp/realpages findings F1-F7) ------------

TEXT = (
    "<p>各有关单位：</p><p>　　为进一步做好相关工作，现将有关事项通知如下：</p><p>　　一、总体要求</p>"
    "<p>　　各单位要提高认识，加强领导，认真做好相关工作。</p><p>某市某某局</p><p>2026年6月30日</p>"
)
TEXT_LINES = ["各有关单位：", "　　为进一步做好相关工作，现将有关事项通知如下：", "　　一、总体要求",
              "　　各单位要提高认识，加强领导，认真做好相关工作。", "某市某某局", "2026年6月30日"]


def test_the_smallest_element_holding_the_document_wins() -> None:
    """A wrapper that adds a long title, captions, a label list and a toolbar to the text is not the document's."""
    inner = (
        "<div class=wrap><ol><li>[主题分类] 综合政务</li><li>[发文字号] 某发〔2026〕1号</li></ol>"
        "<div class=org><span>规章</span></div><div class=head><h1><p>某市某某局关于进一步做好某项工作的通知（试行）</p></h1>"
        "<div class=bar><span>打印</span></div></div>"
        f"<div class=box><div class=text>{TEXT}</div></div><div class=tail><span>放弃</span></div></div>"
    )
    reading = read_html(page(inner))
    assert body(reading) == ["某市某某局关于进一步做好某项工作的通知（试行）", *TEXT_LINES]
    assert role_of(reading, "规章") is Role.SITE_CHROME


def test_narrowing_never_leaves_a_sentence_out() -> None:
    inner = f"<div class=article><div class=text>{TEXT}</div><p>特此通知。</p><div class=share>分享到：</div></div>"
    reading = read_html(page(inner))
    assert body(reading) == [*TEXT_LINES, "特此通知。"]


def test_narrowing_never_leaves_a_short_line_out_alone() -> None:
    """Text beside the document's element, with no page furniture beside it, is the document's."""
    reading = read_html(page(f"<div class=content><p>某某局办公室</p><div class=text>{TEXT}</div></div>"))
    assert body(reading) == ["某某局办公室", *TEXT_LINES]


@pytest.mark.parametrize(
    "hint", ["ueditor", "TRS_UEDITOR", "mainText", "article-content", "ucapcontent", "details", "MainText"],
)
def test_content_hints(hint: str) -> None:
    """A sentence beside the text in the same wrapper: the element named as the content wins the close call."""
    inner = f"<div class=wrap><div class='{hint}'>{TEXT}</div><div class=box2><p>欢迎访问本网站！</p></div></div>"
    reading = read_html(page(inner))
    assert body(reading) == TEXT_LINES


DIALOG = "<p>您访问的链接即将离开本网站，是否继续？</p><span>放弃</span>"


@pytest.mark.parametrize(
    ("head", "dialog"),
    [
        ("", f"<div class=modal>{DIALOG}</div>"),
        ("", f"<div class='layui-popup'>{DIALOG}</div>"),
        ("", f"<div id=maskLayer>{DIALOG}</div>"),
        ("", f"<div class=dialogBox>{DIALOG}</div>"),
        ("", f"<dialog>{DIALOG}</dialog>"),
        ("<style>.alert-warning{position:fixed;display: none !important}</style>", f"<div class=alert-warning>{DIALOG}</div>"),
        ("<style>/* tip */ div#tip, .x{display:none}</style>", f"<div id=tip>{DIALOG}</div>"),
    ],
)
def test_dialogs_are_chrome(head: str, dialog: str) -> None:
    """A dialog a script shows (「您访问的链接即将离开…是否继续？」) is read and set aside, wherever it stands."""
    reading = read_html(page(f"<div class=content>{TEXT}{dialog}</div>", head=head))
    assert body(reading) == TEXT_LINES
    assert role_of(reading, "您访问的链接即将离开本网站，是否继续？") is Role.SITE_CHROME


@pytest.mark.parametrize(
    ("head", "box"),
    [
        ("<style>@media print {.note{display:none}}</style>", "<div class=note>"),
        ("<style>.note{display:none} .note{display:block}</style>", "<div class=note>"),
        ("<style>.wrap .note{display:none}</style>", "<div class=note>"),
        ("", "<dialog open>"),
        ("", "<div class=population>"),
    ],
)
def test_what_no_rule_hides_is_shown(head: str, box: str) -> None:
    end = "</dialog>" if box.startswith("<dialog") else "</div>"
    reading = read_html(page(f"<div class=content>{TEXT}{box}<p>本通知自印发之日起施行。</p>{end}</div>", head=head))
    assert role_of(reading, "本通知自印发之日起施行。") is Role.BODY


def test_a_document_shown_by_script_is_read_as_shown() -> None:
    """When the hidden element is the only document on the page, the page shows it by script."""
    reading = read_html(page(f"<div class=content>{TEXT}</div>", head="<style>.content{display:none}</style>"))
    assert body(reading) == TEXT_LINES


def test_form_controls_are_chrome() -> None:
    controls = (
        "<div>搜索位置 <input type=radio name=p>标题 <input type=radio name=p>全文</div>"
        "<div>年份<select><option>2026</option><option>2025</option></select></div>"
        "<div><button type=button>提交意见</button></div><div><textarea>请输入</textarea></div>"
    )
    reading = read_html(page(f"<div class=content>{TEXT}<form>{controls}</form>"
                             "<p>意见<input type=hidden name=t>请于7日内反馈。</p></div>"))
    assert body(reading) == [*TEXT_LINES, "意见请于7日内反馈。"]
    assert {block.role for block in reading.blocks if block.text not in body(reading)} == {Role.SITE_CHROME}


def test_tool_boxes_inside_the_container_are_chrome() -> None:
    """A share box inside the text's element: its short lines are chrome; a print area around the text is not."""
    tools = "<div class=share-box><div>分享文章到</div><div>微信好友</div><div>取消</div></div><dl class=ewm><dd>扫码浏览</dd></dl>"
    reading = read_html(page(f"<div class=content><div id=printContent>{TEXT}</div>{tools}</div>"))
    assert body(reading) == TEXT_LINES
    assert role_of(reading, "微信好友") is Role.SITE_CHROME


# The title as the page sets it (F2).


@pytest.mark.parametrize(
    "head",
    [
        "<title>某市某某局关于做好某项工作的通知_通知公告_某市人民政府</title>",
        "<title>某市某某局关于做好某项工作的通知 - 某市人民政府</title>",
        "<title>某市某某局关于做好某项工作的通知|某市人民政府门户网站</title>",
        "<title>某市人民政府 -- 某市某某局关于做好某项工作的通知</title>",
        "<title>某市人民政府</title><meta name=ArticleTitle content='某市某某局关于做好某项工作的通知'>",
        "<title>某市人民政府</title><meta name='title' content='某市某某局关于做好某项工作的通知'>",
    ],
)
@pytest.mark.parametrize(
    "heading",
    [
        "<div class=Article_bt>某市某某局关于做好某项工作的通知</div>",
        "<div class='title_cen'><ucaptitle>某市某某局关于做好某项工作的通知</ucaptitle></div>",
        "<h1 class=article-title>某市某某局关于做好某项工作的通知</h1>",
        "<div class=header><h1><p>某市某某局关于做好某项工作的通知</p></h1></div>",
    ],
)
def test_a_heading_that_is_the_pages_title_gives_the_title(head: str, heading: str) -> None:
    reading = read_html(page(f"{heading}<div class=info>发布时间：2026-07-01</div><div class=content>{TEXT}</div>",
                             head=head))
    (fact,) = [fact for fact in reading.facts if fact.field == "title"]
    block = reading.blocks[fact.block or 0]
    assert (fact.value, fact.source, block.role) == ("某市某某局关于做好某项工作的通知", "html-heading", Role.BODY)
    assert block.text[fact.start : fact.end] == fact.value


def test_a_heading_alone_before_the_content_gives_the_title() -> None:
    """No <title> agrees (it names the site), but an h3 alone before the text is the document's heading."""
    inner = f"<div class=box><h3>《关于提高某项额度的通知》的政策解读</h3><div class=con>{TEXT}</div></div>"
    reading = read_html(page(inner, head="<title>某市住房公积金管理中心</title>"))
    assert facts_of(reading) == {"title": "《关于提高某项额度的通知》的政策解读"}


@pytest.mark.parametrize(
    "first",
    [
        "<h2>通知公告</h2>", "<h1>某市住房公积金管理中心政府信息公开</h1>", "<h2>第一章　总则</h2>",
        "<p>某市某某局关于做好某项工作的通知</p>", "<h1>某市人民政府门户网站</h1>",
    ],
)
def test_no_title_from_a_site_name_a_column_a_numbered_or_a_plain_line(first: str) -> None:
    reading = read_html(page(f"<div class=content>{first}{TEXT}</div>",
                             head="<title>某市某某局关于做好某项工作的通知_通知公告_某市人民政府</title>"))
    assert "title" not in facts_of(reading)


def test_a_numbered_heading_opening_the_text_leaves_the_title_before_it() -> None:
    inner = f"<h1>某市某某局关于做好某项工作的通知</h1><div class=content><h2>一、总体要求</h2>{TEXT}</div>"
    reading = read_html(page(inner, head="<title>某市某某局关于做好某项工作的通知</title>"))
    assert body(reading)[:2] == ["某市某某局关于做好某项工作的通知", "一、总体要求"]
    assert facts_of(reading) == {"title": "某市某某局关于做好某项工作的通知"}


def test_a_paragraph_the_parser_moves_out_of_its_heading_keeps_the_heading() -> None:
    """libxml2 turns <h1><p>…</p></h1> into <h1></h1><p>…</p>; the paragraph is still the h1's."""
    reading = read_html(page(f"<div class=head><h1>\n<p>某市某某局关于做好某项工作的通知</p>\n</h1></div><div>{TEXT}</div>"))
    block = only(reading, "某市某某局关于做好某项工作的通知")
    assert (block.heading, block.bold, block.role) == (1, 16, Role.BODY)


# The page's heading repeated by the text (F5), its dateline (F6), its own file (F7).


def test_a_heading_with_its_date_repeated_by_the_text_is_set_aside() -> None:
    """「关于…的通知 <small>( 2021年07月23日 )</small>」 over a text that opens with 文号 and then the title."""
    inner = (
        "<div class=Article><h2 class=Article-title>关于加强某项管理的通知 <small>( 2021年07月23日 )</small></h2>"
        "<div class=Article_content><p>某建管联〔2021〕476号</p><p><strong>关于加强某项管理的通知</strong></p>"
        f"{TEXT}</div></div>"
    )
    reading = read_html(page(inner, head="<title>主动公开文件_某市房屋管理局</title>"))
    assert role_of(reading, "关于加强某项管理的通知 ( 2021年07月23日 )") is Role.SITE_CHROME
    assert body(reading)[:2] == ["某建管联〔2021〕476号", "关于加强某项管理的通知"]
    (fact,) = [fact for fact in reading.facts if fact.field == "title"]
    assert (fact.value, reading.blocks[fact.block or 0].text) == ("关于加强某项管理的通知", "关于加强某项管理的通知")


def test_a_heading_that_only_begins_the_first_line_is_no_repetition() -> None:
    inner = (
        "<div class=content><div class=title>某公司首次公开发行股票申请文件反馈意见<br></div>"
        "<div class=time><span>时间：2020-12-04</span> <span>来源：</span></div>"
        "<div id=TRS_AUTOADD><div><div>某公司首次公开发行股票申请文件反馈意见，具体见附件。</div></div></div></div>"
    )
    reading = read_html(page(inner, head="<title>某公司首次公开发行股票申请文件反馈意见</title>"))
    assert body(reading) == ["某公司首次公开发行股票申请文件反馈意见", "某公司首次公开发行股票申请文件反馈意见，具体见附件。"]
    assert facts_of(reading) == {"title": "某公司首次公开发行股票申请文件反馈意见"}


def test_a_date_alone_under_the_heading_is_the_dateline() -> None:
    inner = f"<div class=box><h3>《关于提高某项额度的通知》的政策解读</h3><p>2025-10-09</p><div class=con>{TEXT}</div></div>"
    reading = read_html(page(inner))
    assert role_of(reading, "2025-10-09") is Role.SITE_CHROME
    (fact,) = [fact for fact in reading.facts if fact.field == "published"]
    assert (fact.value, fact.source, reading.blocks[fact.block or 0].text) == ("2025-10-09", "html-dateline", "2025-10-09")


def test_the_metadatas_publishing_date_stands_over_the_dateline() -> None:
    inner = (f"<ul><li>发布日期：2025-10-10</li><li>索引号：001/2025-01</li></ul><h1>关于某项工作的通知</h1>"
             f"<p>2025-10-09 09:30</p><div class=con>{TEXT}</div>")
    reading = read_html(page(inner))
    assert role_of(reading, "2025-10-09 09:30") is Role.SITE_CHROME
    assert [(fact.value, fact.source) for fact in reading.facts if fact.field == "published"] == [
        ("2025-10-10", "metadata-table"),
    ]


def test_a_written_date_under_the_heading_is_the_documents() -> None:
    reading = read_html(page(f"<div class=content><h1>某某工作报告</h1><p>2026年3月5日</p>{TEXT}</div>"))
    assert role_of(reading, "2026年3月5日") is Role.BODY


def test_attachment_links_after_the_text_are_the_documents() -> None:
    attachments = (
        "<ul class=fujian><li><a href='./W0201.docx'>附件1：某项工作基准表</a></li>"
        "<li><a href='./W0202.docx'>某项工作清单</a></li></ul>"
    )
    inner = f"<div class=box><div class=TRS_UEDITOR>{TEXT}</div>{attachments}<div class=share>分享：</div></div>"
    reading = read_html(page(inner))
    assert body(reading) == [*TEXT_LINES, "附件1：某项工作基准表", "某项工作清单"]


def test_the_documents_own_file_after_the_signature_is_chrome() -> None:
    """「…的通知.pdf」 after the signature is the page's download of itself; other files are attachments."""
    inner = (
        f"<h1 class=title>某市某某局关于做好某项工作的通知</h1><div id=zoom>{TEXT}"
        "<p><a href='/a/P0201.pdf'>某市某某局关于做好某项工作的通知.pdf</a></p>"
        "<p><a href='/a/P0202.xlsx'>某项工作统计表.xlsx</a></p>"
        "<p><a href='/a/P0203.doc'>《申请人申明陈述书》</a></p></div>"
    )
    reading = read_html(page(inner, head="<title>某市某某局关于做好某项工作的通知</title>"))
    assert role_of(reading, "某市某某局关于做好某项工作的通知.pdf") is Role.SITE_CHROME
    assert body(reading)[-2:] == ["某项工作统计表.xlsx", "《申请人申明陈述书》"]


@pytest.mark.parametrize("heading", ["关联稿件：", "相关附件：", "【相关文件】"])
def test_empty_related_headings_are_chrome(heading: str) -> None:
    inner = f"<div class=TRS_Editor>{TEXT}<p><a href='/f/1.doc'>《申请人申明陈述书》</a></p></div>" \
            f"<div><b>{heading}</b></div><div><b>相关链接：</b></div>"
    reading = read_html(page(f"<div class=article>{inner}</div>"))
    assert role_of(reading, heading) is Role.SITE_CHROME
    assert body(reading)[-1] == "《申请人申明陈述书》"


def test_files_under_a_related_heading_stay() -> None:
    """Under 「相关附件：」 a link to a file is the document's attachment; a link to a page is not."""
    related = ("<div class=fj><p>相关附件：</p><p><a href='/f/2.pdf'>某项工作统计表</a></p>"
               "<p><a href='/zc/t1.html'>关于某项工作的解读</a></p></div>")
    reading = read_html(page(f"<div class=article><div class=TRS_Editor>{TEXT}</div>{related}</div>"))
    assert role_of(reading, "相关附件：") is Role.SITE_CHROME
    assert role_of(reading, "某项工作统计表") is Role.BODY
    assert role_of(reading, "关于某项工作的解读") is Role.SITE_CHROME


# --- realistic pages of other sites (tests/data/html) -----------------------------------------


@pytest.mark.parametrize("name", SYNTHETIC)
def test_synthetic_page_body(name: str, update_goldens: bool) -> None:
    reading = read_html((DATA / f"{name}.html").read_bytes())
    got = "\n".join(body(reading)) + "\n"
    expected = DATA / f"{name}.body.txt"
    if update_goldens:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")
    chrome = ("扫一扫", "ICP备", "版权所有", "您当前的位置", "当前位置", "【打印", "打印本页", "责任编辑", "分享到",
              "相关", "首页", "浏览次数", "点击数", "上一篇", "热点推荐")
    assert not [text for text in body(reading) for word in chrome if word in text]


def test_provincial_page_metadata_list_and_title() -> None:
    reading = read_html((DATA / "provincial-nav-xxgk.html").read_bytes())
    facts = {fact.field: fact.value for fact in reading.facts}
    assert facts == {
        "index_number": "11370000004609769B/2023-00128",
        "subject": "综合政务",
        "publisher": "某省人民政府办公厅",  # 发布机构: the office that published the page
        "date": "2023-04-28",
        "doc_number": "某政办发〔2023〕7号",
        "published": "2023-05-06",
        "validity": "有效",
        "page_title": "某省人民政府办公厅关于进一步优化营商环境的实施意见_省政府办公厅文件_某省人民政府门户网站",
        "title": "某省人民政府办公厅关于进一步优化营商环境的实施意见",  # the h1 that the <title> names
    }
    title = only(reading, "某省人民政府办公厅关于进一步优化营商环境的实施意见")
    assert (title.role, title.element, title.heading) == (Role.BODY, "h1", 1)
    (fact,) = [fact for fact in reading.facts if fact.field == "title"]
    assert (fact.source, reading.blocks[fact.block or 0], fact.start, fact.end) == ("html-heading", title, 0, 25)
    assert role_of(reading, "鲁ICP备05045429号".join(("网站标识码：3700000001\u3000", "\u3000鲁公网安备 37010202000123号"))) \
        is Role.SITE_CHROME
    assert "分享到微信朋友圈" not in [block.text for block in reading.blocks]  # display: none


def test_gb2312_county_page() -> None:
    reading = read_html((DATA / "county-gb2312-tables.html").read_bytes())
    assert reading.remarks == (
        ("encoding-fallback", "the page is not UTF-8; decoded as GB18030 (it declares gb2312)"),
    )
    assert role_of(reading, "网站首页\t政务公开\t新闻中心\t办事指南\t公众参与") is Role.SITE_CHROME
    assert only(reading, "\u00a0\u00a0\u00a0\u00a0一、目标任务").bold == 10


def test_new_govcn_page_facts() -> None:
    reading = read_html((DATA / "govcn-new-pages-content.html").read_bytes())
    facts = {fact.field: fact.value for fact in reading.facts}
    assert (facts["title"], facts["doc_number"], facts["date"]) == (
        "国务院关于规范行政执法事项清单管理的通知", "国发〔2023〕12号", "2023-08-10",
    )


def test_municipal_page_bracket_list_and_dialog() -> None:
    reading = read_html((DATA / "municipal-bracket-list-dialog.html").read_bytes())
    assert facts_of(reading) == {
        "subject": "科技、教育/科技", "issuers": "某市科学技术委员会", "date": "2026-06-30",
        "doc_number": "某科发〔2026〕10号", "label:统一编号": "SKJ-2026-0010", "published": "2026-07-14",
        "validity": "是", "title": "某市科学技术委员会关于印发《某市科技行政处罚裁量权适用规定》的通知",
    }
    assert role_of(reading, "[联合发文单位]") is Role.METADATA
    assert role_of(reading, "您访问的链接即将离开“某市”门户网站 是否继续？") is Role.SITE_CHROME
    assert role_of(reading, "放弃") is Role.SITE_CHROME
    assert role_of(reading, "分享：X") is Role.SITE_CHROME


def test_gkmlpt_page_search_form_and_platform_heading() -> None:
    reading = read_html((DATA / "gkmlpt-search-form.html").read_bytes())
    for text in ("高级搜索", "搜索位置 \xa0\xa0标题 \xa0\xa0全文 文件状态 \xa0\xa0不限 \xa0\xa0现行有效 \xa0\xa0已失效",
                 "某市住房公积金管理中心政府信息公开", "规章", "下载文字版", "发布"):
        assert role_of(reading, text) is Role.SITE_CHROME
    assert facts_of(reading) == {
        "index_number": "114406007254/2026-00220", "publisher": "某市住房公积金管理中心", "date": "2026-02-28",
        "title": "某市住房公积金管理中心关于开办外籍人员住房公积金贷款业务的通知", "doc_number": "某房金管〔2026〕3号",
        "published": "2026-02-28",
    }
    assert {fact.source for fact in reading.facts if fact.field == "title"} == {"metadata-table", "html-heading"}


def test_xxgk_table_page_unknown_labels_and_own_pdf() -> None:
    reading = read_html((DATA / "xxgk-table-unknown-labels.html").read_bytes())
    assert reading.remarks == (("encoding-fallback", "the page declares gb2312 but is not; decoded as UTF-8"),)
    assert role_of(reading, "成文日期\t2024-05-15\t统一编号\tZJAC16-2024-0301") is Role.METADATA
    assert facts_of(reading) == {
        "index_number": "765471314/2024-00044", "publisher": "某市公积金中心", "label:公开方式": "主动公开",
        "label:公开范围": "面向全社会", "doc_number": "某房公委〔2024〕2号", "validity": "有效", "date": "2024-05-15",
        "label:统一编号": "ZJAC16-2024-0301", "published": "2024-05-17",
        "title": "某市住房公积金管理委员会关于调整住房套数认定标准的通知",
    }
    assert role_of(reading, "某市住房公积金管理委员会关于调整住房套数认定标准的通知.pdf") is Role.SITE_CHROME


# --- the gov.cn samples (tests/data/corpus/html) -----------------------------------------------


def _sample(name: str) -> Reading:
    return read_html((SAMPLES / f"{name}.html").read_bytes())


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_facts_match_truth(name: str) -> None:
    truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))[f"{name}.html"]
    facts = {fact.field: fact for fact in _sample(name).facts}
    assert (facts["title"].value, facts["doc_number"].value, facts["date"].value) == (
        truth["title"], truth["doc_number"], truth["date"],
    )
    assert {fact.source for fact in facts.values()} == {"metadata-table"}


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_body_lines_equal_the_corpus_text(name: str) -> None:
    """BODY lines equal the corpus text's lines (stripped, empty ones dropped), a table's
    cells and their paragraphs included; the corpus converter turned NBSP into a space."""
    reading = _sample(name)
    expected = [line.strip() for line in (CORPUS / f"{name}.txt").read_text(encoding="utf-8").split("\n")]
    expected = [line.replace("\u00a0", " ") for line in expected if line]
    lines = [
        line.strip().replace("\u00a0", " ")
        for block in reading.blocks if block.role is Role.BODY
        for line in block.text.split("\n") if line.strip()
    ]
    assert lines == expected


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_chrome_is_set_aside(name: str) -> None:
    reading = _sample(name)
    texts = body(reading)
    assert not [text for text in texts if "扫一扫" in text or "索 引 号" in text or "主 题 词" in text]
    assert role_of(reading, "扫一扫在手机打开当前页") is Role.SITE_CHROME
    assert [block.role for block in reading.blocks[:5]] == [Role.METADATA] * 5


@needs_samples
def test_sample_hospital_table_rows() -> None:
    reading = _sample("gov-opinion-tertiary-hospital-performance-2019")
    cells = [block for block in reading.blocks if block.role is Role.BODY and block.element == "tr"]
    assert len({cell.row for cell in cells}) == 56  # the header and 55 indicators
    assert [cell.text for cell in cells if cell.row == 0] == ["一级指标", "二级指标", "三级指标", "指标性质", "指标说明"]
    first = [cell for cell in cells if cell.row == 1]
    assert first[0].text == "一、医疗质量" and first[0].cells[0] == Cell(start=0, end=6, colspan=1, rowspan=24)
    assert [cell.text for cell in first[1:4]] == ["（一）功能定位", "1.门诊人次数与出院人次数比", "定量"]
    assert first[4].text.startswith("计算方法：") and "\n指标来源：" in first[4].text
    assert {cell.table for cell in cells} == {2}  # after the two metadata tables


@needs_samples
def test_sample_reading_is_fast() -> None:
    data = (SAMPLES / "gov-opinion-bonded-zones-2019.html").read_bytes()
    read_html(data)
    start = time.perf_counter()
    for _ in range(5):
        read_html(data)
    # About 5 ms a page here; the bound only catches a pathological slowdown.
    assert (time.perf_counter() - start) / 5 < 0.25
