"""The whole loop through the HTTP API with real tokens: submit → accept → assign →
transfer → return → reply → rate → reopen → reply → close, every step on the timeline."""

from __future__ import annotations

from tests.api.fund_helpers import all_pages
from tests.api.suggestion_helpers import (
    KONGJIANG_COMMITTEE,
    YANJI_STREET,
    act,
    detail,
    get,
    post,
    submit,
)


def test_the_closed_loop_from_submission_to_a_rated_closed_case(client, accounts):
    resident, street = accounts["resident"], accounts["street_official"]
    staff, neighbour = accounts["committee_staff"], accounts["neighbour_street_official"]

    receipt = submit(client, resident)
    case_id = receipt["id"]
    assert receipt["status"] == "submitted"
    assert receipt["tracking_no"][6] == "-" and len(receipt["tracking_no"]) == 13
    assert receipt["deadlines"]["acknowledge_by"] < receipt["deadlines"]["reply_by"]

    assert act(client, street, case_id, "accept")["status"] == "accepted"
    assigned = act(client, street, case_id, "assign", {"committee": KONGJIANG_COMMITTEE})
    assert (assigned["status"], assigned["jurisdiction"]) == ("assigned", KONGJIANG_COMMITTEE)

    moved = act(client, street, case_id, "transfer", {"to_street": YANJI_STREET, "reason": "地址属于延吉新村街道"})
    assert (moved["status"], moved["jurisdiction"]) == ("transferred", YANJI_STREET)
    # The case left 控江路街道: its official and committee no longer see it.
    assert get(client, f"/suggestions/{case_id}", street).status_code == 404
    assert get(client, f"/suggestions/{case_id}", staff).status_code == 404
    assert detail(client, neighbour, case_id)["status"] == "transferred"

    back = act(client, neighbour, case_id, "return", {"reason": "经核实属于控江路街道辖区"})
    assert (back["status"], back["jurisdiction"]) == ("assigned", KONGJIANG_COMMITTEE)
    assert get(client, f"/suggestions/{case_id}", neighbour).status_code == 404

    replied = act(client, staff, case_id, "reply",
                  {"message": "已协调区建管委，计划下月加装盲道。", "adoption": "adopted"})
    assert replied["status"] == "replied"

    mine = detail(client, resident, case_id)
    assert mine["reply"]["adoption"] == "adopted" and mine["can_rate"] is True
    rated = post(client, f"/suggestions/{case_id}/rating", resident, {"score": 2, "comment": "进度太慢"})
    assert rated.status_code == 201, rated.body
    assert rated.json_body["reopened"] is True
    assert detail(client, street, case_id)["status"] == "reopened"

    act(client, street, case_id, "reply", {"message": "盲道已于本周完工。", "adoption": "adopted"})
    closed = act(client, street, case_id, "close")
    assert closed["status"] == "closed"

    timeline = detail(client, resident, case_id)["timeline"]
    assert [e["action"] for e in timeline] == [
        "submit", "accept", "assign", "transfer", "return", "reply", "rate", "reopen", "reply", "close"
    ]
    assert [e["status_to"] for e in timeline] == [
        "submitted", "accepted", "assigned", "transferred", "assigned", "replied", "replied", "reopened",
        "replied", "closed",
    ]
    assert timeline[3]["reason"] == "地址属于延吉新村街道"
    # Residents see which body acted, never which official's account.
    assert all(e["actor_id"] is None for e in timeline)
    official_view = detail(client, street, case_id)["timeline"]
    assert all(e["actor_id"] for e in official_view)
    assert official_view[6]["message"] == "进度太慢"

    inbox = all_pages(client, "/notifications/mine?limit=100", resident)
    told = {n["event"] for n in inbox if n["subject_id"] == case_id}
    assert {"submit", "accept", "assign", "transfer", "return", "reply", "reopen", "close"} <= told


def test_tracking_number_finds_the_case(client, accounts):
    resident = accounts["resident"]
    receipt = submit(client, resident)
    found = detail(client, resident, receipt["tracking_no"])
    assert found["id"] == receipt["id"]


def test_a_reply_can_be_rated_for_thirty_days_and_a_second_low_rating_does_not_reopen(client, accounts, monkeypatch):
    from datetime import timedelta

    from chalicelib import clock

    resident, street = accounts["resident"], accounts["street_official"]
    case_id = submit(client, resident)["id"]
    act(client, street, case_id, "accept")
    act(client, street, case_id, "reply", {"message": "已处理。", "adoption": "adopted"})
    assert post(client, f"/suggestions/{case_id}/rating", resident, {"score": 1}).json_body["reopened"] is True
    act(client, street, case_id, "reply", {"message": "已再次处理。", "adoption": "adopted"})

    real_now = clock.utc_now()
    monkeypatch.setattr("chalicelib.clock.utc_now", lambda: real_now + timedelta(days=31))
    late = post(client, f"/suggestions/{case_id}/rating", resident, {"score": 1})
    assert late.status_code == 422 and late.json_body["details"][0]["field"] == "score"
    assert detail(client, resident, case_id)["can_rate"] is False

    monkeypatch.setattr("chalicelib.clock.utc_now", lambda: real_now + timedelta(days=29))
    second = post(client, f"/suggestions/{case_id}/rating", resident, {"score": 1})
    assert second.status_code == 201 and second.json_body["reopened"] is False
    assert detail(client, street, case_id)["status"] == "replied"
