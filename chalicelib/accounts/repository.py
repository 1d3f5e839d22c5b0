"""Erasure markers in the main table: the record that a person asked for their account and
data to be erased, and how far the erasure went.

| pattern                               | index | key condition                            | example          |
| ------------------------------------- | ----- | ---------------------------------------- | ---------------- |
| has this person asked to be erased    | table | GetItem PK=ERASURE#{person}, SK=ERASURE  | PK=ERASURE#3f2a… |
| begin an erasure (once)               | table | Put if absent                            |                  |
| count what a step erased              | table | Update ADD, in that step's transaction   |                  |
| mark it done                          | table | Update SET status                        |                  |

`person` is auth.person_key of the Cognito sub: the marker holds no name, number or sub.
It is written before anything is erased and kept afterwards, because an ID token issued
before the account was deleted still verifies for up to an hour: the marker is what
refuses that token's writes (accounts/guard.py). A person's records themselves are found
and changed through their own domains' repositories.
"""

from __future__ import annotations

from typing import Any

from chalicelib import aws
from chalicelib.storage import dynamo
from chalicelib.storage.items import from_item, to_item
from chalicelib.storage.keys import erasure_key

MARKER_TYPE = "erasure"
ERASING, ERASED = "erasing", "erased"


def get_marker(person: str) -> dict[str, Any] | None:
    # Consistent: a write racing the erasure's first step must see the marker once it is there.
    return dynamo.get_item(erasure_key(person), consistent=True)


def begin(person: str, at: str) -> dict[str, Any]:
    """The marker, written now unless an earlier request wrote it (then that one)."""
    item = {**erasure_key(person), "type": MARKER_TYPE, "status": ERASING, "requested_at": at}
    try:
        dynamo.db().put_item(TableName=dynamo.table_name(), Item=to_item(item),
                             # The first request's time stays the time the person asked.
                             ConditionExpression="attribute_not_exists(PK)")
    except aws.failures() as exc:
        if aws.error_code(exc) != "ConditionalCheckFailedException":
            raise dynamo.translate_client_error(exc) from exc
        found = get_marker(person)
        if found is not None:
            return found
        raise dynamo.translate_client_error(exc) from exc
    return item


def count_op(person: str, counts: dict[str, int]) -> dict[str, Any]:
    """The Update that adds what one step erased to the marker's counts, inside that step's own
    transaction: a run cut short has counted exactly what it did."""
    counts = {name: value for name, value in counts.items() if value}
    if not counts:
        return {"ConditionCheck": {"TableName": dynamo.table_name(), "Key": to_item(erasure_key(person)),
                                   "ConditionExpression": "attribute_exists(PK)"}}
    return {"Update": {
        "TableName": dynamo.table_name(), "Key": to_item(erasure_key(person)),
        "UpdateExpression": "ADD " + ", ".join(f"#{name} :{name}" for name in counts),
        # Only an erasure that was begun counts.
        "ConditionExpression": "attribute_exists(PK)",
        "ExpressionAttributeNames": {f"#{name}": name for name in counts},
        "ExpressionAttributeValues": to_item({f":{name}": value for name, value in counts.items()}),
    }}


def add_counts(person: str, counts: dict[str, int]) -> None:
    """For what is erased outside a transaction (stored files)."""
    if any(counts.values()):
        dynamo.transact_write([count_op(person, counts)])


def finish(person: str, account_deleted: bool, at: str) -> dict[str, Any]:
    """Mark the erasure done; the marker as it now stands."""
    values: dict[str, Any] = {":status": ERASED, ":at": at}
    updates = "SET #status = :status, finished_at = if_not_exists(finished_at, :at)"
    if account_deleted:
        # Whichever run deleted the account; a repeat finds it gone and must not unset it.
        updates += ", account_deleted = :yes"
        values[":yes"] = True
    try:
        response = dynamo.db().update_item(
            TableName=dynamo.table_name(), Key=to_item(erasure_key(person)), UpdateExpression=updates,
            ConditionExpression="attribute_exists(PK)",
            ExpressionAttributeNames={"#status": "status"}, ExpressionAttributeValues=to_item(values),
            ReturnValues="ALL_NEW")
    except aws.failures() as exc:
        raise dynamo.translate_client_error(exc) from exc
    return from_item(response["Attributes"])
