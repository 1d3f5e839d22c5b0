"""Participatory-budgeting items in the main table.

| pattern                              | index | key condition                                | example                      |
| ------------------------------------ | ----- | -------------------------------------------- | ---------------------------- |
| a round with all that is public      | table | Query PK=ROUND#{id}                          | SK=ROUND, PROJECT#…, RESULT  |
| one round (for a conditional change) | table | GetItem PK=ROUND#{id}, SK=ROUND              |                              |
| rounds of a division                 | GSI2  | GSI2PK=ROUNDS#{scope}                        | GSI2SK={voting starts}#{id}  |
| is this phone on the roster          | table | GetItem PK=ROSTER#{round}#{phone digest}     |                              |
| a paper code, used once              | table | Update PK=CODE#{round}#{digest} if unused    |                              |
| has this voter voted                 | table | Put PK=VOTER#{round}#{digest} if absent      |                              |
| the ballots of a round, for a tally  | table | Query PK=BALLOT#{round}#{00..15}             | SK=R#{receipt}               |
| a round's published result           | table | GetItem PK=ROUND#{id}, SK=RESULT             |                              |
| its public files                     | S3    | PutObject rounds/{id}/ballots.pb, results.json | public bucket              |

A round's partition also holds its progress updates (PROGRESS#), objections (OBJECTION#)
and evaluations (EVALUATION#).

Secret ballot: a voter's record (VOTER#…) and their ballot (BALLOT#…) are written in one
transaction but share nothing: the record holds no receipt and no shard, the ballot no
voter, code or time. The one-ballot rule is the record's `attribute_not_exists`
condition, so a duplicate is refused by the same call that would have stored it.

No hot key: ballots go to one of 16 partitions by the voter digest, records to one
partition per voter; nothing is updated on every vote (turnout is counted at the tally).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from chalicelib.publishing import activity
from chalicelib.storage import dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import (
    audit_key,
    ballot_key,
    ballot_partition,
    evaluator_record_key,
    roster_key,
    round_item_key,
    round_key,
    round_partition,
    rounds_of_scope_partition,
    voter_record_key,
    voting_code_key,
)
from chalicelib.storage.table import GSI2
from chalicelib.voting.rules import BALLOT_SHARDS

PAGE = 500


def _table() -> str:
    return dynamo.table_name()


put = dynamo.put_op


def audit(round_id: str, action: str, actor_id: str, actor_role: str, after: Any = None,
          reason: str | None = None, scope: str | None = None) -> dict[str, Any]:
    """A round's audit event; with `scope`, also filed for the monthly publication (the tally)."""
    subject = f"round#{round_id}"
    if scope is None:
        return audit_put(_table(), subject=subject, action=action, actor_id=actor_id, actor_role=actor_role,
                         after=after, reason=reason)
    return audit_put(_table(), subject=subject, action=action, actor_id=actor_id, actor_role=actor_role,
                     after=after, reason=reason, key_for=activity.indexed(partial(audit_key, subject)),
                     extra={"fact": {"domain": "round", "round_id": round_id, "scope": scope}})


def round_item(round_record: dict[str, Any]) -> dict[str, Any]:
    return {
        **round_key(round_record["id"]),
        "type": "round",
        "GSI2PK": rounds_of_scope_partition(round_record["scope"]),
        "GSI2SK": f"{round_record['schedule']['voting'][0]}#{round_record['id']}",
        **round_record,
    }


def round_versioned_put(round_record: dict[str, Any], expected_version: int, expected_status: str) -> dict[str, Any]:
    # Two officials changing a round at once: only the one who saw the current version wins.
    return put(round_item(round_record), "#version = :expected AND #status = :status",
               {":expected": expected_version, ":status": expected_status}, {"#version": "version", "#status": "status"})


def round_exists_check(round_id: str) -> dict[str, Any]:
    return {"ConditionCheck": {"TableName": _table(), "Key": to_item(round_key(round_id)),
                               "ConditionExpression": "attribute_exists(PK)"}}


def write(items: list[dict[str, Any]]) -> None:
    dynamo.transact_write(items)


def get_round(round_id: str) -> dict[str, Any] | None:
    return dynamo.get_item(round_key(round_id), consistent=True)


def get_round_record(round_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    start = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": round_partition(round_id)},
                                        limit=PAGE, start_key=start)
        items += page
        if not start:
            return items


def list_rounds(scope: str) -> list[dict[str, Any]]:
    items, _ = dynamo.query_page(index=GSI2, key_condition="GSI2PK = :pk",
                                 values={":pk": rounds_of_scope_partition(scope)}, limit=100, forward=False)
    return items


def project_item(round_id: str, project: dict[str, Any]) -> dict[str, Any]:
    return {**round_item_key(round_id, "PROJECT", project["id"]), "type": "round_project", "round_id": round_id,
            **project}


