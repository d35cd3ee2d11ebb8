"""Diff stage: how alike two folded texts are, on character bigrams, with rapidfuzz.

Bigrams keep the noise floor low on Chinese legal text: two unrelated articles share many
characters (的 公司 股东) but few bigrams in order, so their similarity stays near 0.1–0.3
while an article and its amended version score 0.4 and up. Short texts are compared on
characters instead (a bigram per changed digit would sink 「本法自2006年1月1日起施行。」
against 「本法自2024年7月1日起施行。」): when either text is shorter than ``SHORT``
characters. Texts are turned into integer sequences once and cached; rapidfuzz's Indel and
LCS kernels then compare them in C.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

__all__ = [
    "SHORT",
    "BigramCache",
    "contained_in",
    "containment",
    "scores",
    "similarity",
    "text_scores",
    "text_similarity",
    "title_similarity",
]

SHORT = 24
"""Below this many characters (folded), texts are compared on characters, not bigrams."""


class BigramCache:
    """Integer bigram sequences of folded texts, computed once per text."""

    def __init__(self) -> None:
        self._codes: dict[str, int] = {}
        self._sequences: dict[str, list[int]] = {}

    def get(self, folded: str) -> list[int]:
        """Return the bigram codes of ``folded`` (its single character for length one)."""
        found = self._sequences.get(folded)
        if found is not None:
            return found
        codes = self._codes
        grams = [folded[i : i + 2] for i in range(len(folded) - 1)] if len(folded) > 1 else [folded] if folded else []
        sequence = []
        for gram in grams:
            code = codes.get(gram)
            if code is None:
                code = codes[gram] = len(codes)
            sequence.append(code)
        self._sequences[folded] = sequence
        return sequence


def similarity(a: Sequence[int], b: Sequence[int], cutoff: float = 0.0) -> float:
    """Return the Indel similarity of two bigram sequences (1.0 for two empty ones).

    Args:
        a: one sequence.
        b: the other.
        cutoff: below this, 0.0 is returned (and rapidfuzz can stop early).
    """
    if not a and not b:
        return 1.0
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) < cutoff * total:
        return 0.0
    return float(Indel.normalized_similarity(a, b, score_cutoff=cutoff))


def title_similarity(a: str, b: str) -> float:
    """Return the Indel similarity of two titles on their characters (0–1)."""
    return float(Indel.normalized_similarity(a, b))


def containment(part: Sequence[int], whole: Sequence[int]) -> float:
    """Return the share of ``part``'s bigrams found, in order, in ``whole`` (0–1)."""
    if not part:
        return 0.0
    return float(LCSseq.similarity(part, whole)) / len(part)


def scores(query: Sequence[int], choices: Sequence[Sequence[int]], cutoff: float) -> list[tuple[int, float]]:
    """Return ``(position, similarity)`` of the choices at least ``cutoff`` like ``query``.

    One call into rapidfuzz for the whole list; the same values as :func:`similarity`.
    """
    if not choices:
        return []
    if not query:
        return [(i, 1.0) for i, choice in enumerate(choices) if not choice and cutoff <= 1.0]
    found = process.extract(
        query, choices, scorer=Indel.normalized_similarity, processor=None, score_cutoff=cutoff, limit=None
    )
    return sorted((int(position), float(score)) for _, score, position in found)


def contained_in(parts: Sequence[Sequence[int]], whole: Sequence[int]) -> list[float]:
    """Return :func:`containment` of each part in ``whole``, in one call into rapidfuzz."""
    if not parts:
        return []
    found = process.extract(whole, parts, scorer=LCSseq.similarity, processor=None, limit=None)
    shares = [0.0] * len(parts)
    for _, common, position in found:
        part = parts[position]
        shares[position] = float(common) / len(part) if part else 0.0
    return shares


def text_similarity(a: str, b: str, grams: BigramCache, cutoff: float = 0.0) -> float:
    """Similarity of two folded texts: on bigrams, or on characters when one is short."""
    if min(len(a), len(b)) < SHORT:
        if not a and not b:
            return 1.0
        return float(Indel.normalized_similarity(a, b, score_cutoff=cutoff))
    return similarity(grams.get(a), grams.get(b), cutoff)


def text_scores(query: str, choices: Sequence[str], grams: BigramCache, cutoff: float) -> list[tuple[int, float]]:
    """:func:`text_similarity` of ``query`` with each choice, those at least ``cutoff``."""
    short = [i for i, choice in enumerate(choices) if len(query) < SHORT or len(choice) < SHORT]
    found: list[tuple[int, float]] = []
    if short:
        picked = [choices[i] for i in short]
        found.extend((short[p], s) for p, s in _char_scores(query, picked, cutoff))
    if len(short) < len(choices):
        taken = set(short)
        rest = [i for i in range(len(choices)) if i not in taken]
        found.extend((rest[p], s) for p, s in scores(grams.get(query), [grams.get(choices[i]) for i in rest], cutoff))
    return sorted(found)


def _char_scores(query: str, choices: Sequence[str], cutoff: float) -> list[tuple[int, float]]:
    if not query:
        return [(i, 1.0) for i, choice in enumerate(choices) if not choice]
    found = process.extract(
        query, choices, scorer=Indel.normalized_similarity, processor=None, score_cutoff=cutoff, limit=None
    )
    return [(int(position), float(score)) for _, score, position in found]
