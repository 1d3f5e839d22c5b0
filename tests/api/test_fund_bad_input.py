"""Every bad input to autonomy funds gets a 4xx with the error shape and changes nothing.

After each refusal the application is read again (status, version, money, objections,
report, timeline) and so is its pool (the four figures and the number of ledger entries);
a refused draft must leave the resident's list and the pool as they were.
"""

from __future__ import annotations

import json
import uuid

import boto3
import pytest
import requests
from ulid import ULID

from tests.api.fund_helpers import (
    COMMITTEE,
    act,
    all_pages,
    application,
    create_pool,
    detail,
    new_application,
    pool,
    upload_receipt,
)
from tests.api.helpers import assert_error, put
from tests.api.suggestion_helpers import get, post

# Pools are one per committee and year in a table the whole session shares, so these
# tests keep to years of their own; NO_POOL_YEAR never gets a pool for COMMITTEE.
YEAR = 2037
CAP_YEAR = 2038
NO_POOL_YEAR = 2039
ALLOCATED = 50_000_000
APPLICATION_CAP = 2_000_000
TEAM_CAP = 3_000_000
# 沧州路一八零弄居委会: a committee of the same street that only the refused creations here touch.
POOL_LESS_COMMITTEE = "310110012008"
BLANKS = ("", "   ", "\u3000\u3000")
UNKNOWN_ID = "01JD0000000000000000000000"


def detail_types(error: dict) -> list[str]:
    return [d["type"] for d in error["details"]]


def detail_fields(error: dict) -> list[str]:
    return [d["field"] for d in error["details"]]


def team_name() -> str:
    # Each application its own team, so that only the cap test reaches a team's yearly cap.
    return f"楼组议事队{uuid.uuid4().hex[:8]}"


def ensure_pool(client, accounts, at, year: int = YEAR) -> None:
    at(f"{year}-01-05T09:00:00")
    if get(client, f"/funds/pools/{COMMITTEE}/{year}", accounts["street_official"]).status_code == 404:
        create_pool(client, accounts["street_official"], year, ALLOCATED, per_application_cap_fen=APPLICATION_CAP,
                    per_team_cap_fen=TEAM_CAP)


def new_draft(client, accounts, at, year: int = YEAR, **overrides) -> dict:
    ensure_pool(client, accounts, at, year)
    at(f"{year}-03-02T10:00:00")
    return new_application(client, accounts["kongjiang_resident"], year, **{"team": team_name(), **overrides})


def new_in_notice(client, accounts, at, year: int = YEAR, **overrides) -> dict:
    """An application on public notice, the clock left inside the notice (until 9 March)."""
    created = new_draft(client, accounts, at, year, **overrides)
    submitted = act(client, accounts["kongjiang_resident"], created["id"], "submit", created["version"])
    return act(client, accounts["committee_staff"], created["id"], "recommend", submitted["version"])


def new_approved(client, accounts, at, year: int = YEAR, **overrides) -> dict:
    in_notice = new_in_notice(client, accounts, at, year, **overrides)
    at(f"{year}-03-20T10:00:00")
    return act(client, accounts["street_official"], in_notice["id"], "approve", in_notice["version"])


def new_in_progress(client, accounts, at) -> dict:
    approved = new_approved(client, accounts, at)
    funded = act(client, accounts["street_official"], approved["id"], "fund", approved["version"], advance_fen=0)
    return act(client, accounts["kongjiang_resident"], approved["id"], "start", funded["version"])


def ledger_count(client, account, year: int, committee: str = COMMITTEE) -> int:
    return len(all_pages(client, f"/funds/pools/{committee}/{year}/ledger?limit=100", account))


def pool_state(client, accounts, year: int = YEAR, committee: str = COMMITTEE) -> tuple:
    found = pool(client, accounts["street_official"], year, committee)
    figures = (found["allocated_fen"], found["available_fen"], found["committed_fen"], found["disbursed_fen"])
    return figures, found["per_application_cap_fen"], ledger_count(client, accounts["street_official"], year, committee)


def state(client, accounts, application_id: str, year: int = YEAR) -> tuple:
    """The application as its street sees it, with its pool."""
    seen = detail(client, accounts["street_official"], application_id)
    return ((seen["status"], seen["version"], seen["requested_fen"], seen["approved_fen"], seen["advance_fen"],
             seen["disbursed_fen"], seen["open_objections"], seen["objections"], seen["report"], seen["last_comment"],
             len(seen["timeline"])), pool_state(client, accounts, year))


def mine(client, account) -> list[str]:
    response = get(client, "/funds/applications/mine?limit=100", account)
    assert response.status_code == 200, response.body
    return [item["id"] for item in response.json_body["items"]]


def action(client, account, application_id: str, name: str, body):
    return post(client, f"/funds/applications/{application_id}/{name}", account, body)


# --- drafts ------------------------------------------------------------------------------------


def lines_of(*prices: int) -> list[dict]:
    return [{"item": f"预算项{i}", "unit_price_fen": price, "quantity": 1} for i, price in enumerate(prices)]


