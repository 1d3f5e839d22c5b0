"""Principals from token claims, and the permission matrix: role × own/foreign division."""

import pytest

from chalicelib.auth import PERMISSIONS, Principal, Role, can, principal_from_claims, require
from chalicelib.errors import ForbiddenError, NotFoundError

OWN_COMMITTEE = "310110012001"
FOREIGN_COMMITTEE = "310101002001"  # 黄浦区 南京东路街道


def claims(groups=(), division=None, sub="user-1"):
    data = {"sub": sub, "phone_number": "+8613800000001"}
    if groups:
        data["cognito:groups"] = list(groups)
    if division is not None:
        data["custom:division"] = division
    return data


def test_resident_has_no_group_and_no_jurisdiction():
    principal = principal_from_claims(claims())
    assert principal == Principal(user_id="user-1", role=Role.resident, phone="+8613800000001")


@pytest.mark.parametrize(
    ("group", "division"),
    [
        ("committee_staff", "310110012001"),
        ("street_official", "310110012"),
        ("district_admin", "310110"),
        ("platform_admin", "31"),
    ],
)
def test_official_gets_role_and_jurisdiction(group, division):
    principal = principal_from_claims(claims([group], division))
    assert principal.role == Role(group)
    assert principal.jurisdiction == division


@pytest.mark.parametrize(
    ("group", "division"),
    [
        ("committee_staff", "310110"),  # a committee worker with a whole district
        ("street_official", "31"),
        ("district_admin", "310110012"),
        ("street_official", None),
        ("street_official", "31011001x"),
    ],
)
def test_official_with_a_jurisdiction_of_the_wrong_level_is_refused(group, division):
    assert principal_from_claims(claims([group], division)) is None


def test_strongest_group_wins():
    principal = principal_from_claims(claims(["committee_staff", "district_admin"], "310110"))
    assert principal.role == Role.district_admin


def test_claims_without_subject_are_refused():
    assert principal_from_claims({"cognito:groups": ["platform_admin"], "custom:division": "31"}) is None


PRINCIPALS = {
    Role.resident: Principal("r", Role.resident),
    Role.committee_staff: Principal("c", Role.committee_staff, "310110012001"),
    Role.street_official: Principal("s", Role.street_official, "310110012"),
    Role.district_admin: Principal("d", Role.district_admin, "310110"),
    Role.platform_admin: Principal("p", Role.platform_admin, "31"),
}


@pytest.mark.parametrize("action", sorted(PERMISSIONS))
@pytest.mark.parametrize("role", list(Role))
def test_permission_matrix(action, role):
    principal = PRINCIPALS[role]
    allowed = role in PERMISSIONS[action]
    if not allowed:
        with pytest.raises(ForbiddenError):
            require(principal, action, OWN_COMMITTEE)
        return
    require(principal, action, OWN_COMMITTEE)
    if role in (Role.resident, Role.platform_admin):
        assert can(principal, action, FOREIGN_COMMITTEE)
    else:
        # Outside the jurisdiction the subject does not exist for this official.
        with pytest.raises(NotFoundError):
            require(principal, action, FOREIGN_COMMITTEE)


def test_the_pool_that_signed_decides_between_resident_and_official():
    official_claims = claims(["street_official"], "310110012")
    assert principal_from_claims(official_claims, pool="residents").role is Role.resident
    assert principal_from_claims(official_claims, pool="officials").role is Role.street_official
    assert principal_from_claims(official_claims).role is Role.street_official  # one external issuer for all
    assert principal_from_claims(claims(), pool="officials") is None
