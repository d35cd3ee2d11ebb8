"""Lexer of the instruction grammar: a statement's skeleton into the terminals that
grammars/amend.lark declares, from one ordered table of patterns (the first that matches wins)."""

from __future__ import annotations

from collections.abc import Iterator

import lark
import regex

from policyparse.amendments._statements import QUOTE
from policyparse.numerals import DIGITS, ORDINAL_NUMERAL, SMALL_NUMERAL

__all__ = ["UnreadableStatement", "tokens"]

_N = f"[{ORDINAL_NUMERAL}{DIGITS}]+"

# (terminal, pattern), tried in this order at each position. Keywords that a law's name could
# swallow (将, 在, 删去) come before LAW.
_TABLE: tuple[tuple[str, str], ...] = (
    ("QUOTE", QUOTE),
    ("SKIP", r"原(?=第)|修改后的?(?=[《〈第])"),  # 「将原第四条改为修改后《解释》第七条」: words only
    ("MODIFIED", r"修改后|进行修改"),  # 「修改后作为本条第一款」, 「对第三十条进行修改，作为第七十条」
    ("NAME_IS", r"[，,]?(?:章名|节名|名称)为"),  # 「增加一章，作为第五章，章名为“…”」
    ("INCLUDE", r"[，,]?包括"),  # 「…，包括第七十七条至第八十四条」
    ("MERGE_INTO", r"并入"),  # 「将第三章并入第二章」
    ("OCCURRENCE", rf"第{_N}处"),  # 「中的第一处“A”」
    ("REORDER", r"(?:条文|条款|章节条文)?顺序(?:作|做)?(?:相应|相应的)?调整|调整条文顺序"),
    ("ARTICLE", rf"第{_N}条(?:之[{SMALL_NUMERAL}]+)?"),
    ("CLAUSE", rf"第{_N}款"),
    ("ITEM", rf"第[（(]?{_N}[)）]?项"),
    ("SUBITEM", rf"第{_N}目"),
    ("CHAPTER", rf"第{_N}章"),
    ("SECTION", rf"第{_N}节"),
    ("BOOK", rf"第{_N}编"),
    ("NATURAL_PARAGRAPH", rf"第{_N}自然段"),
    ("SENTENCE_PLACE", rf"第{_N}句"),  # 「第九十七条第一款第一句」
    ("THIS", r"这一(?:自然段|款|条|项|目|节|章)|(?:本|该)(?:条|款|项)(?!例)"),
    ("PART", r"章名|节名|编名|名称|标题|题目|题注|引言|序言|前言|条首部分|条首|款首部分|项首部分"),
    ("JIANG", r"将|把|对(?=第)"),
    ("ZAI", r"在"),
    ("DELETE", r"删去|删除|去掉"),
    ("ADD", r"增加|增写|增设|新增|增补|添加|补充|加入"),
    ("NEW_UNITS", rf"[{SMALL_NUMERAL}两]+(?:条|款|项|目|节|章|编|句|段)"),
    ("MERGE", r"合并"),
    ("DIVIDE", r"分为|拆分为|拆分成"),
    ("SEPARATE", r"单列"),
    ("ORDER_CHANGE_TO", r"调整为"),
    # a comma before 修改为, 作为 is theirs (「将第九条第一款中的“A”，修改为“B”」): one token, so
    # that one look ahead tells it from a comma between two actions
    ("CHANGE_TO", r"[，,]?(?:分别|统一|均|一律|一并)?(?:修改为|修改成|改为|改成|替换为)"),
    ("ACCORDINGLY", r"相应|依次"),
    ("AS", r"[，,]?(?:分别作为|作为|列为)"),
    ("CONTENT", r"[，,。]?(?:内容为|内容如下|如下)"),
    ("START", r"开始部分|开头部分|开头|起始部分"),
    ("END", r"末尾|结尾|最后"),
    ("PROVISION", r"规定"),
    ("AFTER", r"之后|后"),
    ("BEFORE", r"之前|前"),
    ("TO", r"至"),
    ("COMMA", r"、(?=原第)"),  # 「原第五项改为第二项、原第七项改为第三项」: between two actions
    ("AND", r"以及|、|和|及"),
    ("IN", r"其中的|其中|中的|中"),
    ("OF", r"的"),
    ("CONJ", r"并且|并|同时|另外"),
    ("LAW", r"《[^《》]*》|〈[^〈〉]*〉|(?:相关|有关|相应)条文|\p{Han}{1,16}?(?:法|条例)(?=第|序言|中)"),
    ("COLON", r"[：:]"),
    ("COMMA", r"[，,]"),
    ("SEMI", r"[；;]"),
    ("STOP", r"[。.]"),
)
# 「第三、四、五、六款」: one 第 for a list of numbers; read as 第三款、第四款、第五款、第六款
_COMPACT_LIST = regex.compile(rf"第(?P<numbers>{_N}(?:、{_N})+)(?P<unit>款|项|条|目|节|章)")
_TERMINAL_OF_UNIT = {"款": "CLAUSE", "项": "ITEM", "条": "ARTICLE", "目": "SUBITEM", "节": "SECTION", "章": "CHAPTER"}
_PATTERN = regex.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _TABLE))
_SPACE = regex.compile(r"[\s\u3000]+")


class UnreadableStatement(ValueError):
    """The skeleton holds words no terminal matches; ``column`` is where (0-based)."""

    def __init__(self, column: int) -> None:
        super().__init__(f"no instruction word at column {column + 1}")
        self.column = column


def tokens(skeleton: str) -> Iterator[lark.Token]:
    """Yield the terminals of ``skeleton``; a QUOTE token's value is the quotation's index.

    Raises:
        UnreadableStatement: where no terminal matches.
    """
    position, quotes = 0, 0
    while position < len(skeleton):
        space = _SPACE.match(skeleton, position)
        if space:
            position = space.end()
            continue
        listed = _COMPACT_LIST.match(skeleton, position)
        if listed:
            unit = listed["unit"]
            for index, number in enumerate(listed["numbers"].split("、")):
                if index:
                    yield lark.Token("AND", "、", start_pos=position, end_pos=position)
                yield lark.Token(_TERMINAL_OF_UNIT[unit], f"第{number}{unit}", start_pos=position, end_pos=listed.end())
            position = listed.end()
            continue
        match = _PATTERN.match(skeleton, position)
        if match is None or match.lastgroup is None:
            raise UnreadableStatement(position)
        kind = match.lastgroup
        value = match.group()
        if kind == "SKIP":
            position = match.end()
            continue
        if kind == "QUOTE":
            value = str(quotes)
            quotes += 1
        yield lark.Token(kind, value, start_pos=position, end_pos=match.end())
        position = match.end()