def draft_cases() -> dict:
    """name → (body, status, a detail type or field the error must name)."""
    base = application(YEAR)
    line = base["lines"][0]
    cases = {
        "lines-do-not-add-up": ({**base, "requested_fen": base["requested_fen"] - 1}, 400, "value_error"),
        "requested-zero": ({**base, "requested_fen": 0}, 400, "requested_fen"),
        "requested-negative": ({**base, "requested_fen": -800_000}, 400, "requested_fen"),
        "unit-price-zero": ({**base, "lines": [{**line, "unit_price_fen": 0}], "requested_fen": 0}, 400,
                            "lines.0.unit_price_fen"),
        "unit-price-negative": ({**base, "lines": [{**line, "unit_price_fen": -50_000, "quantity": 10},
                                                   *lines_of(1_300_000)], "requested_fen": 800_000}, 400,
                                "lines.0.unit_price_fen"),
        "quantity-zero": ({**base, "lines": [{**line, "quantity": 0}, *lines_of(800_000)]}, 400, "lines.0.quantity"),
        "unit-price-float": ({**base, "lines": [{**line, "unit_price_fen": 50_000.0}, base["lines"][1]]}, 400,
                             "lines.0.unit_price_fen"),
        "unit-price-fraction": ({**base, "lines": [{**line, "unit_price_fen": 50_000.5}, base["lines"][1]]}, 400,
                                "lines.0.unit_price_fen"),
        "unit-price-string": ({**base, "lines": [{**line, "unit_price_fen": "50000"}, base["lines"][1]]}, 400,
                              "lines.0.unit_price_fen"),
        "requested-float": ({**base, "requested_fen": 800_000.0}, 400, "requested_fen"),
        "requested-string": ({**base, "requested_fen": "800000"}, 400, "requested_fen"),
        "requested-yuan-string": ({**base, "requested_fen": "8000.00"}, 400, "requested_fen"),
        "requested-bool": ({**base, "lines": lines_of(1), "requested_fen": True}, 400, "requested_fen"),
        "no-lines": ({**base, "lines": [], "requested_fen": 800_000}, 400, "lines"),
        "over-application-cap": (application(YEAR, lines=lines_of(APPLICATION_CAP - 100_000, 100_001)), 422,
                                 "over_application_cap"),
        "starts-last-year": ({**base, "starts_on": f"{YEAR - 1}-12-31"}, 400, "value_error"),
        "ends-next-year": ({**base, "ends_on": f"{YEAR + 1}-01-01"}, 400, "value_error"),
        "ends-before-starts": ({**base, "starts_on": f"{YEAR}-10-01", "ends_on": f"{YEAR}-09-30"}, 400, "value_error"),
        "no-such-date": ({**base, "ends_on": f"{YEAR}-02-30"}, 400, "ends_on"),
        "no-pool": (application(NO_POOL_YEAR), 422, "no_pool"),
        "year-string": ({**base, "year": str(YEAR)}, 400, "year"),
        "unknown-field": ({**base, "status": "approved"}, 400, "status"),
        "approved-fen-given": ({**base, "approved_fen": 800_000}, 400, "approved_fen"),
        "unknown-team-field": ({**base, "team": {**base["team"], "phone": "13900000000"}}, 400, "team.phone"),
        "unknown-line-field": ({**base, "lines": [{**line, "total_fen": 500_000}, base["lines"][1]]}, 400,
                               "lines.0.total_fen"),
        "unknown-category": ({**base, "category": "banquet"}, 400, "category"),
        "missing-purpose": ({k: v for k, v in base.items() if k != "purpose"}, 400, "purpose"),
        "malformed-committee": ({**base, "committee": "310110012"}, 400, "committee"),
        "another-committee": ({**base, "committee": "310110012003"}, 403, None),
        "array-body": ([base], 400, None),
        "null-body": (None, 400, None),
    }
    for index, blank in enumerate(BLANKS):
        cases[f"blank-title-{index}"] = ({**base, "title": blank}, 400, "title")
        cases[f"blank-team-name-{index}"] = ({**base, "team": {**base["team"], "name": blank}}, 400, "team.name")
        cases[f"blank-lead-name-{index}"] = ({**base, "team": {**base["team"], "lead_name": blank}}, 400, "team.lead_name")
    return cases


DRAFT_CASES = draft_cases()


@pytest.mark.parametrize("name", list(DRAFT_CASES))
def test_a_bad_draft_is_refused_and_stores_nothing(client, accounts, at, name):
    resident = accounts["kongjiang_resident"]
    body, status, named = DRAFT_CASES[name]
    ensure_pool(client, accounts, at)
    at(f"{YEAR}-03-02T10:00:00")
    before, pool_before = mine(client, resident), pool_state(client, accounts)

    error = assert_error(post(client, "/funds/applications", resident, body), status)

    if named:
        assert named in detail_fields(error) + detail_types(error), error
    assert mine(client, resident) == before
    assert pool_state(client, accounts) == pool_before
    assert get(client, f"/funds/pools/{COMMITTEE}/{NO_POOL_YEAR}", accounts["street_official"]).status_code == 404


