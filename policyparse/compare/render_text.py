"""Render stage (diff): a DocumentDiff as terminal text, coloured with ANSI codes on request.

One line of summary, the renumbering ranges and the substitutions, then one block per
changed heading or unit (the 款 and 项 of a unit show in its redline): ``+`` added, ``-``
removed, ``~`` changed, ``<`` split, ``>`` merged, ``=`` renumbered or moved without a
change of wording. Sections that changed only in formatting or only by renumbered
references are counted, not listed; those changed only by the substitutions are listed
without their redline, since the substitution is reported once above. Without colour,
deletions read ``[-…-]`` and insertions ``{+…+}`` (as wdiff writes them).
"""

from __future__ import annotations

import regex

from policyparse._visible import visible
from policyparse.compare.cells import stream
from policyparse.compare.describe import change_notes, is_row, ref_name
from policyparse.compare.levels import LEVEL_NAMES, ordered_levels
from policyparse.compare.records import Added, DocumentDiff, Matched, Merged, Redline, Removed, SectionRef, Split
from policyparse.compare.redline import DELETE, INSERT
from policyparse.compare.retargeted import described, new_paths

__all__ = ["diff_to_text"]

_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"
# The renderer's own colour codes: kept when the rest is made visible. A document's text that
# held these very sequences would keep them too, but they only colour: they cannot retitle,
# hide or move.
_OWN_ESCAPES = regex.compile("(" + "|".join(regex.escape(code) for code in (_RED, _GREEN, _DIM, _BOLD, _RESET)) + ")")
_INDENT = "    "


def diff_to_text(result: DocumentDiff, color: bool = False, *, everything: bool = False) -> str:
    """Return the diff as readable text.

    Args:
        result: what :func:`~policyparse.compare.diff` returned.
        color: mark deletions red and insertions green with ANSI escape codes instead of
            ``[-…-]`` and ``{+…+}``.
        everything: a line for every section that only took a new number too; by default the
            ``renumbered:`` ranges of the summary say it once.

    Returns:
        The text, ending with a line break.
    """
    s = result.summary
    lines = [
        f"{result.old_name or 'old'} → {result.new_name or 'new'}",
        f"summary: {s.added} added, {s.removed} removed, {s.matched} matched "
        f"({s.text_changed} text changed, {s.renumbered} renumbered, {s.moved} moved, "
        f"{s.format_only} format only, {s.reference_only} reference only), {s.split} split, {s.merged} merged",
    ]
    for kind in ordered_levels(s.by_kind):  # one line a level: articles, 款, 项 …
        a = s.by_kind[kind]
        lines.append(
            f"{LEVEL_NAMES.get(kind, (kind, kind))[1]}: {a.added} added, {a.removed} removed, {a.matched} matched "
            f"({a.text_changed} text changed, {a.renumbered} renumbered, {a.moved} moved), "
            f"{a.split} split, {a.merged} merged"
        )
    titles = _embedded_titles(result)
    if titles:
        lines.append("in: " + " → ".join(titles))
    for r in s.renumber_ranges:
        span_old = r.old[0] if r.old[0] == r.old[1] else f"{r.old[0]}–{r.old[1]}"
        span_new = r.new[0] if r.new[0] == r.new[1] else f"{r.new[0]}–{r.new[1]}"
        lines.append(f"renumbered: {span_old} → {span_new} ({r.offset:+d})")
    for sub in s.substitutions:
        lines.append(f"substitution: {sub.old} → {sub.new} ×{sub.count}")
    if result.preamble.text_changed:
        lines.append("")
        lines.append("~ preamble  text changed")
        lines.append(_INDENT + _marked(result.preamble.redline, color).replace("\n", "\n" + _INDENT))
    paths = new_paths(result.changes) if result.retargeted else {}
    for record in result.retargeted:
        where, now, before = described(record, paths)
        lines.append(
            f"reference now names another section: {where} (line {record.new_line}): 「{record.new_text}」 "
            f"names {now}; what it named before is now {before}"
        )
    for change in result.changes:
        if not is_row(change) or (not everything and _only_renumbered(change)):
            continue
        block = _block(change, color)
        if block:
            lines.append("")
            lines.extend(block)
    # Nothing from the documents reaches a terminal as a control sequence.
    return visible("\n".join(lines)) + "\n" if not color else _visible_outside_colours(lines)


