"""Participatory-budgeting rounds, projects, ballots and results as the API takes and shows them."""


import enum
from datetime import datetime
from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator
from pydantic.config import JsonDict

from chalicelib.clock import SHANGHAI
from chalicelib.models import RequestModel, ResponseModel, not_blank, within_years

SCOPE_CODE = r"^31(?:[0-9]{4}(?:[0-9]{3}|[0-9]{6})?)?$"  # the city (selections only), a district, a street or a committee
CITY = "31"
ULID_TEXT = r"^[0-9A-HJKMNP-TV-Z]{26}$"
MAINLAND_MOBILE = r"^\+861[3-9][0-9]{9}$"
MAX_BUDGET_FEN = 10_000_000_000  # ¥100 million: far above any community budget


class Phase(str, enum.Enum):
    upcoming = "upcoming"
    proposals = "proposals"
    review = "review"
    voting = "voting"
    tallying = "tallying"
    results = "results"  # public notice: residents may object
    implementation = "implementation"
    evaluation = "evaluation"
    closed = "closed"


class MethodKind(str, enum.Enum):
    approval = "approval"
    knapsack = "knapsack"
    cumulative = "cumulative"


class SelectionRule(str, enum.Enum):
    greedy = "greedy"
    mes = "mes"
    top_k = "top_k"  # a selection's: the k most approved candidates


class RoundKind(str, enum.Enum):
    pb = "pb"  # participatory budgeting (微更新): residents propose, the budget decides
    selection = "selection"  # 十佳项目评选: completed projects of a year, nominated by their committees


# A selection's picks per ballot and winners: ten by default (十佳), between one and twenty.
SELECTION_K = 10
SELECTION_MAX_K = 20


class ProjectStatus(str, enum.Enum):
    proposed = "proposed"
    feasible = "feasible"
    infeasible = "infeasible"


class Window(RequestModel):
    """Times without an offset are Shanghai times, as residents read them on a notice."""

    starts: datetime
    ends: datetime

    @field_validator("starts", "ends")
    @classmethod
    def _shanghai_unless_given(cls, value: datetime) -> datetime:
        within_years(value)
        # With the offset made explicit, a window with one naive end and one aware end
        # still compares (Python refuses to compare the two forms).
        return value if value.tzinfo is not None else value.replace(tzinfo=SHANGHAI)

    @model_validator(mode="after")
    def _ordered(self) -> "Window":
        if self.ends <= self.starts:
            raise ValueError("ends must be after starts")
        return self


class Schedule(RequestModel):
    proposals: Window
    review: Window
    voting: Window
    results: Window = Field(description="public notice of the result, during which residents may object")
    implementation: Window
    evaluation: Window


class VotingMethod(RequestModel):
    kind: MethodKind
    min_picks: int = Field(default=1, ge=1, le=100)
    max_picks: int | None = Field(default=None, ge=1, le=100, description="approval: at most this many projects")
    min_budget_share_percent: int = Field(default=0, ge=0, le=100, description="knapsack: spend at least this share")
    points: int | None = Field(default=None, ge=1, le=1000, description="cumulative: points each voter distributes")
    max_points_per_project: int | None = Field(default=None, ge=1, le=1000)

    @model_validator(mode="after")
    def _complete(self) -> "VotingMethod":
        if self.kind is MethodKind.cumulative and (self.points is None or self.max_points_per_project is None):
            raise ValueError("cumulative voting needs points and max_points_per_project")
        if self.max_picks is not None and self.max_picks < self.min_picks:
            raise ValueError("max_picks is below min_picks")
        return self


class Eligibility(RequestModel):
    accounts: bool = Field(default=True, description="residents whose verified residence is in the scope")
    roster: bool = Field(default=False, description="phone numbers on the roster the committee uploads")
    paper_codes: bool = Field(default=False, description="single-use codes printed for households")

    @model_validator(mode="after")
    def _someone(self) -> "Eligibility":
        if not (self.accounts or self.roster or self.paper_codes):
            raise ValueError("at least one way to be eligible")
        return self


def _window(starts: str, ends: str) -> JsonDict:
    return {"starts": f"2026-{starts}T09:00:00+08:00", "ends": f"2026-{ends}T18:00:00+08:00"}


class RoundCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "scope": "310110012001",
        "title": "控一小区微更新 2026",
        "description": "征集小区公共空间的改造项目，由居民投票决定。",
        "budget_fen": 20_000_000,
        "schedule": {
            "proposals": _window("04-01", "04-15"), "review": _window("04-16", "04-30"),
            "voting": _window("05-06", "05-20"), "results": _window("05-21", "05-28"),
            "implementation": _window("06-01", "10-31"), "evaluation": _window("11-01", "11-30"),
        },
        "method": {"kind": "approval", "max_picks": 3},
        "rule": "greedy",
    }]})

    kind: RoundKind = Field(default=RoundKind.pb, description="pb, or selection: a yearly 十佳项目评选 of completed "
                                                              "projects, opened by a street or district")
    scope: str = Field(pattern=SCOPE_CODE, description="a committee, street or district; a selection: a street, "
                                                       "a district or the city (31)")
    year: int | None = Field(default=None, ge=2000, le=2100, strict=True,
                             description="selection only (required): the year whose completed projects may be nominated")
    title: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=5000)
    budget_fen: int | None = Field(default=None, gt=0, le=MAX_BUDGET_FEN, strict=True,
                                   description="pb: required; a selection has no budget and takes none")
    schedule: Schedule
    method: VotingMethod
    rule: SelectionRule | None = Field(default=None, description="pb: greedy (the default) or mes; "
                                                                 "selection: top_k (the default and only rule)")
    eligibility: Eligibility = Field(default_factory=Eligibility)
    allow_ballot_change: bool = Field(default=False, description="a voter may replace their ballot until voting closes")

    @model_validator(mode="after")
    def _kind_fits(self) -> "RoundCreate":
        problems = selection_problems(self) if self.kind is RoundKind.selection else pb_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self


def pb_problems(body: RoundCreate) -> list[str]:
    problems = []
    if body.budget_fen is None:
        problems.append("budget_fen is required")
    if body.year is not None:
        problems.append("year is for selections only")
    if body.rule is SelectionRule.top_k:
        problems.append("top_k is a selection's rule")
    if body.scope == CITY:
        problems.append("a participatory-budgeting round is a district's, a street's or a committee's")
    return problems


def selection_problems(body: RoundCreate) -> list[str]:
    """A selection is an approval vote of k picks (k the number selected), with no budget."""
    problems = []
    if body.year is None:
        problems.append("a selection needs its year")
    if body.budget_fen is not None:
        problems.append("a selection has no budget_fen")
    if body.rule not in (None, SelectionRule.top_k):
        problems.append("a selection's rule is top_k")
    if len(body.scope) == 12:
        problems.append("a selection is a street's, a district's or the city's")
    if body.method.kind is not MethodKind.approval:
        problems.append("a selection is an approval vote")
    elif (body.method.max_picks or SELECTION_K) > SELECTION_MAX_K:
        problems.append(f"a selection picks at most {SELECTION_MAX_K}")
    return problems


class ProposalCreate(RequestModel):
    title: str = Field(min_length=1, max_length=100)
    description: str = Field(min_length=1, max_length=5000)
    location: str | None = Field(default=None, min_length=1, max_length=200)
    estimated_cost_fen: int = Field(gt=0, le=MAX_BUDGET_FEN, strict=True)
    photos: list[str] = Field(default_factory=list, max_length=9)

    _not_blank = field_validator("title", "description")(not_blank)


class ProjectReview(RequestModel):
    feasible: bool
    final_cost_fen: int | None = Field(default=None, gt=0, le=MAX_BUDGET_FEN, strict=True)
    reason: str | None = Field(default=None, min_length=1, max_length=1000)
    version: int | None = Field(default=None, ge=0, strict=True)


class RoundAction(RequestModel):
    version: int | None = Field(default=None, ge=0, strict=True)
    reason: str | None = Field(default=None, min_length=1, max_length=1000)


# Each number to verify is a directory lookup and a transaction: a request stays well inside its time.
ROSTER_VERIFY_LIMIT = 200


class RosterUpload(RequestModel):
    phones: list[str] = Field(min_length=1, max_length=1000, description="mainland mobiles, +86…; stored only as keyed hashes")
    verify_residence: bool = Field(
        False, description="a committee's round only: also verify, in that committee, the residence of every resident "
                           f"account holding one of these numbers as verified and having no residence yet "
                           f"(at most {ROSTER_VERIFY_LIMIT} numbers a request)")

    @field_validator("phones")
    @classmethod
    def _mobiles(cls, phones: list[str]) -> list[str]:
        import re

        bad = [i for i, p in enumerate(phones) if not re.fullmatch(MAINLAND_MOBILE[1:-1], p)]
        if bad:
            raise ValueError(f"not a mainland mobile number at positions {bad[:10]}")
        return phones


class CodeRequest(RequestModel):
    count: int = Field(ge=1, le=500, strict=True)


class BallotChange(RequestModel):
    receipt: str = Field(min_length=11, max_length=11)
    change_code: str = Field(min_length=8, max_length=64)


class BallotRequest(RequestModel):
    picks: list[str] = Field(min_length=1, max_length=100, description="project ids")
    points: list[int] | None = Field(default=None, description="cumulative: points per pick, in the same order")
    code: str | None = Field(default=None, min_length=8, max_length=20, description="a paper voting code")
    replaces: BallotChange | None = None


