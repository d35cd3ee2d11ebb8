"""Reader stage (HTML): what the page says its document is called, and whether a line says the same.

A page names its document outside the text: the ``<title>`` (the title, then the column and the
site: 「关于…的通知_头条新闻_某省住房公积金管理局」, 「… - 某市自然资源和规划局」, 「…|某市人民政府」,
or the site first) and, on most CMSs, ``<meta name="ArticleTitle">`` (the title alone). A line
agrees with the page when it is the meta title, the whole ``<title>``, or the ``<title>``'s
longest part between separators (the others name the column and the site).
Spaces never count (「标　　题」); a date in brackets after a heading (「关于…的通知 ( 2021年07月23日 )」)
is the page's, not the title's.
"""

from __future__ import annotations

import re

import attrs

from policyparse.readers.html.metadata import DATE_ALONE

__all__ = ["PageTitles", "squeeze", "without_date"]

# What stands between a title and the column or site in a <title>.
_SEPARATORS = re.compile(r"\s*(?:_+|\|+|｜+|-{1,2}|－+|—+|–|·|::|>{1,2}|»)\s*")
# A date after a heading's text, bracketed or not: 「( 2021年07月23日 )」, 「2023-05-06」.
_TRAILING_DATE = re.compile(rf"\s*[（(\[【]?\s*{DATE_ALONE}\s*[)）\]】]?\s*$")
# How a heading with a date after it ends (a digit, 日, a closing bracket).
_DATE_ENDS = frozenset("0123456789日)）]】")
# A site's name ends so (「…门户网站」, 「某中心政府信息公开」); a column's name is one of these words.
_SITE_NAME = re.compile(r"(?:网站|门户|官网|政府信息公开|信息公开|信息公开目录|信息公开专栏)$")
_COLUMN_NAME = re.compile(
    r"(?:首页|通知公告|公示公告|政策法规|政策文件|政策解读|新闻中心|新闻动态|工作动态|头条新闻|要闻动态|专题专栏|"
    r"规章|规章库|文件库|规范性文件|征集信息|政府文件)"
)


def squeeze(text: str) -> str:
    """The text without any space (letter-spacing and line breaks never count when comparing titles)."""
    return "".join(text.split())


def without_date(text: str) -> str:
    """A heading's text without the date a page puts after it (「关于…的通知 ( 2021年07月23日 )」 → 「关于…的通知」)."""
    return _TRAILING_DATE.sub("", text)


@attrs.frozen(kw_only=True)
class PageTitles:
    """The page's ``<title>`` and meta title, squeezed (both may be missing).

    Attributes:
        whole: the ``<title>``.
        title: its part that names the document: the longest one between separators (a
            document's title is longer than its column's or its site's name).
        names: its other parts: the column's and the site's names.
        meta: the meta title.
    """

    whole: str = ""
    title: str = ""
    names: frozenset[str] = frozenset()
    meta: str = ""

    @classmethod
    def of(cls, page_title: str | None, meta_title: str | None) -> PageTitles:
        """Read the ``<title>`` text and the ``<meta name="ArticleTitle">`` content."""
        parts = [squeeze(part) for part in _SEPARATORS.split(page_title or "") if squeeze(part)]
        title = max(parts, key=len, default="")
        names = frozenset(part for part in parts if part != title) if len(parts) > 1 else frozenset()
        return cls(whole=squeeze(page_title or ""), title=title, names=names, meta=squeeze(meta_title or ""))

    def agrees(self, text: str) -> bool:
        """Whether a line is the document's title as the page gives it.

        Args:
            text: the line (a trailing date is ignored).

        Returns:
            True when it is the meta title, the whole ``<title>``, or the ``<title>``'s part that
            names the document (before or after the column and site names), and no site's name.
        """
        if not self.meta and not self.whole:
            return False
        squeezed = squeeze(text)
        if squeezed and squeezed[-1] in _DATE_ENDS:
            squeezed = squeeze(without_date(text))
        if not squeezed:
            return False
        if squeezed not in (self.meta, self.title, self.whole):
            return False
        return not self.names_site(text)

    def names_site(self, text: str) -> bool:
        """Whether a line is only a site's or a column's name.

        Args:
            text: the line.

        Returns:
            True for a name the ``<title>`` gives after the title (its column, its site) or for
            one that ends like a site's or column's name (「…政府信息公开」, 「通知公告」).
        """
        squeezed = squeeze(without_date(text))
        if _SITE_NAME.search(squeezed) or _COLUMN_NAME.fullmatch(squeezed):
            return True
        return squeezed in self.names and squeezed != self.meta
