"""Render stage (diff): a DocumentDiff as one self-contained HTML page.

The page has a summary of counts, the renumbering map, the substitutions, and the side-by-side
新旧对照表 (old | new | change) with inline redlines: deletions ``<del>`` in the old column,
insertions ``<ins>`` in the new one, formatting edits quietly underlined; each changed row
also carries the one-column redline in a ``<details>``. Styles are inline and there is no
script, so the page works offline, from a file, and prints; a checkbox (pure CSS) hides the
rows that did not change.
"""

from __future__ import annotations

from html import escape

from policyparse.compare.cells import FORMAT, Piece, stream
from policyparse.compare.records import DocumentDiff, Matched
from policyparse.compare.redline import DELETE, INSERT
from policyparse.compare.retargeted import described, new_paths
from policyparse.compare.rows import Row, table_rows

__all__ = ["diff_to_html"]

_STYLE = """
:root { color-scheme: light; --del: #fdd; --del-ink: #a00; --ins: #dfd; --ins-ink: #060; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #222; background: #fff;
       line-height: 1.6; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.files { color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .4rem .6rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
table.counts { width: auto; }
table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.diff td.old, table.diff td.new { width: 42%; white-space: pre-wrap; }
table.diff td.note { width: 16%; font-size: .9rem; }
tr.heading td { background: #f7f7fb; font-weight: bold; }
tr.added td.new { background: #f3fff3; }
tr.removed td.old { background: #fff3f3; }
tr.unchanged td { color: #666; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: none; font-weight: bold; }
span.fmt { text-decoration: underline dotted #999; }
b.label { margin-right: .5em; }
details { margin-top: .3rem; }
details div.inline { white-space: pre-wrap; font-size: .85rem; }
#only-changes:checked ~ table.diff tr.unchanged { display: none; }
p.legend { font-size: .9rem; color: #444; }
"""


# What the marks of the table mean, shown with the marks themselves.
_LEGEND = (
    '<p class="legend">图例 legend：<ins>新增文字 inserted</ins>　<del>删除文字 deleted</del>　'
    '<span class="fmt">仅格式变化 format only</span>（标点、空格、全半角 punctuation, spacing, width）　'
    "位置移动 moved：所在章节或次序变了 (another chapter, or out of order)　"
    "仅引用条号变更 reference only：只有所引条文的序号随之变了 (a cited number that follows the renumbering)　"
    "按标题对应 / 按内容对应：两版条文据以对应的依据 (what paired the two)</p>"
)


def diff_to_html(result: DocumentDiff) -> str:
    """Return the diff as a complete HTML page (UTF-8, no external resources, no script).

    Args:
        result: what :func:`~policyparse.compare.diff` returned.
    """
    old_name, new_name = escape(result.old_name or "old"), escape(result.new_name or "new")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>新旧对照表：{old_name} → {new_name}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<h1>新旧对照表</h1>",
        f'<p class="files">旧 old：<b>{old_name}</b>　新 new：<b>{new_name}</b></p>',
        _summary(result),
        _renumbering(result),
        _substitutions(result),
        _retargeted(result),
        '<section id="comparison">',
        "<h2>对照 Side by side</h2>",
        _LEGEND,
        '<input type="checkbox" id="only-changes"> <label for="only-changes">只显示有变化的条文 (changes only)</label>',
        '<table class="diff">',
        '<thead><tr><th scope="col">旧 old</th><th scope="col">新 new</th>'
        '<th scope="col">变化 change</th></tr></thead>',
        "<tbody>",
    ]
    parts.extend(_row(row, number) for number, row in enumerate(table_rows(result), 1))
    parts.extend(["</tbody>", "</table>", "</section>", "</body>", "</html>"])
    return "\n".join(parts) + "\n"


