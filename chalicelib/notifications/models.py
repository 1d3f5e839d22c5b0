"""A message in a resident's inbox."""


from pydantic import AwareDatetime, ConfigDict, Field

from chalicelib.models import RequestModel, ResponseModel


class Notification(ResponseModel):
    id: str
    at: str
    subject_type: str = Field(description="what the message is about, e.g. suggestion")
    subject_id: str
    tracking_no: str | None = None
    event: str = Field(description="the step that happened, e.g. accept, reply, transfer")
    status: str | None = None
    text: str = Field(description="Chinese")
    text_en: str


class NotificationPage(ResponseModel):
    items: list[Notification]
    next_cursor: str | None = None


class InboxState(ResponseModel):
    unread: int = Field(description="messages newer than read_until, at most 100 (show 99+ beyond 99)")
    read_until: str | None = Field(default=None, description="the newest message time marked read; null: none yet")


class MarkRead(RequestModel):
    """Everything up to this time has been read (normally the `at` of the newest message shown)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"read_until": "2026-11-23T02:15:00.000Z"}]})
    read_until: AwareDatetime = Field(description="a time with its zone; the kept mark never moves back")
