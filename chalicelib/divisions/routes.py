"""HTTP routes of the division registry."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.divisions import service
from chalicelib.divisions.models import Division, DivisionProfileUpdate, DivisionWithChildren
from chalicelib.web.api import ApiBlueprint

divisions_api = ApiBlueprint(__name__)


@divisions_api.operation(
    "/divisions/{code}",
    "GET", operation_id="getDivision",
    summary="A division with its children (区划及下级)",
    tags=("divisions",),
    response=DivisionWithChildren,
    authenticated=False,
    errors=(404,),
)
def get_division(code: str) -> DivisionWithChildren:
    return service.get_division(code)


@divisions_api.operation(
    "/divisions/{code}/profile",
    "PUT", operation_id="setDivisionProfile",
    summary="Set a division's population, households or community type (district and platform admins)",
    tags=("divisions",),
    response=Division,
    body=DivisionProfileUpdate,
    errors=(404, 409, 422),
)
def update_division_profile(code: str, principal: Principal, body: DivisionProfileUpdate) -> Division:
    return service.update_division_profile(principal, code, body)
