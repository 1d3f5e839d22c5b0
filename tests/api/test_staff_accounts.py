"""Officials' accounts through the API, against the embedded Cognito: each level creates the
one below it inside its jurisdiction, the new official signs in with the temporary password
Cognito texted them, and a disabled, moved or reset official's old tokens are refused."""

from __future__ import annotations

import boto3
import pytest

from chalicelib.web.authorizer import CACHE_SECONDS
from local_stack.provision import add_user
from tests.api.fund_helpers import all_pages
from tests.api.staff_helpers import (
    act,
    cognito,
    create,
    first_sign_in,
    new_phone,
    next_second,
    post,
    sign_in,
)
from tests.api.suggestion_helpers import (
    KONGJIANG_COMMITTEE,
    KONGJIANG_STREET,
    OTHER_KONGJIANG_COMMITTEE,
    YANJI_STREET,
    get,
)

YANGPU = "310110"
HUANGPU = "310101"
# 延吉新村街道's first committee: outside 控江路街道.
YANJI_COMMITTEE = "310110015001"


def me(client, account):
    return get(client, "/me", account)


def audit_actions(stack, official_id: str) -> list[dict]:
    table = boto3.client("dynamodb", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                         aws_access_key_id="testing", aws_secret_access_key="testing")
    items = table.query(TableName=stack.table_name, KeyConditionExpression="PK = :pk",
                        ExpressionAttributeValues={":pk": {"S": f"AUDIT#official#{official_id}"}})["Items"]
    return [{"action": i["action"]["S"], "actor_id": i["actor_id"]["S"],
             "before": i.get("before", {}).get("M", {}), "after": i.get("after", {}).get("M", {})} for i in items]


def pool_user(stack, official_id: str) -> dict:
    idp = cognito(stack)
    user = idp.list_users(UserPoolId=stack.officials_user_pool_id, Filter=f'sub = "{official_id}"')["Users"][0]
    groups = idp.admin_list_groups_for_user(UserPoolId=stack.officials_user_pool_id, Username=user["Username"])
    return {**{a["Name"]: a["Value"] for a in user["Attributes"]}, "Enabled": user["Enabled"],
            "Username": user["Username"], "groups": [g["GroupName"] for g in groups["Groups"]]}


def test_a_district_admin_creates_a_street_official_who_creates_committee_staff(client, accounts, stack):
    district = accounts["district_admin"]
    street = create(client, district, "street_official", KONGJIANG_STREET, name="王 街道")

    assert street["role"] == "street_official" and street["division"] == KONGJIANG_STREET
    assert street["status"] == "active" and street["version"] == 1 and street["name"] == "王 街道"
    assert street["created_by_role"] == "district_admin"
    assert street["phone_masked"] == f"{street['phone'][3:6]}****{street['phone'][-4:]}"
    assert street["phone"][3:] not in str({k: v for k, v in street.items() if k != "phone"})
    in_pool = pool_user(stack, street["id"])
    assert in_pool["groups"] == ["street_official"] and in_pool["custom:division"] == KONGJIANG_STREET
    assert in_pool["phone_number"] == street["phone"] and in_pool["phone_number_verified"] == "true"

    # The new official signs in with the temporary password Cognito texted them.
    new_street = first_sign_in(stack, street["phone"])
    assert me(client, new_street).json_body["role"] == "street_official"
    staff = create(client, new_street, "committee_staff", KONGJIANG_COMMITTEE)
    assert staff["created_by_role"] == "street_official"
    new_staff = first_sign_in(stack, staff["phone"])
    assert me(client, new_staff).json_body["jurisdiction"] == KONGJIANG_COMMITTEE

    # Other tests add officials to the same street: every page is read.
    listed_items, cursor = [], None
    while True:
        listed = get(client, f"/staff?division={KONGJIANG_STREET}" + (f"&cursor={cursor}" if cursor else ""), new_street)
        assert listed.status_code == 200, listed.body
        listed_items += listed.json_body["items"]
        cursor = listed.json_body.get("next_cursor")
        if not cursor:
            break
    assert {street["id"], staff["id"]} <= {o["id"] for o in listed_items}
    assert all("****" in o["phone_masked"] for o in listed_items)

    created = audit_actions(stack, staff["id"])
    # The official's id is their Cognito sub, as the audit's actor id is.
    assert [(a["action"], a["actor_id"]) for a in created] == [("create", street["id"])]


