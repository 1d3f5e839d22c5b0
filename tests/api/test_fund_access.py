"""Who may see and act on autonomy funds, over accounts, routes and actions.

To an official outside the committee's jurisdiction an application, a pool and its ledger
do not exist (404, exactly as an unknown one). Inside it the role decides (403): the
committee reviews and runs the public notice, the street decides and pays, and only the
team's lead takes the applicant's steps. Residents see their own committee's public
applications, never a draft and never the lead's name. Every refusal leaves the
application and the pool as they were.
"""

from __future__ import annotations

import uuid

import pytest

from app import app
from chalicelib.funds import rules
from chalicelib.funds.models import Action, FundActionRequest
from tests.api.fund_helpers import COMMITTEE, act, all_pages, application, create_pool, detail, new_application, pool
from tests.api.helpers import assert_error, put
from tests.api.suggestion_helpers import get, post

# Pools are one per committee and year in a table the whole session shares, so these
# tests keep to years of their own.
YEAR = 2035
POOLS_YEAR = 2036
ALLOCATED = 50_000_000
LEAD_NAME = "王阿姨"
OUTSIDERS = ("foreign_street_official", "foreign_district_admin", "neighbour_street_official")
OFFICIALS = ("committee_staff", "street_official", "district_admin", "platform_admin")
# Committees of 控江路街道 whose pools only the pool test below creates.
POOL_COMMITTEES = {"street_official": "310110012004", "district_admin": "310110012005",
                   "platform_admin": "310110012007"}

# Every fund route of the app, with a test below that puts it through the matrix.
FUND_ROUTES = {
    ("POST", "/funds/pools/{division}/{year}"): "test_only_the_street_and_above_create_and_top_up_pools",
    ("GET", "/funds/pools/{division}/{year}"): "test_officials_of_other_streets_and_districts_see_nothing",
    ("POST", "/funds/pools/{division}/{year}/top-up"): "test_only_the_street_and_above_create_and_top_up_pools",
    ("GET", "/funds/pools/{division}/{year}/ledger"): "test_officials_of_other_streets_and_districts_see_nothing",
    ("GET", "/funds/pools/{division}/{year}/applications"): "test_residents_of_other_committees_cannot_read_its_pool",
    ("POST", "/funds/applications"): "test_only_a_resident_with_a_verified_residence_applies_there",
    ("GET", "/funds/applications/mine"): "test_only_a_resident_with_a_verified_residence_applies_there",
    ("GET", "/funds/applications/{id}"): "test_other_residents_cannot_act_nor_see_a_draft_but_see_the_public_notice",
    ("PUT", "/funds/applications/{id}"): "test_other_residents_cannot_act_nor_see_a_draft_but_see_the_public_notice",
    ("POST", "/funds/applications/{id}/objections"): "test_only_the_committees_residents_object_and_only_once",
    ("POST", "/funds/applications/{id}/{action}"): "test_officials_of_other_streets_and_districts_see_nothing",
    # Each action's own operation answers the same URLs the test calls.
    **{("POST", f"/funds/applications/{{id}}/{action.value}"): "test_officials_of_other_streets_and_districts_see_nothing"
       for action in Action},
}

REPORT = {"expenses": [{"line": 0, "actual_fen": 0}, {"line": 1, "actual_fen": 0}], "participants": 0,
          "outcome": "活动因场地维修未能举办，预算未使用。"}


def valid_body(action: Action, version: int, objection_id: str = "01JD0000000000000000000000") -> dict:
    """A body the right official or the lead could send for `action`: only who sends it may refuse it."""
    bodies = {
        Action.submit: {},
        Action.withdraw: {},
        Action.return_for_changes: {"reason": "请补充每场活动的预算明细。"},
        Action.recommend: {},
        Action.answer_objection: {"objection_id": objection_id, "answer": "排练安排在工作日下午，在活动室内进行。"},
        Action.approve: {},
        Action.reject: {"reason": "与本年度重点项目重复。"},
        Action.fund: {"advance_fen": 0},
        Action.start: {},
        Action.report: {"report": REPORT},
        Action.return_: {"reason": "缺少活动照片。"},
        Action.accept: {},
        Action.close: {},
        Action.cancel: {"reason": "团队解散，项目无法实施。"},
    }
    assert set(bodies) == set(Action), "a new action needs a valid body here"
    return {**bodies[action], "version": version}


