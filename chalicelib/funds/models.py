"""Pools, applications and their ledger as clients send and see them. Money is integer fen."""


import enum
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic.config import JsonDict

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


class FundCategory(str, enum.Enum):
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
    FundCategory.team_building: "自治团队培育",
    FundCategory.leader_training: "骨干培训",
    FundCategory.micro_renovation: "楼道/小区微改造",
    FundCategory.elderly_service: "为老服务",
    FundCategory.old_and_young: "一老一小",
    FundCategory.greening: "环境绿化",
    FundCategory.culture: "文化活动",
    FundCategory.safety: "平安建设",
    FundCategory.deliberation: "议事协商",
    FundCategory.other: "其他",
}


class FundStatus(str, enum.Enum):
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

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"allocated_fen": 5_000_000, "per_application_cap_fen": 2_000_000, "per_team_cap_fen": 3_000_000,
         "notice_days": 7},
        {"amounts_by_type": {"commercial_housing": 5_000_000, "old_neighbourhood": 8_000_000}, "default_fen": 5_000_000,
         "per_application_cap_fen": 2_000_000, "per_team_cap_fen": 3_000_000},
    ]})

    allocated_fen: Fen | None = None
    amounts_by_type: dict[CommunityType, Annotated[int, Field(strict=True, ge=0, le=MAX_FEN)]] | None = None
    default_fen: Annotated[int, Field(strict=True, ge=0, le=MAX_FEN)] | None = None
    per_application_cap_fen: Fen = Field(description="the most one application may request")
    per_team_cap_fen: Fen = Field(description="the most one team may be granted in the year")
    notice_days: int = Field(default=7, ge=5, le=10, strict=True, description="public notice (公示) length in days")

    @model_validator(mode="after")
    def _one_way_to_allocate(self) -> "PoolCreate":
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
    category: FundCategory
    purpose: str = Field(min_length=1, max_length=3000)
    beneficiaries: int = Field(ge=1, le=1_000_000, strict=True, description="expected number of residents served")
    beneficiary_description: str | None = Field(default=None, max_length=500)
    starts_on: date
    ends_on: date
    lines: list[LineItem] = Field(min_length=1, max_length=MAX_LINES)
    requested_fen: Fen = Field(description="must equal the sum of the lines")

    _not_blank = field_validator("title", "purpose")(not_blank)

    @model_validator(mode="after")
    def _consistent(self) -> "ApplicationDraft":
        if sum(line.total_fen for line in self.lines) != self.requested_fen:
            raise ValueError("requested_fen must equal the sum of unit_price_fen × quantity over the lines")
        if not (self.starts_on.year == self.ends_on.year == self.year):
            raise ValueError("the timeline must lie inside the pool's year")
        if self.ends_on < self.starts_on:
            raise ValueError("ends_on must not be before starts_on")
        return self


class ApplicationUpdate(ApplicationDraft):
    version: int = Field(ge=1, strict=True, description="the version last seen; refused if stale")


class FundChannel(str, enum.Enum):
    """How an application reached the committee: a lead online, or staff typing in a form."""

    web = "web"
    paper = "paper"  # 纸质申报表，工作人员代录
    meeting = "meeting"  # 议事会决定，工作人员代录


MAINLAND_MOBILE = r"^\+861[3-9][0-9]{9}$"


