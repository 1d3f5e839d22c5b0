"""A message in a resident's inbox."""


from pydantic import Field

from chalicelib.models import ResponseModel


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
