"""Suggestions as residents send them and as residents and officials see them."""


import enum
from datetime import date
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints, field_validator
from pydantic.config import JsonDict

from chalicelib.models import RequestModel, ResponseModel, not_blank, within_years

DIVISION_CODE = r"^31[0-9]{7}(?:[0-9]{3})?$"  # a street (9 digits) or a committee (12)
STREET_CODE = r"^31[0-9]{7}$"
COMMITTEE_CODE = r"^31[0-9]{10}$"
MAINLAND_MOBILE = r"^\+861[3-9][0-9]{9}$"
ULID_TEXT = r"^[0-9A-HJKMNP-TV-Z]{26}$"

Text = Annotated[str, StringConstraints(strip_whitespace=True)]


class SuggestionCategory(str, enum.Enum):
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
    SuggestionCategory.urban_renewal: "城市建设与更新",
    SuggestionCategory.transport: "交通出行",
    SuggestionCategory.education_childcare: "教育托育",
    SuggestionCategory.elderly_care: "养老服务",
    SuggestionCategory.sanitation: "环境卫生",
    SuggestionCategory.property_management: "物业管理",
    SuggestionCategory.public_safety: "公共安全",
    SuggestionCategory.culture_sports: "文化体育",
    SuggestionCategory.health: "医疗卫生",
    SuggestionCategory.business_employment: "营商就业",
    SuggestionCategory.digital_governance: "数字治理",
    SuggestionCategory.other: "其他",
}


class Channel(str, enum.Enum):
    web = "web"
    mobile = "mobile"
    hotline_12345 = "hotline_12345"
    paper = "paper"
    meeting = "meeting"


class SuggestionStatus(str, enum.Enum):
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
    category: SuggestionCategory
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
    sms_consent: bool | None = Field(
        default=None, description="staff entries only: the resident agreed to be told of decisions by SMS "
                                  "(居民同意短信通知); unset: yes for paper and meeting entries, no for the hotline")

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
    status: SuggestionStatus | None = None
    category: SuggestionCategory | None = None
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
    status: SuggestionStatus
    submitted_at: str
    deadlines: Deadlines


class SuggestionTimelineEvent(ResponseModel):
    at: str
    action: str
    status_from: SuggestionStatus | None = None
    status_to: SuggestionStatus | None = None
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
    category: SuggestionCategory
    status: SuggestionStatus
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
    status: SuggestionStatus
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
    timeline: list[SuggestionTimelineEvent]
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
    category: SuggestionCategory
    division: str
    jurisdiction: str
    location: str | None = None
    photos: list[str] = Field(default_factory=list)
    publish_consent: bool = False
    channel: Channel
    submitter: str
    submitter_phone: str | None = None
    # Texts about this case may go to submitter_phone (an entry's consent; residents choose on their account).
    sms_consent: bool = False
    entered_by: EnteredBy | None = None
    submitted_at: str
    acknowledge_by: str
    reply_by: str
    deadlines_provisional: bool = False
    extended: bool = False
    acknowledged_at: str | None = None
    status: SuggestionStatus
    status_before_transfer: SuggestionStatus | None = None
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


# --- one request model per review action ------------------------------------------------------
# What each action requires is stated in its own schema (rules.REQUIRED_FIELDS says the same
# for the deprecated {action} route); the routes hand each to the one service use case as an
# ActionRequest.

SeenVersion = Annotated[int | None, Field(ge=0, strict=True, description="the version last seen; refused (409) if stale")]
Reason = Annotated[str, Field(min_length=1, max_length=1000)]
NoteReason = Annotated[str | None, Field(min_length=1, max_length=1000, description="a note for the timeline")]


def _examples(*examples: JsonDict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(examples)})


class AcceptSuggestionRequest(RequestModel):
    """Accept (受理) a submitted case: the reply deadline starts."""

    model_config = _examples({"version": 1})
    version: SeenVersion = None
    reason: NoteReason = None


class DeclineSuggestionRequest(RequestModel):
    """Decline (不予受理) a case, saying why; the resident reads the reason."""

    model_config = _examples({"version": 1, "reason": "不属于人民建议征集范围，请拨打 12345 反映。"})
    version: SeenVersion = None
    reason: Reason


class AssignSuggestionRequest(RequestModel):
    """Assign a case to a committee of the street or to one of its departments: exactly one of the two."""

    model_config = _examples({"version": 2, "committee": "310104003001"}, {"version": 2, "department": "城建办"})
    version: SeenVersion = None
    committee: str | None = Field(default=None, pattern=COMMITTEE_CODE, description="a committee of the street")
    department: str | None = Field(default=None, min_length=1, max_length=50, description="e.g. 城建办, 平安办")
    reason: NoteReason = None


class TransferSuggestionRequest(RequestModel):
    """Transfer a case to the street it concerns; it waits there to be accepted or returned."""

    model_config = _examples({"version": 1, "to_street": "310104004", "reason": "地点属于枫林路街道。"})
    version: SeenVersion = None
    to_street: str = Field(pattern=STREET_CODE, description="the 9-digit code of the receiving street")
    reason: Reason


class ReturnSuggestionRequest(RequestModel):
    """Return a transferred case to the street that sent it."""

    model_config = _examples({"version": 3, "reason": "不在本街道辖区。"})
    version: SeenVersion = None
    reason: Reason


class MergeSuggestionRequest(RequestModel):
    """Merge a case into another open case of the same matter; its submitters follow that case."""

    model_config = _examples({"version": 1, "into": "01JD3Z6Q8V2W4X5Y6Z7A8B9C0D"})
    version: SeenVersion = None
    into: str = Field(pattern=ULID_TEXT, description="the open case to merge into")
    reason: NoteReason = None


class ReplyToSuggestionRequest(RequestModel):
    """Reply to a case (答复) with whether the suggestion is adopted; a reason is owed unless it is adopted."""

    model_config = _examples({"version": 3, "message": "已安排在小区东门加装路灯两盏，预计下月完工。", "adoption": "adopted"},
                             {"version": 3, "message": "暂不具备条件。", "adoption": "not_adopted",
                              "reason": "该路段规划拓宽，届时统一设置。"})
    version: SeenVersion = None
    message: str = Field(min_length=1, max_length=5000, description="the reply text")
    adoption: Adoption
    reason: str | None = Field(default=None, min_length=1, max_length=1000,
                               description="required when adoption is partly_adopted or not_adopted")


class ExtendSuggestionDeadlineRequest(RequestModel):
    """Extend the reply deadline once, by up to 30 days, saying why."""

    model_config = _examples({"version": 2, "days": 15, "reason": "需要会同区建管委现场勘查。"})
    version: SeenVersion = None
    days: int = Field(ge=1, le=30, strict=True, description="days added to the reply deadline")
    reason: Reason


class CloseSuggestionRequest(RequestModel):
    """Close (办结) a replied case."""

    model_config = _examples({"version": 4})
    version: SeenVersion = None
    reason: NoteReason = None


class ReopenSuggestionRequest(RequestModel):
    """Reopen a replied or closed case, saying why."""

    model_config = _examples({"version": 5, "reason": "居民反映路灯仍未安装。"})
    version: SeenVersion = None
    reason: Reason
