"""Every bad input to the suggestion loop gets a 4xx with the error shape and changes nothing.

Submissions are checked against the resident's own list (the same newest cases before and
after), actions and ratings against the case's status and version as an official sees it.
"""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import urlencode

import pytest

from chalicelib.clock import SHANGHAI
from tests.api.helpers import assert_error
from tests.api.suggestion_helpers import (
    KONGJIANG_COMMITTEE,
    YANJI_STREET,
    act,
    detail,
    get,
    post,
    submit,
    suggestion,
)

BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def fields_of(error: dict) -> list[str]:
    return [d.get("field") for d in error["details"]]


def mine_first_page(client, account) -> list[str]:
    response = get(client, "/suggestions/mine?limit=20", account)
    assert response.status_code == 200, response.body
    return [item["id"] for item in response.json_body["items"]]


def state(client, account, case_id: str) -> tuple[str, int, int]:
    seen = detail(client, account, case_id)
    return seen["status"], seen["version"], seen["rating"]["count"]


def photo_key_of(account, index: int = 0) -> str:
    return f"uploads/photos/{account.user_id}/01JD{index:022d}.jpg"


# --- submissions -------------------------------------------------------------------------

WHITESPACE = ("", " ", "   \t\n", "\u3000\u3000")


def submission_cases(accounts) -> dict:
    """name → (body, expected status, a field the details must name or None)."""
    other = accounts["other_resident"]
    cases = {}
    for index, blank in enumerate(WHITESPACE):
        cases[f"blank-title-{index}"] = (suggestion(title=blank), 400, "title")
        cases[f"blank-content-{index}"] = (suggestion(content=blank), 400, "content")
    cases.update({
        "title-101": (suggestion(title="路" * 101), 400, "title"),
        "content-5001": (suggestion(content="灯" * 5001), 400, "content"),
        "missing-title": ({k: v for k, v in suggestion().items() if k != "title"}, 400, "title"),
        "unknown-category": (suggestion(category="roads"), 400, "category"),
        "unknown-division": (suggestion(division="310110012999"), 422, "division"),
        "malformed-division-abc": (suggestion(division="abc"), 400, "division"),
        "malformed-division-district": (suggestion(division="310110"), 400, "division"),
        "malformed-division-fullwidth-digits": (suggestion(division="３１０１１００１２００１"), 400, "division"),
        "ten-photos": (suggestion(photos=[photo_key_of(accounts["resident"], i) for i in range(10)]), 400, "photos"),
        "someone-elses-photo": (suggestion(photos=[photo_key_of(other)]), 422, "photos.0"),
        "unknown-field": (suggestion(status="closed"), 400, "status"),
        "title-number": (suggestion(title=123), 400, "title"),
        "category-number": (suggestion(category=5), 400, "category"),
        "division-number": (suggestion(division=310110012001), 400, "division"),
        "photos-string": (suggestion(photos="uploads/photos/x.jpg"), 400, "photos"),
        "consent-word": (suggestion(publish_consent="maybe"), 400, "publish_consent"),
        "staff-channel": (suggestion(channel="paper"), 400, "channel"),
        "unknown-channel": (suggestion(channel="wechat"), 400, "channel"),
        "location-empty": (suggestion(location="  "), 400, "location"),
        "array-body": ([suggestion()], 400, None),
        "string-body": ("a suggestion", 400, None),
        "null-body": (None, 400, None),
    })
    return cases


SUBMISSION_CASE_NAMES = [
    *(f"blank-{part}-{i}" for i in range(len(WHITESPACE)) for part in ("title", "content")),
    "title-101", "content-5001", "missing-title", "unknown-category", "unknown-division", "malformed-division-abc",
    "malformed-division-district", "malformed-division-fullwidth-digits", "ten-photos", "someone-elses-photo",
    "unknown-field", "title-number", "category-number", "division-number", "photos-string", "consent-word",
    "staff-channel", "unknown-channel", "location-empty", "array-body", "string-body", "null-body",
]


@pytest.mark.parametrize("name", SUBMISSION_CASE_NAMES)
def test_a_bad_submission_is_refused_and_stores_nothing(client, accounts, name):
    resident = accounts["resident"]
    body, status, field = submission_cases(accounts)[name]
    before = mine_first_page(client, resident)

    error = assert_error(post(client, "/suggestions", resident, body), status)

    if field:
        assert field in fields_of(error), error
    assert mine_first_page(client, resident) == before