def team_name() -> str:
    # Each application its own team, so that no test reaches another's yearly team cap.
    return f"楼组议事队{uuid.uuid4().hex[:8]}"


def ensure_pool(client, accounts, at, year: int = YEAR, committee: str = COMMITTEE) -> None:
    at(f"{year}-01-05T09:00:00")
    if get(client, f"/funds/pools/{committee}/{year}", accounts["street_official"]).status_code == 404:
        create_pool(client, accounts["street_official"], year, ALLOCATED, committee)


def new_draft(client, accounts, at) -> dict:
    ensure_pool(client, accounts, at)
    at(f"{YEAR}-03-02T10:00:00")
    return new_application(client, accounts["kongjiang_resident"], YEAR, team=team_name())


def new_submitted(client, accounts, at) -> dict:
    created = new_draft(client, accounts, at)
    return act(client, accounts["kongjiang_resident"], created["id"], "submit", created["version"])


def new_in_notice(client, accounts, at) -> dict:
    """An application on public notice, the clock left inside the notice."""
    submitted = new_submitted(client, accounts, at)
    return act(client, accounts["committee_staff"], submitted["id"], "recommend", submitted["version"])


def new_after_notice(client, accounts, at) -> dict:
    in_notice = new_in_notice(client, accounts, at)
    at(f"{YEAR}-03-20T10:00:00")
    return in_notice


def new_approved(client, accounts, at) -> dict:
    ready = new_after_notice(client, accounts, at)
    return act(client, accounts["street_official"], ready["id"], "approve", ready["version"])


def new_funded(client, accounts, at) -> dict:
    approved = new_approved(client, accounts, at)
    return act(client, accounts["street_official"], approved["id"], "fund", approved["version"], advance_fen=0)


def state(client, accounts, application_id: str) -> tuple:
    seen = detail(client, accounts["street_official"], application_id)
    return (seen["status"], seen["version"], seen["open_objections"], seen["approved_fen"], seen["disbursed_fen"],
            seen["last_comment"], len(seen["objections"]), len(seen["timeline"]))


def ledger_count(client, account, year: int, committee: str = COMMITTEE) -> int:
    return len(all_pages(client, f"/funds/pools/{committee}/{year}/ledger?limit=100", account))


def pool_state(client, accounts, year: int = YEAR, committee: str = COMMITTEE) -> tuple:
    found = pool(client, accounts["street_official"], year, committee)
    figures = (found["allocated_fen"], found["available_fen"], found["committed_fen"], found["disbursed_fen"])
    return figures, ledger_count(client, accounts["street_official"], year, committee)


def object_to(client, account, application_id: str, reason: str = "活动噪音会影响 12 号楼居民休息。"):
    return post(client, f"/funds/applications/{application_id}/objections", account, {"reason": reason})


# --- the matrix covers every fund route ----------------------------------------------------


def test_every_fund_route_is_in_the_matrix():
    routes = {(method, path) for path, methods in app.routes.items() if path.startswith("/funds") for method in methods}
    assert routes == set(FUND_ROUTES), f"fund routes not covered by the access matrix: {routes ^ set(FUND_ROUTES)}"
    assert {name for name in FUND_ROUTES.values() if name not in globals()} == set()


@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
def test_every_action_has_a_body_that_passes_validation(action):
    body = FundActionRequest.model_validate(valid_body(action, 1, "01JD0000000000000000000000"))
    present = {name for name in rules.REQUIRED_FIELDS.get(action, ()) if getattr(body, name) is not None}
    assert rules.missing_fields(action, present) == []


