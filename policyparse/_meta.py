"""Model stage: typed header and footer facts (Meta) from the lines the frame stage found."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence

import regex

from policyparse._frame import Frame
from policyparse._frame_lines import ATTACHMENT_LIST, DATE, LIST_ENTRY, SIGNATURE_SPACE, SIGNED
from policyparse._lexer import Line
from policyparse._titles import unescape_markdown
from policyparse.layout.lines import joined_text
from policyparse.model import Diagnostic, Meta, Severity, Span
from policyparse.numerals import chinese_to_int

# A letter-spaced line (「国 家 粮 食 应 急 预 案」): every Han character apart. A single space
# between words (「国家发展改革委 财政部关于…」) is kept.
_LETTER_SPACED = regex.compile(r"\p{Han}(?:[ \t\u3000\u00a0]+\p{Han}){2,}")
_SPACES = regex.compile(r"[ \t\u3000\u00a0]+")
_SPACE_RUN = regex.compile(r"[ \t\u3000\u00a0]+")
# Organs are separated by ，; 、 joins the parts of one (「各省、自治区、直辖市人民政府」).
_RECIPIENT_SEPARATORS = regex.compile(r"[，,；;]")
# A 、 ends one recipient when what comes before it is an organ by itself: 「国务院各部委、各直属
# 机构」 is two; 「各省、自治区、直辖市人民政府」 is one, the 人民政府 of each kind of region.
_ENDS_AN_ORGAN = regex.compile(
    r"(?:部|委|厅|局|院|办|办公室|委员会|政府|机构|机关|单位|公司|集团|银行|署|会|中心|处|室|所|部门|兵团|党委|法院|检察院)"
    r"(?:[（(][^（()）]{1,6}[）)])?$"
)
# Front matter keys of the Shanghai files and the Meta field each one stands for.
FRONT_MATTER_FIELDS = {"标题": "title", "文号": "doc_number", "发布单位": "issuers", "发布日期": "date"}


_ORGAN_SPACE = regex.compile(SIGNATURE_SPACE)
# A post that signs with its holder's name: 「总理　李克强」, 「部长　某某」.
_POST = regex.compile(
    r"副?(?:总理|主席|部长|主任|局长|署长|行长|省长|市长|县长|区长|州长|院长|检察长|书记|会长|理事长)"
)


def organs(signature: str) -> list[str]:
    """The organs a signature line names: 「国家发展改革委　国家能源局」 is two; a letter-spaced
    「国　务　院」 is one (国务院); a post and a name (a decree's 「总理　　李克强」) is one signer,
    and any other spacing is kept as one name."""
    parts = [part for part in _ORGAN_SPACE.split(signature) if part]
    if len(parts) > 1 and all(len(part) >= 2 for part in parts) and not _POST.fullmatch(parts[0]):
        return parts
    if all(len(part) == 1 for part in parts):
        return ["".join(parts)] if parts else []
    return [" ".join(parts)]


def iso_date(value: str) -> str | None:
    """「2019年1月12日」 or 「二〇〇五年六月十一日」 → 「2019-01-12」; None if not a date."""
    match = DATE.fullmatch(value.strip())
    if match is None:
        return None
    try:
        if match.group("y"):
            year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
        else:
            year = chinese_to_int(match.group("cy").replace("○", "〇"))
            month, day = chinese_to_int(match.group("cm")), chinese_to_int(match.group("cd"))
    except ValueError:
        return None
    try:
        return datetime.date(year, month, day).isoformat()  # 2019年2月30日 is no date
    except ValueError:
        return None


def as_date(iso: str | None) -> datetime.date | None:
    """An ISO date (``YYYY-MM-DD``) as a ``datetime.date``; None for None or no valid date."""
    if iso is None:
        return None
    try:
        return datetime.date.fromisoformat(iso)
    except ValueError:
        return None


def clean_title(lines: Iterable[str]) -> str:
    """Join title lines and remove letter-spacing (「国 家 粮 食 应 急 预 案」 → 国家粮食应急预案)."""
    return unescape_markdown("".join(_unspace(line.strip(" \t\u3000")) for line in lines))


def _unspace(line: str) -> str:
    return _SPACES.sub("", line) if _LETTER_SPACED.fullmatch(line) else line


def _organs_listed(name: str) -> list[str]:
    """One recipient line's part between ，/； as the organs it lists (see _ENDS_AN_ORGAN)."""
    found: list[str] = []
    start = 0
    for mark in regex.finditer("、", name):
        if _ENDS_AN_ORGAN.search(name, start, mark.start()):
            found.append(name[start : mark.start()])
            start = mark.end()
    found.append(name[start:])
    return [organ.strip() for organ in found if organ.strip()]


def strip_brackets(note: str) -> str:
    """「（此件公开发布）」 → 此件公开发布."""
    return note.strip().removeprefix("（").removeprefix("(").removesuffix("）").removesuffix(")").strip()


def attachment_names(contents: Sequence[str]) -> list[str]:
    """Names in 「附件：1.名词解释」「2.城市更新全周期流程图」, without their numbers."""
    names = []
    for index, content in enumerate(contents):
        if index == 0:
            listing = ATTACHMENT_LIST.fullmatch(content)
            content = listing.group("rest") if listing else content
        entry = LIST_ENTRY.fullmatch(content)
        names.append(entry.group("name") if entry else content)
    return names


class MetaBuilder:
    """Collects Meta fields and their spans from the frame's header and the main closing."""

    def __init__(self, text: str, lines: Sequence[Line], joins: Mapping[int, Sequence[int]] | None = None) -> None:
        self.text = text
        self.lines = lines
        self.joins = joins or {}

    def _content(self, index: int) -> str:
        """The line's text, with the lines the layout stage joined to it."""
        return joined_text(self.text, self.lines, self.joins, index)

    def _span(self, index: int) -> Span:
        line = self.lines[index]
        return (line.content_start, line.content_end)

    def build(self, frame: Frame) -> tuple[Meta, list[Diagnostic]]:
        """Return the document's Meta and diagnostics where front matter and text disagree."""
        roles: dict[str, list[int]] = {}
        for index, role in [*frame.header, *frame.segments[0].closing]:
            if role == "title" and self._is_markdown_title(index):
                role = "markdown_title"
            roles.setdefault(role, []).append(index)
        titles = roles.get("title") or roles.get("markdown_title", [])
        if not titles and roles.get("decree"):
            titles = _published_title(frame)
        fields: dict[str, object] = {}
        spans: dict[str, tuple[Span, ...]] = {}

        def put(name: str, value: object, indices: list[int]) -> None:
            if value in (None, (), ""):
                return
            fields[name] = value
            spans[name] = tuple(self._span(i) for i in indices)

        put("title", clean_title(self._content(i) for i in titles) or None, titles)
        numbers = roles.get("doc_number", [])[:1]
        if numbers and roles.get("decree"):
            # A decree's number with its organ, its two lines joined: 「中华人民共和国国务院令第227号」.
            numbers = [*roles["decree"][:1], *numbers]
        put("doc_number", "".join(self._content(i) for i in numbers) or None, numbers)
        recipients = roles.get("recipients", [])
        if recipients:
            names = _RECIPIENT_SEPARATORS.split(self._content(recipients[0]).rstrip("：:"))
            organs_named = [organ for name in names for organ in _organs_listed(name.strip())]
            put("recipients", tuple(organs_named), recipients)
        issuers = roles.get("issuer", [])
        dates = roles.get("date", [])
        names = [organ for i in issuers for organ in organs(self._content(i))]
        date_text = self._content(dates[0]) if dates else None
        for index in roles.get("signature", [])[:1]:
            signed = SIGNED.fullmatch(self._content(index))
            assert signed is not None
            names, date_text = organs(signed.group("issuer")), signed.group("date")
            issuers, dates = [index], [index]
        put("issuers", tuple(names), issuers)
        put("date", as_date(iso_date(date_text)) if date_text else None, dates)
        notes = roles.get("note", [])
        put("notes", tuple(self._notes(notes)), notes)
        history = roles.get("history", [])
        put("history", tuple(self._content(i) for i in history), history)
        listing = roles.get("attachment_list", [])
        put("attachment_list", tuple(attachment_names([self._content(i) for i in listing])), listing)
        diagnostics = self._front_matter(frame, fields, spans)
        return Meta(**fields, spans=spans), diagnostics  # type: ignore[arg-type]

    def _is_markdown_title(self, index: int) -> bool:
        line = self.lines[index]
        return self.text[line.start : line.content_start].lstrip().startswith("#")

    def _notes(self, indices: list[int]) -> list[str]:
        return self.join_notes([self._content(i) for i in indices])

    @staticmethod
    def join_notes(lines: list[str]) -> list[str]:
        """One note per bracket group: 「（二○○四年六月十六日国务院」「第54次…通过）」 is one."""
        notes: list[str] = []
        current = ""
        for line in lines:
            current += line
            if current.endswith(("）", ")")):
                notes.append(strip_brackets(current))
                current = ""
        if current:
            notes.append(strip_brackets(current))
        return notes

    def _front_matter(
        self, frame: Frame, fields: dict[str, object], spans: dict[str, tuple[Span, ...]]
    ) -> list[Diagnostic]:
        """Fill missing fields from YAML front matter; where both exist, the text wins."""
        diagnostics = []
        for key, name in FRONT_MATTER_FIELDS.items():
            if key not in frame.front_matter:
                continue
            raw, index = frame.front_matter[key]
            value: object = raw
            if name == "issuers":
                value = (raw,)
            elif name == "date":
                value = as_date(raw if regex.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) else iso_date(raw))
            if name not in fields:
                if value:
                    fields[name] = value
                    spans[name] = (self._span(index),)
                continue
            if _comparable(fields[name]) != _comparable(value):
                line = self.lines[index]
                diagnostics.append(
                    Diagnostic(
                        code="meta-conflict", severity=Severity.INFO,
                        message=f"front matter {key} 「{raw}」 differs from the text's "
                                f"「{_shown(fields[name])}」; the text's is kept",
                        line=line.number, span=(line.content_start, line.content_end),
                    )
                )
        return diagnostics


def _published_title(frame: Frame) -> list[int]:
    """A decree's title is the regulation it publishes: the title lines of the document embedded
    after it (「中华人民共和国国务院令 第706号 …」 then 「专利代理条例」)."""
    for segment in frame.segments[1:]:
        if segment.kind == "embedded":
            return [index for index, role in segment.head if role == "title"]
    return []


def _comparable(value: object) -> str:
    shown = _shown(value)
    return "".join(shown.split())


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return "、".join(str(v) for v in value)
    return str(value)
