"""Ballots under each voting method, changed ballots, paper ballots in bulk, and what a
ballot reveals (nothing about its voter, to anyone)."""

from __future__ import annotations

import json

import pytest

from tests.api.suggestion_helpers import get, post
from tests.api.tally_helpers import tally
from tests.api.test_round_lifecycle import new_round, propose

COSTS = (4_000_000, 3_000_000, 2_000_000)


def round_in_voting(client, accounts, at, **overrides):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    at("2027-02-20T10:00:00")
    round_id = new_round(client, staff, **overrides)["id"]
    at("2027-03-02T10:00:00")
    projects = [propose(client, staff, round_id, f"项目{i}", cost) for i, cost in enumerate(COSTS)]
    at("2027-03-12T10:00:00")
    for project, cost in zip(projects, COSTS, strict=True):
        post(client, f"/rounds/{round_id}/projects/{project}/review", street, {"feasible": True, "final_cost_fen": cost})
    at("2027-03-22T10:00:00")
    return round_id, projects


def refused_rules(response):
    assert response.status_code == 422, response.body
    assert set(response.json_body) == {"code", "message", "details", "correlation_id"}
    return {d["rule"] for d in response.json_body["details"]}


def test_knapsack_ballots_must_fit_the_budget_and_spend_the_minimum_share(client, accounts, at):
    round_id, (a, b, c) = round_in_voting(client, accounts, at,
                                          budget_fen=8_000_000, method={"kind": "knapsack", "min_budget_share_percent": 50})
    voter = accounts["kongjiang_resident"]
    assert refused_rules(post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [a, b, c]})) == {"over_budget"}
    assert refused_rules(post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [c]})) == {"under_min_share"}
    assert post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [a, b]}).status_code == 201


def test_cumulative_ballots_keep_to_the_points(client, accounts, at):
    round_id, (a, b, c) = round_in_voting(client, accounts, at,
                                          method={"kind": "cumulative", "points": 10, "max_points_per_project": 6})
    voter = accounts["kongjiang_resident"]
    ballots = f"/rounds/{round_id}/ballots"
    assert refused_rules(post(client, ballots, voter, {"picks": [a, b], "points": [7, 3]})) == {"points_per_project"}
    assert refused_rules(post(client, ballots, voter, {"picks": [a, b, c], "points": [6, 3, 2]})) == {"points_total"}
    assert refused_rules(post(client, ballots, voter, {"picks": [a, b], "points": [5]})) == {"points_mismatch"}
    assert post(client, ballots, voter, {"picks": [a, b], "points": [6, 4]}).status_code == 201


@pytest.mark.parametrize(("picks", "rule"), [([], None), (["A", "B", "C"], "max_picks")])
def test_approval_ballots_keep_to_the_pick_limits(client, accounts, at, picks, rule):
    round_id, projects = round_in_voting(client, accounts, at)
    chosen = [projects[ord(p) - ord("A")] for p in picks]
    response = post(client, f"/rounds/{round_id}/ballots", accounts["kongjiang_resident"], {"picks": chosen})
    if rule is None:
        assert response.status_code == 400  # an empty ballot is malformed, before any rule
    else:
        assert refused_rules(response) == {rule}


def test_a_ballot_can_be_changed_with_its_private_code_and_the_last_one_counts(client, accounts, at):
    round_id, (a, b, c) = round_in_voting(client, accounts, at, allow_ballot_change=True)
    voter, street = accounts["kongjiang_resident"], accounts["street_official"]
    first = post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [a]}).json_body
    assert first["change_code"]
    wrong = post(client, f"/rounds/{round_id}/ballots", voter,
                 {"picks": [b], "replaces": {"receipt": first["receipt"], "change_code": "not-the-code"}})
    assert wrong.status_code == 422
    second = post(client, f"/rounds/{round_id}/ballots", voter,
                  {"picks": [c], "replaces": {"receipt": first["receipt"], "change_code": first["change_code"]}})
    assert second.status_code == 201, second.body
    at("2027-03-29T10:00:00")
    result = tally(client, round_id, street)
    assert result["ballots"] == 1
    assert {p["id"]: p["score"] for p in result["projects"]} == {a: 0, b: 0, c: 1}


