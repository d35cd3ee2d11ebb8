"""The kind table (policyparse/kinds.py) agrees with the grammar and covers every kind."""

from __future__ import annotations

from policyparse._grammar import parser
from policyparse.kinds import KINDS, RULES
from policyparse.model import Kind


def test_every_kind_is_described_once() -> None:
    assert set(KINDS) == set(Kind)
    prefixes = [info.id_prefix for info in KINDS.values()]
    assert len(set(prefixes)) == len(prefixes)


def test_every_section_rule_is_in_the_table_with_its_terminal() -> None:
    grammar_rules = {
        str(rule.origin.name): str(rule.expansion[0].name)
        for rule in parser().rules
        if not str(rule.origin.name).startswith("_") and str(rule.origin.name) not in ("start", "contents")
    }
    assert grammar_rules == {rule: info.terminal for rule, info in RULES.items()}


def test_a_division_holds_articles_and_a_statute_unit_is_numbered_as_laws_cite() -> None:
    divisions = {kind for kind, info in KINDS.items() if info.division}
    assert divisions == {Kind.BOOK, Kind.SUBBOOK, Kind.PART, Kind.CHAPTER, Kind.SECTION}
    assert {kind for kind, info in KINDS.items() if info.local} == {Kind.CLAUSE, Kind.ITEM, Kind.SUBITEM}
    assert all(RULES[rule].rank < RULES["article"].rank for rule in ("book", "chapter", "section"))
