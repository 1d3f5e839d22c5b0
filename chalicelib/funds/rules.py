"""The rules of autonomy funds, as pure functions and tables.

Money: a pool's four figures move only by the five movements of MOVEMENTS, each a set of
signed deltas. `apply_movement` is the arithmetic, `requirements` the floor each figure
must hold before a movement; the repository turns the same requirements into the
DynamoDB condition, so what the property tests prove of `apply_movement` is what the
table enforces. allocated = available + committed + disbursed holds after every movement
because every movement's deltas sum to its change of allocated.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from chalicelib.auth import Role
from chalicelib.clock import SHANGHAI
from chalicelib.funds.models import Action, FundChannel, FundStatus, MovementKind

FIGURES = ("allocated_fen", "available_fen", "committed_fen", "disbursed_fen")

MOVEMENTS: dict[MovementKind, dict[str, int]] = {
    MovementKind.allocate: {"allocated_fen": 1, "available_fen": 1},
    MovementKind.commit: {"available_fen": -1, "committed_fen": 1},
    MovementKind.disburse: {"committed_fen": -1, "disbursed_fen": 1},
    MovementKind.release: {"committed_fen": -1, "available_fen": 1},
    MovementKind.refund: {"disbursed_fen": -1, "available_fen": 1},
}


@dataclass(frozen=True)
class Figures:
    allocated_fen: int = 0
    available_fen: int = 0
    committed_fen: int = 0
    disbursed_fen: int = 0

    def balanced(self) -> bool:
        return (self.allocated_fen == self.available_fen + self.committed_fen + self.disbursed_fen
                and min(self.allocated_fen, self.available_fen, self.committed_fen, self.disbursed_fen) >= 0)


class InsufficientFunds(Exception):
    def __init__(self, figure: str, needed: int, held: int):
        super().__init__(f"{figure}: needs {needed}, holds {held}")
        self.figure = figure
        self.needed = needed
        self.held = held


Movement = tuple[MovementKind, int]


def deltas(movements: list[Movement]) -> dict[str, int]:
    """The combined change of each figure; amounts must be positive whole fen."""
    total = dict.fromkeys(FIGURES, 0)
    for kind, amount in movements:
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise ValueError(f"a movement moves a positive number of fen, not {amount!r}")
        for figure, sign in MOVEMENTS[kind].items():
            total[figure] += sign * amount
    return total


def requirements(movements: list[Movement]) -> dict[str, int]:
    """The least each figure must hold for the movements to leave it non-negative."""
    return {figure: -change for figure, change in deltas(movements).items() if change < 0}


def apply_movements(figures: Figures, movements: list[Movement]) -> Figures:
    for figure, needed in requirements(movements).items():
        if getattr(figures, figure) < needed:
            raise InsufficientFunds(figure, needed, getattr(figures, figure))
    change = deltas(movements)
    return replace(figures, **{figure: getattr(figures, figure) + change[figure] for figure in FIGURES})


def settlement(approved_fen: int, advance_fen: int, actual_fen: int) -> list[Movement]:
    """What acceptance moves: the team is paid what it spent, up to the approved amount;
    the promise it did not use goes back to the pool; an advance larger than the spending
    is paid back."""
    paid = min(actual_fen, approved_fen)
    movements: list[Movement] = []
    if paid > advance_fen:
        movements.append((MovementKind.disburse, paid - advance_fen))
    unused_promise = approved_fen - max(paid, advance_fen)
    if unused_promise > 0:
        movements.append((MovementKind.release, unused_promise))
    if advance_fen > paid:
        movements.append((MovementKind.refund, advance_fen - paid))
    return movements


# --- the year -----------------------------------------------------------------------------


def shanghai_date(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def pool_is_open(year: int, now: datetime) -> bool:
    """A pool is this year's money: it takes allocations and approvals until 31 December
    ends in Shanghai, and nothing carries over."""
    return shanghai_date(now).year <= year


def may_create_pool(year: int, now: datetime) -> bool:
    # Next year's pools may be set up in advance; past years are closed.
    return shanghai_date(now).year <= year <= shanghai_date(now).year + 1


# --- public notice (公示) -----------------------------------------------------------------


def notice_ends(recommended_at: datetime, days: int) -> datetime:
    """A notice runs `days` full days after the day it starts, to Shanghai midnight: one
    recommended on 23 November for 7 days can be objected to until 30 November 24:00."""
    last_day = shanghai_date(recommended_at) + timedelta(days=days)
    return datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=SHANGHAI).astimezone(UTC)


def notice_running(notice_ends_at: str | None, now_iso: str) -> bool:
    return notice_ends_at is not None and now_iso < notice_ends_at


def phase(status: FundStatus, notice_ends_at: str | None, now_iso: str) -> str:
    if status is FundStatus.in_notice and not notice_running(notice_ends_at, now_iso):
        return "notice_ended"
    return status.value


# --- the workflow ---------------------------------------------------------------------------

TRANSITIONS: dict[tuple[FundStatus, Action], FundStatus] = {
    (FundStatus.draft, Action.submit): FundStatus.submitted,
    (FundStatus.changes_requested, Action.submit): FundStatus.submitted,
    (FundStatus.draft, Action.withdraw): FundStatus.withdrawn,
    (FundStatus.submitted, Action.withdraw): FundStatus.withdrawn,
    (FundStatus.changes_requested, Action.withdraw): FundStatus.withdrawn,
    (FundStatus.in_notice, Action.withdraw): FundStatus.withdrawn,
    (FundStatus.submitted, Action.return_for_changes): FundStatus.changes_requested,
    (FundStatus.submitted, Action.recommend): FundStatus.in_notice,
    (FundStatus.in_notice, Action.answer_objection): FundStatus.in_notice,
    (FundStatus.in_notice, Action.approve): FundStatus.approved,
    (FundStatus.in_notice, Action.reject): FundStatus.rejected,
    (FundStatus.approved, Action.fund): FundStatus.funded,
    (FundStatus.approved, Action.cancel): FundStatus.cancelled,
    (FundStatus.funded, Action.start): FundStatus.in_progress,
    (FundStatus.in_progress, Action.report): FundStatus.reported,
    (FundStatus.reported, Action.return_): FundStatus.in_progress,
    (FundStatus.reported, Action.accept): FundStatus.accepted,
    (FundStatus.accepted, Action.close): FundStatus.closed,
}

# Who acts: the team's lead on its own application, the committee's staff on the first
# review and the notice, the street on the money.
APPLICANT = "applicant"
COMMITTEE = frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin})
STREET = frozenset({Role.street_official, Role.district_admin, Role.platform_admin})
ACTORS: dict[Action, str | frozenset[Role]] = {
    Action.submit: APPLICANT,
    Action.withdraw: APPLICANT,
    Action.start: APPLICANT,
    Action.report: APPLICANT,
    Action.return_for_changes: COMMITTEE,
    Action.recommend: COMMITTEE,
    Action.answer_objection: COMMITTEE,
    Action.return_: COMMITTEE,
    Action.close: COMMITTEE,
    Action.approve: STREET,
    Action.reject: STREET,
    Action.fund: STREET,
    Action.accept: STREET,
    Action.cancel: STREET,
}

REQUIRED_FIELDS: dict[Action, tuple[str, ...]] = {
    Action.return_for_changes: ("reason",),
    Action.answer_objection: ("objection_id", "answer"),
    Action.reject: ("reason",),
    Action.fund: ("advance_fen",),
    Action.report: ("report",),
    Action.return_: ("reason",),
    Action.cancel: ("reason",),
}

PUBLIC_STATUSES = frozenset({FundStatus.in_notice, FundStatus.approved, FundStatus.funded, FundStatus.in_progress,
                             FundStatus.reported, FundStatus.accepted, FundStatus.closed})
EDITABLE_STATUSES = frozenset({FundStatus.draft, FundStatus.changes_requested})


# Whose move it is in each status (the review queues, GET /review/funds): the committee
# reviews, answers objections and closes; the street decides once the notice ran out, pays
# and accepts the report. Officials owe a step within REVIEW_WORKING_DAYS of its arrival.
COMMITTEE_LEVEL, STREET_LEVEL = "committee", "street"
REVIEW_WORKING_DAYS = 5
_AWAITING = {FundStatus.submitted: COMMITTEE_LEVEL, FundStatus.accepted: COMMITTEE_LEVEL,
             FundStatus.approved: STREET_LEVEL, FundStatus.reported: STREET_LEVEL}


def awaiting(status: FundStatus, open_objections: int, notice_ends_at: str | None, at: str) -> tuple[str, str] | None:
    """(level, since) of the officials' step an application waits for, or None. A notice
    without open objections reaches the street when it ends, which no write marks, so its
    `since` is the notice's end and the queue leaves it out until then."""
    if status is FundStatus.in_notice:
        if open_objections > 0:
            return COMMITTEE_LEVEL, at
        return STREET_LEVEL, notice_ends_at or at
    level = _AWAITING.get(status)
    return None if level is None else (level, at)