@pytest.mark.parametrize(
    ("raw", "content_type", "status"),
    [(b'{"committee": ', "application/json", 400), (b"committee=310110012001", "application/json", 400),
     (b"", "application/json", 400), (b"\xff\xfe{}", "application/json", 400),
     (b'{"requested_fen": NaN}', "application/json", 400), (json.dumps(application(YEAR)).encode(), "text/plain", 415)],
    ids=["truncated", "form-encoded", "empty", "not-utf8", "nan", "text-plain"],
)
def test_a_draft_that_is_not_json_is_refused(client, accounts, at, raw, content_type, status):
    resident = accounts["kongjiang_resident"]
    ensure_pool(client, accounts, at)
    before = mine(client, resident)
    response = client.http.post("/funds/applications", body=raw, headers={"Content-Type": content_type, **resident.headers})
    assert_error(response, status)
    assert mine(client, resident) == before


def test_a_bad_edit_is_refused_and_changes_nothing(client, accounts, at):
    resident = accounts["kongjiang_resident"]
    draft = new_draft(client, accounts, at)
    path = f"/funds/applications/{draft['id']}"
    good = {**application(YEAR, team=draft["team_name"]), "title": "改过的标题", "version": draft["version"]}
    before = state(client, accounts, draft["id"])

    refusals = [
        ({**good, "version": draft["version"] + 1}, 409, None),
        ({**good, "version": 0}, 400, "version"),
        ({k: v for k, v in good.items() if k != "version"}, 400, "version"),
        ({**good, "requested_fen": good["requested_fen"] + 1}, 400, "value_error"),
        ({**good, "lines": lines_of(APPLICATION_CAP + 1), "requested_fen": APPLICATION_CAP + 1}, 422, "over_application_cap"),
        ({**good, "year": YEAR + 1, "starts_on": f"{YEAR + 1}-04-01", "ends_on": f"{YEAR + 1}-10-31"}, 422, "immutable"),
        ({**good, "status": "submitted"}, 400, "status"),
        (b'{"version": ', 400, None),
    ]
    for body, status, named in refusals:
        error = assert_error(put(client, path, resident, body), status)
        if named:
            assert named in detail_fields(error) + detail_types(error), (body, error)
        assert state(client, accounts, draft["id"]) == before, body

    submitted = act(client, resident, draft["id"], "submit", draft["version"])
    before = state(client, accounts, draft["id"])
    error = assert_error(put(client, path, resident, {**good, "version": submitted["version"]}), 409, "conflict")
    assert detail_types(error) == ["wrong_state"]
    assert state(client, accounts, draft["id"]) == before


def test_the_caps_hold_at_draft_submission_and_approval(client, accounts, at):
    resident, street = accounts["kongjiang_resident"], accounts["street_official"]
    team = f"Cap Team {uuid.uuid4().hex[:8]}"
    ensure_pool(client, accounts, at, CAP_YEAR)
    at(f"{CAP_YEAR}-03-02T10:00:00")
    # Three applications of one team while it has been granted nothing: each within the caps.
    first = new_in_notice(client, accounts, at, CAP_YEAR, team=team, lines=lines_of(APPLICATION_CAP))
    second = new_in_notice(client, accounts, at, CAP_YEAR, team=team, lines=lines_of(1_500_000))
    waiting = new_draft(client, accounts, at, CAP_YEAR, team=team, lines=lines_of(1_500_000))
    at(f"{CAP_YEAR}-03-20T10:00:00")
    act(client, street, first["id"], "approve", first["version"])

    # The team is now granted 2,000,000 of its 3,000,000: 1,500,000 more is over, however
    # its name is spaced or cased.
    before, pool_before = mine(client, resident), pool_state(client, accounts, CAP_YEAR)
    for spelling in (team, team.upper(), team.replace(" ", "  "), team.replace(" ", "\u3000"), f"{team[:4]} {team[4:]}"):
        body = application(CAP_YEAR, team=spelling, lines=lines_of(1_500_000))
        error = assert_error(post(client, "/funds/applications", resident, body), 422, "rule_violated")
        assert detail_types(error) == ["over_team_cap"], (spelling, error)
    assert mine(client, resident) == before
    assert pool_state(client, accounts, CAP_YEAR) == pool_before

    app_before = state(client, accounts, waiting["id"], CAP_YEAR)
    error = assert_error(action(client, resident, waiting["id"], "submit", {"version": waiting["version"]}), 422)
    assert detail_types(error) == ["over_cap"]
    assert state(client, accounts, waiting["id"], CAP_YEAR) == app_before

    # Approval checks the team's total again, in the same transaction that would commit the money.
    app_before = state(client, accounts, second["id"], CAP_YEAR)
    error = assert_error(action(client, street, second["id"], "approve", {"version": second["version"]}), 422)
    assert detail_types(error) == ["over_team_cap"]
    assert state(client, accounts, second["id"], CAP_YEAR) == app_before

    # Exactly up to the cap is still allowed.
    within = new_application(client, resident, CAP_YEAR, team=team.upper(), lines=lines_of(TEAM_CAP - APPLICATION_CAP))
    assert within["requested_fen"] == 1_000_000


# --- actions -----------------------------------------------------------------------------------


