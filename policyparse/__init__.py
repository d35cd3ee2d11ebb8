"""policyparse: the structure of Chinese policy and legal documents.

>>> import policyparse
>>> doc = policyparse.parse("四、着力提升碳市场活力\\n（六）丰富交易产品。稳健推进。\\n")
>>> [(s.label, s.title) for s in doc.walk()]
[('四、', '着力提升碳市场活力'), ('（六）', '丰富交易产品')]
"""

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up: see _launch)

if TYPE_CHECKING:
    __version__: str
    from policyparse._inputs import parse_bytes, parse_docx, parse_file, parse_html
    from policyparse._json import from_json, json_schema, to_json
    from policyparse._markdown import to_markdown
    from policyparse._parse import extract, parse
    from policyparse._text import to_text
    from policyparse.amendments import Instruction, InstructionKind, amend, instructions
    from policyparse.compare import (
        DocumentDiff,
        diff,
        diff_json_schema,
        diff_to_html,
        diff_to_json,
        diff_to_markdown,
        diff_to_text,
    )
    from policyparse.errors import AmendError, PolicyParseError
    from policyparse.model import (
        Attachment,
        Diagnostic,
        Document,
        Join,
        Kind,
        Meta,
        Origin,
        Page,
        PagePart,
        Paragraph,
        PartKind,
        Reason,
        Reference,
        Section,
        Separator,
        SetAside,
        Severity,
        Source,
        Table,
        TableCell,
        TableRow,
    )

__all__ = [
    "AmendError",
    "Attachment",
    "Diagnostic",
    "Document",
    "DocumentDiff",
    "Instruction",
    "InstructionKind",
    "Join",
    "Kind",
    "Meta",
    "Origin",
    "Page",
    "PagePart",
    "Paragraph",
    "PartKind",
    "PolicyParseError",
    "Reason",
    "Reference",
    "Section",
    "Separator",
    "SetAside",
    "Severity",
    "Source",
    "Table",
    "TableCell",
    "TableRow",
    "__version__",
    "amend",
    "diff",
    "diff_json_schema",
    "diff_to_html",
    "diff_to_json",
    "diff_to_markdown",
    "diff_to_text",
    "extract",
    "from_json",
    "instructions",
    "json_schema",
    "parse",
    "parse_bytes",
    "parse_docx",
    "parse_file",
    "parse_html",
    "to_json",
    "to_markdown",
    "to_text",
]

# Everything loads on first use: ``import policyparse`` costs next to nothing, and the
# command line arms its signals and starts without the parse stack (--help, --version).
_MODULES = {
    "policyparse._inputs": ("parse_bytes", "parse_docx", "parse_file", "parse_html"),
    "policyparse._json": ("from_json", "json_schema", "to_json"),
    "policyparse._markdown": ("to_markdown",),
    "policyparse._parse": ("extract", "parse"),
    "policyparse._text": ("to_text",),
    "policyparse.errors": ("AmendError", "PolicyParseError"),
    "policyparse.amendments": ("Instruction", "InstructionKind", "amend", "instructions"),
    "policyparse.model": (
        "Attachment", "Diagnostic", "Document", "Join", "Kind", "Meta", "Origin", "Page", "PagePart", "Paragraph",
        "PartKind", "Reason", "Reference", "Section", "Separator", "SetAside", "Severity", "Source", "Table",
        "TableCell", "TableRow",
    ),
    "policyparse.compare": (
        "DocumentDiff", "diff", "diff_json_schema", "diff_to_html", "diff_to_json", "diff_to_markdown",
        "diff_to_text",
    ),
}
_LAZY = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    """Import the module that defines ``name`` when it is first asked for."""
    if name == "__version__":
        from policyparse._version import version

        return version()
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"__version__"})
