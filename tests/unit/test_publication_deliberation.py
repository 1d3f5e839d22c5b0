"""The month's deliberation counts (publishing/deliberation.py): aggregation from activity facts,
and the disclosure control over the division sums and the breakdown sums."""

from __future__ import annotations

from chalicelib import disclosure
from chalicelib.publishing import deliberation
from chalicelib.publishing.aggregate import MonthTally

COMMITTEE, OTHER, STREET = "310110012001", "310110012003", "310110012"


def fact(event: str, division: str, **more: str) -> dict:
    return {"fact": {"domain": "deliberation", "event": event, "division": division, **more}}


def tally(*items: dict) -> MonthTally:
    month = MonthTally(lambda start, end: 0)
    month.add_all(items)
    return month


def test_events_count_at_every_level_with_their_breakdowns():
    month = tally(*[fact("topic_raised", COMMITTEE)] * 6, *[fact("meeting_held", COMMITTEE, kind="hearing")] * 5,
                  *[fact("decision_carried", COMMITTEE, target="convention")] * 5, fact("topic_path_other", COMMITTEE))
    rows = {row["division"]: row for row in deliberation.rows(month, {}, disclosure.MIN_PEOPLE)}
    assert set(rows) == {"31", "310110", STREET, COMMITTEE}
    for row in rows.values():
        assert (row["topics_raised"], row["meetings_held"], row["decisions_carried"], row["supports"]) == (6, 5, 5, 0)
        assert row["meetings_by_kind"] == {"hearing": 5} and row["carried_by_target"] == {"convention": 5}
    assert deliberation.index_counts(month, STREET) == {"topics_raised": 6, "meetings_held": 5, "decisions_carried": 5}


def test_a_street_own_small_count_is_not_given_back_by_subtraction():
    # Six topics in a committee and two raised at the street itself: the street's total minus
    # its committee's would give the street's own two back, so one of them is withheld.
    month = tally(*[fact("topic_raised", COMMITTEE)] * 6, *[fact("topic_raised", STREET)] * 2)
    rows = {row["division"]: row for row in deliberation.rows(month, {}, disclosure.MIN_PEOPLE)}
    assert None in (rows[STREET]["topics_raised"], rows[COMMITTEE]["topics_raised"])
    assert rows["31"]["topics_raised"] in (None, 8)


def test_a_small_kind_withholds_a_second_kind_or_the_total():
    month = tally(*[fact("meeting_held", COMMITTEE, kind="deliberation")] * 7,
                  fact("meeting_held", COMMITTEE, kind="hearing"),
                  *[fact("meeting_held", OTHER, kind="deliberation")] * 9)
    row = {r["division"]: r for r in deliberation.rows(month, {}, disclosure.MIN_PEOPLE)}[COMMITTEE]
    assert row["meetings_by_kind"]["hearing"] is None
    assert row["meetings_by_kind"]["deliberation"] is None or row["meetings_held"] is None
