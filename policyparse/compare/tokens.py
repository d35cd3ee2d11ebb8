"""Diff stage: split text into redline tokens that keep numbers, amounts and deadlines whole.

A token is a cross-reference (第十二条, 第三条之一), a number with its unit (十五日,
三十个工作日, 1万元, 百分之三十, 2024年), a run of Latin letters, or one other character.
Whitespace rides on the token before it, so that line wrapping never splits a token. Each
token has a key (its folded text) for aligning and its raw text for output.
"""

from __future__ import annotations

import functools
import re

from policyparse.compare.fold import fold
from policyparse.numerals import DIGITS, ORDINAL_NUMERAL

__all__ = ["Token", "tokenize"]

Token = tuple[str, str]
"""``(key, raw)``: the folded text used for alignment, and the text as written (with any
whitespace that follows it)."""

_CN = ORDINAL_NUMERAL + "万亿"  # amounts too: 一百万元
_UNIT = (
    "个工作日|个自然日|个月|工作日|自然日|周岁|小时|分钟|日|天|周|月|年|岁|元|角|分|倍|%|％"
    "|次|个|名|人|户|家|件|亩|公顷|公里|千米|米|吨|千克|公斤|克|平方米|立方米"
)
_TOKEN = re.compile(
    rf"""
    第[{_CN}{DIGITS}]+[条款项目章节编](?:之[{_CN}]+)?          # a reference
    | (?:百分之|千分之)?                                        # a number with its unit
      (?:[{DIGITS}]+(?:[.．][{DIGITS}]+)?[万亿]?|[{_CN}]+)
      (?:{_UNIT})?
    | [A-Za-zＡ-Ｚａ-ｚ]+                                        # Latin letters
    | \S                                                        # anything else
    """,
    re.VERBOSE,
)
_SPACE = re.compile(r"\s*")


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text``; their raw parts concatenate to ``text``.

    Leading whitespace becomes a token of its own with an empty key.

    Args:
        text: the text of a section.

    Returns:
        ``(key, raw)`` pairs in order.
    """
    tokens: list[Token] = []
    position = 0
    lead = _SPACE.match(text, 0)
    if lead is not None and lead.end():
        tokens.append(("", lead.group()))
        position = lead.end()
    length = len(text)
    while position < length:
        found = _TOKEN.match(text, position)
        if found is None:  # pragma: no cover - \S matches whatever is not whitespace
            break
        space = _SPACE.match(text, found.end())
        end = space.end() if space is not None else found.end()
        tokens.append((_key(found.group()), text[position:end]))
        position = end
    return tokens


@functools.lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    return fold(token)
