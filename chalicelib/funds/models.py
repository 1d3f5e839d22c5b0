"""Pools, applications and their ledger as clients send and see them. Money is integer fen."""

from __future__ import annotations

import enum
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from chalicelib.divisions.models import CommunityType
from chalicelib.models import PageQuery, RequestModel, ResponseModel, not_blank

COMMITTEE_CODE = r"^31[0-9]{10}$"
ULID_TEXT = r"^[0-9A-HJKMNP-TV-Z]{26}$"
# ¥10,000,000 in fen: far above any committee's yearly pool, low enough that sums of
# many lines stay exact in every client's number type.
MAX_FEN = 1_000_000_000
MAX_LINES = 50

Fen = Annotated[int, Field(strict=True, gt=0, le=MAX_FEN)]
UploadKey = Annotated[str, StringConstraints(max_length=200)]


class Category(str, enum.Enum):
    """What autonomy funds pay for, as Shanghai streets list it in their 自治金 rules."""

    team_building = "team_building"  # 自治团队培育
    leader_training = "leader_training"  # 骨干培训
    micro_renovation = "micro_renovation"  # 楼道/小区微改造
    elderly_service = "elderly_service"  # 为老服务
    old_and_young = "old_and_young"  # 一老一小
    greening = "greening"  # 环境绿化
    culture = "culture"  # 文化活动
    safety = "safety"  # 平安建设
    deliberation = "deliberation"  # 议事协商
    other = "other"  # 其他


CATEGORY_NAMES_ZH = {
    Category.team_building: "自治团队培育",
    Category.leader_training: "骨干培训",
    Category.micro_renovation: "楼道/小区微改造",
    Category.elderly_service: "为老服务",
    Category.old_and_young: "一老一小",
    Category.greening: "环境绿化",
    Category.culture: "文化活动",
    Category.safety: "平安建设",
    Category.deliberation: "议事协商",
    Category.other: "其他",
}


class Status(str, enum.Enum):
    draft = "draft"  # 草稿
    submitted = "submitted"  # 已提交，待居委会审核
    changes_requested = "changes_requested"  # 退回修改
    in_notice = "in_notice"  # 公示中 (after its deadline: 公示期满，待街道审批)
    approved = "approved"  # 已批准，资金已预留
    rejected = "rejected"  # 未批准
    funded = "funded"  # 已拨付
    in_progress = "in_progress"  # 实施中
    reported = "reported"  # 已提交结项报告
    accepted = "accepted"  # 已验收
    closed = "closed"  # 已结项
    withdrawn = "withdrawn"  # 已撤回
    cancelled = "cancelled"  # 已取消


class Action(str, enum.Enum):
    submit = "submit"
    withdraw = "withdraw"
    return_for_changes = "return_for_changes"
    recommend = "recommend"
    answer_objection = "answer_objection"
    approve = "approve"
    reject = "reject"
    fund = "fund"
    start = "start"
    report = "report"
    return_ = "return"
    accept = "accept"
    close = "close"
    cancel = "cancel"


class MovementKind(str, enum.Enum):
    allocate = "allocate"  # money put into the pool
    commit = "commit"  # available → committed, on approval
    disburse = "disburse"  # committed → disbursed, on funding and acceptance
    release = "release"  # committed → available, what an accepted or cancelled project did not use
    refund = "refund"  # disbursed → available, an advance the team did not spend and paid back


# --- pools ---------------------------------------------------------------------------------


class PoolCreate(RequestModel):
    """For a committee: `allocated_fen`. For a street: an amount per community type, and
    `default_fen` for committees whose type is not recorded (or they are skipped)."""

    allocated_fen: Fen | None = None
    amounts_by_type: dict[CommunityType, Annotated[int, Field(strict=True, ge=0, le=MAX_FEN)]] | None = None
    default_fen: Annotated[int, Field(strict=True, ge=0, le=MAX_FEN)] | None = None
    per_application_cap_fen: Fen = Field(description="the most one application may request")
    per_team_cap_fen: Fen = Field(description="the most one team may be granted in the year")
    notice_days: int = Field(default=7, ge=5, le=10, strict=True, description="public notice (公示) length in days")

    @model_validator(mode="after")
    def _one_way_to_allocate(self) -> PoolCreate:
        if (self.allocated_fen is None) == (self.amounts_by_type is None):
            raise ValueError("give allocated_fen for a committee, or amounts_by_type for a street")
        if self.default_fen is not None and self.amounts_by_type is None:
            raise ValueError("default_fen goes with amounts_by_type")
        if self.per_team_cap_fen < self.per_application_cap_fen:
            raise ValueError("per_team_cap_fen must be at least per_application_cap_fen")
        return self


