"""Which change of the main table counts as which live counter: pure, over a stream record's images.

Counted are the records the monthly publication counts too (storage/activity.py): activity events
are written once (INSERT) and carry a `fact` map with their division, so one event is one count
wherever it lands. Everything else on the table (cases, queue entries, inboxes, the counters
themselves) is ignored. Ballots live in a table without a stream, and nothing on the main table
changes per ballot: ballots are counted from a round's tally event (its `after.ballots`), on the
day of the tally, at the round's scope. Residence verifications have no activity event: they are
counted when a request enters `approved` (a MODIFY, or an INSERT for a roster's pre-verified one).
Topics (deliberation) and meetings have no activity events either: a topic item's INSERT is a topic
raised, a meeting entering `held` a meeting held, a decision's `carried` appearing a decision carried
(into a project, an application, a suggestion or a convention), at the item's `division`; carried
into a convention, it is also a residents' convention adopted (居民公约, index 2.1's rl_conventions).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chalicelib.clock import SHANGHAI
from chalicelib.division_codes import is_well_formed

ADOPTED = ("adopted", "partly_adopted")
# Attributes any rule reads: the consumer decodes only these from a record's images.
READ_ATTRIBUTES = ("type", "fact", "action", "at", "details", "after", "amount_fen", "kind", "status",
                   "committee", "decided_at", "updated_at", "division", "created_at", "held_at", "carried")


@dataclass(frozen=True)
class Count:
    """What one record adds: counter increments for a division (and, by roll-up, its ancestors) on a Shanghai day."""

    division: str
    day: str
    increments: dict[str, int]


def shanghai_day(at_iso: str) -> str:
    return datetime.fromisoformat(at_iso.replace("Z", "+00:00")).astimezone(SHANGHAI).strftime("%Y-%m-%d")


def count_of(event_name: str, keys: dict[str, Any], old: dict[str, Any] | None,
             new: dict[str, Any] | None) -> Count | None:
    """The count one stream record makes, or None when it counts for nothing."""
    if event_name == "INSERT" and new and isinstance(new.get("fact"), dict):
        found = _activity(new, new["fact"])
    elif event_name in ("INSERT", "MODIFY") and new and new.get("type") in ITEM_RULES:
        found = ITEM_RULES[new["type"]](old or {}, new)
    else:
        return None
    if found is None:
        return None
    division, at, increments = found
    increments = {name: value for name, value in increments.items() if value}
    if not increments or not isinstance(division, str) or not is_well_formed(division) or not isinstance(at, str):
        return None
    return Count(division, shanghai_day(at), increments)


Found = tuple[Any, Any, dict[str, int]]


def _activity(item: dict[str, Any], fact: dict[str, Any]) -> Found | None:
    domain, action, at = fact.get("domain"), item.get("action"), item.get("at")
    if domain == "suggestion":
        return fact.get("division"), at, _suggestion(item, fact, action, at)
    if domain == "fund_application" and action == "approve" and item.get("status") == "approved":
        return fact.get("committee"), at, {"fund_approved_fen": int(item.get("amount_fen") or 0)}
    if domain == "ledger":
        sign = {"disburse": 1, "refund": -1}.get(str(item.get("kind")), 0)
        return fact.get("committee"), at, {"fund_spent_fen": sign * int(item.get("amount_fen") or 0)}
    if domain == "round" and action == "tally":
        after = item.get("after") or {}
        return fact.get("scope"), at, {"ballots_cast": int(after.get("ballots") or 0)}
    return None


def _suggestion(item: dict[str, Any], fact: dict[str, Any], action: Any, at: Any) -> dict[str, int]:
    details = item.get("details") or {}
    if action == "submit":
        return {"suggestions_received": 1}
    if action == "accept":
        # On time as the publication counts it: by the acknowledgement deadline the case carried.
        return {"suggestions_accepted": 1, "suggestions_accepted_on_time": int(_by(at, fact.get("acknowledge_by")))}
    if action == "reply":
        return {"replies": 1, "replies_on_time": int(_by(at, fact.get("reply_by"))),
                "adoptions": int(details.get("adoption") in ADOPTED)}
    if action == "rate":
        return {"ratings": 1, "rating_points": int(details.get("score") or 0)}
    return {}


def _by(at: Any, due: Any) -> bool:
    # Stored times are UTC ISO strings of one form, so text order is time order.
    return isinstance(at, str) and isinstance(due, str) and at <= due


def _residence(old: dict[str, Any], new: dict[str, Any]) -> Found | None:
    if new.get("status") != "approved" or old.get("status") == "approved":
        return None
    return new.get("committee"), new.get("decided_at") or new.get("updated_at"), {"residents_verified": 1}


def _topic(old: dict[str, Any], new: dict[str, Any]) -> Found | None:
    # A topic is raised once, when its item is first written.
    return None if old else (new.get("division"), new.get("created_at"), {"topics_raised": 1})


def _meeting(old: dict[str, Any], new: dict[str, Any]) -> Found | None:
    if new.get("status") != "held" or old.get("status") == "held":
        return None
    return new.get("division"), new.get("held_at"), {"meetings_held": 1}


def _decision(old: dict[str, Any], new: dict[str, Any]) -> Found | None:
    # Carried into a project, an application, a suggestion or a convention: once, when `carried` appears.
    carried = new.get("carried")
    if not isinstance(carried, dict) or old.get("carried"):
        return None
    return new.get("division"), carried.get("at"), {"decisions_carried": 1,
                                                    "conventions_adopted": int(carried.get("target") == "convention")}


ITEM_RULES = {"residence_request": _residence, "topic": _topic, "meeting": _meeting, "meeting_decision": _decision}
