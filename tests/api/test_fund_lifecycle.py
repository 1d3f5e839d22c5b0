"""An autonomy-fund application through the HTTP API with real tokens, from draft to
closed, with the pool's figures and its ledger checked at every step that moves money:
draft → submit → return → edit → resubmit → recommend → public notice with an objection
→ answer → approve → fund → report with receipts → return → report → accept → close."""

from __future__ import annotations

from tests.api.fund_helpers import (
    COMMITTEE,
    act,
    all_pages,
    create_pool,
    detail,
    figures,
    ledger_sums,
    new_application,
    upload_receipt,
)
from tests.api.suggestion_helpers import get, post

YEAR = 2031
ALLOCATED = 20_000_000  # ¥200,000


def assert_pool(client, account, expected: tuple[int, int, int, int]) -> None:
    assert figures(client, account, YEAR) == expected
    sums = ledger_sums(client, account, YEAR)
    assert (sums["allocated_fen"], sums["available_fen"], sums["committed_fen"], sums["disbursed_fen"]) == expected


def test_an_application_from_draft_to_closed_moves_the_money_exactly(client, accounts, at):
    resident, neighbour = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"]
    staff, street = accounts["committee_staff"], accounts["street_official"]

    at(f"{YEAR}-01-05T09:00:00")
    created_pool = create_pool(client, street, YEAR, ALLOCATED)
    assert created_pool["is_open"] and created_pool["available_fen"] == ALLOCATED
    assert_pool(client, street, (ALLOCATED, ALLOCATED, 0, 0))

    at(f"{YEAR}-03-02T10:00:00")
    draft = new_application(client, resident, YEAR)
    assert draft["status"] == "draft" and draft["allowed_actions"] == ["submit", "withdraw"]
    assert draft["requested_fen"] == 800_000
    submitted = act(client, resident, draft["id"], "submit", draft["version"])
    assert submitted["status"] == "submitted"

    returned = act(client, staff, draft["id"], "return_for_changes", submitted["version"], reason="请补充演出场次安排。")
    assert returned["status"] == "changes_requested" and returned["last_comment"] == "请补充演出场次安排。"
    lines = [{"item": "排练场地租金", "unit_price_fen": 50_000, "quantity": 8},
             {"item": "乐谱与音响", "unit_price_fen": 300_000, "quantity": 1, "note": "含一次演出音响租赁"}]
    from tests.api.fund_helpers import application

    edited = client.http.put(f"/funds/applications/{draft['id']}",
                             body=__import__("json").dumps({**application(YEAR, lines=lines),
                                                            "purpose": "每月一次演出，共 8 场。",
                                                            "version": returned["version"]}),
                             headers={"Content-Type": "application/json", **resident.headers})
    assert edited.status_code == 200, edited.body
    edited = edited.json_body
    assert edited["requested_fen"] == 700_000 and edited["status"] == "changes_requested"
    resubmitted = act(client, resident, draft["id"], "submit", edited["version"])

    in_notice = act(client, staff, draft["id"], "recommend", resubmitted["version"])
    assert in_notice["status"] == "in_notice" and in_notice["phase"] == "in_notice"
    # Recommended on 2 March (Shanghai) for 7 days: objections until 9 March 24:00 Shanghai.
    assert in_notice["notice_ends_at"] == f"{YEAR}-03-09T16:00:00.000Z"

    # The committee's residents see the notice, without the lead's name.
    public = detail(client, neighbour, draft["id"])
    assert public["view"] == "public" and public["team"] is None and public["team_name"] == "阳光合唱团"
    assert "王阿姨" not in str(public)

    at(f"{YEAR}-03-05T12:00:00")
    act(client, street, draft["id"], "approve", in_notice["version"], expect=422)
    at(f"{YEAR}-03-09T23:59:59")
    objection = post(client, f"/funds/applications/{draft['id']}/objections", neighbour,
                     {"reason": "合唱团排练噪音影响 12 号楼居民休息，请说明排练时间。"})
    assert objection.status_code == 201, objection.body
    at(f"{YEAR}-03-10T00:00:00")
    late = post(client, f"/funds/applications/{draft['id']}/objections", neighbour, {"reason": "再补充一点。"})
    assert late.status_code == 422 and late.json_body["details"][0]["type"] == "outside_window"

    waiting = detail(client, street, draft["id"])
    assert waiting["phase"] == "notice_ended" and waiting["open_objections"] == 1
    refused = post(client, f"/funds/applications/{draft['id']}/approve", street, {"version": waiting["version"]})
    assert refused.status_code == 422 and refused.json_body["details"][0]["type"] == "objections_open"
    answered = act(client, staff, draft["id"], "answer_objection", waiting["version"],
                   objection_id=objection.json_body["id"], answer="排练安排在工作日 14:00–16:00，在活动室内进行。")
    assert answered["open_objections"] == 0 and answered["objections"][0]["answer"]
    told = all_pages(client, "/notifications/mine?limit=100", neighbour)
    assert any(m["subject_id"] == draft["id"] and m["event"] == "objection_answered" and "14:00" in m["text"]
               for m in told)
    assert "objector_key" not in str(answered)
    assert_pool(client, street, (ALLOCATED, ALLOCATED, 0, 0))

    approved = act(client, street, draft["id"], "approve", answered["version"])
    assert approved["status"] == "approved" and approved["approved_fen"] == 700_000
    assert_pool(client, street, (ALLOCATED, ALLOCATED - 700_000, 700_000, 0))

    funded = act(client, street, draft["id"], "fund", approved["version"], advance_fen=300_000)
    assert funded["status"] == "funded" and funded["disbursed_fen"] == 300_000
    assert_pool(client, street, (ALLOCATED, ALLOCATED - 700_000, 400_000, 300_000))

    started = act(client, resident, draft["id"], "start", funded["version"])
    assert started["status"] == "in_progress"

    report = {"expenses": [{"line": 0, "actual_fen": 350_000, "receipts": [upload_receipt(client, resident)]},
                           {"line": 1, "actual_fen": 280_000, "receipts": [upload_receipt(client, resident)]}],
              "participants": 96, "outcome": "完成 7 场演出，平均每场 14 位老人参加。"}
    reported = act(client, resident, draft["id"], "report", started["version"], report=report)
    assert reported["status"] == "reported" and reported["report"]["actual_total_fen"] == 630_000
    sent_back = act(client, staff, draft["id"], "return", reported["version"], reason="第 1 项缺一张收据，请补充。")
    assert sent_back["status"] == "in_progress"
    report["expenses"][0]["receipts"].append(upload_receipt(client, resident, b"\x89PNG\r\n\x1a\n", "image/png"))
    reported = act(client, resident, draft["id"], "report", sent_back["version"], report=report)
    assert [e["receipt_count"] for e in reported["report"]["expenses"]] == [2, 1]

    accepted = act(client, street, draft["id"], "accept", reported["version"])
    assert accepted["status"] == "accepted" and accepted["disbursed_fen"] == 630_000
    # Paid what was spent; the 70,000 fen it did not use went back to the pool.
    assert_pool(client, street, (ALLOCATED, ALLOCATED - 630_000, 0, 630_000))

    closed = act(client, staff, draft["id"], "close", accepted["version"])
    assert closed["status"] == "closed" and closed["allowed_actions"] == []
    actions = [event["action"] for event in detail(client, resident, draft["id"])["timeline"]]
    assert actions == ["create", "submit", "return_for_changes", "edit", "submit", "recommend", "object",
                       "answer_objection", "approve", "fund", "start", "report", "return", "report", "accept", "close"]

    inbox = all_pages(client, "/notifications/mine?limit=100", resident)
    events = {m["event"] for m in inbox if m["subject_id"] == draft["id"]}
    assert {"return_for_changes", "recommend", "approve", "fund", "accept", "close"} <= events

    listed = get(client, f"/funds/pools/{COMMITTEE}/{YEAR}/applications", neighbour)
    assert listed.status_code == 200 and [i["id"] for i in listed.json_body["items"]] == [draft["id"]]
    mine = all_pages(client, "/funds/applications/mine?limit=100", resident)
    assert draft["id"] in [i["id"] for i in mine]
