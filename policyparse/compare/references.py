"""Diff stage: cross-references (第十条, 第三章), read so that a renumbered one can be followed.

A reference is 「第…条」, 「第…章」, 「第…节」 or 「第…编」 (with 之一 where written). One right
after a title in 《》 cites another law and is left alone; the others cite the document
itself and are translated through the renumbering map when the old text is compared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from policyparse.numerals import DIGITS, ORDINAL_NUMERAL, label_number

__all__ = ["RefMap", "canonical_references", "reference_key"]

RefMap = Mapping[str, Mapping[str, str]]
"""Per reference unit (条 章 节 编): old reference key → new reference key."""

_NUMERAL = ORDINAL_NUMERAL + DIGITS
_REFERENCE = re.compile(rf"(》?)第([{_NUMERAL}]+)([条章节编])(?:之([{_NUMERAL}]+))?")
_LABEL = re.compile(rf"^第([{_NUMERAL}]+)([条章节编])(?:之([{_NUMERAL}]+))?$")


def _key(numeral: str, extra: str | None) -> str | None:
    try:
        value = label_number(numeral)
        return f"{value}-{label_number(extra)}" if extra else str(value)
    except ValueError:
        return None


def reference_key(folded_label: str) -> tuple[str, str] | None:
    """Return ``(unit, key)`` for a folded label such as 「第三条之一」 → ``("条", "3-1")``.

    Args:
        folded_label: a section label after :func:`~policyparse.compare.fold.fold`.

    Returns:
        The unit (条 章 节 编) and the number key, or None for other labels.
    """
    found = _LABEL.match(folded_label)
    if found is None:
        return None
    key = _key(found.group(1), found.group(3))
    return None if key is None else (found.group(2), key)


def canonical_references(folded: str, mapping: RefMap | None = None) -> str:
    """Replace each reference to the document itself by a marker holding its number.

    Args:
        folded: a folded text.
        mapping: the renumbering to apply (old key → new key per unit); None keeps the
            numbers as they are (for the new text).

    Returns:
        The text with 「第十条」 written as ``\\x00条10\\x00`` (or the mapped number), so that
        two texts compare equal exactly when their references agree under the mapping.
    """

    def replace(found: re.Match[str]) -> str:
        if found.group(1):
            return found.group(0)
        unit = found.group(3)
        key = _key(found.group(2), found.group(4))
        if key is None:
            return found.group(0)
        if mapping is not None:
            key = mapping.get(unit, {}).get(key, key)
        return f"\x00{unit}{key}\x00"

    return _REFERENCE.sub(replace, folded)