@pytest.mark.parametrize(
    ("raw", "content_type", "status"),
    [
        (b"title=abc&content=def", "application/json", 400),
        (b"{\"title\": ", "application/json", 400),
        (b"", "application/json", 400),
        (b"\xff\xfe{}", "application/json", 400),
        (b'{"title": NaN}', "application/json", 400),
        (json.dumps(suggestion()).encode(), "text/plain", 415),
        (json.dumps(suggestion()).encode(), "application/x-www-form-urlencoded", 415),
    ],
    ids=["form-encoded", "truncated", "empty", "not-utf8", "nan", "text-plain", "form-content-type"],
)
def test_a_body_that_is_not_json_is_refused(client, accounts, raw, content_type, status):
    resident = accounts["resident"]
    before = mine_first_page(client, resident)
    response = client.http.post("/suggestions", body=raw, headers={"Content-Type": content_type, **resident.headers})
    assert_error(response, status)
    assert mine_first_page(client, resident) == before


# --- ratings -----------------------------------------------------------------------------


def replied_case(client, accounts) -> str:
    street = accounts["street_official"]
    case_id = submit(client, accounts["resident"])["id"]
    act(client, street, case_id, "accept")
    act(client, street, case_id, "reply", {"message": "已安排施工。", "adoption": "adopted"})
    return case_id


@pytest.mark.parametrize(
    "body",
    [{"score": 0}, {"score": 6}, {"score": -1}, {"score": "5"}, {"score": 4.5}, {"score": True}, {"score": None}, {},
     {"score": 4, "comment": ""}, {"score": 4, "comment": "好" * 501}, {"score": 4, "stars": 4}],
    ids=["0", "6", "negative", "string-5", "4.5", "true", "null", "missing", "empty-comment", "long-comment", "unknown-field"],
)
def test_a_bad_rating_is_refused_and_changes_nothing(client, accounts, body):
    resident, street = accounts["resident"], accounts["street_official"]
    case_id = replied_case(client, accounts)
    before = state(client, street, case_id)

    error = assert_error(post(client, f"/suggestions/{case_id}/rating", resident, body), 400, "validation_failed")

    assert {f.split(".")[0] for f in fields_of(error)} <= {"score", "comment", "stars"}
    assert state(client, street, case_id) == before == ("replied", before[1], 0)
    assert detail(client, resident, case_id)["can_rate"] is True


def test_a_second_rating_of_the_same_reply_is_refused(client, accounts):
    resident, street = accounts["resident"], accounts["street_official"]
    case_id = replied_case(client, accounts)
    first = post(client, f"/suggestions/{case_id}/rating", resident, {"score": 4})
    assert first.status_code == 201, first.body
    before = state(client, street, case_id)

    assert_error(post(client, f"/suggestions/{case_id}/rating", resident, {"score": 1}), 409, "already_rated")

    assert state(client, street, case_id) == before == ("replied", before[1], 1)
    assert detail(client, resident, case_id)["can_rate"] is False


@pytest.mark.parametrize("status", ["submitted", "accepted"])
def test_a_rating_before_any_reply_is_refused(client, accounts, status):
    resident, street = accounts["resident"], accounts["street_official"]
    case_id = submit(client, resident)["id"]
    if status == "accepted":
        act(client, street, case_id, "accept")
    before = state(client, street, case_id)

    assert_error(post(client, f"/suggestions/{case_id}/rating", resident, {"score": 5}), 409)

    assert state(client, street, case_id) == before
    assert before[0] == status


