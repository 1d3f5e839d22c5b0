"""The rules of a participatory-budgeting round, as pure functions and tables.

Which phase a round is in follows from its schedule and the clock alone (Shanghai times
turned into UTC instants once, when the round is created), so a voting window closes at
the same instant for every request. A round's status moves only as STATUS_MOVES says; what
may be done in which phase is ACTION_PHASES (officials) and ACTION_WINDOWS (residents, inside
a phase's own window). Ballot rules name the rule a ballot breaks.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from chalicelib.clock import SHANGHAI
from chalicelib.voting.models import MethodKind, Phase, Schedule
from chalicelib.voting.records import MethodRecord, RoundSchedule, RoundStatus, Span

BALLOT_SHARDS = 16
# Crockford's base32 without I, L, O, U: nothing an elderly voter can misread on paper.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
WINDOWED_PHASES = ("proposals", "review", "voting", "results", "implementation", "evaluation")


class RoundMove(str, enum.Enum):
    """What changes a round's status: the tally, and the officials' `close` and `cancel`."""

    tally = "tally"
    close = "close"
    cancel = "cancel"


STATUS_MOVES: dict[tuple[RoundStatus, RoundMove], RoundStatus] = {
    (RoundStatus.open, RoundMove.tally): RoundStatus.tallied,
    (RoundStatus.open, RoundMove.cancel): RoundStatus.cancelled,  # before the tally only
    (RoundStatus.tallied, RoundMove.close): RoundStatus.closed,
}

BEFORE_VOTING = frozenset({Phase.upcoming, Phase.proposals, Phase.review})
# The phases in which officials may do each of these (voters may be added until voting ends).
ACTION_PHASES: dict[str, frozenset[Phase]] = {
    "add_project": BEFORE_VOTING,
    "review_project": BEFORE_VOTING,
    "add_voters": BEFORE_VOTING | {Phase.voting},
    "report_progress": frozenset({Phase.results, Phase.implementation, Phase.evaluation}),
}
# The window inside which residents (and staff entering paper ballots) do each of these.
ACTION_WINDOWS: dict[str, str] = {
    "propose": "proposals",
    "nominate": "proposals",  # a selection's committees name their projects in its proposals window
    "vote": "voting",
    "object": "results",
    "evaluate": "evaluation",
}


def moved_status(status: RoundStatus, move: RoundMove) -> RoundStatus | None:
    """The status `move` takes a round in `status` to, or None when the move is not allowed."""
    return STATUS_MOVES.get((status, move))


def may_act(action: str, phase: Phase) -> bool:
    return phase in ACTION_PHASES[action]


def may_close(phase: Phase, evaluation_ends: str, now_iso: str) -> bool:
    """A round closes once its evaluation period is over, not merely begun."""
    return phase is Phase.evaluation and now_iso >= evaluation_ends


def to_utc(moment: datetime) -> datetime:
    """A naive time is a Shanghai time; an aware one is taken as given."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SHANGHAI)
    return moment.astimezone(ZoneInfo("UTC"))


def schedule_problems(schedule: Schedule) -> list[str]:
    """Phases must follow one another without overlapping."""
    problems = []
    windows = [(name, getattr(schedule, name)) for name in WINDOWED_PHASES]
    for (first, a), (second, b) in zip(windows, windows[1:], strict=False):
        if to_utc(b.starts) < to_utc(a.ends):
            problems.append(f"schedule.{second}: starts before {first} ends")
    return problems


def current_phase(windows: RoundSchedule | Mapping[str, Span], status: RoundStatus | str, now_iso: str) -> Phase:
    """`windows` gives each phase's (starts, ends) as UTC ISO text; `status` is the round's."""
    if RoundStatus(status) in (RoundStatus.closed, RoundStatus.cancelled):
        return Phase.closed
    schedule = RoundSchedule.model_validate(windows)
    phase = Phase.upcoming
    for name in WINDOWED_PHASES:
        starts, _ = schedule.window(name)
        if now_iso >= starts:
            phase = Phase(name)
    _, voting_ends = schedule.voting
    if now_iso >= voting_ends and RoundStatus(status) is not RoundStatus.tallied:
        return Phase.tallying
    return phase