class PaperBallots(RequestModel):
    """Paper ballots typed in by staff: one line per ballot, `code;picks[;points]`, where
    picks and points are comma-separated (project ids, then points in the same order)."""

    csv: str = Field(min_length=1, max_length=200_000)
    channel: str = Field(default="paper", pattern=r"^(paper|booth)$")


class PaperBallotLine(ResponseModel):
    line: int
    receipt: str | None = None
    error: str | None = None
    rule: str | None = None


class PaperBallotReport(ResponseModel):
    round_id: str
    accepted: int
    refused: int
    lines: list[PaperBallotLine]


class NominationSource(str, enum.Enum):
    fund_application = "fund_application"  # a completed autonomy-fund project (accepted or closed)
    round_project = "round_project"  # a project selected in a participatory-budgeting round closed that year


class NominationCreate(RequestModel):
    """A committee names one of its completed projects of the selection's year; what the
    candidate shows (title, scores, photos, spending) is copied from the records, not typed in."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"source": "fund_application", "id": "01JD3Z6Q8V2W4X5Y6Z7A8B9C0D"},
        {"source": "round_project", "round": "01JD3Z6Q8V2W4X5Y6Z7A8B9C0E", "project": "01JD3Z6Q8V2W4X5Y6Z7A8B9C0F"},
    ]})
    source: NominationSource
    id: str | None = Field(default=None, pattern=ULID_TEXT, description="fund_application: the application")
    round: str | None = Field(default=None, pattern=ULID_TEXT, description="round_project: the round")
    project: str | None = Field(default=None, pattern=ULID_TEXT, description="round_project: the project in it")

    @model_validator(mode="after")
    def _names_one(self) -> "NominationCreate":
        fund = self.source is NominationSource.fund_application
        if fund and (self.id is None or self.round is not None or self.project is not None):
            raise ValueError("a fund_application nomination names its id, and nothing else")
        if not fund and (self.round is None or self.project is None or self.id is not None):
            raise ValueError("a round_project nomination names its round and project, and nothing else")
        return self


class RoundObjectionCreate(RequestModel):
    text: str = Field(min_length=1, max_length=1000)
    project_id: str | None = Field(default=None, pattern=ULID_TEXT)


class ProgressUpdate(RequestModel):
    project_id: str = Field(pattern=ULID_TEXT)
    status: str = Field(pattern=r"^(planned|in_progress|completed|suspended)$")
    percent: int = Field(ge=0, le=100, strict=True)
    note: str = Field(min_length=1, max_length=2000)
    photos: list[str] = Field(default_factory=list, max_length=9)


class EvaluationCreate(RequestModel):
    project_id: str = Field(pattern=ULID_TEXT)
    score: int = Field(ge=1, le=5, strict=True)
    comment: str | None = Field(default=None, min_length=1, max_length=500)


class RoundListQuery(RequestModel):
    division: str = Field(pattern=r"^31(?:[0-9]{4}|[0-9]{7}|[0-9]{10})?$",
                          description="rounds of this division and of every division above it")


# --- responses --------------------------------------------------------------------------


class WindowView(ResponseModel):
    starts: str
    ends: str


class NominationView(ResponseModel):
    """Where a selection's candidate comes from, and what its records say of it."""

    source: NominationSource
    source_id: str = Field(description="the fund application, or the round and project as {round}/{project}")
    committee: str
    year: int
    spending_fen: int = Field(description="what the project spent: the fund's reported spending, or the PB "
                                          "project's final cost")
    evaluation_count: int = Field(default=0, description="PB: residents' ratings of the project")
    evaluation_mean: float | None = Field(default=None, description="PB: their mean score, 1 to 5")
    participants: int | None = Field(default=None, description="fund: residents who took part, as reported")
    outcome: str | None = Field(default=None, description="fund: the completion report's outcome")
    accepted_at: str | None = Field(default=None, description="fund: when the street accepted the report (验收)")
    acceptance_note: str | None = Field(default=None, description="fund: the street's note on acceptance")
    nominated_at: str


class Project(ResponseModel):
    id: str
    title: str
    description: str
    location: str | None = None
    estimated_cost_fen: int
    final_cost_fen: int | None = None
    status: ProjectStatus
    review_reason: str | None = None
    photos: list[str] = Field(default_factory=list, description="storage keys of the project's photos")
    photo_urls: list[str] = Field(default_factory=list, description="the same photos as links a browser can show, "
                                                                    "in the same order; each lapses after an hour")
    added_by_official: bool = False
    submitted_at: str
    version: int = 1
    nomination: NominationView | None = Field(default=None, description="a selection's candidate: its source")


class ProgressView(ResponseModel):
    project_id: str
    at: str
    status: str
    percent: int
    note: str
    photos: list[str]
    photo_urls: list[str] = Field(default_factory=list, description="links a browser can show, lapsing after an hour")


