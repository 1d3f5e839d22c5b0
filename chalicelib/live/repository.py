"""The live counters' items (the only module of live/ that touches AWS).

Counter item: PK `LIVE#{division}`, SK `DAY#{yyyy-mm-dd}#{shard:02d}`, one numeric attribute per
counter, and `applied`: the string set of the stream event ids whose increments it received
as their own division's item (a record's own division, on the shard its event id picks, so the
same item whenever it comes again). A record's id is added in the same update as its
increments, on the condition that it is not there yet: a record delivered again (a retried
batch, a re-read shard) is refused by its own id. The ids stay with the day's item, as many
as the division's records that day (about 33 bytes each).

Rollup item: PK `LIVE#{division}`, SK `WEEK#{monday}`, a closed ISO week's counters summed over its
days and shards (rollups.py), and in `sunday` (a map, absent when empty) its Sunday's; put once by
the hourly publisher and never changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from chalicelib import aws
from chalicelib.division_codes import level_of
from chalicelib.live.counters import COUNTERS
from chalicelib.live.rollups import Week
from chalicelib.storage import dynamo, keys
from chalicelib.storage.items import to_item

# A transaction holds at most 100 items: the counter items a chunk of records touches.
MAX_ITEMS = 100
# Ids one update may add: its condition (` AND NOT contains(#applied, :m99)`, 32 characters
# each) must stay under DynamoDB's 4 KB per expression.
MARKS_PER_ITEM = 100
APPLIED = "applied"
PAGE = 500
ROLLUP_TYPE = "live_rollup"

CounterKey = tuple[str, str, int]  # (division, Shanghai day, shard)


def read_counters(division: str, first_day: date, last_day: date) -> dict[str, dict[str, int]]:
    """Every counter of `division` from `first_day` to `last_day` inclusive, keyed by day
    ('YYYY-MM-DD') then counter name, the shards summed. Days without events are absent;
    a counter that never moved on a day is absent from that day."""
    days: dict[str, dict[str, int]] = {}
    for item in _between(division, *keys.live_counter_range(division, first_day.isoformat(), last_day.isoformat())):
        totals = days.setdefault(keys.live_counter_day(item["SK"]), {})
        for name in COUNTERS:
            if name in item:
                totals[name] = totals.get(name, 0) + int(item[name])
    return days


def read_rollups(division: str, first_monday: date, last_monday: date) -> dict[date, Week]:
    """The weekly rollups of `division` (rollups.py) for the weeks from `first_monday` to `last_monday`
    that have one, keyed by Monday: one Query."""
    weeks: dict[date, Week] = {}
    for item in _between(division, *keys.live_rollup_range(first_monday.isoformat(), last_monday.isoformat())):
        sunday = item.get("sunday") or {}
        weeks[date.fromisoformat(item["week"])] = Week(
            total={name: int(item[name]) for name in COUNTERS if name in item},
            sunday={name: int(sunday[name]) for name in COUNTERS if name in sunday})
    return weeks


def _between(division: str, low: str, high: str) -> Iterator[dict[str, Any]]:
    """The items of the division's live partition whose sort keys lie from `low` to `high`, page by page."""
    start: dict[str, Any] | None = None
    while True:
        items, start = dynamo.query_page(
            key_condition="PK = :pk AND SK BETWEEN :low AND :high",
            values={":pk": keys.live_counter_partition(division), ":low": low, ":high": high},
            limit=PAGE, start_key=start,
        )
        yield from items
        if not start:
            return


def put_rollup(division: str, monday: date, week: Week, at: str) -> None:
    """A closed week's rollup, unless one is there already: a rollup is never replaced."""
    item = {**keys.live_rollup_key(division, monday.isoformat()), "type": ROLLUP_TYPE, "division": division,
            "week": monday.isoformat(), "rolled_at": at, **week.total, **({"sunday": week.sunday} if week.sunday else {})}
    try:
        dynamo.db().put_item(TableName=dynamo.table_name(), Item=to_item(item),
                             ConditionExpression="attribute_not_exists(PK)")
    except aws.failures() as exc:
        # Another run wrote it first, from the same closed days.
        if aws.error_code(exc) != "ConditionalCheckFailedException":
            raise dynamo.translate_client_error(exc) from exc


def apply(increments: dict[CounterKey, dict[str, int]], marks: dict[CounterKey, list[str]]) -> list[str]:
    """Add `increments` and the records' ids (`marks`, by the item that keeps each), all or
    nothing. Returns the records that were applied already (their increments are in the table):
    then nothing was written, and the caller drops them and asks again with the rest."""
    placed = sorted(key for key in {*increments, *marks}
                    if marks.get(key) or any(increments.get(key, {}).values()))
    if len(placed) > MAX_ITEMS:
        raise ValueError(f"{len(placed)} items in one transaction; at most {MAX_ITEMS}")
    if any(len(ids) > MARKS_PER_ITEM for ids in marks.values()):
        raise ValueError(f"more than {MARKS_PER_ITEM} records on one item")
    try:
        dynamo.transact_write([_update_op(key, increments.get(key, {}), marks.get(key, [])) for key in placed])
    except dynamo.ConditionFailedError as refused:
        # Only an item's ids carry a condition: it held some of them, which are records counted before.
        counted = [event_id for i in refused.failed
                   for event_id in marks.get(placed[i], []) if event_id in refused.items.get(i, {}).get(APPLIED, ())]
        if not counted:
            raise
        return counted
    return []


def _update_op(key: CounterKey, counts: dict[str, int], applied: list[str]) -> dict[str, Any]:
    division, day, shard = key
    moved = sorted(name for name, value in counts.items() if value)
    names = {f"#c{i}": name for i, name in enumerate(moved)}
    values: dict[str, Any] = {f":c{i}": counts[name] for i, name in enumerate(moved)}
    actions = [f"#c{i} :c{i}" for i in range(len(moved))]
    operation: dict[str, Any] = {"TableName": dynamo.table_name(), "Key": to_item(keys.live_counter_key(division, day, shard))}
    if applied:
        actions.append("#applied :applied")
        names["#applied"] = APPLIED
        values[":applied"] = set(applied)
        values |= {f":m{i}": event_id for i, event_id in enumerate(applied)}
        operation["ConditionExpression"] = " AND ".join(f"NOT contains(#applied, :m{i})" for i in range(len(applied)))
        operation["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD"
    expression = "ADD " + ", ".join(actions)
    if moved and level_of(division) == "committee":
        # The week's active committees (GSI1), which the live index lists without a Scan.
        expression += " SET GSI1PK = :active, GSI1SK = :active_sk"
        values |= {":active": keys.live_active_partition(division, day), ":active_sk": keys.live_active_sort_key(division, day)}
    return {"Update": {**operation, "UpdateExpression": expression, "ExpressionAttributeNames": names,
                       "ExpressionAttributeValues": to_item(values)}}