def test_actions_in_the_wrong_state_are_409_with_what_is_allowed(client, accounts, at):
    resident, staff, street = accounts["kongjiang_resident"], accounts["committee_staff"], accounts["street_official"]

    def refused(current: dict, account, name: str, allowed: list[str], body: dict | None = None) -> None:
        before = state(client, accounts, current["id"])
        response = action(client, account, current["id"], name, {"version": current["version"], **(body or {})})
        error = assert_error(response, 409, "conflict")
        assert error["details"][0]["allowed_actions"] == allowed, (name, error)
        assert state(client, accounts, current["id"]) == before, name

    draft = new_draft(client, accounts, at)
    refused(draft, street, "approve", [])
    refused(draft, staff, "recommend", [])
    refused(draft, resident, "start", ["submit", "withdraw"])
    refused(draft, resident, "report", ["submit", "withdraw"], {"report": {
        "expenses": [{"line": 0, "actual_fen": 0}], "participants": 1, "outcome": "尚未开始"}})
    submitted = act(client, resident, draft["id"], "submit", draft["version"])
    refused(submitted, resident, "submit", ["withdraw"])
    refused(submitted, street, "fund", ["return_for_changes", "recommend"], {"advance_fen": 0})
    refused(submitted, staff, "answer_objection", ["return_for_changes", "recommend"],
            {"objection_id": UNKNOWN_ID, "answer": "无"})
    in_notice = act(client, staff, draft["id"], "recommend", submitted["version"])
    refused(in_notice, staff, "recommend", ["answer_objection"])
    refused(in_notice, street, "close", ["answer_objection", "approve", "reject"])
    at(f"{YEAR}-03-20T10:00:00")
    approved = act(client, street, draft["id"], "approve", in_notice["version"])
    refused(approved, street, "approve", ["fund", "cancel"])
    refused(approved, street, "accept", ["fund", "cancel"])
    refused(approved, resident, "start", [])
    refused(approved, staff, "return_for_changes", [], {"reason": "再改改"})


def test_a_stale_version_is_409_and_changes_nothing(client, accounts, at):
    resident, staff = accounts["kongjiang_resident"], accounts["committee_staff"]
    draft = new_draft(client, accounts, at)
    submitted = act(client, resident, draft["id"], "submit", draft["version"])
    before = state(client, accounts, draft["id"])
    for version in (draft["version"], submitted["version"] + 1, 10**6):
        error = assert_error(action(client, staff, draft["id"], "recommend", {"version": version}), 409, "conflict")
        assert error["details"][0]["allowed_actions"] == ["return_for_changes", "recommend"]
        assert state(client, accounts, draft["id"]) == before, version
    for version in (0, -1, "2", 2.0, None):
        assert_error(action(client, staff, draft["id"], "recommend", {"version": version}), 400, "validation_failed")
    assert_error(action(client, staff, draft["id"], "recommend", {}), 400, "validation_failed")
    assert state(client, accounts, draft["id"]) == before


@pytest.mark.parametrize("name", ["explode", "return_", "Submit", "SUBMIT", "submit_", "objections2", "approve-now"])
def test_an_unknown_action_is_404_and_changes_nothing(client, accounts, at, name):
    draft = new_draft(client, accounts, at)
    before = state(client, accounts, draft["id"])
    response = action(client, accounts["kongjiang_resident"], draft["id"], name, {"version": draft["version"]})
    assert_error(response, 404, "not_found")
    assert state(client, accounts, draft["id"]) == before


def test_missing_or_blank_fields_of_an_action_are_refused(client, accounts, at):
    staff, street = accounts["committee_staff"], accounts["street_official"]

    def refused(current: dict, account, name: str, body: dict, status: int, field: str) -> None:
        before = state(client, accounts, current["id"])
        error = assert_error(action(client, account, current["id"], name, {"version": current["version"], **body}), status)
        assert field in detail_fields(error), (name, body, error)
        assert state(client, accounts, current["id"]) == before, (name, body)

    in_notice = new_in_notice(client, accounts, at)
    objection = post(client, f"/funds/applications/{in_notice['id']}/objections", accounts["kongjiang_neighbour"],
                     {"reason": "预算中的音响租赁费用偏高。"})
    assert objection.status_code == 201, objection.body
    objection_id = objection.json_body["id"]
    # Required by the answer_objection operation's own schema, so refused before any rule runs.
    refused(in_notice, staff, "answer_objection", {"answer": "已核实价格。"}, 400, "objection_id")
    refused(in_notice, staff, "answer_objection", {"objection_id": objection_id}, 400, "answer")
    for blank in BLANKS:
        refused(in_notice, staff, "answer_objection", {"objection_id": objection_id, "answer": blank}, 400, "answer")
    refused(in_notice, staff, "answer_objection", {"objection_id": "not-a-ulid", "answer": "已核实。"}, 400, "objection_id")
    # A well-formed id of no objection of this application.
    before = state(client, accounts, in_notice["id"])
    error = assert_error(action(client, staff, in_notice["id"], "answer_objection",
                                {"version": in_notice["version"], "objection_id": UNKNOWN_ID, "answer": "已核实。"}), 409)
    assert detail_types(error) == ["not_open"]
    assert state(client, accounts, in_notice["id"]) == before

    answered = act(client, staff, in_notice["id"], "answer_objection", in_notice["version"], objection_id=objection_id,
                   answer="已按市场价核实。")
    at(f"{YEAR}-03-20T10:00:00")
    refused(answered, street, "reject", {}, 400, "reason")
    for blank in BLANKS:
        refused(answered, street, "reject", {"reason": blank}, 400, "reason")
    refused(answered, street, "approve", {"extra": 1}, 400, "extra")
    approved = act(client, street, in_notice["id"], "approve", answered["version"])
    refused(approved, street, "fund", {}, 400, "advance_fen")
    refused(approved, street, "fund", {"advance_fen": approved["approved_fen"] + 1}, 422, "advance_fen")
    refused(approved, street, "fund", {"advance_fen": -1}, 400, "advance_fen")
    refused(approved, street, "fund", {"advance_fen": 100.0}, 400, "advance_fen")
    refused(approved, street, "fund", {"advance_fen": "100"}, 400, "advance_fen")
    refused(approved, street, "cancel", {}, 400, "reason")

    submitted = new_draft(client, accounts, at)
    submitted = act(client, accounts["kongjiang_resident"], submitted["id"], "submit", submitted["version"])
    refused(submitted, staff, "return_for_changes", {}, 400, "reason")


