"""The residents' inbox.

| pattern                     | index | key condition                         | example                               |
| --------------------------- | ----- | ------------------------------------- | ------------------------------------- |
| a resident's inbox, newest  | table | PK = INBOX#{recipient}, descending    | PK=INBOX#3f2a…, SK=2026-11-23T02:…#01J… |
| add a message               | table | Put inside the transaction of the change it reports | |

`recipient` is the person's keyed digest (auth.person_key of their Cognito sub), or for a
case staff entered for a number no account had proven yet, auth.pending_owner_key; never a
phone number. Messages are written in the same transaction as the change they report, so a
resident is told of every step or of none; once that transaction has committed, the service
publishes the same messages to SNS (`publish` below, called by notifications.service.announce),
and a failed publish loses only the push, never the inbox message.
"""

from __future__ import annotations

from typing import Any

from chalicelib.ids import new_id
from chalicelib.notifications.models import Notification
from chalicelib.storage import dynamo
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import inbox_key, inbox_partition

NOTIFICATION_TYPE = "notification"
# Inbox messages are kept for two years, then DynamoDB's TTL removes them.
RETENTION_SECONDS = 2 * 366 * 24 * 3600


def inbox_put(recipient: str, message: dict[str, Any], at_iso: str, at_epoch: int) -> dict[str, Any]:
    """The transaction item that delivers `message` (Notification fields but id and at)."""
    notification_id = new_id()
    record = {
        **inbox_key(recipient, at_iso, notification_id),
        "type": NOTIFICATION_TYPE,
        "recipient": recipient,
        "id": notification_id,
        "at": at_iso,
        "expires_at": at_epoch + RETENTION_SECONDS,
        **message,
    }
    return {
        "Put": {
            "TableName": dynamo.table_name(),
            "Item": to_item(record),
            "ConditionExpression": "attribute_not_exists(PK)",
        }
    }


def list_inbox(recipient: str, limit: int, start_key: dict[str, Any] | None) -> tuple[list[Notification], Any]:
    return inbox_page(inbox_partition(recipient), limit, start_key)


def inbox_page(partition: str, limit: int, start_key: dict[str, Any] | None) -> tuple[list[Notification], Any]:
    items, last = dynamo.query_page(
        key_condition="PK = :pk",
        values={":pk": partition},
        limit=limit,
        start_key=start_key,
        forward=False,
    )
    return [Notification.model_validate({k: v for k, v in i.items() if k in Notification.model_fields}) for i in items], last


SNS_BATCH = 10  # PublishBatch takes at most ten entries


def publish(topic_arn: str, messages: list[dict[str, Any]]) -> int:
    """Publish each message to the topic (an SMS sender subscribes in production); return
    how many SNS refused. Messages name the recipient by its opaque key only."""
    import json

    from chalicelib import aws

    failed = 0
    sns = aws.client("sns")
    for start in range(0, len(messages), SNS_BATCH):
        batch = messages[start:start + SNS_BATCH]
        response = sns.publish_batch(
            TopicArn=topic_arn,
            PublishBatchRequestEntries=[
                {
                    "Id": str(index),
                    "Message": json.dumps(message, ensure_ascii=False, separators=(",", ":")),
                    "MessageAttributes": _attributes(message),
                }
                for index, message in enumerate(batch)
            ],
        )
        failed += len(response.get("Failed", []))
    return failed


def _attributes(message: dict[str, Any]) -> dict[str, Any]:
    """What subscriptions filter on: the event, and for an official's digest the channel they chose."""
    return {name: {"DataType": "String", "StringValue": str(message[name])}
            for name in ("event", "channel") if message.get(name)}


# --- erasure at a resident's request (accounts/service.py) ---------------------------------
DELETE_BATCH = 25


def delete_inbox(recipient: str, counted: Any = None) -> int:
    """Delete every message of an inbox, a page at a time; how many were deleted. Each page
    is read afresh from the start, so a run cut short is finished by the next one;
    `counted(n)`, if given, is a transaction item that records the page's deletions with them."""
    deleted = 0
    while True:
        items, _ = dynamo.query_page(key_condition="PK = :pk", values={":pk": inbox_partition(recipient)},
                                     limit=DELETE_BATCH, consistent=True)
        if not items:
            return deleted
        dynamo.transact_write([{"Delete": {"TableName": dynamo.table_name(),
                                           "Key": to_item({"PK": i["PK"], "SK": i["SK"]})}} for i in items]
                              + ([counted(len(items))] if counted else []))
        deleted += len(items)
