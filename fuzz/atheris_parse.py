"""Coverage-guided fuzzing of policyparse with atheris (libFuzzer for Python).

Every input is tried two ways:

1. as the bytes of an uploaded file: ``decode`` (UTF-8, BOM, GB18030 …) then ``parse``, the
   path untrusted uploads take (``policyparse convert``, ``parse_file``);
2. as a recipe: each byte picks a piece (a numbering marker, a frame line such as
   「国发〔2019〕3号」 or 「附件1」, a fragment of real text, whitespace, a line break), so that
   the fuzzer reaches deep structure quickly without a dictionary file.

For both, the harness checks what docs/security.md promises: lenient parsing raises nothing;
strict parsing raises only ``PolicyParseError``; ``to_text`` gives the input back; the JSON
round-trips (``from_json(to_json(d)) == d``); ``to_markdown`` works. A broken promise is an
uncaught exception, which libFuzzer reports as a crash and saves as ``crash-<sha1>``.

Run (see docs/security.md)::

    .venv/bin/pip install atheris
    mkdir -p fuzz/corpus
    .venv/bin/python fuzz/atheris_parse.py fuzz/corpus /work/shared/corpus seeds \\
        -max_total_time=3600 -timeout=10 -rss_limit_mb=4096
    .venv/bin/python fuzz/atheris_parse.py crash-<sha1>        # replay one input
    .venv/bin/python fuzz/atheris_parse.py --check FILE...     # run inputs without atheris

``-timeout`` turns a slow input (super-linear time) into a reported failure too.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

try:
    import atheris  # type: ignore[import-untyped]
except ImportError:  # --check works without atheris
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["policyparse"]):
        import policyparse
        from policyparse._decode import decode
else:
    import policyparse
    from policyparse._decode import decode

PolicyParseError = policyparse.PolicyParseError

# The recipe vocabulary: numbering markers, frame lines, text fragments, layout.
PIECES: tuple[str, ...] = (
    # markers
    "一、", "二、", "十、", "十一、", "（一）", "（二）", "(三)", "（十）", "1.", "2．", "3、", "12.",
    "（1）", "(2)", "①", "②", "⑳", "㉑", "第一编", "第一分编", "第一部分", "第一章", "第二章",
    "第一节", "第一条", "第二条", "第十条", "第三条之一", "第1条", "序言", "附则", "附　　则",
    "1", "1.1", "1.2.1", "1.1.1.1", "Ⅰ、", "一）", "1)", "十十、", "**第十条**", "**",
    # frame lines
    "国发〔2019〕3号", "第15号", "国务院", "民政部", "2019年1月12日", "二〇〇五年六月十一日",
    "（此件公开发布）", "（2019年1月1日通过）", "各省、自治区、直辖市人民政府：", "附件", "附件1",
    "附件2：操作规程", "附件：1.名词解释", "2.流程图", "目录", "目　　录", "# 标题", "## 第一章 总则",
    "<!-- INFO END -->", "---", "> 注", "标题: 甲", "https://www.gov.cn/a.pdf", "（上接第一版）",
    "— 3 —", "（新华社北京8月25日电）", "责编：张三", "本报记者 王五 摄", "抄送：国务院办公厅。",
    # text
    "总体要求", "丰富交易产品。", "稳健推进。", "为了规范行政复议工作，制定本法。", "有下列情形之一的：",
    "（三）对许可证的决定不服的；", "2025 年", "1.5万元", "三、四月份", "第十条规定的", "应当",
    "本法自2024年1月1日起施行。", "a", "and",
    # layout
    " ", "\u3000", "\u3000\u3000", "\t", "\u00a0", "\u200b", "\ufeff", "\n", "\n", "\n", "\r\n", "\r",
    "\n\n", "。", "，", "；", "：",
)


# A recipe reads at most this many bytes: large seed files (whole laws) would otherwise become
# texts of megabytes and slow every run down; as files they are still parsed whole.
RECIPE_BYTES = 2048


def recipe(data: bytes) -> str:
    """The text a byte string stands for, one piece per byte."""
    return "".join(PIECES[byte % len(PIECES)] for byte in data[:RECIPE_BYTES])


def check(text: str) -> None:
    """Every promise for one text; raises on a broken one."""
    document = policyparse.parse(text)
    if policyparse.to_text(document) != text:
        raise AssertionError("to_text is not the input")
    serialized = policyparse.to_json(document)
    loaded = policyparse.from_json(serialized)
    if loaded != document or policyparse.to_text(loaded) != text:
        raise AssertionError("the JSON does not round-trip")
    policyparse.to_markdown(document)
    with contextlib.suppress(PolicyParseError):
        policyparse.parse(text, strict=True)


def test_one_input(data: bytes) -> None:
    """The fuzz target: the bytes as a file, then as a recipe."""
    try:
        text, _ = decode(data)
    except PolicyParseError:
        pass  # binary or undecodable: refused, as promised
    else:
        check(text)
    check(recipe(data))


def main(argv: Sequence[str]) -> None:
    if len(argv) > 1 and argv[1] == "--check":
        for name in argv[2:]:
            for path in sorted(Path(name).rglob("*")) if Path(name).is_dir() else [Path(name)]:
                if path.is_file():
                    test_one_input(path.read_bytes())
                    print(f"ok {path}")
        return
    if atheris is None:
        raise SystemExit("atheris is not installed: .venv/bin/pip install atheris (or use --check FILE...)")
    atheris.Setup(list(argv), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