def test_an_advance_over_the_approved_amount_is_refused(client, accounts, at):
    street = accounts["street_official"]
    approved = new_approved(client, accounts, at)
    before = state(client, accounts, approved["id"])
    error = assert_error(action(client, street, approved["id"], "fund",
                                {"version": approved["version"], "advance_fen": approved["approved_fen"] + 1}), 422)
    assert detail_types(error) == ["over_approved"]
    assert state(client, accounts, approved["id"]) == before
    # The whole approved amount may be advanced.
    funded = act(client, street, approved["id"], "fund", approved["version"], advance_fen=approved["approved_fen"])
    assert funded["disbursed_fen"] == approved["approved_fen"]


def test_malformed_action_bodies_are_400(client, accounts, at):
    draft = new_draft(client, accounts, at)
    resident = accounts["kongjiang_resident"]
    before = state(client, accounts, draft["id"])
    for raw in (b'{"version": ', b"version=1", b"", b"[]", b"null", b'"submit"', b'{"version": NaN}'):
        response = client.http.post(f"/funds/applications/{draft['id']}/submit", body=raw,
                                    headers={"Content-Type": "application/json", **resident.headers})
        assert_error(response, 400)
    assert state(client, accounts, draft["id"]) == before


# --- completion reports ------------------------------------------------------------------------


def s3(stack):
    return boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)


def upload_photo(client, resident) -> str:
    form = post(client, "/uploads/photos", resident, {"content_type": "image/png", "size_bytes": 8}).json_body
    uploaded = requests.post(form["url"], data=form["fields"], files={"file": ("p.png", b"\x89PNG\r\n\x1a\n", "image/png")},
                             timeout=10)
    assert uploaded.status_code in (200, 201, 204), uploaded.text
    return form["key"]


def stored_receipt(stack, resident, body: bytes, content_type: str) -> str:
    """An object under one of the resident's receipt keys, put straight into the bucket.

    AWS S3 holds a presigned form to its Content-Type and size, but moto stores a POSTed
    object without evaluating the policy, so this stands for whatever might still reach
    the bucket; the report must check what is stored, not what was presigned."""
    key = f"uploads/receipts/{resident.user_id}/{ULID()}.pdf"
    s3(stack).put_object(Bucket=stack.attachments_bucket, Key=key, Body=body, ContentType=content_type)
    return key


def report_cases(client, accounts, stack) -> dict:
    """name → (report, status, detail type or field)."""
    resident, other = accounts["kongjiang_resident"], accounts["other_resident"]
    good = upload_receipt(client, resident)
    never_uploaded = f"uploads/receipts/{resident.user_id}/{ULID()}.pdf"

    def report(*expenses: dict, **fields) -> dict:
        return {"expenses": list(expenses), "participants": 30, "outcome": "完成 6 场演出。", **fields}

    return {
        "expense-without-receipt": (report({"line": 0, "actual_fen": 100_000}), 422, "receipt_required"),
        "unknown-line": (report({"line": 2, "actual_fen": 100_000, "receipts": [good]}), 422, "unknown_line"),
        "photo-as-receipt": (report({"line": 0, "actual_fen": 100_000, "receipts": [upload_photo(client, resident)]}),
                             422, "not_owned"),
        "never-uploaded": (report({"line": 0, "actual_fen": 100_000, "receipts": [never_uploaded]}), 422, "not_uploaded"),
        "another-owners-receipt": (report({"line": 0, "actual_fen": 100_000, "receipts": [upload_receipt(client, other)]}),
                                   422, "not_owned"),
        "stored-as-text": (report({"line": 0, "actual_fen": 100_000,
                                   "receipts": [stored_receipt(stack, resident, b"not a receipt", "text/plain")]}),
                           422, "wrong_type"),
        "stored-over-10-mb": (report({"line": 0, "actual_fen": 100_000, "receipts": [
            stored_receipt(stack, resident, b"%PDF" + b"0" * (10 * 1024 * 1024 - 3), "application/pdf")]}),
            422, "too_large"),
        "same-receipt-twice": (report({"line": 0, "actual_fen": 100_000, "receipts": [good, good]}), 422, "duplicate"),
        # A good receipt beside a missing one: nothing may be kept of a refused report.
        "one-good-one-missing": (report({"line": 0, "actual_fen": 100_000, "receipts": [good]},
                                        {"line": 1, "actual_fen": 100_000, "receipts": [never_uploaded]}),
                                 422, "not_uploaded"),
        "line-twice": (report({"line": 0, "actual_fen": 0}, {"line": 0, "actual_fen": 0}), 400, "value_error"),
        "negative-line": (report({"line": -1, "actual_fen": 0}), 400, "report.expenses.0.line"),
        "negative-actual": (report({"line": 0, "actual_fen": -1}), 400, "report.expenses.0.actual_fen"),
        "float-actual": (report({"line": 0, "actual_fen": 100.0, "receipts": [good]}), 400, "report.expenses.0.actual_fen"),
        "string-actual": (report({"line": 0, "actual_fen": "100", "receipts": [good]}), 400, "report.expenses.0.actual_fen"),
        "21-receipts": (report({"line": 0, "actual_fen": 100, "receipts": [good] * 21}), 400, "report.expenses.0.receipts"),
        "no-expenses": (report(), 400, "report.expenses"),
        "blank-outcome": (report({"line": 0, "actual_fen": 0}, outcome="\u3000\u3000"), 400, "report.outcome"),
        "unknown-report-field": (report({"line": 0, "actual_fen": 0}, amount_paid=1), 400, "report.amount_paid"),
        # Required by the report operation's own schema, so refused before any rule runs.
        "no-report": (None, 400, "report"),
    }


