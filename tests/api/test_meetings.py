"""Meetings through the HTTP API: scheduling for topics, registration (once per person, within
capacity), attendance, minutes and decisions by staff only, carrying a decision into each of its
four targets exactly once, jurisdiction, bad input and the audit trail."""

from __future__ import annotations

import uuid

from tests.api import fund_helpers
from tests.api.helpers import assert_error, get, post
from tests.api.meeting_helpers import (
    COMMITTEE,
    act,
    held_meeting_with_decision,
    meeting,
    meeting_body,
    raise_topic,
    schedule,
)
from tests.api.test_round_lifecycle import SCHEDULE as ROUND_SCHEDULE
from tests.api.test_round_lifecycle import new_round

BEFORE = "2051-05-02T10:00:00"
FUND_YEAR = 2051


def audit_actions(meeting_id: str) -> list[str]:
    from chalicelib.storage import dynamo

    items, _ = dynamo.query_page(key_condition="PK = :pk", values={":pk": f"AUDIT#meeting#{meeting_id}"}, limit=100,
                                 consistent=True)
    return [i["action"] for i in items]


def test_registration_attendance_minutes_and_decisions(client, accounts, at):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    resident, neighbour = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"]
    at(BEFORE)
    topic = raise_topic(client, resident)
    created = schedule(client, staff, [topic], capacity=1)
    meeting_id = created["id"]
    assert created["status"] == "scheduled" and created["registered"] == 0 and created["topic_ids"] == [topic]
    assert created["registrations"] == []

    # One seat: registered once, the second person is refused while it is taken.
    mine = act(client, resident, meeting_id, "register", {"name": "3号楼 王阿姨"})
    assert mine["my_registration"] and mine["registered"] == 1 and mine["registrations"] is None
    assert mine["allowed_actions"] == ["unregister"]
    assert_error(post(client, f"/meetings/{meeting_id}/register", resident, {}), 409)
    assert_error(post(client, f"/meetings/{meeting_id}/register", neighbour, {}), 422)
    act(client, resident, meeting_id, "unregister")
    act(client, neighbour, meeting_id, "register")
    assert_error(post(client, f"/meetings/{meeting_id}/register", resident, {}), 422)
    # Only verified residents of the committee register; officials never do.
    assert_error(post(client, f"/meetings/{meeting_id}/register", accounts["other_resident"], {}), 403)
    assert_error(post(client, f"/meetings/{meeting_id}/register", staff, {}), 403)

    seen = meeting(client, staff, meeting_id)
    assert [r["phone"] for r in seen["registrations"]] == [f"{neighbour.phone[3:6]}****{neighbour.phone[-4:]}"]
    registration = seen["registrations"][0]["id"]

    # Attendance: staff only, of this jurisdiction, once the meeting has started.
    assert_error(post(client, f"/meetings/{meeting_id}/attend", resident, {"count": 3}), 403)
    assert_error(post(client, f"/meetings/{meeting_id}/attend", accounts["other_committee_staff"], {"count": 3}), 404)
    assert_error(get(client, f"/meetings/{meeting_id}", accounts["foreign_street_official"]), 404)
    assert_error(post(client, f"/meetings/{meeting_id}/attend", staff, {"count": 3}), 409)
    at("2051-05-10T19:10:00")
    assert_error(post(client, f"/meetings/{meeting_id}/attend", staff,
                      {"count": 3, "present": ["01JD0000000000000000000000"]}), 422)
    assert_error(post(client, f"/meetings/{meeting_id}/attend", staff, {"count": 0, "present": [registration]}), 422)
    held = act(client, staff, meeting_id, "attend", {"count": 12, "present": [registration], "version": seen["version"]})
    assert held["status"] == "held" and held["attendance"] == 12
    assert held["registrations"][0]["present"] is True
    assert_error(post(client, f"/meetings/{meeting_id}/unregister", neighbour, {}), 409)

    # Minutes: the phone in them is masked for residents, kept for staff.
    minutes = act(client, street, meeting_id, "minutes", {"text": "王阿姨（13912345678）介绍了情况，居民充分讨论。"})
    assert "13912345678" in minutes["minutes"]["text"]
    assert "13912345678" not in meeting(client, resident, meeting_id)["minutes"]["text"]

    # Decisions: the room's vote cannot count more people than came.
    assert_error(post(client, f"/meetings/{meeting_id}/decide", staff,
                      {"text": "同意。", "votes_for": 10, "votes_against": 2, "votes_abstain": 1}), 422)
    decided = act(client, staff, meeting_id, "decide",
                  {"text": "同意划定集中停放区。", "votes_for": 9, "votes_against": 2, "votes_abstain": 1})
    assert decided["decisions"][0]["passed"] is True and decided["decisions"][0]["carried_to"] is None
    assert_error(post(client, f"/meetings/{meeting_id}/decide", resident,
                      {"text": "x", "votes_for": 1, "votes_against": 0, "votes_abstain": 0}), 403)

    assert audit_actions(meeting_id) == ["schedule", "attend", "minutes", "decide"]
    listed = get(client, f"/meetings?division={COMMITTEE}&when=past").json_body["items"]
    assert meeting_id in [m["id"] for m in listed]


