"""Diff stage: terms replaced throughout (股东大会 → 股东会), found once for the whole document.

Chinese has no spaces, so the words of an edit are found from the text itself. Each edit of a
changed unit or heading is widened into candidate terms by taking up to six characters of
the unchanged text on either side (never across punctuation): the edit 「股东[-大-]会」 yields
东大会→东会, 股东大→股东, 股东大会→股东会 and so on. A candidate reads as a word when the
characters around its occurrences vary (*accessor variety*, a classic cue for unsupervised
Chinese word segmentation): 「股东大会」 is preceded and followed by many different characters
in the law, 「东大会」 only ever by 股, 「股东大」 only ever by 会. Each edit takes the candidate
that reads most like a word on both sides, then the one most edits share, then the one
replaced most consistently (the share of the term's occurrences that were replaced:
反垄断执法机构 → 反垄断执法部门 rather than 机构 → 部门 when other 机构 stayed), then the
narrowest; both terms must have two characters or more. A term is reported when at least three edits in
at least two sections chose it. Edits that only change formatting or a cross-reference
number never count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from policyparse.compare.fold import fold, is_boundary
from policyparse.compare.records import Redline, Substitution
from policyparse.compare.redline import hunks
from policyparse.compare.tokens import tokenize

__all__ = ["explained", "find_substitutions"]

_WIDEN = 6
_LONGEST_EDIT = 12
_FEWEST = 3
_FEWEST_SECTIONS = 2

_VARIED = 3
_ANY = tuple(f"\x00{i}" for i in range(_VARIED))
_Candidate = tuple[str, str]


class _Variety:
    """How freely a term combines: the fewer of its distinct left and right neighbours.

    Punctuation, a line break or the text's edge next to an occurrence counts as varied
    enough (the term stands alone there). Values are capped at ``_VARIED`` and cached.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[str, int] = {}
        self.counted: dict[str, int] = {}

    def occurrences(self, term: str) -> int:
        """How often ``term`` occurs in the text."""
        found = self.counted.get(term)
        if found is None:
            found = self.counted[term] = self.text.count(term)
        return found

    def __call__(self, term: str) -> int:
        found = self.cache.get(term)
        if found is not None:
            return found
        text = self.text
        left: set[str] = set()
        right: set[str] = set()
        at = text.find(term)
        while at >= 0 and (len(left) < _VARIED or len(right) < _VARIED):
            before = text[at - 1] if at else " "
            after = text[at + len(term)] if at + len(term) < len(text) else " "
            # A boundary is as good as any number of different neighbours.
            left.update(_ANY if is_boundary(before) else before)
            right.update(_ANY if is_boundary(after) else after)
            at = text.find(term, at + 1)
        value = self.cache[term] = min(len(left), len(right), _VARIED)
        return value


def find_substitutions(redlines: Iterable[Redline], old_text: str, new_text: str) -> tuple[Substitution, ...]:
    """Return the terms replaced throughout, most frequent first.

    Args:
        redlines: one redline per changed unit or heading (texts that do not overlap).
        old_text: the whole old text, where the old terms' surroundings are read.
        new_text: the whole new text.
    """
    old_variety, new_variety = _Variety(old_text), _Variety(new_text)
    edits: list[tuple[int, list[tuple[_Candidate, int]]]] = []
    counts: Counter[_Candidate] = Counter()
    for section, runs in enumerate(redlines):
        for before, deleted, inserted, after in hunks(runs):
            options = _widen(before, deleted, inserted, after)
            if options:
                edits.append((section, options))
                counts.update({candidate for candidate, _ in options})
    chosen: Counter[_Candidate] = Counter()
    sections: dict[_Candidate, set[int]] = {}
    for section, options in edits:
        # Only a candidate shared by enough edits can be reported: the others need no
        # reading of the whole text (which keeps this linear in the size of the law).
        options = [item for item in options if counts[item[0]] >= _FEWEST]
        if not options:
            continue
        best = min(
            options,
            key=lambda item: (
                -min(old_variety(item[0][0]), new_variety(item[0][1])),
                -counts[item[0]],
                -min(
                    counts[item[0]] / max(old_variety.occurrences(item[0][0]), 1),
                    counts[item[0]] / max(new_variety.occurrences(item[0][1]), 1),
                ),
                item[1],
                min(item[0]),
                max(item[0]),
            ),
        )[0]
        chosen[best] += 1
        sections.setdefault(best, set()).add(section)
    found = [
        Substitution(old=old, new=new, count=count)
        for (old, new), count in chosen.items()
        if count >= _FEWEST and len(sections[(old, new)]) >= _FEWEST_SECTIONS
    ]
    found.sort(key=lambda s: (-s.count, min(s.old, s.new), max(s.old, s.new)))
    return tuple(found)


def explained(runs: Redline, substitutions: Iterable[Substitution]) -> bool:
    """True when every edit of a redline is one of the substitutions (or only formatting).

    An edit 「股东[-大-]会」 is explained by 股东大会 → 股东会 when the term, cut around the
    edit, fits the unchanged text on both sides. The answer is the same for the mirrored
    redline and the mirrored substitutions.
    """
    terms = list(substitutions)
    found = False
    for before, deleted, inserted, after in hunks(runs):
        if fold(deleted) == fold(inserted):
            continue
        if not any(_fits(term, before, deleted, inserted, after) for term in terms):
            return False
        found = True
    return found


def _fits(term: Substitution, before: str, deleted: str, inserted: str, after: str) -> bool:
    old, new = term.old, term.new
    for head in range(len(old) - len(deleted) + 1):
        if old[head : head + len(deleted)] != deleted:
            continue
        left, right = old[:head], old[head + len(deleted) :]
        if new == left + inserted + right and before.endswith(left) and after.startswith(right):
            return True
    return False


def _widen(before: str, deleted: str, inserted: str, after: str) -> list[tuple[_Candidate, int]]:
    """Candidate terms for one edit, with how much context each took."""
    if len(deleted) > _LONGEST_EDIT or len(inserted) > _LONGEST_EDIT or fold(deleted) == fold(inserted):
        return []
    if any(is_boundary(ch) for ch in deleted + inserted):
        return []
    if any(key.startswith("第") and len(key) > 2 for key, _ in tokenize(deleted + inserted)):
        return []  # a cross-reference number, followed by the renumbering map instead
    left = 0
    while left < min(_WIDEN, len(before)) and not is_boundary(before[-1 - left]):
        left += 1
    right = 0
    while right < min(_WIDEN, len(after)) and not is_boundary(after[right]):
        right += 1
    options: list[tuple[_Candidate, int]] = []
    for a in range(left + 1):
        for b in range(right + 1):
            head = before[len(before) - a :] if a else ""
            tail = after[:b]
            old, new = head + deleted + tail, head + inserted + tail
            if len(old) >= 2 and len(new) >= 2:
                options.append(((old, new), a + b))
    return options
