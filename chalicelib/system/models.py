
from pydantic import Field

from chalicelib.models import ResponseModel


class Health(ResponseModel):
    status: str = Field(description="ok when every backing service answered")
    stage: str
    table: bool
    bucket: bool
    warnings: list[str] = Field(default_factory=list, description="things an administrator must do soon")


class Me(ResponseModel):
    user_id: str
    role: str
    jurisdiction: str | None
    residence: str | None = Field(default=None, description="a resident's committee, once staff have verified it")
    phone_masked: str | None = Field(description="138****1234: the full number is never shown")


class OpenApiDocument(ResponseModel):
    """The OpenAPI 3.1 document itself (free-form)."""

    model_config = {"extra": "allow", "frozen": True}
    openapi: str