def test_bad_input_changes_nothing(client, accounts, at):
    staff, resident = accounts["committee_staff"], accounts["kongjiang_resident"]
    at(BEFORE)
    topic = raise_topic(client, resident, title="垃圾分类点位调整")

    def upcoming() -> list[str]:
        return [m["id"] for m in get(client, f"/meetings?division={COMMITTEE}&limit=100").json_body["items"]]

    before = upcoming()
    for body, status in (
        (meeting_body([topic], ends_at="2051-05-10T18:00:00"), 400),
        (meeting_body([topic], kind="party"), 400),
        (meeting_body([]), 400),
        (meeting_body([topic, topic]), 400),
        (meeting_body([topic], capacity=0), 400),
        (meeting_body([topic], extra=1), 400),
        (meeting_body(["01JD0000000000000000000000"]), 404),
        # A topic of 控一 for a meeting of another committee, by its street.
        (meeting_body([topic], division="310110012003"), 422),
    ):
        account = accounts["street_official"] if status == 422 else staff
        assert_error(post(client, "/meetings", account, body, {"Idempotency-Key": str(uuid.uuid4())}), status)
    # Outside one's jurisdiction the division does not exist; a resident may not schedule at all.
    assert_error(post(client, "/meetings", accounts["other_committee_staff"], meeting_body([topic])), 404)
    assert_error(post(client, "/meetings", resident, meeting_body([topic])), 403)
    assert upcoming() == before

    created = schedule(client, staff, [topic])
    for action, body in (("attend", {}), ("cancel", {}), ("decide", {"text": "x"}), ("register", {"count": 1})):
        response = post(client, f"/meetings/{created['id']}/{action}", staff, body)
        assert response.status_code in (400, 404), (action, response.body)
    assert meeting(client, staff, created["id"])["version"] == created["version"]
    cancelled = act(client, staff, created["id"], "cancel", {"reason": "会议室另有安排。"})
    assert cancelled["status"] == "cancelled" and cancelled["allowed_actions"] == []
    assert_error(post(client, f"/meetings/{created['id']}/register", resident, {}), 409)
    assert audit_actions(created["id"]) == ["schedule", "cancel"]


