"""What the monthly publication reads from the table and the buckets, and what it writes.

| pattern                                | index | key condition                                 |
| -------------------------------------- | ----- | --------------------------------------------- |
| a month's activity, by shard           | GSI1  | GSI1PK=ACTIVITY#{yyyy-mm}#{00..15}            |
| a round's result                       | table | GetItem PK=ROUND#{id}, SK=RESULT              |
| a pool's ledger up to the month's end  | table | Query PK=POOL#{committee}#{year}, SK BETWEEN  |
| adopted cases, for their text          | table | BatchGetItem PK=SUG#{id}, SK=CASE             |
| the year's pools of active committees  | table | BatchGetItem PK=POOL#{committee}#{year}       |
| divisions' names and populations       | table | BatchGetItem (divisions/repository.py)        |
| where a month's latest run stands      | table | GetItem PK=PUBLICATION#{yyyy-mm}, SK=STATUS   |

Files go to the public bucket under summaries/; a round's files are read from rounds/{id}/.
Months asked for through the API are sent to the publications queue.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from chalicelib import aws, clock
from chalicelib.publishing import activity
from chalicelib.settings import get_settings
from chalicelib.storage import dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import pool_key, pool_partition, publication_key, round_item_key, suggestion_key
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
        return aws.client("s3").get_object(Bucket=get_settings().public_bucket, Key=key)["Body"].read()
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
