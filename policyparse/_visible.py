"""Serializer stage: control characters from a document shown, never obeyed, on a terminal.

A crafted document can hold terminal escapes (「\\x1b]0;…\\x07」 retitles the window,
「\\x1b[8m」 hides what follows, 「\\x9b…」 is the 8-bit form). Everything a person reads on a
terminal (the text diff, ``check`` lines, warning and error lines) shows each C0 control
as its Unicode control picture (ESC as ␛ U+241B), DEL as ␡, and each C1 control as
``\\x9b``; tabs and line breaks stay. JSON, Markdown and ``--to text`` are data and keep the
text as it is (JSON escapes C0 controls itself).
"""

from __future__ import annotations

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({code: f"\\x{code:02x}" for code in range(0x80, 0xA0)})
_TABLE = str.maketrans(_PICTURES)


def visible(text: str) -> str:
    """``text`` with its control characters (but tabs and line breaks) shown as pictures."""
    if text.isprintable() or not any(ord(char) in _PICTURES for char in text):
        return text
    return text.translate(_TABLE)
