"""Which stream record counts as which live counter, on crafted images."""

from __future__ import annotations

import pytest

from chalicelib.live import counters, rules
from chalicelib.live.consumer import _marked_on, chunks
from chalicelib.live.repository import MARKS_PER_ITEM, MAX_ITEMS

COMMITTEE = "310110012001"
AT = "2026-03-02T03:00:00.000Z"  # 11:00 in Shanghai
KEYS = {"PK": "X", "SK": "Y"}


def suggestion_event(action: str, *, at: str = AT, details: dict | None = None, **fact: object) -> dict:
    return {"type": "audit", "action": action, "at": at, "details": details,
            "fact": {"domain": "suggestion", "division": COMMITTEE, "acknowledge_by": "2026-03-10T15:59:59.999Z",
                     "reply_by": "2026-04-30T15:59:59.999Z", **fact}}


def counted(event_name: str, new: dict | None, old: dict | None = None) -> dict[str, int] | None:
    found = rules.count_of(event_name, KEYS, old, new)
    return None if found is None else found.increments


def test_a_new_case_is_received():
    found = rules.count_of("INSERT", KEYS, None, suggestion_event("submit"))
    assert found == rules.Count(COMMITTEE, "2026-03-02", {"suggestions_received": 1})


def test_acceptance_is_on_time_by_the_acknowledgement_deadline():
    assert counted("INSERT", suggestion_event("accept")) == {"suggestions_accepted": 1, "suggestions_accepted_on_time": 1}
    late = suggestion_event("accept", at="2026-03-11T01:00:00.000Z")
    assert counted("INSERT", late) == {"suggestions_accepted": 1}


def test_a_reply_counts_on_time_and_adoption():
    adopted = suggestion_event("reply", details={"adoption": "partly_adopted", "round": 1})
    assert counted("INSERT", adopted) == {"replies": 1, "replies_on_time": 1, "adoptions": 1}
    late = suggestion_event("reply", at="2026-05-01T00:00:00.000Z", details={"adoption": "not_adopted"})
    assert counted("INSERT", late) == {"replies": 1}


def test_a_rating_counts_its_points():
    assert counted("INSERT", suggestion_event("rate", details={"score": 4})) == {"ratings": 1, "rating_points": 4}


def test_steps_that_are_not_outcomes_count_nothing():
    for action in ("assign", "transfer", "merge", "extend", "close"):
        assert counted("INSERT", suggestion_event(action)) is None


def test_the_day_is_shanghais():
    # 16:30 UTC on 1 March is 00:30 on 2 March in Shanghai.
    found = rules.count_of("INSERT", KEYS, None, suggestion_event("submit", at="2026-03-01T16:30:00.000Z"))
    assert found is not None and found.day == "2026-03-02"


def test_fund_approval_and_ledger_money():
    approve = {"type": "audit", "action": "approve", "status": "approved", "amount_fen": 120000, "at": AT,
               "fact": {"domain": "fund_application", "committee": COMMITTEE, "year": 2026, "category": "culture"}}
    assert counted("INSERT", approve) == {"fund_approved_fen": 120000}
    recommend = {**approve, "action": "recommend", "status": "in_notice"}
    assert counted("INSERT", recommend) is None
    ledger = {"type": "fund_ledger_entry", "kind": "disburse", "amount_fen": 5000, "at": AT,
              "fact": {"domain": "ledger", "committee": COMMITTEE, "year": 2026}}
    assert counted("INSERT", ledger) == {"fund_spent_fen": 5000}
    assert counted("INSERT", {**ledger, "kind": "refund"}) == {"fund_spent_fen": -5000}
    assert counted("INSERT", {**ledger, "kind": "commit"}) is None


def test_ballots_are_counted_at_the_tally():
    tally = {"type": "audit", "action": "tally", "at": AT, "after": {"ballots": 37, "selected": []},
             "fact": {"domain": "round", "round_id": "R1", "scope": "310110012"}}
    found = rules.count_of("INSERT", KEYS, None, tally)
    assert found == rules.Count("310110012", "2026-03-02", {"ballots_cast": 37})


def test_a_residence_counts_once_when_it_becomes_approved():
    pending = {"type": "residence_request", "status": "pending", "committee": COMMITTEE, "updated_at": AT}
    approved = {**pending, "status": "approved", "decided_at": AT}
    assert counted("MODIFY", approved, pending) == {"residents_verified": 1}
    assert counted("INSERT", approved) == {"residents_verified": 1}  # a roster's pre-verified residence
    assert counted("MODIFY", {**approved, "directory_synced": True}, approved) is None
    assert counted("MODIFY", {**approved, "status": "revoked"}, approved) is None