def test_each_level_creates_only_the_level_below_it(client, accounts):
    # Acceptance: a street official creating a district admin is refused.
    refused = create(client, accounts["street_official"], "district_admin", YANGPU, expect=403)
    assert refused["code"] == "forbidden"
    create(client, accounts["district_admin"], "committee_staff", KONGJIANG_COMMITTEE, expect=403)
    create(client, accounts["platform_admin"], "platform_admin", "31", expect=403)
    create(client, accounts["committee_staff"], "committee_staff", KONGJIANG_COMMITTEE, expect=403)
    create(client, accounts["kongjiang_resident"], "committee_staff", KONGJIANG_COMMITTEE, expect=403)
    # The platform creates district admins, anywhere in the city.
    assert create(client, accounts["platform_admin"], "district_admin", HUANGPU)["role"] == "district_admin"


def test_nobody_reaches_outside_their_jurisdiction(client, accounts):
    create(client, accounts["street_official"], "committee_staff", YANJI_COMMITTEE, expect=404)
    create(client, accounts["foreign_district_admin"], "street_official", KONGJIANG_STREET, expect=404)
    staff = create(client, accounts["street_official"], "committee_staff", KONGJIANG_COMMITTEE)
    for outsider in ("neighbour_street_official", "foreign_district_admin", "foreign_street_official"):
        act(client, accounts[outsider], staff["id"], "disable", {"version": 1}, expect=404)
    assert get(client, f"/staff?division={YANJI_STREET}", accounts["street_official"]).status_code == 404
    assert get(client, f"/staff?division={HUANGPU}", accounts["district_admin"]).status_code == 404
    assert get(client, f"/staff?division={KONGJIANG_COMMITTEE}", accounts["committee_staff"]).status_code == 403
    assert get(client, f"/staff?division={KONGJIANG_COMMITTEE}", accounts["kongjiang_resident"]).status_code == 403
    # Moving one's official out of one's jurisdiction is moving them into the unknown.
    moved = act(client, accounts["street_official"], staff["id"], "move",
                {"version": 1, "division": YANJI_COMMITTEE}, expect=404)
    assert moved["code"] == "not_found"


def test_equal_and_higher_roles_and_oneself_are_out_of_reach(client, accounts):
    district = accounts["district_admin"]
    # Another district admin of 杨浦区, inside the district admin's jurisdiction but equal.
    peer = create(client, accounts["platform_admin"], "district_admin", YANGPU)
    assert act(client, district, peer["id"], "disable", {"version": 1}, expect=403)["code"] == "forbidden"
    assert act(client, district, district.user_id, "disable", {"version": 1}, expect=403)["code"] == "forbidden"
    # A district admin may act on any lower role in the district, not only the next one.
    staff = create(client, accounts["street_official"], "committee_staff", KONGJIANG_COMMITTEE)
    assert act(client, district, staff["id"], "disable", {"version": 1})["status"] == "disabled"


@pytest.mark.parametrize(("change", "field"), [
    ({"phone": "13700000000"}, "phone"),
    ({"phone": "+8612345678901"}, "phone"),
    ({"role": "resident"}, "role"),
    ({"role": "mayor"}, "role"),
    ({"division": KONGJIANG_STREET}, "division"),
    ({"division": "3101100120"}, "division"),
    ({"division": "310110012999"}, "division"),
    ({"name": "王\u202e五"}, "name"),
    ({"name": "\u3000 "}, "name"),
    ({"name": "王" * 41}, "name"),
    ({"extra": 1}, "extra"),
])
def test_bad_input_is_400_naming_the_field(client, accounts, change, field):
    body = {"phone": new_phone(), "role": "committee_staff", "division": KONGJIANG_COMMITTEE, **change}
    response = post(client, "/staff", accounts["street_official"], body)
    assert response.status_code == 400, response.body
    assert field in [d["field"] for d in response.json_body["details"]], response.json_body
    assert all(d["message"] and d["message_zh"] for d in response.json_body["details"])


