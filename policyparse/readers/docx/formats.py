"""Reader stage (Word): one counter value written in a numbering format (``w:numFmt``), as Word writes it.

Each format below writes the value as Word shows it; outside the range a format covers, the
value is written in decimal (as Word and Microsoft's own reimplementation in Open XML
PowerTools do). Formats not listed here (Korean, Hebrew, Arabic, Thai, Hindi, kana …) are
unknown: :func:`format_number` returns None and the caller writes decimal and adds a remark.

Chinese formats follow Microsoft's reimplementation of Word's list numbering, Open XML
PowerTools' ``ListItemTextGetter_zh_CN.cs``:

- ``chineseCounting``: 一 … 九, 十, 十一 … 十九, 二十, 二十一 … 九十九; from 100 to 9999 digit by
  digit, with U+25CB ``○`` (WHITE CIRCLE) as the zero: 100 → 一○○, 101 → 一○一, 110 → 一一○.
- ``chineseCountingThousand``: 十, 十一 … 十九 (no 一 before a leading 十), 二十 … 九十九; 一百,
  一百〇一, 一百一十, 一千, 一千〇一, 一千〇一十 (1010), 一千一百 … up to 9999, with U+3007 ``〇``
  (IDEOGRAPHIC NUMBER ZERO) standing for the skipped places.
- ``taiwaneseCounting`` and ``taiwaneseCountingThousand``: written as the two above (their
  characters are the same up to 9999; an assumption, not checked against Word).
- ``chineseLegalSimplified``: 壹 贰 叁 肆 伍 陆 柒 捌 玖, 壹拾 (the 壹 is kept before every unit),
  壹拾壹, 贰拾, 壹佰, 壹佰零壹, 壹佰壹拾, 壹仟, 壹仟零壹 … 9999; ``ideographLegalTraditional`` the
  same with 壹 貳 參 肆 伍 陸 柒 捌 玖 拾 佰 仟 零.
- ``ideographDigital`` and ``taiwaneseDigital``: digit by digit with ``〇``: 〇一二 …, 10 → 一〇.
- ``ideographTraditional``: the ten heavenly stems 甲 乙 丙 丁 戊 己 庚 辛 壬 癸 (1-10);
  ``ideographZodiac``: the twelve earthly branches 子 丑 寅 卯 辰 巳 午 未 申 酉 戌 亥 (1-12);
  ``ideographZodiacTraditional``: the sixty stem-branch pairs 甲子 乙丑 … 癸亥, repeating.
- ``ideographEnclosedCircle``: ㈠ … ㈩ (U+3220-U+3229, the glyphs Chinese Word offers), 1-10.
- ``japaneseCounting``: 一 … 九, 十, 十一, 二十, 百, 百一, 千, 二千二十五 (no 一 before 十, 百, 千;
  no zeros), up to 9999.

Western and enclosed formats:

- ``decimal``, ``decimalHalfWidth``: 1, 2, 3 (0 and negative values too); ``decimalZero``:
  01 … 09, then 10, 11; ``decimalFullWidth``, ``decimalFullWidth2``: full-width digits １２３.
- ``decimalEnclosedCircle``, ``decimalEnclosedCircleChinese``: ① … ⑳ (U+2460-U+2473); above
  20 Word falls back to plain decimal (21, 22 …), and so does this reader.
  ``decimalEnclosedParen``: ⑴ … ⒇ (U+2474-U+2487); ``decimalEnclosedFullstop``: ⒈ … ⒛
  (U+2488-U+249B); both decimal above 20.
- ``upperLetter``, ``lowerLetter``: A … Z, then AA, BB … ZZ, AAA … (Word repeats the letter,
  it does not count like spreadsheet columns), cycling after 780 as Word does.
- ``upperRoman``, ``lowerRoman``: I … MMMCMXCIX, and up to 10999 with repeated M (as Open XML
  PowerTools); decimal above.
- ``ordinal`` 1st 2nd 3rd 4th 11th; ``cardinalText`` One, Twenty-one; ``ordinalText`` First,
  Twenty-first (1-9999); ``hex`` 1 … F, 10; ``chicago`` * † ‡ §, then ** †† … (up to 160).
- ``custom`` (Word 2010's ``w:numFmt w:val="custom" w:format="001, 002, 003, ..."``): the
  zero-padded decimal patterns; any other custom format is unknown.

``bullet`` and ``none`` are not counters: the numbering stage writes a bullet level's
``lvlText`` as it stands and a ``none`` level as nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from policyparse.numerals import HAN_DIGITS

__all__ = ["format_number", "is_known"]

_CN = "○" + HAN_DIGITS  # chineseCounting's digits, zero included (U+25CB)
_CNT = "〇" + HAN_DIGITS  # ideographDigital's digits and the 〇 (U+3007) of chineseCountingThousand
_AND = "〇"
_LEGAL_SIMPLIFIED = ("零壹贰叁肆伍陆柒捌玖", "拾佰仟")
_LEGAL_TRADITIONAL = ("零壹貳參肆伍陸柒捌玖", "拾佰仟")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_ONES = (
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_CUSTOM_ZERO_PADDED = re.compile(r"(0*)1, \1(?:2), \1(?:3), \.\.\.")


def _decimal(value: int) -> str:
    return str(value)


def _decimal_zero(value: int) -> str:
    return f"0{value}" if 0 <= value <= 9 else str(value)


def _full_width(value: int) -> str:
    return str(value).translate(_FULL_WIDTH)


def _enclosed(first: int) -> Callable[[int], str]:
    """A format drawing 1-20 as one enclosed glyph from ``first`` on, decimal elsewhere."""

    def write(value: int) -> str:
        return chr(first + value - 1) if 1 <= value <= 20 else str(value)

    return write


def _letters(base: str) -> Callable[[int], str]:
    """A, B … Z, AA, BB …: Word repeats the letter; its sequence starts over after 780."""

    def write(value: int) -> str:
        if value < 1:
            return str(value)
        value = (value - 1) % 780
        return base[value % 26] * (value // 26 + 1)

    return write


def _roman(value: int) -> str:
    if not 1 <= value <= 10999:
        return str(value)
    parts = ["M" * (value // 1000)]
    value %= 1000
    for amount, letters in _ROMAN[1:]:
        count, value = divmod(value, amount)
        parts.append(letters * count)
    return "".join(parts)


def _lower_roman(value: int) -> str:
    return _roman(value).lower()


def _ordinal(value: int) -> str:
    suffix = "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _words(value: int) -> str:
    """1-9999 in English words, lower case: ``two thousand twenty-five``."""
    parts = []
    thousands, rest = divmod(value, 1000)
    if thousands:
        parts.append(f"{_ONES[thousands]} thousand")
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        parts.append(f"{_ONES[hundreds]} hundred")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        parts.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest:
        parts.append(_ONES[rest])
    return " ".join(parts)


def _cardinal_text(value: int) -> str:
    if not 1 <= value <= 9999:
        return str(value)
    return _words(value).capitalize()


def _ordinal_text(value: int) -> str:
    if not 1 <= value <= 9999:
        return str(value)
    words = _words(value)
    head, separator, last = max(words.rpartition(" "), words.rpartition("-"), key=lambda split: len(split[0]))
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return (head + separator + last).capitalize()


def _hex(value: int) -> str:
    return format(value, "X") if value >= 0 else str(value)


def _chicago(value: int) -> str:
    # The symbols repeat one more time every four items; past 40 repeats (a hostile w:start)
    # the value is written in decimal rather than as a string the size of the number.
    if not 1 <= value <= 160:
        return str(value)
    return "*†‡§"[(value - 1) % 4] * ((value - 1) // 4 + 1)


def _chinese_counting(value: int) -> str:
    """Open XML PowerTools' chineseCounting: 十-grouped to 99, then digit by digit with ○."""
    if 1 <= value <= 9:
        return _CN[value]
    if 10 <= value <= 19:
        return "十" + (_CN[value - 10] if value > 10 else "")
    if 20 <= value <= 99:
        tens, ones = divmod(value, 10)
        return _CN[tens] + "十" + (_CN[ones] if ones else "")
    if 100 <= value <= 9999:
        return "".join(_CN[int(digit)] for digit in str(value))
    return str(value)


