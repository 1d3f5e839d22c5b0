"""A street's yearly 十佳项目评选 through the HTTP API: three committees nominate their completed
projects of the year (an accepted autonomy fund, projects selected in closed participatory-budgeting
rounds), verified residents of the street vote online and households by paper code, the count runs
as the tally job, and the result is published with the round's files and in the month's
publication; the published ballots.pb recounts, with the recount command, to the published result."""

from __future__ import annotations

import json
import subprocess
import sys

import boto3
import pytest

from local_stack.provision import add_user, sign_in
from tests.api import fund_helpers
from tests.api.conftest import PASSWORD, Account
from tests.api.suggestion_helpers import get, post
from tests.api.tally_helpers import tally
from tests.api.test_publication import month_files, run_schedule

# The access matrix creates pools for 控一 from 2060 upward, one year per recipe.
YEAR = 2081
STREET = "310110012"
KONG_YI, XIN_HUI, SI_CUN = "310110012001", "310110012003", "310110012004"
OUTSIDE_COMMITTEE = "310110015001"  # 延吉新村街道: another street of the district


def window(starts: str, ends: str) -> dict[str, str]:
    return {"starts": f"{YEAR}-{starts}T09:00:00", "ends": f"{YEAR}-{ends}T18:00:00"}


PB_SCHEDULE = {"proposals": window("04-01", "04-05"), "review": window("04-06", "04-10"),
               "voting": window("04-11", "04-15"), "results": window("04-16", "04-20"),
               "implementation": window("04-21", "05-31"), "evaluation": window("06-01", "06-10")}
SELECTION_SCHEDULE = {"proposals": window("07-01", "07-10"), "review": window("07-11", "07-15"),
                      "voting": window("07-16", "07-25"), "results": window("07-27", "07-31"),
                      "implementation": window("08-01", "08-31"), "evaluation": window("09-01", "09-10")}


@pytest.fixture(scope="module")
def people(stack) -> dict[str, Account]:
    """Staff of two more committees (one outside the street), and residents verified in 欣辉 and
    in the other street."""
    made = {}
    for n, (name, role, division) in enumerate((
            ("si_cun_staff", "committee_staff", SI_CUN), ("outside_staff", "committee_staff", OUTSIDE_COMMITTEE),
            ("xin_hui_resident", "resident", XIN_HUI), ("outside_resident", "resident", OUTSIDE_COMMITTEE))):
        phone = f"+8613620620{n:03d}"
        user = add_user(stack, phone=phone, password=PASSWORD, role=role, division=division)
        made[name] = Account(name, role, division, phone, user.user_id, sign_in(stack, phone, PASSWORD))
    return made


def accepted_fund(client, accounts, at) -> str:
    """An autonomy-fund project of 控一, carried out and accepted by the street in YEAR."""
    resident, street = accounts["kongjiang_resident"], accounts["street_official"]
    at(f"{YEAR}-01-05T09:00:00")
    fund_helpers.create_pool(client, street, YEAR, 5_000_000)
    in_notice = fund_helpers.to_approval(client, accounts, at, YEAR)
    act = fund_helpers.act
    approved = act(client, street, in_notice["id"], "approve", in_notice["version"])
    funded = act(client, street, approved["id"], "fund", approved["version"], advance_fen=300_000)
    started = act(client, resident, funded["id"], "start", funded["version"])
    report = {"expenses": [{"line": 0, "actual_fen": 450_000, "receipts": [fund_helpers.upload_receipt(client, resident)]},
                           {"line": 1, "actual_fen": 280_000, "receipts": [fund_helpers.upload_receipt(client, resident)]}],
              "participants": 96, "outcome": "完成 7 场演出，平均每场 14 位老人参加。"}
    reported = act(client, resident, started["id"], "report", started["version"], report=report)
    accepted = act(client, street, reported["id"], "accept", reported["version"], reason="演出记录齐全，验收通过。")
    assert accepted["status"] == "accepted"
    return accepted["id"]


