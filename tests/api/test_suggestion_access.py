"""Who may see and act on a suggestion, as a matrix over accounts, routes and actions.

Officials act only inside their jurisdiction and residents see only their own cases;
anything else is answered 404 with the error shape, exactly as if the case did not exist,
and leaves the case as it was. The review routes are read from the app itself, so a new
review route fails here until it is added to the matrix.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from app import app
from chalicelib.suggestions import rules
from chalicelib.suggestions.models import Action, ActionRequest
from tests.api.helpers import assert_error, shanghai_date
from tests.api.suggestion_helpers import (
    KONGJIANG_COMMITTEE,
    KONGJIANG_STREET,
    OTHER_KONGJIANG_COMMITTEE,
    YANJI_STREET,
    detail,
    get,
    post,
    submit,
)

MAX_PAGES = 50
CATEGORY = "public_safety"
STAFF_PHONE = "+8613912345678"
STAFF_PHONE_DIGITS = b"13912345678"

# Every review route of the app, with the test below that puts it through the matrix.
REVIEW_ROUTES = {
    ("GET", "/review/suggestions"): "test_the_queue_lists_a_case_only_inside_the_jurisdiction",
    ("POST", "/review/suggestions/{id}/{action}"): "test_officials_of_other_streets_cannot_act_on_a_case",
    # Each action's own operation answers the same URLs the test calls.
    **{("POST", f"/review/suggestions/{{id}}/{action.value}"): "test_officials_of_other_streets_cannot_act_on_a_case"
       for action in Action},
}
OUTSIDERS = ("foreign_street_official", "neighbour_street_official")


def valid_body(action: Action, version: int, other_case: str) -> dict:
    """A body a 控江路街道 official could send for `action`: only jurisdiction can refuse it."""
    bodies = {
        Action.accept: {},
        Action.decline: {"reason": "不属于人民建议征集范围"},
        Action.assign: {"committee": KONGJIANG_COMMITTEE},
        Action.transfer: {"to_street": YANJI_STREET, "reason": "地址属于延吉新村街道"},
        Action.return_: {"reason": "经核实不属于本街道"},
        Action.merge: {"into": other_case, "reason": "与已受理建议相同"},
        Action.reply: {"message": "已安排整改。", "adoption": "adopted"},
        Action.extend: {"days": 10, "reason": "需协调多个部门"},
        Action.close: {},
        Action.reopen: {"reason": "居民反映问题仍未解决"},
    }
    assert set(bodies) == set(Action), "a new action needs a valid body here"
    return {**bodies[action], "version": version}


def queue_pages(client, account, **params) -> list:
    """Every page of the caller's queue for these filters, as (raw body, items)."""
    pages, cursor = [], None
    for _ in range(MAX_PAGES):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = get(client, "/review/suggestions?" + urlencode(query), account)
        assert response.status_code == 200, response.body
        page = response.json_body
        pages.append((response.body, page["items"]))
        cursor = page["next_cursor"]
        if not cursor:
            return pages
    raise AssertionError(f"the queue has more than {MAX_PAGES} pages for {params}")


def queue_ids(client, account, **params) -> list[str]:
    return [item["id"] for _, items in queue_pages(client, account, **params) for item in items]


def mine_ids(client, account) -> list[str]:
    ids, cursor = [], None
    for _ in range(MAX_PAGES):
        response = get(client, "/suggestions/mine?" + urlencode({"limit": 100, **({"cursor": cursor} if cursor else {})}),
                       account)
        assert response.status_code == 200, response.body
        ids += [item["id"] for item in response.json_body["items"]]
        cursor = response.json_body["next_cursor"]
        if not cursor:
            return ids
    raise AssertionError("too many pages of /suggestions/mine")


def state(client, account, case_id: str) -> tuple[str, int]:
    seen = detail(client, account, case_id)
    return seen["status"], seen["version"]


# --- the matrix covers every review route ------------------------------------------------


def test_every_review_route_is_in_the_matrix():
    routes = {
        (method, path)
        for path, methods in app.routes.items()
        if path.startswith("/review/suggestions")
        for method in methods
    }
    assert routes == set(REVIEW_ROUTES), f"review routes not covered by the access matrix: {routes - set(REVIEW_ROUTES)}"
    assert {name for name in REVIEW_ROUTES.values() if name not in globals()} == set()