# --- officials outside the jurisdiction ------------------------------------------------------


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_officials_of_other_streets_and_districts_see_nothing(client, accounts, at, outsider):
    official = accounts[outsider]
    in_notice = new_in_notice(client, accounts, at)
    objection = object_to(client, accounts["kongjiang_neighbour"], in_notice["id"])
    assert objection.status_code == 201, objection.body
    before, pool_before = state(client, accounts, in_notice["id"]), pool_state(client, accounts)

    assert_error(get(client, f"/funds/applications/{in_notice['id']}", official), 404, "not_found")
    for action in Action:
        body = valid_body(action, before[1], objection.json_body["id"])
        response = post(client, f"/funds/applications/{in_notice['id']}/{action.value}", official, body)
        assert_error(response, 404, "not_found")
    for path in (f"/funds/pools/{COMMITTEE}/{YEAR}", f"/funds/pools/{COMMITTEE}/{YEAR}/ledger",
                 f"/funds/pools/{COMMITTEE}/{YEAR}/applications"):
        assert_error(get(client, path, official), 404, "not_found")
    top_up = post(client, f"/funds/pools/{COMMITTEE}/{YEAR}/top-up", official, {"amount_fen": 100, "reason": "追加"})
    assert_error(top_up, 404, "not_found")
    # Next year's pool, which nobody has created: a refusal must not create it either.
    created = post(client, f"/funds/pools/{COMMITTEE}/{YEAR + 1}", official,
                   {"allocated_fen": 100_000, "per_application_cap_fen": 10_000, "per_team_cap_fen": 10_000})
    assert_error(created, 404, "not_found")

    assert state(client, accounts, in_notice["id"]) == before
    assert pool_state(client, accounts) == pool_before
    assert get(client, f"/funds/pools/{COMMITTEE}/{YEAR + 1}", accounts["street_official"]).status_code == 404


def test_staff_of_another_committee_cannot_see_or_act(client, accounts, at):
    other, staff = accounts["other_committee_staff"], accounts["committee_staff"]
    submitted = new_submitted(client, accounts, at)
    before = state(client, accounts, submitted["id"])

    assert_error(get(client, f"/funds/applications/{submitted['id']}", other), 404, "not_found")
    for action in (Action.return_for_changes, Action.recommend):
        response = post(client, f"/funds/applications/{submitted['id']}/{action.value}", other,
                        valid_body(action, submitted["version"]))
        assert_error(response, 404, "not_found")
    assert state(client, accounts, submitted["id"]) == before

    in_notice = act(client, staff, submitted["id"], "recommend", submitted["version"])
    objection = object_to(client, accounts["kongjiang_neighbour"], in_notice["id"])
    assert objection.status_code == 201, objection.body
    answer = valid_body(Action.answer_objection, in_notice["version"], objection.json_body["id"])
    before = state(client, accounts, in_notice["id"])
    assert_error(post(client, f"/funds/applications/{in_notice['id']}/answer_objection", other, answer), 404, "not_found")
    for path in (f"/funds/pools/{COMMITTEE}/{YEAR}", f"/funds/pools/{COMMITTEE}/{YEAR}/ledger"):
        assert_error(get(client, path, other), 404, "not_found")
    assert state(client, accounts, in_notice["id"]) == before

    # The same answer from the committee's own staff goes through: only jurisdiction refused it.
    answered = act(client, staff, in_notice["id"], "answer_objection", in_notice["version"],
                   objection_id=answer["objection_id"], answer=answer["answer"])
    assert answered["open_objections"] == 0


# --- roles inside the jurisdiction -----------------------------------------------------------


def test_committee_staff_cannot_take_the_streets_decisions(client, accounts, at):
    staff, street, resident = accounts["committee_staff"], accounts["street_official"], accounts["kongjiang_resident"]

    def refused(application: dict, actions: tuple[Action, ...]) -> None:
        before, pool_before = state(client, accounts, application["id"]), pool_state(client, accounts)
        for action in actions:
            response = post(client, f"/funds/applications/{application['id']}/{action.value}", staff,
                            valid_body(action, application["version"]))
            assert_error(response, 403, "forbidden")
        assert state(client, accounts, application["id"]) == before
        assert pool_state(client, accounts) == pool_before

    # Each refusal in the state where the street's own request would go through.
    ready = new_after_notice(client, accounts, at)
    refused(ready, (Action.approve, Action.reject))
    approved = act(client, street, ready["id"], "approve", ready["version"])
    refused(approved, (Action.fund, Action.cancel))
    funded = act(client, street, ready["id"], "fund", approved["version"], advance_fen=0)
    started = act(client, resident, ready["id"], "start", funded["version"])
    reported = act(client, resident, ready["id"], "report", started["version"], report=REPORT)
    refused(reported, (Action.accept,))
    assert act(client, street, ready["id"], "accept", reported["version"])["status"] == "accepted"


