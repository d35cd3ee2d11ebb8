"""What the command line reads and writes: the file-name suffixes of the three kinds of input,
``convert``'s output formats and ``diff``'s; a module of its own, so that the CLI's help can name
them without importing the readers, the writers or the diff."""

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
DOCX_SUFFIXES = (".docx", ".docm", ".dotx")
# Markdown may hold HTML of its own: a .md file is read as text whatever it starts with.
MARKDOWN_SUFFIXES = (".md", ".markdown")
# What a folder gives by default: the suffixes of the three kinds of input.
INPUT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, *DOCX_SUFFIXES)
# Output format (convert --to) → the suffix of its files.
OUTPUT_SUFFIXES = {"json": ".json", "markdown": ".md", "text": ".txt"}
# diff --to: the formats the diff is rendered in.
DIFF_FORMATS = ("text", "json", "markdown", "html")
