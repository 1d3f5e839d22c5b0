"""Meetings (议事会, 听证会, 协调会, 评议会, 开放空间) and residents' conventions (居民公约): the contract."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Any

from pydantic import Field, StringConstraints, field_validator

from chalicelib.clock import SHANGHAI
from chalicelib.models import RequestModel, ResponseModel, not_blank, within_years

DIVISION_CODE = r"^31[0-9]{7}(?:[0-9]{3})?$"  # a street (9 digits) or a committee (12)
ULID_TEXT = r"^[0-9A-HJKMNP-TV-Z]{26}$"
MAINLAND_MOBILE = r"^\+861[3-9][0-9]{9}$"
MAX_CAPACITY = 5000
MAX_ATTENDANCE = 100_000
PhotoKey = Annotated[str, StringConstraints(max_length=200)]


class MeetingKind(str, enum.Enum):
    deliberation = "deliberation"  # 议事会
    hearing = "hearing"  # 听证会
    coordination = "coordination"  # 协调会
    review = "review"  # 评议会
    open_space = "open_space"  # 开放空间会议


class MeetingStatus(str, enum.Enum):
    scheduled = "scheduled"  # 已安排
    held = "held"  # 已召开
    cancelled = "cancelled"  # 已取消


class MeetingAction(str, enum.Enum):
    register = "register"
    unregister = "unregister"
    attend = "attend"
    minutes = "minutes"
    decide = "decide"
    carry = "carry"
    cancel = "cancel"


class CarryTarget(str, enum.Enum):
    """Where a decision goes, once: exactly one of these per decision."""

    pb_proposal = "pb_proposal"  # 社区微更新 proposal in an open round
    fund_application = "fund_application"  # 自治金 draft for a named team
    suggestion = "suggestion"  # 人民建议 to the street, channel "meeting"
    convention = "convention"  # 居民公约, published


class MeetingWhen(str, enum.Enum):
    upcoming = "upcoming"
    past = "past"


def _shanghai_unless_given(value: datetime) -> datetime:
    within_years(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=SHANGHAI)


class MeetingCreate(RequestModel):
    kind: MeetingKind
    division: str = Field(pattern=DIVISION_CODE, description="the committee (or street) holding the meeting")
    title: str = Field(min_length=1, max_length=100)
    topic_ids: list[Annotated[str, StringConstraints(pattern=ULID_TEXT)]] = Field(
        min_length=1, max_length=10, description="the topics (议题) it deliberates, each inside `division`")
    starts_at: datetime = Field(description="Shanghai time unless an offset is given")
    ends_at: datetime = Field(description="Shanghai time unless an offset is given; after starts_at")
    place: str = Field(min_length=1, max_length=200)
    agenda: str = Field(min_length=1, max_length=5000)
    capacity: int | None = Field(default=None, ge=1, le=MAX_CAPACITY, strict=True,
                                 description="seats for registered residents; none: no limit")

    _not_blank = field_validator("title", "place", "agenda")(not_blank)
    _times = field_validator("starts_at", "ends_at")(_shanghai_unless_given)

    @field_validator("topic_ids")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each topic once")
        return value


class MeetingActionRequest(RequestModel):
    """One body for every meeting action; which fields an action needs is a rule (rules.REQUIRED_FIELDS)."""

    version: int | None = Field(default=None, ge=0, strict=True, description="the version last seen; refused if stale")
    name: str | None = Field(default=None, min_length=1, max_length=50,
                             description="register: how staff may call the resident at the door (e.g. 3号楼 王阿姨)")
    count: int | None = Field(default=None, ge=0, le=MAX_ATTENDANCE, strict=True,
                              description="attend: people in the room, registered or not")
    present: list[Annotated[str, StringConstraints(pattern=ULID_TEXT)]] | None = Field(
        default=None, max_length=MAX_CAPACITY, description="attend: registrations present")
    text: str | None = Field(default=None, min_length=1, max_length=10000, description="minutes or decision text")
    photos: list[PhotoKey] | None = Field(default=None, max_length=9, description="minutes: uploaded photo keys")
    votes_for: int | None = Field(default=None, ge=0, le=MAX_ATTENDANCE, strict=True)
    votes_against: int | None = Field(default=None, ge=0, le=MAX_ATTENDANCE, strict=True)
    votes_abstain: int | None = Field(default=None, ge=0, le=MAX_ATTENDANCE, strict=True)
    decision_id: str | None = Field(default=None, pattern=ULID_TEXT)
    target: CarryTarget | None = None
    title: str | None = Field(default=None, min_length=1, max_length=100,
                              description="carry: the proposal's, draft's, suggestion's or convention's title")
    round_id: str | None = Field(default=None, pattern=ULID_TEXT, description="carry pb_proposal: the open round")
    estimated_cost_fen: int | None = Field(default=None, gt=0, strict=True, description="carry pb_proposal")
    location: str | None = Field(default=None, min_length=1, max_length=200)
    application: dict[str, Any] | None = Field(
        default=None, description="carry fund_application: the draft as POST /review/funds/applications takes it "
                                  "(team, budget lines …); its description defaults to the decision's text")
    category: str | None = Field(default=None, min_length=1, max_length=40,
                                 description="carry suggestion: the suggestion category")
    submitter_phone: str | None = Field(default=None, pattern=MAINLAND_MOBILE,
                                        description="carry suggestion: the residents' representative who follows it")
    sms_consent: bool | None = Field(default=None, strict=True,
                                     description="carry suggestion: the representative agreed to be told of decisions "
                                                 "by SMS (居民同意短信通知); unset: yes")
    reason: str | None = Field(default=None, min_length=1, max_length=1000, description="cancel: why")

    _not_blank = field_validator("text", "title", "name", "reason")(not_blank)


class RegisterMeetingRequest(RequestModel):
    name: str | None = Field(default=None, min_length=1, max_length=50,
                             description="how staff may call you at the door (e.g. 3号楼 王阿姨)")

    _not_blank = field_validator("name")(not_blank)


class UnregisterMeetingRequest(RequestModel):
    pass


class RecordAttendanceRequest(RequestModel):
    version: int | None = Field(default=None, ge=0, strict=True)
    count: int = Field(ge=0, le=MAX_ATTENDANCE, strict=True, description="people in the room, registered or not")
    present: list[Annotated[str, StringConstraints(pattern=ULID_TEXT)]] = Field(
        default_factory=list, max_length=MAX_CAPACITY, description="registration ids of those present")


class RecordMinutesRequest(RequestModel):
    version: int | None = Field(default=None, ge=0, strict=True)
    text: str = Field(min_length=1, max_length=10000)
    photos: list[PhotoKey] = Field(default_factory=list, max_length=9)

    _not_blank = field_validator("text")(not_blank)


class RecordDecisionRequest(RequestModel):
    text: str = Field(min_length=1, max_length=10000, description="the decision (决议)")
    votes_for: int = Field(ge=0, le=MAX_ATTENDANCE, strict=True)
    votes_against: int = Field(ge=0, le=MAX_ATTENDANCE, strict=True)
    votes_abstain: int = Field(ge=0, le=MAX_ATTENDANCE, strict=True)

    _not_blank = field_validator("text")(not_blank)


class CarryDecisionRequest(RequestModel):
    decision_id: str = Field(pattern=ULID_TEXT)
    target: CarryTarget
    title: str = Field(min_length=1, max_length=100)
    round_id: str | None = Field(default=None, pattern=ULID_TEXT, description="pb_proposal: the open round")
    estimated_cost_fen: int | None = Field(default=None, gt=0, strict=True, description="pb_proposal")
    location: str | None = Field(default=None, min_length=1, max_length=200)
    application: dict[str, Any] | None = Field(
        default=None, description="fund_application: the draft as POST /review/funds/applications takes it")
    category: str | None = Field(default=None, min_length=1, max_length=40, description="suggestion: its category")
    submitter_phone: str | None = Field(default=None, pattern=MAINLAND_MOBILE,
                                        description="suggestion: the residents' representative who follows it")
    sms_consent: bool | None = Field(default=None, strict=True,
                                     description="suggestion: the representative agreed to be told of decisions by "
                                                 "SMS (居民同意短信通知); unset: yes")

    _not_blank = field_validator("title")(not_blank)


class CancelMeetingRequest(RequestModel):
    version: int | None = Field(default=None, ge=0, strict=True)
    reason: str = Field(min_length=1, max_length=1000)

    _not_blank = field_validator("reason")(not_blank)


class MeetingListQuery(RequestModel):
    division: str = Field(pattern=DIVISION_CODE)
    when: MeetingWhen = MeetingWhen.upcoming
    limit: int = Field(default=20, ge=1, le=100)


class ConventionListQuery(RequestModel):
    division: str = Field(pattern=DIVISION_CODE)


# --- responses ---------------------------------------------------------------------------


class CarriedTo(ResponseModel):
    target: CarryTarget
    ref_id: str = Field(description="the proposal as {round}/{project}, the application, suggestion or convention id")
    round_id: str | None = None
    project_id: str | None = None
    at: str


class DecisionView(ResponseModel):
    id: str
    text: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    passed: bool = Field(description="more than half of the votes cast were for it")
    decided_at: str
    carried_to: CarriedTo | None = None


class RegistrationView(ResponseModel):
    id: str
    name: str | None = None
    phone: str | None = Field(default=None, description="masked")
    registered_at: str
    present: bool = False


class MinutesView(ResponseModel):
    text: str
    photos: list[str] = Field(default_factory=list, description="links to the photos")
    recorded_at: str


class MeetingSummary(ResponseModel):
    id: str
    kind: MeetingKind
    division: str
    title: str
    starts_at: str
    ends_at: str
    place: str
    status: MeetingStatus
    registered: int
    capacity: int | None = None


class MeetingDetail(MeetingSummary):
    agenda: str
    topic_ids: list[str]
    version: int
    attendance: int | None = None
    minutes: MinutesView | None = None
    decisions: list[DecisionView] = Field(default_factory=list)
    cancelled_reason: str | None = None
    my_registration: str | None = Field(default=None, description="the caller's registration id, if registered")
    registrations: list[RegistrationView] | None = Field(default=None, description="officials only")
    allowed_actions: list[MeetingAction] = Field(default_factory=list, description="what the caller may do next")


class MeetingPage(ResponseModel):
    items: list[MeetingSummary]


class ConventionView(ResponseModel):
    id: str
    division: str
    title: str
    text: str
    meeting_id: str
    decision_id: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    published_at: str


class ConventionPage(ResponseModel):
    items: list[ConventionView]
