"""Suggestions as residents send them and as residents and officials see them."""

from __future__ import annotations

import enum
from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from chalicelib.models import RequestModel, ResponseModel, not_blank, within_years

DIVISION_CODE = r"^31[0-9]{7}(?:[0-9]{3})?$"  # a street (9 digits) or a committee (12)
STREET_CODE = r"^31[0-9]{7}$"
COMMITTEE_CODE = r"^31[0-9]{10}$"
MAINLAND_MOBILE = r"^\+861[3-9][0-9]{9}$"
ULID_TEXT = r"^[0-9A-HJKMNP-TV-Z]{26}$"

Text = Annotated[str, StringConstraints(strip_whitespace=True)]


class Category(str, enum.Enum):
    """The categories of Shanghai's people's-suggestion offices (人民建议征集办公室)."""

    urban_renewal = "urban_renewal"  # 城市建设与更新
    transport = "transport"  # 交通出行
    education_childcare = "education_childcare"  # 教育托育
    elderly_care = "elderly_care"  # 养老服务
    sanitation = "sanitation"  # 环境卫生
    property_management = "property_management"  # 物业管理
    public_safety = "public_safety"  # 公共安全
    culture_sports = "culture_sports"  # 文化体育
    health = "health"  # 医疗卫生
    business_employment = "business_employment"  # 营商就业
    digital_governance = "digital_governance"  # 数字治理
    other = "other"  # 其他


CATEGORY_NAMES_ZH = {
    Category.urban_renewal: "城市建设与更新",
    Category.transport: "交通出行",
    Category.education_childcare: "教育托育",
    Category.elderly_care: "养老服务",
    Category.sanitation: "环境卫生",
    Category.property_management: "物业管理",
    Category.public_safety: "公共安全",
    Category.culture_sports: "文化体育",
    Category.health: "医疗卫生",
    Category.business_employment: "营商就业",
    Category.digital_governance: "数字治理",
    Category.other: "其他",
}


class Channel(str, enum.Enum):
    web = "web"
    mobile = "mobile"
    hotline_12345 = "hotline_12345"
    paper = "paper"
    meeting = "meeting"


class Status(str, enum.Enum):
    submitted = "submitted"  # 待受理
    accepted = "accepted"  # 已受理
    assigned = "assigned"  # 已交办
    transferred = "transferred"  # 转办中, waiting for the receiving street
    replied = "replied"  # 已答复
    reopened = "reopened"  # 重新办理
    closed = "closed"  # 已办结
    declined = "declined"  # 不予受理
    merged = "merged"  # 已并案


class Action(str, enum.Enum):
    accept = "accept"
    decline = "decline"
    assign = "assign"
    transfer = "transfer"
    return_ = "return"
    merge = "merge"
    reply = "reply"
    extend = "extend"
    close = "close"
    reopen = "reopen"


class Adoption(str, enum.Enum):
    adopted = "adopted"  # 采纳
    partly_adopted = "partly_adopted"  # 部分采纳
    not_adopted = "not_adopted"  # 未采纳


class QueueOrder(str, enum.Enum):
    oldest = "oldest"
    deadline = "deadline"


class SuggestionSubmission(RequestModel):
    title: str = Field(min_length=1, max_length=100, description="主题")
    content: str = Field(min_length=1, max_length=5000, description="事由和对策建议")
    category: Category
    division: str = Field(pattern=DIVISION_CODE, description="the street or committee the suggestion concerns")
    location: str | None = Field(default=None, min_length=1, max_length=200)
    photos: list[Annotated[str, StringConstraints(max_length=200)]] = Field(
        default_factory=list, max_length=9, description="keys returned by POST /uploads/photos, uploaded already"
    )
    publish_consent: bool = Field(default=False, description="the text may be published anonymously")
    channel: Channel = Channel.web
    submitter_phone: str | None = Field(
        default=None, pattern=MAINLAND_MOBILE, description="staff entries only: the resident's mobile, +86…"
    )

    _not_blank = field_validator("title", "content")(not_blank)


class ActionRequest(RequestModel):
    """One body for every review action; which fields an action needs is a rule (rules.REQUIRED_FIELDS)."""

    # strict: "3" or true is a client bug, not a version or a number of days.
    version: int | None = Field(default=None, ge=0, strict=True, description="the version last seen; refused if stale")
    reason: str | None = Field(default=None, min_length=1, max_length=1000)
    message: str | None = Field(default=None, min_length=1, max_length=5000, description="the reply text")
    adoption: Adoption | None = None
    committee: str | None = Field(default=None, pattern=COMMITTEE_CODE)
    department: str | None = Field(default=None, min_length=1, max_length=50, description="e.g. 城建办, 平安办")
    to_street: str | None = Field(default=None, pattern=STREET_CODE)
    into: str | None = Field(default=None, pattern=ULID_TEXT, description="merge: the open case to merge into")
    days: int | None = Field(default=None, ge=1, le=30, strict=True, description="extend: days added to the reply deadline")


