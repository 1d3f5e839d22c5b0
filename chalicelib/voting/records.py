"""The stored state of a round, as typed records, and their conversion to and from items.

Services, ballots, tallying and views work on these records; only this module and
repository.py know how they are laid out as DynamoDB items. Records ignore attributes they
do not name (keys, `type`, index keys) and give older items' missing fields the value the
code has always read for them.
"""


import enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from chalicelib.voting.models import MethodKind, NominationSource, ProjectStatus, RoundKind, SelectionRule

# A phase's window: when it starts and when it ends, as UTC ISO text.
Span = tuple[str, str]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    def stored(self) -> dict[str, Any]:
        """The record's attributes as the item holds them (None values are never written)."""
        return self.model_dump(mode="json")


class RoundStatus(str, enum.Enum):
    open = "open"
    tallied = "tallied"
    closed = "closed"
    cancelled = "cancelled"


class RoundSchedule(Record):
    proposals: Span
    review: Span
    voting: Span
    results: Span
    implementation: Span
    evaluation: Span

    def window(self, phase: str) -> Span:
        span: Span = getattr(self, phase)
        return span

    def windows(self) -> dict[str, Span]:
        return {name: self.window(name) for name in type(self).model_fields}


class MethodRecord(Record):
    kind: MethodKind
    min_picks: int | None = 1
    max_picks: int | None = None
    min_budget_share_percent: int | None = 0
    points: int | None = None
    max_points_per_project: int | None = None

    def limits(self) -> dict[str, int | None]:
        return self.model_dump(exclude={"kind"})


class EligibilityRecord(Record):
    accounts: bool = False
    roster: bool = False
    paper_codes: bool = False

    def allows(self, way: str) -> bool:
        return bool(getattr(self, way))


class RoundRecord(Record):
    id: str
    kind: RoundKind = RoundKind.pb  # rounds stored before selections are participatory budgeting
    year: int | None = None
    scope: str
    title: str
    description: str = ""
    budget_fen: int
    schedule: RoundSchedule
    method: MethodRecord
    rule: SelectionRule
    eligibility: EligibilityRecord
    allow_ballot_change: bool = False
    status: RoundStatus
    version: int
    created_by: str | None = None
    created_at: str | None = None


class NominationRecord(Record):
    """A selection candidate's source and what was copied from its records when it was nominated."""

    source: NominationSource
    source_id: str
    committee: str
    year: int
    spending_fen: int
    evaluation_count: int = 0
    evaluation_total: int = 0  # the scores' sum: the table takes no floats, the view shows the mean
    participants: int | None = None
    outcome: str | None = None
    accepted_at: str | None = None
    acceptance_note: str | None = None
    nominated_at: str
    nominated_by: str | None = None  # the staff member; not shown


class ProjectRecord(Record):
    id: str
    title: str
    description: str
    location: str | None = None
    estimated_cost_fen: int
    status: ProjectStatus
    photos: list[str] = Field(default_factory=list)
    added_by_official: bool = False
    proposer: str | None = None  # a keyed digest of the resident who proposed it, never looked up by person
    entered_by: str | None = None  # the official who entered or added it
    submitted_at: str
    version: int = 1
    final_cost_fen: int | None = None
    review_reason: str | None = None
    nomination: NominationRecord | None = None


class ProgressRecord(Record):
    project_id: str
    at: str
    status: str
    percent: int
    note: str
    photos: list[str] = Field(default_factory=list)


class ObjectionRecord(Record):
    """An objection to the result: it carries no author."""

    id: str
    at: str
    text: str
    project_id: str | None = None


class EvaluationRecord(Record):
    """A resident's rating of a finished project: it carries no author either."""

    project_id: str
    score: int
    comment: str | None = None


class ProjectOutcome(Record):
    id: str
    title: str
    cost_fen: int
    score: int
    selected: bool
    reason: str


class ResultRecord(Record):
    """The tally's result: stored beside the round and published as `results.json`."""

    round_id: str
    kind: RoundKind = RoundKind.pb
    rule: SelectionRule
    budget_fen: int
    ballots: int
    total_cost_fen: int
    tie_decided: bool
    projects: list[ProjectOutcome]
    ballots_file: str
    tallied_at: str

    def selected(self) -> set[str]:
        return {p.id for p in self.projects if p.selected}


class RoundContents(Record):
    """A round's partition, read at once: the round and all that is public about it."""

    round: RoundRecord | None = None
    projects: list[ProjectRecord] = Field(default_factory=list)
    progress: list[ProgressRecord] = Field(default_factory=list)
    objections: list[ObjectionRecord] = Field(default_factory=list)
    evaluations: list[EvaluationRecord] = Field(default_factory=list)
    result: ResultRecord | None = None


class VoterRecord(Record):
    """A voter's one-ballot record. Records written before the ballots table had its own
    items point at no ballot (`ballot` None), and may remember only the shard their ballot
    was filed under."""

    channel: str = "online"
    changes: int = 0
    ballot: str | None = None
    shard: int | None = None
    receipt: str | None = None
    change_hash: str | None = None
    voted_at: str | None = None


class StoredBallot(Record):
    """A ballot as the tally reads it: its random id and its picks (and points), nothing else."""

    id: str
    picks: list[str]
    points: list[int] | None = None


# --- items -----------------------------------------------------------------------------

# The sort key of each kind of item in a round's partition.
ROUND_SK = "ROUND"
RESULT_SK = "RESULT"
PROJECT, PROGRESS, OBJECTION, EVALUATION = "PROJECT", "PROGRESS", "OBJECTION", "EVALUATION"
# A selection's one-nomination-per-source marker; it is not public, and contents_of leaves it out.
NOMINATION = "NOMINATION"


def contents_of(items: list[dict[str, Any]]) -> RoundContents:
    """Sort a partition's items by kind; each list keeps the partition's order (by sort key)."""
    rows: dict[str, list[dict[str, Any]]] = {PROJECT: [], PROGRESS: [], OBJECTION: [], EVALUATION: []}
    found: dict[str, dict[str, Any]] = {}
    for item in items:
        sort_key = str(item["SK"])
        if sort_key in (ROUND_SK, RESULT_SK):
            found[sort_key] = item
        elif sort_key.split("#", 1)[0] in rows:
            rows[sort_key.split("#", 1)[0]].append(item)
    return RoundContents(
        round=round_of(found.get(ROUND_SK)),
        projects=[ProjectRecord.model_validate(i) for i in rows[PROJECT]],
        progress=[ProgressRecord.model_validate(i) for i in rows[PROGRESS]],
        objections=[ObjectionRecord.model_validate(i) for i in rows[OBJECTION]],
        evaluations=[EvaluationRecord.model_validate(i) for i in rows[EVALUATION]],
        result=result_of(found.get(RESULT_SK)),
    )


def round_of(item: dict[str, Any] | None) -> RoundRecord | None:
    return RoundRecord.model_validate(item) if item is not None else None


def project_of(item: dict[str, Any] | None) -> ProjectRecord | None:
    return ProjectRecord.model_validate(item) if item is not None else None


def result_of(item: dict[str, Any] | None) -> ResultRecord | None:
    return ResultRecord.model_validate(item) if item is not None else None


def voter_of(item: dict[str, Any] | None) -> VoterRecord | None:
    return VoterRecord.model_validate(item) if item is not None else None


def ballot_of(item: dict[str, Any] | None) -> StoredBallot | None:
    return StoredBallot.model_validate(item) if item is not None else None
