"""What the monthly publication reads from the table and the buckets, and what it writes.

| pattern                                | index | key condition                                 |
| -------------------------------------- | ----- | --------------------------------------------- |
| a month's activity, by shard           | GSI1  | GSI1PK=ACTIVITY#{yyyy-mm}#{00..15}            |
| a round's result                       | table | GetItem PK=ROUND#{id}, SK=RESULT              |
| a round's title, its projects' titles  | table | GetItem SK=ROUND; Query PK=ROUND#{id}, SK begins_with PROJECT# |
| a pool's ledger up to the month's end  | table | Query PK=POOL#{committee}#{year}, SK BETWEEN  |
| adopted cases, for their text          | table | BatchGetItem PK=SUG#{id}, SK=CASE             |
| the year's pools of active committees  | table | BatchGetItem PK=POOL#{committee}#{year}       |
| divisions' names and populations       | table | BatchGetItem (divisions/repository.py)        |
| where a month's latest run stands      | table | GetItem PK=PUBLICATION#{yyyy-mm}, SK=STATUS   |
| texts the month held back, by source   | table | Query PK=PUBLICATION#{yyyy-mm}, SK begins_with HELD# |
| one held-back text (release)           | table | GetItem / Update PK=PUBLICATION#{yyyy-mm}, SK=HELD#{kind}#{id}#{field} |

Files go to the public bucket under summaries/; a round's files are read from rounds/{id}/.
Months asked for through the API are sent to the publications queue.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from chalicelib import aws, clock
from chalicelib.settings import get_settings
from chalicelib.storage import activity, dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import (
    HELD_BACK_PREFIX,
    held_back_key,
    pool_key,
    pool_partition,
    publication_key,
    round_item_key,
    round_partition,
    suggestion_key,
)
from chalicelib.storage.table import GSI1

PAGE = 1000
PREFIX = "summaries/"


def activity_pages(month: str) -> Iterator[list[dict[str, Any]]]:
    for shard in range(activity.SHARDS):
        start = None
        while True:
            items, start = dynamo.query_page(index=GSI1, key_condition="GSI1PK = :pk",
                                             values={":pk": activity.partition(month, shard)}, limit=PAGE,
                                             start_key=start)
            yield items
            if not start:
                break


def round_result(round_id: str) -> dict[str, Any] | None:
    return dynamo.get_item(round_item_key(round_id, "RESULT"))


def round_title(round_id: str) -> str:
    item = dynamo.get_item(round_item_key(round_id, "ROUND"))
    return item["title"] if item else ""


def project_titles(round_id: str) -> dict[str, str]:
    """The round's projects' titles as proposed: the result may carry them already masked."""
    titles: dict[str, str] = {}
    start = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk AND begins_with(SK, :project)",
                                        values={":pk": round_partition(round_id), ":project": "PROJECT#"},
                                        limit=PAGE, start_key=start)
        titles.update({item["id"]: item["title"] for item in page if "id" in item and "title" in item})
        if not start:
            return titles


def ledger_until(committee: str, year: int, end_iso: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    start = None
    while True:
        # Entries are keyed LEDGER#{at}#{id}; "LEDGER#{end}" sorts after every entry before the end.
        page, start = dynamo.query_page(key_condition="PK = :pk AND SK BETWEEN :first AND :last",
                                        values={":pk": pool_partition(committee, year), ":first": "LEDGER#",
                                                ":last": f"LEDGER#{end_iso}"}, limit=PAGE, start_key=start)
        entries += page
        if not start:
            return entries


def cases(case_ids: list[str]) -> list[dict[str, Any]]:
    return dynamo.batch_get([suggestion_key(case_id) for case_id in case_ids])


def pools_of(committees: list[str], year: int) -> list[tuple[str, int]]:
    """Which of these committees have a pool for the year."""
    return [(item["committee"], int(item["year"])) for item in dynamo.batch_get([pool_key(c, year) for c in committees])]


def public_file(key: str) -> bytes | None:
    try:
        body: bytes = aws.client("s3").get_object(Bucket=get_settings().public_bucket, Key=key)["Body"].read()
        return body
    except aws.client("s3").exceptions.NoSuchKey:
        return None


def put_public_file(key: str, body: bytes, content_type: str) -> None:
    aws.client("s3").put_object(Bucket=get_settings().public_bucket, Key=key, Body=body, ContentType=content_type,
                                CacheControl="no-cache" if key.endswith(("latest.json", "index.json")) else
                                "public, max-age=300")


def status(month: str) -> dict[str, Any] | None:
    return dynamo.get_item(publication_key(month), consistent=True)


RUN_FIELDS = ("state", "started_at", "finished_at", "files", "manifest", "error")


def put_status(month: str, fields: dict[str, Any]) -> None:
    """Where this run stands: `fields` replace the last run's, a request's requested_at stays."""
    values = {"type": "publication", "month": month, "updated_at": clock.iso(clock.utc_now()), **fields}
    names = {f"#{name}": name for name in values}
    dropped = [name for name in RUN_FIELDS if name not in fields]
    expression = "SET " + ", ".join(f"#{name} = :{name}" for name in values)
    if dropped:
        names.update({f"#{name}": name for name in dropped})
        expression += " REMOVE " + ", ".join(f"#{name}" for name in dropped)
    dynamo.db().update_item(TableName=dynamo.table_name(), Key=to_item(publication_key(month)),
                            UpdateExpression=expression, ExpressionAttributeNames=names,
                            ExpressionAttributeValues=to_item({f":{name}": value for name, value in values.items()}))


def request(month: str, fields: dict[str, Any], *, actor_id: str, actor_role: str, unless_since: str) -> bool:
    """Record a request for the month with its audit event, unless one made at or after
    `unless_since` is still queued or running; True when recorded."""
    status_put = dynamo.put_op(
        {**publication_key(month), "type": "publication", "month": month, "updated_at": fields["requested_at"],
         **fields},
        # A run the schedule started carries no requested_at; a stale one must not block requests.
        condition="attribute_not_exists(PK) OR NOT (#state IN (:queued, :running)) OR updated_at < :since",
        values={":queued": "queued", ":running": "running", ":since": unless_since}, names={"#state": "state"},
    )
    audit = audit_put(dynamo.table_name(), subject=f"PUBLICATION#{month}", action="publication.request",
                      actor_id=actor_id, actor_role=actor_role, after={"state": fields["state"]},
                      at=fields["requested_at"])
    try:
        dynamo.transact_write([status_put, audit])
    except dynamo.ConditionFailedError:
        return False
    return True


def enqueue(message: dict[str, Any], delay_seconds: int) -> None:
    queue_url = get_settings().publications_queue_url
    if not queue_url:
        raise RuntimeError("MULIN_PUBLICATIONS_QUEUE_URL is not set")
    aws.client("sqs").send_message(QueueUrl=queue_url, MessageBody=json.dumps(message), DelaySeconds=delay_seconds)


# --- texts held back from a month (publishing/held_back.py) -------------------------------------


def held_back_page(month: str, limit: int, start_key: dict[str, Any] | None
                   ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    return dynamo.query_page(key_condition="PK = :pk AND begins_with(SK, :held)",
                             values={":pk": publication_key(month)["PK"], ":held": HELD_BACK_PREFIX},
                             limit=limit, start_key=start_key, consistent=True)


def held_back(month: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    start = None
    while True:
        page, start = held_back_page(month, PAGE, start)
        items += page
        if not start:
            return items


def held_back_item(month: str, source_key: str) -> dict[str, Any] | None:
    return dynamo.get_item(held_back_key(month, source_key), consistent=True)


def source_key_of(item: dict[str, Any]) -> str:
    sort_key: str = item["SK"]
    return sort_key.removeprefix(HELD_BACK_PREFIX)


def record_held_back(month: str, records: list[dict[str, Any]], stale: list[str], at: str) -> None:
    """This run's held-back texts (a release stays with the text it was given for) and the
    removal of those a run no longer holds back (the text changed or is gone). Not one
    transaction: the run rewrites them all, and the month is republished until it succeeds."""
    db, table = dynamo.db(), dynamo.table_name()
    for record in records:
        key = held_back_key(month, f"{record['kind']}#{record['source_id']}#{record['field']}")
        item = {**key, "type": "held_back", "month": month, "held_at": at, **record}
        db.put_item(TableName=table, Item=to_item(item))
    for source_key in stale:
        db.delete_item(TableName=table, Key=to_item(held_back_key(month, source_key)))


def release(month: str, source_key: str, digest: str, *, at: str, actor_id: str, actor_role: str) -> bool:
    """Mark a held-back text released, with its audit event, if it is still held back and still
    the text with `digest`; False otherwise."""
    update = {"Update": {
        "TableName": dynamo.table_name(), "Key": to_item(held_back_key(month, source_key)),
        "UpdateExpression": "SET #status = :released, released_at = :at, released_by_role = :role",
        "ConditionExpression": "attribute_exists(PK) AND #status = :held AND digest = :digest",
        "ExpressionAttributeNames": {"#status": "status"},
        "ExpressionAttributeValues": to_item({":released": "released", ":held": "held_back", ":digest": digest,
                                              ":at": at, ":role": actor_role}),
    }}
    audit = audit_put(dynamo.table_name(), subject=f"PUBLICATION#{month}", action="publication.release",
                      actor_id=actor_id, actor_role=actor_role, after={"source": source_key, "digest": digest}, at=at)
    try:
        dynamo.transact_write([update, audit])
    except dynamo.ConditionFailedError:
        return False
    return True
