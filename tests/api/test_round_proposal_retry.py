"""A proposal sent again from a phone on a bad network: the same Idempotency-Key gives the
same project, never a second one, also when the first try committed and its answer was
lost; the key with another body, or for another round, is refused."""

from __future__ import annotations

import uuid

from chalicelib.errors import ServiceUnavailableError
from chalicelib.voting import repository
from tests.api.helpers import assert_error, get, post
from tests.api.test_round_lifecycle import new_round

PROPOSAL = {"title": "楼道扶手", "description": "三号楼楼道加装扶手，方便老人上下楼。", "estimated_cost_fen": 300_000}


def projects_titled(client, account, round_id, title):
    projects = get(client, f"/rounds/{round_id}", account).json_body["projects"]
    return [p["id"] for p in projects if p["title"] == title]


def open_round(client, accounts, at):
    at("2027-02-20T10:00:00")
    round_id = new_round(client, accounts["committee_staff"])["id"]
    at("2027-03-02T10:00:00")
    return round_id


def test_a_retried_proposal_is_one_project_and_the_key_with_another_body_is_refused(client, accounts, at):
    voter = accounts["kongjiang_resident"]
    round_id = open_round(client, accounts, at)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = post(client, f"/rounds/{round_id}/proposals", voter, PROPOSAL, key)
    again = post(client, f"/rounds/{round_id}/proposals", voter, PROPOSAL, key)
    assert first.status_code == again.status_code == 201, (first.body, again.body)
    assert again.json_body == first.json_body
    assert projects_titled(client, voter, round_id, PROPOSAL["title"]) == [first.json_body["id"]]

    changed = post(client, f"/rounds/{round_id}/proposals", voter, {**PROPOSAL, "estimated_cost_fen": 400_000}, key)
    assert_error(changed, 409, "idempotency_key_reused")
    elsewhere = new_round(client, accounts["committee_staff"], title="控一小区微更新 第二期")["id"]
    assert_error(post(client, f"/rounds/{elsewhere}/proposals", voter, PROPOSAL, key), 409, "idempotency_key_reused")
    assert projects_titled(client, voter, elsewhere, PROPOSAL["title"]) == []

    # The same key from another resident is theirs: a project of their own.
    neighbour = post(client, f"/rounds/{round_id}/proposals", accounts["kongjiang_neighbour"], PROPOSAL, key)
    assert neighbour.status_code == 201, neighbour.body
    assert neighbour.json_body["id"] != first.json_body["id"]

    assert_error(post(client, f"/rounds/{round_id}/proposals", voter, PROPOSAL, {"Idempotency-Key": "short"}), 400)


def test_a_proposal_whose_answer_was_lost_is_one_project_after_the_retry(client, accounts, at, monkeypatch):
    voter = accounts["kongjiang_resident"]
    round_id = open_round(client, accounts, at)
    written = repository.write
    lost: list[bool] = []

    def commits_then_times_out(items):
        written(items)
        if not lost:
            lost.append(True)
            # What a read timeout after DynamoDB applied the transaction looks like to the service.
            raise ServiceUnavailableError(headers={"Retry-After": "1"})

    monkeypatch.setattr(repository, "write", commits_then_times_out)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {**PROPOSAL, "title": "单元门口雨棚"}
    failed = post(client, f"/rounds/{round_id}/proposals", voter, body, key)
    assert failed.status_code == 503, failed.body
    (created,) = projects_titled(client, voter, round_id, body["title"])

    retried = post(client, f"/rounds/{round_id}/proposals", voter, body, key)
    assert retried.status_code == 201, retried.body
    assert retried.json_body["id"] == created
    assert projects_titled(client, voter, round_id, body["title"]) == [created]
    assert post(client, f"/rounds/{round_id}/proposals", voter, body, key).json_body == retried.json_body
