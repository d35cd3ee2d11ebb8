"""Numerals stage: the integer value of a numbering label (一百零五, 十一, 二〇〇五, ①, 1.2.1)."""

from __future__ import annotations

import functools

import regex

__all__ = [
    "DIGITS",
    "HAN_DIGITS",
    "HAN_ZEROS",
    "HEADING_NUMERAL",
    "ORDINAL_NUMERAL",
    "SMALL_NUMERAL",
    "chinese_to_int",
    "int_to_chinese",
    "label_number",
    "label_value",
]

# The numeral alphabets of labels, as regex character-class contents. The grammar spells the
# same sets in its terminals (grammars/policyparse.lark); tests/test_numerals.py proves they agree.
HAN_DIGITS = "一二三四五六七八九"
HAN_ZEROS = "〇○零"  # ○ (U+25CB) stands for 〇 in many texts: 二○○四年
DIGITS = "0-9０-９"  # ASCII and full-width
SMALL_NUMERAL = HAN_DIGITS + "十"  # no zero, no hundreds: 之一, a 「一）」, 「三、四月」
HEADING_NUMERAL = SMALL_NUMERAL + "百" + HAN_ZEROS  # 一、 and （一）
ORDINAL_NUMERAL = HEADING_NUMERAL + "千两"  # 第X编/章/节/条 (第一千二百六十条, 第两…)

_DIGITS = {
    "〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CIRCLED_RANGES = ((0x2460, 1), (0x3251, 21), (0x32B1, 36))
_CIRCLED_SIZES = (20, 15, 15)
# No label numbers past 99,999 (第一千二百六十条 is the largest in the Civil Code); a longer run
# of digits is not a label.
_MAX_DIGITS = 5
_MAX_NUMERAL = 12
_NUMERAL = regex.compile(rf"[{ORDINAL_NUMERAL}{DIGITS}\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]+")


def chinese_to_int(numeral: str) -> int:
    """Return the value of a Chinese numeral below ten thousand.

    Accepts positional forms (一百零五, 十一, 二十, 九千九百九十九, with 零/〇 gaps) and the
    digit-by-digit form of years (二〇〇五, 一九九七).

    Args:
        numeral: the numeral, without 第/条 or brackets.

    Returns:
        Its integer value.

    Raises:
        ValueError: if ``numeral`` is empty or not a Chinese numeral.
    """
    if not numeral:
        raise ValueError("empty numeral")
    if any(ch not in _DIGITS and ch not in _UNITS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if not any(ch in _UNITS for ch in numeral):
        if len(numeral) == 1:
            return _DIGITS[numeral]
        # 二〇〇五: one digit per position, as years are written.
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in numeral:
        if ch in _DIGITS:
            value = _DIGITS[ch]
            if digit is not None:
                raise ValueError(f"two digits in a row: {numeral!r}")
            if value:
                digit = value
            elif last_unit == 10_000:
                raise ValueError(f"零 before any unit: {numeral!r}")
            continue
        unit = _UNITS[ch]
        if unit >= last_unit:
            raise ValueError(f"units out of order: {numeral!r}")
        if digit is None:
            # Only a leading 十 stands without its digit (十一 = 11); 百, 千 need one.
            if unit != 10 or total:
                raise ValueError(f"no digit before {ch}: {numeral!r}")
            digit = 1
        total += digit * unit
        digit = None
        last_unit = unit
    return total + (digit or 0)


def label_number(label_digits: str) -> int:
    """Return the value of the numeral inside a label: Chinese, ASCII/full-width or circled.

    Args:
        label_digits: the numeral part of a label (四, 十一, 12, １２, ③).

    Returns:
        Its integer value.

    Raises:
        ValueError: if it is none of these forms.
    """
    ascii_digits = label_digits.translate(_FULLWIDTH_DIGITS)
    if ascii_digits.isascii() and ascii_digits.isdigit():
        if len(ascii_digits) > _MAX_DIGITS:
            raise ValueError(f"too many digits for a label: {len(ascii_digits)}")
        return int(ascii_digits)
    if len(label_digits) > _MAX_NUMERAL:
        raise ValueError(f"too long for a Chinese numeral: {len(label_digits)} characters")
    if len(label_digits) == 1:
        code = ord(label_digits)
        for (first, value), size in zip(_CIRCLED_RANGES, _CIRCLED_SIZES, strict=True):
            if first <= code < first + size:
                return value + code - first
    return chinese_to_int(label_digits)


@functools.lru_cache(maxsize=4096)
def label_value(label: str) -> int:
    """Return the number a whole label stands for.

    「（十一）」 → 11, 「第三条之一」 → 3 (the base article), 「1.2.1」 → 1 (the last component).

    Raises:
        ValueError: if the label holds no valid numeral (「十十、」).
    """
    numerals = _NUMERAL.findall(label)
    if not numerals:
        raise ValueError(f"no numeral in {label!r}")
    return label_number(numerals[0] if label.startswith("第") else numerals[-1])


@functools.lru_cache(maxsize=1024)
def int_to_chinese(number: int) -> str:
    """Write 1–9999 as a Chinese numeral the way labels do: 十一, 二十, 一百零五, 一千二百六十.

    Raises:
        ValueError: outside 1–9999.
    """
    if not 1 <= number <= 9999:
        raise ValueError(f"out of range: {number}")
    digits = "〇" + HAN_DIGITS
    parts: list[str] = []
    pending_zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(digits[digit] + unit)
    written = "".join(parts)
    return written[1:] if 10 <= number <= 19 else written