def _ctd(digit: int) -> str:
    """chineseCountingThousand's digit: nothing for 0 (the reference's empty first entry)."""
    return _CNT[digit] if digit else ""


def _chinese_counting_thousand(value: int) -> str:
    """Open XML PowerTools' chineseCountingThousand, branch by branch (〇 for skipped places)."""
    thousands, rest = divmod(value, 1000)
    hundreds, tens_ones = divmod(rest, 100)
    tens, ones = divmod(tens_ones, 10)
    if 1 <= value <= 9:
        return _ctd(value)
    if 10 <= value <= 19:
        return "十" + _ctd(ones)
    if 20 <= value <= 99:
        return _ctd(tens) + "十" + _ctd(ones)
    if 100 <= value <= 999:
        head = _ctd(hundreds) + "百"
        if tens_ones == 0:
            return head
        if tens_ones <= 9:
            return head + _AND + _ctd(ones)
        return head + _ctd(tens) + "十" + _ctd(ones)
    if 1000 <= value <= 9999:
        head = _ctd(thousands) + "千"
        if rest == 0:
            return head
        if rest <= 9:
            return head + _AND + _ctd(rest)
        if rest <= 99:
            return head + _AND + _ctd(tens) + "十" + _ctd(ones)
        head += _ctd(hundreds) + "百"
        if tens_ones == 0:
            return head
        if tens_ones <= 9:
            return head + _AND + _ctd(ones)
        return head + _ctd(tens) + "十" + _ctd(ones)
    return str(value)