def test_bad_actions_are_refused(client, accounts):
    street = accounts["street_official"]
    staff = create(client, street, "committee_staff", KONGJIANG_COMMITTEE)
    for action, body, status, field in (
        ("move", {"version": 1}, 400, "division"),
        ("move", {"version": 1, "division": KONGJIANG_STREET}, 400, "division"),
        ("disable", {"version": 1, "division": OTHER_KONGJIANG_COMMITTEE}, 400, "division"),
        ("disable", {"version": "1"}, 400, "version"),
        ("disable", {}, 400, "version"),
    ):
        answer = act(client, street, staff["id"], action, body, expect=status)
        assert field in [d["field"] for d in answer["details"]], (action, answer)
    assert act(client, street, staff["id"], "promote", {"version": 1}, expect=400)["code"] == "bad_request"
    act(client, street, "not-a-sub", "disable", {"version": 1}, expect=404)
    act(client, street, "00000000-0000-4000-8000-000000000000", "disable", {"version": 1}, expect=404)


def test_a_number_already_in_the_pool_is_409(client, accounts):
    phone = new_phone()
    create(client, accounts["street_official"], "committee_staff", KONGJIANG_COMMITTEE, phone=phone)
    taken = create(client, accounts["street_official"], "committee_staff", OTHER_KONGJIANG_COMMITTEE, phone=phone,
                   expect=409)
    assert "already" in taken["message"] and "已有" in taken["message"]
    assert [d["field"] for d in taken["details"]] == ["phone"]
    # The fixtures' officials, made straight in Cognito, hold their numbers too.
    create(client, accounts["street_official"], "committee_staff", KONGJIANG_COMMITTEE,
           phone=accounts["committee_staff"].phone, expect=409)


def test_a_disabled_official_is_refused_and_works_again_once_enabled_and_signed_in_anew(client, accounts, stack):
    street = accounts["street_official"]
    staff = create(client, street, "committee_staff", KONGJIANG_COMMITTEE)
    signed = first_sign_in(stack, staff["phone"])
    assert me(client, signed).status_code == 200

    disabled = act(client, street, staff["id"], "disable", {"version": 1, "reason": "离职"})
    assert disabled["status"] == "disabled" and disabled["version"] == 2
    # The very next request: the test client runs the authorizer on each one, as API
    # Gateway does once its cache for the token (CACHE_SECONDS) has run out.
    assert me(client, signed).status_code in (401, 403)
    assert post(client, "/suggestions", signed, {}).status_code in (401, 403)
    assert pool_user(stack, staff["id"])["Enabled"] is False
    with pytest.raises(cognito(stack).exceptions.NotAuthorizedException):
        sign_in(stack, staff["phone"])

    assert act(client, street, staff["id"], "enable", {"version": 1}, expect=409)["details"][0]["current_version"] == 2
    enabled = act(client, street, staff["id"], "enable", {"version": 2})
    assert enabled["status"] == "active" and enabled["version"] == 3
    assert pool_user(stack, staff["id"])["Enabled"] is True
    # The token from before the disable stays refused; a new sign-in works.
    assert me(client, signed).status_code in (401, 403)
    next_second()
    again = sign_in(stack, staff["phone"])
    assert me(client, again).status_code == 200

    audit = audit_actions(stack, staff["id"])
    assert [a["action"] for a in audit] == ["create", "disable", "enable"]
    assert audit[1]["before"]["status"] == {"S": "active"} and audit[1]["after"]["status"] == {"S": "disabled"}
    assert {a["actor_id"] for a in audit} == {street.user_id}


