"""A resident's choice of texts."""

from pydantic import ConfigDict, Field

from chalicelib.models import RequestModel, ResponseModel


class TextPreference(ResponseModel):
    sms: bool = Field(description="decisions on my cases also reach me by SMS (replies, decisions, requests for more)")
    phone_masked: str | None = Field(default=None, description="the verified number texts go to, 138****1234")


class TextPreferenceChange(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"sms": True}]})
    sms: bool = Field(strict=True, description="true: text me; false: the inbox only")
