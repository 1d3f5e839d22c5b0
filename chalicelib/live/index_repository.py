"""The quarterly entries and the committees active in recent weeks.

| pattern | index | key condition | example |
| --- | --- | --- | --- |
| a division's entries with their audit trail | table | `PK = INDEXENTRY#{division}` | every quarter entered for 310110012001 |
| enter a quarter | table | Put `PK = INDEXENTRY#{division}`, `SK = QUARTER#{quarter}`, absent or at the version read | 2026-Q4 |
| committees with counters in an ISO week | GSI1 | `GSI1PK = LIVEACTIVE#{iso week}#{part}` (parts 0–7) | 2026-W49#3 |

The live files (live/index/{division}.json, live/index/city.json) go to the public bucket.
The active-committee keys are set by the stream consumer on each committee's counter item
(storage/keys.live_active_partition); a week's eight parts are eight Queries.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from chalicelib import aws
from chalicelib.auth import Principal
from chalicelib.settings import get_settings
from chalicelib.storage import dynamo, keys
from chalicelib.storage.audit import audit_put
from chalicelib.storage.table import GSI1

PAGE = 500
LIVE_MAX_AGE = 300


def entries_of(division: str) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """(quarter → entry item, the audit events oldest first) of one division, in one Query."""
    entries: dict[str, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    start: dict[str, Any] | None = None
    while True:
        items, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": keys.index_entry_partition(division)},
                                         limit=PAGE, start_key=start)
        for item in items:
            if item["SK"].startswith("QUARTER#"):
                entries[item["quarter"]] = item
            else:
                events.append(item)
        if not start:
            return entries, events


def put_entry(entry: dict[str, Any], expected_version: int | None, principal: Principal,
              before: dict[str, Any] | None) -> None:
    """The entry and its audit event, in one transaction conditional on the version read."""
    division, quarter = entry["division"], entry["quarter"]
    item = {**keys.index_entry_key(division, quarter), **entry}
    if expected_version is None:
        put = dynamo.put_op(item, "attribute_not_exists(PK)")
    else:
        put = dynamo.put_op(item, "version = :v", {":v": expected_version})
    audit = audit_put(
        dynamo.table_name(), subject=f"index-entry#{division}#{quarter}",
        action="index_entry.created" if before is None else "index_entry.replaced",
        actor_id=principal.user_id, actor_role=principal.role.value,
        before=None if before is None else before["values"], after=entry["values"], at=entry["entered_at"],
        key_for=lambda at, event_id: keys.index_entry_audit_key(division, quarter, at, event_id),
        extra={"quarter": quarter},
    )
    dynamo.transact_write([put, audit])


def active_committees(last_day: date, weeks: int) -> set[str]:
    """Committees with counters in the ISO weeks ending with `last_day`'s."""
    found: set[str] = set()
    for week in range(weeks):
        day = last_day - timedelta(weeks=week)
        year, number, _ = day.isocalendar()
        for part in range(keys.LIVE_ACTIVE_PARTS):
            partition = keys.live_active_part(f"{year}-W{number:02d}", part)
            start: dict[str, Any] | None = None
            while True:
                items, start = dynamo.query_page(index=GSI1, key_condition="GSI1PK = :pk",
                                                 values={":pk": partition}, limit=PAGE, start_key=start)
                found.update(item["GSI1SK"].split("#")[0] for item in items)
                if not start:
                    break
    return found


def put_live_file(key: str, body: bytes) -> None:
    """A live file on the public bucket. Five minutes in caches, so that an hourly refresh is
    seen within minutes and a busy page costs CloudFront a fetch per five minutes at most."""
    aws.client("s3").put_object(Bucket=get_settings().public_bucket, Key=key, Body=body,
                                ContentType="application/json; charset=utf-8", CacheControl=f"public, max-age={LIVE_MAX_AGE}")
