"""The month-partitioned activity index that the monthly publication reads.

Every event that a month's summary counts (a suggestion's steps and ratings, a round's tally,
a fund application's steps, a pool's money movements) is written with two more attributes in
the same transaction as the change it records: GSI1 keys that place it under its Shanghai
month, and a `fact` map with what aggregation needs (division, category, on-time flags,
amounts), so that publishing a month is SHARDS paged Queries and no read per record.

| pattern                     | index | key condition                             | example                      |
| --------------------------- | ----- | ----------------------------------------- | ---------------------------- |
| a month's activity, shard s | GSI1  | GSI1PK=ACTIVITY#{yyyy-mm}#{s:02d}         | GSI1SK={at}#{event id}       |

Events spread over SHARDS partitions by a hash of their id: a busy month writes no hot key.
The writers are the domains' repositories and the reader is the publication, so the index
lives here, below both: a domain that records an event never imports the publication.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

from chalicelib.clock import SHANGHAI
from chalicelib.storage.keys import activity_index_keys, activity_partition

SHARDS = 16


def month_of(at_iso: str) -> str:
    """The Shanghai month (yyyy-mm) of a UTC instant: 23:30 on 31 October in Shanghai is October."""
    return datetime.fromisoformat(at_iso.replace("Z", "+00:00")).astimezone(SHANGHAI).strftime("%Y-%m")


def shard_of(record_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(record_id.encode(), digest_size=2).digest(), "big") % SHARDS


def partition(month: str, shard: int) -> str:
    return activity_partition(month, shard)


def index_keys(at_iso: str, record_id: str) -> dict[str, str]:
    return activity_index_keys(month_of(at_iso), shard_of(record_id), at_iso, record_id)


def indexed(key_for: Callable[[str, str], dict[str, str]]) -> Callable[[str, str], dict[str, str]]:
    """An audit event's key builder that also files the event under its month."""
    return lambda at_iso, event_id: {**key_for(at_iso, event_id), **index_keys(at_iso, event_id)}
