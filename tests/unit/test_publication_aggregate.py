"""The month's aggregation on hand-made activity records: roll-ups, statuses entered, medians."""

from __future__ import annotations

from collections import Counter

from chalicelib.publishing.aggregate import MonthTally, median

COMMITTEE = "310110012001"


def fund_step(action: str, status: str) -> dict:
    return {"action": action, "status": status, "amount_fen": None, "at": "2045-03-02T02:00:00.000Z",
            "fact": {"domain": "fund_application", "committee": COMMITTEE, "year": 2045, "category": "culture"}}


def test_answering_an_objection_is_not_entering_the_notice_again():
    tally = MonthTally(lambda start, end: 0)
    tally.add_all([fund_step("recommend", "in_notice"), fund_step("object", "in_notice"),
                   fund_step("answer_objection", "in_notice"), fund_step("approve", "approved")])

    for code in ("31", "310110", "310110012", COMMITTEE):
        assert tally.funds[code].statuses == Counter({"in_notice": 1, "approved": 1})


def test_working_days_are_counted_once_per_reply_and_rolled_up():
    calls = []

    def working_days(start: str, end: str) -> int:
        calls.append((start, end))
        return 4

    reply = {"action": "reply", "at": "2045-03-09T02:00:00.000Z", "subject": "suggestion#X",
             "details": {"adoption": "adopted", "round": 1},
             "fact": {"domain": "suggestion", "division": COMMITTEE, "category": "sanitation", "channel": "web",
                      "submitted_at": "2045-03-02T02:00:00.000Z", "consent": False,
                      "acknowledge_by": "2045-03-06T15:59:59.999Z", "reply_by": "2045-03-30T15:59:59.999Z"}}
    tally = MonthTally(working_days)
    tally.add(reply)

    assert len(calls) == 1
    assert tally.suggestions["31"].reply_days == Counter({4: 1}) == tally.suggestions[COMMITTEE].reply_days
    assert tally.suggestions["310110"].counts["adopted"] == 1 and tally.adopted_with_consent == set()


def test_median_of_a_histogram():
    assert median(Counter()) is None
    assert median(Counter({3: 1})) == 3
    assert median(Counter({1: 1, 5: 1})) == 3
    assert median(Counter({2: 2, 9: 1})) == 2
