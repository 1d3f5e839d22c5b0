"""Division items in the main table.

| pattern                          | index | key condition                                   | example                       |
| -------------------------------- | ----- | ----------------------------------------------- | ----------------------------- |
| get one division                 | table | PK = DIV#{parent} AND SK = DIV#{code}           | PK=DIV#310110, SK=DIV#310110012 |
| get many divisions               | table | BatchGetItem of the keys above                  |                               |
| list a division's children       | table | PK = DIV#{code} AND begins_with(SK, "DIV#")     | PK=DIV#310110012              |
| load the registry (admin tool)   | table | BatchWriteItem of the items above               |                               |

A division lives in its parent's partition (the city's districts under DIV#ROOT's child
DIV#31), so one Query lists any division's children in code order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from chalicelib.divisions.models import Division, DivisionProfileUpdate, DivisionSummary
from chalicelib.storage import dynamo
from chalicelib.storage.audit import audit_put, utc_now_iso
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import division_children_partition, division_key

CHILDREN_PAGE = 500


def _division(item: dict[str, Any]) -> Division:
    return Division.model_validate({k: v for k, v in item.items() if k in Division.model_fields})


def get_division(code: str) -> Division | None:
    item = dynamo.get_item(division_key(code))
    return _division(item) if item else None


def get_divisions(codes: Iterable[str]) -> dict[str, Division]:
    """The divisions of `codes` that exist, by code."""
    found = (_division(item) for item in dynamo.batch_get([division_key(code) for code in sorted(set(codes))]))
    return {division.code: division for division in found}


def list_children(code: str) -> list[DivisionSummary]:
    return [DivisionSummary.model_validate({k: getattr(child, k) for k in DivisionSummary.model_fields})
            for child in list_child_divisions(code)]


def list_child_divisions(code: str) -> list[Division]:
    """The children with their profiles (population, community type), for allocations."""
    children: list[Division] = []
    start: dict[str, Any] | None = None
    while True:
        items, start = dynamo.query_page(
            key_condition="PK = :pk AND begins_with(SK, :prefix)",
            values={":pk": division_children_partition(code), ":prefix": "DIV#"},
            limit=CHILDREN_PAGE,
            start_key=start,
        )
        children.extend(_division(item) for item in items)
        if not start:
            return children


def division_item(division: Division) -> dict[str, Any]:
    return {**division_key(division.code), "type": "division", **division.model_dump(mode="json")}


def put_divisions(divisions: Iterable[Division], client: Any | None = None) -> int:
    """Write (or overwrite) registry entries; used by the loader, not by requests."""
    db = client or dynamo.db()
    batch: list[dict[str, Any]] = []
    written = 0

    def flush() -> None:
        pending = {dynamo.table_name(): batch[:]}
        while pending:
            response = db.batch_write_item(RequestItems=pending)
            pending = response.get("UnprocessedItems") or {}
        batch.clear()

    for division in divisions:
        batch.append({"PutRequest": {"Item": to_item(division_item(division))}})
        written += 1
        if len(batch) == 25:
            flush()
    if batch:
        flush()
    return written


def update_profile(
    code: str, change: DivisionProfileUpdate, expected_version: int, actor_id: str, actor_role: str
) -> None:
    fields = change.model_dump(mode="json", exclude_none=True)
    assignments = ", ".join(f"#{name} = :{name}" for name in fields)
    table = dynamo.table_name()
    dynamo.transact_write(
        [
            {
                "Update": {
                    "TableName": table,
                    "Key": to_item(division_key(code)),
                    "UpdateExpression": f"SET {assignments}, #version = :next_version, updated_at = :now",
                    # The division must exist (no upsert of a made-up code) and must not
                    # have changed since it was read (two administrators editing at once).
                    "ConditionExpression": "attribute_exists(PK) AND #version = :expected_version",
                    "ExpressionAttributeNames": {"#version": "version", **{f"#{n}": n for n in fields}},
                    "ExpressionAttributeValues": to_item(
                        {
                            **{f":{n}": v for n, v in fields.items()},
                            ":expected_version": expected_version,
                            ":next_version": expected_version + 1,
                            ":now": utc_now_iso(),
                        }
                    ),
                }
            },
            audit_put(
                table,
                subject=f"division#{code}",
                action="update_profile",
                actor_id=actor_id,
                actor_role=actor_role,
                after=fields,
            ),
        ]
    )
