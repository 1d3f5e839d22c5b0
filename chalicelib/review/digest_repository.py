"""The officials' morning digest: which officials were sent today's, and sending one.

| pattern                            | index | key condition                               | example                        |
| ---------------------------------- | ----- | ------------------------------------------- | ------------------------------ |
| whose digest of a day went out     | table | BatchGetItem PK = DIGEST#{sub}, SK = {day}  | 100 officials a call           |
| send one                           | table | TransactWrite: inbox Put + marker Put (new) | INBOX#{person}, DIGEST#{sub}   |

The inbox message and the day's marker are written together, and the marker only if there
is none: a rerun, or a second run at the same time, delivers nothing twice. The directory
itself is read through staff/repository.py (GSI1 `OFFICIALS`).
"""

from __future__ import annotations

from typing import Any

from chalicelib.notifications.repository import inbox_put
from chalicelib.review.digest_rules import MARKER_TTL_SECONDS
from chalicelib.storage import dynamo
from chalicelib.storage.keys import digest_marker_key

MARKER_TYPE = "digest_marker"


def sent_on(subs: list[str], day: str) -> set[str]:
    """Which of these officials already have the day's digest."""
    if not subs:
        return set()
    found = dynamo.batch_get([digest_marker_key(sub, day) for sub in subs])
    return {str(item["PK"]).split("#", 1)[1] for item in found}


def deliver(sub: str, recipient: str, message: dict[str, Any], day: str, at_iso: str, at_epoch: int) -> bool:
    """Put the message in the official's inbox with the day's marker; False when the marker
    was there already (another run sent it)."""
    marker = {**digest_marker_key(sub, day), "type": MARKER_TYPE, "at": at_iso,
              "expires_at": at_epoch + MARKER_TTL_SECONDS}
    try:
        dynamo.transact_write([inbox_put(recipient, message, at_iso, at_epoch),
                               dynamo.put_op(marker, "attribute_not_exists(PK)")])
    except dynamo.ConditionFailedError:
        return False
    return True
