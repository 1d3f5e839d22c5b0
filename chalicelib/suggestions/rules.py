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
from chalicelib.suggestions.models import Action, Channel, Status

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

OPEN_STATUSES = frozenset({Status.submitted, Status.accepted, Status.assigned, Status.transferred, Status.reopened})
# A replied case stays in the open queue: officials still close it, and a rating may reopen it.
DONE_STATUSES = frozenset({Status.closed, Status.declined, Status.merged})
MERGEABLE_STATUSES = frozenset({Status.submitted, Status.accepted, Status.assigned, Status.reopened})
RATEABLE_STATUSES = frozenset({Status.replied, Status.closed})

TRANSITIONS: dict[tuple[Status, Action], Status | str] = {
    (Status.submitted, Action.accept): Status.accepted,
    (Status.submitted, Action.decline): Status.declined,
    (Status.submitted, Action.transfer): Status.transferred,
    (Status.submitted, Action.merge): Status.merged,
    (Status.accepted, Action.assign): Status.assigned,
    (Status.accepted, Action.transfer): Status.transferred,
    (Status.accepted, Action.merge): Status.merged,
    (Status.accepted, Action.reply): Status.replied,
    (Status.accepted, Action.extend): Status.accepted,
    (Status.assigned, Action.assign): Status.assigned,
    (Status.assigned, Action.transfer): Status.transferred,
    (Status.assigned, Action.merge): Status.merged,
    (Status.assigned, Action.reply): Status.replied,
    (Status.assigned, Action.extend): Status.assigned,
    (Status.transferred, Action.accept): Status.accepted,
    (Status.transferred, Action.return_): PREVIOUS,
    (Status.replied, Action.close): Status.closed,
    (Status.replied, Action.reopen): Status.reopened,
    (Status.closed, Action.reopen): Status.reopened,
    (Status.reopened, Action.assign): Status.assigned,
    (Status.reopened, Action.transfer): Status.transferred,
    (Status.reopened, Action.reply): Status.replied,
    (Status.reopened, Action.extend): Status.reopened,
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
RESIDENT_CHANNELS = frozenset({Channel.web, Channel.mobile})


def next_status(status: Status, action: Action, status_before_transfer: Status | None = None) -> Status | None:
    target = TRANSITIONS.get((status, action))
    if target == PREVIOUS:
        return status_before_transfer or Status.submitted
    return target if isinstance(target, Status) else None


def allowed_actions(status: Status, extended: bool = False) -> list[str]:
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


def bucket_of(status: Status) -> str:
    """Queue partitions split cases still being worked from finished ones."""
    return "done" if status in DONE_STATUSES else "open"


def stage_due(status: Status, acknowledged: bool, ack_due: str, reply_due: str) -> str | None:
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
