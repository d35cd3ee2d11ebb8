"""Diff stage: cross-references that now name another section than before (issue 15).

The document's references (``Document.references``) are resolved to ids in each version.
For each pair of matched sections, the references standing in them are paired (in order, or
by their text when the counts differ); a reference whose old targets, carried into the new
version by the diff's matches, are not what it names now has changed its meaning, whether or
not its wording changed: 「依照本法第十条」 kept as written while the old 第十条 became 第十一条
and a new 第十条 was inserted. One whose old target has no match (removed, split, merged) is
not judged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from policyparse.compare.records import Change, Matched, Retargeted
from policyparse.model import Document, Reference


def retargeted(old: Document, new: Document, changes: Sequence[Change]) -> tuple[Retargeted, ...]:
    """The references of matched sections that name another section than before, in the new
    version's order."""
    if not old.references or not new.references:
        return ()
    matched = [change for change in changes if isinstance(change, Matched)]
    old_to_new = {change.old.id: change.new.id for change in matched}
    old_in, new_in = _by_section(old.references), _by_section(new.references)
    found: list[Retargeted] = []
    for change in matched:
        for before, after in _paired(old_in.get(change.old.id, []), new_in.get(change.new.id, [])):
            if before.law is not None or after.law is not None or not before.targets or not after.targets:
                continue
            expected = tuple(old_to_new.get(target, "") for target in before.targets)
            if "" in expected or expected == after.targets:
                continue
            found.append(
                Retargeted(
                    old_section=change.old.id, new_section=change.new.id, old_text=before.text,
                    new_text=after.text, old_targets=before.targets, new_targets=after.targets,
                    expected=expected, old_line=before.line, new_line=after.line,
                )
            )
    return tuple(found)


def _by_section(references: Sequence[Reference]) -> dict[str, list[Reference]]:
    found: dict[str, list[Reference]] = defaultdict(list)
    for reference in references:
        if reference.section is not None:
            found[reference.section].append(reference)
    return found


def _paired(before: list[Reference], after: list[Reference]) -> list[tuple[Reference, Reference]]:
    """The references of one section in each version, paired: in order when there are as many
    in both, else each old one with the first new one of the same text not yet taken."""
    if len(before) == len(after):
        return list(zip(before, after, strict=True))
    pairs = []
    taken: set[int] = set()
    for reference in before:
        for index, candidate in enumerate(after):
            if index not in taken and candidate.text == reference.text:
                taken.add(index)
                pairs.append((reference, candidate))
                break
    return pairs


def mirrored(found: Sequence[Retargeted], changes: Sequence[Change]) -> tuple[Retargeted, ...]:
    """``found`` for the diff taken the other way round (``changes`` are the original's):
    what the new targets were matched to in the old version is what the reference would
    name there."""
    new_to_old = {change.new.id: change.old.id for change in changes if isinstance(change, Matched)}
    inverted = []
    for record in found:
        expected = tuple(new_to_old.get(target, "") for target in record.new_targets)
        if "" in expected:
            continue
        inverted.append(
            Retargeted(
                old_section=record.new_section, new_section=record.old_section, old_text=record.new_text,
                new_text=record.old_text, old_targets=record.new_targets, new_targets=record.old_targets,
                expected=expected, old_line=record.new_line, new_line=record.old_line,
            )
        )
    return tuple(inverted)


def new_paths(changes: Sequence[Change]) -> dict[str, str]:
    """The path of each section of the new version by its id, for showing targets to a reader."""
    found: dict[str, str] = {}
    for change in changes:
        new = getattr(change, "new", None)
        for ref in new if isinstance(new, tuple) else (new,):
            if ref is not None:
                found[ref.id] = ref.path
    return found


def described(record: Retargeted, paths: dict[str, str]) -> tuple[str, str, str]:
    """Where a retargeted reference stands, what it names now and what it named before, as
    paths of the new version (ids where a path is unknown)."""
    def shown(ids: Sequence[str]) -> str:
        return "、".join(paths.get(i, i) for i in ids)

    return paths.get(record.new_section, record.new_section), shown(record.new_targets), shown(record.expected)
