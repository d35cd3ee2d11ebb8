"""Layout passes: on a newspaper page, lines of another article inside the policy part (whole, or
a clause glued to a line's end) and repeats of an earlier line are set aside, with a diagnostic."""

from __future__ import annotations

import bisect

from policyparse._grammar import NOT_HEADINGS
from policyparse._lexer import Line
from policyparse.layout.lines import MIN_INTRUSION, filled, line_text, next_filled
from policyparse.layout.newspaper import MAX_PAGE
from policyparse.layout.state import Layout, PagePart, SetAsideText, take_out
from policyparse.model import Diagnostic, Severity


def set_aside_intrusions(layout: Layout) -> None:
    """The pass, on a newspaper page not too long to compare each line with the whole page."""
    policy = next((part for part in layout.parts or () if part.kind == "policy"), None)
    if policy is not None and len(layout.text) <= MAX_PAGE:
        _set_aside_intrusions(layout.text, layout, policy)


def _set_aside_intrusions(text: str, layout: Layout, policy: PagePart) -> None:
    """Lines of another article inside the policy part, whole or glued to a line's end."""
    lines = layout.lines
    elsewhere = [
        line_text(text, line) for i, line in enumerate(lines)
        if filled(line) and not policy.start <= i < policy.stop
    ]
    others = "\n".join(elsewhere)
    copies = set(elsewhere)
    for i in range(policy.start, policy.stop):
        line = lines[i]
        if not filled(line):
            continue
        content = line_text(text, line)
        if line.kind in NOT_HEADINGS and len(content) >= MIN_INTRUSION and content in copies:
            take_out(layout, i, (line.content_start, line.content_end), "intrusion")
            note = _intrusion_note(line, line.content_start, content, "a copy of a line of another article")
            layout.diagnostics.append(note)
            continue
        # Only text after a heading's label can be glued on, and some of it must stay.
        following = next_filled(lines, i + 1)
        next_line = line_text(text, lines[following]) if following < policy.stop else ""
        glued = _glued_suffix(content, others, next_line, first=line.rest_start - line.content_start + 1)
        if glued:
            cut = line.content_end - len(glued)
            lines[i] = line._replace(content_end=cut)
            layout.set_aside.append(SetAsideText(span=(cut, line.content_end), reason="intrusion", line=line.number))
            note = _intrusion_note(line, cut, glued, "a clause of another article glued to this line")
            layout.diagnostics.append(note)


def _glued_suffix(content: str, others: str, next_line: str = "", first: int = 1) -> str:
    """The longest end of ``content``, from ``first`` on, found in another article, glued on
    mid-word: a whole clause (it ends with a mark: 。，；…) after a word cut short (a letter or digit
    before it, not a mark). A news item that quotes the document is no intrusion: a title's
    end (no mark), a sentence after a comma, or a clause the item goes on with as the document's
    next line does."""
    best = ""
    for start in range(len(content) - MIN_INTRUSION, max(first, 1) - 1, -1):
        candidate = content[start:]
        if candidate not in others:
            break
        best = candidate
    end = best.rstrip(_CLOSING_QUOTES)[-1:]
    if not end or end not in _CLAUSE_END or not content[len(content) - len(best) - 1].isalnum():
        return ""
    after = others.find(best) + len(best)
    goes_on = others[after : after + _QUOTE_CONTEXT]
    if len(goes_on) == _QUOTE_CONTEXT and "\n" not in goes_on and next_line.startswith(goes_on):
        return ""  # the other article quotes this line and the next one
    return best


# Characters after a quoted clause that, found at the next line's start too, make it a quote.
_QUOTE_CONTEXT = 4


_CLOSING_QUOTES = "”’」』）)"


_CLAUSE_END = "。！？!?；;…，,、：:"


def _intrusion_note(line: Line, start: int, quoted: str, what: str) -> Diagnostic:
    return Diagnostic(
        code="set-aside-intrusion", severity=Severity.WARNING,
        message=f"「{quoted}」 is {what}; set aside from the text",
        line=line.number, span=(start, start + len(quoted)),
    )


def set_aside_repeats(layout: Layout) -> None:
    """The pass, on a newspaper page: a line that repeats an earlier line of its article, whole
    or cut short, before the credits."""
    text = layout.text
    for part in layout.parts or ():
        if part.kind != "article":
            continue
        seen: list[str] = []  # sorted: an earlier line that starts with this one sorts right after it
        for i in range(part.start, part.stop):
            line = layout.lines[i]
            if not filled(line):
                continue
            content = line_text(text, line)
            k = bisect.bisect_left(seen, content)
            if len(content) >= 2 * MIN_INTRUSION and k < len(seen) and seen[k].startswith(content):
                take_out(layout, i, (line.content_start, line.content_end), "repeat")
                what = "a repeat of an earlier line of the same article"
                layout.diagnostics.append(_intrusion_note(line, line.content_start, content, what))
                continue
            seen.insert(k, content)
