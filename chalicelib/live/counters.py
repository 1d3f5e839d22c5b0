"""The live counters: their names, the divisions an increment reaches, and how they are sharded.

A counter item holds one division's increments for one Shanghai day in one shard; the
reader sums the shards. Committees get one shard; the levels above get more because every
committee's events land on them too: concurrent transactions (one per stream shard) would
otherwise all update the one city item and cancel each other (TransactionConflict).
"""

from __future__ import annotations

import hashlib
from typing import Final

from chalicelib.division_codes import level_of, parent_of

COUNTERS: Final[tuple[str, ...]] = (
    "suggestions_received",
    "suggestions_accepted",
    "suggestions_accepted_on_time",
    "replies",
    "replies_on_time",
    "ratings",
    "rating_points",
    "adoptions",
    "topics_raised",
    "meetings_held",
    "decisions_carried",
    "conventions_adopted",
    "ballots_cast",
    "fund_approved_fen",
    "fund_spent_fen",
    "residents_verified",
)

# Shards per level: a committee sees a handful of events a day; the city sees all of them.
SHARDS: Final[dict[str, int]] = {"committee": 1, "street": 2, "district": 4, "city": 8}

Increments = dict[str, int]


def shard_count(division: str) -> int:
    return SHARDS[level_of(division)]


def shard_of(division: str, event_id: str) -> int:
    """The shard of `division` a transaction writes, from an event id (consumer.py: its first record's)."""
    digest = hashlib.blake2b(event_id.encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") % shard_count(division)


def lineage(division: str) -> list[str]:
    """The division and every level above it, up to the city."""
    chain: list[str] = []
    code: str | None = division
    while code:
        chain.append(code)
        code = parent_of(code)
    return chain