@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
def test_every_action_has_a_body_that_passes_validation(action):
    body = valid_body(action, 1, "01JD0000000000000000000000")
    assert rules.missing_fields(action, ActionRequest.model_validate(body).model_dump(mode="json")) == []


# --- officials of other streets ----------------------------------------------------------


@pytest.mark.parametrize("outsider", OUTSIDERS)
@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
def test_officials_of_other_streets_cannot_act_on_a_case(client, accounts, outsider, action):
    street = accounts["street_official"]
    case = submit(client, accounts["resident"], category=CATEGORY)
    other = submit(client, accounts["resident"], category=CATEGORY)
    before = state(client, street, case["id"])

    response = post(client, f"/review/suggestions/{case['id']}/{action.value}", accounts[outsider],
                    valid_body(action, before[1], other["id"]))

    assert_error(response, 404, "not_found")
    assert state(client, street, case["id"]) == before
    assert state(client, street, other["id"]) == ("submitted", 1)


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_officials_of_other_streets_cannot_see_a_case(client, accounts, outsider):
    case = submit(client, accounts["resident"], category=CATEGORY)
    before = state(client, accounts["street_official"], case["id"])

    for reference in (case["id"], case["tracking_no"]):
        assert_error(get(client, f"/suggestions/{reference}", accounts[outsider]), 404, "not_found")
    assert state(client, accounts["street_official"], case["id"]) == before


def test_the_queue_lists_a_case_only_inside_the_jurisdiction(client, accounts):
    case = submit(client, accounts["resident"], category=CATEGORY)
    today = shanghai_date(case["submitted_at"])
    filters = {"submitted_from": today, "submitted_to": today, "category": CATEGORY, "limit": 100}

    for insider in ("street_official", "district_admin", "platform_admin", "committee_staff"):
        assert case["id"] in queue_ids(client, accounts[insider], **filters), insider
    for outsider in ("foreign_street_official", "foreign_district_admin", "neighbour_street_official",
                     "other_committee_staff"):
        assert case["id"] not in queue_ids(client, accounts[outsider], **filters), outsider
        assert case["id"] not in queue_ids(client, accounts[outsider]), outsider
    assert case["id"] in queue_ids(client, accounts["street_official"], division=KONGJIANG_COMMITTEE, **filters)


@pytest.mark.parametrize(
    ("account", "division"),
    [
        ("foreign_street_official", KONGJIANG_STREET),
        ("foreign_street_official", KONGJIANG_COMMITTEE),
        ("foreign_district_admin", KONGJIANG_STREET),
        ("neighbour_street_official", KONGJIANG_STREET),
        ("other_committee_staff", KONGJIANG_COMMITTEE),
        ("committee_staff", KONGJIANG_STREET),
        # Asking for the queue above one's own jurisdiction is asking outside it.
        ("street_official", "310110"),
        ("district_admin", "31"),
    ],
)
def test_a_queue_outside_the_jurisdiction_is_not_found(client, accounts, account, division):
    response = get(client, "/review/suggestions?" + urlencode({"division": division}), accounts[account])
    assert_error(response, 404, "not_found")


# --- residents ---------------------------------------------------------------------------


def test_a_resident_never_sees_or_rates_another_residents_case(client, accounts):
    owner, other, street = accounts["resident"], accounts["other_resident"], accounts["street_official"]
    case = submit(client, owner, category=CATEGORY)
    post(client, f"/review/suggestions/{case['id']}/accept", street, {})
    replied = post(client, f"/review/suggestions/{case['id']}/reply", street, {"message": "已处理。", "adoption": "adopted"})
    assert replied.status_code == 200, replied.body
    before = state(client, street, case["id"])

    for reference in (case["id"], case["tracking_no"]):
        assert_error(get(client, f"/suggestions/{reference}", other), 404, "not_found")
        assert_error(post(client, f"/suggestions/{reference}/rating", other, {"score": 1}), 404, "not_found")

    assert case["id"] not in mine_ids(client, other)
    assert case["id"] in mine_ids(client, owner)
    assert state(client, street, case["id"]) == before
    assert detail(client, owner, case["id"])["can_rate"] is True


