"""Reader stage (Word): paragraph and character styles (``word/styles.xml``), ``w:basedOn`` chains followed.

A paragraph's style gives the block its style name, heading level, title flag, inherited
numbering (``w:numPr``) and bold. Each property is taken from the nearest style of the
``w:basedOn`` chain that sets it; bold falls back to the document defaults
(``w:docDefaults``). A paragraph without ``w:pStyle`` has the default paragraph style
(``w:default="1"``, Normal); an unknown style id has the default style's properties and is
reported by its id.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree

from policyparse.readers.docx.xml import PPR, RPR, attr, on_off, w, w_int

__all__ = ["StyleInfo", "Styles"]

_HEADING_NAME = re.compile(r"heading\s*([1-9])", re.IGNORECASE)
_MAX_CHAIN = 64  # a basedOn chain longer than this is a loop or garbage
_STYLE = w("style")
_STYLE_ID = w("styleId")
_TYPE = w("type")
_DEFAULT = w("default")
_B = w("b")


@attrs.frozen(kw_only=True)
class _Style:
    """One ``w:style`` as written, before inheritance."""

    id: str
    kind: str
    name: str | None
    based_on: str | None
    num_id: int | None
    ilvl: int | None
    outline: int | None
    bold: bool | None


@attrs.frozen(kw_only=True)
class StyleInfo:
    """A paragraph style's effective properties.

    Attributes:
        name: the style's name as written (``heading 1``, ``公文一级标题``), its id if it has no
            name or is unknown; None if the file has no styles.
        heading: 1-9 from a ``heading N`` name or an outline level (``w:outlineLvl`` N-1);
            None for body text.
        title: the style is (or is based on) Word's Title style.
        num_id: the numbering instance the style attaches, if any (0 removes an inherited one).
        ilvl: the list level the style gives, if it says.
        bold: whether its text is bold unless a run says otherwise.
    """

    name: str | None = None
    heading: int | None = None
    title: bool = False
    num_id: int | None = None
    ilvl: int | None = None
    bold: bool = False


class Styles:
    """The styles part, with each paragraph style's inherited properties resolved once."""

    def __init__(self, root: etree._Element | None) -> None:
        """Index the styles; each is read when a paragraph first uses it.

        Args:
            root: the root of ``word/styles.xml``, or None if the file has none.
        """
        # A styles part made from a template holds a hundred table styles no paragraph uses:
        # only the ids are indexed here, and a style is read on first use.
        self._elements: dict[str, etree._Element] = {}
        self._styles: dict[str, _Style | None] = {}
        self._default_paragraph: str | None = None
        self.default_bold = False
        self._paragraph_cache: dict[str | None, StyleInfo] = {}
        self._run_cache: dict[str, bool | None] = {}
        if root is None:
            return
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{RPR}")
        if defaults is not None:
            self.default_bold = bool(on_off(defaults.find(_B)))
        for element in root.iterchildren(_STYLE):
            style_id = element.get(_STYLE_ID)
            if not style_id or style_id in self._elements:
                continue
            self._elements[style_id] = element
            if (
                self._default_paragraph is None
                and element.get(_TYPE, "paragraph") == "paragraph"
                and _on_off_attribute(element.get(_DEFAULT))
            ):
                self._default_paragraph = style_id

    def _style(self, style_id: str) -> _Style | None:
        if style_id not in self._styles:
            element = self._elements.get(style_id)
            self._styles[style_id] = _read_style(style_id, element) if element is not None else None
        return self._styles[style_id]

    def _chain(self, style_id: str | None) -> list[_Style]:
        """The style and the styles it is based on, nearest first."""
        chain: list[_Style] = []
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(chain) < _MAX_CHAIN:
            seen.add(style_id)
            style = self._style(style_id)
            if style is None:
                break
            chain.append(style)
            style_id = style.based_on
        return chain

    def paragraph(self, style_id: str | None) -> StyleInfo:
        """The effective properties of a paragraph style.

        Args:
            style_id: the paragraph's ``w:pStyle`` value, or None for the default style.

        Returns:
            The style's name, heading, title flag, numbering and bold.
        """
        cached = self._paragraph_cache.get(style_id)
        if cached is not None:
            return cached
        known = style_id is not None and style_id in self._elements
        chain = self._chain(style_id if known else self._default_paragraph)
        name = style_id
        if chain and (known or style_id is None):
            name = chain[0].name or chain[0].id
        info = StyleInfo(
            name=name,
            heading=_heading(chain),
            title=any(style.id == "Title" or (style.name or "").lower() == "title" for style in chain),
            num_id=next((style.num_id for style in chain if style.num_id is not None), None),
            ilvl=next((style.ilvl for style in chain if style.ilvl is not None), None),
            bold=next((style.bold for style in chain if style.bold is not None), self.default_bold),
        )
        self._paragraph_cache[style_id] = info
        return info

    def run_bold(self, style_id: str) -> bool | None:
        """The bold a character style (``w:rStyle``) gives its runs, or None if it does not say."""
        if style_id not in self._run_cache:
            chain = self._chain(style_id)
            self._run_cache[style_id] = next((style.bold for style in chain if style.bold is not None), None)
        return self._run_cache[style_id]

    def numbering_style_num(self, style_id: str) -> int | None:
        """The numId a numbering style (the target of a ``w:numStyleLink``) names, if any."""
        return next((style.num_id for style in self._chain(style_id) if style.num_id is not None), None)


def _on_off_attribute(value: str | None) -> bool:
    """An ST_OnOff attribute value (``w:default="1"``): absent or 0/false/off is off."""
    return value is not None and value.strip().lower() not in ("0", "false", "off")


def _read_style(style_id: str, element: etree._Element) -> _Style:
    ppr = element.find(PPR)
    num_pr = ppr.find(w("numPr")) if ppr is not None else None
    rpr = element.find(RPR)
    return _Style(
        id=style_id,
        kind=element.get(_TYPE) or "paragraph",
        name=attr(element.find(w("name"))),
        based_on=attr(element.find(w("basedOn"))),
        num_id=w_int(num_pr.find(w("numId"))) if num_pr is not None else None,
        ilvl=w_int(num_pr.find(w("ilvl"))) if num_pr is not None else None,
        outline=w_int(ppr.find(w("outlineLvl"))) if ppr is not None else None,
        bold=on_off(rpr.find(_B)) if rpr is not None else None,
    )


def _heading(chain: list[_Style]) -> int | None:
    """The heading level of the nearest style that names one: ``heading N``, else its outline level."""
    for style in chain:
        match = _HEADING_NAME.fullmatch((style.name or "").strip())
        if match is not None:
            return int(match.group(1))
        if style.outline is not None:
            return outline_heading(style.outline)
    return None


def outline_heading(outline: int) -> int | None:
    """``w:outlineLvl`` 0-8 as heading 1-9; 9 (body text) and anything else as None."""
    return outline + 1 if 0 <= outline <= 8 else None

