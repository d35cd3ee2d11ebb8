"""Reader stage (HTML): what the page's styles say about an element: hidden, hidden by a style rule, bold.

An element is hidden by its own ``hidden`` attribute or ``display:none`` in its ``style``; a
``<style>`` rule hides the elements of a simple class or id selector (see :func:`css_hidden`),
which the walk (:mod:`.blocks`) reads as concealed rather than hidden; ``font-weight`` in an
element's ``style`` makes its text bold or not.
"""

from __future__ import annotations

import re

from lxml import html

__all__ = ["css_hidden", "font_weight", "is_hidden"]

# A ``<style>`` rule that hides a simple selector: 「.alert-warning」, 「#popup」, 「div.mask」.
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_BRACES = re.compile(r"[{}]")
_SIMPLE_SELECTOR = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9]*)?([.#])(-?[_a-zA-Z][-\w]*)")


def css_hidden(root: html.HtmlElement) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and ids that the page's ``<style>`` rules hide with ``display:none``.

    Only rules at the top level of a style sheet (not in ``@media``) whose selector is a simple
    class or id (「.alert-warning」, 「#popup」, 「div.mask」) count; a later rule that gives the
    same selector another display shows it again.
    """
    hidden: dict[tuple[str, str], bool] = {}
    for style in root.iter("style"):
        for selectors, declarations in _css_rules(style.text or ""):
            display = _display(declarations)
            if display is None:
                continue
            for selector in selectors.split(","):
                match = _SIMPLE_SELECTOR.fullmatch(selector.strip())
                if match is not None:
                    hidden[match.group(1), match.group(2)] = display == "none"
    classes = frozenset(name for (kind, name), none in hidden.items() if none and kind == ".")
    ids = frozenset(name for (kind, name), none in hidden.items() if none and kind == "#")
    return classes, ids


def _css_rules(sheet: str) -> list[tuple[str, str]]:
    """The top-level rules of a style sheet as ``(selectors, declarations)``; at-rules are skipped."""
    sheet = _CSS_COMMENT.sub("", sheet)
    rules = []
    depth = 0
    selector_start = 0
    block_start = 0
    for brace in _CSS_BRACES.finditer(sheet):
        if brace.group() == "{":
            if depth == 0:
                block_start = brace.end()
            depth += 1
            continue
        if depth == 0:
            continue  # a stray closing brace
        depth -= 1
        if depth == 0:
            selectors = sheet[selector_start : block_start - 1].strip()
            if not selectors.startswith("@"):
                rules.append((selectors, sheet[block_start : brace.start()]))
            selector_start = brace.end()
    return rules


def _display(declarations: str) -> str | None:
    """The value of the last ``display`` declaration, lowercased, ``!important`` aside; None if none."""
    value = None
    for declaration in declarations.split(";"):
        name, _, given = declaration.partition(":")
        if name.strip().lower() == "display":
            value = given.replace("!important", "").strip().lower()
    return value


def font_weight(style: str) -> bool | None:
    """Whether a ``style`` attribute makes text bold (700 and above, ``bold``, ``bolder``); None if silent."""
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        if name.strip().lower() != "font-weight":
            continue
        value = value.replace("!important", "").strip().lower()
        if value in ("bold", "bolder"):
            return True
        if value.isdigit():
            return int(value) >= 700
        if value in ("normal", "lighter"):
            return False
    return None


def is_hidden(element: html.HtmlElement) -> bool:
    """The ``hidden`` attribute or ``display:none`` in the element's own style."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    if not style:
        return False
    squeezed = "".join(style.lower().split())
    return "display:none" in squeezed


_CASE_CHANGE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def named_words(ident: str, classes: str) -> str:
    """An element's id and classes as lowercase words (「articleTitle」 → 「article title」), to
    search for what they name."""
    return _CASE_CHANGE.sub(" ", f"{ident} {classes}").lower()