# Four eyes on a team's application that staff entered (paper.py says which steps pair).
TEAM_HAND_EVENTS = frozenset({"enter", "edit", Action.submit.value, Action.report.value})
ANOTHER_OFFICIALS = frozenset({Action.return_for_changes, Action.recommend, Action.approve, Action.reject,
                               Action.fund, Action.return_, Action.accept})


def team_hands(channel: FundChannel, steps: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The officials who took a team's step, from the timeline's (action, actor_id) pairs. A web
    application's team steps are its lead's, who reviews nothing."""
    if channel is FundChannel.web:
        return frozenset()
    return frozenset(actor for action, actor in steps if action in TEAM_HAND_EVENTS)


def may_act(role: Role, is_applicant: bool, action: Action) -> bool:
    actors = ACTORS[action]
    return is_applicant if actors == APPLICANT else role in actors


def missing_fields(action: Action, present: set[str]) -> list[str]:
    return [name for name in REQUIRED_FIELDS.get(action, ()) if name not in present]


def allowed_actions(status: FundStatus, role: Role, is_applicant: bool, team_hand: bool = False) -> list[str]:
    return [action.value for (from_status, action) in TRANSITIONS
            if from_status is status and may_act(role, is_applicant, action)
            and not (team_hand and action in ANOTHER_OFFICIALS)]


def cap_problems(requested_fen: int, team_granted_fen: int, per_application_cap_fen: int,
                 per_team_cap_fen: int) -> list[str]:
    problems = []
    if requested_fen > per_application_cap_fen:
        problems.append("per_application_cap")
    if team_granted_fen + requested_fen > per_team_cap_fen:
        problems.append("per_team_cap")
    return problems


def team_key(name: str) -> str:
    """One team, however its name is spaced, cased or typed (full-width letters, invisible
    characters), so that the yearly cap cannot be dodged by renaming "阳光 合唱团" to
    "阳光合唱团" or "ＡＢＣ舞蹈队" to "ABC舞蹈队"."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf").casefold()