def test_a_decision_is_carried_into_each_target_once(client, accounts, at):
    staff, street, resident = accounts["committee_staff"], accounts["street_official"], accounts["kongjiang_resident"]
    at("2051-01-05T09:00:00")
    fund_helpers.create_pool(client, street, FUND_YEAR, 10_000_000)
    at("2051-02-20T10:00:00")
    round_id = new_round(client, staff, schedule={
        phase: {edge: moment.replace("2027-", "2051-") for edge, moment in window.items()}
        for phase, window in ROUND_SCHEDULE.items()})["id"]
    at("2051-03-01T08:00:00")
    topic = raise_topic(client, resident, title="小区花园改造")
    starts = {"starts_at": "2051-03-02T09:00:00", "ends_at": "2051-03-02T11:00:00"}
    held, first = held_meeting_with_decision(client, accounts, at, [topic], during="2051-03-02T10:00:00", **starts)
    meeting_id = held["id"]
    decisions = [first] + [
        act(client, staff, meeting_id, "decide", {"text": text, "votes_for": 20, "votes_against": 1, "votes_abstain": 0})
        ["decisions"][-1]["id"]
        for text in ("由阳光合唱团申请自治金开展花园认养。", "建议街道协调物业开放后门。", "养犬须牵绳，犬粪随手清理。")]
    lost = act(client, staff, meeting_id, "decide",
               {"text": "取消花园。", "votes_for": 2, "votes_against": 20, "votes_abstain": 1})["decisions"][-1]["id"]

    carry = f"/meetings/{meeting_id}/carry"
    # Bad input changes nothing: a missing field for the target, a field of another target.
    assert_error(post(client, carry, staff, {"decision_id": first, "target": "pb_proposal", "title": "花园"}), 400)
    assert_error(post(client, carry, staff, {"decision_id": first, "target": "convention", "title": "花园",
                                             "round_id": round_id}), 400)
    assert_error(post(client, carry, staff, {"decision_id": lost, "target": "convention", "title": "取消"}), 422)
    assert_error(post(client, carry, resident, {"decision_id": first, "target": "convention", "title": "x"}), 403)
    assert_error(post(client, carry, accounts["other_committee_staff"],
                      {"decision_id": first, "target": "convention", "title": "x"}), 404)

    proposal = act(client, staff, meeting_id, "carry", {"decision_id": first, "target": "pb_proposal",
                                                        "title": "口袋花园改造", "round_id": round_id,
                                                        "estimated_cost_fen": 4_000_000})
    carried = proposal["decisions"][0]["carried_to"]
    assert carried["target"] == "pb_proposal" and carried["round_id"] == round_id
    projects = get(client, f"/rounds/{round_id}", staff).json_body["projects"]
    assert [p["title"] for p in projects if p["id"] == carried["project_id"]] == ["口袋花园改造"]
    again = post(client, carry, staff, {"decision_id": first, "target": "convention", "title": "花园"})
    assert_error(again, 409)

    fund = act(client, staff, meeting_id, "carry", {
        "decision_id": decisions[1], "target": "fund_application", "title": "花园认养",
        "application": {**{k: v for k, v in fund_helpers.application(FUND_YEAR, team="花园认养小组").items()
                           if k not in ("title", "purpose")}, "lead_phone": "+8613900000778", "sms_consent": False}})
    draft_id = fund["decisions"][1]["carried_to"]["ref_id"]
    draft = get(client, f"/funds/applications/{draft_id}", staff).json_body
    assert draft["status"] == "draft" and draft["title"] == "花园认养" and draft["team"]["name"] == "花园认养小组"
    assert draft["sms_consent"] is False  # the lead said no to texts in the room

    suggestion = act(client, staff, meeting_id, "carry", {
        "decision_id": decisions[2], "target": "suggestion", "title": "开放小区后门", "category": "property_management",
        "submitter_phone": "+8613900000777", "sms_consent": False})
    case_id = suggestion["decisions"][2]["carried_to"]["ref_id"]
    case = get(client, f"/suggestions/{case_id}", street).json_body
    assert case["channel"] == "meeting" and case["title"] == "开放小区后门"
    from chalicelib.suggestions.repository import get_case

    assert get_case(case_id).sms_consent is False  # unset, a meeting's entry would text the representative

    convention = act(client, staff, meeting_id, "carry",
                     {"decision_id": decisions[3], "target": "convention", "title": "文明养犬公约"})
    convention_id = convention["decisions"][3]["carried_to"]["ref_id"]
    published = client.http.get(f"/conventions?division={COMMITTEE}").json_body["items"]
    assert [c["title"] for c in published if c["id"] == convention_id] == ["文明养犬公约"]
    one = client.http.get(f"/conventions/{convention_id}").json_body
    # Published text passes the scrubber, which also reads full-width punctuation as ASCII.
    assert one["text"] == "养犬须牵绳,犬粪随手清理。" and one["votes_for"] == 20 and one["meeting_id"] == meeting_id
    assert client.http.get("/conventions/01JD0000000000000000000000").status_code == 404

    for decision in decisions:
        assert_error(post(client, carry, staff, {"decision_id": decision, "target": "convention", "title": "再来"}), 409)
    assert audit_actions(meeting_id).count("carry") == 4


