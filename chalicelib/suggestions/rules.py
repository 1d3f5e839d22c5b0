"""The rules of the suggestion loop, as pure functions and tables.

The state machine is one table of (status, action) → next status; everything a service
may do to a case is a move in it. Deadlines, who may act, what each action must carry
and when a resident may rate are decided here, without AWS, so they can be tested
exhaustively.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from chalicelib.auth import Role
from chalicelib.suggestions.models import Action, Channel, SuggestionStatus

ACKNOWLEDGE_DAYS = 15
REPLY_DAYS = 60
MAX_EXTENSION_DAYS = 30
# A reopened case is worked again on a shorter clock: the resident has waited once already.
REOPENED_REPLY_DAYS = 30
RATING_WINDOW_DAYS = 30
REOPENING_SCORE = 2
# One transaction holds at most 100 writes; a reply notifies every co-submitter in it.
MAX_CO_SUBMITTERS = 60

PREVIOUS = "previous"  # `return` sends a case back to the status it had before the transfer

OPEN_STATUSES = frozenset({SuggestionStatus.submitted, SuggestionStatus.accepted, SuggestionStatus.assigned,
                           SuggestionStatus.transferred, SuggestionStatus.reopened})
# A replied case stays in the open queue: officials still close it, and a rating may reopen it.
DONE_STATUSES = frozenset({SuggestionStatus.closed, SuggestionStatus.declined, SuggestionStatus.merged})
MERGEABLE_STATUSES = frozenset({SuggestionStatus.submitted, SuggestionStatus.accepted, SuggestionStatus.assigned,
                                SuggestionStatus.reopened})
RATEABLE_STATUSES = frozenset({SuggestionStatus.replied, SuggestionStatus.closed})

TRANSITIONS: dict[tuple[SuggestionStatus, Action], SuggestionStatus | str] = {
    (SuggestionStatus.submitted, Action.accept): SuggestionStatus.accepted,
    (SuggestionStatus.submitted, Action.decline): SuggestionStatus.declined,
    (SuggestionStatus.submitted, Action.transfer): SuggestionStatus.transferred,
    (SuggestionStatus.submitted, Action.merge): SuggestionStatus.merged,
    (SuggestionStatus.accepted, Action.assign): SuggestionStatus.assigned,
    (SuggestionStatus.accepted, Action.transfer): SuggestionStatus.transferred,
    (SuggestionStatus.accepted, Action.merge): SuggestionStatus.merged,
    (SuggestionStatus.accepted, Action.reply): SuggestionStatus.replied,
    (SuggestionStatus.accepted, Action.extend): SuggestionStatus.accepted,
    (SuggestionStatus.assigned, Action.assign): SuggestionStatus.assigned,
    (SuggestionStatus.assigned, Action.transfer): SuggestionStatus.transferred,
    (SuggestionStatus.assigned, Action.merge): SuggestionStatus.merged,
    (SuggestionStatus.assigned, Action.reply): SuggestionStatus.replied,
    (SuggestionStatus.assigned, Action.extend): SuggestionStatus.assigned,
    (SuggestionStatus.transferred, Action.accept): SuggestionStatus.accepted,
    (SuggestionStatus.transferred, Action.return_): PREVIOUS,
    (SuggestionStatus.replied, Action.close): SuggestionStatus.closed,
    (SuggestionStatus.replied, Action.reopen): SuggestionStatus.reopened,
    (SuggestionStatus.closed, Action.reopen): SuggestionStatus.reopened,
    (SuggestionStatus.reopened, Action.assign): SuggestionStatus.assigned,
    (SuggestionStatus.reopened, Action.transfer): SuggestionStatus.transferred,
    (SuggestionStatus.reopened, Action.reply): SuggestionStatus.replied,
    (SuggestionStatus.reopened, Action.extend): SuggestionStatus.reopened,
}

# The fields of ActionRequest each action cannot do without.
REQUIRED_FIELDS: dict[Action, tuple[str, ...]] = {
    Action.accept: (),
    Action.decline: ("reason",),
    Action.assign: (),  # exactly one of committee / department, checked below
    Action.transfer: ("to_street", "reason"),
    Action.return_: ("reason",),
    Action.merge: ("into",),
    Action.reply: ("message", "adoption"),
    Action.extend: ("days", "reason"),
    Action.close: (),
    Action.reopen: ("reason",),
}

OFFICIAL_ROLES = frozenset({Role.street_official, Role.district_admin, Role.platform_admin})
# Committee staff answer what the street assigned to their committee; the street decides the rest.
ACTION_ROLES: dict[Action, frozenset[Role]] = {
    action: OFFICIAL_ROLES | ({Role.committee_staff} if action is Action.reply else set()) for action in Action
}

STAFF_CHANNELS = frozenset({Channel.hotline_12345, Channel.paper, Channel.meeting})
# Who handed in a paper form or spoke at a meeting may never open the site: told by SMS unless
# they said no. A hotline caller is answered by the hotline, so only their explicit yes counts.
TEXTED_BY_DEFAULT = frozenset({Channel.paper, Channel.meeting})


def texts_entered_case(channel: Channel, consent: bool | None) -> bool:
    return consent if consent is not None else channel in TEXTED_BY_DEFAULT
RESIDENT_CHANNELS = frozenset({Channel.web, Channel.mobile})


def next_status(status: SuggestionStatus, action: Action,
                status_before_transfer: SuggestionStatus | None = None) -> SuggestionStatus | None:
    target = TRANSITIONS.get((status, action))
    if target == PREVIOUS:
        return status_before_transfer or SuggestionStatus.submitted
    return target if isinstance(target, SuggestionStatus) else None


def allowed_actions(status: SuggestionStatus, extended: bool = False) -> list[str]:
    actions = [action for (state, action) in TRANSITIONS if state is status]
    if extended:
        # The reply deadline may be extended once.
        actions = [a for a in actions if a is not Action.extend]
    return [a.value for a in actions]


def missing_fields(action: Action, provided: dict[str, object]) -> list[str]:
    missing = [name for name in REQUIRED_FIELDS[action] if provided.get(name) is None]
    if action is Action.assign and (provided.get("committee") is None) == (provided.get("department") is None):
        missing.append("committee|department")
    if action is Action.reply and provided.get("adoption") not in (None, "adopted") and provided.get("reason") is None:
        # A resident is owed the reasons when a suggestion is not (fully) adopted.
        missing.append("reason")
    return missing


def bucket_of(status: SuggestionStatus) -> str:
    """Queue partitions split cases still being worked from finished ones."""
    return "done" if status in DONE_STATUSES else "open"


def stage_due(status: SuggestionStatus, acknowledged: bool, ack_due: str, reply_due: str) -> str | None:
    """The deadline officials are working to now, or None when nothing is due from them."""
    if status not in OPEN_STATUSES:
        return None
    return reply_due if acknowledged else ack_due


def is_overdue(due_at: str | None, now_iso: str) -> bool:
    return due_at is not None and due_at < now_iso


def queue_scopes(jurisdiction: str) -> list[str]:
    """Every division whose queue lists a case handled by `jurisdiction`: itself and its ancestors."""
    return [jurisdiction[:n] for n in (2, 6, 9, 12) if n <= len(jurisdiction)]


def new_tracking_number(now_shanghai: datetime) -> str:
    """Short enough to read over the phone: the Shanghai date and six random digits."""
    return f"{now_shanghai:%y%m%d}-{secrets.randbelow(1_000_000):06d}"


def is_tracking_number(text: str) -> bool:
    return len(text) == 13 and text[6] == "-" and text[:6].isdigit() and text[7:].isdigit() and text.isascii()


def rating_deadline(replied_at: datetime) -> datetime:
    return replied_at + timedelta(days=RATING_WINDOW_DAYS)


def rating_reopens(score: int, already_reopened_by_rating: bool) -> bool:
    return score <= REOPENING_SCORE and not already_reopened_by_rating
