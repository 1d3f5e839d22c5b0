"""Every route of the app against every kind of caller, each pair its own test.

The cells are generated from the app's route table when the tests are collected, so a
route added to the app gets a row of failing cells until its expected statuses are written
into access_matrix.EXPECTED, and a row for a route that is gone fails too. The table is
the access policy in one place; the services each enforce their part of it, and this
checks that what they enforce is what the table says: 401 without a token, 403 for a
role that may never do it, 404 for a resource outside the caller's jurisdiction, and a
real success for everyone else.
"""

from __future__ import annotations

import itertools
import json
from datetime import datetime
from typing import Any

import boto3
import pytest
from chalice.test import Client

from app import app
from chalicelib.clock import SHANGHAI
from chalicelib.funds.models import Action as FundAction
from tests.api.access_matrix import (
    AFTER_NOTICE,
    ANY_TIME,
    CATEGORY,
    DRAFTING,
    EXPECTED,
    FUND_YEAR,
    IDENTITIES,
    MEETING_HELD,
    MEETING_STARTS,
    MONTH,
    MONTH_OVER,
    POOL_SET_UP,
    PROJECT_COST,
    PROPOSING,
    RECIPES,
    ROUND_CREATED,
    SELECTION_CREATED,
    TALLYING,
    VOTING,
    Caller,
    RouteKey,
    label,
    round_body,
    selection_body,
)
from tests.api.conftest import SUITE_ENVIRONMENT
from tests.api.fund_helpers import act as act_on_application
from tests.api.fund_helpers import application, create_pool, new_application
from tests.api.helpers import ERROR_KEYS
from tests.api.meeting_helpers import meeting_body
from tests.api.residence_helpers import approved_request, pending_request
from tests.api.staff_helpers import committee_staff_of_kongjiang, disabled_committee_staff_of_kongjiang
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE, KONGJIANG_STREET, YANJI_STREET, get, post, submit
from tests.api.suggestion_helpers import act as act_on_case
from tests.api.tally_helpers import tally
from tests.api.test_fund_access import team_name, valid_body
from tests.scan_guard import forbid_scans

REFUSAL_CODES = {403: "forbidden", 404: "not_found"}
FIRST_UNUSED_POOL_YEAR = 2060
POOL_ALLOCATION = 50_000_000


def route_table() -> set[tuple[str, str]]:
    return {(method, path) for path, methods in app.routes.items() for method in methods}


def cells():
    for method, path in sorted(route_table()):
        # A route missing from the table still gets its cells, which then fail and say so.
        variants = sorted(v for m, p, v in EXPECTED if (m, p) == (method, path)) or [""]
        for variant in variants:
            for identity in IDENTITIES:
                route = (method, path, variant)
                yield pytest.param(route, identity, id=f"{label(route)} as {identity}")


