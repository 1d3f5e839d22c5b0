"""Residents' texts: their choice, the day's count, the texts the quiet hours hold back, and
the sending itself.

| pattern                       | index | key condition                               | example                 |
| ----------------------------- | ----- | ------------------------------------------- | ----------------------- |
| a person's choice             | table | GetItem SMSPREF#{owner} / PREF              | enabled=true, sub=3f2a… |
| set the choice                | table | Put (one per owner key of the person)       |                         |
| count a text of the day       | table | Update SMSDAY#{owner} / {day}, conditional  | n=2, ids={01J…}         |
| hold a text back              | table | Put SMSLATER#{day} / {message id} if absent |                         |
| the texts held back for a day | table | PK = SMSLATER#{day}, a page at a time       | SMSLATER#2026-12-07     |

No item holds a phone number: it is read when the text goes, from the residents' pool by the
person's `sub`, or from the case an official entered for a number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from chalicelib import aws, directory
from chalicelib.storage import dynamo
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import (
    deferred_text_key,
    deferred_texts_partition,
    text_preference_key,
    texts_of_day_key,
)

DAY_RETENTION_SECONDS = 2 * 24 * 3600
DEFERRED_RETENTION_SECONDS = 3 * 24 * 3600
DEFERRED_PAGE = 100


@dataclass(frozen=True)
class Preference:
    enabled: bool
    sub: str | None


def preference(owner: str) -> Preference | None:
    item = dynamo.get_item(text_preference_key(owner))
    if item is None:
        return None
    return Preference(enabled=bool(item.get("enabled")), sub=str(item["sub"]) if item.get("sub") else None)


def set_preference(owners: list[tuple[str, str | None]], enabled: bool, at_iso: str) -> None:
    """(owner key, sub or None) each: a person's own key carries the sub, a number's key none."""
    dynamo.transact_write([dynamo.put_op({**text_preference_key(owner), "type": "text_preference", "enabled": enabled,
                                          "updated_at": at_iso, **({"sub": sub} if sub else {})})
                           for owner, sub in owners])


def forget(owners: list[str]) -> None:
    """Erasure: the choice (and the sub it holds) goes with the account."""
    dynamo.transact_write([{"Delete": {"TableName": dynamo.table_name(), "Key": to_item(text_preference_key(o))}}
                           for o in owners])


def count_for_day(owner: str, day: str, message_id: str, cap: int, now_epoch: int) -> bool:
    """Count one more text of the day unless the cap is reached; a message counted already (a
    retry) counts as allowed without counting again."""
    key = texts_of_day_key(owner, day)
    try:
        dynamo.transact_write([{"Update": {
            "TableName": dynamo.table_name(), "Key": to_item(key),
            "UpdateExpression": "ADD n :one, ids :ids SET expires_at = :expires, #type = :type",
            "ConditionExpression": "(attribute_not_exists(n) OR n < :cap) AND NOT contains(ids, :id)",
            "ExpressionAttributeNames": {"#type": "type"},
            "ExpressionAttributeValues": {":one": {"N": "1"}, ":ids": {"SS": [message_id]}, ":id": {"S": message_id},
                                          ":cap": {"N": str(cap)}, ":expires": {"N": str(now_epoch + DAY_RETENTION_SECONDS)},
                                          ":type": {"S": "texts_of_day"}},
        }}])
        return True
    except ConditionFailedError:
        item = dynamo.get_item(key, consistent=True) or {}
        return message_id in set(item.get("ids") or ())


def defer(day: str, message: dict[str, Any], now_epoch: int) -> None:
    """Hold a text back to 08:00 of `day`; the same message held twice is one item."""
    try:
        dynamo.transact_write([dynamo.put_op(
            {**deferred_text_key(day, str(message["id"])), "type": "deferred_text",
             "message": json.dumps(message, ensure_ascii=False), "expires_at": now_epoch + DEFERRED_RETENTION_SECONDS},
            condition="attribute_not_exists(PK)")])
    except ConditionFailedError:
        return


def deferred_page(day: str, start_key: dict[str, Any] | None) -> tuple[list[tuple[dict[str, str], dict[str, Any]]], Any]:
    items, last = dynamo.query_page(key_condition="PK = :pk", values={":pk": deferred_texts_partition(day)},
                                    limit=DEFERRED_PAGE, start_key=start_key, consistent=True)
    return [({"PK": str(i["PK"]), "SK": str(i["SK"])}, json.loads(str(i["message"]))) for i in items], last


def drop_deferred(key: dict[str, str]) -> None:
    dynamo.transact_write([{"Delete": {"TableName": dynamo.table_name(), "Key": to_item(key)}}])


def verified_phone_of(sub: str) -> str | None:
    """The resident's number if Cognito holds it verified: an unverified number is nobody's."""
    user = directory.find_by_sub(directory.residents_pool_id(), sub)
    attributes = directory.attributes_of(user) if user else {}
    return attributes.get("phone_number") if attributes.get("phone_number_verified") == "true" else None


def send_sms(phone: str, text: str) -> str:
    response = aws.client("sns").publish(PhoneNumber=phone, Message=text, MessageAttributes={
        # Transactional: delivered ahead of marketing traffic, and to numbers on do-not-disturb lists.
        "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"}})
    return str(response.get("MessageId", ""))