def get_project(round_id: str, project_id: str) -> dict[str, Any] | None:
    return dynamo.get_item(round_item_key(round_id, "PROJECT", project_id), consistent=True)


def put_many(items: list[dict[str, Any]]) -> None:
    """Roster entries and code hashes: idempotent puts, 25 to a batch."""
    db = dynamo.db()
    for start in range(0, len(items), 25):
        pending = {_table(): [{"PutRequest": {"Item": to_item(i)}} for i in items[start:start + 25]]}
        while pending:
            pending = db.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}


def roster_item(round_id: str, phone_digest: str) -> dict[str, Any]:
    return {**roster_key(round_id, phone_digest), "type": "roster_entry"}


def on_roster(round_id: str, phone_digest: str) -> bool:
    return dynamo.get_item(roster_key(round_id, phone_digest)) is not None


def code_item(round_id: str, code_digest: str) -> dict[str, Any]:
    return {**voting_code_key(round_id, code_digest), "type": "voting_code"}


def voter_record_put(round_id: str, voter_digest: str, channel: str) -> dict[str, Any]:
    return put({**voter_record_key(round_id, voter_digest), "type": "voter_record", "channel": channel, "changes": 0},
               # One person, one ballot: the record of having voted is written once.
               "attribute_not_exists(PK)")


def recorded_shard(round_id: str, voter_digest: str) -> int | None:
    """The ballot shard a migrated voter record remembers (its ballot was filed under an older digest)."""
    item = dynamo.get_item(voter_record_key(round_id, voter_digest), consistent=True)
    return int(item["shard"]) if item and "shard" in item else None


def voter_record_touch(round_id: str, voter_digest: str) -> dict[str, Any]:
    """A replaced ballot: the voter must have voted; the record only counts the change."""
    return {"Update": {"TableName": _table(), "Key": to_item(voter_record_key(round_id, voter_digest)),
                       "UpdateExpression": "ADD changes :one", "ConditionExpression": "attribute_exists(PK)",
                       "ExpressionAttributeValues": to_item({":one": 1})}}


def code_use(round_id: str, code_digest: str, channel: str, entered_by: str | None) -> dict[str, Any]:
    values: dict[str, Any] = {":channel": channel}
    assignment = "SET used = :yes, channel = :channel"
    values[":yes"] = True
    if entered_by:
        # Staff who typed a household's code in are recorded against the code, not the ballot.
        assignment += ", entered_by = :entered_by"
        values[":entered_by"] = entered_by
    return {"Update": {"TableName": _table(), "Key": to_item(voting_code_key(round_id, code_digest)),
                       "UpdateExpression": assignment,
                       # A code exists only if staff printed it, and is good for one ballot.
                       "ConditionExpression": "attribute_exists(PK) AND attribute_not_exists(used)",
                       "ExpressionAttributeValues": to_item(values),
                       "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}


def ballot_put(round_id: str, shard: int, receipt: str, picks: list[str], points: list[int] | None,
               change: str | None) -> dict[str, Any]:
    item = {**ballot_key(round_id, shard, receipt), "type": "ballot", "receipt": receipt, "picks": picks,
            "points": points, "change_hash": change}
    # Receipts are random; the condition only makes a clash fail instead of overwrite.
    return put(item, "attribute_not_exists(PK)")


def ballot_delete(round_id: str, shard: int, receipt: str, change: str) -> dict[str, Any]:
    return {"Delete": {"TableName": _table(), "Key": to_item(ballot_key(round_id, shard, receipt)),
                       # Only the voter holding the private change code can replace their ballot.
                       "ConditionExpression": "change_hash = :change",
                       "ExpressionAttributeValues": to_item({":change": change})}}


def read_ballots(round_id: str) -> list[dict[str, Any]]:
    ballots: list[dict[str, Any]] = []
    for shard in range(BALLOT_SHARDS):
        start = None
        while True:
            page, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": ballot_partition(round_id, shard)},
                                            limit=PAGE, start_key=start)
            ballots += page
            if not start:
                break
    return ballots


def evaluator_record_put(round_id: str, voter_digest: str, project_id: str) -> dict[str, Any]:
    return put({**evaluator_record_key(round_id, voter_digest, project_id), "type": "evaluator_record"},
               # One evaluation per resident and project.
               "attribute_not_exists(PK)")


def get_result(round_id: str) -> dict[str, Any] | None:
    return dynamo.get_item(round_item_key(round_id, "RESULT"))


def publish_file(key: str, body: bytes, content_type: str) -> None:
    """A public file of a round (its result, its anonymous ballots) in the public bucket."""
    from chalicelib import aws
    from chalicelib.settings import get_settings

    aws.client("s3").put_object(Bucket=get_settings().public_bucket, Key=key, Body=body, ContentType=content_type)
