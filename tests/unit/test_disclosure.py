"""Complementary suppression: no withheld count can be worked back by subtraction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.disclosure import recoverable, withheld


def test_a_lone_small_committee_takes_a_sibling_with_it():
    values = {"street": 12, "a": 9, "b": 3}
    relations = [("street", ["a", "b"])]
    assert withheld(values, relations, minimum=5) == {"a", "b"}


def test_a_small_part_with_only_zero_siblings_takes_the_total_and_then_its_sibling():
    values = {"city": 40, "d1": 3, "d2": 37, "s1": 3, "s2": 0}
    relations = [("city", ["d1", "d2"]), ("d1", ["s1", "s2"])]
    assert withheld(values, relations, minimum=5) == {"d1", "s1", "d2"}


def test_a_remainder_nobody_publishes_protects_only_when_it_is_small_itself():
    # The street's own 7 suggestions are unknown to a reader: the committee's 3 stays hidden.
    assert withheld({"street": 20, "a": 10, "b": 3, "own": 7}, [("street", ["a", "b", "own"])],
                    minimum=5, hidden={"own"}) == {"b"}
    # A remainder a reader can work out from another relation protects nothing.
    values = {"street": 13, "a": 10, "b": 3, "own": 0, "own_total": 0, "shown": 0}
    relations = [("street", ["a", "b", "own"]), ("own_total", ["own"]), ("shown", ["own_total"])]
    assert withheld(values, relations, minimum=5, hidden={"own", "own_total"}) == {"a", "b"}


def test_a_group_is_withheld_whole():
    values = {"ratings": 9, "s1": 1, "s2": 0, "s3": 0, "s4": 0, "s5": 8}
    relations = [("ratings", ["s1", "s2", "s3", "s4", "s5"])]
    assert withheld(values, relations, minimum=5, groups=[["s1", "s2", "s3", "s4", "s5"]]) == {
        "s1", "s2", "s3", "s4", "s5"}


@st.composite
def two_way_tables(draw):
    """A city → districts → streets hierarchy, each row split into categories, with what each
    level counts of its own (hidden), as the monthly summary has them."""
    cells: dict = {}
    relations: list = []
    hidden: set = set()
    categories = range(draw(st.integers(1, 3)))

    def node(name, depth):
        own = {c: draw(st.integers(0, 6)) for c in categories}
        children = [node(f"{name}.{i}", depth + 1) for i in range(draw(st.integers(0, 3)) if depth < 2 else 0)]
        for c in categories:
            cells[(name, c)] = own[c] + sum(cells[(child, c)] for child in children)
            cells[(name, "own", c)] = own[c]
            hidden.add((name, "own", c))
            relations.append(((name, c), [*((child, c) for child in children), (name, "own", c)]))
        cells[(name, "all")] = sum(cells[(name, c)] for c in categories)
        cells[(name, "own", "all")] = sum(own.values())
        hidden.add((name, "own", "all"))
        relations.append(((name, "all"), [(name, c) for c in categories]))
        relations.append(((name, "own", "all"), [(name, "own", c) for c in categories]))
        relations.append(((name, "all"), [*((child, "all") for child in children), (name, "own", "all")]))
        return name

    node("31", 0)
    return cells, relations, hidden


@settings(max_examples=300, deadline=None)
@given(two_way_tables())
def test_no_withheld_or_small_cell_can_be_worked_back(table):
    values, relations, hidden = table
    out = withheld(values, relations, minimum=5, hidden=hidden)
    small = {cell for cell, value in values.items() if 0 < value < 5}
    assert small - hidden <= out
    revealed = recoverable(relations, out | hidden)
    assert not revealed & (out | small), sorted(map(str, revealed & (out | small)))


def test_a_months_suggestion_rows_hide_a_small_committee_behind_its_street_and_categories():
    from collections import Counter

    from chalicelib.publishing.aggregate import MonthTally, SuggestionCounts, scopes
    from chalicelib.publishing.cells import withheld_suggestion_cells

    tally = MonthTally(lambda start, end: 0)
    for committee, sent in (("310110012001", 9), ("310110012003", 3)):
        for code in scopes(committee):
            row = tally.suggestions.setdefault(code, SuggestionCounts())
            row.counts["received"] += sent
            row.categories["sanitation"] += sent
            row.channels["web"] += sent
    tally.suggestions["310110012"].counts["received"] += 6  # sent to the street itself
    tally.suggestions["310110012"].categories["transport"] += 6
    tally.suggestions["310110012"].channels["web"] += 6
    for code in ("310110", "31"):
        tally.suggestions[code].counts["received"] += 6
        tally.suggestions[code].categories["transport"] += 6
        tally.suggestions[code].channels["web"] += 6
    tally.suggestions["310110012001"].ratings = Counter({5: 8, 4: 1})

    out = withheld_suggestion_cells(tally, 5)
    # The small committee, and the larger one that would give it back from the street's total
    # (the street's own 6 are known: its transport row shows them).
    assert {("310110012003", "received"), ("310110012001", "received")} <= out
    assert ("310110012", "received") not in out
    assert {("310110012001", ("satisfaction_distribution", s)) for s in "12345"} <= out
    assert ("310110012001", "ratings") not in out
