"""Render stage (diff): a DocumentDiff as a Markdown 新旧对照表 (old | new | change).

A summary, the renumbering ranges and the substitutions, then one GitHub-flavoured table
row per heading or unit, aligned by article (:mod:`policyparse.compare.rows`): deletions are
``<del>`` in the old column, insertions ``<ins>`` in the new column, labels and headings
``<strong>``; formatting edits are shown plainly. Line breaks inside a cell are ``<br>``.

The marks are inline HTML, which CommonMark and GitHub pass through in tables, and not ``**`` or
``~~``: CommonMark opens and closes those only where its flanking rules allow, and next to CJK
punctuation they often do not (``**除夕、**正月`` shows its asterisks).
"""

from __future__ import annotations

import re

from policyparse.compare.cells import FORMAT, SAME, Piece
from policyparse.compare.levels import LEVEL_NAMES, ordered_levels
from policyparse.compare.records import DocumentDiff, KindCounts
from policyparse.compare.retargeted import described, new_paths
from policyparse.compare.rows import Row, table_rows

__all__ = ["diff_to_markdown"]

_SPECIAL = re.compile(r"([\\`*_~\[\]|])")


def diff_to_markdown(result: DocumentDiff, *, everything: bool = False) -> str:
    """Return the diff as a Markdown page with a 新旧对照表.

    Args:
        result: what :func:`~policyparse.compare.diff` returned.
        everything: a row for every unchanged or only renumbered article too; by default a run
            of them is one row (「第十条至第二十条 | 第十一条至第二十一条 | 仅序号变化（11 条）」).

    Returns:
        CommonMark with GitHub tables, ending with a line break.
    """
    s = result.summary
    blocks = [
        "# 新旧对照表",
        f"旧：{_escape(result.old_name or 'old')}　新：{_escape(result.new_name or 'new')}",
        "\n".join(["摘要："] + [_level_line(kind, s.by_kind[kind]) for kind in ordered_levels(s.by_kind)]),
    ]
    if s.renumber_ranges:
        lines = ["序号变更："]
        for r in s.renumber_ranges:
            old = r.old[0] if r.old[0] == r.old[1] else f"{r.old[0]}至{r.old[1]}"
            new = r.new[0] if r.new[0] == r.new[1] else f"{r.new[0]}至{r.new[1]}"
            lines.append(f"- {old} → {new}（{r.offset:+d}）")
        blocks.append("\n".join(lines))
    if s.substitutions:
        blocks.append(
            "\n".join(
                ["术语替换："] + [f"- {_escape(x.old)} → {_escape(x.new)}（{x.count} 处）" for x in s.substitutions]
            )
        )
    if result.retargeted:
        paths = new_paths(result.changes)
        lines = ["引用指向变化（所引条文的序号变了，引用未随之修改）："]
        for record in result.retargeted:
            where, now, before = described(record, paths)
            lines.append(
                f"- {_escape(where)}：「{_escape(record.new_text)}」现指{_escape(now)}，原指的条文现为{_escape(before)}"
            )
        blocks.append("\n".join(lines))
    if result.preamble.old or result.preamble.new:
        note = "修改" if result.preamble.text_changed else "仅格式变化" if result.preamble.format_only else "未变"
        blocks.append(f"序言/前言：{note}")
    table = ["| 旧 | 新 | 变化 |", "| --- | --- | --- |"]
    rows = table_rows(result)
    table.extend(_row(row) for row in rows) if everything else table.extend(_quiet_runs_folded(rows))
    blocks.append("\n".join(table))
    return "\n\n".join(blocks) + "\n"


def _quiet(row: Row) -> str | None:
    """「未变」 or 「仅序号变化」 for a unit row nothing else happened to; None otherwise."""
    if row.heading or len(row.old) != 1 or len(row.new) != 1:
        return None
    flags = {flag for _, flag in row.notes}
    if flags == {"unchanged"}:
        return "未变"
    if flags == {"renumbered"}:
        return "仅序号变化"
    return None


def _quiet_runs_folded(rows: list[Row]) -> list[str]:
    """The table's lines, each run of rows with the same quiet note as one row."""
    lines: list[str] = []
    run: list[Row] = []
    for row in [*rows, None]:
        note = _quiet(row) if row is not None else None
        if run and (note is None or note != _quiet(run[0])):
            lines.append(_row(run[0]) if len(run) == 1 else _folded(run))
            run = []
        if row is None:
            break
        if note is None:
            lines.append(_row(row))
        else:
            run.append(row)
    return lines


def _folded(run: list[Row]) -> str:
    old = f"{_escape(run[0].old[0][0])}至{_escape(run[-1].old[0][0])}"
    new = f"{_escape(run[0].new[0][0])}至{_escape(run[-1].new[0][0])}"
    return f"| {old} | {new} | {_quiet(run[0])}（{len(run)} 条） |"


def _level_line(kind: str, c: KindCounts) -> str:
    """One level's counts: 「- 条文：新增 1，删除 0，对应 7（修改 2，…），拆分 0，合并 0」."""
    name = LEVEL_NAMES.get(kind, (kind, kind))[0]
    return (
        f"- {name}：新增 {c.added}，删除 {c.removed}，对应 {c.matched}（修改 {c.text_changed}，序号变更 "
        f"{c.renumbered}，移动 {c.moved}，仅格式 {c.format_only}，仅引用 {c.reference_only}），"
        f"拆分 {c.split}，合并 {c.merged}"
    )


def _row(row: Row) -> str:
    old = "<br><br>".join(_cell(name, pieces, row.heading, "del") for name, pieces in row.old)
    new = "<br><br>".join(_cell(name, pieces, row.heading, "ins") for name, pieces in row.new)
    notes = "；".join(text for text, _ in row.notes)
    return f"| {old} | {new} | {notes} |"


def _cell(name: str, pieces: tuple[Piece, ...], heading: bool, tag: str) -> str:
    body = "".join(_escape(text) if how in (SAME, FORMAT) else _marked(text, tag) for how, text in pieces).replace(
        "\n", "<br>"
    )
    label = f"<strong>{_escape(name)}</strong>" if name else ""
    if heading:
        return f"<strong>{_escape(name)}　{body}</strong>" if name and body else label or body
    return f"{label}　{body}" if label and body else label or body


def _marked(text: str, tag: str) -> str:
    """Put each line of ``text`` in ``<tag>``, leaving whitespace at its ends outside it."""
    lines = []
    for line in text.split("\n"):
        core = line.strip()
        if not core:
            lines.append(line)
            continue
        head = line[: len(line) - len(line.lstrip())]
        tail = line[len(line.rstrip()) :]
        lines.append(f"{head}<{tag}>{_escape(core)}</{tag}>{tail}")
    return "\n".join(lines)


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")
