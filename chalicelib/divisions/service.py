"""Use cases of the division registry."""

from __future__ import annotations

from chalicelib.auth import Principal, require
from chalicelib.divisions import repository, rules
from chalicelib.divisions.models import Division, DivisionProfileUpdate, DivisionWithChildren
from chalicelib.errors import BadRequestError, NotFoundError, RuleViolationError


def _checked_code(code: str) -> str:
    if not rules.is_well_formed(code):
        raise BadRequestError(
            "A division code is 2, 6, 9 or 12 digits starting with 31. / 区划代码应为以 31 开头的 2、6、9 或 12 位数字。"
        )
    return code


def get_division(code: str) -> DivisionWithChildren:
    division = repository.get_division(_checked_code(code))
    if division is None:
        raise NotFoundError("No such division. / 没有这个区划。")
    children = repository.list_children(code) if division.level != "committee" else []
    return DivisionWithChildren(**division.model_dump(), children=children)


def require_division(code: str) -> Division:
    """The division a request names, which must exist (used by every domain)."""
    division = repository.get_division(_checked_code(code))
    if division is None:
        raise NotFoundError("No such division. / 没有这个区划。")
    return division


def update_division_profile(principal: Principal, code: str, change: DivisionProfileUpdate) -> Division:
    _checked_code(code)
    require(principal, "division.update_profile", code)
    division = require_division(code)
    if change.community_type is not None and division.level != "committee":
        raise RuleViolationError("Only a committee has a community type. / 只有居委会、村委会可以设置社区类型。")
    repository.update_profile(code, change, division.version, principal.user_id, principal.role.value)
    return Division(
        **{**division.model_dump(), **change.model_dump(exclude_none=True), "version": division.version + 1}
    )