def _legal(digits: str, units: str) -> Callable[[int], str]:
    """The legal (financial) numerals: every place written with its digit, 零 for skipped places."""

    def write(value: int) -> str:
        if not 1 <= value <= 9999:
            return str(value)
        places = [int(digit) for digit in str(value)]
        out = []
        skipped = False
        for position, digit in enumerate(places):
            place = len(places) - 1 - position
            if digit == 0:
                skipped = True
                continue
            if skipped:
                out.append(digits[0])
                skipped = False
            out.append(digits[digit] + (units[place - 1] if place else ""))
        return "".join(out)

    return write


def _digital(value: int) -> str:
    if value < 0:
        return str(value)
    return "".join(_CNT[int(digit)] for digit in str(value))


def _cycle(glyphs: str) -> Callable[[int], str]:
    """A finite glyph sequence (甲 … 癸, 子 … 亥), decimal past its end."""

    def write(value: int) -> str:
        return glyphs[value - 1] if 1 <= value <= len(glyphs) else str(value)

    return write


def _sexagenary(value: int) -> str:
    if value < 1:
        return str(value)
    return _STEMS[(value - 1) % 10] + _BRANCHES[(value - 1) % 12]


def _japanese_counting(value: int) -> str:
    if not 1 <= value <= 9999:
        return str(value)
    out = []
    for position, digit in enumerate(int(d) for d in str(value)):
        place = len(str(value)) - 1 - position
        if digit == 0:
            continue
        if place == 0:
            out.append(_CNT[digit])
        else:
            out.append(("" if digit == 1 else _CNT[digit]) + "十百千"[place - 1])
    return "".join(out)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": _decimal,
    "decimalHalfWidth": _decimal,
    "decimalZero": _decimal_zero,
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _enclosed(0x2460),
    "decimalEnclosedCircleChinese": _enclosed(0x2460),
    "decimalEnclosedParen": _enclosed(0x2474),
    "decimalEnclosedFullstop": _enclosed(0x2488),
    "upperLetter": _letters("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": _letters("abcdefghijklmnopqrstuvwxyz"),
    "upperRoman": _roman,
    "lowerRoman": _lower_roman,
    "ordinal": _ordinal,
    "cardinalText": _cardinal_text,
    "ordinalText": _ordinal_text,
    "hex": _hex,
    "chicago": _chicago,
    "chineseCounting": _chinese_counting,
    "taiwaneseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting_thousand,
    "taiwaneseCountingThousand": _chinese_counting_thousand,
    "chineseLegalSimplified": _legal(*_LEGAL_SIMPLIFIED),
    "ideographLegalTraditional": _legal(*_LEGAL_TRADITIONAL),
    "ideographDigital": _digital,
    "taiwaneseDigital": _digital,
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "ideographZodiacTraditional": _sexagenary,
    "ideographEnclosedCircle": _cycle("".join(chr(0x3220 + i) for i in range(10))),
    "japaneseCounting": _japanese_counting,
}


def _custom(custom: str | None) -> Callable[[int], str] | None:
    """Word 2010's custom format: only the zero-padded decimals (``001, 002, 003, ...``) are known."""
    match = _CUSTOM_ZERO_PADDED.fullmatch((custom or "").strip())
    if match is None:
        return None
    width = len(match.group(1)) + 1
    return lambda value: str(value).zfill(width) if value >= 0 else str(value)


def is_known(num_fmt: str, custom: str | None = None) -> bool:
    """Whether :func:`format_number` can write this format (``bullet`` and ``none`` aside)."""
    if num_fmt == "custom":
        return _custom(custom) is not None
    return num_fmt in _FORMATS


def format_number(value: int, num_fmt: str, custom: str | None = None) -> str | None:
    """Write one counter value as Word writes it in this numbering format.

    Args:
        value: the level's current counter value.
        num_fmt: the ``w:numFmt`` value (``chineseCounting``, ``decimal`` …).
        custom: the ``w:format`` attribute of a ``custom`` format (Word 2010 and later).

    Returns:
        The value written out, or None if the format is unknown to this reader.
    """
    write = _custom(custom) if num_fmt == "custom" else _FORMATS.get(num_fmt)
    if write is None:
        return None
    return write(value)
