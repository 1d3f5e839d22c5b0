"""One operation per action: its own path, operationId and request model, beside the
deprecated `{action}` route it shares its URLs with.

Chalice's router (chalice.local.RouteMatcher, which the test client and `make run` use)
tries routes in sorted order, so a literal segment comes before `{action}` (`{` sorts after
every letter); API Gateway prefers the literal segment too. The `{action}` route then only
answers names that are no action, with the 4xx it always gave.
"""

from __future__ import annotations

from typing import Any

import pytest
from chalice.local import RouteMatcher

from app import app
from chalicelib.web.openapi import build_openapi
from tests.api.fund_helpers import create_pool, new_application
from tests.api.helpers import assert_error, get, post
from tests.api.residence_helpers import pending_request
from tests.api.staff_helpers import committee_staff_of_kongjiang
from tests.api.suggestion_helpers import submit
from tests.api.test_fund_access import team_name

SOME_ID = "01JD3Z6Q8V2W4X5Y6Z7A8B9C0D"
ACTION_ROUTES = {
    "/review/suggestions/{id}/{action}": ("accept", "decline", "assign", "transfer", "return", "merge", "reply",
                                          "extend", "close", "reopen"),
    "/funds/applications/{id}/{action}": ("submit", "withdraw", "return_for_changes", "recommend", "answer_objection",
                                          "approve", "reject", "fund", "start", "report", "return", "accept", "close",
                                          "cancel"),
    "/rounds/{id}/{action}": ("close", "cancel"),
    "/review/residences/{id}/{action}": ("approve", "decline", "revoke"),
    "/staff/{id}/{action}": ("disable", "enable", "move", "reset_mfa"),
}
PER_ACTION = [(alias, alias.replace("{action}", action)) for alias, actions in ACTION_ROUTES.items() for action in actions]
# Who may take each domain's actions, so that only the body decides the answer.
ACTOR = {"/review/suggestions": "street_official", "/funds/applications": "street_official",
         "/rounds": "street_official", "/review/residences": "committee_staff", "/staff": "street_official"}
FUND_YEAR = 2090  # a pool year no other test uses
CONTRACT = build_openapi(app.routes, title="Mulin", version="test")


@pytest.fixture(scope="module")
def contract() -> dict[str, Any]:
    return CONTRACT


