"""Reader stage (Word): the WordprocessingML namespaces, tag names, the wrappers read through, one safe XML parser."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from policyparse.errors import PolicyParseError

__all__ = [
    "ALTERNATE",
    "CHOICE",
    "DC",
    "FALLBACK",
    "MC",
    "M_T",
    "PKG_REL",
    "PPR",
    "REL",
    "RPR",
    "R_ID",
    "SDT",
    "SDT_CONTENT",
    "TBL",
    "TC",
    "TR",
    "TXBX",
    "VAL",
    "P",
    "T",
    "W",
    "attr",
    "choose",
    "on_off",
    "parse_xml",
    "unwrap",
    "w",
    "w_int",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DC = "http://purl.org/dc/elements/1.1/"

_W = "{" + W + "}"


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")`` → ``{…/main}p``."""
    return _W + name


# Tags compared in the hot loops, spelled once.
P = w("p")
R = w("r")
T = w("t")
TBL = w("tbl")
TR = w("tr")
TC = w("tc")
PPR = w("pPr")
RPR = w("rPr")
VAL = w("val")
TXBX = w("txbxContent")
SDT = w("sdt")
SDT_CONTENT = w("sdtContent")
ALTERNATE = "{" + MC + "}AlternateContent"
CHOICE = "{" + MC + "}Choice"
FALLBACK = "{" + MC + "}Fallback"
M_T = "{" + M + "}t"
R_ID = "{" + REL + "}id"

# The markup-compatibility namespaces whose content this reader reads the same way as the
# plain WordprocessingML beside it: a Choice that requires only these is taken, any other
# Choice is skipped for its Fallback (w16se's w:symEx emoji, for one, only the Fallback spells).
_UNDERSTOOD = frozenset(
    {
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "http://schemas.microsoft.com/office/word/2012/wordml",
        "http://schemas.microsoft.com/office/drawing/2010/main",
        M,
    }
)

# Block-level wrappers around paragraphs, tables, rows and cells (tracked insertions too).
_BLOCK_WRAPPERS = frozenset({w("customXml"), SDT_CONTENT, w("ins"), w("moveTo")})


def attr(element: etree._Element | None, name: str = VAL) -> str | None:
    """An attribute of ``element`` (``w:val`` by default), or None if either is missing."""
    if element is None:
        return None
    return element.get(name)


_MAX_INT_DIGITS = 11


def w_int(element: etree._Element | None, name: str = VAL) -> int | None:
    """An integer attribute (``w:val`` by default); None if missing, not a number, or longer
    than any value Word writes (ten digits: a 4,300-digit ``w:start`` must not reach ``int``)."""
    value = attr(element, name)
    if value is None or len(value) > _MAX_INT_DIGITS:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def on_off(element: etree._Element | None) -> bool | None:
    """An ST_OnOff property (``<w:b/>``, ``<w:b w:val="0"/>``): None when the element is absent."""
    if element is None:
        return None
    return element.get(VAL, "true").strip().lower() not in ("0", "false", "off")


def choose(alternate: etree._Element) -> etree._Element | None:
    """The branch of an ``mc:AlternateContent`` to read: a Choice we understand, else the Fallback.

    Args:
        alternate: the ``mc:AlternateContent`` element.

    Returns:
        The ``mc:Choice`` or ``mc:Fallback`` element, or None if neither can be read.
    """
    fallback = None
    for branch in alternate:
        if branch.tag == CHOICE:
            prefixes = (branch.get("Requires") or "").split()
            namespaces = branch.nsmap
            if prefixes and all(namespaces.get(prefix) in _UNDERSTOOD for prefix in prefixes):
                return branch
        elif branch.tag == FALLBACK:
            fallback = branch
    return fallback


def unwrap(container: etree._Element, wanted: tuple[str, ...]) -> Iterator[etree._Element]:
    """The ``wanted`` children of a container, through content controls, custom XML and alternates."""
    for child in container:
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from unwrap(content, wanted)
        elif tag in _BLOCK_WRAPPERS:
            yield from unwrap(child, wanted)
        elif tag == ALTERNATE:
            branch = choose(child)
            if branch is not None:
                yield from unwrap(branch, wanted)


def parse_xml(data: bytes, part: str) -> etree._Element:
    """Parse one part of the package without entities, network or huge-tree allowances.

    Args:
        data: the part's bytes.
        part: its name in the package, for the error message.

    Returns:
        The root element.

    Raises:
        PolicyParseError: the part is not well-formed XML.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, collect_ids=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        reason = " ".join(str(error).split())
        raise PolicyParseError(f"not a Word file: {part} is malformed XML ({reason})") from error
    if root is None:  # lxml returns None for a document it recovered to nothing
        raise PolicyParseError(f"not a Word file: {part} is empty")
    return root