def test_officials_cannot_take_the_applicants_steps(client, accounts, at):
    resident = accounts["kongjiang_resident"]

    def refused(application: dict, action: Action) -> None:
        before = state(client, accounts, application["id"])
        for name in OFFICIALS:
            response = post(client, f"/funds/applications/{application['id']}/{action.value}", accounts[name],
                            valid_body(action, application["version"]))
            assert_error(response, 403, "forbidden")
        assert state(client, accounts, application["id"]) == before

    draft = new_draft(client, accounts, at)
    refused(draft, Action.submit)
    refused(draft, Action.withdraw)
    submitted = act(client, resident, draft["id"], "submit", draft["version"])
    refused(submitted, Action.withdraw)
    in_notice = act(client, accounts["committee_staff"], draft["id"], "recommend", submitted["version"])
    at(f"{YEAR}-03-20T10:00:00")
    approved = act(client, accounts["street_official"], draft["id"], "approve", in_notice["version"])
    funded = act(client, accounts["street_official"], draft["id"], "fund", approved["version"], advance_fen=0)
    refused(funded, Action.start)
    started = act(client, resident, draft["id"], "start", funded["version"])
    refused(started, Action.report)
    assert act(client, resident, draft["id"], "report", started["version"], report=REPORT)["status"] == "reported"


# --- residents ---------------------------------------------------------------------------------


def public_ids(client, account) -> list[str]:
    response = get(client, f"/funds/pools/{COMMITTEE}/{YEAR}/applications?limit=100", account)
    assert response.status_code == 200, response.body
    return [item["id"] for item in response.json_body["items"]]


def test_other_residents_cannot_act_nor_see_a_draft_but_see_the_public_notice(client, accounts, at):
    resident, neighbour, other = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"], accounts["other_resident"]
    draft = new_draft(client, accounts, at)
    application_id = draft["id"]
    edit = {**application(YEAR, team=draft["team_name"]), "title": "改成别人的项目", "version": draft["version"]}
    before = state(client, accounts, application_id)

    for account in (neighbour, other):
        assert_error(get(client, f"/funds/applications/{application_id}", account), 404, "not_found")
        for action in (Action.submit, Action.withdraw):
            response = post(client, f"/funds/applications/{application_id}/{action.value}", account,
                            valid_body(action, draft["version"]))
            assert_error(response, 404, "not_found")
        assert_error(put(client, f"/funds/applications/{application_id}", account, edit), 404, "not_found")
    # Officials review an application; they never edit the team's text.
    assert_error(put(client, f"/funds/applications/{application_id}", accounts["committee_staff"], edit), 404)
    assert application_id not in public_ids(client, neighbour)
    mine = get(client, "/funds/applications/mine?limit=100", neighbour)
    assert mine.status_code == 200 and application_id not in [i["id"] for i in mine.json_body["items"]]
    assert state(client, accounts, application_id) == before

    submitted = act(client, resident, application_id, "submit", draft["version"])
    assert_error(get(client, f"/funds/applications/{application_id}", neighbour), 404, "not_found")
    in_notice = act(client, accounts["committee_staff"], application_id, "recommend", submitted["version"])

    response = get(client, f"/funds/applications/{application_id}", neighbour)
    assert response.status_code == 200, response.body
    public = response.json_body
    assert public["view"] == "public" and public["team"] is None and public["status"] == "in_notice"
    assert public["team_name"] == draft["team_name"] and public["version"] is None and public["timeline"] == []
    raw = response.body.decode() if isinstance(response.body, bytes) else response.body
    for secret in (LEAD_NAME, resident.user_id, resident.phone, resident.phone.removeprefix("+86")):
        assert secret not in raw
    assert application_id in public_ids(client, neighbour)

    # Seeing it is not acting on it, and a resident without a verified residence sees nothing.
    assert_error(get(client, f"/funds/applications/{application_id}", other), 404, "not_found")
    for account in (neighbour, other):
        response = post(client, f"/funds/applications/{application_id}/withdraw", account,
                        valid_body(Action.withdraw, in_notice["version"]))
        assert_error(response, 404, "not_found")
    assert detail(client, resident, application_id)["status"] == "in_notice"