def closed_pb_round(client, at, staff, committee: str, evaluator: Account | None = None) -> tuple[str, str, str]:
    """A committee's PB round of YEAR, voted by paper code and closed: (round, winner, loser)."""
    at(f"{YEAR}-03-25T10:00:00")
    created = post(client, "/rounds", staff, {
        "scope": committee, "title": f"{committee} 微更新 {YEAR}", "budget_fen": 10_000_000,
        "schedule": PB_SCHEDULE, "method": {"kind": "approval", "max_picks": 1},
        "eligibility": {"accounts": True, "paper_codes": True}})
    assert created.status_code == 201, created.body
    round_id = created.json_body["id"]
    codes = post(client, f"/rounds/{round_id}/codes", staff, {"count": 2}).json_body["codes"]
    at(f"{YEAR}-04-02T10:00:00")
    projects = []
    for title, cost in (("口袋花园", 6_000_000), ("楼道扶手", 5_000_000)):
        proposed = post(client, f"/rounds/{round_id}/proposals", staff,
                        {"title": title, "description": f"{title}：具体方案见附件。", "estimated_cost_fen": cost})
        assert proposed.status_code == 201, proposed.body
        projects.append((proposed.json_body["id"], cost))
    at(f"{YEAR}-04-07T10:00:00")
    for project, cost in projects:
        reviewed = post(client, f"/rounds/{round_id}/projects/{project}/review", staff,
                        {"feasible": True, "final_cost_fen": cost})
        assert reviewed.status_code == 200, reviewed.body
    winner, loser = projects[0][0], projects[1][0]
    at(f"{YEAR}-04-12T10:00:00")
    for code in codes:
        assert post(client, f"/rounds/{round_id}/ballots", staff, {"picks": [winner], "code": code}).status_code == 201
    at(f"{YEAR}-04-16T10:00:00")
    assert [p["id"] for p in tally(client, round_id, staff)["projects"] if p["selected"]] == [winner]
    if evaluator is not None:
        at(f"{YEAR}-06-02T10:00:00")
        rated = post(client, f"/rounds/{round_id}/evaluations", evaluator, {"project_id": winner, "score": 4})
        assert rated.status_code == 201, rated.body
    at(f"{YEAR}-06-11T10:00:00")
    closed = post(client, f"/rounds/{round_id}/close", staff, {})
    assert closed.status_code == 200 and closed.json_body["status"] == "closed", closed.body
    return round_id, winner, loser


def nominate(client, staff, round_id: str, body: dict, key: str | None = None):
    return post(client, f"/rounds/{round_id}/nominations", staff, body, {"Idempotency-Key": key} if key else None)


