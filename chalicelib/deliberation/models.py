"""Topics (议题), supports, comments, reports and appeals: the contract and the stored records."""


import enum
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from chalicelib.models import RequestModel, ResponseModel, not_blank

DIVISION_CODE = r"^31[0-9]{7}(?:[0-9]{3})?$"  # a street (9 digits) or a committee (12)
SCOPE_CODE = r"^31(?:[0-9]{4}|[0-9]{7}|[0-9]{10})?$"
ULID_TEXT = r"^[0-9A-HJKMNP-TV-Z]{26}$"


class PathStep(str, enum.Enum):
    """The steps of a topic's path, as its page shows them; meetings and projects add theirs."""

    raised = "raised"
    supported = "supported"  # reached its threshold
    queued = "queued"  # entered the committee's queue with a deadline
    answered = "answered"  # staff said why no meeting
    meeting_scheduled = "meeting_scheduled"
    meeting_held = "meeting_held"
    decided = "decided"
    project_created = "project_created"
    project_evaluated = "project_evaluated"


class TopicStatus(str, enum.Enum):
    open = "open"  # gathering supports
    queued = "queued"  # staff owe it a meeting or an answer
    scheduled = "scheduled"  # a meeting is linked
    answered = "answered"  # closed with staff's reason


class ReportReason(str, enum.Enum):
    spam = "spam"  # 广告刷屏
    abuse = "abuse"  # 辱骂攻击
    personal_data = "personal_data"  # 泄露他人信息
    false_information = "false_information"  # 不实信息
    off_topic = "off_topic"  # 与本社区无关
    other = "other"  # 其他


class QueueKind(str, enum.Enum):
    schedule = "schedule"  # a topic over its threshold: schedule a meeting or answer
    report = "report"  # a post residents reported
    appeal = "appeal"  # an author appeals a hiding (the street's)


class TopicAction(str, enum.Enum):
    answer = "answer"
    hide = "hide"
    restore = "restore"
    reject_appeal = "reject_appeal"


@dataclass(frozen=True)
class Hidden:
    reason: str
    at: str
    by_role: str
    appealed: bool = False
    appeal_rejected: bool = False


@dataclass(frozen=True)
class TopicRecord:
    id: str
    division: str
    street: str
    title: str
    background: str
    proposal: str
    author: str
    created_at: str
    status: str
    supports: int
    threshold: int
    version: int
    photos: tuple[str, ...] = ()
    queued_at: str | None = None
    due_at: str | None = None
    answer: str | None = None
    meeting_ids: tuple[str, ...] = ()
    hidden: Hidden | None = None
    # The street showed it again on its author's appeal (kept after a later hiding by the street).
    appeal_upheld: bool = False

    @property
    def is_hidden(self) -> bool:
        return self.hidden is not None


@dataclass(frozen=True)
class CommentRecord:
    id: str
    topic_id: str
    sort_key: str
    parent_id: str | None
    text: str
    author: str
    created_at: str
    edited_at: str | None = None
    deleted: bool = False
    hidden: Hidden | None = None
    appeal_upheld: bool = False


@dataclass(frozen=True)
class PathRecord:
    step: str
    at: str
    ref_kind: str
    ref_id: str
    actor_role: str


@dataclass(frozen=True)
class TopicWhole:
    """A topic with everything in its partition, as one Query reads it."""

    topic: TopicRecord
    comments: list[CommentRecord] = field(default_factory=list)
    path: list[PathRecord] = field(default_factory=list)
    supporters: frozenset[str] = frozenset()


Photo = Annotated[str, StringConstraints(max_length=200)]


# --- requests ------------------------------------------------------------------------------


class TopicSubmission(RequestModel):
    division: str = Field(pattern=DIVISION_CODE, description="the committee (or street, for cross-committee matters)")
    title: str = Field(min_length=1, max_length=100, description="议题")
    background: str = Field(min_length=1, max_length=3000, description="背景")
    proposal: str = Field(min_length=1, max_length=3000, description="建议做法")
    photos: list[Photo] = Field(default_factory=list, max_length=9,
                                description="keys returned by POST /uploads/photos, uploaded already")

    _blank = field_validator("title", "background", "proposal")(not_blank)


class TopicListQuery(RequestModel):
    division: str = Field(pattern=DIVISION_CODE, description="the committee or street whose topics to list")
    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=2048)


class CommentSubmission(RequestModel):
    text: str = Field(min_length=1, max_length=1000)
    reply_to: str | None = Field(default=None, pattern=ULID_TEXT,
                                 description="a top-level comment of this topic; a reply to a reply is refused (422)")

    _blank = field_validator("text")(not_blank)


class CommentEdit(RequestModel):
    text: str = Field(min_length=1, max_length=1000)

    _blank = field_validator("text")(not_blank)


class ReportRequest(RequestModel):
    reason: ReportReason
    comment_id: str | None = Field(default=None, pattern=ULID_TEXT, description="a comment; the topic itself if absent")
    note: str | None = Field(default=None, min_length=1, max_length=300)


class AppealRequest(RequestModel):
    comment_id: str | None = Field(default=None, pattern=ULID_TEXT, description="the hidden comment; the topic if absent")
    text: str = Field(min_length=1, max_length=1000, description="why the post should be shown again")

    _blank = field_validator("text")(not_blank)


