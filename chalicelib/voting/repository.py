"""Participatory-budgeting items: rounds in the main table, voters and ballots in the ballots table.

| pattern                              | table   | key condition                                | example                      |
| ------------------------------------ | ------- | -------------------------------------------- | ---------------------------- |
| a round with all that is public      | main    | Query PK=ROUND#{id}                          | SK=ROUND, PROJECT#…, RESULT  |
| one round (for a conditional change) | main    | GetItem PK=ROUND#{id}, SK=ROUND              |                              |
| rounds of a division                 | main GSI2 | GSI2PK=ROUNDS#{scope}                      | GSI2SK={voting starts}#{id}  |
| rounds of a division and below       | main GSI1 | GSI1PK=ROUNDTREE, begins_with(GSI1SK, …)   | GSI1SK={scope}#{voting}#{id} |
| is this phone on the roster          | main    | GetItem PK=ROSTER#{round}#{phone digest}     |                              |
| a paper code, used once              | ballots | Update PK=CODE#{round}#{digest} if unused    |                              |
| has this voter voted                 | ballots | Put PK=VOTER#{round}#{digest} if absent      | SK=VOTER                     |
| my ballot (a voter's own)            | ballots | GetItem PK=VOTER#…, then GetItem the ballot  | ballot=…, shard=…            |
| the ballots of a round, for a tally  | ballots | Query PK=BALLOT#{round}#{00..15}, SK B#… | SK=B#{ballot id}, R#… (older) |
| a round's published result           | main    | GetItem PK=ROUND#{id}, SK=RESULT             |                              |
| one nomination per source (selection) | main   | Put PK=ROUND#{id}, SK=NOMINATION#{source}#{id} if absent |                |
| its public files                     | S3      | PutObject rounds/{id}/ballots.pb (multipart), results.json | public bucket  |

A round's partition also holds its progress updates (PROGRESS#), objections (OBJECTION#)
and evaluations (EVALUATION#).

Reads return the typed records of records.py and writes take them: only this module and
records.py know the items' layout.

Secret ballot: voter records, used codes and ballots live in a table of their own, which
has no stream, so nothing that reads the main table's changes (publication, live counters)
sees a voter's record and their ballot appear together. A ballot holds its picks and
points only; its partition is drawn at random and its id is random, and that id is what
the published ballot file shows. The voter's record points at their ballot (shard and id),
so that the voter, signed in, can read it back or replace it; the record is keyed by a
digest of the round and the voter's account under the platform's PII key, so only the
operators' database can follow a voter to their ballot (README, "Ballot secrecy"). The
one-ballot rule is the record's `attribute_not_exists` condition, so a duplicate is refused
by the same call that would have stored it.

No hot key: ballots spread over 16 partitions at random, records over one partition per
voter; nothing is updated on every vote (turnout is counted at the tally).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import IO, Any

from chalicelib import aws
from chalicelib.storage import activity, dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.items import from_item, to_item
from chalicelib.storage.keys import (
    audit_key,
    ballot_key,
    ballot_partition,
    division_key,
    evaluator_record_key,
    legacy_ballot_key,
    roster_key,
    round_item_key,
    round_key,
    round_partition,
    rounds_of_scope_partition,
    rounds_tree_keys,
    voter_record_key,
    voting_code_key,
)
from chalicelib.storage.table import GSI2
from chalicelib.voting import rules
from chalicelib.voting.records import (
    EVALUATION,
    NOMINATION,
    OBJECTION,
    PROGRESS,
    PROJECT,
    RESULT_SK,
    EvaluationRecord,
    ObjectionRecord,
    ProgressRecord,
    ProjectRecord,
    ResultRecord,
    RoundContents,
    RoundRecord,
    StoredBallot,
    VoterRecord,
    ballot_of,
    contents_of,
    project_of,
    result_of,
    round_of,
    voter_of,
)
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


def round_item(record: RoundRecord) -> dict[str, Any]:
    return {
        **round_key(record.id),
        "type": "round",
        "GSI2PK": rounds_of_scope_partition(record.scope),
        "GSI2SK": f"{record.schedule.voting[0]}#{record.id}",
        **rounds_tree_keys(record.scope, record.schedule.voting[0], record.id),
        **record.stored(),
    }


def round_new_put(record: RoundRecord) -> dict[str, Any]:
    # A new round id is a fresh ULID; the condition only guards against a replay.
    return put(round_item(record), "attribute_not_exists(PK)")


def round_versioned_put(after: RoundRecord, before: RoundRecord) -> dict[str, Any]:
    # Two officials changing a round at once: only the one who saw the current version wins.
    return put(round_item(after), "#version = :expected AND #status = :status",
               {":expected": before.version, ":status": before.status.value},
               {"#version": "version", "#status": "status"})


def round_exists_check(round_id: str) -> dict[str, Any]:
    return {"ConditionCheck": {"TableName": _table(), "Key": to_item(round_key(round_id)),
                               "ConditionExpression": "attribute_exists(PK)"}}


def division_exists_check(code: str) -> dict[str, Any]:
    # A round's scope must be a real division (no round for a made-up code).
    return {"ConditionCheck": {"TableName": _table(), "Key": to_item(division_key(code)),
                               "ConditionExpression": "attribute_exists(PK)"}}


def write(items: list[dict[str, Any]]) -> None:
    dynamo.transact_write(items)


def get_round(round_id: str) -> RoundRecord | None:
    return round_of(dynamo.get_item(round_key(round_id), consistent=True))


def get_round_contents(round_id: str) -> RoundContents:
    items: list[dict[str, Any]] = []
    start = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": round_partition(round_id)},
                                        limit=PAGE, start_key=start)
        items += page
        if not start:
            return contents_of(items)


def list_rounds(scope: str) -> list[RoundRecord]:
    items, _ = dynamo.query_page(index=GSI2, key_condition="GSI2PK = :pk",
                                 values={":pk": rounds_of_scope_partition(scope)}, limit=100, forward=False)
    return [RoundRecord.model_validate(item) for item in items]


def project_item(round_id: str, project: ProjectRecord) -> dict[str, Any]:
    return {**round_item_key(round_id, PROJECT, project.id), "type": "round_project", "round_id": round_id,
            **project.stored()}


def project_new_put(round_id: str, project: ProjectRecord) -> dict[str, Any]:
    return put(project_item(round_id, project), "attribute_not_exists(PK)")


def project_versioned_put(round_id: str, after: ProjectRecord, before: ProjectRecord) -> dict[str, Any]:
    # Two officials reviewing one project at once: the second is refused, not silently overwritten.
    return put(project_item(round_id, after), "#version = :expected", {":expected": before.version},
               {"#version": "version"})


def get_project(round_id: str, project_id: str) -> ProjectRecord | None:
    return project_of(dynamo.get_item(round_item_key(round_id, PROJECT, project_id), consistent=True))


def nomination_marker_put(round_id: str, source: str, source_id: str, project_id: str,
                          claim: str | None) -> dict[str, Any]:
    """One candidate per source and selection: the marker is written once, beside the candidate."""
    item = {**round_item_key(round_id, NOMINATION, source, source_id), "type": "round_nomination",
            "project_id": project_id, **({"claim": claim} if claim else {})}
    return put(item, "attribute_not_exists(PK)")


def get_nomination_marker(round_id: str, source: str, source_id: str) -> dict[str, Any] | None:
    return dynamo.get_item(round_item_key(round_id, NOMINATION, source, source_id), consistent=True)


def objection_put(round_id: str, objection: ObjectionRecord) -> dict[str, Any]:
    return put({**round_item_key(round_id, OBJECTION, objection.at, objection.id), "type": "round_objection",
                **objection.stored()}, "attribute_not_exists(PK)")


def progress_put(round_id: str, update_id: str, progress: ProgressRecord) -> dict[str, Any]:
    return put({**round_item_key(round_id, PROGRESS, progress.project_id, progress.at, update_id),
                "type": "round_progress", **progress.stored()}, "attribute_not_exists(PK)")


def evaluation_put(round_id: str, evaluation_id: str, evaluation: EvaluationRecord) -> dict[str, Any]:
    return put({**round_item_key(round_id, EVALUATION, evaluation.project_id, evaluation_id),
                "type": "round_evaluation", **evaluation.stored()}, "attribute_not_exists(PK)")


def result_put(result: ResultRecord) -> dict[str, Any]:
    # A round is tallied once: a second result is refused, whatever the round's item says.
    return put({**round_item_key(result.round_id, RESULT_SK), "type": "round_result", **result.stored()},
               "attribute_not_exists(PK)")


def put_many(items: list[dict[str, Any]], table: str | None = None) -> None:
    """Roster entries and code hashes: idempotent puts, 25 to a batch."""
    db = dynamo.db()
    for start in range(0, len(items), 25):
        pending = {table or _table(): [{"PutRequest": {"Item": to_item(i)}} for i in items[start:start + 25]]}
        while pending:
            pending = db.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}


def roster_item(round_id: str, phone_digest: str) -> dict[str, Any]:
    return {**roster_key(round_id, phone_digest), "type": "roster_entry"}


def on_roster(round_id: str, phone_digest: str) -> bool:
    return dynamo.get_item(roster_key(round_id, phone_digest)) is not None


def _ballots() -> str:
    from chalicelib.settings import get_settings

    return get_settings().ballots_table_name


def _ballots_put(item: dict[str, Any], condition: str) -> dict[str, Any]:
    return {"Put": {"TableName": _ballots(), "Item": to_item(item), "ConditionExpression": condition}}


def _ballots_get(key: dict[str, str]) -> dict[str, Any] | None:
    try:
        found = dynamo.db().get_item(TableName=_ballots(), Key=to_item(key), ConsistentRead=True).get("Item")
    except aws.failures() as exc:
        raise dynamo.translate_client_error(exc) from exc
    return from_item(found) if found else None


def _ballots_query(partition: str, start: dict[str, Any] | None, prefix: str | None = None
                   ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    condition, values = ("PK = :pk AND begins_with(SK, :prefix)", {":pk": partition, ":prefix": prefix}) if prefix \
        else ("PK = :pk", {":pk": partition})
    try:
        page = dynamo.db().query(TableName=_ballots(), KeyConditionExpression=condition,
                                 ExpressionAttributeValues=to_item(values), Limit=PAGE,
                                 **({"ExclusiveStartKey": start} if start else {}))
    except aws.failures() as exc:
        raise dynamo.translate_client_error(exc) from exc
    return [from_item(i) for i in page.get("Items", [])], page.get("LastEvaluatedKey")


def code_item(round_id: str, code_digest: str) -> dict[str, Any]:
    return {**voting_code_key(round_id, code_digest), "type": "voting_code"}


def put_codes(items: list[dict[str, Any]]) -> None:
    """Printed codes wait in the ballots table, where their use is recorded beside the ballot's write."""
    put_many(items, _ballots())


