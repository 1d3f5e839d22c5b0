"""The officials' morning digest: on each Shanghai working day, one message to every official
with something new, due soon or overdue in their queues.

What a run costs: the directory is read a page of 100 officials a Query (GSI1 `OFFICIALS`,
tens of thousands of officials: some hundreds of Queries), with one BatchGetItem a page for
the day's markers. Each distinct (role, jurisdiction) is counted once a run, by
review.service.summary: 6 Queries at the least (3 for suggestions, 1 each for residence
requests, fund steps and rounds), 30 at the most (each count stops at 5 pages). Shanghai's
some 6,800 divisions make that 40,000 Queries and more in a run where every division has an
official. Each message is one TransactWriteItems of two Puts (the inbox message and the
day's marker) and a tenth of an SNS PublishBatch; each street of a street's or committee's
official gets one SuggestionsOverdue metric, from the street official's count or from one
more count of its own.

A run is resumable: it stops cleanly once less than a minute of the Lambda's time is left,
and the next run of the day (the 08:45 catch-up, or one by hand) skips whoever has the day's
marker, so it finishes the rest without sending anything twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from chalicelib import clock
from chalicelib.auth import Role, person_key
from chalicelib.notifications.service import announce
from chalicelib.review import digest_repository, digest_rules
from chalicelib.review import repository as review_repository
from chalicelib.review.models import ReviewSummary
from chalicelib.review.service import summary
from chalicelib.staff import repository as staff_repository
from chalicelib.workdays.rules import shanghai_date
from chalicelib.workdays.service import load_calendar

PAGE = 100
CITY = "31"
# Below this much of the Lambda's time left, a run stops and leaves the rest to the next.
STOP_WITH_MS_LEFT = 60_000
OVERDUE_METRIC = "SuggestionsOverdue"


@dataclass
class DigestRun:
    """What a run did, in counts only (it is logged)."""

    day: str
    working_day: bool
    officials: int = 0
    sent: int = 0
    sent_before: int = 0
    nothing_new: int = 0
    not_subscribed: int = 0
    jurisdictions: int = 0
    streets: int = 0
    finished: bool = True
    overdue_by_street: dict[str, int] = field(default_factory=dict)

    def totals(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "overdue_by_street"}


def send_digests(at: datetime | None = None, remaining_ms: Callable[[], int] | None = None) -> DigestRun:
    """Send the digest of `at`'s Shanghai day (default: now) if it is a working day."""
    from chalicelib.observability import logger

    moment = at or clock.utc_now()
    day = shanghai_date(moment)
    run = DigestRun(day=day.isoformat(), working_day=load_calendar().is_working_day(day))
    if run.working_day:
        _send(run, moment, remaining_ms or (lambda: STOP_WITH_MS_LEFT * 100))
    logger.info("officials digest", extra=run.totals())
    return run


def run_scheduled(scheduled_at: str, remaining_ms: Callable[[], int] | None) -> dict[str, Any]:
    """The scheduled run: the day the schedule fired on, with the Lambda's clock to stop by."""
    return send_digests(datetime.fromisoformat(scheduled_at.replace("Z", "+00:00")), remaining_ms).totals()


def _send(run: DigestRun, moment: datetime, remaining_ms: Callable[[], int]) -> None:
    summaries: dict[tuple[Role, str], ReviewSummary] = {}
    streets: set[str] = set()
    at_iso, at_epoch = clock.iso(moment), int(moment.timestamp())
    start_key: Any = None
    while run.finished:
        accounts, start_key = staff_repository.list_page(CITY, PAGE, start_key)
        run.officials += len(accounts)
        principals = []
        for account in accounts:
            principal = digest_rules.principal_of(account)
            if principal is None:
                run.not_subscribed += 1
                continue
            principals.append((principal, digest_rules.preference(account)[1]))
            street = digest_rules.street_of(principal.jurisdiction or "")
            if street:
                streets.add(street)
        sent = digest_repository.sent_on([p.user_id for p, _ in principals], run.day)
        run.sent_before += len(sent)
        published: list[tuple[str, dict[str, Any]]] = []
        for principal, channel in principals:
            if principal.user_id in sent:
                continue
            key = (principal.role, principal.jurisdiction or "")
            if key not in summaries:
                if remaining_ms() < STOP_WITH_MS_LEFT:
                    run.finished = False
                    break
                summaries[key] = summary(principal, moment)
            counts = digest_rules.counts_of(summaries[key])
            if not counts:
                run.nothing_new += 1
                continue
            message = digest_rules.message(counts, shanghai_date(moment))
            recipient = person_key(principal.user_id)
            if digest_repository.deliver(principal.user_id, recipient, message, run.day, at_iso, at_epoch):
                run.sent += 1
                # The subscriber finds the number or address from the sub; the message holds neither.
                published.append((recipient, {**message, "channel": channel.value, "official": principal.user_id}))
            else:
                run.sent_before += 1
        announce(published)
        if start_key is None:
            break
    run.jurisdictions = len(summaries)
    _overdue_by_street(run, streets, summaries, clock.iso(moment))


def _overdue_by_street(run: DigestRun, streets: set[str], summaries: dict[tuple[Role, str], ReviewSummary],
                       now: str) -> None:
    """One metric per street a run saw: the street official's count, or a count of its own."""
    from chalicelib.observability import count_for

    for street in sorted(streets):
        counted = summaries.get((Role.street_official, street))
        overdue = (digest_rules.suggestions_overdue(counted) if counted
                   else review_repository.suggestions_overdue(street, now).value)
        run.overdue_by_street[street] = overdue
        count_for(OVERDUE_METRIC, overdue, "street", street)
    run.streets = len(streets)

