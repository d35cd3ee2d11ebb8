"""Serializer stage: indented JSON text, exactly as ``json.dumps(value, ensure_ascii=False,
indent=N)`` writes it, in about 40% of the time.

``json`` writes one-line JSON in C but falls back to a pure-Python encoder, a generator per
container, as soon as ``indent`` is set; indented JSON is what ``to_json`` gives by default. This
writer appends to one list of pieces instead, quotes strings with ``json``'s own C function, and
leaves anything but plain dicts, lists, strings, ints, booleans and None to ``json`` itself.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C function when there is one
from typing import Any


def dumps_indented(value: Any, indent: int) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, the same text."""
    pieces: list[str] = []
    append = pieces.append
    quote = encode_basestring
    newlines = ["\n"]
    step = " " * indent

    def scalar(value: Any) -> str:
        """A value that is no container, as JSON (raises _Unusual for anything else)."""
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, str):
            return quote(value)  # str subclasses (StrEnum) too, as json writes them
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return json.dumps(value)  # NaN and Infinity as json writes them
        raise _Unusual

    def write(value: Any, level: int) -> None:
        """A container at nesting ``level``; its scalars are written in place (the common case)."""
        kind = type(value)
        if not value:
            append("{}" if kind is dict else "[]")
            return
        if len(newlines) <= level + 1:
            newlines.append(newlines[-1] + step)
        inner = newlines[level + 1]
        items = value.items() if kind is dict else enumerate(value)
        opening = ("{" if kind is dict else "[") + inner
        for key, item in items:
            if kind is dict:
                if type(key) is not str:
                    raise _Unusual
                append(opening + quote(key) + ": ")
            else:
                append(opening)
            opening = "," + inner
            found = type(item)
            if found is str:
                append(quote(item))
            elif found is int:
                append(int.__repr__(item))
            elif found is dict or found is list or found is tuple:
                write(item, level + 1)
            else:
                append(scalar(item))
        append(newlines[level] + ("}" if kind is dict else "]"))

    try:
        if type(value) in (dict, list, tuple):
            write(value, 0)
        else:
            append(scalar(value))
    except (_Unusual, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=indent)
    return "".join(pieces)


class _Unusual(Exception):
    """A value this writer leaves to ``json`` (a dict subclass, a key that is not a str …)."""
