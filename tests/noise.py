"""Layout noise, as PDF and web extractions add it: hard wraps, page furniture, line endings."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable

# Marks a Chinese typesetter keeps off a line's start (kinsoku shori).
NO_LINE_START = "。，、；：？！）」』”’》〕】…"


def hard_wrap(text: str, width: int = 30) -> str:
    """Every line longer than ``width`` cut into lines of ``width`` characters."""
    lines = []
    for line in text.split("\n"):
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    return "\n".join(lines)


def jittered_wrap(text: str, narrowest: int = 29, widest: int = 31, seed: int = 0) -> str:
    """Lines cut at a width that varies between ``narrowest`` and ``widest`` characters, as a
    typesetter that squeezes punctuation fits one or two more on some lines."""
    chooser = random.Random(seed)
    lines = []
    for line in text.split("\n"):
        while len(line) > widest:
            width = chooser.randint(narrowest, widest)
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    return "\n".join(lines)


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def kinsoku_wrap(text: str, columns: int = 60) -> str:
    """Lines cut at a display width (a Chinese character is two columns, ASCII one), never
    before a closing mark: the character before it moves down with it, as a typesetter does."""
    lines = []
    for line in text.split("\n"):
        current, used = "", 0
        for char in line:
            if used + _columns(char) > columns:
                if char in NO_LINE_START and len(current) > 1:
                    lines.append(current[:-1])
                    current = current[-1]
                else:
                    lines.append(current)
                    current = ""
                used = sum(_columns(c) for c in current)
            current += char
            used += _columns(char)
        lines.append(current)
    return "\n".join(lines)


def indented_wrap(text: str, width: int = 30) -> str:
    """Each paragraph opened with a two-character indent (「　　」), then hard-wrapped."""
    return hard_wrap("\n".join("\u3000\u3000" + line if line.strip() else line for line in text.split("\n")), width)


def _between_pages(text: str, every: int, furniture: Callable[[int], list[str]]) -> str:
    """``furniture(page)`` inserted between every ``every`` lines, pages counted from 1."""
    lines = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and index % every == 0:
            out.extend(furniture(index // every))
        out.append(line)
    return "\n".join(out)


def page_furniture(text: str, every: int = 40) -> str:
    """A page number and a running header between every ``every`` lines."""
    return _between_pages(text, every, lambda page: [f"— {page} —", "中华人民共和国国务院公报"])


def bare_page_numbers(text: str, every: int = 40) -> str:
    """A bare page number (「3」) alone on a line between every ``every`` lines."""
    return _between_pages(text, every, lambda page: [str(page)])


def running_footer(text: str, every: int = 40) -> str:
    """A running footer with the page number in it (「国务院公报　第3页」) between every ``every`` lines."""
    return _between_pages(text, every, lambda page: [f"国务院公报\u3000第{page}页"])


def web_print_pages(text: str, every: int = 40, width: int = 30) -> str:
    """A printed web page: the site's name above the text and atop each page, a bare page number
    at each page's end, a form feed between pages, lines wrapped."""
    lines = hard_wrap(text, width).split("\n")
    out = ["中国政府网", ""]
    for index, line in enumerate(lines):
        if index and index % every == 0:
            out.extend(["", str(index // every), "\f中国政府网", ""])
        out.append(line)
    return "\n".join(out)


def browser_print(text: str, every: int = 40, width: int = 30) -> str:
    """A web page printed from a browser, then extracted: the print date and the page's title
    atop each page, its address and 「N/M」 at each page's foot, lines wrapped."""
    lines = hard_wrap(text, width).split("\n")
    pages = len(lines) // every + 1
    header = "2024/3/5 10:23\u3000国务院关于印发有关办法的通知_政策_中国政府网"
    address = "https://www.gov.cn/zhengce/content/2019-01/29/content_5362073.htm"
    out = [header]
    for index, line in enumerate(lines):
        if index and index % every == 0:
            out.extend([f"{address}\u3000{index // every}/{pages}", "\f" + header])
        out.append(line)
    out.append(f"{address}\u3000{pages}/{pages}")
    return "\n".join(out)


def pdf_pages(text: str, every: int = 40, width: int = 30) -> str:
    """What pdftotext gives: wrapped lines; at each page end a blank line, 「第 N 页 共 M 页」, a
    form feed and the next page's running header."""
    lines = hard_wrap(text, width).split("\n")
    pages = len(lines) // every + 1
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and index % every == 0:
            out.extend(["", f"第 {index // every} 页 共 {pages} 页", "\f上海市人民政府公报"])
        out.append(line)
    return "\n".join(out)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def blank_lines(text: str) -> str:
    return text.replace("\n", "\n\n")


def trailing_spaces(text: str) -> str:
    return "\n".join(line + "  " for line in text.split("\n"))