def test_a_selection_from_nominations_to_a_published_recountable_result(client, accounts, at, stack, people):
    street, kong_yi_staff, xin_hui_staff = accounts["street_official"], accounts["committee_staff"], \
        accounts["other_committee_staff"]
    si_cun_staff = people["si_cun_staff"]

    fund_id = accepted_fund(client, accounts, at)
    xin_hui_round, xin_hui_winner, xin_hui_loser = closed_pb_round(client, at, xin_hui_staff, XIN_HUI,
                                                                   people["xin_hui_resident"])
    si_cun_round, si_cun_winner, _ = closed_pb_round(client, at, si_cun_staff, SI_CUN)

    at(f"{YEAR}-06-20T10:00:00")
    selection = {"kind": "selection", "scope": STREET, "year": YEAR, "title": f"控江路街道{YEAR}年度十佳项目评选",
                 "schedule": SELECTION_SCHEDULE, "method": {"kind": "approval", "max_picks": 2},
                 "eligibility": {"accounts": True, "paper_codes": True}}
    assert post(client, "/rounds", kong_yi_staff, selection).status_code == 403  # committees do not open one
    assert post(client, "/rounds", accounts["neighbour_street_official"], selection).status_code == 404
    assert post(client, "/rounds", street, {**selection, "budget_fen": 1_000_000}).status_code == 400
    created = post(client, "/rounds", street, selection)
    assert created.status_code == 201, created.body
    round_id = created.json_body["id"]
    assert (created.json_body["kind"], created.json_body["year"], created.json_body["rule"]) == ("selection", YEAR, "top_k")
    assert created.json_body["budget_fen"] == 0 and created.json_body["method_limits"]["max_picks"] == 2
    codes = post(client, f"/rounds/{round_id}/codes", street, {"count": 2}).json_body["codes"]

    fund_source = {"source": "fund_application", "id": fund_id}
    assert nominate(client, kong_yi_staff, round_id, fund_source).status_code == 422  # before its window
    at(f"{YEAR}-07-02T10:00:00")
    first = nominate(client, kong_yi_staff, round_id, fund_source, key="nominate-fund-2081")
    assert first.status_code == 201, first.body
    fund_candidate = first.json_body
    assert fund_candidate["title"] == "社区合唱团为老服务演出" and fund_candidate["status"] == "feasible"
    nomination = fund_candidate["nomination"]
    assert nomination["committee"] == KONG_YI and nomination["spending_fen"] == 730_000
    assert nomination["participants"] == 96 and "验收通过" in nomination["acceptance_note"]
    assert "nominated_by" not in nomination
    retried = nominate(client, kong_yi_staff, round_id, fund_source, key="nominate-fund-2081")
    assert retried.status_code == 201 and retried.json_body["id"] == fund_candidate["id"]
    assert nominate(client, kong_yi_staff, round_id, fund_source).status_code == 409  # the same source twice
    # Another committee's fund, a committee outside the street, a project its round did not select.
    assert nominate(client, xin_hui_staff, round_id, fund_source).status_code == 404
    assert nominate(client, people["outside_staff"], round_id, fund_source).status_code == 404
    refused = nominate(client, xin_hui_staff, round_id,
                       {"source": "round_project", "round": xin_hui_round, "project": xin_hui_loser})
    assert refused.status_code == 422 and refused.json_body["details"][0]["type"] == "not_completed"
    assert nominate(client, street, round_id, fund_source).status_code == 403
    xin_hui = nominate(client, xin_hui_staff, round_id,
                       {"source": "round_project", "round": xin_hui_round, "project": xin_hui_winner})
    assert xin_hui.status_code == 201, xin_hui.body
    assert xin_hui.json_body["nomination"]["evaluation_count"] == 1
    assert xin_hui.json_body["nomination"]["evaluation_mean"] == 4.0
    assert xin_hui.json_body["nomination"]["spending_fen"] == 6_000_000
    si_cun = nominate(client, si_cun_staff, round_id, {"source": "round_project", "round": si_cun_round,
                                                       "project": si_cun_winner})
    assert si_cun.status_code == 201, si_cun.body
    fund_pick, xin_hui_pick, si_cun_pick = fund_candidate["id"], xin_hui.json_body["id"], si_cun.json_body["id"]
    # Residents do not propose to a selection: its candidates are nominated.
    assert post(client, f"/rounds/{round_id}/proposals", accounts["kongjiang_resident"],
                {"title": "x", "description": "y", "estimated_cost_fen": 1}).status_code == 422

    listed = get(client, f"/rounds?division={KONG_YI}").json_body["items"]
    assert [r["kind"] for r in listed if r["id"] == round_id] == ["selection"]
    shown = get(client, f"/rounds/{round_id}", accounts["kongjiang_resident"]).json_body
    assert {p["id"] for p in shown["projects"]} == {fund_pick, xin_hui_pick, si_cun_pick}

    at(f"{YEAR}-07-17T10:00:00")
    ballots = f"/rounds/{round_id}/ballots"
    for voter, picks in ((accounts["kongjiang_resident"], [fund_pick, xin_hui_pick]),
                         (people["xin_hui_resident"], [xin_hui_pick, si_cun_pick]),
                         (accounts["kongjiang_neighbour"], [xin_hui_pick])):
        cast = post(client, ballots, voter, {"picks": picks})
        assert cast.status_code == 201, cast.body
    assert post(client, ballots, people["outside_resident"], {"picks": [fund_pick]}).status_code == 403
    assert post(client, ballots, accounts["resident"], {"picks": [fund_pick]}).status_code == 403
    assert post(client, ballots, accounts["kongjiang_neighbour"], {"picks": [si_cun_pick]}).status_code == 409
    over = post(client, ballots, people["xin_hui_resident"], {"picks": [fund_pick, xin_hui_pick, si_cun_pick]})
    assert over.status_code == 422
    for code in codes:
        by_code = client.http.post(f"/rounds/{round_id}/code-ballots", headers={"Content-Type": "application/json"},
                                   body=json.dumps({"picks": [si_cun_pick], "code": code}))
        assert by_code.status_code == 201, by_code.body

    at(f"{YEAR}-07-26T10:00:00")
    result = tally(client, round_id, street)
    assert (result["kind"], result["rule"], result["ballots"]) == ("selection", "top_k", 5)
    votes = {p["id"]: (p["score"], p["selected"]) for p in result["projects"]}
    assert votes == {xin_hui_pick: (3, True), si_cun_pick: (3, True), fund_pick: (1, False)}
    assert not result["tie_decided"]

    s3 = boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                      aws_access_key_id="testing", aws_secret_access_key="testing")
    published = s3.get_object(Bucket=stack.public_bucket, Key=f"rounds/{round_id}/ballots.pb")["Body"].read()
    assert json.loads(s3.get_object(Bucket=stack.public_bucket, Key=f"rounds/{round_id}/results.json")["Body"].read()
                      )["projects"] == result["projects"]
    recount = subprocess.run([sys.executable, "-m", "chalicelib.voting.tally", "/dev/stdin"], input=published,
                             capture_output=True, check=True)
    assert json.loads(recount.stdout)["selected"] == sorted(p["id"] for p in result["projects"] if p["selected"])

    at(f"{YEAR}-08-01T10:00:00")
    run_schedule(client, f"{YEAR}-07-31T17:00:00Z")
    files = month_files(s3, stack, f"{YEAR}-07")
    summary = json.loads(files["summary.json"])
    (line,) = [r for r in summary["rounds"] if r["round_id"] == round_id]
    assert line["kind"] == "selection" and line["rule"] == "top_k"
    assert line["files"] == {"ballots": f"rounds/{round_id}.pb", "results": f"rounds/{round_id}.json"}
    assert files[f"rounds/{round_id}.pb"] and "十佳项目评选" in files["index.html"].decode("utf-8")