# --- review actions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "body", "field"),
    [
        ("decline", {}, "reason"),
        ("transfer", {"to_street": YANJI_STREET}, "reason"),
        ("transfer", {"reason": "不属于本街道"}, "to_street"),
        ("return", {}, "reason"),
        ("reopen", {}, "reason"),
        ("extend", {"days": 10}, "reason"),
        ("extend", {"reason": "需协调多个部门"}, "days"),
        ("merge", {}, "into"),
        ("reply", {"message": "已处理。"}, "adoption"),
        ("reply", {"adoption": "adopted"}, "message"),
        ("reply", {"message": "暂不具备条件。", "adoption": "not_adopted"}, "reason"),
        ("reply", {"message": "部分采纳。", "adoption": "partly_adopted"}, "reason"),
        ("reply", {"message": "已处理。", "adoption": "maybe"}, "adoption"),
        ("assign", {}, "committee|department"),
        ("assign", {"committee": KONGJIANG_COMMITTEE, "department": "城建办"}, "committee|department"),
        ("assign", {"committee": "310110012"}, "committee"),
        ("transfer", {"to_street": "310110012001", "reason": "x"}, "to_street"),
        ("extend", {"days": 31, "reason": "需协调多个部门"}, "days"),
        ("extend", {"days": 0, "reason": "需协调多个部门"}, "days"),
        ("decline", {"reason": "   "}, "reason"),
        ("decline", {"reason": "不属于征集范围", "priority": "high"}, "priority"),
        ("accept", {"version": -1}, "version"),
        ("accept", {"version": "latest"}, "version"),
        ("accept", {"version": "1"}, "version"),
        ("accept", {"version": True}, "version"),
        ("extend", {"days": "10", "reason": "需协调多个部门"}, "days"),
        ("extend", {"days": 10.0, "reason": "需协调多个部门"}, "days"),
        ("merge", {"into": "not-a-ulid"}, "into"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_an_action_without_what_it_needs_is_refused(client, accounts, action, body, field):
    street = accounts["street_official"]
    case_id = submit(client, accounts["resident"])["id"]
    before = state(client, street, case_id)

    error = assert_error(post(client, f"/review/suggestions/{case_id}/{action}", street, body), 400)

    assert field in fields_of(error), error
    assert state(client, street, case_id) == before


@pytest.mark.parametrize("name", ["approve", "Accept", "return_", "delete"])
def test_an_unknown_action_is_refused(client, accounts, name):
    street = accounts["street_official"]
    case_id = submit(client, accounts["resident"])["id"]
    before = state(client, street, case_id)
    assert_error(post(client, f"/review/suggestions/{case_id}/{name}", street, {}), 400, "bad_request")
    assert state(client, street, case_id) == before


def test_an_action_the_status_does_not_allow_is_a_conflict_naming_the_allowed_ones(client, accounts):
    street = accounts["street_official"]
    case_id = submit(client, accounts["resident"])["id"]
    before = state(client, street, case_id)

    error = assert_error(post(client, f"/review/suggestions/{case_id}/close", street, {}), 409)

    assert "accept" in error["details"][0]["allowed_actions"]
    assert "close" not in error["details"][0]["allowed_actions"]
    assert state(client, street, case_id) == before


def test_a_second_extension_is_a_conflict(client, accounts):
    street = accounts["street_official"]
    case_id = submit(client, accounts["resident"])["id"]
    act(client, street, case_id, "accept")
    act(client, street, case_id, "extend", {"days": 5, "reason": "需协调多个部门"})
    before = state(client, street, case_id)

    error = assert_error(post(client, f"/review/suggestions/{case_id}/extend", street,
                              {"days": 5, "reason": "还需协调"}), 409)

    assert "extend" not in error["details"][0]["allowed_actions"]
    assert state(client, street, case_id) == before


@pytest.mark.parametrize("offset", [-1, 1])
def test_a_stale_version_is_a_conflict(client, accounts, offset):
    street = accounts["street_official"]
    case_id = submit(client, accounts["resident"])["id"]
    act(client, street, case_id, "accept")
    before = state(client, street, case_id)

    error = assert_error(post(client, f"/review/suggestions/{case_id}/assign", street,
                              {"committee": KONGJIANG_COMMITTEE, "version": before[1] + offset}), 409)

    assert error["details"][0]["current_version"] == before[1]
    assert state(client, street, case_id) == before


@pytest.mark.parametrize(
    ("action", "body"),
    [("assign", {"committee": "310110015001"}), ("transfer", {"to_street": "310110999", "reason": "x"}),
     ("assign", {"committee": "310110012999"})],
    ids=["committee-of-another-street", "unknown-street", "unknown-committee"],
)
def test_an_action_naming_a_division_it_may_not_use_is_refused(client, accounts, action, body):
    street = accounts["street_official"]
    case_id = submit(client, accounts["resident"])["id"]
    act(client, street, case_id, "accept")
    before = state(client, street, case_id)

    assert_error(post(client, f"/review/suggestions/{case_id}/{action}", street, body), 422, "rule_violated")

    assert state(client, street, case_id) == before


# --- cursors and queue filters -----------------------------------------------------------


def tampered(cursor: str) -> str:
    """One character of the payload changed to another of the cursor's alphabet."""
    position = len(cursor.split(".")[0]) // 2
    replacement = "A" if cursor[position] != "A" else "B"
    return cursor[:position] + replacement + cursor[position + 1:]


def shanghai_today(client, accounts) -> str:
    receipt = submit(client, accounts["resident"])
    instant = datetime.fromisoformat(receipt["submitted_at"].replace("Z", "+00:00"))
    return instant.astimezone(SHANGHAI).date().isoformat()


def first_cursor(client, account, path: str, params: dict) -> str:
    response = get(client, f"{path}?{urlencode(params)}", account)
    assert response.status_code == 200, response.body
    assert response.json_body["next_cursor"], "need a second page"
    return response.json_body["next_cursor"]


def test_a_tampered_cursor_on_my_suggestions_is_refused(client, accounts):
    resident = accounts["resident"]
    submit(client, resident)
    submit(client, resident)
    cursor = first_cursor(client, resident, "/suggestions/mine", {"limit": 1})

    good = get(client, "/suggestions/mine?" + urlencode({"limit": 1, "cursor": cursor}), resident)
    assert good.status_code == 200, good.body
    for bad in (tampered(cursor), cursor + "A", cursor.split(".")[0], "not-a-cursor", "a.b.c"):
        response = get(client, "/suggestions/mine?" + urlencode({"limit": 1, "cursor": bad}), resident)
        assert_error(response, 400, "invalid_cursor")
    # Another resident's cursor is not theirs to use.
    other = get(client, "/suggestions/mine?" + urlencode({"limit": 1, "cursor": cursor}), accounts["other_resident"])
    assert_error(other, 400, "invalid_cursor")


def test_a_tampered_cursor_on_the_queue_is_refused(client, accounts):
    street = accounts["street_official"]
    today = shanghai_today(client, accounts)
    shanghai_today(client, accounts)
    params = {"limit": 1, "submitted_from": today, "submitted_to": today, "category": "transport"}
    cursor = first_cursor(client, street, "/review/suggestions", params)

    good = get(client, "/review/suggestions?" + urlencode({**params, "cursor": cursor}), street)
    assert good.status_code == 200, good.body
    response = get(client, "/review/suggestions?" + urlencode({**params, "cursor": tampered(cursor)}), street)
    assert_error(response, 400, "invalid_cursor")
    # A cursor belongs to the query that produced it: other filters or another official refuse it.
    response = get(client, "/review/suggestions?" + urlencode({**params, "category": "health", "cursor": cursor}), street)
    assert_error(response, 400, "invalid_cursor")
    response = get(client, "/review/suggestions?" + urlencode({**params, "cursor": cursor}), accounts["district_admin"])
    assert_error(response, 400, "invalid_cursor")


def test_a_cursor_of_my_suggestions_is_refused_by_the_queue(client, accounts):
    resident = accounts["resident"]
    submit(client, resident)
    submit(client, resident)
    cursor = first_cursor(client, resident, "/suggestions/mine", {"limit": 1})
    response = get(client, "/review/suggestions?" + urlencode({"limit": 1, "cursor": cursor}), accounts["street_official"])
    assert_error(response, 400, "invalid_cursor")


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"submitted_from": "2026-11-02", "submitted_to": "2026-11-01"}, 400, "submitted_to"),
        ({"sort": "deadline", "status": "closed"}, 422, "status"),
        ({"sort": "deadline", "status": "declined"}, 422, "status"),
        ({"sort": "newest"}, 400, "sort"),
        ({"status": "approved"}, 400, "status"),
        ({"category": "roads"}, 400, "category"),
        ({"division": "abc"}, 400, "division"),
        ({"submitted_from": "2026-13-01"}, 400, "submitted_from"),
        # Shanghai's midnight of these days is outside the range of Python's datetime in UTC.
        ({"submitted_from": "0001-01-01"}, 400, "submitted_from"),
        ({"submitted_to": "9999-12-31"}, 400, "submitted_to"),
        ({"overdue": "perhaps"}, 400, "overdue"),
        ({"limit": "0"}, 400, "limit"),
        ({"limit": "101"}, 400, "limit"),
        ({"page": "2"}, 400, "page"),
    ],
    ids=["from-after-to", "deadline-closed", "deadline-declined", "unknown-sort", "unknown-status", "unknown-category",
         "malformed-division", "bad-date", "year-1", "year-9999", "bad-overdue", "limit-0", "limit-101", "unknown-param"],
)
def test_a_bad_queue_query_is_refused(client, accounts, params, status, field):
    error = assert_error(get(client, "/review/suggestions?" + urlencode(params), accounts["street_official"]), status)
    assert field in fields_of(error), error
