"""Officials' review queues across their jurisdiction, and what waits in each."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, Role, can, require
from chalicelib.funds import rules as fund_rules
from chalicelib.funds.models import FundStatus
from chalicelib.residence import rules as residence_rules
from chalicelib.review import repository, rules
from chalicelib.review.models import (
    FundQueueItem,
    FundQueuePage,
    FundQueueQuery,
    QueueCounts,
    QueueName,
    ReviewSummary,
    RoundQueuePage,
    RoundQueueQuery,
)
from chalicelib.storage.pagination import decode_cursor, encode_cursor
from chalicelib.voting import rules as voting_rules
from chalicelib.voting.records import RoundStatus
from chalicelib.voting.views import summary_of
from chalicelib.workdays.service import load_calendar


def _level(principal: Principal) -> str:
    # Staff of a committee act on its reviews; the officials above it on the street's steps.
    return fund_rules.COMMITTEE_LEVEL if principal.role is Role.committee_staff else fund_rules.STREET_LEVEL


def fund_queue(principal: Principal, query: FundQueueQuery) -> FundQueuePage:
    require(principal, "fund.review")
    jurisdiction = principal.jurisdiction or ""
    if query.committee:
        require(principal, "fund.review", query.committee)
    # A committee's code closed with the separator, so no longer code could match it.
    prefix = f"{query.committee}#" if query.committee else jurisdiction
    level = _level(principal)
    status = query.status.value if query.status else None
    cursor_scope = f"review-funds:{level}:{prefix}:{status or ''}"
    now = clock.iso(clock.utc_now())
    items, last = repository.fund_queue_page(level, prefix, now, status, query.limit,
                                             decode_cursor(query.cursor, cursor_scope))
    return FundQueuePage(items=[_fund_item(principal, item, now) for item in items],
                         next_cursor=encode_cursor(last, cursor_scope))


def _fund_item(principal: Principal, item: dict[str, Any], now: str) -> FundQueueItem:
    status = FundStatus(item["status"])
    due = item.get("due_at")
    # The entry keeps who took the team's steps (four eyes), so the queue offers what the detail does.
    hand = principal.user_id in item.get("team_hands", ())
    return FundQueueItem.model_validate({
        **{k: v for k, v in item.items() if k in FundQueueItem.model_fields},
        "waiting_since": item["since"], "overdue": due is not None and due < now,
        "allowed_actions": fund_rules.allowed_actions(status, principal.role, False, hand)})


def round_queue(principal: Principal, query: RoundQueueQuery) -> RoundQueuePage:
    require(principal, "round.manage")
    scope = query.division or principal.jurisdiction or ""
    require(principal, "round.manage", scope)
    cursor_scope = f"review-rounds:{scope}"
    records, last = repository.rounds_page(scope, query.limit, decode_cursor(query.cursor, cursor_scope))
    now = clock.iso(clock.utc_now())
    phased = [(record, voting_rules.current_phase(record.schedule, record.status, now)) for record in records]
    return RoundQueuePage(items=[summary_of(record, phase) for record, phase in phased
                                 if query.phase is None or phase is query.phase],
                          next_cursor=encode_cursor(last, cursor_scope))


def summary(principal: Principal, at: datetime | None = None) -> ReviewSummary:
    """`at`: the moment to count at (the morning digest's run), else now."""
    require(principal, "fund.review")
    scope = principal.jurisdiction or ""
    moment = at or clock.utc_now()
    calendar = load_calendar()
    now = clock.iso(moment)
    soon = clock.iso(rules.due_soon_before(moment, calendar))
    since = clock.iso(rules.new_since(moment, calendar))
    queues = []
    if can(principal, "suggestion.review"):
        queues.append(_suggestions(scope, now, soon, since))
    if can(principal, "residence.review") and len(scope) >= 6:
        # Requests are kept by district: the city's would be a Query per district.
        found = repository.residences_new(residence_rules.district_of(scope), residence_rules.queue_prefix(scope), since)
        queues.append(QueueCounts(queue=QueueName.residences, new=found.value, due_soon=0, overdue=0,
                                  capped=found.capped))
    if can(principal, "fund.review"):
        steps, capped = repository.fund_steps(_level(principal), scope, now)
        new, due_soon, overdue = rules.counts(steps, now, soon, since)
        queues.append(QueueCounts(queue=QueueName.funds, new=new, due_soon=due_soon, overdue=overdue, capped=capped))
    if can(principal, "round.manage"):
        queues.append(_rounds(scope, now, soon, since))
    return ReviewSummary(jurisdiction=scope, at=now, new_since=since, due_soon_before=soon, queues=queues)


def _suggestions(scope: str, now: str, soon: str, since: str) -> QueueCounts:
    overdue = repository.suggestions_overdue(scope, now)
    due_soon = repository.suggestions_due_soon(scope, now, soon)
    new = repository.suggestions_new(scope, since)
    return QueueCounts(queue=QueueName.suggestions, new=new.value, due_soon=due_soon.value, overdue=overdue.value,
                       capped=overdue.capped or due_soon.capped or new.capped)


def _rounds(scope: str, now: str, soon: str, since: str) -> QueueCounts:
    """An open round owes its officials the tally once voting ends: due then, overdue after."""
    items, capped = repository.rounds_of(scope)
    pairs: list[tuple[str, str | None]] = [
        (str(item.get("created_at") or ""),
         str(item["schedule"]["voting"][1]) if item["status"] == RoundStatus.open.value else None)
        for item in items]
    new, due_soon, overdue = rules.counts(pairs, now, soon, since)
    return QueueCounts(queue=QueueName.rounds, new=new, due_soon=due_soon, overdue=overdue, capped=capped)
