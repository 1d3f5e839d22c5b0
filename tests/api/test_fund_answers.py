"""Every change to an application is answered with the application as it now stands: the
answer is built from what the change wrote, and must equal what reading it back shows the
same caller, at every step from draft to closed."""

from __future__ import annotations

import json

from tests.api.fund_helpers import application, create_pool, detail, new_application, upload_receipt
from tests.api.suggestion_helpers import post

YEAR = 2047


def changed(client, account, application_id: str, action: str, version: int, **fields) -> dict:
    response = post(client, f"/funds/applications/{application_id}/{action}", account, {"version": version, **fields})
    assert response.status_code == 200, response.body
    assert response.json_body == detail(client, account, application_id), action
    return response.json_body


def test_each_change_answers_what_a_read_shows_afterwards(client, accounts, at):
    resident, neighbour = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"]
    staff, street = accounts["committee_staff"], accounts["street_official"]
    at(f"{YEAR}-01-05T09:00:00")
    create_pool(client, street, YEAR, 10_000_000)

    at(f"{YEAR}-03-02T10:00:00")
    draft = new_application(client, resident, YEAR, team="答复一致队")
    assert draft == detail(client, resident, draft["id"])
    app_id = draft["id"]
    submitted = changed(client, resident, app_id, "submit", draft["version"])
    returned = changed(client, staff, app_id, "return_for_changes", submitted["version"], reason="请补充场次。")
    edited = client.http.put(f"/funds/applications/{app_id}",
                             body=json.dumps({**application(YEAR, team="答复一致队"), "purpose": "每月一次，共 8 场。",
                                              "version": returned["version"]}),
                             headers={"Content-Type": "application/json", **resident.headers})
    assert edited.status_code == 200, edited.body
    assert edited.json_body == detail(client, resident, app_id)
    assert [e["action"] for e in edited.json_body["timeline"]] == ["create", "submit", "return_for_changes", "edit"]
    resubmitted = changed(client, resident, app_id, "submit", edited.json_body["version"])
    in_notice = changed(client, staff, app_id, "recommend", resubmitted["version"])

    at(f"{YEAR}-03-05T10:00:00")
    objection = post(client, f"/funds/applications/{app_id}/objections", neighbour, {"reason": "请说明排练时间。"})
    assert objection.status_code == 201, objection.body
    waiting = detail(client, staff, app_id)
    assert waiting["version"] == in_notice["version"] and waiting["open_objections"] == 1
    answered = changed(client, staff, app_id, "answer_objection", waiting["version"],
                       objection_id=objection.json_body["id"], answer="工作日下午，在活动室内。")
    assert answered["objections"][0]["answer"] == "工作日下午，在活动室内。" and answered["open_objections"] == 0

    at(f"{YEAR}-03-20T10:00:00")
    approved = changed(client, street, app_id, "approve", answered["version"])
    funded = changed(client, street, app_id, "fund", approved["version"], advance_fen=300_000)
    started = changed(client, resident, app_id, "start", funded["version"])
    report = {"expenses": [{"line": 0, "actual_fen": 400_000, "receipts": [upload_receipt(client, resident)]},
                           {"line": 1, "actual_fen": 280_000, "receipts": [upload_receipt(client, resident)]}],
              "participants": 80, "outcome": "完成 8 场。"}
    reported = changed(client, resident, app_id, "report", started["version"], report=report)
    accepted = changed(client, street, app_id, "accept", reported["version"])
    closed = changed(client, staff, app_id, "close", accepted["version"])
    assert closed["status"] == "closed" and len(closed["timeline"]) == 14
