"""HTTP routes of officials' accounts."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.staff import models, service
from chalicelib.staff.models import Official, OfficialActionRequest, OfficialCreate, OfficialPage, OfficialQuery
from chalicelib.web.api import ActionOperation, ApiBlueprint

staff_api = ApiBlueprint(__name__)
TAGS = ("staff",)


@staff_api.operation(
    "/staff", "POST", operation_id="createOfficial",
    summary="Create an official one level below the caller, inside their jurisdiction", tags=TAGS,
    body=OfficialCreate, response=Official, status=201, errors=(404, 409, 503),
    description="Platform admins create district admins, district admins street officials, street officials "
    "committee staff. Cognito texts the new official a temporary password; a number already in the officials' "
    "pool is 409.",
)
def create(principal: Principal, body: OfficialCreate) -> Official:
    return service.create_official(principal, body)


@staff_api.operation(
    "/staff", "GET", operation_id="listOfficials",
    summary="The officials of a division and of every division inside it (phones masked)",
    tags=TAGS, query=OfficialQuery, response=OfficialPage, errors=(404,),
)
def list_staff(principal: Principal, query: OfficialQuery) -> OfficialPage:
    return service.list_officials(principal, query)


@staff_api.operation(
    "/staff/{id}/{action}", "POST", operation_id="actOnOfficial",
    summary="disable, enable, move or reset_mfa an official of a lower role",
    tags=TAGS, body=OfficialActionRequest, response=Official, errors=(404, 409, 503), deprecated=True,
    description="Kept for existing clients: disableOfficial, enableOfficial, moveOfficial and resetOfficialMfa "
    "state what each requires.",
)
def act(id: str, action: str, principal: Principal, body: OfficialActionRequest) -> Official:  # noqa: A002
    return service.act_on_official(principal, id, action, body)


staff_api.action_operations(
    "/staff/{id}",
    (
        ActionOperation("disable", "disableOfficial", models.DisableOfficialRequest, "Disable an official of a lower role"),
        ActionOperation("enable", "enableOfficial", models.EnableOfficialRequest, "Enable a disabled official again"),
        ActionOperation("move", "moveOfficial", models.MoveOfficialRequest,
                        "Move an official to another division of the same level"),
        ActionOperation("reset_mfa", "resetOfficialMfa", models.ResetOfficialMfaRequest,
                        "Reset an official's authenticator app"),
    ),
    general=OfficialActionRequest, act=service.act_on_official, tags=TAGS, response=Official, errors=(404, 409, 503),
    description="Conditional on the version the caller saw (409 if stale). disable, move and reset_mfa refuse "
    "every token the official holds; they sign in anew.",
)