def test_disabling_twice_completes_the_first_and_changes_nothing(client, accounts, stack):
    street = accounts["street_official"]
    staff = create(client, street, "committee_staff", KONGJIANG_COMMITTEE)
    act(client, street, staff["id"], "disable", {"version": 1})
    cognito(stack).admin_enable_user(UserPoolId=stack.officials_user_pool_id,
                                     Username=pool_user(stack, staff["id"])["Username"])
    # As if the Cognito step of the first had failed: the second finishes it.
    again = act(client, street, staff["id"], "disable", {"version": 2})
    assert again["version"] == 2 and again["status"] == "disabled"
    assert pool_user(stack, staff["id"])["Enabled"] is False
    assert [a["action"] for a in audit_actions(stack, staff["id"])] == ["create", "disable"]


def test_a_moved_officials_old_token_is_refused(client, accounts, stack):
    street = accounts["street_official"]
    staff = create(client, street, "committee_staff", KONGJIANG_COMMITTEE)
    signed = first_sign_in(stack, staff["phone"])
    assert me(client, signed).json_body["jurisdiction"] == KONGJIANG_COMMITTEE

    moved = act(client, street, staff["id"], "move", {"version": 1, "division": OTHER_KONGJIANG_COMMITTEE})
    assert moved["division"] == OTHER_KONGJIANG_COMMITTEE and moved["version"] == 2
    assert me(client, signed).status_code in (401, 403)
    assert pool_user(stack, staff["id"])["custom:division"] == OTHER_KONGJIANG_COMMITTEE

    next_second()
    again = sign_in(stack, staff["phone"])
    assert me(client, again).json_body["jurisdiction"] == OTHER_KONGJIANG_COMMITTEE
    in_new = {o["id"] for o in get(client, f"/staff?division={OTHER_KONGJIANG_COMMITTEE}", street).json_body["items"]}
    in_old = {o["id"] for o in get(client, f"/staff?division={KONGJIANG_COMMITTEE}", street).json_body["items"]}
    assert staff["id"] in in_new and staff["id"] not in in_old
    audit = audit_actions(stack, staff["id"])
    assert audit[-1]["action"] == "move"
    assert (audit[-1]["before"]["division"], audit[-1]["after"]["division"]) == (
        {"S": KONGJIANG_COMMITTEE}, {"S": OTHER_KONGJIANG_COMMITTEE})


