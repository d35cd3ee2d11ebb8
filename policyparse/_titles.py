"""Model stage: split the text after a heading's label into title and body.

The rules, read off the corpus (see docs/numbering.md, "Titles"):

* 编/章/节 headings: everything after the label is the title (「第一章　总　　则」).
* Statute articles and items: a title only when the rest of the line is a short phrase
  without punctuation other than 、 and text follows below it (「第一条　目的」); never
  「第一条 为了…制定本法。」, nor 「（一）警告」 standing alone.
* Official-document headings (一、 （一） 1. （1） ① and decimal outlines):
  - a short rest with no sentence punctuation is the title (「四、着力提升碳市场活力」);
  - a short first sentence ending in 。 is the title when more follows, either on the
    same line (「（六）丰富交易产品。稳健推进…」) or as body lines or subsections
    (「（一）统筹建设监管工作平台。」 alone, the text below it);
  - anything else is body: a long first sentence, a clause ending in ；or ：
    (「1.未依照章程开展业务活动的；」), a one-sentence item followed directly by its
    next sibling (「2.有规范的名称。」 in a list of conditions), or a sentence that leads
    into a list (「（二）符合下列要求的社会团体予以保留。」, 「6.4.2　有下列行为之一的，…处理。」),
    or a provision with a modal verb (「四、不少于一百名的选举委员可联合提名行政长官候选人。…」).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

# The longest title seen in the corpus's inline headings is 22 characters
# (「建立粮食应急储运网络，做好应急粮食的调运准备」); list items that are whole sentences
# run longer.
MAX_INLINE_TITLE = 24
# Headings that stand alone on their line (「一、清理整顿工作的方法、步骤」) may run longer.
MAX_STANDALONE_TITLE = 40
# A statute article's title is a short label-like phrase (「第一条　目的」).
MAX_ARTICLE_TITLE = 16

_SENTENCE_END = "。！？!?"
_CLAUSE_PUNCTUATION = "；：;:"
# Brackets, quotes and dashes are part of a phrase; other punctuation makes it a sentence.
_PHRASE_MARKS = "（）()《》〈〉“”‘’\"'【】〔〕\\[\\]·—"
_ANY_PUNCTUATION = regex.compile(rf"[\p{{P}}--[{_PHRASE_MARKS}]]", regex.VERSION1)
# An article's title may list things with 、 (「第七条　聘任责任建筑师、责任评估师」).
_ARTICLE_TITLE_PUNCTUATION = regex.compile(rf"[\p{{P}}--[、{_PHRASE_MARKS}]]", regex.VERSION1)
# Punctuation that makes a line a sentence rather than a title or a name.
SENTENCE_PUNCTUATION = regex.compile(r"[。！？!?；：;:，,]")
# Words that make a sentence the lead-in of a list rather than a heading.
_LIST_LEAD_IN = regex.compile(r"下列|如下|以下")
# Modal verbs make a sentence a provision, not a heading (「…选举委员可联合提名…。」,
# 「…考核应采用上述全部考核指标。」); 应急, 应用, 供应, 可持续, 许可 … are not modals.
_MODAL = regex.compile(
    r"应当|应该|可以|不得|必须|(?<![供响适对反相效回呼答])应(?![急用对变])|(?<![许认宁])可(?![持信控靠视及行见])"
)
# Spaces between the characters of a division's title: any space a page may put there (an
# &nbsp; or &ensp; of a web page too, 「总 &nbsp;则」).
_LETTER_SPACING = regex.compile(r"(?<=\p{Han})[ \t\u3000\u00a0\u2000-\u200a\u202f\u205f]+(?=\p{Han})")
# The escapes to_markdown writes (policyparse/_markdown_escape.py): 「\\<」 before markup, 「\\[」 before a link.
_MARKDOWN_ESCAPE = regex.compile(r"\\([<\[])")


class HeadingSplit(NamedTuple):
    """Offsets into the rest of a heading line: ``rest[:title_end]`` is the title,
    ``rest[title_end:body_start]`` its closing punctuation, ``rest[body_start:]`` body."""

    title_end: int
    body_start: int


def split_heading_rest(rest: str, family: str, *, has_more: bool) -> HeadingSplit | None:
    """Decide whether the text after a label starts with a title.

    Args:
        rest: the line after the label and the whitespace following it, stripped.
        family: ``"division"`` (编/章/节), ``"statute"`` (条, 项, 目) or ``"official"``.
        has_more: whether the section has body lines or subsections below this line.

    Returns:
        Where the title ends and the body starts, or None if the line has no title.
    """
    if "\\" in rest and _MARKDOWN_ESCAPE.search(rest):
        # Markdown that to_markdown wrote: decide on the text as it reads, then map back.
        plain, raw_at = _unescaped(rest)
        split = _split(plain, family, has_more)
        return None if split is None else HeadingSplit(raw_at[split.title_end], raw_at[split.body_start])
    return _split(rest, family, has_more)


def _unescaped(rest: str) -> tuple[str, list[int]]:
    """``rest`` without its Markdown escapes, and where each of its characters (and its end)
    stands in ``rest``."""
    plain: list[str] = []
    raw_at: list[int] = []
    position = 0
    for match in _MARKDOWN_ESCAPE.finditer(rest):
        for index in range(position, match.start()):
            plain.append(rest[index])
            raw_at.append(index)
        plain.append(match.group(1))
        raw_at.append(match.start())
        position = match.end()
    for index in range(position, len(rest)):
        plain.append(rest[index])
        raw_at.append(index)
    raw_at.append(len(rest))
    return "".join(plain), raw_at


def _split(rest: str, family: str, has_more: bool) -> HeadingSplit | None:
    if not rest:
        return None
    if family == "division":
        return HeadingSplit(len(rest), len(rest))
    if family == "statute":
        # A phrase with nothing below it is the provision itself (「第八条 （删除）」, 「（一）警告」).
        if has_more and len(rest) <= MAX_ARTICLE_TITLE and not _ARTICLE_TITLE_PUNCTUATION.search(rest):
            return HeadingSplit(len(rest), len(rest))
        return None
    if len(rest) <= MAX_STANDALONE_TITLE and not SENTENCE_PUNCTUATION.search(rest):
        return HeadingSplit(len(rest), len(rest))
    end = _first_sentence_end(rest)
    if not end or end > MAX_INLINE_TITLE:
        return None
    sentence = rest[:end]
    if any(ch in sentence for ch in _CLAUSE_PUNCTUATION) or _LIST_LEAD_IN.search(sentence):
        return None
    if _MODAL.search(sentence):
        return None
    body_start = end + 1
    if body_start >= len(rest) and not has_more:
        return None
    return HeadingSplit(end, body_start)


def is_standalone_title(line: str) -> bool:
    """True when a whole line can be the title of the label alone on the line above it."""
    line = unescape_markdown(line)
    return 0 < len(line) <= MAX_INLINE_TITLE and not _ANY_PUNCTUATION.search(line)


def clean_title(title: str, family: str) -> str:
    """Return the title as users want it: a division's letter-spacing removed (总　　则 → 总则),
    and the backslash of a Markdown escape that ``to_markdown`` wrote (「\\<script>」 → 「<script>」)."""
    title = unescape_markdown(title)
    if family == "division":
        return str(_LETTER_SPACING.sub("", title))
    return title


def unescape_markdown(text: str) -> str:
    """``text`` without the backslashes of the escapes ``to_markdown`` writes (「\\<」, 「\\[」),
    so that a title reads the same from the Markdown as from the text it was written from."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text) if "\\" in text else text


def _first_sentence_end(rest: str) -> int | None:
    for index, ch in enumerate(rest):
        if ch in _SENTENCE_END:
            return index
    return None
