"""A month's deliberation figures (睦邻议事厅): topics raised, supports, meetings held by kind,
decisions, and decisions carried into projects by what they became, per division.

Counts only, never a topic's or a post's text: hidden posts and their reasons stay out by
construction. The same disclosure control as the suggestions' (disclosure.py): a cell below
MIN_PEOPLE is withheld, and so is what would give it back by subtraction, along two kinds of sums:
a division's count is its children's plus what was raised or held at the division itself (a
street's own topics and meetings, hidden unless zero), and meetings held (decisions carried) is
the sum of its kinds (targets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any

from chalicelib import disclosure
from chalicelib.publishing.aggregate import DELIBERATION_COUNTS, DELIBERATION_PARTS, LEVELS, MonthTally, level_of

COUNTED = tuple(DELIBERATION_COUNTS.values())
PARTS = {DELIBERATION_COUNTS[event]: part for event, (part, _) in DELIBERATION_PARTS.items()}


def _keys(tally: MonthTally) -> set[Hashable]:
    return set(COUNTED) | {key for counts in tally.deliberation.values() for key in counts if isinstance(key, tuple)}


def _sums(code: str, keys: set[Hashable], *suffix: str) -> list[disclosure.Relation]:
    return [((code, total, *suffix), [(code, key, *suffix) for key in keys if isinstance(key, tuple) and key[0] == part])
            for total, part in PARTS.items()]


def withheld_cells(tally: MonthTally, minimum: int) -> set[Hashable]:
    keys = _keys(tally)
    values: dict[Hashable, int] = {(code, key): counts[key] for code, counts in tally.deliberation.items()
                                   for key in keys}
    relations: list[disclosure.Relation] = []
    hidden: set[Hashable] = set()
    lengths = sorted(LEVELS)
    children: dict[str, list[str]] = {}
    for code in tally.deliberation:
        depth = lengths.index(len(code))
        if depth:
            children.setdefault(code[:lengths[depth - 1]], []).append(code)
    for code in tally.deliberation:
        relations += _sums(code, keys)
        if code not in children:
            continue
        for key in keys:
            own = (code, key, "own")
            values[own] = values[(code, key)] - sum(values[(child, key)] for child in children[code])
            if values[own]:
                hidden.add(own)
            relations.append(((code, key), [*((child, key) for child in children[code]), own]))
        relations += _sums(code, keys, "own")
    return disclosure.withheld(values, relations, minimum=minimum, hidden=hidden)


def rows(tally: MonthTally, divisions: Mapping[str, Mapping[str, Any]], minimum: int) -> list[dict[str, Any]]:
    """One row per division with deliberation in the month; withheld cells are null."""
    withheld = withheld_cells(tally, minimum)

    def shown(code: str, key: Hashable, value: int) -> int | None:
        return None if (code, key) in withheld else value

    result = []
    for code in sorted(tally.deliberation):
        counts: Counter[Any] = tally.deliberation[code]
        row: dict[str, Any] = {"division": code, "level": level_of(code),
                               "name": (divisions.get(code) or {}).get("name")}
        row.update({name: shown(code, name, counts[name]) for name in COUNTED})
        for part in PARTS.values():
            row[part] = {key[1]: shown(code, key, n) for key, n in sorted(counts.items(), key=lambda kv: str(kv[0]))
                         if isinstance(key, tuple) and key[0] == part}
        result.append(row)
    return result


def index_counts(tally: MonthTally, code: str) -> dict[str, int]:
    """The month's counts under the live index's counter names (chalicelib/live/counters.py)."""
    counts = tally.deliberation.get(code) or Counter()
    return {"topics_raised": counts["topics_raised"], "meetings_held": counts["meetings_held"],
            "decisions_carried": counts["decisions_carried"]}
