"""The contract of an official's morning digest preference (GET/PUT /me/digest)."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from chalicelib.models import RequestModel, ResponseModel
from chalicelib.review.digest_rules import DigestChannel


class DigestPreference(ResponseModel):
    enabled: bool = Field(description="whether the 08:30 digest is sent on working days (default: on)")
    channel: DigestChannel = Field(description="how it is pushed besides the inbox (default: sms)")


class DigestPreferenceUpdate(RequestModel):
    """Turn one's morning digest on or off, and choose SMS or e-mail."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"enabled": False, "channel": "sms"}]})
    # strict: "false" is a client bug, not a choice.
    enabled: bool = Field(strict=True, description="false: no digest until turned on again")
    channel: DigestChannel = Field(description="sms or email; the inbox always has it")