def _summary(result: DocumentDiff) -> str:
    s = result.summary
    cells = [
        ("新增 added", s.added),
        ("删除 removed", s.removed),
        ("对应 matched", s.matched),
        ("修改 text changed", s.text_changed),
        ("序号变更 renumbered", s.renumbered),
        ("移动 moved", s.moved),
        ("仅格式 format only", s.format_only),
        ("仅引用 reference only", s.reference_only),
        ("拆分 split", s.split),
        ("合并 merged", s.merged),
    ]
    rows = "".join(f'<tr><th scope="row">{name}</th><td class="n">{value}</td></tr>' for name, value in cells)
    articles = ""
    if "article" in s.by_kind:
        a = s.by_kind["article"]
        articles = (
            f"<p>条 articles：新增 {a.added}，删除 {a.removed}，对应 {a.matched}（修改 {a.text_changed}，"
            f"序号变更 {a.renumbered}，移动 {a.moved}），拆分 {a.split}，合并 {a.merged}。</p>"
        )
    preamble = ""
    if result.preamble.text_changed:
        preamble = (
            f'<p>序言/前言 preamble：修改</p><div class="inline">{_pieces(stream(result.preamble.redline))}</div>'
        )
    return (
        f'<section id="summary"><h2>摘要 Summary</h2><table class="counts">{rows}</table>{articles}{preamble}</section>'
    )


def _renumbering(result: DocumentDiff) -> str:
    ranges = result.summary.renumber_ranges
    if not ranges:
        return '<section id="renumbering"><h2>序号变更 Renumbering</h2><p>无 none</p></section>'
    rows = "".join(
        f'<tr><td>{escape(_span(r.old))}</td><td>{escape(_span(r.new))}</td><td class="n">{r.offset:+d}</td></tr>'
        for r in ranges
    )
    return (
        '<section id="renumbering"><h2>序号变更 Renumbering</h2><table class="counts">'
        "<thead><tr><th>旧 old</th><th>新 new</th><th>差 offset</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _span(labels: tuple[str, str]) -> str:
    return labels[0] if labels[0] == labels[1] else f"{labels[0]}–{labels[1]}"


def _retargeted(result: DocumentDiff) -> str:
    """The references that now name another section than before."""
    if not result.retargeted:
        return ""
    paths = new_paths(result.changes)
    rows = ""
    for r in result.retargeted:
        where, now, before = described(r, paths)
        rows += (
            f"<tr><td>{escape(where)}</td><td>{escape(r.new_text)}</td><td>{escape(now)}</td>"
            f"<td>{escape(before)}</td></tr>"
        )
    return (
        '<section id="retargeted"><h2>引用指向变化 References that now name another section</h2><table class="counts">'
        "<thead><tr><th>条文 section</th><th>引用 reference</th><th>现指 names now</th>"
        "<th>原指的条文现为 what it named is now</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _substitutions(result: DocumentDiff) -> str:
    found = result.summary.substitutions
    if not found:
        return ""
    rows = "".join(
        f'<tr><td>{escape(s.old)}</td><td>{escape(s.new)}</td><td class="n">{s.count}</td></tr>' for s in found
    )
    return (
        '<section id="substitutions"><h2>术语替换 Substitutions</h2><table class="counts">'
        "<thead><tr><th>旧 old</th><th>新 new</th><th>处 count</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _row(row: Row, number: int) -> str:
    flags = {flag for _, flag in row.notes}
    classes = ["heading" if row.heading else "unit"]
    classes.append(
        "unchanged"
        if row.unchanged
        else "added"
        if "added" in flags
        else "removed"
        if "removed" in flags
        else "changed"
    )
    old = "\n\n".join(_cell(name, pieces) for name, pieces in row.old)
    new = "\n\n".join(_cell(name, pieces) for name, pieces in row.new)
    notes = "<br>".join(f"{escape(text)}" for text, _ in row.notes)
    change = row.change
    if isinstance(change, Matched) and (change.text_changed or change.title_changed):
        notes += (
            f"<details><summary>修订痕迹 redline · {change.similarity:.2f}</summary>"
            f'<div class="inline">{_pieces(stream(change.redline))}</div></details>'
        )
    return (
        f'<tr id="row-{number}" class="{" ".join(classes)}"><td class="old">{old}</td>'
        f'<td class="new">{new}</td><td class="note">{notes}</td></tr>'
    )


def _cell(name: str, pieces: tuple[Piece, ...]) -> str:
    label = f'<b class="label">{escape(name)}</b>' if name else ""
    return label + _pieces(list(pieces))


def _pieces(pieces: list[Piece]) -> str:
    out = []
    for how, text in pieces:
        safe = escape(text)
        if how == DELETE:
            out.append(f"<del>{safe}</del>")
        elif how == INSERT:
            out.append(f"<ins>{safe}</ins>")
        elif how == FORMAT:
            out.append(f'<span class="fmt">{safe}</span>')
        else:
            out.append(safe)
    return "".join(out)