@pytest.mark.parametrize("route", sorted(REVIEW_ROUTES))
def test_residents_may_not_use_review_routes(client, accounts, route):
    case = submit(client, accounts["resident"], category=CATEGORY)
    method, template = route
    action = template.rsplit("/", 1)[1].replace("{action}", "accept")
    path = template.replace("{id}", case["id"]).replace("{action}", action)
    # A body the action's own schema takes, so that only the caller's role can refuse it.
    body = valid_body(Action(action), 1, case["id"]) if method == "POST" else {}
    for name in ("resident", "other_resident"):
        account = accounts[name]
        response = get(client, path, account) if method == "GET" else post(client, path, account, body)
        assert_error(response, 403, "forbidden")
    assert state(client, accounts["street_official"], case["id"]) == ("submitted", 1)


@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
def test_residents_may_not_act_on_even_their_own_case(client, accounts, action):
    case = submit(client, accounts["resident"], category=CATEGORY)
    other = submit(client, accounts["resident"], category=CATEGORY)
    response = post(client, f"/review/suggestions/{case['id']}/{action.value}", accounts["resident"],
                    valid_body(action, 1, other["id"]))
    assert_error(response, 403, "forbidden")
    assert state(client, accounts["street_official"], case["id"]) == ("submitted", 1)


# --- staff entry and the submitter's phone -----------------------------------------------


def staff_entry(**overrides) -> dict:
    return {
        "title": "小区门口路灯不亮",
        "content": "居民来信：控江路某小区门口路灯已坏两周，夜间出行不安全。",
        "category": CATEGORY,
        "division": KONGJIANG_COMMITTEE,
        "channel": "paper",
        "submitter_phone": STAFF_PHONE,
        **overrides,
    }


def test_officials_see_the_phone_of_a_paper_entry_only_masked(client, accounts):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    entered = post(client, "/suggestions", staff, staff_entry())
    assert entered.status_code == 201, entered.body
    assert STAFF_PHONE_DIGITS not in entered.body
    case_id = entered.json_body["id"]
    today = shanghai_date(entered.json_body["submitted_at"])

    accepted = post(client, f"/review/suggestions/{case_id}/accept", street, {})
    assert accepted.status_code == 200, accepted.body
    assert STAFF_PHONE_DIGITS not in accepted.body

    for name in ("committee_staff", "street_official", "district_admin", "platform_admin"):
        official = accounts[name]
        shown = get(client, f"/suggestions/{case_id}", official)
        assert shown.status_code == 200, shown.body
        assert shown.json_body["submitter_phone_masked"] == "139****5678"
        assert shown.json_body["channel"] == "paper"
        assert STAFF_PHONE_DIGITS not in shown.body, name

        pages = queue_pages(client, official, submitted_from=today, submitted_to=today, category=CATEGORY, limit=100)
        listed = [item for _, items in pages for item in items if item["id"] == case_id]
        assert [item["submitter_phone_masked"] for item in listed] == ["139****5678"], name
        assert all(STAFF_PHONE_DIGITS not in raw for raw, _ in pages), name


def test_staff_enter_suggestions_only_inside_their_jurisdiction(client, accounts):
    staff = accounts["committee_staff"]
    before = queue_ids(client, accounts["street_official"], division=OTHER_KONGJIANG_COMMITTEE, category=CATEGORY,
                       limit=100)
    response = post(client, "/suggestions", staff, staff_entry(division=OTHER_KONGJIANG_COMMITTEE))
    assert_error(response, 404, "not_found")
    after = queue_ids(client, accounts["street_official"], division=OTHER_KONGJIANG_COMMITTEE, category=CATEGORY,
                      limit=100)
    assert after == before


def test_a_staff_entry_needs_the_residents_phone(client, accounts):
    body = staff_entry()
    del body["submitter_phone"]
    error = assert_error(post(client, "/suggestions", accounts["committee_staff"], body), 400, "validation_failed")
    assert "submitter_phone" in [d["field"] for d in error["details"]]


def test_a_resident_does_not_send_a_submitter_phone(client, accounts):
    resident = accounts["resident"]
    before = mine_ids(client, resident)
    body = {**staff_entry(), "channel": "web"}
    error = assert_error(post(client, "/suggestions", resident, body), 400, "validation_failed")
    assert "submitter_phone" in [d["field"] for d in error["details"]]
    assert mine_ids(client, resident) == before
