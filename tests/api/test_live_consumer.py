"""The live counters from real stream records of the embedded AWS: write through the API, read
the main table's stream, hand the records to the consumer as Lambda would."""

from __future__ import annotations

import copy

import pytest

from chalicelib.live import consumer, repository
from tests.api.helpers import post
from tests.api.live_helpers import (
    counters_on,
    moved,
    new_records,
    reader_at_end,
    stream_poller,
    today,
    wait_for_counters,
)
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE, KONGJIANG_STREET, act, submit
from tests.api.test_function_access import calls  # noqa: F401 - the fixture recording every AWS call

LOOP = {"suggestions_received": 1, "suggestions_accepted": 1, "suggestions_accepted_on_time": 1, "replies": 1,
        "replies_on_time": 1, "adoptions": 1, "ratings": 1, "rating_points": 5}
LEVELS = (KONGJIANG_COMMITTEE, KONGJIANG_STREET, "310110", "31")


def a_loop(client, accounts) -> None:
    """One suggestion received, accepted and replied on time (adopted) and rated 5."""
    resident, street = accounts["resident"], accounts["street_official"]
    case_id = submit(client, resident)["id"]
    act(client, street, case_id, "accept")
    act(client, street, case_id, "reply", {"message": "已安排施工队加装盲道。", "adoption": "adopted"})
    rated = post(client, f"/suggestions/{case_id}/rating", resident, {"score": 5})
    assert rated.status_code == 201, rated.body


def snapshot() -> dict[str, dict[str, int]]:
    return {division: counters_on(division) for division in LEVELS}


def test_a_suggestions_loop_counts_at_every_level(client, accounts, api_env):
    reader = reader_at_end(api_env)
    before = snapshot()
    a_loop(client, accounts)
    records = new_records(reader)
    assert len(records) > len(LOOP)  # cases, queue entries, inboxes: read and ignored

    assert consumer.handle({"Records": records}) == {"batchItemFailures": []}

    after = snapshot()
    # The per-day items roll up: the street, the district and the city moved as the committee did.
    for division in LEVELS:
        assert moved(before[division], after[division]) == LOOP, division


def test_the_levels_above_a_committee_are_sharded(client, accounts, api_env):
    from chalicelib.live.counters import SHARDS
    from chalicelib.storage import dynamo, keys

    reader = reader_at_end(api_env)
    for _ in range(3):
        submit(client, accounts["resident"])
    consumer.handle({"Records": new_records(reader)})
    day = today().isoformat()
    low, high = keys.live_counter_range("31", day, day)
    items, _ = dynamo.query_page(key_condition="PK = :pk AND SK BETWEEN :low AND :high",
                                 values={":pk": keys.live_counter_partition("31"), ":low": low, ":high": high}, limit=50)
    assert items and all(0 <= int(item["SK"].rsplit("#", 1)[1]) < SHARDS["city"] for item in items)


def test_a_batch_retried_after_a_fault_counts_once(client, accounts, api_env, monkeypatch):
    reader = reader_at_end(api_env)
    before = snapshot()
    a_loop(client, accounts)
    batch = {"Records": new_records(reader)}

    written = repository.apply

    def written_then_lost(*args, **kwargs):
        # The transaction commits, then the answer never reaches the function.
        written(*args, **kwargs)
        raise ConnectionError("the connection dropped after the commit")

    monkeypatch.setattr(repository, "apply", written_then_lost)
    failed = consumer.handle(copy.deepcopy(batch))["batchItemFailures"]
    assert failed, "the lost answer is reported, so that Lambda hands the records out again"
    monkeypatch.setattr(repository, "apply", written)

    assert consumer.handle(copy.deepcopy(batch)) == {"batchItemFailures": []}
    assert consumer.handle(copy.deepcopy(batch)) == {"batchItemFailures": []}
    for division in LEVELS:
        assert moved(before[division], snapshot()[division]) == LOOP, division


def test_only_the_failed_records_are_reported(client, accounts, api_env, monkeypatch):
    reader = reader_at_end(api_env)
    before = counters_on(KONGJIANG_COMMITTEE)
    a_loop(client, accounts)
    records = new_records(reader)

    def action_of(record):
        return record["dynamodb"].get("NewImage", {}).get("action", {}).get("S")

    # A record the rules cannot read (a rating whose score is not a number) fails alone.
    (rating,) = [r for r in records if action_of(r) == "rate" and "fact" in r["dynamodb"]["NewImage"]]
    rating["dynamodb"]["NewImage"]["details"] = {"M": {"score": {"S": "five"}}}
    # A record whose write fails fails alone too (its chunk is only itself here).
    (reply,) = [r for r in records if action_of(r) == "reply" and "fact" in r["dynamodb"]["NewImage"]]
    written = repository.apply

    def refusing_the_reply(increments, marks):
        if any(reply["eventID"] in ids for ids in marks.values()):
            raise ConnectionError("no answer")
        return written(increments, marks)

    monkeypatch.setattr(repository, "apply", refusing_the_reply)
    monkeypatch.setattr(consumer, "MARKS_PER_ITEM", 1)  # one record (all on one committee) per transaction

    answer = consumer.handle({"Records": records})

    failed = {f["itemIdentifier"] for f in answer["batchItemFailures"]}
    assert failed == {rating["dynamodb"]["SequenceNumber"], reply["dynamodb"]["SequenceNumber"]}
    assert moved(before, counters_on(KONGJIANG_COMMITTEE)) == {
        "suggestions_received": 1, "suggestions_accepted": 1, "suggestions_accepted_on_time": 1}


@pytest.mark.timeout(120)
def test_the_local_poller_moves_the_committees_counters_within_a_minute(client, accounts, api_env):
    before = counters_on(KONGJIANG_COMMITTEE)
    with stream_poller(api_env):
        a_loop(client, accounts)
        delta = wait_for_counters(KONGJIANG_COMMITTEE, before, {"suggestions_accepted_on_time": 1, "replies_on_time": 1},
                                  timeout=60)
    assert delta["replies"] >= 1


def test_count_live_writes_only_live_partitions_and_reads_nothing(client, accounts, api_env, calls):  # noqa: F811
    from infra.roles import LIVE_PARTITIONS

    reader = reader_at_end(api_env)
    a_loop(client, accounts)
    records = new_records(reader)
    calls.clear()
    consumer.handle({"Records": records})
    assert calls and {(service, operation) for service, operation, _ in calls} == {("dynamodb", "TransactWriteItems")}
    prefix = LIVE_PARTITIONS[0].removesuffix("*")
    for _, _, params in calls:
        for item in params["TransactItems"]:
            ((kind, operation),) = item.items()
            assert kind in ("Put", "Update") and operation["TableName"] == api_env.table_name
            key = operation.get("Key") or operation["Item"]
            assert key["PK"]["S"].startswith(prefix), key
