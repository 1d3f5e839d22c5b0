"""A round's tally job: one item beside the round (PK=ROUND#{id}, SK=TALLY), and the tallies queue.

| pattern                          | table | key / condition                                                   |
| -------------------------------- | ----- | ----------------------------------------------------------------- |
| where the round's count stands   | main  | GetItem PK=ROUND#{id}, SK=TALLY (consistent)                      |
| ask for a count                  | main  | Put SK=TALLY if absent or failed, with its audit event            |
| a worker's claim                 | main  | Update SK=TALLY if queued, or counting with its lease expired     |
| done (in the result's transaction), failed, released | main | Update SK=TALLY if the claim is still this worker's |

The claim's token is what makes one count win: every write after the claim is conditional
on it, so a worker whose lease ran out (it died, or Lambda stopped it) can no longer write.
"""

from __future__ import annotations

import json
from typing import Any

from chalicelib import aws
from chalicelib.settings import get_settings
from chalicelib.storage import dynamo
from chalicelib.storage.items import from_item, to_item
from chalicelib.storage.keys import tally_job_key
from chalicelib.voting.repository import audit

CONDITION_FAILED = "ConditionalCheckFailedException"


def get(round_id: str) -> dict[str, Any] | None:
    return dynamo.get_item(tally_job_key(round_id), consistent=True)


def request(round_id: str, fields: dict[str, Any], *, scope: str, actor_id: str, actor_role: str) -> bool:
    """Record a new job with its audit event, unless one is queued, counting or done; True when recorded."""
    put = dynamo.put_op({**tally_job_key(round_id), "type": "tally_job", "round_id": round_id, **fields},
                        condition="attribute_not_exists(PK) OR #state = :failed", values={":failed": "failed"},
                        names={"#state": "state"})
    try:
        dynamo.transact_write([put, audit(round_id, "tally.request", actor_id, actor_role,
                                          after={"requested_at": fields["requested_at"]})])
    except dynamo.ConditionFailedError:
        return False
    return True


def forget(round_id: str, requested_at: str) -> None:
    """Remove a job whose message could not be sent, so that asking again starts afresh."""
    try:
        dynamo.db().delete_item(TableName=dynamo.table_name(), Key=to_item(tally_job_key(round_id)),
                                ConditionExpression="requested_at = :at AND #state = :queued",
                                ExpressionAttributeNames={"#state": "state"},
                                ExpressionAttributeValues=to_item({":at": requested_at, ":queued": "queued"}))
    except aws.failures() as exc:
        if aws.error_code(exc) != CONDITION_FAILED:
            raise dynamo.translate_client_error(exc) from exc


def enqueue(message: dict[str, Any]) -> None:
    queue_url = get_settings().tallies_queue_url
    if not queue_url:
        raise RuntimeError("MULIN_TALLIES_QUEUE_URL is not set")
    aws.client("sqs").send_message(QueueUrl=queue_url, MessageBody=json.dumps(message))


def claim(round_id: str, requested_at: str, token: str, now: str, lease_until: str) -> dict[str, Any] | None:
    """Take the job for one worker: the job the message stands for, queued, or counting under a
    claim whose lease has run out. The job as claimed, or None when it is not this worker's to count."""
    try:
        found = dynamo.db().update_item(
            TableName=dynamo.table_name(), Key=to_item(tally_job_key(round_id)),
            UpdateExpression="SET #state = :counting, claim = :token, started_at = :now, lease_until = :lease, "
                             "attempts = if_not_exists(attempts, :zero) + :one REMOVE reason, finished_at",
            ConditionExpression="requested_at = :requested AND (#state = :queued OR "
                                "(#state = :counting AND lease_until < :now))",
            ExpressionAttributeNames={"#state": "state"},
            ExpressionAttributeValues=to_item({":counting": "counting", ":queued": "queued", ":token": token,
                                               ":now": now, ":lease": lease_until, ":zero": 0, ":one": 1,
                                               ":requested": requested_at}),
            ReturnValues="ALL_NEW")
    except aws.failures() as exc:
        if aws.error_code(exc) == CONDITION_FAILED:
            return None
        raise dynamo.translate_client_error(exc) from exc
    return from_item(found["Attributes"])


def _claimed_update(round_id: str, token: str, expression: str, values: dict[str, Any]) -> dict[str, Any]:
    return {"TableName": dynamo.table_name(), "Key": to_item(tally_job_key(round_id)),
            "UpdateExpression": expression, "ConditionExpression": "claim = :token AND #state = :counting",
            "ExpressionAttributeNames": {"#state": "state"},
            "ExpressionAttributeValues": to_item({":token": token, ":counting": "counting", **values})}


def done_op(round_id: str, token: str, now: str) -> dict[str, Any]:
    """The job's end, inside the transaction that writes the result."""
    return {"Update": _claimed_update(round_id, token, "SET #state = :done, finished_at = :now REMOVE lease_until",
                                      {":done": "done", ":now": now})}


def fail(round_id: str, token: str, reason: str, now: str) -> bool:
    """End the job failed with the reason, if the claim is still this worker's."""
    return _update_claimed(_claimed_update(round_id, token, "SET #state = :failed, finished_at = :now, reason = :reason "
                                           "REMOVE lease_until", {":failed": "failed", ":now": now, ":reason": reason}))


def release(round_id: str, token: str) -> bool:
    """Hand the job back to the queue's next delivery: this worker stopped without a result."""
    return _update_claimed(_claimed_update(round_id, token, "SET #state = :queued REMOVE claim, lease_until",
                                           {":queued": "queued"}))


def _update_claimed(update: dict[str, Any]) -> bool:
    try:
        dynamo.db().update_item(**update)
    except aws.failures() as exc:
        if aws.error_code(exc) == CONDITION_FAILED:
            return False
        raise dynamo.translate_client_error(exc) from exc
    return True
