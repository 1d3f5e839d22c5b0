"""The manifest of a published month as manifest.json holds it, and where a month's run stands."""


from typing import Literal

from pydantic import Field

from chalicelib.models import RequestModel, ResponseModel


class PublishedFile(ResponseModel):
    name: str = Field(description="path under summaries/{month}/")
    bytes: int
    sha256: str
    content_type: str


class Manifest(ResponseModel):
    month: str = Field(description="yyyy-mm, Shanghai time")
    schema_version: str
    generated_at: str
    files: list[PublishedFile]


class PublicationStatus(ResponseModel):
    month: str = Field(description="yyyy-mm, Shanghai time")
    state: Literal["queued", "running", "published", "failed"]
    requested_at: str | None = Field(default=None, description="when it was last asked for through the API")
    started_at: str | None = None
    finished_at: str | None = None
    files: int | None = Field(default=None, description="files written, the manifest aside")
    manifest: str | None = Field(default=None, description="key of the manifest in the public bucket")
    error: str | None = Field(default=None, description="kind of error that stopped the last run")


MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
# {yyyy-mm}.{kind}.{record id}.{field}: which month held back which field of which record.
HELD_BACK_ID_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])\.(suggestion|round|project)\.[0-9A-Za-z_-]{1,64}\.[a-z_]{1,32}$"


class HeldBackQuery(RequestModel):
    month: str = Field(pattern=MONTH_PATTERN, description="yyyy-mm, Shanghai time")
    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=2048)


class HeldBackReason(ResponseModel):
    kind: Literal["phone", "id_number"] = Field(description="what the number left after scrubbing nearly is")
    message: str
    message_zh: str


class HeldBackSource(ResponseModel):
    kind: Literal["suggestion", "round", "project"]
    id: str = Field(description="the case, round or project")
    field: str = Field(description="title, content or reply")
    tracking_no: str | None = Field(default=None, description="a case's tracking number")
    division: str | None = Field(default=None, description="a case's division")
    round_id: str | None = Field(default=None, description="a project's round")


class HeldBackItem(ResponseModel):
    id: str = Field(description="{month}.{kind}.{record id}.{field}, for POST /review/held-back/{id}/release")
    month: str
    source: HeldBackSource
    reasons: list[HeldBackReason]
    excerpt: str = Field(description="the text as it would be published, each doubtful number masked (139*****67)")
    digest: str = Field(description="names this very text: a release must send it back")
    status: Literal["held_back", "released"] = Field(
        description="released: published by the month's next run, while the text stays the same")
    held_at: str = Field(description="when the month's last run held it back")
    released_at: str | None = None


class HeldBackPage(ResponseModel):
    items: list[HeldBackItem]
    next_cursor: str | None = None


class ReleaseRequest(RequestModel):
    digest: str = Field(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$",
                        description="the digest read with the item: the release is refused (409) if the text changed")
