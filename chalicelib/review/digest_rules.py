"""Who gets the officials' morning digest, and what it says, as pure functions."""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta
from typing import Any

from chalicelib.auth import JURISDICTION_LEVEL, Principal, Role
from chalicelib.clock import SHANGHAI
from chalicelib.division_codes import DIVISION_LEVEL_BY_LENGTH, is_well_formed
from chalicelib.review.models import ReviewSummary
from chalicelib.workdays.rules import WorkCalendar

DIGEST_EVENT = "official_digest"
DIGEST_SUBJECT = "review"
# The cron's time, 08:30 in Shanghai; the local stack runs a missed day's digest as of then.
SEND_TIME = time(8, 30)
# A marker only has to outlive the day's runs; a month keeps a trace for questions.
MARKER_TTL_SECONDS = 30 * 24 * 3600
STREET_DIGITS = 9
COUNTED = ("new", "due_soon", "overdue")

QUEUE_ZH = {"suggestions": "建议", "residences": "居住认证", "funds": "自治金", "rounds": "投票"}
QUEUE_EN = {"suggestions": "suggestions", "residences": "residence requests", "funds": "fund applications",
            "rounds": "voting rounds"}


class DigestChannel(str, enum.Enum):
    sms = "sms"
    email = "email"


DEFAULT_CHANNEL = DigestChannel.sms


def preference(account: dict[str, Any]) -> tuple[bool, DigestChannel]:
    """(enabled, channel) of an account; an official who never chose gets the digest by SMS."""
    enabled = account.get("digest_enabled")
    channel = account.get("digest_channel")
    return (enabled is not False,
            DigestChannel(channel) if channel in DigestChannel._value2member_map_ else DEFAULT_CHANNEL)


def principal_of(account: dict[str, Any]) -> Principal | None:
    """The principal the authorizer would make of an active account's token, or None for an
    account that gets no digest (disabled, turned off, or not an official's of a valid level)."""
    if account.get("status") != "active" or not preference(account)[0]:
        return None
    role = Role._value2member_map_.get(str(account.get("role")))
    division = str(account.get("division") or "")
    if not isinstance(role, Role) or role is Role.resident or not is_well_formed(division):
        return None
    if DIVISION_LEVEL_BY_LENGTH.get(len(division)) != JURISDICTION_LEVEL[role]:
        return None
    return Principal(user_id=str(account["sub"]), role=role, jurisdiction=division)


def counts_of(summary: ReviewSummary) -> dict[str, dict[str, int]]:
    """The queues with anything to report, each with its new, due soon and overdue counts."""
    return {q.queue.value: {key: getattr(q, key) for key in COUNTED} for q in summary.queues
            if any(getattr(q, key) for key in COUNTED)}


def suggestions_overdue(summary: ReviewSummary) -> int:
    return next((q.overdue for q in summary.queues if q.queue.value == "suggestions"), 0)


def street_of(jurisdiction: str) -> str | None:
    """The street a street's or a committee's official works in; None above a street."""
    return jurisdiction[:STREET_DIGITS] if len(jurisdiction) >= STREET_DIGITS else None


def message(counts: dict[str, dict[str, int]], day: date) -> dict[str, Any]:
    """The inbox message (Notification fields but id and at), in both languages."""
    zh = "；".join(f"{QUEUE_ZH[name]}：新 {c['new']}，即将到期 {c['due_soon']}，已逾期 {c['overdue']}"
                  for name, c in counts.items())
    en = "; ".join(f"{QUEUE_EN[name]}: {c['new']} new, {c['due_soon']} due soon, {c['overdue']} overdue"
                   for name, c in counts.items())
    return {"subject_type": DIGEST_SUBJECT, "subject_id": day.isoformat(), "event": DIGEST_EVENT,
            "text": f"{day.isoformat()} 待办摘要 — {zh}。", "text_en": f"Your queues on {day.isoformat()} — {en}.",
            "counts": counts}


def latest_send_moment(now: datetime, calendar: WorkCalendar) -> datetime:
    """The last 08:30 of a working day at or before `now` (Shanghai): what a run started by
    hand on a weekend reports as."""
    local = now.astimezone(SHANGHAI)
    day = local.date() if local.time() >= SEND_TIME else local.date() - timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    if day == local.date():
        return now
    return datetime.combine(day, SEND_TIME, tzinfo=SHANGHAI)
