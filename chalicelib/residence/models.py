"""Residence verification (居住核验) as residents ask for it and as they and staff see it."""


import enum
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints, field_validator

from chalicelib.models import RequestModel, ResponseModel, not_blank

COMMITTEE_CODE = r"^31[0-9]{10}$"
# The city itself is refused by the service with a reason; a shape this wide only keeps junk out.
DIVISION_CODE = r"^31(?:[0-9]{4}|[0-9]{7}|[0-9]{10})?$"
MAX_PROOF_PHOTOS = 3


class Basis(str, enum.Enum):
    """Why the resident lives there, as a committee records it."""

    hukou = "hukou"  # 户籍
    resident = "resident"  # 常住
    tenant = "tenant"  # 租住


class ResidenceStatus(str, enum.Enum):
    pending = "pending"  # 待核验
    approved = "approved"  # 已核验 (the person's current residence)
    declined = "declined"  # 未通过
    revoked = "revoked"  # 已撤销
    ended = "ended"  # a later approved move replaced it


class Action(str, enum.Enum):
    approve = "approve"
    decline = "decline"
    revoke = "revoke"


class ResidenceRequestCreate(RequestModel):
    committee: str = Field(pattern=COMMITTEE_CODE, description="the 12-digit code of the committee (居委会) to verify")
    building: str = Field(min_length=1, max_length=40, description="building as the resident writes it, e.g. 12号楼")
    room: str = Field(min_length=1, max_length=20, description="room, e.g. 301室")
    basis: Basis = Field(description="hukou 户籍, resident 常住 or tenant 租住")
    proof_photos: list[Annotated[str, StringConstraints(max_length=200)]] = Field(
        default_factory=list, max_length=MAX_PROOF_PHOTOS,
        description="keys returned by POST /uploads/photos (e.g. a tenancy contract), uploaded already")
    note: str | None = Field(default=None, min_length=1, max_length=200)

    # Control and invisible characters are refused for every request model (chalicelib/models.py).
    _not_blank = field_validator("building", "room")(not_blank)


class ReviewQuery(RequestModel):
    division: str | None = Field(default=None, pattern=DIVISION_CODE,
                                 description="a district, street or committee inside the caller's jurisdiction")
    status: ResidenceStatus = ResidenceStatus.pending
    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=2048)


class ReviewActionRequest(RequestModel):
    # strict: "3" or true is a client bug, not a version.
    version: int = Field(ge=1, strict=True, description="the version last seen; refused (409) if stale")
    reason: str | None = Field(default=None, min_length=1, max_length=200,
                               description="required to decline or revoke; the resident reads it")


class ResidenceTimelineEvent(ResponseModel):
    at: str
    action: str = Field(description="request, approve, decline, revoke or end (a later move)")
    status: ResidenceStatus
    actor_role: str
    reason: str | None = None


class ResidenceRequest(ResponseModel):
    """A request as its resident sees it."""

    id: str
    committee: str
    committee_name: str
    building: str | None = None
    room: str | None = None
    basis: Basis
    note: str | None = None
    proof_photos: list[str] = Field(default_factory=list)
    status: ResidenceStatus
    version: int
    requested_at: str
    decided_at: str | None = None
    reason: str | None = None
    timeline: list[ResidenceTimelineEvent] = Field(default_factory=list)


class CurrentResidence(ResponseModel):
    committee: str
    committee_name: str | None = None
    since: str | None = Field(default=None, description="when staff verified it (absent for one set before records)")
    basis: Basis | None = None
    request_id: str | None = None
    in_token: bool = Field(description="the caller's token carries it already; if not, sign in again to use it")


class MyResidence(ResponseModel):
    current: CurrentResidence | None = None
    requests: list[ResidenceRequest] = Field(description="newest first")


class VerifiedBy(ResponseModel):
    user_id: str
    role: str


class ReviewItem(ResponseModel):
    """A request as the committee's staff check it: the flat in full, the phone masked."""

    id: str
    committee: str
    committee_name: str
    building: str | None = None
    room: str | None = None
    basis: Basis
    note: str | None = None
    proof_photos: list[str] = Field(default_factory=list)
    proof_photo_urls: list[str] = Field(default_factory=list, description="presigned links to the proof photos, in "
                                        "order, for the staff's page to show; they lapse, a page read again gets new ones")
    phone_masked: str | None = None
    status: ResidenceStatus
    version: int
    requested_at: str
    decided_at: str | None = None
    decided_by: VerifiedBy | None = None
    reason: str | None = None
    allowed_actions: list[str]


class ReviewPage(ResponseModel):
    items: list[ReviewItem]
    next_cursor: str | None = None


class ReviewActionResult(ResponseModel):
    id: str
    status: ResidenceStatus
    version: int
    decided_at: str | None = None
    decided_by: VerifiedBy | None = None
    allowed_actions: list[str]
    directory_synced: bool = Field(description="the resident's account carries the decision already; if not, it is "
                                               "copied again when they open their residence page")


class RequestRecord(ResponseModel):
    """The whole stored state of one request (never sent as is: views choose what each caller sees)."""

    id: str
    person: str = Field(description="auth.person_key of the resident's sub")
    user_id: str = Field(description="the resident's Cognito sub, to find their account when a decision is made")
    committee: str
    committee_name: str
    building: str | None = None
    room: str | None = None
    basis: Basis
    note: str | None = None
    proof_photos: list[str] = Field(default_factory=list)
    phone_masked: str | None = None
    source: str = Field(default="resident", description="resident (asked for it) or roster (pre-verified)")
    status: ResidenceStatus
    version: int
    requested_at: str
    updated_at: str
    decided_at: str | None = None
    decided_by: VerifiedBy | None = None
    reason: str | None = None
    ended_by: str | None = Field(default=None, description="the later request whose approval ended this one")
    erased_at: str | None = Field(default=None, description="the resident erased their account: nobody's request now")


class CurrentRecord(ResponseModel):
    """A person's verified residence now: the approved request it came from."""

    person: str
    user_id: str
    committee: str
    committee_name: str
    basis: Basis
    since: str
    request_id: str
    verified_by: VerifiedBy
    # False until the account's custom:division is known to say the same (see service.sync_directory).
    directory_synced: bool = False


# One request model per review action, stating what it requires; the routes hand each to
# service.act as a ReviewActionRequest.


class ApproveResidenceRequest(RequestModel):
    """Approve a pending request: the residence is set on the account, and the next token carries it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 1}]})
    version: int = Field(ge=1, strict=True, description="the version last seen; refused (409) if stale")
    reason: str | None = Field(default=None, min_length=1, max_length=200, description="a note the resident reads")


class DeclineResidenceRequest(RequestModel):
    """Decline a pending request, saying why; the resident reads the reason."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 1, "reason": "房号与登记信息不符。"}]})
    version: int = Field(ge=1, strict=True, description="the version last seen; refused (409) if stale")
    reason: str = Field(min_length=1, max_length=200)


class RevokeResidenceRequest(RequestModel):
    """Revoke an approved residence, saying why; the resident reads the reason."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 2, "reason": "已搬离本小区。"}]})
    version: int = Field(ge=1, strict=True, description="the version last seen; refused (409) if stale")
    reason: str = Field(min_length=1, max_length=200)
