"""The live counter items and the marks of applied stream records (the only module of live/ that touches AWS).

Counter item: PK `LIVE#{division}`, SK `DAY#{yyyy-mm-dd}#{shard:02d}`, one numeric attribute per
counter. Applied mark: PK `LIVE#APPLIED#{stream event id}`, written in the same transaction as the
increments of that record, conditional on not existing, and expiring after the stream's 24 hours
of retention: a record delivered again (a retried batch, a re-read shard) is refused by its mark.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from chalicelib.division_codes import level_of
from chalicelib.live.counters import COUNTERS
from chalicelib.storage import dynamo, keys
from chalicelib.storage.items import to_item

# A transaction holds at most 100 items: the records' marks and the counter items they touch.
MAX_ITEMS = 100
PAGE = 500

CounterKey = tuple[str, str, int]  # (division, Shanghai day, shard)


def read_counters(division: str, first_day: date, last_day: date) -> dict[str, dict[str, int]]:
    """Every counter of `division` from `first_day` to `last_day` inclusive, keyed by day
    ('YYYY-MM-DD') then counter name, the shards summed. Days without events are absent;
    a counter that never moved on a day is absent from that day."""
    low, high = keys.live_counter_range(division, first_day.isoformat(), last_day.isoformat())
    days: dict[str, dict[str, int]] = {}
    start: dict[str, Any] | None = None
    while True:
        items, start = dynamo.query_page(
            key_condition="PK = :pk AND SK BETWEEN :low AND :high",
            values={":pk": keys.live_counter_partition(division), ":low": low, ":high": high},
            limit=PAGE, start_key=start,
        )
        for item in items:
            day = keys.live_counter_day(item["SK"])
            totals = days.setdefault(day, {})
            for name in COUNTERS:
                if name in item:
                    totals[name] = totals.get(name, 0) + int(item[name])
        if not start:
            return days


def apply(applied: list[str], increments: dict[CounterKey, dict[str, int]], expires_at: int) -> list[str]:
    """Mark the records `applied` and add their `increments`, all or nothing. Returns the records
    that were marked already (their increments are in the table): then nothing was written, and
    the caller drops them and asks again with the rest."""
    if len(applied) + len(increments) > MAX_ITEMS:
        raise ValueError(f"{len(applied) + len(increments)} items in one transaction; at most {MAX_ITEMS}")
    marks = [dynamo.put_op({**keys.live_applied_key(event_id), "type": "live_applied", "expires_at": expires_at},
                           "attribute_not_exists(PK)") for event_id in applied]
    operations = [_add_op(key, counts) for key, counts in sorted(increments.items()) if any(counts.values())]
    try:
        dynamo.transact_write([*marks, *operations])
    except dynamo.ConditionFailedError as refused:
        # Only the marks carry a condition: each failed position is a record counted before.
        counted = [applied[i] for i in refused.failed if i < len(applied)]
        if not counted:
            raise
        return counted
    return []


def _add_op(key: CounterKey, counts: dict[str, int]) -> dict[str, Any]:
    division, day, shard = key
    moved = sorted(name for name, value in counts.items() if value)
    names = {f"#c{i}": name for i, name in enumerate(moved)}
    values: dict[str, Any] = {f":c{i}": counts[name] for i, name in enumerate(moved)}
    expression = "ADD " + ", ".join(f"#c{i} :c{i}" for i in range(len(moved)))
    if level_of(division) == "committee":
        # The week's active committees (GSI1), which the live index lists without a Scan.
        expression += " SET GSI1PK = :active, GSI1SK = :active_sk"
        values |= {":active": keys.live_active_partition(division, day), ":active_sk": keys.live_active_sort_key(division, day)}
    return {"Update": {
        "TableName": dynamo.table_name(),
        "Key": to_item(keys.live_counter_key(division, day, shard)),
        "UpdateExpression": expression,
        "ExpressionAttributeNames": names,
        "ExpressionAttributeValues": to_item(values),
    }}