def test_only_the_committees_residents_object_and_only_once(client, accounts, at):
    in_notice = new_in_notice(client, accounts, at)
    before = state(client, accounts, in_notice["id"])

    # No verified residence, or no resident at all: the notice is for the committee's residents.
    assert_error(object_to(client, accounts["other_resident"], in_notice["id"]), 403, "forbidden")
    for name in ("committee_staff", "street_official", "platform_admin"):
        assert_error(object_to(client, accounts[name], in_notice["id"]), 403, "forbidden")
    assert state(client, accounts, in_notice["id"]) == before

    first = object_to(client, accounts["kongjiang_neighbour"], in_notice["id"])
    assert first.status_code == 201, first.body
    after_first = state(client, accounts, in_notice["id"])
    again = object_to(client, accounts["kongjiang_neighbour"], in_notice["id"], "换个说法再提一次。")
    assert_error(again, 409, "conflict")
    assert state(client, accounts, in_notice["id"]) == after_first
    assert after_first[2] == 1 and after_first[6] == 1


def test_residents_of_other_committees_cannot_read_its_pool(client, accounts, at):
    ensure_pool(client, accounts, at)
    ensure_pool(client, accounts, at, committee=POOL_COMMITTEES["street_official"])
    base = f"/funds/pools/{COMMITTEE}/{YEAR}"
    for suffix in ("", "/ledger", "/applications"):
        assert_error(get(client, base + suffix, accounts["other_resident"]), 403, "forbidden")
        assert_error(get(client, base + suffix, accounts["resident"]), 403, "forbidden")
        # A resident of 控一 is a resident of another committee for 控江四村第一.
        elsewhere = f"/funds/pools/{POOL_COMMITTEES['street_official']}/{YEAR}{suffix}"
        assert_error(get(client, elsewhere, accounts["kongjiang_resident"]), 403, "forbidden")
        assert get(client, base + suffix, accounts["kongjiang_resident"]).status_code == 200


def test_only_a_resident_with_a_verified_residence_applies_there(client, accounts, at):
    ensure_pool(client, accounts, at)
    at(f"{YEAR}-03-02T10:00:00")
    body = application(YEAR, team=team_name())

    def mine(account) -> list[str]:
        response = get(client, "/funds/applications/mine?limit=100", account)
        assert response.status_code == 200, response.body
        return [item["id"] for item in response.json_body["items"]]

    before = {name: mine(accounts[name]) for name in ("resident", "kongjiang_resident")}
    pool_before = pool_state(client, accounts)
    assert_error(post(client, "/funds/applications", accounts["resident"], body), 403, "forbidden")
    # A verified residence is for that committee only.
    elsewhere = {**body, "committee": "310110012003"}
    assert_error(post(client, "/funds/applications", accounts["kongjiang_resident"], elsewhere), 403, "forbidden")
    for name in OFFICIALS:
        assert_error(post(client, "/funds/applications", accounts[name], body), 403, "forbidden")
        assert_error(get(client, "/funds/applications/mine", accounts[name]), 403, "forbidden")
    assert {name: mine(accounts[name]) for name in before} == before
    assert pool_state(client, accounts) == pool_before
    public = get(client, f"/funds/pools/{COMMITTEE}/{YEAR}/applications?limit=100&status=draft",
                 accounts["street_official"]).json_body["items"]
    assert body["team"]["name"] not in [item["team_name"] for item in public]


