"""Reader stage (Word): the .docx zip package: its parts, their relationships, and the bad-file errors.

A .docx is a zip (OPC) package. The main part is found through ``_rels/.rels`` (the
officeDocument relationship), falling back to ``word/document.xml``; the other parts
(numbering, styles, headers, footers, notes, comments) through the main part's
relationships. Every part is read with a size limit, counted on the bytes actually
inflated (a zip's stated sizes can lie), so that a zip bomb cannot eat memory.

Bad files raise :class:`~policyparse.errors.PolicyParseError` with one line: not a zip, a
truncated zip, no main document, an old binary .doc or an encrypted .docx (both OLE
compound files; an encrypted OOXML file holds an ``EncryptionInfo`` stream), a part too
large. Malformed XML is reported by :func:`~policyparse.readers.docx.xml.parse_xml`.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

import attrs
from lxml import etree

from policyparse.errors import PolicyParseError
from policyparse.readers.docx.xml import PKG_REL, parse_xml
from policyparse.readers.sniff import OLE_SIGNATURE

__all__ = ["MAX_PART_BYTES", "MAX_TOTAL_BYTES", "Package", "open_package"]

MAX_PART_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
_CHUNK = 1024 * 1024

# Names in an OLE directory are UTF-16LE: these find the stream without parsing the file.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_WORD_DOCUMENT = "WordDocument".encode("utf-16-le")

_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError)


@attrs.frozen(kw_only=True)
class Relationship:
    """One relationship of a part: its id, type (the last path step of the URI) and target part."""

    id: str
    type: str
    target: str
    external: bool = False


class Package:
    """An open .docx package: read its parts by name, with the size limits.

    Attributes:
        main: the name of the main document part (``word/document.xml``).
        relationships: the main part's relationships, in file order.
        core: the core-properties part's name, or None.
    """

    def __init__(self, archive: zipfile.ZipFile, main: str, core: str | None) -> None:
        self._archive = archive
        self._names = {info.filename: info for info in archive.infolist()}
        self._read_total = 0
        self.main = main
        self.core = core
        self.relationships: tuple[Relationship, ...] = ()

    def has(self, name: str) -> bool:
        """Whether the package holds a part of this name."""
        return name in self._names

    def read(self, name: str) -> bytes:
        """The bytes of one part, refusing more than :data:`MAX_PART_BYTES` inflated.

        Raises:
            PolicyParseError: the part is damaged or too large.
        """
        limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self._read_total)
        buffer = bytearray()
        try:
            with self._archive.open(self._names[name]) as stream:
                while chunk := stream.read(_CHUNK):
                    buffer += chunk
                    if len(buffer) > limit:
                        raise PolicyParseError(
                            f"not a Word file: {name} inflates to over {limit // (1024 * 1024)} MB (a zip bomb?)"
                        )
        except PolicyParseError:
            raise
        except _ZIP_ERRORS as error:
            raise PolicyParseError(f"not a Word file: {name} cannot be read from the zip archive ({error})") from error
        self._read_total += len(buffer)
        return bytes(buffer)

    def xml(self, name: str) -> etree._Element:
        """One part parsed as XML (see :func:`~policyparse.readers.docx.xml.parse_xml`)."""
        return parse_xml(self.read(name), name)

    def part_relationships(self, part: str) -> tuple[Relationship, ...]:
        """The relationships of ``part`` (from ``dir/_rels/name.rels``), targets resolved to part names."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return ()
        relationships = []
        for element in self.xml(rels_name).iter("{" + PKG_REL + "}Relationship"):
            target = element.get("Target") or ""
            external = element.get("TargetMode") == "External"
            if not external:
                target = _resolve(folder, target)
            relationships.append(
                Relationship(
                    id=element.get("Id") or "",
                    type=(element.get("Type") or "").rsplit("/", 1)[-1],
                    target=target,
                    external=external,
                )
            )
        return tuple(relationships)

    def target(self, kind: str) -> str | None:
        """The first part the main part relates to with this relationship type (``styles``, ``numbering``)."""
        for relationship in self.relationships:
            if relationship.type == kind and not relationship.external and self.has(relationship.target):
                return relationship.target
        return None

    def by_id(self, relationship_id: str) -> str | None:
        """The part a relationship id of the main part (``rId10``) points to, if it is in the package."""
        for relationship in self.relationships:
            if relationship.id == relationship_id and not relationship.external and self.has(relationship.target):
                return relationship.target
        return None


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: relative to the source's folder, or absolute from the root."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _ole_error(data: bytes) -> PolicyParseError:
    """The error for an OLE compound file: encrypted OOXML, a binary .doc, or something else."""
    if _ENCRYPTION_INFO in data:
        return PolicyParseError("an encrypted Word file: remove its password in Word and save it again")
    if _WORD_DOCUMENT in data:
        return PolicyParseError("an old binary Word file (.doc); save it as .docx")
    return PolicyParseError("not a Word file: an OLE compound file (an old Office format?); save it as .docx")


def open_package(data: bytes) -> Package:
    """Open a .docx's bytes as a package and find its main document part.

    Args:
        data: the file's bytes.

    Returns:
        The open package, its main part's relationships read.

    Raises:
        PolicyParseError: the bytes are not a readable .docx (one line saying why).
    """
    if data.startswith(OLE_SIGNATURE):
        raise _ole_error(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        if data.startswith(b"PK"):
            raise PolicyParseError(f"not a Word file: the zip archive is truncated or damaged ({error})") from error
        raise PolicyParseError("not a Word file: not a zip archive (a .docx is a zip package)") from error
    names = set(archive.namelist())
    package = Package(archive, main="word/document.xml", core=None)
    main = None
    core = None
    for relationship in package.part_relationships(""):
        if relationship.external or relationship.target not in names:
            continue
        if relationship.type == "officeDocument" and main is None:
            main = relationship.target
        elif relationship.type == "core-properties" and core is None:
            core = relationship.target
    if main is None:
        if "word/document.xml" not in names:
            raise PolicyParseError("not a Word file: the zip archive has no word/document.xml")
        main = "word/document.xml"
    if core is None and "docProps/core.xml" in names:
        core = "docProps/core.xml"
    package.main = main
    package.core = core
    package.relationships = package.part_relationships(main)
    return package
