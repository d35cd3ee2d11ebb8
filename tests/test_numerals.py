"""Tests for policyparse.numerals: chinese_to_int and label_number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policyparse import numerals
from policyparse.numerals import chinese_to_int, label_number

_DIGIT_CHARS = "零一二三四五六七八九"


def format_chinese(n: int) -> str:
    """Return the standard Chinese numeral for 1 <= n <= 9999.

    十一 (not 一十一) for 10–19, 一百一十 for 110, one 零 for each internal gap of zeros
    (一百零五, 一千零五, 一千零五十), no trailing 零 (一千, 一千一百).
    """
    if not 1 <= n <= 9999:
        raise ValueError(n)
    if 10 <= n <= 19:
        return "十" + (_DIGIT_CHARS[n - 10] if n > 10 else "")
    parts: list[str] = []
    pending_zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit_value % 10
        if digit == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_DIGIT_CHARS[digit] + unit)
    return "".join(parts)


def test_formatter_sanity() -> None:
    assert format_chinese(1) == "一"
    assert format_chinese(10) == "十"
    assert format_chinese(11) == "十一"
    assert format_chinese(20) == "二十"
    assert format_chinese(105) == "一百零五"
    assert format_chinese(110) == "一百一十"
    assert format_chinese(1000) == "一千"
    assert format_chinese(1005) == "一千零五"
    assert format_chinese(1050) == "一千零五十"
    assert format_chinese(1100) == "一千一百"
    assert format_chinese(1260) == "一千二百六十"
    assert format_chinese(9999) == "九千九百九十九"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5),
        ("六", 6), ("七", 7), ("八", 8), ("九", 9),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十一", 21),
        ("一百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("九百九十九", 999),
        ("一千二百六十", 1260),  # the Civil Code's last article
        ("一千零五", 1005),
        ("一千零五十", 1050),
        ("九千九百九十九", 9999),
        ("〇", 0),
        ("零", 0),
        ("○", 0),  # U+25CB WHITE CIRCLE, common in typed years
        ("两", 2),
        ("两百", 200),
        ("两千", 2000),
        # digit-by-digit years
        ("二〇〇五", 2005),
        ("一九九七", 1997),
        ("二○○四", 2004),
        ("二零一九", 2019),
    ],
)
def test_chinese_to_int(numeral: str, value: int) -> None:
    assert chinese_to_int(numeral) == value


def test_chinese_to_int_round_trip_1_to_9999() -> None:
    wrong = {}
    for n in range(1, 10_000):
        numeral = format_chinese(n)
        got = chinese_to_int(numeral)
        if got != n:
            wrong[numeral] = got
    assert wrong == {}


@pytest.mark.parametrize(
    "numeral",
    [
        "",
        "abc",
        "十十",  # a unit repeated
        "十百",  # units out of order (smaller before larger)
        "一十百",
        "千千",
        "一二十",  # two digits before a unit
        "一百二三",  # two digits in a row after a unit
        "万",  # ten thousand and above is out of range
        "一万",
        "1",  # ASCII digits are label_number's business
        "一 二",
        "第一",
    ],
)
def test_chinese_to_int_rejects(numeral: str) -> None:
    with pytest.raises(ValueError):
        chinese_to_int(numeral)


@pytest.mark.parametrize("numeral", ["百十", "百", "千二百"])
def test_chinese_to_int_rejects_unit_without_leading_digit(numeral: str) -> None:
    # Only 十 may stand without a leading digit (十一); 百十 is not a numeral.
    with pytest.raises(ValueError):
        chinese_to_int(numeral)


@pytest.mark.parametrize("numeral", ["五零十", "一百五零", "一零十"])
def test_chinese_to_int_does_not_drop_a_digit_before_zero(numeral: str) -> None:
    # A digit must be followed by its unit; 「五零十」 is not 10 (nor is 「一百五零」 100).
    with pytest.raises(ValueError):
        chinese_to_int(numeral)


@pytest.mark.parametrize(
    ("label", "value"),
    [
        # Chinese numerals go through chinese_to_int
        ("四", 4),
        ("十一", 11),
        ("一千二百六十", 1260),
        # ASCII and full-width digits
        ("1", 1),
        ("12", 12),
        ("１２", 12),
        ("１", 1),
        ("1２", 12),
        ("0", 0),
        ("007", 7),
        # circled numbers: three Unicode blocks
        ("①", 1),
        ("③", 3),
        ("⑩", 10),
        ("⑳", 20),
        ("㉑", 21),
        ("㉟", 35),
        ("㊱", 36),
        ("㊿", 50),
    ],
)
def test_label_number(label: str, value: int) -> None:
    assert label_number(label) == value


def test_label_number_every_circled_number() -> None:
    circled = (
        [chr(c) for c in range(0x2460, 0x2474)]
        + [chr(c) for c in range(0x3251, 0x3260)]
        + [chr(c) for c in range(0x32B1, 0x32C0)]
    )
    assert [label_number(c) for c in circled] == list(range(1, 51))


@pytest.mark.parametrize(
    "label",
    [
        "",
        "abc",
        "⑴",  # U+2474 parenthesized one: not a circled number
        "⒈",  # U+2488 digit one full stop
        "\u245f",  # just below ①
        "\u3250",  # just below ㉑ (PARTNERSHIP SIGN)
        "\u32c0",  # just after ㊿
        "①②",
        "1.2",
        "١٢",  # Arabic-Indic digits: not ASCII nor full-width
        "²",
        "12a",
        "十十",
    ],
)
def test_label_number_rejects(label: str) -> None:
    with pytest.raises(ValueError):
        label_number(label)


# -- the alphabets agree with the grammar ---------------------------------------------------------

_GRAMMAR = (Path(__file__).resolve().parents[1] / "grammars" / "policyparse.lark").read_text(encoding="utf-8")


def _terminal(name: str) -> str:
    found = re.search(rf"^{name}: /(.*)/$", _GRAMMAR, re.MULTILINE)
    assert found, name
    return found.group(1)


def _expand(class_body: str) -> frozenset[str]:
    """The characters of a regex character class's contents (ranges such as 0-9 expanded)."""
    chars: set[str] = set()
    for first, last, single in re.findall(r"(.)-(.)|(.)", class_body):
        if single:
            chars.add(single)
        else:
            chars.update(chr(code) for code in range(ord(first), ord(last) + 1))
    return frozenset(chars)