class EvaluationSummary(ResponseModel):
    project_id: str
    count: int
    mean: float | None


class RoundSummary(ResponseModel):
    id: str
    kind: RoundKind = Field(default=RoundKind.pb, description="pb, or selection (十佳项目评选)")
    year: int | None = Field(default=None, description="a selection's year")
    scope: str
    title: str
    budget_fen: int = Field(description="0 for a selection, which has no budget")
    phase: Phase
    method: MethodKind
    rule: SelectionRule
    voting: WindowView


class RoundDetail(RoundSummary):
    description: str
    schedule: dict[str, WindowView]
    method_limits: dict[str, int | None]
    eligibility: dict[str, bool]
    allow_ballot_change: bool
    status: str
    version: int
    projects: list[Project]
    progress: list[ProgressView]
    evaluations: list[EvaluationSummary]
    objections: list[dict[str, str]] = Field(default_factory=list, description="officials only")
    result_published: bool


class RoundPage(ResponseModel):
    items: list[RoundSummary]


class BallotReceipt(ResponseModel):
    round_id: str
    receipt: str = Field(description="the ballot was accepted; with the change code it replaces the ballot. It is in "
                                     "no public file: a signed-in voter finds their ballot with GET /rounds/{id}/my-ballot")
    change_code: str | None = Field(default=None, description="keep it private: it lets you replace this ballot")


class MyBallot(ResponseModel):
    """A signed-in resident's own ballot in a round, shown to them alone."""

    round_id: str
    voted: bool
    voted_at: str | None = Field(default=None, description="when the ballot that counts was cast (UTC)")
    changes: int = 0
    picks: list[str] | None = Field(
        default=None, description="project ids; null for a ballot cast before ballots had a table of their own")
    points: list[int] | None = None
    published_ballot_id: str | None = Field(
        default=None, description="once the result is published: this ballot's voter id in the ballots file")
    ballots_file: str | None = None


class CodeSheet(ResponseModel):
    round_id: str
    codes: list[str] = Field(description="shown once: only their hashes are kept")


class RosterReceipt(ResponseModel):
    round_id: str
    added: int
    residences_verified: int = 0


class ProjectResult(ResponseModel):
    id: str
    title: str
    cost_fen: int
    score: int
    selected: bool
    reason: str


class RoundResult(ResponseModel):
    round_id: str
    kind: RoundKind = RoundKind.pb
    rule: SelectionRule
    budget_fen: int
    ballots: int
    eligible_known: int | None = None
    total_cost_fen: int
    tie_decided: bool
    projects: list[ProjectResult]
    ballots_file: str = Field(description="the anonymous ballots in Pabulib format, for recounting")
    tallied_at: str


class TallyRequest(RequestModel):
    """Ask for the ballots to be counted, once voting has closed."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 7}]})
    version: int | None = Field(default=None, ge=0, strict=True, description="the version last seen; refused (409) if stale")


class TallyLinks(ResponseModel):
    status: str = Field(description="this job's status, to poll until it is done or failed")
    results: str = Field(description="the published result, once the job is done")


class TallyJob(ResponseModel):
    """A round's count, run off the request path by the tallies queue's function."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "round_id": "01JD3Z6Q8V2W4X5Y6Z7A8B9C0D", "state": "counting", "requested_at": "2026-03-20T10:00:00+08:00",
        "started_at": "2026-03-20T10:00:02+08:00", "finished_at": None, "attempts": 1, "reason": None,
        "links": {"status": "/rounds/01JD3Z6Q8V2W4X5Y6Z7A8B9C0D/tally",
                  "results": "/rounds/01JD3Z6Q8V2W4X5Y6Z7A8B9C0D/results"},
    }]})
    round_id: str
    state: Literal["queued", "counting", "done", "failed"]
    requested_at: str | None = Field(default=None, description="none for a round counted before tallies were jobs")
    started_at: str | None = Field(default=None, description="when the last attempt started")
    finished_at: str | None = None
    attempts: int = Field(description="how many times a worker took the job up")
    reason: str | None = Field(default=None, description="why the job failed, in English and Chinese")
    links: TallyLinks


# One request model per round action, stating what it requires; the routes hand each to
# transitions.act_on_round as a RoundAction.


class CloseRoundRequest(RequestModel):
    """Close a round once its evaluation period has ended."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 9}]})
    version: int | None = Field(default=None, ge=0, strict=True, description="the version last seen; refused (409) if stale")
    reason: str | None = Field(default=None, min_length=1, max_length=1000, description="a note for the audit trail")


class CancelRoundRequest(RequestModel):
    """Cancel a round before its tally, saying why."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 3, "reason": "场地另有安排。"}]})
    version: int | None = Field(default=None, ge=0, strict=True, description="the version last seen; refused (409) if stale")
    reason: str = Field(min_length=1, max_length=1000)
