"""Test helper: small .docx files built in memory from WordprocessingML snippets."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from xml.sax.saxutils import escape, quoteattr

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"'
)
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def run(text: str = "", *, bold: bool | None = None, rpr: str = "", inner: str | None = None) -> str:
    """A ``w:r``: its text in a ``w:t`` (or ``inner`` markup as is), bold on or off if given."""
    props = rpr
    if bold is not None:
        props += "<w:b/>" if bold else '<w:b w:val="0"/>'
    content = inner if inner is not None else f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{content}</w:r>"


def para(
    *content: str,
    style: str | None = None,
    num: int | None = None,
    ilvl: int | None = None,
    ppr: str = "",
    mark: str = "",
) -> str:
    """A ``w:p``. Plain strings in ``content`` become runs; strings starting with ``<`` are markup."""
    props = ""
    if style is not None:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None or ilvl is not None:
        props += "<w:numPr>"
        if ilvl is not None:
            props += f'<w:ilvl w:val="{ilvl}"/>'
        if num is not None:
            props += f'<w:numId w:val="{num}"/>'
        props += "</w:numPr>"
    props += ppr
    if mark:
        props += f"<w:rPr>{mark}</w:rPr>"
    body = "".join(item if item.startswith("<") else run(item) for item in content)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def level(
    ilvl: int,
    fmt: str = "decimal",
    text: str | None = "%1.",
    *,
    start: int | None = 1,
    suff: str | None = None,
    restart: int | None = None,
    is_lgl: bool = False,
    pstyle: str | None = None,
    extra: str = "",
) -> str:
    """A ``w:lvl`` (numFmt, lvlText, start …)."""
    parts = [f'<w:lvl w:ilvl="{ilvl}">']
    if start is not None:
        parts.append(f'<w:start w:val="{start}"/>')
    if fmt:
        parts.append(f'<w:numFmt w:val="{fmt}"/>')
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if pstyle is not None:
        parts.append(f'<w:pStyle w:val="{pstyle}"/>')
    if is_lgl:
        parts.append("<w:isLgl/>")
    if suff is not None:
        parts.append(f'<w:suff w:val="{suff}"/>')
    if text is not None:
        parts.append(f"<w:lvlText w:val={quoteattr(text)}/>")
    parts.append(extra)
    parts.append("</w:lvl>")
    return "".join(parts)


def abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    """A ``w:abstractNum`` with its levels."""
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, *, starts: Mapping[int, int] | None = None, overrides: str = "") -> str:
    """A ``w:num``, with startOverrides per level and other lvlOverride markup."""
    inner = f'<w:abstractNumId w:val="{abstract_id}"/>'
    for ilvl, start in (starts or {}).items():
        inner += f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
    return f'<w:num w:numId="{num_id}">{inner}{overrides}</w:num>'


def style(
    style_id: str,
    name: str | None = None,
    *,
    kind: str = "paragraph",
    based_on: str | None = None,
    ppr: str = "",
    rpr: str = "",
    default: bool = False,
) -> str:
    """A ``w:style``."""
    inner = f"<w:name w:val={quoteattr(name)}/>" if name is not None else ""
    if based_on is not None:
        inner += f'<w:basedOn w:val="{based_on}"/>'
    if ppr:
        inner += f"<w:pPr>{ppr}</w:pPr>"
    if rpr:
        inner += f"<w:rPr>{rpr}</w:rPr>"
    flag = ' w:default="1"' if default else ""
    return f'<w:style w:type="{kind}"{flag} w:styleId="{style_id}">{inner}</w:style>'


def table(*rows: str, grid: int = 0) -> str:
    """A ``w:tbl`` of rows."""
    columns = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{columns}</w:tblGrid>{''.join(rows)}</w:tbl>"


def row(*cells: str, trpr: str = "") -> str:
    """A ``w:tr`` of cells."""
    return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def cell(*paragraphs: str, span: int | None = None, merge: str | None = None) -> str:
    """A ``w:tc``: plain strings become paragraphs; ``merge`` is ``restart`` or ``continue``."""
    props = ""
    if span is not None:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    content = "".join(item if item.startswith("<") else para(item) for item in paragraphs) or para()
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{content}</w:tc>"


def docx(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    doc_defaults: str = "",
    sect: str = "",
    parts: Mapping[str, tuple[str, str]] | None = None,
    core_title: str | None = None,
    main: str = "word/document.xml",
    package_rels: bool = True,
    raw: Mapping[str, bytes] | None = None,
) -> bytes:
    """A .docx holding ``body`` (the markup inside ``w:body``).

    Args:
        body: paragraphs and tables.
        numbering: the inside of ``w:numbering`` (abstractNums, then nums), or None for no part.
        styles: the inside of ``w:styles`` (after docDefaults), or None for no part.
        doc_defaults: the inside of ``w:docDefaults/w:rPrDefault/w:rPr``.
        sect: the inside of the body's last ``w:sectPr`` (header and footer references).
        parts: other parts of the main part: relationship id → (type, part XML); the part's
            name is ``word/<type><n>.xml`` as the relationship target says, see :func:`part`.
        core_title: ``dc:title`` of the core properties (a core part is written when given).
        main: the name of the main part.
        package_rels: write ``_rels/.rels``.
        raw: parts written as given (name → bytes), after the others.
    """
    files: dict[str, bytes] = {}
    rels: list[tuple[str, str, str]] = []
    folder = main.rsplit("/", 1)[0]
    document = f"<w:document {NAMESPACES}><w:body>{body}<w:sectPr>{sect}</w:sectPr></w:body></w:document>"
    files[main] = (_DECLARATION + document).encode()
    if styles is not None:
        defaults = f"<w:docDefaults><w:rPrDefault><w:rPr>{doc_defaults}</w:rPr></w:rPrDefault></w:docDefaults>"
        files[f"{folder}/styles.xml"] = (_DECLARATION + f"<w:styles {NAMESPACES}>{defaults}{styles}</w:styles>").encode()
        rels.append(("rIdStyles", "styles", "styles.xml"))
    if numbering is not None:
        files[f"{folder}/numbering.xml"] = (
            _DECLARATION + f"<w:numbering {NAMESPACES}>{numbering}</w:numbering>"
        ).encode()
        rels.append(("rIdNumbering", "numbering", "numbering.xml"))
    for relationship_id, (kind, xml) in (parts or {}).items():
        target = f"{kind}{relationship_id.removeprefix('rId')}.xml" if kind in ("header", "footer") else f"{kind}.xml"
        files[f"{folder}/{target}"] = (_DECLARATION + xml).encode()
        rels.append((relationship_id, kind, target))
    relationships = "".join(
        f'<Relationship Id="{rid}" Type="{_REL}{kind}" Target="{target}"/>' for rid, kind, target in rels
    )
    files[f"{folder}/_rels/{main.rsplit('/', 1)[1]}.rels"] = (
        _DECLARATION + f'<Relationships xmlns="{_PKG_REL}">{relationships}</Relationships>'
    ).encode()
    package = [f'<Relationship Id="rId1" Type="{_REL}officeDocument" Target="{main}"/>']
    if core_title is not None:
        files["docProps/core.xml"] = (
            _DECLARATION + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(core_title)}</dc:title></cp:coreProperties>"
        ).encode()
        package.append(
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
            'metadata/core-properties" Target="docProps/core.xml"/>'
        )
    if package_rels:
        files["_rels/.rels"] = (_DECLARATION + f'<Relationships xmlns="{_PKG_REL}">{"".join(package)}</Relationships>').encode()
    files["[Content_Types].xml"] = (
        _DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    ).encode()
    files.update(raw or {})
    return zipped(files.items())


def zipped(files: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip archive of (name, bytes) pairs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


def story(root: str, content: str, **attributes: str) -> str:
    """A header, footer, footnotes or comments part: ``root`` (``w:hdr`` …) around ``content``."""
    extra = "".join(f" {name}={quoteattr(value)}" for name, value in attributes.items())
    return f"<{root} {NAMESPACES}{extra}>{content}</{root}>"
