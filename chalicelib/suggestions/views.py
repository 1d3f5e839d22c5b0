"""How a case is shown: to its submitters, to the officials handling it, after an action.

Residents never see officials' account ids or other residents' comments, nor the words, place
or photos of the case theirs was merged into (only its status and answer); officials see a
submitter's phone only masked.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from chalicelib.auth import Principal, Role
from chalicelib.models import ResponseModel
from chalicelib.storage.keys import suggestion_rating_key
from chalicelib.suggestions import repository, rules
from chalicelib.suggestions.models import (
    Case,
    Deadlines,
    MergedIntoCase,
    RatingSummary,
    SubmissionReceipt,
    SuggestionDetail,
    SuggestionStatus,
    SuggestionTimelineEvent,
)


class ActionResult(ResponseModel):
    id: str
    status: SuggestionStatus
    version: int
    jurisdiction: str
    due_at: str | None = None
    allowed_actions: list[str] = Field(description="what the case accepts next")


def _deadlines(case: Case) -> Deadlines:
    return Deadlines(acknowledge_by=case.acknowledge_by, reply_by=case.reply_by, extended=case.extended,
                     provisional=case.deadlines_provisional)


def _due(case: Case) -> str | None:
    return rules.stage_due(case.status, case.acknowledged_at is not None, case.acknowledge_by, case.reply_by)


def receipt_of(case: Case) -> SubmissionReceipt:
    return SubmissionReceipt(id=case.id, tracking_no=case.tracking_no, status=case.status,
                             submitted_at=case.submitted_at, deadlines=_deadlines(case))


def action_result(case: Case, now: str) -> ActionResult:
    return ActionResult(id=case.id, status=case.status, version=case.version, jurisdiction=case.jurisdiction,
                        due_at=_due(case), allowed_actions=rules.allowed_actions(case.status, case.extended))


def _timeline(events: list[dict[str, Any]], for_official: bool) -> list[SuggestionTimelineEvent]:
    ordered = sorted(events, key=lambda e: (e["at"], e.get("seq", 0)))
    shown = []
    for event in ordered:
        message = event.get("message")
        if event["action"] == "rate" and not for_official:
            message = None  # a comment is for the officials, not for co-submitters
        shown.append(SuggestionTimelineEvent(
            at=event["at"],
            action=event["action"],
            status_from=event.get("before"),
            status_to=event.get("after"),
            actor_role=event["actor_role"],
            actor_division=event.get("actor_division"),
            actor_id=event["actor_id"] if for_official else None,
            message=message,
            reason=event.get("reason"),
            details={k: v for k, v in (event.get("details") or {}).items() if isinstance(v, str | int)},
        ))
    return shown


def _can_rate(record: repository.CaseRecord, submitter: str | None, now: str) -> bool:
    case = record.case
    return (
        submitter is not None
        and case.status in rules.RATEABLE_STATUSES
        and case.reply is not None
        and now <= case.reply.rate_by
        and submitter in case.submitters()
        and suggestion_rating_key(case.id, case.reply_round, submitter)["SK"] not in {r["SK"] for r in record.ratings}
    )


def merged_into_view(record: repository.CaseRecord, principal: Principal, submitter: str | None,
                     now: str) -> MergedIntoCase:
    """The case another was merged into, shown beside the merged one: its co-submitters joined it
    for its answer, not to read what a neighbour wrote, where they live or their photos."""
    case = record.case
    due = _due(case)
    return MergedIntoCase(
        id=case.id, tracking_no=case.tracking_no, status=case.status, due_at=due, overdue=rules.is_overdue(due, now),
        deadlines=_deadlines(case), reply=case.reply,
        can_rate=principal.role is Role.resident and _can_rate(record, submitter, now),
    )


def detail_view(record: repository.CaseRecord, principal: Principal, submitter: str | None, now: str,
                primary: MergedIntoCase | None = None) -> SuggestionDetail:
    case = record.case
    for_official = principal.role is not Role.resident
    summary = repository.summary_of(case)
    can_rate = not for_official and _can_rate(record, submitter, now)
    return SuggestionDetail(
        **{**summary, "overdue": rules.is_overdue(summary["due_at"], now)},
        content=case.content,
        location=case.location,
        photos=case.photos,
        publish_consent=case.publish_consent,
        deadlines=_deadlines(case),
        assigned_department=case.assigned_department,
        reply=case.reply,
        rating=RatingSummary(count=case.rating_count,
                             mean=round(case.rating_sum / case.rating_count, 2) if case.rating_count else None),
        allowed_actions=rules.allowed_actions(case.status, case.extended) if for_official else [],
        can_rate=can_rate,
        timeline=_timeline(record.events, for_official),
        merged_cases=case.merged_cases if for_official else [],
        primary=primary,
    )
