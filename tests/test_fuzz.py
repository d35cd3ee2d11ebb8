"""Fuzzing with hypothesis: documents built from real markers, real lines and frame lines (issue 7).

Inputs are made of what real documents are made of: numbering markers in all their written
forms, lines and runs of consecutive lines from the corpus (and from the seed, which
ships with the repository, so the tests mean something without the corpus), the lines around
a document's body (发文字号, signature, date, 附件, 目录, Markdown and front-matter headers,
newspaper page marks), mutated (lines dropped, repeated, swapped, cut, glued), with every
line-break style. For each input:

* lenient parsing never raises;
* ``strict=True`` raises nothing but ``PolicyParseError``;
* ``to_text`` gives back the input exactly;
* ``to_json`` validates against ``policyparse.json_schema()`` and round-trips:
  ``from_json(to_json(d)) == d``, the JSON of the loaded document is the same JSON, and its
  text is the input;
* ``to_markdown`` never raises.

Inputs that once broke one of these stay below as explicit ``@example`` regressions.

CI runs ``EXAMPLES`` examples per test (about a minute in all). Longer runs::

    POLICYPARSE_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz.py -x

(see docs/security.md, also for the atheris harness in ``fuzz/``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import policyparse
from policyparse import Document, PolicyParseError
from policyparse.numerals import int_to_chinese
from tests.conftest import SEED, corpus_files

EXAMPLES = int(os.environ.get("POLICYPARSE_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- material -------------------------------------------------------------------------------------

_MAX_LINE = 120


def _real_documents() -> list[list[str]]:
    """The lines (with their line breaks) of the seed and of every corpus document."""
    paths: list[Path] = [SEED, *corpus_files()]
    found = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        found.append(text.splitlines(keepends=True))
    return found


REAL_DOCUMENTS = _real_documents()

# Real lines, should neither the seed nor the corpus be at hand (and short lines that matter).
_BUILT_IN_LINES = [
    "国务院关于加强和规范事中事后监管的指导意见",
    "国发〔2019〕18号",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "一、总体要求",
    "（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。",
    "（二）基本原则。",
    "1.坚持依法监管。",
    "（1）实行抽查事项清单管理。",
    "①统筹建设监管工作平台。",
    "四、着力提升碳市场活力",
    "（六）丰富交易产品。稳健推进碳排放权交易市场建设。",
    "第一章　总　　则",
    "第一条　为了防止和纠正违法的或者不当的行政行为，制定本法。",
    "第二条 公民、法人或者其他组织认为行政行为侵犯其合法权益，可以依照本法申请行政复议。",
    "第三条之一　国务院有关部门应当加强协调。",
    "有下列情形之一的，可以申请行政复议：",
    "（三）对行政机关作出的有关许可证的决定不服的；",
    "1　总则",
    "1.1　编制目的",
    "1.2.1　国家级（Ⅰ级）：两个以上省、自治区、直辖市出现粮食应急状态。",
    "附　　则",
    "序言",
    "本法自2024年1月1日起施行。",
    "国务院",
    "2019年9月6日",
    "（此件公开发布）",
]

REAL_LINES: list[str] = sorted(
    {line.strip()[:_MAX_LINE] for document in REAL_DOCUMENTS for line in document if line.strip()}
    | set(_BUILT_IN_LINES)
)



_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_CIRCLED = [chr(c) for c in range(0x2460, 0x2474)] + [chr(c) for c in range(0x3251, 0x3260)]


@st.composite
def markers(draw: st.DrawFn) -> str:
    """A numbering marker as real texts write it, or one of the shapes no scheme knows."""
    n = draw(st.integers(1, 25))
    cn, dg = int_to_chinese(n), str(n)
    if draw(st.booleans()):
        dg = dg.translate(_FULL_WIDTH)
    a, b, c = (str(draw(st.integers(1, 12))) for _ in range(3))
    return draw(
        st.sampled_from(
            [
                f"{cn}、", f"（{cn}）", f"({cn})", f"（{cn})", f"{dg}.", f"{dg}．", f"{dg}、",
                f"（{dg}）", f"({dg})", _CIRCLED[(n - 1) % len(_CIRCLED)],
                f"第{cn}编", f"第{cn}分编", f"第{cn}部分", f"第{cn}章", f"第{cn}节", f"第{cn}条",
                f"第{cn}条之一", f"第{dg}条", "序言", "序　言", "附则", "附　　则",
                a, f"{a}.{b}", f"{a}.{b}.{c}", f"{a}．{b}．{c}．{a}",
                "Ⅰ、", "Ⅱ.", f"{cn}）", f"{dg})", "十十、", "第十十条",
                f"**第{cn}条**", f"**{cn}、**",
            ]
        )
    )


# The lines around a document's body: header, closing, attachments, Markdown, pages.
FRAME_LINES = [
    "国发〔2019〕3号", "国办函〔2005〕57号", "沪府规〔2023〕5号", "第15号",
    "国务院", "国务院办公厅", "民政部　财政部", "中华人民共和国主席　习近平",
    "2019年1月12日", "二〇〇五年六月十一日", "一九九七年一月二十八日", "2019年13月45日",
    "（此件公开发布）", "（此件有删减）", "（2019年1月1日第十三届全国人民代表大会常务委员会第七次会议通过）",
    "（二○○四年三月二十四日", "国务院第四十七次常务会议通过）",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "附件：1.名词解释", "附件：", "2.城市更新全周期流程图", "附件", "附件1", "附件2：查处酒后驾驶操作规程",
    "附件一", "附　件", "## 附件（官方直链）", "https://www.gov.cn/zhengce/content/a.pdf",
    "目录", "目　　录", "第一章　总　　则",
    "# 中华人民共和国行政复议法", "## 第一章 总则", "### 第一节 一般规定",
    "1999年4月29日第九届全国人民代表大会常务委员会第九次会议通过", "<!-- INFO END -->",
    "---", "***", "- - -", "> 注：本文件已废止", "标题: 上海市城市更新指引", "文号: 沪府办规〔2023〕5号",
    "发布日期: 2023-01-01", "发布单位: 上海市人民政府",
    "**第十条**", "**第十条** 有下列情形之一的：", "**第十条**有下列情形之一的", "****", "**",
    "（上接第一版）", "（下转第二版）", "— 3 —", "- 12 -", "第 3 页 / 共 10 页",
    "（新华社北京8月25日电）", "新华社北京8月25日电", "责编：张三", "本报记者 王五 摄",
    "抄送：全国人大常委会办公厅。", "国务院办公厅　　　　　　　　2019年9月10日印发",
]

_INDENT = st.sampled_from(["", "", "", "\u3000\u3000", "  ", "\t", "\u3000", "\u00a0", "\u200b"])
_GAP = st.sampled_from(["", "", " ", "\u3000", "\u3000\u3000"])
_TRAILING = st.sampled_from(["", "", "", " ", "\u3000", "\t", "\u200b"])
_BREAK = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r\n", "\r"])
_ODD = st.sampled_from(["\ufeff", "\u2028", "\x85", "\x0b", "\x0c", "\ud800", "\x00", "\U0001f600", "�"])


@st.composite
def fragments(draw: st.DrawFn) -> str:
    """A piece of a real line: whole, its start, its end or its middle."""
    line = draw(st.sampled_from(REAL_LINES))
    cut = draw(st.sampled_from(["whole", "whole", "start", "end", "middle"]))
    if cut == "whole" or len(line) < 2:
        return line
    i = draw(st.integers(1, len(line) - 1))
    return {"start": line[:i], "end": line[i:], "middle": line[i // 2 : i]}[cut]


@st.composite
def lines(draw: st.DrawFn) -> str:
    """One line without its break: heading, text, frame line, blank line or odd characters."""
    shape = draw(
        st.sampled_from(["heading", "heading", "text", "text", "frame", "frame", "blank", "bare", "odd"])
    )
    if shape == "blank":
        return draw(st.sampled_from(["", "", " ", "\u3000\u3000", "\t", "\u200b"]))
    if shape == "frame":
        return draw(_INDENT) + draw(st.sampled_from(FRAME_LINES)) + draw(_TRAILING)
    if shape == "bare":
        return draw(_INDENT) + draw(markers()) + draw(_TRAILING)
    if shape == "odd":
        return draw(fragments()) + draw(_ODD) + draw(fragments())
    body = "".join(draw(st.lists(fragments(), min_size=1, max_size=2)))
    if shape == "text":
        return draw(_INDENT) + body + draw(_TRAILING)
    return draw(_INDENT) + draw(markers()) + draw(_GAP) + body + draw(_TRAILING)


def _join(draw: st.DrawFn, parts: list[str]) -> str:
    pieces: list[str] = []
    for part in parts:
        pieces.append(part)
        pieces.append(draw(_BREAK))
    drop_last: bool = draw(st.booleans())
    if pieces and drop_last:
        pieces.pop()  # no break after the last line
    return "".join(pieces)


@st.composite
def built_documents(draw: st.DrawFn) -> str:
    """A document of generated lines."""
    return _join(draw, draw(st.lists(lines(), max_size=30)))


@st.composite
def corpus_windows(draw: st.DrawFn) -> str:
    """Consecutive lines of a real document (breaks as written), mutated a little."""
    document = draw(st.sampled_from(REAL_DOCUMENTS))
    start = draw(st.integers(0, max(0, len(document) - 1)))
    window = list(document[start : start + draw(st.integers(1, 60))])
    for _ in range(draw(st.integers(0, 4))):
        if not window:
            break
        i = draw(st.integers(0, len(window) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "swap", "cut", "insert", "glue", "break"]))
        if action == "drop":
            del window[i]
        elif action == "repeat":
            window.insert(i, window[i])
        elif action == "swap":
            j = draw(st.integers(0, len(window) - 1))
            window[i], window[j] = window[j], window[i]
        elif action == "cut":
            line = window[i]
            window[i] = line[: draw(st.integers(0, len(line)))]
        elif action == "insert":
            window.insert(i, draw(lines()) + draw(_BREAK))
        elif action == "glue":
            window[i] = window[i].rstrip("\r\n")
        else:
            window[i] = window[i].rstrip("\r\n") + draw(_BREAK)
    return "".join(window)


@st.composite
def framed_documents(draw: st.DrawFn) -> str:
    """A body (generated or real) between a header and a closing made of frame lines."""
    head = draw(st.lists(st.sampled_from(FRAME_LINES), max_size=5))
    body = draw(st.one_of(built_documents(), corpus_windows()))
    tail = draw(st.lists(st.sampled_from(FRAME_LINES), max_size=6))
    return _join(draw, head) + body + ("\n" if body and not body.endswith(("\n", "\r")) else "") + _join(draw, tail)


# -- checks ---------------------------------------------------------------------------------------

jsonschema = pytest.importorskip("jsonschema")  # a dev dependency; untyped
_SCHEMA = policyparse.json_schema()
_VALIDATOR = jsonschema.validators.validator_for(_SCHEMA)(_SCHEMA)


def check_everything(text: str) -> Document | None:
    """Every property of a lenient parse of ``text``; returns the document (None for a text
    holding a lone surrogate, which parse() refuses, naming where it stands)."""
    if _LONE_SURROGATE.search(text):
        with pytest.raises(PolicyParseError) as refused:
            policyparse.parse(text)
        assert refused.value.line is not None and refused.value.line >= 1
        return None
    document = policyparse.parse(text)
    assert policyparse.to_text(document) == text
    serialized = policyparse.to_json(document)
    data: Any = json.loads(serialized)
    errors = sorted(_VALIDATOR.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}"
    loaded = policyparse.from_json(serialized)
    assert loaded == document
    assert policyparse.to_json(loaded) == serialized
    assert policyparse.to_text(loaded) == text
    one_line = policyparse.to_json(document, indent=None)
    assert "\n" not in one_line and policyparse.from_json(one_line) == document
    assert isinstance(policyparse.to_markdown(document), str)
    return document


_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def check_strict(text: str) -> None:
    """``strict=True`` raises only PolicyParseError, which names where it applies."""
    try:
        document = policyparse.parse(text, strict=True)
    except PolicyParseError as error:
        assert isinstance(str(error), str)
        assert error.line is None or error.line >= 1
        return
    assert policyparse.to_text(document) == text


# -- tests ----------------------------------------------------------------------------------------

# Inputs that broke a property once (see the report in docs/security.md).
REGRESSIONS = [
    # Two newspaper page marks and no numbered part: parse() raised AssertionError
    # ("overlapping pieces") from the model builder (found by hypothesis and by atheris).
    "（新华社北京8月25日电）\n责编：张三",
    # A 目录 whose first entry is 「附件」: the frame cut an attachment inside the table of
    # contents and lenient parse() raised PolicyParseError ("Unexpected token TOC_ENTRY").
    "目录\n附件\nx\n附件\n",
    # A chapter numbered with 4,300 nines, then a chapter 5 under the next book: the numbering
    # message printed 「expected 1 or <that number + 1>」, an int of 4,301 digits, and str()
    # raised ValueError (CPython's int/str conversion limit) from lenient parse().
    "第一编\n第" + "9" * 4300 + "章 甲\n第二编\n第五章 乙\n",
    # An embedded document's bracketed note that runs past the end of its segment (an
    # unclosed 「（二○○四年…」 before a second embedded document): two segments claimed the same
    # lines and parse() raised AssertionError ("overlapping pieces"; found by hypothesis).
    "2019年1月12日\n## 附件（官方直链）\n（二○○四年三月二十四日\n国务院\n（此件公开发布）\n",
]


@FUZZ
@given(built_documents())
@example(REGRESSIONS[0])
@example(REGRESSIONS[1])
@example(REGRESSIONS[2])
@example(REGRESSIONS[3])
def test_built_documents(text: str) -> None:
    check_everything(text)
    check_strict(text)


@FUZZ
@given(corpus_windows())
def test_corpus_windows(text: str) -> None:
    check_everything(text)
    check_strict(text)


@FUZZ
@given(framed_documents())
@example(REGRESSIONS[0])
@example(REGRESSIONS[1])
@example("附件\n" * 3)
@example("目录\n一、总则\n二、附则\n一、总则\n")
@example("---\n标题: 甲\n---\n> 注\n一、甲\n")
@example("国务院\n2019年1月12日\n（此件公开发布）\n附件1\n一、甲\n")
def test_framed_documents(text: str) -> None:
    check_everything(text)
    check_strict(text)


@FUZZ
@given(st.text(alphabet=st.sampled_from(sorted(set("".join(FRAME_LINES[:40]) + "一二三四五六七八九十（）()、.第条章\n\r "))), max_size=300))
def test_frame_characters(text: str) -> None:
    check_everything(text)


def _whole_documents() -> Iterator[str]:
    for document in REAL_DOCUMENTS[:3]:
        yield "".join(document)


def test_real_documents_hold_every_property() -> None:
    # The seed and a few corpus documents, whole: the same checks without generation.
    for text in _whole_documents():
        check_everything(text)


@pytest.mark.parametrize("text", REGRESSIONS)
def test_regressions(text: str) -> None:
    # The same inputs by name, so that a failure reads as a known regression.
    check_everything(text)
    check_strict(text)
