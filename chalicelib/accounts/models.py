"""What a resident gets back when they ask for their data (GET /me/data) or for their
account to be erased (DELETE /me)."""


from pydantic import Field

from chalicelib.funds.models import ApplicationDetail
from chalicelib.models import ResponseModel
from chalicelib.notifications.models import Notification
from chalicelib.suggestions.models import Channel, Reply, SuggestionCategory, SuggestionStatus, SuggestionTimelineEvent


class Account(ResponseModel):
    user_id: str = Field(description="the account's Cognito `sub`")
    phone: str | None = Field(default=None, description="the full number: it is the caller's own")
    phone_masked: str | None = Field(default=None, description="as officials see it")
    phone_verified: bool
    residence: str | None = Field(default=None, description="the committee staff verified, as the token carries it")
    created_at: str | None = Field(default=None, description="when the account was made (from the user pool)")
    status: str | None = Field(default=None, description="the user pool's account status, e.g. CONFIRMED")


class ExportedSuggestion(ResponseModel):
    """A case as stored, with its timeline: the caller is its submitter."""

    id: str
    tracking_no: str
    title: str
    content: str
    category: SuggestionCategory
    division: str
    jurisdiction: str
    location: str | None = None
    photos: list[str] = Field(default_factory=list, description="storage keys of the photos kept with the case")
    publish_consent: bool
    channel: Channel
    submitter_phone: str | None = Field(default=None, description="the number the case was sent or entered with")
    entered_by_role: str | None = Field(default=None, description="for a case staff entered on the caller's behalf")
    status: SuggestionStatus
    submitted_at: str
    acknowledge_by: str
    reply_by: str
    reply: Reply | None = None
    merged_into: str | None = None
    timeline: list[SuggestionTimelineEvent]


class ExportedRating(ResponseModel):
    suggestion_id: str
    round: int = Field(description="which reply of the case was rated")
    score: int
    comment: str | None = None
    at: str | None = None


class ExportedObjection(ResponseModel):
    application_id: str
    id: str
    reason: str
    filed_at: str
    answer: str | None = None
    answered_at: str | None = None


class ExportedResidenceRequest(ResponseModel):
    id: str
    committee: str
    building: str | None = None
    room: str | None = None
    basis: str | None = None
    note: str | None = None
    proof_photos: list[str] = Field(default_factory=list)
    status: str
    requested_at: str
    decided_at: str | None = None
    reason: str | None = None


class ExportedTopic(ResponseModel):
    """A topic the caller raised, as stored."""

    id: str
    division: str
    title: str
    background: str
    proposal: str
    photos: list[str] = Field(default_factory=list, description="storage keys of the topic's photos")
    status: str
    supports: int
    created_at: str
    answer: str | None = Field(default=None, description="staff's reason for holding no meeting")


class ExportedSupport(ResponseModel):
    topic_id: str
    at: str


class ExportedComment(ResponseModel):
    topic_id: str
    id: str
    parent_id: str | None = None
    text: str = Field(description="empty once the caller deleted it")
    created_at: str
    edited_at: str | None = None
    deleted: bool = False


class ExportedReport(ResponseModel):
    topic_id: str
    id: str
    target: str = Field(description="TOPIC, or the id of the comment reported")
    reason: str
    note: str | None = None
    at: str


class ExportedAppeal(ResponseModel):
    topic_id: str
    target: str = Field(description="TOPIC, or the id of the hidden comment")
    text: str
    status: str
    at: str
    decided_at: str | None = None
    decision: str | None = Field(default=None, description="the street's reason, when it rejected the appeal")


class ExportedRegistration(ResponseModel):
    meeting_id: str
    id: str
    title: str | None = Field(default=None, description="the meeting's, while it exists")
    starts_at: str | None = None
    name: str | None = None
    phone: str | None = Field(default=None, description="as stored: masked")
    registered_at: str


class NotLinked(ResponseModel):
    """Something the platform holds that comes from the caller but cannot be tied to them."""

    what: str
    why: str


class Retention(ResponseModel):
    what: str
    kept_for: str


class ErasureState(ResponseModel):
    status: str = Field(description="erasing (begun, DELETE /me again finishes it) or erased")
    requested_at: str
    finished_at: str | None = None


class ExportedFundApplication(ApplicationDetail):
    """An application the caller leads; for one staff entered from a paper form or a meeting,
    the number on it in full, since it is the caller's own."""

    lead_phone: str | None = Field(default=None, description="the lead's number as staff typed it in (paper/meeting)")


class DataExport(ResponseModel):
    """Everything the platform holds about the caller that it can tie to them."""

    generated_at: str
    account: Account
    suggestions: list[ExportedSuggestion] = Field(description="cases the caller sent, or staff entered for them")
    ratings: list[ExportedRating] = Field(description="the caller's ratings of replies, merged cases' included")
    inbox: list[Notification]
    fund_applications: list[ExportedFundApplication] = Field(
        description="applications the caller leads, theirs or entered by staff for their number, with their "
                    "timelines and the objections they received")
    objections_filed: list[ExportedObjection]
    residence_requests: list[ExportedResidenceRequest]
    topics: list[ExportedTopic] = Field(description="topics the caller raised")
    supports: list[ExportedSupport]
    comments: list[ExportedComment]
    reports: list[ExportedReport] = Field(description="the caller's reports of posts, with their notes")
    appeals: list[ExportedAppeal] = Field(description="the caller's appeals against hidden posts")
    meeting_registrations: list[ExportedRegistration]
    not_linked: list[NotLinked] = Field(description="what exists but is kept apart from the caller by design")
    retention: list[Retention] = Field(description="how long each kind of record is kept")
    erasure: ErasureState | None = Field(default=None, description="set once the caller has asked for erasure")


class Erased(ResponseModel):
    """Counts over every run of the erasure, a repeat included."""

    suggestions_erased: int = Field(description="cases whose text, place and photos were replaced by a marker")
    suggestions_anonymised: int = Field(description="cases kept with their text (publication consented), "
                                        "without the submitter")
    co_submissions_removed: int = Field(description="merged cases that no longer name the caller")
    ratings_anonymised: int
    photos_deleted: int
    inbox_messages_deleted: int
    fund_applications_anonymised: int
    objections_unlinked: int
    residence_requests_erased: int
    uploads_deleted: int = Field(description="files uploaded but never attached to a record")
    topics_anonymised: int = Field(description="topics kept with their scrubbed text, without author or photos")
    supports_anonymised: int = Field(description="supports still counted, no longer tied to the caller")
    comments_erased: int = Field(description="comments whose text was deleted, leaving a tombstone")
    reports_anonymised: int
    appeals_anonymised: int = Field(description="appeals kept with their outcome, without text or author")
    registrations_erased: int = Field(description="meeting registrations still counted, without name or phone")
    account_deleted: bool = Field(description="the user pool no longer holds the account")


class Kept(ResponseModel):
    what: str
    why: str


class ErasureReceipt(ResponseModel):
    status: str = Field(description="erased")
    requested_at: str
    finished_at: str
    erased: Erased
    kept: list[Kept]
