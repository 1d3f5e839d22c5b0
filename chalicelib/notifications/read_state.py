"""How far a person has read their inbox: one marker, and the count of messages after it.

| pattern                        | index | key condition                              | example                          |
| ------------------------------ | ----- | ------------------------------------------ | -------------------------------- |
| where a person has read up to  | table | GetItem INBOXREAD#{person} / READ          | read_until=2026-11-23T02:…Z      |
| mark read up to a time         | table | Put if absent or its time is earlier       |                                  |
| unread messages of an inbox    | table | PK = INBOX#{recipient} AND SK > {until}#~  | at most UNREAD_CAP items         |

The marker only moves forward: two tabs marking at once, or a stale page marking an older
time, can never make read messages unread again.
"""

from __future__ import annotations

from chalicelib.storage import dynamo
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.keys import inbox_partition, inbox_read_key

READ_TYPE = "inbox_read"
# The bell shows "99+" beyond this; counting further would read a whole neglected inbox.
UNREAD_CAP = 100
# Sorts after every message id (ULIDs are digits and capitals), so SK > "{at}#~" skips
# every message at exactly `at`.
AFTER_ALL_IDS = "#~"


def read_until(person: str) -> str | None:
    item = dynamo.get_item(inbox_read_key(person), consistent=True)
    return str(item["read_until"]) if item else None


def mark_read(person: str, until_iso: str) -> None:
    try:
        dynamo.transact_write([dynamo.put_op(
            {**inbox_read_key(person), "type": READ_TYPE, "read_until": until_iso},
            condition="attribute_not_exists(PK) OR read_until < :until", values={":until": until_iso})])
    except ConditionFailedError:
        return  # a later time is already kept


def count_unread(recipient: str, after_iso: str | None, cap: int = UNREAD_CAP) -> int:
    if after_iso is None:
        condition, values = "PK = :pk", {":pk": inbox_partition(recipient)}
    else:
        condition = "PK = :pk AND SK > :after"
        values = {":pk": inbox_partition(recipient), ":after": after_iso + AFTER_ALL_IDS}
    items, _ = dynamo.query_page(key_condition=condition, values=values, limit=cap)
    return len(items)


def forget(person: str) -> None:
    """Erasure: the marker goes with the inbox."""
    from chalicelib.storage.items import to_item

    dynamo.transact_write([{"Delete": {"TableName": dynamo.table_name(), "Key": to_item(inbox_read_key(person))}}])
