"""Model stage: check the numbering of a built tree and report gaps, repeats and disorder.

Numbers may continue across parents (items 1–5 under （一）, 6–9 under （二）): the first
child of a kind may start at 1 or go on from the last section of that kind before it.
"""

from __future__ import annotations

from policyparse.model import Diagnostic, Kind, Section, Severity

NUMBERING_CODES = frozenset(
    {"numbering-gap", "numbering-duplicate", "numbering-order", "unknown-marker"}
)

_Key = tuple[Kind, int]


def check_numbering(sections: tuple[Section, ...]) -> list[Diagnostic]:
    """Return the numbering diagnostics of a section tree, in document order."""
    checker = _Checker()
    if sections and sections[0].implicit:
        first = next(s for s in sections[0].walk() if not s.implicit)
        checker.report_start(first)
    checker.visit(sections)
    return checker.diagnostics


class _Checker:
    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.last_by_key: dict[_Key, int] = {}
        self.seen_numbered = False
        self.start_reported = False

    def visit(self, siblings: tuple[Section, ...]) -> None:
        previous: dict[_Key, Section] = {}
        for section in siblings:
            if section.implicit:
                # A placeholder's inferred number (三 before 四、) counts as seen.
                if section.number is not None:
                    previous[(section.kind, 0)] = section
                    self.last_by_key[(section.kind, 0)] = section.number
            elif section.number is not None and section.label:
                self._check(section, previous)
            self.visit(section.children)

    def _check(self, section: Section, previous: dict[_Key, Section]) -> None:
        assert section.number is not None and section.label is not None
        # Decimal outlines count per depth (1.1 and 1.1.1 are separate sequences);
        # other kinds per kind, whatever the punctuation (1. and 2、 are one list).
        depth = section.label.count(".") + section.label.count("．") if section.kind is Kind.OUTLINE else 0
        key = (section.kind, depth)
        before = previous.get(key)
        number = section.number
        inserted = "之" in section.label  # 第三条之一 sits after 第三条 with the same base
        if before is None:
            continued = self.last_by_key.get(key)
            restarted = continued is not None and number <= continued
            if section.kind is Kind.ARTICLE and restarted and not inserted:
                # 条 run through the whole statute: 第一条 again under 第二章 is out of order.
                self._report(
                    section, "numbering-order", Severity.WARNING,
                    f"「{section.label}」 follows article number {continued} of an earlier part; "
                    "articles are numbered through the whole text",
                )
            elif number != 1 and (continued is None or number != continued + 1):
                if not self.seen_numbered:
                    self.report_start(section)
                else:
                    self._report(
                        section, "numbering-gap", Severity.WARNING,
                        f"「{section.label}」 is the first of its level here; expected 1"
                        + (f" or {continued + 1}" if continued is not None else ""),
                    )
        elif before.number is not None and not inserted:
            expected = before.number + 1
            if number == before.number:
                self._report(
                    section, "numbering-duplicate", Severity.WARNING,
                    f"「{section.label}」 repeats the number of 「{before.label}」 (line {before.line})",
                )
            elif number == 1 and _ends_with_lead_in(before):
                pass  # 「注：」 then 1. 2. …: a new list, introduced by the text above it
            elif number < before.number:
                self._report(
                    section, "numbering-order", Severity.WARNING,
                    f"「{section.label}」 comes after 「{before.label}」 (line {before.line})",
                )
            elif number > expected:
                self._report(
                    section, "numbering-gap", Severity.WARNING,
                    f"「{section.label}」 follows 「{before.label}」: "
                    + (f"number {expected} is missing" if number == expected + 1
                       else f"numbers {expected}–{number - 1} are missing"),
                )
        previous[key] = section
        self.last_by_key[key] = number
        self.seen_numbered = True

    def report_start(self, section: Section) -> None:
        """Say once that the text starts mid-way, at ``section``."""
        if self.start_reported:
            return
        self.start_reported = True
        message = f"the text starts at 「{section.label}」: what came before it is missing"
        if section.number == 1:
            message = f"「{section.label}」 stands under a parent heading the text does not have"
        self._report(section, "starts-mid-document", Severity.INFO, message)

    def _report(self, section: Section, code: str, severity: Severity, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(
                code=code, severity=severity, message=message, line=section.line,
                span=section.label_span,
            )
        )


def _ends_with_lead_in(section: Section) -> bool:
    """True when the last paragraph of a section (or of its last descendant) ends with ：."""
    last = section.walk()[-1]
    paragraphs = last.paragraphs or section.paragraphs
    return bool(paragraphs) and paragraphs[-1].text.endswith(("：", ":"))