# --- pools -------------------------------------------------------------------------------------


def test_only_the_street_and_above_create_and_top_up_pools(client, accounts, at):
    at(f"{POOLS_YEAR}-01-05T09:00:00")
    body = {"allocated_fen": 1_000_000, "per_application_cap_fen": 200_000, "per_team_cap_fen": 300_000}
    street = accounts["street_official"]
    for committee in POOL_COMMITTEES.values():
        path = f"/funds/pools/{committee}/{POOLS_YEAR}"
        for name in ("committee_staff", "kongjiang_resident", "resident"):
            assert_error(post(client, path, accounts[name], body), 403, "forbidden")
        for name in OUTSIDERS:
            assert_error(post(client, path, accounts[name], body), 404, "not_found")
        assert_error(get(client, path, street), 404, "not_found")

    for name, committee in POOL_COMMITTEES.items():
        path = f"/funds/pools/{committee}/{POOLS_YEAR}"
        created = post(client, path, accounts[name], body)
        assert created.status_code == 201, created.body
        assert created.json_body["created"][0]["allocated_fen"] == 1_000_000
        before = pool_state(client, accounts, POOLS_YEAR, committee)
        top_up = {"amount_fen": 50_000, "reason": "年中追加"}
        for refused in ("committee_staff", "kongjiang_resident"):
            assert_error(post(client, f"{path}/top-up", accounts[refused], top_up), 403, "forbidden")
        for outsider in OUTSIDERS:
            assert_error(post(client, f"{path}/top-up", accounts[outsider], top_up), 404, "not_found")
        assert pool_state(client, accounts, POOLS_YEAR, committee) == before
        for allowed in POOL_COMMITTEES:
            response = post(client, f"{path}/top-up", accounts[allowed], top_up)
            assert response.status_code == 200, response.body
        (allocated, available, _, _), entries = pool_state(client, accounts, POOLS_YEAR, committee)
        assert (allocated, available, entries) == (1_150_000, 1_150_000, before[1] + 3)


# --- withdrawing -------------------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["draft", "submitted", "changes_requested", "in_notice"])
def test_the_lead_withdraws_before_the_decision(client, accounts, at, stage):
    resident = accounts["kongjiang_resident"]
    if stage == "draft":
        current = new_draft(client, accounts, at)
    elif stage == "submitted":
        current = new_submitted(client, accounts, at)
    elif stage == "changes_requested":
        submitted = new_submitted(client, accounts, at)
        current = act(client, accounts["committee_staff"], submitted["id"], "return_for_changes", submitted["version"],
                      reason="请补充预算。")
    else:
        current = new_in_notice(client, accounts, at)
    # What the lead may do, not what the official who made the last step may.
    current = detail(client, resident, current["id"])
    assert current["status"] == stage and "withdraw" in current["allowed_actions"]
    pool_before = pool_state(client, accounts)

    withdrawn = act(client, resident, current["id"], "withdraw", current["version"])
    assert (withdrawn["status"], withdrawn["allowed_actions"]) == ("withdrawn", [])
    assert pool_state(client, accounts) == pool_before
    again = post(client, f"/funds/applications/{current['id']}/withdraw", resident, {"version": withdrawn["version"]})
    assert assert_error(again, 409)["details"][0]["allowed_actions"] == []


@pytest.mark.parametrize(("stage", "allowed"), [("approved", []), ("funded", ["start"])])
def test_the_lead_cannot_withdraw_once_approved(client, accounts, at, stage, allowed):
    current = new_approved(client, accounts, at) if stage == "approved" else new_funded(client, accounts, at)
    assert current["status"] == stage
    before, pool_before = state(client, accounts, current["id"]), pool_state(client, accounts)

    response = post(client, f"/funds/applications/{current['id']}/withdraw", accounts["kongjiang_resident"],
                    {"version": current["version"]})
    error = assert_error(response, 409, "conflict")
    assert error["details"][0]["allowed_actions"] == allowed
    assert state(client, accounts, current["id"]) == before
    assert pool_state(client, accounts) == pool_before
