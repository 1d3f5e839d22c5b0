"""Officials' accounts as administrators create, list and change them."""


import enum

from pydantic import ConfigDict, Field, field_validator

from chalicelib.models import PageQuery, RequestModel, ResponseModel, not_blank

MAINLAND_MOBILE = r"^\+861[3-9][0-9]{9}$"
DIVISION_CODE = r"^31(?:[0-9]{4}|[0-9]{7}|[0-9]{10})?$"


class OfficialRole(str, enum.Enum):
    committee_staff = "committee_staff"
    street_official = "street_official"
    district_admin = "district_admin"
    platform_admin = "platform_admin"


class AccountStatus(str, enum.Enum):
    active = "active"
    disabled = "disabled"


class Action(str, enum.Enum):
    disable = "disable"
    enable = "enable"
    move = "move"
    reset_mfa = "reset_mfa"


class OfficialCreate(RequestModel):
    phone: str = Field(pattern=MAINLAND_MOBILE, description="the official's mainland mobile, +86…; "
                       "their sign-in name, and where Cognito sends the temporary password")
    role: OfficialRole = Field(description="exactly one level below the caller's")
    division: str = Field(pattern=DIVISION_CODE, description="their jurisdiction: a division of the level the role "
                          "works at (district 6, street 9, committee 12 digits), inside the caller's")
    name: str | None = Field(default=None, min_length=1, max_length=40, description="display name")

    @field_validator("name")
    @classmethod
    def _readable(cls, value: str | None) -> str | None:
        return None if value is None else not_blank(value)


class OfficialQuery(PageQuery):
    division: str | None = Field(default=None, pattern=DIVISION_CODE,
                                 description="list this division and every division inside it; default: the caller's")


class OfficialActionRequest(RequestModel):
    # strict: "3" is a client bug, not a version.
    version: int = Field(ge=0, strict=True, description="the version last seen; refused if stale")
    division: str | None = Field(default=None, pattern=DIVISION_CODE,
                                 description="move only: the new division, of the same level, inside the caller's")
    reason: str | None = Field(default=None, min_length=1, max_length=500, description="why, for the audit trail")


class Official(ResponseModel):
    id: str = Field(description="the official's Cognito sub")
    phone_masked: str
    name: str | None = None
    role: OfficialRole
    division: str
    status: AccountStatus
    # UTC to the millisecond, as every time the platform answers with.
    created_at: str = Field(description="UTC, e.g. 2026-11-23T02:15:00.000Z")
    created_by_role: str
    updated_at: str = Field(description="UTC")
    version: int


class OfficialPage(ResponseModel):
    items: list[Official]
    next_cursor: str | None = None


# One request model per account action, stating what it requires; the routes hand each to
# service.act_on_official as an OfficialActionRequest.


class DisableOfficialRequest(RequestModel):
    """Disable an official's account; every token they hold is refused."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 0, "reason": "已调离岗位。"}]})
    version: int = Field(ge=0, strict=True, description="the version last seen; refused (409) if stale")
    reason: str | None = Field(default=None, min_length=1, max_length=500, description="why, for the audit trail")


class EnableOfficialRequest(RequestModel):
    """Enable a disabled official's account again."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 1}]})
    version: int = Field(ge=0, strict=True, description="the version last seen; refused (409) if stale")
    reason: str | None = Field(default=None, min_length=1, max_length=500, description="why, for the audit trail")


class MoveOfficialRequest(RequestModel):
    """Move an official to another division of the same level inside the caller's; they sign in anew."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 0, "division": "310104003002"}]})
    version: int = Field(ge=0, strict=True, description="the version last seen; refused (409) if stale")
    division: str = Field(pattern=DIVISION_CODE, description="the new division, of the same level, inside the caller's")
    reason: str | None = Field(default=None, min_length=1, max_length=500, description="why, for the audit trail")


class ResetOfficialMfaRequest(RequestModel):
    """Reset an official's TOTP device; they set up a new one at their next sign-in."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"version": 0}]})
    version: int = Field(ge=0, strict=True, description="the version last seen; refused (409) if stale")
    reason: str | None = Field(default=None, min_length=1, max_length=500, description="why, for the audit trail")