@pytest.mark.parametrize("name", ["BOOK", "SUBBOOK", "PART", "CHAPTER", "SECTION", "ARTICLE"])
def test_the_ordinal_alphabet_is_the_grammars(name: str) -> None:
    after_di = re.match(r"第\[([^\]]+)\]", _terminal(name))
    assert after_di and _expand(after_di.group(1)) == _expand(numerals.ORDINAL_NUMERAL + numerals.DIGITS)


def test_the_heading_alphabet_is_the_grammars() -> None:
    h1 = re.match(r"\[([^\]]+)\]\+、\(\?!\[([^\]]+)\]", _terminal("H1"))
    h2 = re.match(r"\[（\(\]\[([^\]]+)\]", _terminal("H2"))
    assert h1 and h2
    assert _expand(h1.group(1)) == _expand(h2.group(1)) == _expand(numerals.HEADING_NUMERAL)
    assert _expand(h1.group(2)) == _expand(numerals.SMALL_NUMERAL)  # 「三、四月」


def test_the_small_alphabet_is_the_grammars() -> None:
    inserted = re.search(r"之\[([^\]]+)\]", _terminal("ARTICLE"))
    unknown = re.search(r"\|\[([^\]0-9]+)\]\+\[）\)\]", _terminal("UNKNOWN"))
    assert inserted and unknown
    assert _expand(inserted.group(1)) == _expand(unknown.group(1)) == _expand(numerals.SMALL_NUMERAL)


@pytest.mark.parametrize("name", ["H3", "H4", "OUTLINE1", "OUTLINE2"])
def test_the_digit_alphabet_is_the_grammars(name: str) -> None:
    classes = re.findall(r"\[([^\]]*0-9[^\]]*)\]", _terminal(name))
    assert classes and all(_expand(body) == _expand(numerals.DIGITS) for body in classes[:1])


def test_every_letter_of_the_alphabets_has_a_value() -> None:
    values = {char: chinese_to_int(char if char not in "十百千" else "一" + char) for char in numerals.ORDINAL_NUMERAL}
    assert values == {
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "十": 10, "百": 100, "千": 1000, "〇": 0, "○": 0, "零": 0, "两": 2,
    }