def voter_record_put(round_id: str, voter_digest: str, channel: str, ballot: Ballot | None = None,
                     at: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {**voter_record_key(round_id, voter_digest), "type": "voter_record", "channel": channel,
                            "changes": 0}
    if ballot is not None:
        item.update(ballot.pointer(), voted_at=at)
    # One person, one ballot: the record of having voted is written once.
    return _ballots_put(item, "attribute_not_exists(PK)")


def get_voter_record(round_id: str, voter_digest: str) -> VoterRecord | None:
    return voter_of(_ballots_get(voter_record_key(round_id, voter_digest)))


def voter_record_repoint(round_id: str, voter_digest: str, old: VoterRecord, ballot: Ballot,
                         at: str) -> dict[str, Any]:
    """A replaced ballot: the record follows the new one, if it still points where the voter last saw it."""
    guard = "#ballot = :old" if old.ballot is not None else "attribute_exists(PK) AND attribute_not_exists(#ballot)"
    pointer = {**ballot.pointer(), "voted_at": at}
    names = {f"#{k}": k for k in (*pointer, "changes")}
    values: dict[str, Any] = {":one": 1, **{f":{k}": v for k, v in pointer.items()}}
    if old.ballot is not None:
        values[":old"] = old.ballot
    sets = ", ".join(f"#{k} = :{k}" for k in pointer)
    return {"Update": {"TableName": _ballots(), "Key": to_item(voter_record_key(round_id, voter_digest)),
                       "UpdateExpression": f"SET {sets} ADD #changes :one", "ConditionExpression": guard,
                       "ExpressionAttributeNames": names, "ExpressionAttributeValues": to_item(values)}}


def code_use(round_id: str, code_digest: str, channel: str, entered_by: str | None) -> dict[str, Any]:
    values: dict[str, Any] = {":channel": channel}
    assignment = "SET used = :yes, channel = :channel"
    values[":yes"] = True
    if entered_by:
        # Staff who typed a household's code in are recorded against the code, not the ballot.
        assignment += ", entered_by = :entered_by"
        values[":entered_by"] = entered_by
    return {"Update": {"TableName": _ballots(), "Key": to_item(voting_code_key(round_id, code_digest)),
                       "UpdateExpression": assignment,
                       # A code exists only if staff printed it, and is good for one ballot.
                       "ConditionExpression": "attribute_exists(PK) AND attribute_not_exists(used)",
                       "ExpressionAttributeValues": to_item(values),
                       "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}


@dataclass(frozen=True)
class Ballot:
    """Where a ballot is filed, and the voter-held secrets that let its voter replace it."""

    round_id: str
    shard: int
    id: str
    receipt: str
    change_hash: str | None = None

    @classmethod
    def drawn(cls, round_id: str, change_hash: str | None = None) -> Ballot:
        return cls(round_id, rules.random_shard(), rules.new_ballot_id(), rules.new_receipt(), change_hash)

    def pointer(self) -> dict[str, Any]:
        """What the voter's record keeps of it: the ballot itself keeps none of this but its key."""
        pointer: dict[str, Any] = {"ballot": self.id, "shard": self.shard, "receipt": self.receipt}
        if self.change_hash:
            pointer["change_hash"] = self.change_hash
        return pointer

    def put(self, picks: list[str], points: list[int] | None) -> dict[str, Any]:
        item = {**ballot_key(self.round_id, self.shard, self.id), "type": "ballot", "id": self.id, "picks": picks,
                "points": points}
        # Ids are random; the condition only makes a clash fail instead of overwrite.
        return _ballots_put(item, "attribute_not_exists(PK)")


def ballot_delete(round_id: str, shard: int, ballot_id: str) -> dict[str, Any]:
    """The replaced ballot, where the voter's record points."""
    return {"Delete": {"TableName": _ballots(), "Key": to_item(ballot_key(round_id, shard, ballot_id)),
                       "ConditionExpression": "attribute_exists(PK)"}}


def legacy_ballot_delete(round_id: str, shard: int, receipt: str, change: str) -> dict[str, Any]:
    """A replaced ballot filed before the ballots table moved here: under its voter's shard and
    receipt, and holding its change hash itself, which must match the change code sent."""
    return {"Delete": {"TableName": _ballots(), "Key": to_item(legacy_ballot_key(round_id, shard, receipt)),
                       "ConditionExpression": "change_hash = :change",
                       "ExpressionAttributeValues": to_item({":change": change})}}


def get_ballot(round_id: str, shard: int, ballot_id: str) -> StoredBallot | None:
    return ballot_of(_ballots_get(ballot_key(round_id, shard, ballot_id)))


def read_ballots(round_id: str) -> list[StoredBallot]:
    return [StoredBallot.model_validate(item) for item in ballot_items(round_id)]


def ballot_pages(round_id: str, shard: int) -> Iterator[list[StoredBallot]]:
    """One shard's ballots one Query page at a time, in the order of their ids (the sort key is
    B#{id}): a count merges the shards as they come and never holds a million ballots."""
    yield from _shard_pages(round_id, shard, "B#")


def legacy_ballots(round_id: str) -> list[StoredBallot]:
    """Ballots filed before the ballots table (R#{receipt}): few, and in no order of their ids."""
    return [ballot for shard in range(BALLOT_SHARDS) for page in _shard_pages(round_id, shard, "R#") for ballot in page]


def _shard_pages(round_id: str, shard: int, prefix: str) -> Iterator[list[StoredBallot]]:
    start = None
    while True:
        page, start = _ballots_query(ballot_partition(round_id, shard), start, prefix)
        yield [StoredBallot.model_validate(item) for item in page]
        if not start:
            break


def ballot_items(round_id: str) -> list[dict[str, Any]]:
    """The round's ballots exactly as stored, which is what a check that they hold nothing of
    their voters must look at."""
    ballots: list[dict[str, Any]] = []
    for shard in range(BALLOT_SHARDS):
        start = None
        while True:
            page, start = _ballots_query(ballot_partition(round_id, shard), start)
            ballots += page
            if not start:
                break
    return ballots


def evaluator_record_put(round_id: str, voter_digest: str, project_id: str) -> dict[str, Any]:
    return put({**evaluator_record_key(round_id, voter_digest, project_id), "type": "evaluator_record"},
               # One evaluation per resident and project.
               "attribute_not_exists(PK)")


def get_result(round_id: str) -> ResultRecord | None:
    return result_of(dynamo.get_item(round_item_key(round_id, RESULT_SK)))


def publish_file(key: str, body: bytes, content_type: str) -> None:
    """A public file of a round (its result, its anonymous ballots) in the public bucket."""
    from chalicelib import aws
    from chalicelib.settings import get_settings

    aws.client("s3").put_object(Bucket=get_settings().public_bucket, Key=key, Body=body, ContentType=content_type)


def publish_stream(key: str, body: IO[bytes], content_type: str) -> None:
    """A public file too large to hold in memory, read from `body` and sent in parts."""
    from chalicelib import aws
    from chalicelib.settings import get_settings

    aws.client("s3").upload_fileobj(body, get_settings().public_bucket, key, ExtraArgs={"ContentType": content_type})