def _only_renumbered(change: Added | Removed | Matched | Split | Merged) -> bool:
    return isinstance(change, Matched) and change.renumbered and not (
        change.text_changed or change.title_changed or change.moved
    )


def _visible_outside_colours(lines: list[str]) -> str:
    """With colour, the renderer's own escapes stay; those inside the documents' text do not."""
    text = "\n".join(lines)
    pieces = _OWN_ESCAPES.split(text)
    return "".join(piece if _OWN_ESCAPES.fullmatch(piece) else visible(piece) for piece in pieces) + "\n"


def _block(change: Added | Removed | Matched | Split | Merged, color: bool) -> list[str]:
    notes = ", ".join(flag for _, flag in change_notes(change))
    if isinstance(change, Added):
        return [_head("+", _name(change.new), notes, color, _GREEN), *_body(change.new.text)]
    if isinstance(change, Removed):
        return [_head("-", _name(change.old), notes, color, _RED), *_body(change.old.text)]
    if isinstance(change, Split):
        target = " + ".join(_name(r) for r in change.new)
        return [
            _head("<", f"{_name(change.old)} → {target}", notes, color, _BOLD),
            *_redline_body(change.redline, color),
        ]
    if isinstance(change, Merged):
        source = " + ".join(_name(r) for r in change.old)
        return [
            _head(">", f"{source} → {_name(change.new)}", notes, color, _BOLD),
            *_redline_body(change.redline, color),
        ]
    if not (change.text_changed or change.title_changed or change.renumbered or change.moved):
        return []
    where = _name(change.old) if change.old.path == change.new.path else f"{_name(change.old)} → {_name(change.new)}"
    if change.text_changed or change.title_changed:
        detail = f"{notes} · similarity {change.similarity:.2f}"
        body = [] if change.substitution_only else _redline_body(change.redline, color)
        return [_head("~", where, detail, color, _BOLD), *body]
    return [_head("=", where, notes, color, _DIM)]


def _name(ref: SectionRef) -> str:
    """A section by its label path, without the title of the embedded document it stands in
    (said once at the top: it differs between versions and would bury the labels)."""
    if not (ref.depth or "/" in ref.path):
        return ref_name(ref)
    return _EMBEDDED_TITLE.sub("", ref.path) or ref.path


# 「《关于…（试行）》/三、/（一）」: the embedded document's title leading a path
_EMBEDDED_TITLE = regex.compile(r"^《[^/]*》/")


def _embedded_titles(result: DocumentDiff) -> list[str]:
    """The titles of the embedded documents the paths start with, old then new, once each."""
    found: dict[str, None] = {}
    for change in result.changes:
        for side in ("old", "new"):
            refs = getattr(change, side, None)
            for ref in refs if isinstance(refs, tuple) else (refs,):
                if ref is not None and (match := _EMBEDDED_TITLE.match(ref.path)):
                    found.setdefault(match.group()[:-1], None)
    return list(found)


def _head(mark: str, where: str, notes: str, color: bool, tint: str) -> str:
    if color:
        return f"{tint}{mark} {where}{_RESET}  {_DIM}{notes}{_RESET}"
    return f"{mark} {where}  {notes}"


def _body(text: str) -> list[str]:
    return [_INDENT + line for line in text.split("\n")]


def _redline_body(runs: Redline, color: bool) -> list[str]:
    return [_INDENT + line for line in _marked(runs, color).split("\n")]


def _marked(runs: Redline, color: bool) -> str:
    """The redline as one string with deletions and insertions marked (formatting edits as new text)."""
    return "".join(_mark(how, text, color) if how in (DELETE, INSERT) else text for how, text in stream(runs))


def _mark(op: str, text: str, color: bool) -> str:
    if color:
        tint = _RED if op == DELETE else _GREEN
        # Colour each line on its own, so a pager never carries colour over a line break.
        return "\n".join(f"{tint}{line}{_RESET}" if line else line for line in text.split("\n"))
    return f"[-{text}-]" if op == DELETE else f"{{+{text}+}}"
