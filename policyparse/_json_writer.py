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

    def write(value: Any, level: int) -> None:
        kind = type(value)
        if kind is str:
            append(quote(value))
        elif kind is int:
            append(int.__repr__(value))
        elif value is None:
            append("null")
        elif kind is dict or kind is list or kind is tuple:
            if not value:
                append("{}" if kind is dict else "[]")
                return
            if len(newlines) <= level + 1:
                newlines.append(newlines[-1] + step)
            inner = newlines[level + 1]
            if kind is dict:
                opening = "{" + inner
                for key, item in value.items():
                    if type(key) is not str:
                        raise _Unusual
                    append(opening + quote(key) + ": ")
                    opening = "," + inner
                    write(item, level + 1)
                append(newlines[level] + "}")
            else:
                opening = "[" + inner
                for item in value:
                    append(opening)
                    opening = "," + inner
                    write(item, level + 1)
                append(newlines[level] + "]")
        elif value is True:
            append("true")
        elif value is False:
            append("false")
        elif isinstance(value, (str, int, float)):
            append(json.dumps(value, ensure_ascii=False))  # floats, and str or int subclasses (enums)
        else:
            raise _Unusual

    try:
        write(value, 0)
    except (_Unusual, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=indent)
    return "".join(pieces)


class _Unusual(Exception):
    """A value this writer leaves to ``json`` (a dict subclass, a key that is not a str …)."""
