"""A draft sent again from a phone on a bad network: the same Idempotency-Key gives the
same draft, never a second one; the key with another body is refused."""

from __future__ import annotations

import uuid

from tests.api.fund_helpers import COMMITTEE, application, create_pool
from tests.api.suggestion_helpers import get, post

YEAR = 2032


def test_a_retried_draft_is_created_once(client, accounts, at):
    resident = accounts["kongjiang_resident"]
    at(f"{YEAR}-02-01T09:00:00")
    create_pool(client, accounts["street_official"], YEAR, 5_000_000)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = application(YEAR, team="重发测试队")
    first = post(client, "/funds/applications", resident, body, key)
    again = post(client, "/funds/applications", resident, body, key)
    assert first.status_code == again.status_code == 201
    assert first.json_body["id"] == again.json_body["id"]
    listed = get(client, f"/funds/pools/{COMMITTEE}/{YEAR}/applications?limit=100", accounts["street_official"])
    assert [i["team_name"] for i in listed.json_body["items"]].count("重发测试队") == 1

    other = post(client, "/funds/applications", resident, {**body, "title": "另一个项目"}, key)
    assert other.status_code == 409 and other.json_body["code"] == "idempotency_key_reused"
    short = post(client, "/funds/applications", resident, body, {"Idempotency-Key": "short"})
    assert short.status_code == 400