def test_a_bad_report_is_refused_and_keeps_nothing(client, accounts, at, stack):
    resident = accounts["kongjiang_resident"]
    started = new_in_progress(client, accounts, at)
    before = state(client, accounts, started["id"])
    assert before[0][0] == "in_progress"

    for name, (report, status, named) in report_cases(client, accounts, stack).items():
        body = {"version": started["version"], **({"report": report} if report is not None else {})}
        error = assert_error(action(client, resident, started["id"], "report", body), status)
        assert named in detail_fields(error) + detail_types(error), (name, error)
        assert state(client, accounts, started["id"]) == before, name

    kept = s3(stack).list_objects_v2(Bucket=stack.attachments_bucket, Prefix=f"attached/fund_applications/{started['id']}/")
    assert kept.get("KeyCount", 0) == 0, kept.get("Contents")


@pytest.mark.parametrize(
    ("body", "field"),
    [({"content_type": "application/pdf", "size_bytes": 10 * 1024 * 1024 + 1}, "size_bytes"),
     ({"content_type": "text/plain", "size_bytes": 100}, "content_type"),
     ({"content_type": "application/zip", "size_bytes": 100}, "content_type"),
     ({"content_type": "application/pdf", "size_bytes": 0}, "size_bytes")],
    ids=["over-10-mb", "text", "zip", "empty"],
)
def test_a_receipt_form_of_the_wrong_type_or_size_is_refused(client, accounts, body, field):
    error = assert_error(post(client, "/uploads/receipts", accounts["kongjiang_resident"], body), 400, "validation_failed")
    assert detail_fields(error) == [field]


# --- objections --------------------------------------------------------------------------------


def test_a_bad_objection_is_refused_and_changes_nothing(client, accounts, at):
    neighbour = accounts["kongjiang_neighbour"]
    draft = new_draft(client, accounts, at)
    path = f"/funds/applications/{draft['id']}/objections"
    before = state(client, accounts, draft["id"])
    # A draft is not public: nobody can object to what they cannot see.
    assert_error(post(client, path, neighbour, {"reason": "预算过高。"}), 404, "not_found")
    assert state(client, accounts, draft["id"]) == before

    submitted = act(client, accounts["kongjiang_resident"], draft["id"], "submit", draft["version"])
    act(client, accounts["committee_staff"], draft["id"], "recommend", submitted["version"])
    before = state(client, accounts, draft["id"])
    bodies = [{}, {"reason": None}, {"reason": 123}, {"reason": "异" * 2001}, {"reason": "预算过高。", "name": "张三"},
              [{"reason": "预算过高。"}], *({"reason": blank} for blank in BLANKS)]
    for body in bodies:
        error = assert_error(post(client, path, neighbour, body), 400, "validation_failed")
        assert error["details"], body
        assert state(client, accounts, draft["id"]) == before, body
    for raw in (b'{"reason": ', b"reason=x", b""):
        response = client.http.post(path, body=raw, headers={"Content-Type": "application/json", **neighbour.headers})
        assert_error(response, 400)
    assert state(client, accounts, draft["id"]) == before

    # The notice ran until 9 March 24:00 in Shanghai.
    at(f"{YEAR}-03-10T00:00:00")
    error = assert_error(post(client, path, neighbour, {"reason": "预算过高。"}), 422, "rule_violated")
    assert detail_types(error) == ["outside_window"]
    assert state(client, accounts, draft["id"]) == before