class TopUp(RequestModel):
    amount_fen: Fen
    reason: str = Field(min_length=1, max_length=500)

    _not_blank = field_validator("reason")(not_blank)


class Pool(ResponseModel):
    committee: str
    year: int
    community_type: CommunityType | None = None
    allocated_fen: int = Field(description="everything put into the pool this year")
    available_fen: int = Field(description="not yet promised to any application")
    committed_fen: int = Field(description="approved, not yet paid")
    disbursed_fen: int = Field(description="paid out")
    per_application_cap_fen: int
    per_team_cap_fen: int
    notice_days: int
    is_open: bool = Field(description="False after 31 December (Shanghai time): nothing carries over")


class PoolSkip(ResponseModel):
    committee: str
    reason: str


class PoolAllocationReport(ResponseModel):
    created: list[Pool]
    skipped: list[PoolSkip]


class LedgerEntry(ResponseModel):
    id: str
    at: str
    kind: MovementKind
    amount_fen: int
    application_id: str | None = None
    reason: str | None = None
    actor_role: str


class LedgerPage(ResponseModel):
    items: list[LedgerEntry]
    next_cursor: str | None = None


# --- applications -------------------------------------------------------------------------


class Team(RequestModel):
    name: str = Field(min_length=1, max_length=60, description="the team's name, shown publicly")
    lead_name: str = Field(min_length=1, max_length=40, description="the lead resident, seen by officials only")
    member_count: int = Field(ge=1, le=1000, strict=True)
    building_group: str | None = Field(default=None, min_length=1, max_length=40, description="楼组, optional")

    _not_blank = field_validator("name", "lead_name")(not_blank)


class LineItem(RequestModel):
    item: str = Field(min_length=1, max_length=100)
    unit_price_fen: Fen
    quantity: int = Field(ge=1, le=100_000, strict=True)
    note: str | None = Field(default=None, max_length=200)

    _not_blank = field_validator("item")(not_blank)

    @property
    def total_fen(self) -> int:
        return self.unit_price_fen * self.quantity


class ApplicationDraft(RequestModel):
    committee: str = Field(pattern=COMMITTEE_CODE)
    year: int = Field(ge=2020, le=2100, strict=True)
    team: Team
    title: str = Field(min_length=1, max_length=100)
    category: Category
    purpose: str = Field(min_length=1, max_length=3000)
    beneficiaries: int = Field(ge=1, le=1_000_000, strict=True, description="expected number of residents served")
    beneficiary_description: str | None = Field(default=None, max_length=500)
    starts_on: date
    ends_on: date
    lines: list[LineItem] = Field(min_length=1, max_length=MAX_LINES)
    requested_fen: Fen = Field(description="must equal the sum of the lines")

    _not_blank = field_validator("title", "purpose")(not_blank)

    @model_validator(mode="after")
    def _consistent(self) -> ApplicationDraft:
        if sum(line.total_fen for line in self.lines) != self.requested_fen:
            raise ValueError("requested_fen must equal the sum of unit_price_fen × quantity over the lines")
        if not (self.starts_on.year == self.ends_on.year == self.year):
            raise ValueError("the timeline must lie inside the pool's year")
        if self.ends_on < self.starts_on:
            raise ValueError("ends_on must not be before starts_on")
        return self


class ApplicationUpdate(ApplicationDraft):
    version: int = Field(ge=1, strict=True, description="the version last seen; refused if stale")


class Expense(RequestModel):
    line: int = Field(ge=0, lt=MAX_LINES, strict=True, description="index of the line item")
    actual_fen: int = Field(ge=0, le=MAX_FEN, strict=True)
    receipts: list[UploadKey] = Field(default_factory=list, max_length=20,
                                      description="keys from POST /uploads/receipts; required when actual_fen > 0")


