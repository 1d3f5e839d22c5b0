"""Quarterly entered indicators (index.ENTERED): which quarters may be entered, which one a day
reads, and what makes an entry valid. Pure: the service passes today's date.

A street enters, for itself and each of its committees, what the platform cannot measure
(居民公约 adopted, 楼组 activities, legal-advice sessions …), quarter by quarter, with evidence.
An entry counts for the division it was entered for; the levels above do not average their
children's entries, since a missing entry would otherwise pull a district's figure down.
"""

from __future__ import annotations

import re
from datetime import date

from chalicelib.division_codes import level_of
from chalicelib.live.index import BY_ID, ENTERED

QUARTER_PATTERN = re.compile(r"(20[0-9]{2})-Q([1-4])")
# The current quarter and the four before it: a late entry of last year's last quarter is still
# taken; older figures no longer move the index.
ENTERABLE_QUARTERS = 5
ENTERED_LEVELS = ("committee", "street")
MAX_EVIDENCE = 9


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def previous_quarter(quarter: str) -> str:
    year, number = _parts(quarter)
    return f"{year - 1}-Q4" if number == 1 else f"{year}-Q{number - 1}"


def _parts(quarter: str) -> tuple[int, int]:
    match = QUARTER_PATTERN.fullmatch(quarter)
    if not match:
        raise ValueError(f"{quarter!r} is not a quarter such as 2026-Q3")
    return int(match.group(1)), int(match.group(2))


def enterable(quarter: str, today: date) -> bool:
    """Whether `quarter` is well formed, not in the future and not too old to enter."""
    if not QUARTER_PATTERN.fullmatch(quarter):
        return False
    current = quarter_of(today)
    allowed = [current]
    for _ in range(ENTERABLE_QUARTERS - 1):
        allowed.append(previous_quarter(allowed[-1]))
    return quarter in allowed


def may_be_entered_for(division: str) -> bool:
    return level_of(division) in ENTERED_LEVELS


def value_problems(values: dict[str, float]) -> list[tuple[str, str, str]]:
    """(field, English, Chinese) for every value an entry may not hold."""
    problems = []
    for name, value in sorted(values.items()):
        if name not in ENTERED:
            problems.append((f"values.{name}", f"{name} is not an entered indicator ({', '.join(ENTERED)})",
                             "不是需填报的指标"))
        elif value < 0 or value > BY_ID[name].upper or value != int(value):
            problems.append((f"values.{name}", f"a whole number from 0 to {BY_ID[name].upper}",
                             f"应为0至{BY_ID[name].upper}的整数"))
    return problems


def applying(entries: dict[str, dict[str, float]], day: date) -> dict[str, float]:
    """The entered values a day reads: its quarter's entry, indicator by indicator, else the
    previous quarter's, so that the first weeks of a quarter keep last quarter's figures."""
    current = quarter_of(day)
    older = entries.get(previous_quarter(current), {})
    return {**older, **entries.get(current, {})}