def test_a_team_lead_cannot_object_to_the_teams_own_application(client, accounts, at):
    lead = accounts["kongjiang_resident"]
    draft = new_draft(client, accounts, at)
    submitted = act(client, lead, draft["id"], "submit", draft["version"])
    act(client, accounts["committee_staff"], draft["id"], "recommend", submitted["version"])
    before = state(client, accounts, draft["id"])
    error = assert_error(post(client, f"/funds/applications/{draft['id']}/objections", lead, {"reason": "自己提异议。"}),
                         422, "rule_violated")
    assert detail_types(error) == ["own_application"]
    assert state(client, accounts, draft["id"]) == before


def test_an_objection_to_an_approved_application_is_outside_the_window(client, accounts, at):
    approved = new_approved(client, accounts, at)
    before = state(client, accounts, approved["id"])
    error = assert_error(post(client, f"/funds/applications/{approved['id']}/objections", accounts["kongjiang_neighbour"],
                              {"reason": "预算过高。"}), 422)
    assert detail_types(error) == ["outside_window"]
    assert state(client, accounts, approved["id"]) == before


# --- ids and paths -----------------------------------------------------------------------------

BAD_IDS = ["not-a-ulid", "0" * 25, "0" * 27, UNKNOWN_ID, UNKNOWN_ID.lower(), "01JD000000000000000000000I", "０" * 26]


@pytest.mark.parametrize("bad_id", BAD_IDS, ids=["word", "25", "27", "unknown", "lowercase", "letter-I", "fullwidth"])
def test_an_application_id_that_is_not_one_is_404(client, accounts, at, bad_id):
    ensure_pool(client, accounts, at)
    at(f"{YEAR}-03-02T10:00:00")
    resident, staff = accounts["kongjiang_resident"], accounts["committee_staff"]
    path = f"/funds/applications/{bad_id}"
    before = mine(client, resident)
    assert_error(get(client, path, resident), 404, "not_found")
    assert_error(get(client, path, staff), 404, "not_found")
    assert_error(post(client, f"{path}/submit", resident, {"version": 1}), 404, "not_found")
    assert_error(post(client, f"{path}/recommend", staff, {"version": 1}), 404, "not_found")
    assert_error(post(client, f"{path}/objections", accounts["kongjiang_neighbour"], {"reason": "预算过高。"}), 404)
    assert_error(put(client, path, resident, {**application(YEAR), "version": 1}), 404, "not_found")
    assert mine(client, resident) == before


BAD_POOL_PATHS = [
    ("310110012", str(YEAR)), ("310110", str(YEAR)), ("abc", str(YEAR)), ("3101100120010", str(YEAR)),
    ("310110012001", "20x1"), ("310110012001", "037"), ("310110012001", "02037"), ("310110012001", "-2037"),
]


@pytest.mark.parametrize(("division", "year"), BAD_POOL_PATHS, ids=[f"{d}-{y}" for d, y in BAD_POOL_PATHS])
def test_a_pool_path_that_names_no_pool_is_404(client, accounts, at, division, year):
    street = accounts["street_official"]
    ensure_pool(client, accounts, at)
    at(f"{YEAR}-03-02T10:00:00")
    before = pool_state(client, accounts)
    base = f"/funds/pools/{division}/{year}"
    for suffix in ("", "/ledger", "/applications"):
        assert_error(get(client, base + suffix, street), 404, "not_found")
    assert_error(post(client, f"{base}/top-up", street, {"amount_fen": 100, "reason": "追加"}), 404, "not_found")
    assert pool_state(client, accounts) == before


def test_a_pool_year_in_full_width_digits_is_not_the_year(client, accounts, at):
    street = accounts["street_official"]
    ensure_pool(client, accounts, at)
    before = pool_state(client, accounts)
    full_width = "".join(chr(ord(digit) + 0xFEE0) for digit in str(YEAR))
    # Unquoted: API Gateway hands the handler decoded path parameters, as the test client does with these.
    base = f"/funds/pools/{COMMITTEE}/{full_width}"
    for suffix in ("", "/ledger"):
        assert_error(get(client, base + suffix, street), 404, "not_found")
    assert_error(post(client, f"{base}/top-up", street, {"amount_fen": 100, "reason": "追加"}), 404, "not_found")
    assert pool_state(client, accounts) == before


def test_creating_a_pool_on_a_year_that_is_not_one_is_404(client, accounts, at):
    street = accounts["street_official"]
    at(f"{YEAR}-03-02T10:00:00")
    body = {"allocated_fen": 100_000, "per_application_cap_fen": 10_000, "per_team_cap_fen": 10_000}
    full_width = "".join(chr(ord(digit) + 0xFEE0) for digit in str(YEAR))
    for year in ("20x1", "037", "02037", full_width):
        assert_error(post(client, f"/funds/pools/{POOL_LESS_COMMITTEE}/{year}", street, body), 404, "not_found")
    assert_error(get(client, f"/funds/pools/{POOL_LESS_COMMITTEE}/{YEAR}", street), 404)


# --- pools -------------------------------------------------------------------------------------


def pool_body(**overrides) -> dict:
    return {"allocated_fen": 1_000_000, "per_application_cap_fen": 200_000, "per_team_cap_fen": 300_000, **overrides}


