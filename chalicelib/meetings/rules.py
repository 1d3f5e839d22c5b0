"""Pure rules of a meeting: which action its status and the clock allow, what each action
needs, and the room's vote."""

from __future__ import annotations

from chalicelib.meetings.models import CarryTarget, MeetingAction, MeetingStatus
from chalicelib.meetings.records import DecisionRecord, MeetingRecord

STAFF_ACTIONS = frozenset({MeetingAction.attend, MeetingAction.minutes, MeetingAction.decide, MeetingAction.carry,
                           MeetingAction.cancel})
RESIDENT_ACTIONS = frozenset({MeetingAction.register, MeetingAction.unregister})

# The statuses each action is taken in.
ALLOWED_IN: dict[MeetingAction, frozenset[MeetingStatus]] = {
    MeetingAction.register: frozenset({MeetingStatus.scheduled}),
    MeetingAction.unregister: frozenset({MeetingStatus.scheduled}),
    MeetingAction.attend: frozenset({MeetingStatus.scheduled}),
    MeetingAction.minutes: frozenset({MeetingStatus.held}),
    MeetingAction.decide: frozenset({MeetingStatus.held}),
    MeetingAction.carry: frozenset({MeetingStatus.held}),
    MeetingAction.cancel: frozenset({MeetingStatus.scheduled}),
}

# Fields the general action body must carry for each action (the action's own operation
# states them as required already).
REQUIRED_FIELDS: dict[MeetingAction, tuple[str, ...]] = {
    MeetingAction.register: (),
    MeetingAction.unregister: (),
    MeetingAction.attend: ("count",),
    MeetingAction.minutes: ("text",),
    MeetingAction.decide: ("text", "votes_for", "votes_against", "votes_abstain"),
    MeetingAction.carry: ("decision_id", "target", "title"),
    MeetingAction.cancel: ("reason",),
}

# Fields an action accepts; anything else sent to it is refused rather than ignored.
ACCEPTED_FIELDS: dict[MeetingAction, frozenset[str]] = {
    MeetingAction.register: frozenset({"name"}),
    MeetingAction.unregister: frozenset(),
    MeetingAction.attend: frozenset({"version", "count", "present"}),
    MeetingAction.minutes: frozenset({"version", "text", "photos"}),
    MeetingAction.decide: frozenset({"text", "votes_for", "votes_against", "votes_abstain"}),
    MeetingAction.carry: frozenset({"decision_id", "target", "title", "round_id", "estimated_cost_fen", "location",
                                    "application", "category", "submitter_phone", "sms_consent"}),
    MeetingAction.cancel: frozenset({"version", "reason"}),
}

CARRY_FIELDS: dict[CarryTarget, tuple[str, ...]] = {
    CarryTarget.pb_proposal: ("round_id", "estimated_cost_fen"),
    CarryTarget.fund_application: ("application",),
    CarryTarget.suggestion: ("category", "submitter_phone"),
    CarryTarget.convention: (),
}
CARRY_ONLY: dict[str, CarryTarget] = {
    "round_id": CarryTarget.pb_proposal,
    "estimated_cost_fen": CarryTarget.pb_proposal,
    "application": CarryTarget.fund_application,
    "category": CarryTarget.suggestion,
    "submitter_phone": CarryTarget.suggestion,
    "sms_consent": CarryTarget.suggestion,
}


def may_act(action: MeetingAction, meeting: MeetingRecord, now_iso: str) -> bool:
    """The status allows it and so does the clock: registration closes when the meeting
    starts, attendance is recorded once it has started."""
    if meeting.status not in ALLOWED_IN[action]:
        return False
    if action in (MeetingAction.register, MeetingAction.unregister):
        return now_iso < meeting.starts_at
    if action is MeetingAction.attend:
        return now_iso >= meeting.starts_at
    return True


def allowed_actions(meeting: MeetingRecord, now_iso: str, official: bool, registered: bool) -> list[MeetingAction]:
    """What the caller may do next, for the page's buttons."""
    if official:
        actions = [a for a in MeetingAction if a in STAFF_ACTIONS and may_act(a, meeting, now_iso)]
    else:
        wanted = MeetingAction.unregister if registered else MeetingAction.register
        actions = [wanted] if may_act(wanted, meeting, now_iso) else []
    return actions


def is_full(meeting: MeetingRecord) -> bool:
    return meeting.capacity is not None and meeting.registered >= meeting.capacity


def vote_problem(votes_for: int, votes_against: int, votes_abstain: int, attendance: int | None) -> str | None:
    """The room's vote cannot count more people than the room held."""
    if attendance is not None and votes_for + votes_against + votes_abstain > attendance:
        return f"the votes add up to more than the {attendance} people present"
    return None


def carry_refusal(decision: DecisionRecord, caller: str, target: CarryTarget) -> str | None:
    """Why this caller cannot carry the decision now, or None. A carry left pending by the same
    caller for the same target (its answer was lost) may be finished; left pending by the same
    caller for another target, it waits for that earlier try ("reserved_by_you")."""
    if decision.carried is not None:
        return "carried"
    if decision.pending_by is not None and decision.pending_by != caller:
        return "carrying"
    if decision.pending_by is not None and decision.pending_target is not target:
        return "reserved_by_you"
    if not decision.passed:
        return "not_passed"
    return None