def test_topics_meetings_and_carried_decisions_from_their_items():
    topic = {"type": "topic", "division": COMMITTEE, "created_at": AT, "status": "open", "supports": 0}
    assert counted("INSERT", topic) == {"topics_raised": 1}
    assert counted("MODIFY", {**topic, "supports": 1}, topic) is None
    meeting = {"type": "meeting", "division": COMMITTEE, "status": "scheduled"}
    held = {**meeting, "status": "held", "held_at": AT}
    assert counted("MODIFY", held, meeting) == {"meetings_held": 1}
    assert counted("MODIFY", {**held, "minutes_at": AT}, held) is None
    decision = {"type": "meeting_decision", "division": COMMITTEE, "votes_for": 9}
    carried = {**decision, "carried": {"target": "pb_proposal", "ref_id": "P1", "at": AT}}
    assert counted("MODIFY", carried, decision) == {"decisions_carried": 1}
    assert counted("MODIFY", carried, carried) is None
    # Carried into a residents' convention: a convention adopted too (index 2.1's rl_conventions).
    convention = {**decision, "carried": {"target": "convention", "ref_id": "C1", "at": AT}}
    assert counted("MODIFY", convention, decision) == {"decisions_carried": 1, "conventions_adopted": 1}
    assert counted("MODIFY", convention, convention) is None
    # Today's decision items name no division: nothing to count them at.
    assert counted("MODIFY", {k: v for k, v in carried.items() if k != "division"}, decision) is None


@pytest.mark.parametrize("event_name, new, old", [
    ("INSERT", {"type": "case", "status": "submitted"}, None),  # the case item itself
    ("MODIFY", suggestion_event("submit"), suggestion_event("submit")),  # an activity event is counted once, at INSERT
    ("REMOVE", None, suggestion_event("submit")),
    ("INSERT", {"type": "audit", "action": "submit", "at": AT, "fact": {"domain": "unknown"}}, None),
    ("INSERT", {**suggestion_event("submit"), "fact": {"domain": "suggestion", "division": "not-a-code"}}, None),
    ("INSERT", {"PK": "LIVE#310110", "SK": "DAY#2026-03-02#00", "replies": 3}, None),  # the counters themselves
])
def test_unknown_items_are_ignored(event_name, new, old):
    assert rules.count_of(event_name, KEYS, old, new) is None


def test_every_level_above_a_committee_is_reached():
    assert counters.lineage(COMMITTEE) == [COMMITTEE, "310110012", "310110", "31"]
    assert counters.lineage("310110") == ["310110", "31"]


def test_shards_are_stable_and_within_the_level():
    for division, shards in ((COMMITTEE, 1), ("310110012", 2), ("310110", 4), ("31", 8)):
        seen = {counters.shard_of(division, f"event-{i}") for i in range(200)}
        assert seen == set(range(shards))
        assert counters.shard_of(division, "event-7") == counters.shard_of(division, "event-7")


def test_chunks_fit_one_transaction():
    def entry(i: int) -> tuple:
        committee = f"3101100{i % 50:02d}001"
        return (None, f"e{i}", [((d, "2026-03-02"), {"replies": 1}) for d in counters.lineage(committee)])
    entries = [entry(i) for i in range(100)]
    made = list(chunks(entries))  # type: ignore[arg-type]
    assert [e for chunk in made for e in chunk] == entries
    for chunk in made:
        keys = {key for _, _, increments in chunk for key, _ in increments}
        assert len(keys) <= MAX_ITEMS
    assert len(made) > 1


def test_an_items_record_ids_fit_its_condition():
    entries = [(None, f"e{i}", [((d, "2026-03-02"), {"replies": 1}) for d in counters.lineage(COMMITTEE)])
               for i in range(MARKS_PER_ITEM + 20)]
    made = list(chunks(entries))  # type: ignore[arg-type]
    assert [len(chunk) for chunk in made] == [MARKS_PER_ITEM, 20]


def test_a_record_keeps_its_id_on_its_own_divisions_item_whatever_its_chunk():
    street = "310110012"
    entry = (None, "e7", [((d, "2026-03-02"), {"topics_raised": 1}) for d in counters.lineage(street)])
    assert _marked_on(entry) == (street, "2026-03-02", counters.shard_of(street, "e7"))  # type: ignore[arg-type]


def test_a_transaction_writes_one_shard_of_each_division():
    from chalicelib.live.consumer import _summed

    chunk = [(None, f"e{i}", [((d, "2026-03-02"), {"replies": 1}) for d in counters.lineage("310110012001")])
             for i in range(30)]
    summed = _summed(chunk)  # type: ignore[arg-type]
    assert len(summed) == 4 and all(counts == {"replies": 30} for counts in summed.values())
    assert {(division, shard) for division, _, shard in summed} == {
        (d, counters.shard_of(d, "e0")) for d in counters.lineage("310110012001")}


def test_a_throttled_or_conflicting_transaction_is_tried_again(monkeypatch):
    from chalicelib.errors import ServiceUnavailableError
    from chalicelib.live import consumer, repository

    calls = []

    def busy_once(increments, marks):
        calls.append(sorted(event_id for ids in marks.values() for event_id in ids))
        if len(calls) == 1:
            raise ServiceUnavailableError()
        return []

    monkeypatch.setattr(repository, "apply", busy_once)
    monkeypatch.setattr(consumer.time, "sleep", lambda seconds: None)
    record = {"eventID": "e1", "eventName": "INSERT", "eventSource": "aws:dynamodb",
              "dynamodb": {"SequenceNumber": "1", "Keys": {"PK": {"S": "X"}},
                           "NewImage": {"type": {"S": "audit"}, "action": {"S": "submit"}, "at": {"S": AT},
                                        "fact": {"M": {"domain": {"S": "suggestion"}, "division": {"S": COMMITTEE}}}}}}
    assert consumer.handle({"Records": [record]}) == {"batchItemFailures": []}
    assert calls == [["e1"], ["e1"]]