class CompletionReport(RequestModel):
    expenses: list[Expense] = Field(min_length=1, max_length=MAX_LINES)
    participants: int = Field(ge=0, le=1_000_000, strict=True)
    outcome: str = Field(min_length=1, max_length=3000)
    photos: list[UploadKey] = Field(default_factory=list, max_length=9)

    _not_blank = field_validator("outcome")(not_blank)

    @model_validator(mode="after")
    def _each_line_once(self) -> CompletionReport:
        lines = [expense.line for expense in self.expenses]
        if len(set(lines)) != len(lines):
            raise ValueError("each line item is reported once")
        return self


class FundActionRequest(RequestModel):
    """One body for every action; which fields an action needs is a rule (rules.REQUIRED_FIELDS)."""

    version: int = Field(ge=1, strict=True, description="the version last seen; refused if stale")
    reason: str | None = Field(default=None, min_length=1, max_length=2000, description="comments, reasons")
    objection_id: str | None = Field(default=None, pattern=ULID_TEXT, description="answer_objection: which one")
    answer: str | None = Field(default=None, min_length=1, max_length=2000, description="answer_objection: the answer")
    advance_fen: int | None = Field(default=None, ge=0, le=MAX_FEN, strict=True,
                                    description="fund: the advance paid now; the rest is paid on acceptance")
    report: CompletionReport | None = Field(default=None, description="report: the completion report")

    @field_validator("reason", "answer")
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        return None if value is None else not_blank(value)


class ObjectionCreate(RequestModel):
    reason: str = Field(min_length=1, max_length=2000)

    _not_blank = field_validator("reason")(not_blank)


class LineView(ResponseModel):
    item: str
    unit_price_fen: int
    quantity: int
    total_fen: int
    note: str | None = None


class ExpenseView(ResponseModel):
    line: int
    item: str
    planned_fen: int
    actual_fen: int
    receipt_count: int


class ReportView(ResponseModel):
    expenses: list[ExpenseView]
    actual_total_fen: int
    participants: int
    outcome: str
    photo_count: int
    reported_at: str


class ObjectionView(ResponseModel):
    id: str
    reason: str
    filed_at: str
    answer: str | None = None
    answered_at: str | None = None


class TimelineEvent(ResponseModel):
    at: str
    action: str
    status: str | None = None
    actor_role: str
    reason: str | None = None
    amount_fen: int | None = None


class PublicApplication(ResponseModel):
    """What residents of the committee see: the team's name and the money, nobody's identity."""

    id: str
    committee: str
    year: int
    team_name: str
    title: str
    category: Category
    category_zh: str
    purpose: str
    beneficiaries: int
    starts_on: str
    ends_on: str
    lines: list[LineView]
    requested_fen: int
    status: Status
    phase: str = Field(description="status, or notice_ended once a public notice has run out")
    notice_ends_at: str | None = None
    approved_fen: int | None = None
    disbursed_fen: int = 0
    report: ReportView | None = None
    objections: list[ObjectionView] = Field(default_factory=list)


class ApplicationDetail(PublicApplication):
    """The whole application for its team and the officials over the committee; residents
    of the committee get the public part only (`view` = public, the rest left out)."""

    view: Literal["full", "public"] = "full"
    version: int | None = None
    team: dict[str, object] | None = Field(default=None, description="with the lead's name: not in the public view")
    beneficiary_description: str | None = None
    created_at: str | None = None
    submitted_at: str | None = None
    advance_fen: int = 0
    open_objections: int = 0
    last_comment: str | None = Field(default=None, description="the latest review comment or reason")
    allowed_actions: list[str] = Field(default_factory=list, description="what the caller may do next")
    timeline: list[TimelineEvent] = Field(default_factory=list)


class ApplicationSummary(ResponseModel):
    id: str
    committee: str
    year: int
    team_name: str
    title: str
    category: Category
    requested_fen: int
    approved_fen: int | None = None
    status: Status
    phase: str
    notice_ends_at: str | None = None
    created_at: str


class ApplicationPage(ResponseModel):
    items: list[ApplicationSummary]
    next_cursor: str | None = None


class ApplicationListQuery(PageQuery):
    status: Status | None = None
