"""The suggestion counts of a month as cells and the sums that tie them, for disclosure.py.

A cell is (division, key): key is a count's name ("received", "ratings" …) or a pair such as
("by_category", "sanitation"). Every row's received is the sum of its categories and of its
channels, its ratings the sum of its score distribution; every division's count is the sum of
its children's plus what was sent to the division itself ((division, key, "own"), hidden from
readers unless it is zero, which a reader could guess).
"""

from __future__ import annotations

from collections.abc import Hashable

from chalicelib import disclosure
from chalicelib.publishing.aggregate import LEVELS, MonthTally, SuggestionCounts

SCORES = tuple(str(score) for score in range(1, 6))
COUNTED = ("received", "accepted", "declined", "replied", "closed", "adopted")
PARTS = {"received": ("by_category", "by_channel"), "ratings": ("satisfaction_distribution",)}


def row_cells(counts: SuggestionCounts) -> dict[Hashable, int]:
    cells: dict[Hashable, int] = {name: counts.counts[name] for name in COUNTED}
    cells["ratings"] = sum(counts.ratings.values())
    cells.update({("by_category", name): n for name, n in counts.categories.items()})
    cells.update({("by_channel", name): n for name, n in counts.channels.items()})
    cells.update({("satisfaction_distribution", score): counts.ratings[int(score)] for score in SCORES})
    return cells


def _sums(code: str, keys: set[Hashable], *suffix: str) -> list[disclosure.Relation]:
    relations: list[disclosure.Relation] = []
    for total, kinds in PARTS.items():
        for kind in kinds:
            parts = [(code, key, *suffix) for key in keys if isinstance(key, tuple) and key[0] == kind]
            relations.append(((code, total, *suffix), parts))
    return relations


def withheld_suggestion_cells(tally: MonthTally, minimum: int) -> set[Hashable]:
    rows = {code: row_cells(counts) for code, counts in tally.suggestions.items()}
    keys = set(COUNTED) | {"ratings"} | {key for cells in rows.values() for key in cells}
    values: dict[Hashable, int] = {(code, key): cells.get(key, 0) for code, cells in rows.items() for key in keys}
    relations: list[disclosure.Relation] = []
    hidden: set[Hashable] = set()
    lengths = sorted(LEVELS)
    children: dict[str, list[str]] = {}
    for code in rows:
        depth = lengths.index(len(code))
        if depth:
            children.setdefault(code[:lengths[depth - 1]], []).append(code)
    for code in rows:
        relations += _sums(code, keys)
        if code not in children:
            continue
        for key in keys:
            own = (code, key, "own")
            values[own] = values[(code, key)] - sum(values[(child, key)] for child in children[code])
            # A reader may well guess that nothing was sent to a street itself; where that guess
            # is right, the remainder protects nothing.
            if values[own]:
                hidden.add(own)
            relations.append(((code, key), [*((child, key) for child in children[code]), own]))
        relations += _sums(code, keys, "own")
    groups = [[(code, ("satisfaction_distribution", score)) for score in SCORES] for code in rows]
    return disclosure.withheld(values, relations, minimum=minimum, hidden=hidden, groups=groups)