class World:
    """The resources the calls act on, made through the API by the accounts that would make
    them. Each kind is made once and shared, except for a call that needs a fresh one."""

    def __init__(self, client, accounts, patch: pytest.MonkeyPatch):
        self.client, self.accounts, self.patch = client, accounts, patch
        self.shared: dict[str, dict[str, Any]] = {}
        self.pool_years = itertools.count(FIRST_UNUSED_POOL_YEAR)

    def at(self, shanghai_time: str) -> None:
        instant = datetime.fromisoformat(shanghai_time).replace(tzinfo=SHANGHAI)
        self.patch.setattr("chalicelib.clock.utc_now", lambda: instant)

    def resource(self, kind: str, fresh: bool = False) -> dict[str, Any]:
        if fresh:
            return getattr(self, kind)()
        if kind not in self.shared:
            self.shared[kind] = getattr(self, kind)()
        return self.shared[kind]

    def call(self, route: RouteKey, caller: Caller):
        method, path, variant = route
        recipe = RECIPES[route]
        if isinstance(recipe.resource, dict):
            fields = recipe.resource
        else:
            fields = self.resource(recipe.resource, fresh=recipe.fresh and caller.allowed)
        body = recipe.body(self, fields, caller) if callable(recipe.body) else recipe.body
        self.at(recipe.at(fields) if callable(recipe.at) else recipe.at)
        account = IDENTITIES[caller.identity]
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if account:
            # An allowed call that erases its caller is made by a stand-in of the same kind.
            acting = fields["stand_in"] if caller.allowed and "stand_in" in fields else self.accounts[account]
            headers.update(acting.headers)
        raw = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
        return self.client.http.request(method, path.format(action=variant, **fields) + recipe.query, headers, raw)

    # --- suggestions -------------------------------------------------------------------

    def submitted_case(self) -> dict[str, Any]:
        self.at(ANY_TIME)
        return {"id": submit(self.client, self.accounts["kongjiang_resident"], category=CATEGORY)["id"]}

    def accepted_case(self) -> dict[str, Any]:
        case = self.submitted_case()
        act_on_case(self.client, self.accounts["street_official"], case["id"], "accept")
        return case

    def replied_case(self) -> dict[str, Any]:
        case = self.accepted_case()
        act_on_case(self.client, self.accounts["street_official"], case["id"], "reply",
                    {"message": "已安排整改。", "adoption": "adopted"})
        return case

    def case_transferred_to_kongjiang(self) -> dict[str, Any]:
        """A case of the neighbouring street that its officials sent to 控江路街道, which may return it."""
        self.at(ANY_TIME)
        case = submit(self.client, self.accounts["kongjiang_resident"], category=CATEGORY, division=YANJI_STREET)
        act_on_case(self.client, self.accounts["neighbour_street_official"], case["id"], "transfer",
                    {"to_street": KONGJIANG_STREET, "reason": "地点属于控江路街道。"})
        return {"id": case["id"]}

    def merge_target(self) -> dict[str, Any]:
        return self.accepted_case()

    # --- funds -------------------------------------------------------------------------

    def fund_pool(self) -> dict[str, Any]:
        self.at(POOL_SET_UP)
        street = self.accounts["street_official"]
        if get(self.client, f"/funds/pools/{KONGJIANG_COMMITTEE}/{FUND_YEAR}", street).status_code == 404:
            create_pool(self.client, street, FUND_YEAR, POOL_ALLOCATION)
        return {"division": KONGJIANG_COMMITTEE, "year": FUND_YEAR}

    def unused_pool_year(self) -> dict[str, Any]:
        return {"division": KONGJIANG_COMMITTEE, "year": next(self.pool_years)}

    def draft(self, lead: str = "kongjiang_resident") -> dict[str, Any]:
        self.resource("fund_pool")
        self.at(DRAFTING)
        # A team of its own, so that approvals elsewhere never bring it to the yearly team cap.
        created = new_application(self.client, self.accounts[lead], FUND_YEAR, team=team_name())
        return {"id": created["id"], "version": created["version"], "team_name": created["team_name"]}

    def paper_draft(self) -> dict[str, Any]:
        """A team's paper form entered by the committee's staff, who take the team's steps for it."""
        self.resource("fund_pool")
        self.at(DRAFTING)
        entered = post(self.client, "/review/funds/applications", self.accounts["committee_staff"],
                       {**application(FUND_YEAR, team=team_name()), "channel": "paper"})
        assert entered.status_code == 201, entered.body
        return {"id": entered.json_body["id"], "version": entered.json_body["version"]}

    def submitted_application(self, lead: str = "kongjiang_resident") -> dict[str, Any]:
        draft = self.draft(lead)
        submitted = act_on_application(self.client, self.accounts[lead], draft["id"], "submit", draft["version"])
        return {**draft, "version": submitted["version"]}

    def application_in_notice(self, lead: str = "kongjiang_resident") -> dict[str, Any]:
        submitted = self.submitted_application(lead)
        in_notice = act_on_application(self.client, self.accounts["committee_staff"], submitted["id"], "recommend",
                                       submitted["version"])
        return {**submitted, "version": in_notice["version"]}

    def neighbours_application_in_notice(self) -> dict[str, Any]:
        # The own resident objects to a neighbour's application, never to their own.
        return self.application_in_notice("kongjiang_neighbour")

    def objected_application(self) -> dict[str, Any]:
        in_notice = self.neighbours_application_in_notice()
        objected = post(self.client, f"/funds/applications/{in_notice['id']}/objections",
                        self.accounts["kongjiang_resident"], {"reason": "活动噪音会影响 12 号楼居民休息。"})
        assert objected.status_code == 201, objected.body
        return {**in_notice, "objection_id": objected.json_body["id"]}

    def _moved(self, application: dict[str, Any], account: str, action: str) -> dict[str, Any]:
        self.at(AFTER_NOTICE)
        fields = {k: v for k, v in valid_body(FundAction(action), 0).items() if k != "version"}
        moved = act_on_application(self.client, self.accounts[account], application["id"], action,
                                   application["version"], **fields)
        return {**application, "version": moved["version"]}

    def approved_application(self) -> dict[str, Any]:
        return self._moved(self.application_in_notice(), "street_official", "approve")

    def funded_application(self) -> dict[str, Any]:
        return self._moved(self.approved_application(), "street_official", "fund")

    def started_application(self) -> dict[str, Any]:
        return self._moved(self.funded_application(), "kongjiang_resident", "start")

    def reported_application(self) -> dict[str, Any]:
        return self._moved(self.started_application(), "kongjiang_resident", "report")

    def accepted_application(self) -> dict[str, Any]:
        return self._moved(self.reported_application(), "street_official", "accept")

    # --- rounds ------------------------------------------------------------------------

    def open_round(self) -> dict[str, Any]:
        """A round with one feasible project, open for proposals, then voting, then the tally."""
        staff, street = self.accounts["committee_staff"], self.accounts["street_official"]
        self.at(ROUND_CREATED)
        created = post(self.client, "/rounds", staff, round_body())
        assert created.status_code == 201, created.body
        round_id = created.json_body["id"]
        self.at(PROPOSING)
        proposed = post(self.client, f"/rounds/{round_id}/proposals", staff,
                        {"title": "口袋花园", "description": "把闲置空地改成口袋花园。", "estimated_cost_fen": PROJECT_COST})
        assert proposed.status_code == 201, proposed.body
        project_id = proposed.json_body["id"]
        reviewed = post(self.client, f"/rounds/{round_id}/projects/{project_id}/review", street,
                        {"feasible": True, "final_cost_fen": PROJECT_COST})
        assert reviewed.status_code == 200, reviewed.body
        return {"id": round_id, "project_id": project_id}

    def tallied_round(self) -> dict[str, Any]:
        """A round whose one project won on one ballot, its result published."""
        round_ = self.open_round()
        self.at(VOTING)
        cast = post(self.client, f"/rounds/{round_['id']}/ballots", self.accounts["kongjiang_resident"],
                    {"picks": [round_["project_id"]]})
        assert cast.status_code == 201, cast.body
        self.at(TALLYING)
        tallied = tally(self.client, round_["id"], self.accounts["street_official"])
        assert [p["selected"] for p in tallied["projects"]] == [True]
        return round_

    def selection_with_source(self) -> dict[str, Any]:
        """The street's selection of the fund year, in its nominations window, and an accepted
        fund application of 控一 that nobody has nominated yet."""
        application = self.accepted_application()
        self.at(SELECTION_CREATED)
        created = post(self.client, "/rounds", self.accounts["street_official"], selection_body())
        assert created.status_code == 201, created.body
        return {"id": created.json_body["id"], "application_id": application["id"]}

    def paper_code(self, round_id: str) -> str:
        self.at(PROPOSING)
        printed = post(self.client, f"/rounds/{round_id}/codes", self.accounts["committee_staff"], {"count": 1})
        assert printed.status_code == 201, printed.body
        return printed.json_body["codes"][0]

    # --- deliberation ------------------------------------------------------------------

    def _topic(self, author: str) -> dict[str, Any]:
        self.at(ANY_TIME)
        raised = post(self.client, "/topics", self.accounts[author], {
            "division": KONGJIANG_COMMITTEE, "title": "小区门口加装减速带", "background": "车速快。",
            "proposal": "加两道减速带。"})
        assert raised.status_code == 201, raised.body
        return {"id": raised.json_body["id"]}

    def neighbours_topic(self) -> dict[str, Any]:
        return self._topic("kongjiang_neighbour")

    def my_comment(self) -> dict[str, Any]:
        topic = self.neighbours_topic()
        made = post(self.client, f"/topics/{topic['id']}/comments", self.accounts["kongjiang_resident"], {"text": "赞成。"})
        assert made.status_code == 201, made.body
        return {**topic, "comment_id": made.json_body["id"]}

    def my_hidden_topic(self) -> dict[str, Any]:
        topic = self._topic("kongjiang_resident")
        hidden = post(self.client, f"/review/topics/{topic['id']}/hide", self.accounts["committee_staff"],
                      {"reason": "含他人电话"})
        assert hidden.status_code == 200, hidden.body
        return topic

    def my_appealed_topic(self) -> dict[str, Any]:
        topic = self.my_hidden_topic()
        appealed = post(self.client, f"/topics/{topic['id']}/appeals", self.accounts["kongjiang_resident"],
                        {"text": "电话是公共服务电话。"})
        assert appealed.status_code == 201, appealed.body
        return topic

    # --- meetings ----------------------------------------------------------------------

    def meeting_body(self) -> dict[str, Any]:
        """A meeting for a topic of its own: a topic's path takes one step of a kind at a time."""
        return meeting_body([self.neighbours_topic()["id"]], starts_at=MEETING_STARTS,
                            ends_at=MEETING_STARTS.replace("T19:", "T21:"))

    def _meeting_act(self, meeting: dict[str, Any], action: str, account: str, body: dict[str, Any]) -> dict[str, Any]:
        done = post(self.client, f"/meetings/{meeting['id']}/{action}", self.accounts[account], body)
        assert done.status_code == 200, done.body
        return dict(done.json_body)

    def scheduled_meeting(self) -> dict[str, Any]:
        body = self.meeting_body()
        self.at(ANY_TIME)
        made = post(self.client, "/meetings", self.accounts["committee_staff"], body)
        assert made.status_code == 201, made.body
        return {"id": made.json_body["id"]}

    def registered_meeting(self) -> dict[str, Any]:
        meeting = self.scheduled_meeting()
        self._meeting_act(meeting, "register", "kongjiang_resident", {})
        return meeting

    def held_meeting(self) -> dict[str, Any]:
        meeting = self.scheduled_meeting()
        self.at(MEETING_HELD)
        self._meeting_act(meeting, "attend", "committee_staff", {"count": 30})
        return meeting

    def decided_meeting(self) -> dict[str, Any]:
        meeting = self.held_meeting()
        decided = self._meeting_act(meeting, "decide", "committee_staff",
                                    {"text": "养犬须牵绳。", "votes_for": 20, "votes_against": 2, "votes_abstain": 1})
        return {**meeting, "decision_id": decided["decisions"][-1]["id"]}

    def convention(self) -> dict[str, Any]:
        meeting = self.decided_meeting()
        carried = self._meeting_act(meeting, "carry", "committee_staff",
                                    {"decision_id": meeting["decision_id"], "target": "convention", "title": "文明养犬公约"})
        return {"id": carried["decisions"][-1]["carried_to"]["ref_id"]}

    # --- officials' accounts ------------------------------------------------------------

    def committee_official(self) -> dict[str, Any]:
        return committee_staff_of_kongjiang(self.client, self.accounts["street_official"])

    def disabled_committee_official(self) -> dict[str, Any]:
        return disabled_committee_staff_of_kongjiang(self.client, self.accounts["street_official"])

    # --- residence ---------------------------------------------------------------------

    def pending_residence(self) -> dict[str, Any]:
        return pending_request(self.client)

    def approved_residence(self) -> dict[str, Any]:
        return approved_request(self.client, self.accounts["committee_staff"])

    # --- personal data -----------------------------------------------------------------

    def erasable_resident(self) -> dict[str, Any]:
        """A resident of its own: DELETE /me must not erase the session's shared accounts."""
        from tests.api.test_personal_data import new_resident

        return {"stand_in": new_resident()}

    # --- publication -------------------------------------------------------------------

    def requested_month(self) -> dict[str, Any]:
        self.at(MONTH_OVER)
        asked = post(self.client, f"/publications/{MONTH}", self.accounts["platform_admin"], {})
        assert asked.status_code == 202, asked.body
        return {"month": MONTH}


