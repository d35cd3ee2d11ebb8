"""Reader stage (HTML): a web page's bytes → text, by its byte-order mark, its declared charset or a guess.

The order is a browser's, narrowed to the encodings Chinese government sites use: a byte-order
mark wins; then the charset that a ``<meta>`` in the first 4 KB declares; then UTF-8; then
GB18030. A declared label counts only if it is one of the WHATWG Encoding Standard's labels
for the encodings below (gb2312 and gbk read as GB18030, the Latin-1 family as windows-1252,
utf-16 as UTF-8, as browsers rule); any other label is ignored, never looked up in Python's
codec registry (which knows 「cp037」 and 「unicode_escape」, which no page is in).

A page whose bytes do not decode in the encoding it declares is read as UTF-8 if they are
UTF-8 (an old template's ``gb2312`` over UTF-8 text), else as GB18030 if that works (a
``utf-8`` template over GBK text). A page that declares a GB encoding and is valid UTF-8 with
characters beyond ASCII is read as UTF-8 too: GB18030 reads almost any bytes, so such a page
would decode without error, as noise. Each such page gets an ``encoding-fallback`` remark, and
so does every page that was not read as UTF-8. Bytes that nothing reads raise one line naming
what was tried.
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
_BIG5 = "big5hkscs"  # the WHATWG Big5 decoder reads the HKSCS extension too
# The WHATWG labels of the encodings that matter here, each with the Python codec that reads it.
_LABELS = {
    **dict.fromkeys(("utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"),
                    "utf-8"),
    **dict.fromkeys(("gbk", "gb2312", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "csiso58gb231280",
                     "iso-ir-58", "x-gbk", "gb18030"), _GB),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"), _BIG5),
    # A page whose declaration could be read as ASCII is not UTF-16 (as browsers rule).
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "unicode", "unicodefeff", "ucs-2", "csunicode",
                     "iso-10646-ucs-2", "unicodefffe"), "utf-8"),
    # Browsers read the Latin-1 family and ASCII as windows-1252.
    **dict.fromkeys(("windows-1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987",
                     "latin1", "l1", "cp1252", "x-cp1252", "cp819", "ibm819", "csisolatin1", "iso-ir-100",
                     "ascii", "us-ascii", "ansi_x3.4-1968"), "cp1252"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms932", "ms_kanji", "windows-31j", "csshiftjis"),
                    "cp932"),
    **dict.fromkeys(("euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"), "euc_jp"),
    **dict.fromkeys(("euc-kr", "cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987",
                     "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"), "cp949"),
}
_NAMES = {
    "utf-8": "UTF-8", _GB: "GB18030", _BIG5: "Big5", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE",
    "cp1252": "windows-1252", "cp932": "Shift_JIS", "euc_jp": "EUC-JP", "cp949": "EUC-KR",
}


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
        except UnicodeError as error:
            return _fall_back(data, error, "UTF-8", (_GB,), "the page is not UTF-8; decoded as {}")
    misread = f"the page declares {label} but is not; decoded as {{}}"
    if declared == _GB:
        # Valid UTF-8 with characters beyond ASCII is strong evidence (GBK text seldom is),
        # and GB18030 would read those bytes without an error, as noise.
        try:
            text = data.decode("utf-8")
        except UnicodeError:
            pass
        else:
            if not text.isascii():
                return text, ((ENCODING_FALLBACK, misread.format("UTF-8")),)
    try:
        text = data.decode(declared)
    except UnicodeError as error:
        # A page that is not what it declares: an old template's label over UTF-8 text, or a
        # UTF-8 template over GBK text. Valid UTF-8 is strong evidence (other text seldom is),
        # so it is tried first; GB18030 reads almost any bytes, so it comes last.
        others = tuple(codec for codec in ("utf-8", _GB) if codec != declared)
        return _fall_back(data, error, label, others, misread)
    if declared == "utf-8":
        return text, ()
    name = _NAMES.get(declared, label)
    return text, ((ENCODING_FALLBACK, f"the page is not UTF-8; decoded as {name} (it declares {label})"),)


def _decode_bom(data: bytes, encoding: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Decode after a byte-order mark; a UTF-16 stream is never read as GB18030 (that gives noise)."""
    try:
        text = data.decode(encoding)
    except UnicodeError as error:
        if encoding == "utf-8":
            message = "the page has a UTF-8 byte-order mark but is not UTF-8; decoded as {}"
            return _fall_back(data, error, "UTF-8", (_GB,), message)
        where = f" at byte {error.start + 2}" if isinstance(error, UnicodeDecodeError) else ""
        reason = error.reason if isinstance(error, UnicodeDecodeError) else str(error)
        raise PolicyParseError(
            f"the page starts with a {_NAMES[encoding]} byte-order mark but {reason}{where}"
        ) from error
    if encoding == "utf-8":
        return text, ()
    return text, ((ENCODING_FALLBACK, f"the page is not UTF-8; decoded as {_NAMES[encoding]} (byte-order mark)"),)


def _fall_back(
    data: bytes, error: UnicodeError, tried: str, others: tuple[str, ...], message: str
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
        except UnicodeError:
            continue
    names = " nor ".join(_NAMES[codec] for codec in others)
    why = f"{error.reason} at byte {error.start}" if isinstance(error, UnicodeDecodeError) else str(error)
    raise PolicyParseError(f"the page is neither {tried} ({why}) nor {names}") from error


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
    # An unknown label is ignored, as a browser ignores it.
    return label, _LABELS.get(label)


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