class RatingRequest(RequestModel):
    # Strict: a JSON string "5" or true is not a score (lax mode would read true as 1 and reopen the case).
    score: int = Field(ge=1, le=5, strict=True)
    comment: str | None = Field(default=None, min_length=1, max_length=500)


class ReviewQueueQuery(RequestModel):
    status: Status | None = None
    category: Category | None = None
    division: str | None = Field(default=None, pattern=r"^31(?:[0-9]{4}|[0-9]{7}|[0-9]{10})?$")
    submitted_from: date | None = Field(default=None, description="Shanghai date, inclusive, in 2000–2100")
    submitted_to: date | None = Field(default=None, description="Shanghai date, inclusive, in 2000–2100")
    overdue: bool | None = None
    sort: QueueOrder = QueueOrder.oldest
    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=2048)

    _within_years = field_validator("submitted_from", "submitted_to")(within_years)


class Deadlines(ResponseModel):
    acknowledge_by: str
    reply_by: str
    extended: bool = False
    provisional: bool = Field(default=False, description="a year on the way has no working-day calendar yet")


class SubmissionReceipt(ResponseModel):
    id: str
    tracking_no: str
    status: Status
    submitted_at: str
    deadlines: Deadlines


class TimelineEvent(ResponseModel):
    at: str
    action: str
    status_from: Status | None = None
    status_to: Status | None = None
    actor_role: str
    actor_division: str | None = None
    actor_id: str | None = Field(default=None, description="officials only")
    message: str | None = None
    reason: str | None = None
    details: dict[str, str | int] = Field(default_factory=dict)


class Reply(ResponseModel):
    message: str
    adoption: Adoption
    reason: str | None = None
    replied_at: str
    round: int
    rate_by: str


class RatingSummary(ResponseModel):
    count: int
    mean: float | None


class SuggestionSummary(ResponseModel):
    id: str
    tracking_no: str
    title: str
    category: Category
    status: Status
    division: str
    jurisdiction: str = Field(description="the division now handling the case")
    channel: Channel
    submitted_at: str
    due_at: str | None = Field(default=None, description="the deadline of the current stage")
    overdue: bool = False
    version: int
    submitter_phone_masked: str | None = None
    merged_into: str | None = None


class MergedIntoCase(ResponseModel):
    """The case a merged case was merged into, as the merged case's caller sees it: how it stands
    and the answer they are owed, never another resident's words, place, photos or phone."""

    id: str
    tracking_no: str
    status: Status
    due_at: str | None = Field(default=None, description="the deadline of the current stage")
    overdue: bool = False
    deadlines: Deadlines
    reply: Reply | None = Field(default=None, description="the official answer; rate_by closes the rating window")
    can_rate: bool = Field(default=False, description="the caller may rate the current reply")


class SuggestionDetail(SuggestionSummary):
    content: str
    location: str | None = None
    photos: list[str]
    publish_consent: bool
    deadlines: Deadlines
    assigned_department: str | None = None
    reply: Reply | None = None
    rating: RatingSummary
    allowed_actions: list[str] = Field(description="review actions the case accepts now")
    can_rate: bool = Field(default=False, description="the caller may rate the current reply")
    timeline: list[TimelineEvent]
    merged_cases: list[str] = Field(default_factory=list)
    primary: MergedIntoCase | None = Field(default=None, description="for a merged case: the case that answers it")


class SuggestionPage(ResponseModel):
    items: list[SuggestionSummary]
    next_cursor: str | None = None


class RatingReceipt(ResponseModel):
    suggestion_id: str
    score: int
    reopened: bool


class EnteredBy(ResponseModel):
    user_id: str
    role: str
    division: str | None = None


class Case(ResponseModel):
    """The whole stored state of one case (never sent as is: views hide what callers may not see)."""

    id: str
    tracking_no: str
    title: str
    content: str
    category: Category
    division: str
    jurisdiction: str
    location: str | None = None
    photos: list[str] = Field(default_factory=list)
    publish_consent: bool = False
    channel: Channel
    submitter: str
    submitter_phone: str | None = None
    entered_by: EnteredBy | None = None
    submitted_at: str
    acknowledge_by: str
    reply_by: str
    deadlines_provisional: bool = False
    extended: bool = False
    acknowledged_at: str | None = None
    status: Status
    status_before_transfer: Status | None = None
    transferred_from: str | None = None
    assigned_department: str | None = None
    reply: Reply | None = None
    reply_round: int = 0
    rating_count: int = 0
    rating_sum: int = 0
    reopened_by_rating: bool = False
    co_submitters: list[str] = Field(default_factory=list)
    merged_cases: list[str] = Field(default_factory=list)
    merged_into: str | None = None
    version: int = 0
    updated_at: str

    def submitters(self) -> list[str]:
        return [self.submitter, *self.co_submitters]