def test_paper_ballots_in_bulk_each_on_a_code_once(client, accounts, at):
    staff = accounts["committee_staff"]
    round_id, (a, b, c) = round_in_voting(client, accounts, at)
    at("2027-03-20T10:00:00")
    codes = post(client, f"/rounds/{round_id}/codes", staff, {"count": 3}).json_body["codes"]
    at("2027-03-22T10:00:00")
    sheet = "\n".join([
        "code;picks",
        f"{codes[0]};{a},{b}",
        f"{codes[1]};{c}",
        f"{codes[0]};{c}",  # the same household twice
        "ZZZZ-ZZZZ-ZZZZ;" + a,  # a code nobody printed
        f"{codes[2]};{a},{b},{c}",  # three picks where two are allowed
        "garbage",
    ])
    report = post(client, f"/rounds/{round_id}/paper-ballots", staff, {"csv": sheet})
    assert report.status_code == 200, report.body
    lines = {line["line"]: line for line in report.json_body["lines"]}
    assert lines[2]["receipt"] and lines[3]["receipt"]
    assert lines[4]["rule"] == lines[5]["rule"] == "code_unusable"
    assert lines[6]["rule"] == "max_picks"
    assert lines[7]["rule"] == "malformed_line"
    assert (report.json_body["accepted"], report.json_body["refused"]) == (2, 4)
    # The code refused for its pick count is still good for a valid ballot.
    assert post(client, f"/rounds/{round_id}/ballots", staff, {"picks": [a], "code": codes[2]}).status_code == 201


def test_no_one_can_learn_through_the_api_who_cast_which_ballot(client, accounts, at):
    round_id, (a, _, _) = round_in_voting(client, accounts, at)
    voter = accounts["kongjiang_resident"]
    receipt = post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [a]}).json_body["receipt"]
    at("2027-03-29T10:00:00")
    tally(client, round_id, accounts["street_official"])
    for account in (accounts["platform_admin"], accounts["district_admin"], accounts["street_official"]):
        for path in (f"/rounds/{round_id}", f"/rounds/{round_id}/results"):
            body = get(client, path, account).body.decode()
            assert voter.phone[-8:] not in body and voter.user_id not in body
            assert receipt not in body  # receipts are only in the published ballot file, without voters


def test_a_voter_off_the_list_is_refused_as_such_before_and_after_the_voting_window(client, accounts, at):
    round_id, (a, _, _) = round_in_voting(client, accounts, at)
    for moment in ("2027-03-12T10:00:00", "2027-05-30T10:00:00"):
        at(moment)
        outsider = post(client, f"/rounds/{round_id}/ballots", accounts["resident"], {"picks": [a]})
        assert outsider.status_code == 403, outsider.body
        eligible = post(client, f"/rounds/{round_id}/ballots", accounts["kongjiang_resident"], {"picks": [a]})
        assert eligible.status_code == 422, eligible.body
        anonymous = client.http.post(f"/rounds/{round_id}/ballots", body=json.dumps({"picks": [a]}),
                                     headers={"Content-Type": "application/json"})
        assert anonymous.status_code == 401, anonymous.body


def test_a_paper_code_ballot_without_its_code_is_400_naming_the_field(client, accounts, at):
    round_id, (a, _, _) = round_in_voting(client, accounts, at)
    before = get(client, f"/rounds/{round_id}", accounts["committee_staff"]).json_body
    response = client.http.post(f"/rounds/{round_id}/code-ballots", body=json.dumps({"picks": [a]}),
                                headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.body
    assert response.json_body["code"] == "validation_failed"
    assert [d["field"] for d in response.json_body["details"]] == ["code"]
    assert get(client, f"/rounds/{round_id}", accounts["committee_staff"]).json_body == before