def test_no_meeting_is_scheduled_for_an_answered_topic_and_the_refusal_changes_nothing(client, accounts, at,
                                                                                      monkeypatch):
    from tests.api.topic_helpers import act as act_on_topic

    staff, resident = accounts["committee_staff"], accounts["kongjiang_resident"]
    at(BEFORE)
    still_open = raise_topic(client, resident, title="楼道照明改造")
    answered = raise_topic(client, resident, title="小区门口摆摊")
    act_on_topic(client, staff, answered, "answer", {"text": "已由城管处理，无需议事。"})

    def upcoming() -> list[str]:
        return [m["id"] for m in get(client, f"/meetings?division={COMMITTEE}&limit=100").json_body["items"]]

    before = upcoming()
    refused = assert_error(post(client, "/meetings", staff, meeting_body([still_open, answered]),
                                {"Idempotency-Key": str(uuid.uuid4())}), 409)
    detail = refused["details"][0]
    assert (detail["field"], detail["type"], detail["status"]) == ("topic_ids.1", "wrong_state", "answered")
    assert detail["allowed_actions"] == ["hide"]

    # Answered between the check and the write: the meeting's own transaction refuses it, whole.
    from chalicelib.meetings import service as meetings

    monkeypatch.setattr(meetings, "require_schedulable", lambda principal, topic, field: None)
    again = assert_error(post(client, "/meetings", staff, meeting_body([still_open, answered]),
                              {"Idempotency-Key": str(uuid.uuid4())}), 409)
    assert again["details"][0]["field"] == "topic_ids.1" and again["details"][0]["status"] == "answered"
    assert upcoming() == before
    for topic_id, status in ((still_open, "open"), (answered, "answered")):
        seen = get(client, f"/topics/{topic_id}", staff).json_body
        assert seen["status"] == status and seen["meeting_ids"] == []
        assert "meeting_scheduled" not in [p["step"] for p in seen["path"]]
    # A topic with a meeting already may have another (a hearing, then a deliberation).
    first = schedule(client, staff, [still_open])
    second = schedule(client, staff, [still_open], kind="hearing")
    seen = get(client, f"/topics/{still_open}", staff).json_body
    assert seen["status"] == "scheduled" and sorted(seen["meeting_ids"]) == sorted([first["id"], second["id"]])


def test_each_meeting_action_is_taken_only_in_the_state_that_allows_it(client, accounts, at):
    staff, resident = accounts["committee_staff"], accounts["kongjiang_resident"]
    at(BEFORE)
    held = schedule(client, staff, [raise_topic(client, resident, title="健身器材维修")])
    cancelled = schedule(client, staff, [raise_topic(client, resident, title="楼顶绿化")])
    act(client, staff, cancelled["id"], "cancel", {"reason": "议题已合并。"})
    at("2051-05-10T19:05:00")
    # Registration closes when the meeting starts.
    late = assert_error(post(client, f"/meetings/{held['id']}/register", resident, {}), 409)
    assert late["details"][0]["allowed_actions"] == ["attend", "cancel"]
    act(client, staff, held["id"], "attend", {"count": 8})
    refusals = (
        (held["id"], "attend", {"count": 9}),  # attendance is recorded once
        (held["id"], "cancel", {"reason": "x"}),  # a meeting held is not cancelled
        (cancelled["id"], "attend", {"count": 3}),
        (cancelled["id"], "minutes", {"text": "x"}),
        (cancelled["id"], "decide", {"text": "x", "votes_for": 1, "votes_against": 0, "votes_abstain": 0}),
        (cancelled["id"], "cancel", {"reason": "x"}),
    )
    versions = {m: meeting(client, staff, m)["version"] for m in (held["id"], cancelled["id"])}
    for meeting_id, action, body in refusals:
        body = assert_error(post(client, f"/meetings/{meeting_id}/{action}", staff, body), 409)
        assert body["details"][0]["type"] == "wrong_state", (action, body)
    assert {m: meeting(client, staff, m)["version"] for m in versions} == versions
    assert meeting(client, staff, held["id"])["attendance"] == 8


def test_a_registration_on_its_way_when_the_meeting_starts_is_refused_by_the_write(client, accounts, at,
                                                                                   monkeypatch):
    from chalicelib.meetings import repository

    staff, resident = accounts["committee_staff"], accounts["kongjiang_resident"]
    at(BEFORE)
    created = schedule(client, staff, [raise_topic(client, resident, title="车棚加装充电桩")])
    checked = repository.get_registration

    def meeting_starts_meanwhile(meeting_id, person):
        found = checked(meeting_id, person)
        at("2051-05-10T19:00:01")
        return found

    monkeypatch.setattr(repository, "get_registration", meeting_starts_meanwhile)
    assert_error(post(client, f"/meetings/{created['id']}/register", resident, {}), 409)
    seen = meeting(client, staff, created["id"])
    assert seen["registered"] == 0 and seen["registrations"] == []
