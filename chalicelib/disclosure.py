"""Which counts to withhold so that no count of fewer than MIN_PEOPLE people can be read off
the published tables, even by subtraction.

Withholding the small cells alone is not enough: a street's total minus its committees' shown
counts gives back the one committee's withheld count, and so does a row's total minus its
other categories. So each additive relation the tables hold (a total equals the sum of its
parts) is checked, and wherever exactly one cell of it is unknown and that cell must stay
unknown, one more cell is withheld: the smallest shown part above zero, or else the total
(which then needs the same protection in the relations it is part of). This repeats until no
relation gives a protected cell away. It is the usual complementary suppression of official
statistics, done greedily; it may withhold more than an optimal pattern would, never less.

Some relations have a part nobody publishes: a street's total also counts the suggestions sent
to the street itself. Such a `hidden` part is unknown to a reader; it needs protection only if
it is itself small. Cells in one `group` are shown together or not at all (a distribution of
ratings, whose published mean is a second relation over the same cells).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

# Below the domains, because the monthly publication and the live index (chalicelib/live/)
# both withhold by it, and one threshold must hold for every figure the platform publishes.
MIN_PEOPLE = 5
Cell = Hashable
Relation = tuple[Cell, Sequence[Cell]]  # total, parts: values[total] == sum(values[p] for p in parts)


def withheld(values: Mapping[Cell, int], relations: Iterable[Relation], *, minimum: int,
             hidden: Iterable[Cell] = (), groups: Iterable[Sequence[Cell]] = ()) -> set[Cell]:
    """The published cells to withhold; `values` holds every cell, hidden ones included."""
    hidden = set(hidden)
    relations = list(relations)
    group_of = {cell: tuple(group) for group in groups for cell in group}
    protected: set[Cell] = set()
    unknown = set(hidden)

    def withhold(cell: Cell) -> None:
        for member in group_of.get(cell, (cell,)):
            unknown.add(member)
            protected.add(member)

    for cell, value in values.items():
        if 0 < value < minimum:
            withhold(cell)
    while True:
        # Hidden cells a reader can work out count as known; withholding more only makes
        # fewer of them known, so this errs on the side of withholding.
        known = {cell for cell in recoverable(relations, unknown) if cell not in protected}
        changed = False
        for total, parts in relations:
            lone = [cell for cell in (total, *parts) if cell in unknown and cell not in known]
            if len(lone) != 1 or lone[0] not in protected:
                continue
            shown = sorted((cell for cell in parts if cell not in unknown and values[cell] > 0),
                           key=lambda cell: (values[cell], repr(cell)))
            withhold(shown[0] if shown else total)
            changed = True
        if not changed:
            return unknown - hidden


def recoverable(relations: Iterable[Relation], unknown: set[Cell]) -> set[Cell]:
    """Unknown cells a reader can compute by subtraction, repeatedly: the check of `withheld`."""
    unknown = set(unknown)
    found: set[Cell] = set()
    relations = list(relations)
    progress = True
    while progress:
        progress = False
        for total, parts in relations:
            lone = [cell for cell in (total, *parts) if cell in unknown]
            if len(lone) == 1:
                unknown.discard(lone[0])
                found.add(lone[0])
                progress = True
    return found