def required_fields(contract: dict[str, Any], path: str) -> list[str]:
    ref = contract["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return list(contract["components"]["schemas"][ref.rsplit("/", 1)[1]].get("required", []))


@pytest.mark.parametrize(("alias", "path"), PER_ACTION, ids=[p for _, p in PER_ACTION])
def test_the_router_takes_the_actions_own_operation_before_the_alias(alias: str, path: str):
    matcher = RouteMatcher(list(app.routes))
    concrete = path.replace("{id}", SOME_ID)
    assert matcher.match_route(concrete).route == path
    assert matcher.match_route(concrete.rsplit("/", 1)[0] + "/no_such_action").route == alias


@pytest.mark.parametrize(("alias", "path"), PER_ACTION, ids=[p for _, p in PER_ACTION])
def test_each_action_has_its_operation_id_and_model_and_the_alias_is_deprecated(contract, alias: str, path: str):
    operation, deprecated = contract["paths"][path]["post"], contract["paths"][alias]["post"]
    assert deprecated.get("deprecated") is True and "deprecated" not in operation
    assert operation["operationId"][0].islower() and operation["operationId"].isalnum()
    schema_name = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert schema_name != deprecated["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert operation["responses"]["200"] == deprecated["responses"]["200"]


def test_operation_ids_and_request_models_are_one_per_action(contract):
    ids = [contract["paths"][path]["post"]["operationId"] for _, path in PER_ACTION]
    models = [contract["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
              for _, path in PER_ACTION]
    assert len(set(ids)) == len(ids) and len(set(models)) == len(models)
    assert {"replyToSuggestion", "transferSuggestion", "approveFundApplication", "closeRound", "cancelRound",
            "approveResidence", "moveOfficial"} <= set(ids)


def test_what_an_action_requires_is_in_its_schema(contract):
    assert set(required_fields(contract, "/review/suggestions/{id}/reply")) == {"message", "adoption"}
    assert set(required_fields(contract, "/review/suggestions/{id}/transfer")) == {"to_street", "reason"}
    assert set(required_fields(contract, "/funds/applications/{id}/answer_objection")) == {
        "version", "objection_id", "answer"}
    assert set(required_fields(contract, "/funds/applications/{id}/fund")) == {"version", "advance_fen"}
    assert set(required_fields(contract, "/rounds/{id}/cancel")) == {"reason"}
    assert set(required_fields(contract, "/review/residences/{id}/revoke")) == {"version", "reason"}
    assert set(required_fields(contract, "/staff/{id}/move")) == {"version", "division"}


# Accepting or closing a case and closing a round require nothing: their version is optional.
REQUIRING = [path for _, path in PER_ACTION if required_fields(CONTRACT, path)]


@pytest.mark.parametrize("path", REQUIRING)
def test_a_body_missing_a_required_field_is_refused_naming_it(client, accounts, contract, path: str):
    required = required_fields(contract, path)
    actor = accounts[next(account for prefix, account in ACTOR.items() if path.startswith(prefix))]
    for missing in required:
        body = {name: example for name, example in example_body(contract, path).items() if name != missing}
        error = assert_error(post(client, path.replace("{id}", SOME_ID), actor, body), 400, "validation_failed")
        assert [d["field"] for d in error["details"]] == [missing], error


def example_body(contract: dict[str, Any], path: str) -> dict[str, Any]:
    ref = contract["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    examples = contract["components"]["schemas"][ref.rsplit("/", 1)[1]]["examples"]
    return dict(max(examples, key=len))


# --- end to end, one domain at a time --------------------------------------------------------


def test_a_case_is_accepted_and_replied_to(client, accounts):
    street = accounts["street_official"]
    case = submit(client, accounts["kongjiang_resident"])
    accepted = post(client, f"/review/suggestions/{case['id']}/accept", street, {})
    assert accepted.status_code == 200, accepted.body
    replied = post(client, f"/review/suggestions/{case['id']}/reply", street,
                   {"message": "已安排加装盲道。", "adoption": "adopted"})
    assert replied.status_code == 200, replied.body
    assert replied.json_body["status"] == "replied"


def test_an_application_is_submitted_and_recommended(client, accounts, at):
    resident, staff = accounts["kongjiang_resident"], accounts["committee_staff"]
    at(f"{FUND_YEAR}-01-05T09:00:00")
    if get(client, f"/funds/pools/310110012001/{FUND_YEAR}", accounts["street_official"]).status_code == 404:
        create_pool(client, accounts["street_official"], FUND_YEAR, 50_000_000)
    at(f"{FUND_YEAR}-03-02T10:00:00")
    draft = new_application(client, resident, FUND_YEAR, team=team_name())
    submitted = post(client, f"/funds/applications/{draft['id']}/submit", resident, {"version": draft["version"]})
    assert submitted.status_code == 200, submitted.body
    returned = post(client, f"/funds/applications/{draft['id']}/return_for_changes", staff,
                    {"version": submitted.json_body["version"]})
    assert_error(returned, 400, "validation_failed")
    recommended = post(client, f"/funds/applications/{draft['id']}/recommend", staff,
                       {"version": submitted.json_body["version"]})
    assert recommended.status_code == 200, recommended.body
    assert recommended.json_body["status"] == "in_notice"


def test_a_round_is_cancelled(client, accounts, at):
    from tests.api.access_matrix import ROUND_CREATED, round_body

    at(ROUND_CREATED)
    created = post(client, "/rounds", accounts["committee_staff"], round_body())
    assert created.status_code == 201, created.body
    round_id = created.json_body["id"]
    assert_error(post(client, f"/rounds/{round_id}/cancel", accounts["street_official"], {}), 400, "validation_failed")
    cancelled = post(client, f"/rounds/{round_id}/cancel", accounts["street_official"], {"reason": "场地另有安排。"})
    assert cancelled.status_code == 200, cancelled.body
    assert cancelled.json_body["status"] == "cancelled"


def test_a_residence_is_approved(client, accounts):
    request = pending_request(client)
    approved = post(client, f"/review/residences/{request['id']}/approve", accounts["committee_staff"],
                    {"version": request["version"]})
    assert approved.status_code == 200, approved.body
    assert approved.json_body["status"] == "approved"


def test_an_official_is_moved_then_disabled(client, accounts):
    street = accounts["street_official"]
    official = committee_staff_of_kongjiang(client, street)
    assert_error(post(client, f"/staff/{official['id']}/move", street, {"version": official["version"]}), 400,
                 "validation_failed")
    moved = post(client, f"/staff/{official['id']}/move", street,
                 {"version": official["version"], "division": "310110012003"})
    assert moved.status_code == 200, moved.body
    disabled = post(client, f"/staff/{official['id']}/disable", street, {"version": moved.json_body["version"]})
    assert disabled.status_code == 200, disabled.body
    assert disabled.json_body["status"] == "disabled"
