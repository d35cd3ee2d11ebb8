"""Reader stage (HTML): a web page's bytes → text, by its byte-order mark, its declared charset or a guess.

The order is a browser's, narrowed to the encodings Chinese government sites use: a byte-order
mark wins; then the charset that a ``<meta>`` in the first 4 KB declares (gb2312 and gbk read
as GB18030; an unknown label is ignored); then UTF-8; then GB18030. A page whose bytes do not
decode in the encoding it declares is read as UTF-8 if they are UTF-8 (an old template's
``gb2312`` over UTF-8 text), else as GB18030 if that works (a ``utf-8`` template over GBK text);
each such page gets an ``encoding-fallback`` remark, and so does every page that was not read
as UTF-8. Bytes that nothing reads raise one line naming what was tried.
"""

from __future__ import annotations

import codecs
import html.parser

from policyparse.errors import PolicyParseError

__all__ = ["ENCODING_FALLBACK", "decode_page"]

ENCODING_FALLBACK = "encoding-fallback"
# The declaration is looked for where a browser looks: the first 1024 bytes (HTML) or so;
# 4 KB leaves room for the long comment blocks some CMS templates put first.
_PRESCAN = 4096
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# GB2312 and GBK are subsets of GB18030; decoding by the superset reads the characters that
# sites type outside the declared set (「镕」「堃」 in names) instead of failing on them.
_GB = "gb18030"
_LABEL_ALIASES = {
    "gb2312": _GB, "gb_2312": _GB, "gb_2312-80": _GB, "csgb2312": _GB, "x-gbk": _GB, "gbk": _GB,
    "cp936": _GB, "chinese": _GB, "iso-ir-58": _GB, "euc-cn": _GB, "gb18030": _GB,
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
    # A page whose declaration could be read as ASCII is not UTF-16 (as browsers rule).
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
    # Browsers read the Latin-1 family as windows-1252.
    "iso-8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
}
_NAMES = {"utf-8": "UTF-8", _GB: "GB18030", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "cp1252": "windows-1252"}


def decode_page(data: bytes | str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Return a page's text and its remarks (an ``encoding-fallback`` when not read as UTF-8).

    Args:
        data: the page's bytes, or text already decoded (returned as it is, less a leading BOM).

    Returns:
        The text and a tuple of ``(code, message)`` remarks.

    Raises:
        PolicyParseError: when the bytes decode neither in their encoding nor as UTF-8 or GB18030.
    """
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), ()
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data[len(bom) :], encoding)
    label, declared = _declared(data[:_PRESCAN])
    if declared is None:
        try:
            return data.decode("utf-8"), ()
        except UnicodeDecodeError as error:
            return _fall_back(data, error, "UTF-8", (_GB,), "the page is not UTF-8; decoded as {}")
    try:
        text = data.decode(declared)
    except UnicodeDecodeError as error:
        # A page that is not what it declares: an old template's label over UTF-8 text, or a
        # UTF-8 template over GBK text. Valid UTF-8 is strong evidence (other text seldom is),
        # so it is tried first; GB18030 reads almost any bytes, so it comes last.
        others = tuple(codec for codec in ("utf-8", _GB) if codec != declared)
        return _fall_back(data, error, label, others, f"the page declares {label} but is not; decoded as {{}}")
    if declared == "utf-8":
        return text, ()
    name = _NAMES.get(declared, label)
    return text, ((ENCODING_FALLBACK, f"the page is not UTF-8; decoded as {name} (it declares {label})"),)


def _decode_bom(data: bytes, encoding: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Decode after a byte-order mark; a UTF-16 stream is never read as GB18030 (that gives noise)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-8":
            message = "the page has a UTF-8 byte-order mark but is not UTF-8; decoded as {}"
            return _fall_back(data, error, "UTF-8", (_GB,), message)
        raise PolicyParseError(
            f"the page starts with a {_NAMES[encoding]} byte-order mark but {error.reason} at byte {error.start + 2}"
        ) from error
    if encoding == "utf-8":
        return text, ()
    return text, ((ENCODING_FALLBACK, f"the page is not UTF-8; decoded as {_NAMES[encoding]} (byte-order mark)"),)


def _fall_back(
    data: bytes, error: UnicodeDecodeError, tried: str, others: tuple[str, ...], message: str
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Decode by the first of ``others`` that reads the bytes, with a remark; or raise naming them all.

    Args:
        data: the page's bytes.
        error: why the first encoding failed.
        tried: the first encoding's name, for the error.
        others: the codecs to try, in order.
        message: the remark, with ``{}`` for the encoding that worked.
    """
    for codec in others:
        try:
            return data.decode(codec), ((ENCODING_FALLBACK, message.format(_NAMES[codec])),)
        except UnicodeDecodeError:
            continue
    names = " nor ".join(_NAMES[codec] for codec in others)
    raise PolicyParseError(f"the page is neither {tried} ({error.reason} at byte {error.start}) nor {names}") from error


def _declared(head: bytes) -> tuple[str, str | None]:
    """The declared label as written (lower case) and the Python codec for it; None if none or unknown."""
    scanner = _MetaScanner()
    try:
        # Latin-1 maps every byte to one character, so the ASCII markup reads whatever the encoding.
        scanner.feed(head.decode("latin-1"))
        scanner.close()
    except _Found:
        pass
    label = scanner.label
    if not label:
        return "", None
    codec = _LABEL_ALIASES.get(label)
    if codec is None:
        try:
            info = codecs.lookup(label)
        except LookupError:
            return label, None  # an unknown label is ignored, as a browser ignores it
        # Python's codec registry also knows bytes-to-bytes codecs (「base64」), which no page is in.
        if not getattr(info, "_is_text_encoding", True):
            return label, None
        codec = info.name
    return label, codec


class _Found(Exception):
    """Stops the prescan at the first declaration."""


class _MetaScanner(html.parser.HTMLParser):
    """Finds ``<meta charset>`` or ``<meta http-equiv=Content-Type content="…; charset=…">``.

    A tokenizer rather than a pattern over the markup: a declaration inside a comment or a
    script does not count, and attributes may be quoted or not, in any order.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.label = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        label = values.get("charset", "")
        if not label and values.get("http-equiv", "").strip().lower() == "content-type":
            label = _charset_of(values.get("content", ""))
        label = label.strip().strip("\"'").strip().lower()
        if label:
            self.label = label
            raise _Found

    handle_startendtag = handle_starttag


def _charset_of(content: str) -> str:
    """The ``charset=`` parameter of a Content-Type value (「text/html; charset=gb2312」)."""
    for parameter in content.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value
    return ""