class TopicActionRequest(RequestModel):
    """Every field any moderation or queue action takes; each action's own model says which it needs."""

    comment_id: str | None = Field(default=None, pattern=ULID_TEXT)
    reason: str | None = Field(default=None, min_length=1, max_length=300)
    text: str | None = Field(default=None, min_length=1, max_length=3000)


class AnswerTopicRequest(RequestModel):
    text: str = Field(min_length=1, max_length=3000, description="why no meeting will be held (closes the topic)")

    _blank = field_validator("text")(not_blank)


class HidePostRequest(RequestModel):
    comment_id: str | None = Field(default=None, pattern=ULID_TEXT, description="a comment; the topic if absent")
    reason: str = Field(min_length=1, max_length=300, description="shown in place of the text")

    _blank = field_validator("reason")(not_blank)


class RestorePostRequest(RequestModel):
    comment_id: str | None = Field(default=None, pattern=ULID_TEXT, description="a comment; the topic if absent")
    reason: str | None = Field(default=None, min_length=1, max_length=300)


class RejectAppealRequest(RequestModel):
    comment_id: str | None = Field(default=None, pattern=ULID_TEXT, description="a comment; the topic if absent")
    reason: str = Field(min_length=1, max_length=300, description="why the post stays hidden")

    _blank = field_validator("reason")(not_blank)


class TopicQueueQuery(RequestModel):
    division: str | None = Field(default=None, pattern=SCOPE_CODE,
                                 description="a committee or street inside one's jurisdiction; one's own by default")
    limit: int = Field(default=50, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=2048)


class DeliberationSettingsUpdate(RequestModel):
    support_threshold: int = Field(ge=1, le=10000, strict=True, description="supports that enqueue a topic")
    household_percent: int | None = Field(default=None, ge=1, le=100, strict=True,
                                          description="or this share of the committee's households, if fewer")


# --- responses -----------------------------------------------------------------------------


class HiddenMark(ResponseModel):
    reason: str = Field(description="shown in place of the hidden text")
    at: str
    appealed: bool
    appeal_rejected: bool


class TopicSummary(ResponseModel):
    id: str
    division: str
    title: str | None = Field(description="null while hidden (to all but the author)")
    status: TopicStatus
    supports: int
    threshold: int
    created_at: str
    due_at: str | None = Field(default=None, description="while staff owe a meeting or an answer")
    hidden: HiddenMark | None = None
    mine: bool = Field(description="the caller raised it")


class TopicPage(ResponseModel):
    items: list[TopicSummary]
    next_cursor: str | None = None


class CommentView(ResponseModel):
    id: str
    parent_id: str | None = Field(description="the top-level comment this replies to")
    text: str | None = Field(description="null once deleted, or while hidden (to all but the author)")
    created_at: str
    edited_at: str | None = None
    deleted: bool
    hidden: HiddenMark | None = None
    mine: bool
    editable_until: str | None = Field(default=None, description="the author's edit window")
    allowed_actions: list[TopicAction] = Field(
        default_factory=list, description="officials only: hide a shown comment, restore a hidden one "
                                          "(POST /review/topics/{id}/{action} with comment_id)")


class PathEntry(ResponseModel):
    step: PathStep
    at: str
    ref_kind: str
    ref_id: str


class TopicDetail(TopicSummary):
    background: str | None
    proposal: str | None
    photos: list[str]
    photo_urls: list[str] = Field(default_factory=list, description="the same photos as links a browser can show, "
                                                                    "in the same order; each lapses after an hour")
    answer: str | None = Field(default=None, description="staff's reason for holding no meeting")
    meeting_ids: list[str]
    supported_by_me: bool
    can_support: bool
    can_comment: bool
    path: list[PathEntry]
    comments: list[CommentView]
    allowed_actions: list[TopicAction] = Field(default_factory=list, description="officials only")


class SupportReceipt(ResponseModel):
    topic_id: str
    supports: int = Field(description="the count after this support (a moment later it may be higher)")
    queued: bool = Field(description="the topic has entered the staff's queue")


class ReportReceipt(ResponseModel):
    topic_id: str
    comment_id: str | None
    reason: ReportReason
    at: str


class AppealReceipt(ResponseModel):
    topic_id: str
    comment_id: str | None
    at: str
    street: str = Field(description="the street whose officials decide")


class QueueEntry(ResponseModel):
    kind: QueueKind
    topic_id: str
    comment_id: str | None = None
    division: str
    title: str | None = Field(default=None, description="the topic's title, scrubbed")
    at: str
    due_at: str | None = None
    overdue: bool = False
    reason: str | None = None
    supports: int | None = None
    allowed_actions: list[TopicAction] = Field(
        default_factory=list, description="what the caller may do now: to the topic (schedule), or to the "
                                          "reported or appealed post, as it stands (restore keeps a shown post "
                                          "and dismisses its reports)")


class QueuePage(ResponseModel):
    items: list[QueueEntry]
    next_cursor: str | None = None


class DeliberationSettings(ResponseModel):
    division: str
    support_threshold: int
    household_percent: int | None
    households: int | None = Field(description="from the divisions registry")
    effective_threshold: int = Field(description="what a topic raised now must reach")