POOL_CASES = {
    "team-cap-below-application-cap": (pool_body(per_team_cap_fen=100_000), 400),
    "allocated-and-by-type": (pool_body(amounts_by_type={"commercial_housing": 100}), 400),
    "neither": ({k: v for k, v in pool_body().items() if k != "allocated_fen"}, 400),
    "default-without-by-type": (pool_body(default_fen=100), 400),
    "allocated-zero": (pool_body(allocated_fen=0), 400),
    "allocated-negative": (pool_body(allocated_fen=-1), 400),
    "allocated-float": (pool_body(allocated_fen=1_000_000.0), 400),
    "allocated-string": (pool_body(allocated_fen="1000000"), 400),
    "allocated-over-max": (pool_body(allocated_fen=1_000_000_001), 400),
    "notice-4-days": (pool_body(notice_days=4), 400),
    "notice-11-days": (pool_body(notice_days=11), 400),
    "missing-caps": ({"allocated_fen": 1_000_000}, 400),
    "unknown-field": (pool_body(available_fen=5_000_000), 400),
    "array-body": ([pool_body()], 400),
    "truncated": (b'{"allocated_fen": ', 400),
}


@pytest.mark.parametrize("name", list(POOL_CASES))
def test_a_bad_pool_is_refused_and_creates_nothing(client, accounts, at, name):
    street = accounts["street_official"]
    body, status = POOL_CASES[name]
    at(f"{YEAR}-01-05T09:00:00")
    assert_error(post(client, f"/funds/pools/{POOL_LESS_COMMITTEE}/{YEAR}", street, body), status)
    assert_error(get(client, f"/funds/pools/{POOL_LESS_COMMITTEE}/{YEAR}", street), 404)


def test_a_pool_is_created_for_this_year_or_the_next_only(client, accounts, at):
    street = accounts["street_official"]
    ensure_pool(client, accounts, at)
    before = pool_state(client, accounts)
    at(f"{YEAR + 1}-01-01T00:00:00")
    for committee in (COMMITTEE, POOL_LESS_COMMITTEE):
        error = assert_error(post(client, f"/funds/pools/{committee}/{YEAR}", street, pool_body()), 422, "rule_violated")
        assert detail_types(error) == ["year_closed"]
    at(f"{YEAR}-03-02T10:00:00")
    error = assert_error(post(client, f"/funds/pools/{POOL_LESS_COMMITTEE}/{YEAR + 2}", street, pool_body()), 422)
    assert detail_types(error) == ["year_closed"]
    # A second allocation is a top-up, never a reset.
    assert_error(post(client, f"/funds/pools/{COMMITTEE}/{YEAR}", street, pool_body(allocated_fen=1)), 409, "conflict")
    assert pool_state(client, accounts) == before
    for year in (YEAR, YEAR + 2):
        assert_error(get(client, f"/funds/pools/{POOL_LESS_COMMITTEE}/{year}", street), 404)


def test_a_top_up_after_the_year_is_refused(client, accounts, at):
    street = accounts["street_official"]
    ensure_pool(client, accounts, at, CAP_YEAR)
    path = f"/funds/pools/{COMMITTEE}/{CAP_YEAR}/top-up"
    at(f"{CAP_YEAR}-12-31T23:59:59")
    before = pool_state(client, accounts, CAP_YEAR)
    topped = post(client, path, street, {"amount_fen": 100, "reason": "年末追加"})
    assert topped.status_code == 200, topped.body
    assert topped.json_body["allocated_fen"] == before[0][0] + 100
    # 1 January in Shanghai is still 31 December in UTC: the year ends by Shanghai's clock.
    at(f"{CAP_YEAR + 1}-01-01T00:00:00")
    before = pool_state(client, accounts, CAP_YEAR)
    error = assert_error(post(client, path, street, {"amount_fen": 100, "reason": "补拨"}), 422, "rule_violated")
    assert detail_types(error) == ["year_closed"]
    assert pool(client, street, CAP_YEAR)["is_open"] is False
    assert pool_state(client, accounts, CAP_YEAR) == before


@pytest.mark.parametrize(
    "body",
    [{"amount_fen": 0, "reason": "追加"}, {"amount_fen": -100, "reason": "追加"}, {"amount_fen": 100.0, "reason": "追加"},
     {"amount_fen": "100", "reason": "追加"}, {"amount_fen": 100}, {"amount_fen": 100, "reason": "   "},
     {"amount_fen": 100, "reason": "\u3000\u3000"}, {"amount_fen": 100, "reason": "追加", "kind": "refund"},
     {"amount_fen": 1_000_000_001, "reason": "追加"}, {"reason": "追加"}],
    ids=["zero", "negative", "float", "string", "no-reason", "blank-reason", "full-width-blank-reason", "unknown-field",
         "over-max", "no-amount"],
)
def test_a_bad_top_up_is_refused_and_changes_nothing(client, accounts, at, body):
    street = accounts["street_official"]
    ensure_pool(client, accounts, at)
    at(f"{YEAR}-03-02T10:00:00")
    before = pool_state(client, accounts)
    assert_error(post(client, f"/funds/pools/{COMMITTEE}/{YEAR}/top-up", street, body), 400, "validation_failed")
    assert pool_state(client, accounts) == before
