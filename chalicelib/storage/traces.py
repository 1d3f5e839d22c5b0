"""Where a person took part in deliberation: one small item per topic or meeting partition
that holds their key, put in the same transaction as what they wrote there (a topic, support,
comment, report, appeal or registration). Nothing indexes those items by person, and the
table has two indexes already spoken for; erasure reads these traces instead. A fund
application staff entered from paper leaves one under its lead's key too (their account, or
the claim key of the number on the form): both of its indexes name the pool and the official.

| pattern                          | index | key condition                 | example                    |
| -------------------------------- | ----- | ----------------------------- | -------------------------- |
| the partitions a person is in    | table | Query PK=TRACE#{person}       | SK=TOPIC#01JD…, MEETING#…, |
|                                  |       |                               | FUNDAPP#01JD…              |
| note one (idempotent)            | table | Put, in the write's transaction |                          |
| forget one, after its erasure    | table | Delete, in its last transaction |                          |

A trace holds no time or text: put again by every write there, it stays the same item, so a
retried request changes nothing more than the first.
"""

from __future__ import annotations

from typing import Any

from chalicelib.storage import dynamo
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import person_trace_key, person_trace_partition

TOPIC, MEETING, FUND_APPLICATION = "TOPIC", "MEETING", "FUNDAPP"
DELIBERATION = frozenset({TOPIC, MEETING})
PAGE = 200


def trace_put(person: str, kind: str, ref_id: str) -> dict[str, Any]:
    return dynamo.put_op({**person_trace_key(person, kind, ref_id), "type": "person_trace", "kind": kind,
                          "ref_id": ref_id})


def trace_delete(person: str, kind: str, ref_id: str) -> dict[str, Any]:
    return {"Delete": {"TableName": dynamo.table_name(), "Key": to_item(person_trace_key(person, kind, ref_id))}}


def traces_of(person: str) -> list[tuple[str, str]]:
    """(kind, id) of every partition the person is in."""
    found: list[tuple[str, str]] = []
    start: dict[str, Any] | None = None
    while True:
        items, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": person_trace_partition(person)},
                                         limit=PAGE, start_key=start, consistent=True)
        found += [(str(i["kind"]), str(i["ref_id"])) for i in items]
        if not start:
            return found
