"""A small statute builder for diff tests with known truth, and its own checks.

``Law`` holds chapters of articles (each article a list of paragraphs) taken from a real
statute of the corpus; tests edit it (insert, delete, move, split, merge, reword) and render
both versions with fresh 第X章/第X条 labels, so that the expected diff is known exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import policyparse
from policyparse.numerals import int_to_chinese
from tests.conftest import CORPUS

SOURCE = CORPUS / "law-anti-monopoly-2022.md"
_CHAPTER = re.compile(r"^#+\s*第[一二三四五六七八九十百]+章\s*(.*)$")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零]+条\s+(.*)$")

needs_corpus = pytest.mark.skipif(not SOURCE.is_file(), reason="needs the corpus (tests/data/corpus)")


@attrs.define
class Chapter:
    """A chapter: its title and its articles, each a list of paragraphs."""

    title: str
    articles: list[list[str]]


@attrs.define
class Law:
    """A statute as chapters of articles, rendered with labels computed on the fly."""

    chapters: list[Chapter]

    def copy(self) -> Law:
        """A deep copy to edit."""
        return Law([Chapter(c.title, [list(a) for a in c.articles]) for c in self.chapters])

    def articles(self) -> list[list[str]]:
        """All articles in order."""
        return [a for c in self.chapters for a in c.articles]

    def number_of(self, chapter: int, index: int) -> int:
        """The article number (1-based) of ``chapters[chapter].articles[index]``."""
        return sum(len(c.articles) for c in self.chapters[:chapter]) + index + 1

    def render(self, markdown: bool = True) -> str:
        """The law as LawRefBook Markdown, or as plain text (U+3000 after labels, （一） half-width)."""
        lines = ["# 中华人民共和国测试法", "", "<!-- INFO END -->", ""] if markdown else []
        number = 0
        for position, chapter in enumerate(self.chapters, 1):
            head = f"第{int_to_chinese(position)}章 {chapter.title}"
            lines += [f"## {head}" if markdown else head.replace(" ", "\u3000"), ""]
            for article in chapter.articles:
                number += 1
                label = f"第{int_to_chinese(number)}条"
                body = [p.replace("（", "(").replace("）", ")") if not markdown else p for p in article]
                lines.append(f"{label} {body[0]}" if markdown else f"{label}\u3000{body[0]}")
                lines += [*(["", *body[1:]] if markdown and len(body) > 1 else body[1:]), ""] if markdown else body[1:]
        return "\n".join(lines) + "\n"

    def parse(self, markdown: bool = True) -> policyparse.Document:
        """The rendered law, parsed."""
        return policyparse.parse(self.render(markdown), name="test.md" if markdown else "test.txt")


def label(number: int) -> str:
    """第N条."""
    return f"第{int_to_chinese(number)}条"


def load_law(path: Path = SOURCE) -> Law:
    """Read a LawRefBook statute into chapters of articles (paragraphs as written)."""
    chapters: list[Chapter] = []
    body = path.read_text(encoding="utf-8").split("<!-- INFO END -->", 1)[1]
    for raw in body.splitlines():
        line = raw.strip().replace("\u200b", "")
        if not line:
            continue
        if found := _CHAPTER.match(line):
            chapters.append(Chapter(found.group(1).strip(), []))
        elif found := _ARTICLE.match(line):
            chapters[-1].articles.append([found.group(1).strip()])
        elif chapters and chapters[-1].articles:
            chapters[-1].articles[-1].append(line)
    return Law(chapters)


@needs_corpus
def test_the_source_law_is_read_whole() -> None:
    law = load_law()
    assert len(law.chapters) == 8
    assert len(law.articles()) == 70
    assert law.articles()[0][0].startswith("为了预防和制止垄断行为")


@needs_corpus
@pytest.mark.parametrize("markdown", [True, False])
def test_a_rendered_law_parses_to_its_articles(markdown: bool) -> None:
    law = load_law()
    document = law.parse(markdown)
    articles = [s for s in document.walk() if s.kind == "article"]
    assert [s.label for s in articles] == [label(n) for n in range(1, 71)]
    assert [s.title for s in document.sections] == [c.title.replace(" ", "") for c in law.chapters]
