"""GET /divisions/{code} for everyone; PUT …/profile for administrators of the division."""

import json

import pytest

JSON = {"Content-Type": "application/json"}


def get(client, code):
    return client.http.get(f"/divisions/{code}")


def put_profile(client, account, code, body, content_type="application/json"):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.http.put(f"/divisions/{code}/profile", body=raw,
                           headers={**account.headers, "Content-Type": content_type})


def test_city_lists_its_sixteen_districts(client):
    response = get(client, "31")
    assert response.status_code == 200
    body = response.json_body
    assert body["name"] == "上海市"
    assert len(body["children"]) == 16
    assert {"code": "310110", "name": "杨浦区", "level": "district", "kind": "区", "is_administrative": True} in body["children"]


def test_street_lists_its_committees_in_code_order(client):
    body = get(client, "310110012").json_body
    assert (body["name"], body["level"], body["parent_code"]) == ("控江路街道", "street", "310110")
    codes = [c["code"] for c in body["children"]]
    assert codes == sorted(codes) and "310110012001" in codes
    assert all(c["level"] == "committee" for c in body["children"])


def test_committee_has_no_children(client):
    body = get(client, "310110012001").json_body
    assert body["children"] == [] and body["kind"] == "居委会"


@pytest.mark.parametrize("code", ["310110999", "319999", "310110012999"])
def test_unknown_code_is_404_with_the_error_shape(client, code):
    response = get(client, code)
    assert response.status_code == 404
    assert response.json_body["code"] == "not_found"


@pytest.mark.parametrize("code", ["abc", "3101100", "320000", "31011001200１", "%00"])
def test_malformed_code_is_400(client, code):
    response = get(client, code)
    assert response.status_code == 400
    assert set(response.json_body) == {"code", "message", "details", "correlation_id"}


def test_district_admin_sets_a_committee_profile(client, accounts):
    response = put_profile(client, accounts["district_admin"], "310110012003",
                           {"population": 5120, "households": 2210, "community_type": "old_neighbourhood"})
    assert response.status_code == 200, response.body
    assert response.json_body["population"] == 5120
    body = get(client, "310110012003").json_body
    assert (body["population"], body["households"], body["community_type"]) == (5120, 2210, "old_neighbourhood")


@pytest.mark.parametrize(
    ("account", "status"),
    [
        ("resident", 403),
        ("committee_staff", 403),
        ("street_official", 403),
        ("foreign_district_admin", 404),
        ("foreign_street_official", 403),
    ],
)
def test_others_may_not_set_a_profile_and_nothing_changes(client, accounts, account, status):
    before = get(client, "310110012004").json_body
    response = put_profile(client, accounts[account], "310110012004", {"population": 1})
    assert response.status_code == status
    assert get(client, "310110012004").json_body == before


def test_platform_admin_may_set_any_profile(client, accounts):
    response = put_profile(client, accounts["platform_admin"], "310101002001", {"households": 900})
    assert response.status_code == 200


def test_community_type_of_a_street_breaks_a_rule(client, accounts):
    response = put_profile(client, accounts["district_admin"], "310110012", {"community_type": "mixed"})
    assert response.status_code == 422
    assert response.json_body["code"] == "rule_violated"


def test_profile_of_an_unknown_division_is_404(client, accounts):
    assert put_profile(client, accounts["district_admin"], "310110012999", {"population": 1}).status_code == 404


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"x" * (256 * 1024 + 1), "application/json", 413),
        (b"population=1", "application/x-www-form-urlencoded", 415),
        (b'{"population": 1}', "text/plain", 415),
        (b"{population: 1}", "application/json", 400),
        (b'{"population": 1, "version": 0}', "application/json", 400),
        (b'{"population": 1, "name": "\xff\xfe"}', "application/json", 400),
        (b'{"population": 1.5}', "application/json", 400),
        (b'{"population": -3}', "application/json", 400),
        (b'{"community_type": "villa"}', "application/json", 400),
        (b"{}", "application/json", 400),
        (b"[]", "application/json", 400),
        (b"", "application/json", 400),
    ],
)
def test_bad_input_gets_a_4xx_with_the_error_shape_and_changes_nothing(client, accounts, body, content_type, status):
    before = get(client, "310110012005").json_body
    response = put_profile(client, accounts["district_admin"], "310110012005", body, content_type)
    assert response.status_code == status
    assert set(response.json_body) == {"code", "message", "details", "correlation_id"}
    assert get(client, "310110012005").json_body == before


def test_validation_details_name_each_field_in_both_languages(client, accounts):
    response = put_profile(client, accounts["district_admin"], "310110012005", {"population": -1, "hack": True})
    details = {d["field"]: d for d in response.json_body["details"]}
    assert set(details) == {"population", "hack"}
    assert details["hack"]["message_zh"] == "不允许的字段"
    assert details["population"]["message"]