class PaperApplicationEntry(ApplicationDraft):
    """A team's application that committee staff type in from its paper form."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "committee": "310110012001", "year": 2026, "channel": "paper", "lead_phone": "+8613912345678",
        "team": {"name": "银发编织队", "lead_name": "钱阿姨", "member_count": 9},
        "title": "银发编织队冬季义卖", "category": "elderly_service", "purpose": "为独居老人编织冬衣，并在社区义卖。",
        "beneficiaries": 60, "starts_on": "2026-11-01", "ends_on": "2026-12-31",
        "lines": [{"item": "毛线", "unit_price_fen": 2_500, "quantity": 40}], "requested_fen": 100_000,
        "scans": []}]})
    channel: FundChannel = Field(default=FundChannel.paper, description="paper or meeting; web is the lead's own route")
    lead_phone: str | None = Field(default=None, pattern=MAINLAND_MOBILE,
                                   description="the lead's mobile, +86…, if the form gives it: their inbox hears of each step")
    scans: list[UploadKey] = Field(default_factory=list, max_length=9,
                                   description="the scanned form: keys returned by POST /uploads/photos")
    sms_consent: bool = Field(default=True, strict=True,
                              description="the lead agreed to be told of decisions by SMS at lead_phone "
                                          "(居民同意短信通知) while no account holds the number")

    @field_validator("channel")
    @classmethod
    def _entered(cls, channel: FundChannel) -> FundChannel:
        if channel is FundChannel.web:
            raise ValueError("staff enter paper or meeting applications")
        return channel


class Expense(RequestModel):
    line: int = Field(ge=0, lt=MAX_LINES, strict=True, description="index of the line item")
    actual_fen: int = Field(ge=0, le=MAX_FEN, strict=True)
    receipts: list[UploadKey] = Field(default_factory=list, max_length=20,
                                      description="keys from POST /uploads/receipts (for a paper or meeting application, "
                                                  "from POST /review/funds/applications/{id}/receipts); required "
                                                  "when actual_fen > 0")


class CompletionReport(RequestModel):
    expenses: list[Expense] = Field(min_length=1, max_length=MAX_LINES)
    participants: int = Field(ge=0, le=1_000_000, strict=True)
    outcome: str = Field(min_length=1, max_length=3000)
    photos: list[UploadKey] = Field(default_factory=list, max_length=9)

    _not_blank = field_validator("outcome")(not_blank)

    @model_validator(mode="after")
    def _each_line_once(self) -> "CompletionReport":
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


class FundObjectionCreate(RequestModel):
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


class FundTimelineEvent(ResponseModel):
    at: str
    action: str
    status: str | None = None
    actor_role: str
    reason: str | None = None
    amount_fen: int | None = None
    channel: str | None = Field(default=None, description="paper or meeting, on an entered application's first "
                                                          "event and on the team's steps staff took for it")


class PublicApplication(ResponseModel):
    """What residents of the committee see: the team's name and the money, nobody's identity."""

    id: str
    committee: str
    year: int
    team_name: str
    title: str
    category: FundCategory
    category_zh: str
    purpose: str
    beneficiaries: int
    starts_on: str
    ends_on: str
    lines: list[LineView]
    requested_fen: int
    status: FundStatus
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
    timeline: list[FundTimelineEvent] = Field(default_factory=list)
    channel: FundChannel | None = Field(default=None, description="web, or paper/meeting when staff entered it")
    lead_phone_masked: str | None = None
    scan_count: int = 0
    sms_consent: bool | None = Field(default=None, description="paper or meeting: the lead agreed to texts of decisions")
    review_by_another: bool = Field(
        default=False, description="the caller took the team's steps on it (entered, edited, submitted or reported "
                                   "it): its review and money steps are another official's")


class ApplicationSummary(ResponseModel):
    id: str
    committee: str
    year: int
    team_name: str
    title: str
    category: FundCategory
    requested_fen: int
    approved_fen: int | None = None
    status: FundStatus
    phase: str
    notice_ends_at: str | None = None
    created_at: str


class ApplicationPage(ResponseModel):
    items: list[ApplicationSummary]
    next_cursor: str | None = None


class ApplicationListQuery(PageQuery):
    status: FundStatus | None = None


# --- one request model per action ------------------------------------------------------------
# What each action requires is stated in its own schema (rules.REQUIRED_FIELDS says the same
# for the deprecated {action} route); the routes hand each to the one use case as a
# FundActionRequest. Every action's reason, when given, goes on the timeline.


def _visible(value: str | None) -> str | None:
    return None if value is None else not_blank(value)


SeenFundVersion = Annotated[int, Field(ge=1, strict=True, description="the version last seen; refused (409) if stale")]
Comment = Annotated[str | None, Field(min_length=1, max_length=2000, description="a comment for the timeline"),
                    AfterValidator(_visible)]
FundReason = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(not_blank)]


def _examples(*examples: JsonDict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(examples)})


class SubmitFundApplicationRequest(RequestModel):
    """The lead submits a draft (or an application returned for changes) to the committee."""

    model_config = _examples({"version": 1})
    version: SeenFundVersion
    reason: Comment = None


class WithdrawFundApplicationRequest(RequestModel):
    """The lead withdraws the application before it is approved."""

    model_config = _examples({"version": 2, "reason": "团队成员变动，明年再报。"})
    version: SeenFundVersion
    reason: Comment = None


class ReturnFundApplicationForChangesRequest(RequestModel):
    """The committee returns a submitted application to the team, saying what to change."""

    model_config = _examples({"version": 2, "reason": "请补充材料单价依据。"})
    version: SeenFundVersion
    reason: FundReason


class RecommendFundApplicationRequest(RequestModel):
    """The committee recommends a submitted application; its public notice starts."""

    model_config = _examples({"version": 2})
    version: SeenFundVersion
    reason: Comment = None


class AnswerFundObjectionRequest(RequestModel):
    """The committee answers one objection raised during the public notice."""

    model_config = _examples({"version": 3, "objection_id": "01JD3Z6Q8V2W4X5Y6Z7A8B9C0D",
                              "answer": "花箱由团队志愿者每周养护，不占用消防通道。"})
    version: SeenFundVersion
    objection_id: str = Field(pattern=ULID_TEXT, description="the objection answered")
    answer: str = Field(min_length=1, max_length=2000, description="the answer the objector and the public read")

    _not_blank = field_validator("answer")(not_blank)


class ApproveFundApplicationRequest(RequestModel):
    """The street approves a recommended application once its notice has passed; the amount is committed."""

    model_config = _examples({"version": 3})
    version: SeenFundVersion
    reason: Comment = None


class RejectFundApplicationRequest(RequestModel):
    """The street rejects an application, saying why."""

    model_config = _examples({"version": 3, "reason": "与今年已立项项目重复。"})
    version: SeenFundVersion
    reason: FundReason


class FundApplicationFundingRequest(RequestModel):
    """The street funds an approved application: the advance is paid now, the rest on acceptance."""

    model_config = _examples({"version": 4, "advance_fen": 300000})
    version: SeenFundVersion
    advance_fen: int = Field(ge=0, le=MAX_FEN, strict=True, description="the advance paid now, in fen; 0 for none")
    reason: Comment = None


class StartFundProjectRequest(RequestModel):
    """The lead reports that the funded project has started."""

    model_config = _examples({"version": 5})
    version: SeenFundVersion
    reason: Comment = None


class ReportFundCompletionRequest(RequestModel):
    """The lead files the completion report: what each line really cost, with its receipts."""

    model_config = _examples({"version": 6, "report": {
        "expenses": [{"line": 0, "actual_fen": 118000, "receipts": ["receipts/01JD3Z6Q8V2W4X5Y6Z7A8B9C0D.pdf"]}],
        "participants": 36, "outcome": "完成 12 个花箱的种植，居民认领养护。"}})
    version: SeenFundVersion
    report: CompletionReport
    reason: Comment = None


class ReturnFundReportRequest(RequestModel):
    """The committee returns a completion report to the team, saying what is missing."""

    model_config = _examples({"version": 7, "reason": "第 2 项缺少发票。"})
    version: SeenFundVersion
    reason: FundReason


class AcceptFundCompletionRequest(RequestModel):
    """The street accepts a completion report; the rest is paid and what was not used goes back to the pool."""

    model_config = _examples({"version": 7})
    version: SeenFundVersion
    reason: Comment = None


class CloseFundApplicationRequest(RequestModel):
    """The committee closes an accepted application."""

    model_config = _examples({"version": 8})
    version: SeenFundVersion
    reason: Comment = None


class CancelFundApplicationRequest(RequestModel):
    """The street cancels an approved application before it is funded, saying why; the committed money goes back."""

    model_config = _examples({"version": 4, "reason": "场地改造计划调整，项目无法实施。"})
    version: SeenFundVersion
    reason: FundReason
