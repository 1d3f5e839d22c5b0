"""A whole participatory-budgeting round through the HTTP API with real tokens:
create → proposals → review → voting (account, roster, paper code) → tally → results →
objection → implementation → evaluation → closed. The clock is moved through the
round's Shanghai-time schedule."""

from __future__ import annotations

import json
import subprocess
import sys

import boto3

from tests.api.suggestion_helpers import get, post
from tests.api.tally_helpers import tally

COMMITTEE = "310110012001"
SCHEDULE = {
    "proposals": {"starts": "2027-03-01T09:00:00", "ends": "2027-03-10T18:00:00"},
    "review": {"starts": "2027-03-11T09:00:00", "ends": "2027-03-20T18:00:00"},
    "voting": {"starts": "2027-03-21T09:00:00", "ends": "2027-03-28T20:00:00"},
    "results": {"starts": "2027-03-30T09:00:00", "ends": "2027-04-06T18:00:00"},
    "implementation": {"starts": "2027-04-07T09:00:00", "ends": "2027-06-30T18:00:00"},
    "evaluation": {"starts": "2027-07-01T09:00:00", "ends": "2027-07-15T18:00:00"},
}




def new_round(client, account, **overrides):
    body = {
        "scope": COMMITTEE,
        "title": "控一小区微更新 2027",
        "description": "小区公共空间改造，居民提议、投票决定。",
        "budget_fen": 10_000_000,
        "schedule": SCHEDULE,
        "method": {"kind": "approval", "min_picks": 1, "max_picks": 2},
        "rule": "greedy",
        "eligibility": {"accounts": True, "roster": True, "paper_codes": True},
    }
    body.update(overrides)
    response = post(client, "/rounds", account, body)
    assert response.status_code == 201, response.body
    return response.json_body


def propose(client, account, round_id, title, cost):
    response = post(client, f"/rounds/{round_id}/proposals", account,
                    {"title": title, "description": f"{title}：具体方案见附件。", "estimated_cost_fen": cost})
    assert response.status_code == 201, response.body
    return response.json_body["id"]