def take_our_month_off_the_queue(stack) -> None:
    """Other modules expect the publications queue to hold only what they asked for."""
    sqs = boto3.client("sqs", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    while True:
        messages = sqs.receive_message(QueueUrl=stack.publications_queue_url, MaxNumberOfMessages=10,
                                       VisibilityTimeout=0, WaitTimeSeconds=0).get("Messages", [])
        ours = [m for m in messages if json.loads(m["Body"]).get("month") == MONTH]
        if not ours:
            return
        for message in ours:
            sqs.delete_message(QueueUrl=stack.publications_queue_url, ReceiptHandle=message["ReceiptHandle"])


@pytest.fixture(autouse=True)
def _fresh_settings_and_clients():
    """Replaces tests/conftest.py's fixture for this module: its cells share the world's
    settings and AWS clients, since new boto3 clients for each of five hundred cells cost
    minutes, and the scan guard is registered on the world's DynamoDB client."""
    yield


@pytest.fixture(scope="module")
def world(stack, accounts):
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {**stack.app_environment(), **SUITE_ENVIRONMENT}.items():
            patch.setenv(name, value)
        # Sent at once, so that take_our_month_off_the_queue finds what the matrix asked for.
        patch.setattr("chalicelib.publishing.jobs.MESSAGE_DELAY_SECONDS", 0)
        from chalicelib.aws import reset_clients
        from chalicelib.settings import reset_settings

        reset_settings()
        reset_clients()
        with forbid_scans(), Client(app) as client:
            yield World(client, accounts, patch)
        take_our_month_off_the_queue(stack)


def test_every_route_of_the_app_is_in_the_matrix():
    missing = route_table() - {(method, path) for method, path, _ in EXPECTED}
    assert not missing, f"add these routes to access_matrix.EXPECTED and RECIPES: {sorted(missing)}"


def test_the_matrix_names_only_routes_the_app_has():
    gone = {(method, path) for method, path, _ in EXPECTED} - route_table()
    assert not gone, f"these routes are no longer in the app: {sorted(gone)}"


def test_every_row_has_a_recipe_and_a_status_for_each_caller():
    assert set(RECIPES) == set(EXPECTED)
    assert {route: len(row) for route, row in EXPECTED.items() if len(row) != len(IDENTITIES)} == {}


@pytest.mark.parametrize(("route", "identity"), list(cells()))
def test_access(world, route, identity):
    assert route in EXPECTED, f"{label(route)} is not in the access matrix (tests/api/access_matrix.py)"
    expected = EXPECTED[route][list(IDENTITIES).index(identity)]
    response = world.call(route, Caller(identity, allowed=200 <= expected < 300))

    assert response.status_code == expected, (response.status_code, response.body[:500])
    if expected in REFUSAL_CODES:
        # The platform's own refusal, not a gateway's answer for a path it does not know.
        error = json.loads(response.body)
        assert set(error) == ERROR_KEYS and error["code"] == REFUSAL_CODES[expected], error
