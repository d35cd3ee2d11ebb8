"""Diff stage: fold formatting out of text, so that width, spacing and quotes never count as edits.

Two texts that fold to the same string differ only in formatting: half- or full-width
punctuation and digits (NFKC), whitespace of any kind (line wrapping, U+3000, indentation),
zero-width characters, curly or straight quotes, 〔〕【】 or []. Everything else counts.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "is_boundary"]

_TABLE = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‛": "'",
        "′": "'",
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)


def fold(text: str) -> str:
    """Return ``text`` with formatting folded away (see the module docstring).

    Args:
        text: any text.

    Returns:
        The folded text: NFKC, quotes and brackets unified, no whitespace.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_TABLE)
    return "".join(folded.split())


def is_boundary(char: str) -> bool:
    """True for punctuation and whitespace: the places where a phrase may start or end."""
    return char.isspace() or unicodedata.category(char)[0] in "PZS"