def test_a_whole_round_from_proposals_to_closing(client, accounts, at, stack):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    voter, roster_voter, outsider = accounts["kongjiang_resident"], accounts["other_resident"], accounts["resident"]

    at("2027-02-20T10:00:00")
    round_ = new_round(client, staff)
    round_id = round_["id"]
    assert round_["phase"] == "upcoming"
    assert round_["schedule"]["voting"] == {"starts": "2027-03-21T01:00:00.000Z", "ends": "2027-03-28T12:00:00.000Z"}
    assert post(client, f"/rounds/{round_id}/roster", staff, {"phones": [roster_voter.phone]}).json_body["added"] == 1
    codes = post(client, f"/rounds/{round_id}/codes", staff, {"count": 2}).json_body["codes"]
    assert len(set(codes)) == 2

    at("2027-03-02T10:00:00")
    lift = propose(client, voter, round_id, "加装楼道扶手", 3_000_000)
    garden = propose(client, roster_voter, round_id, "口袋花园", 5_000_000)
    bikes = propose(client, voter, round_id, "非机动车棚", 4_000_000)
    pool = propose(client, staff, round_id, "室外泳池", 9_000_000)
    assert post(client, f"/rounds/{round_id}/proposals", outsider,
                {"title": "x", "description": "y", "estimated_cost_fen": 1}).status_code == 403

    at("2027-03-12T10:00:00")
    for project, cost in ((lift, 3_200_000), (garden, 5_000_000), (bikes, 4_500_000)):
        reviewed = post(client, f"/rounds/{round_id}/projects/{project}/review", street,
                        {"feasible": True, "final_cost_fen": cost})
        assert reviewed.status_code == 200 and reviewed.json_body["status"] == "feasible"
    refused = post(client, f"/rounds/{round_id}/projects/{pool}/review", street,
                   {"feasible": False, "reason": "场地不足，安全风险高"})
    assert refused.json_body["status"] == "infeasible"

    at("2027-03-21T08:59:59")
    early = post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [lift]})
    assert early.status_code == 422 and early.json_body["details"][0]["type"] == "outside_window"

    at("2027-03-22T10:00:00")
    receipt = post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [lift, garden]})
    assert receipt.status_code == 201, receipt.body
    again = post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [bikes]})
    assert again.status_code == 409 and again.json_body["code"] == "already_voted"
    on_infeasible = post(client, f"/rounds/{round_id}/ballots", roster_voter, {"picks": [pool]})
    assert on_infeasible.status_code == 422 and on_infeasible.json_body["details"][0]["rule"] == "unknown_project"
    assert post(client, f"/rounds/{round_id}/ballots", roster_voter, {"picks": [garden, bikes]}).status_code == 201
    assert post(client, f"/rounds/{round_id}/ballots", outsider, {"picks": [garden]}).status_code == 403
    by_code = client.http.post(f"/rounds/{round_id}/code-ballots", headers={"Content-Type": "application/json"},
                               body=json.dumps({"picks": [garden], "code": codes[0].lower()}))
    assert by_code.status_code == 201, by_code.body
    reused = client.http.post(f"/rounds/{round_id}/code-ballots", headers={"Content-Type": "application/json"},
                              body=json.dumps({"picks": [bikes], "code": codes[0]}))
    assert reused.status_code == 422 and reused.json_body["details"][0]["type"] == "code_unusable"
    assert post(client, f"/rounds/{round_id}/ballots", staff, {"picks": [lift], "code": codes[1]}).status_code == 201

    at("2027-03-28T20:00:01")
    late = post(client, f"/rounds/{round_id}/ballots", roster_voter, {"picks": [lift]})
    assert late.status_code == 422

    tallied = tally(client, round_id, street)
    assert tallied["ballots"] == 4
    scores = {p["id"]: p["score"] for p in tallied["projects"]}
    assert scores == {lift: 2, garden: 3, bikes: 1}
    assert [p["id"] for p in tallied["projects"] if p["selected"]] == [garden, lift]
    assert post(client, f"/rounds/{round_id}/tally", street, {}).status_code == 422
    assert get(client, f"/rounds/{round_id}/results").json_body == tallied

    # Anyone can recount the published ballots; a voter, signed in, is told which one is
    # theirs, and their receipt is in no public file.
    s3 = boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                      aws_access_key_id="testing", aws_secret_access_key="testing")
    published = s3.get_object(Bucket=stack.public_bucket, Key=tallied["ballots_file"])["Body"].read().decode()
    assert receipt.json_body["receipt"] not in published
    mine = get(client, f"/rounds/{round_id}/my-ballot", voter).json_body
    assert f"\n{mine['published_ballot_id']};{','.join(sorted([lift, garden]))}\n" in published or \
        f"\n{mine['published_ballot_id']};{','.join([lift, garden])}\n" in published
    assert voter.phone not in published and voter.user_id not in published
    recount = recount_file(published, "greedy", tmp_name=round_id)
    assert sorted(recount["selected"]) == sorted([garden, lift])
    assert recount["total_cost"] == tallied["total_cost_fen"]

    at("2027-03-31T10:00:00")
    objection = post(client, f"/rounds/{round_id}/objections", voter, {"text": "非机动车棚更急需", "project_id": bikes})
    assert objection.status_code == 201
    assert len(get(client, f"/rounds/{round_id}", street).json_body["objections"]) == 1
    assert get(client, f"/rounds/{round_id}", voter).json_body["objections"] == []
    # A household voting with a paper code reads the ballot unsigned: what a voter sees, no more.
    unsigned = client.http.get(f"/rounds/{round_id}/ballot")
    assert unsigned.status_code == 200
    assert unsigned.json_body == get(client, f"/rounds/{round_id}", voter).json_body
    assert client.http.get("/rounds/01JD0000000000000000000000/ballot").status_code == 404

    at("2027-05-10T10:00:00")
    progress = post(client, f"/rounds/{round_id}/progress", street,
                    {"project_id": garden, "status": "in_progress", "percent": 40, "note": "已完成土方和排水"})
    assert progress.status_code == 201, progress.body
    not_selected = post(client, f"/rounds/{round_id}/progress", street,
                        {"project_id": bikes, "status": "in_progress", "percent": 10, "note": "x"})
    assert not_selected.status_code == 422

    at("2027-07-02T10:00:00")
    evaluation = post(client, f"/rounds/{round_id}/evaluations", voter, {"project_id": garden, "score": 5})
    assert evaluation.status_code == 201
    assert post(client, f"/rounds/{round_id}/evaluations", voter, {"project_id": garden, "score": 1}).status_code == 409
    assert post(client, f"/rounds/{round_id}/close", street, {}).status_code == 422  # the evaluation is still open

    at("2027-07-16T10:00:00")
    closed = post(client, f"/rounds/{round_id}/close", street, {})
    assert closed.status_code == 200, closed.body
    final = get(client, f"/rounds/{round_id}", voter).json_body
    assert final["phase"] == "closed"
    assert final["evaluations"] == [{"project_id": garden, "count": 1, "mean": 5.0}]
    assert [(p["project_id"], p["percent"]) for p in final["progress"]] == [(garden, 40)]


def recount_file(text: str, rule: str, tmp_name: str) -> dict:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{tmp_name}.pb"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "chalicelib.voting.tally", "--rule", rule, str(path)],
                              capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_officials_of_another_street_cannot_act_on_a_round(client, accounts, at):
    at("2027-02-20T10:00:00")
    round_id = new_round(client, accounts["committee_staff"])["id"]
    for account in (accounts["foreign_street_official"], accounts["neighbour_street_official"],
                    accounts["other_committee_staff"]):
        for path, body in ((f"/rounds/{round_id}/roster", {"phones": ["+8613900000099"]}),
                           (f"/rounds/{round_id}/codes", {"count": 1}),
                           (f"/rounds/{round_id}/tally", {}),
                           (f"/rounds/{round_id}/cancel", {"reason": "x"}),
                           (f"/rounds/{round_id}/proposals",
                            {"title": "t", "description": "d", "estimated_cost_fen": 100})):
            response = post(client, path, account, body)
            assert response.status_code == 404, (account.name, path, response.body)