def test_reset_mfa_clears_the_authenticator_and_ends_every_session(client, accounts, stack):
    street = accounts["street_official"]
    staff = create(client, street, "committee_staff", KONGJIANG_COMMITTEE)
    signed = first_sign_in(stack, staff["phone"])
    idp = cognito(stack)
    username = pool_user(stack, staff["id"])["Username"]
    # The authenticator app set up at the first sign-in, as Cognito records it.
    idp.admin_set_user_mfa_preference(UserPoolId=stack.officials_user_pool_id, Username=username,
                                      SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
    assert idp.admin_get_user(UserPoolId=stack.officials_user_pool_id, Username=username)[
        "PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"

    reset = act(client, street, staff["id"], "reset_mfa", {"version": 1, "reason": "手机丢失"})
    assert reset["version"] == 2 and reset["status"] == "active"
    assert me(client, signed).status_code in (401, 403)
    settings = idp.admin_get_user(UserPoolId=stack.officials_user_pool_id, Username=username)
    assert "SOFTWARE_TOKEN_MFA" not in settings.get("UserMFASettingList", [])
    assert settings.get("PreferredMfaSetting", "") != "SOFTWARE_TOKEN_MFA"
    next_second()
    assert me(client, sign_in(stack, staff["phone"])).status_code == 200
    assert [a["action"] for a in audit_actions(stack, staff["id"])] == ["create", "reset_mfa"]


def test_a_stale_version_is_409(client, accounts):
    street, district = accounts["street_official"], accounts["district_admin"]
    staff = create(client, street, "committee_staff", KONGJIANG_COMMITTEE)
    act(client, district, staff["id"], "reset_mfa", {"version": 1})
    stale = act(client, street, staff["id"], "disable", {"version": 1}, expect=409)
    assert stale["details"][0]["type"] == "stale_version"


def test_an_official_made_before_the_directory_is_taken_in_when_first_acted_on(client, accounts, stack):
    phone = new_phone()
    older = add_user(stack, phone=phone, password="Older-passw0rd!", role="committee_staff",
                     division=OTHER_KONGJIANG_COMMITTEE)
    # No account item yet: the authorizer lets them in as before.
    token = sign_in(stack, phone, "Older-passw0rd!")
    assert me(client, token).status_code == 200
    listed = get(client, f"/staff?division={OTHER_KONGJIANG_COMMITTEE}", accounts["street_official"]).json_body
    assert older.user_id not in {o["id"] for o in listed["items"]}

    disabled = act(client, accounts["street_official"], older.user_id, "disable", {"version": 1})
    assert disabled["status"] == "disabled" and disabled["created_by_role"] == "imported"
    assert disabled["phone_masked"] == f"{phone[3:6]}****{phone[-4:]}"
    assert me(client, token).status_code in (401, 403)
    assert [a["action"] for a in audit_actions(stack, older.user_id)] == ["import", "disable"]


def test_listing_pages_through_a_division_and_everything_inside_it(client, accounts):
    district = accounts["district_admin"]
    street = create(client, district, "street_official", YANJI_STREET)
    assert street["division"] == YANJI_STREET
    seen, cursor = [], None
    while True:
        query = f"/staff?division={YANGPU}&limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = get(client, query, district)
        assert page.status_code == 200, page.body
        assert len(page.json_body["items"]) <= 2
        seen += page.json_body["items"]
        cursor = page.json_body["next_cursor"]
        if not cursor:
            break
    assert street["id"] in {o["id"] for o in seen}
    assert len({o["id"] for o in seen}) == len(seen)
    assert all(o["division"].startswith(YANGPU) for o in seen)
    # Without a division, the caller's own jurisdiction.
    own = get(client, "/staff", accounts["neighbour_street_official"]).json_body["items"]
    assert street["id"] in {o["id"] for o in own}
    # A cursor is bound to its division.
    first = get(client, f"/staff?division={YANGPU}&limit=1", district).json_body
    assert get(client, f"/staff?division={YANJI_STREET}&cursor={first['next_cursor']}", district).status_code == 400


def test_the_authorizer_cache_is_at_most_a_minute():
    from app import app

    assert CACHE_SECONDS <= 60
    assert app.builtin_auth_handlers[0].ttl_seconds == CACHE_SECONDS


def test_importing_the_pool_lists_its_officials_and_a_second_run_changes_nothing(client, accounts):
    from chalicelib.staff.service import import_officials

    import_officials()
    assert import_officials() == 0
    # Every page: the session's other tests add officials to this street too.
    listed = all_pages(client, f"/staff?division={KONGJIANG_STREET}&limit=100", accounts["district_admin"])
    by_id = {o["id"]: o for o in listed}
    assert by_id[accounts["street_official"].user_id]["role"] == "street_official"
    assert by_id[accounts["committee_staff"].user_id]["division"] == KONGJIANG_COMMITTEE
    assert accounts["neighbour_street_official"].user_id not in by_id
    # Taken in, the fixtures' officials are still let in.
    assert me(client, accounts["committee_staff"]).status_code == 200


@pytest.mark.parametrize(("state", "issued_at", "jurisdiction", "admitted"), [
    (None, 100, "310110012", True),
    ({"status": "active", "division": "310110012"}, 100, "310110012", True),
    ({"status": "disabled", "division": "310110012"}, 100, "310110012", False),
    ({"status": "active", "tokens_valid_after": 101, "division": "310110012"}, 100, "310110012", False),
    ({"status": "active", "tokens_valid_after": 101, "division": "310110012"}, 101, "310110012", True),
    ({"status": "active", "division": "310110015"}, 100, "310110012", False),
    ({"status": "active", "tokens_valid_after": 1}, "not a time", "310110012", False),
])
def test_which_tokens_of_an_official_stand(state, issued_at, jurisdiction, admitted):
    from chalicelib.staff.rules import admits, tokens_valid_after

    assert admits(state, issued_at, jurisdiction) is admitted
    # Every token of the action's own second is refused, the next second's stand.
    assert tokens_valid_after(100.2) == 101 and tokens_valid_after(100.0) == 100