def in_window(window: Span, now_iso: str) -> bool:
    """Half-open: a ballot at the closing instant or one second after it is refused."""
    starts, ends = window
    return starts <= now_iso < ends


def ballot_problems(method: MethodRecord | Mapping[str, Any], budget: int, costs: dict[str, int],
                    picks: list[str], points: list[int] | None) -> list[tuple[str, str]]:
    """(rule, message) for every rule the ballot breaks; empty when it is valid.

    `costs` holds the projects on the ballot (feasible ones) with their final cost.
    """
    limits = MethodRecord.model_validate(method)
    problems: list[tuple[str, str]] = []
    unknown = [p for p in picks if p not in costs]
    if unknown:
        problems.append(("unknown_project", f"not on the ballot: {', '.join(unknown[:5])}"))
    if len(set(picks)) != len(picks):
        problems.append(("duplicate_pick", "a project is picked twice"))
    kind = limits.kind
    min_picks = limits.min_picks or 1
    if len(picks) < min_picks:
        problems.append(("min_picks", f"pick at least {min_picks}"))
    max_picks = limits.max_picks
    if max_picks is not None and len(picks) > max_picks:
        problems.append(("max_picks", f"pick at most {max_picks}"))
    if kind is MethodKind.cumulative:
        if points is None or len(points) != len(picks):
            problems.append(("points_mismatch", "give points for each pick, in the same order"))
        else:
            cap = limits.max_points_per_project or 0
            if any(p < 1 or p > cap for p in points):
                problems.append(("points_per_project", f"each pick takes 1 to {cap} points"))
            if sum(points) > (limits.points or 0):
                problems.append(("points_total", f"at most {limits.points} points in all"))
    elif points is not None:
        problems.append(("points_not_used", "this round does not use points"))
    if kind is MethodKind.knapsack and not unknown:
        total = sum(costs[p] for p in set(picks))
        if total > budget:
            problems.append(("over_budget", f"the picks cost {total} fen, over the budget of {budget}"))
        share = limits.min_budget_share_percent or 0
        if total * 100 < budget * share:
            problems.append(("under_min_share", f"spend at least {share}% of the budget"))
    return problems


def new_code(groups: int = 3, size: int = 4) -> str:
    """A paper voting code: 12 symbols (60 bits), in groups of four, e.g. K7MQ-3XPD-9T2W."""
    return "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(size)) for _ in range(groups))


def normalise_code(text: str) -> str:
    """What a voter types: lower case, spaces, O for 0 and I or L for 1 are all forgiven."""
    cleaned = text.upper().replace(" ", "").replace("-", "").replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(cleaned[i:i + 4] for i in range(0, len(cleaned), 4))


def new_receipt() -> str:
    """Ten symbols, e.g. 4D7KQ-N2XBA: the voter's acknowledgement, with the change code the key to
    replacing the ballot; it is in no public file."""
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{symbols[:5]}-{symbols[5:]}"


def new_ballot_id() -> str:
    """Sixteen symbols (80 bits), drawn for the ballot alone: it is the ballot's key and its
    voter id in the published file, and nothing about the voter or their receipt goes into it."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))


def random_shard() -> int:
    """The partition a new ballot goes to: drawn, so it says nothing of who cast it; uniform, so no key is hot."""
    return secrets.randbelow(BALLOT_SHARDS)


def shard_of(voter_digest: str) -> int:
    """Where ballots cast before shards were drawn went: by the voter's digest. Kept only to find those."""
    return int(hashlib.sha256(voter_digest.encode()).hexdigest()[:8], 16) % BALLOT_SHARDS


def change_hash(change_code: str) -> str:
    return hashlib.sha256(f"mulin-ballot-change\x00{change_code}".encode()).hexdigest()


@dataclass(frozen=True)
class ScopeLevels:
    """The divisions whose rounds a resident of `division` sees: itself and its ancestors, up to
    the city (whose rounds are selections only)."""

    division: str

    def codes(self) -> list[str]:
        return [self.division[:n] for n in (2, 6, 9, 12) if n <= len(self.division)]
