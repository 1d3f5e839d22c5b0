"""A topic's whole path through the HTTP API, against the embedded AWS, the clock moved as the
round lifecycle test moves it: a resident raises a topic, neighbours support it past the
threshold, committee staff schedule a meeting, residents register, staff record attendance,
minutes and a decision with the room's vote, carry it into a PB proposal of an open round, the
round is voted on and tallied, the project selected, implemented and evaluated; the topic's page
shows every step in order with links to the meeting, the round and the project.

The evaluation step is derived when the topic is read (the round's evaluations of the project
exist): voting never writes into deliberation, which imports it."""

from __future__ import annotations

import uuid

import pytest

from local_stack.provision import add_user, sign_in
from tests.api.conftest import PASSWORD, Account
from tests.api.helpers import get, post, put
from tests.api.meeting_helpers import act
from tests.api.tally_helpers import tally
from tests.api.test_round_lifecycle import SCHEDULE, new_round

# 控江路街道 双阳居委会 and 2052: nobody else's tests use either, so its threshold is ours to set.
COMMITTEE = "310110012009"
YEAR = "2052-"
ROUND_SCHEDULE = {phase: {edge: moment.replace("2027-", YEAR) for edge, moment in window.items()}
                  for phase, window in SCHEDULE.items()}


@pytest.fixture(scope="module")
def people(stack) -> dict[str, Account]:
    made = {}
    for n, (name, role) in enumerate((("author", "resident"), ("first", "resident"), ("second", "resident"),
                                      ("staff", "committee_staff"))):
        phone = f"+8613620727{n:03d}"
        user = add_user(stack, phone=phone, password=PASSWORD, role=role, division=COMMITTEE)
        made[name] = Account(name, role, COMMITTEE, phone, user.user_id, sign_in(stack, phone, PASSWORD))
    return made


def test_a_topic_becomes_an_evaluated_project(client, accounts, people, at):
    author, first, second, staff = people["author"], people["first"], people["second"], people["staff"]
    street = accounts["street_official"]

    at(f"{YEAR}02-09T10:00:00")
    assert put(client, f"/deliberation-settings/{COMMITTEE}", staff, {"support_threshold": 2}).status_code == 200
    raised = post(client, "/topics", author, {
        "division": COMMITTEE, "title": "小区中心花园改造", "background": "中心花园年久失修，地面坑洼，老人散步不便。",
        "proposal": "平整地面、增设座椅和无障碍坡道。"}, {"Idempotency-Key": str(uuid.uuid4())})
    assert raised.status_code == 201, raised.body
    topic_id = raised.json_body["id"]
    for supporter in (first, second):
        assert post(client, f"/topics/{topic_id}/supports", supporter, {}).status_code in (200, 201)
    queued = get(client, f"/review/topics?division={COMMITTEE}&limit=100", staff).json_body["items"]
    assert topic_id in [t["topic_id"] for t in queued if t["kind"] == "schedule"]

    at(f"{YEAR}02-20T10:00:00")
    round_id = new_round(client, staff, scope=COMMITTEE, title="双阳小区微更新", schedule=ROUND_SCHEDULE)["id"]
    scheduled = post(client, "/meetings", staff, {
        "kind": "deliberation", "division": COMMITTEE, "title": "中心花园改造议事会", "topic_ids": [topic_id],
        "starts_at": f"{YEAR}02-25T19:00:00", "ends_at": f"{YEAR}02-25T21:00:00", "place": "双阳居委会活动室",
        "agenda": "听取方案，居民讨论，表决。", "capacity": 40}, {"Idempotency-Key": str(uuid.uuid4())})
    assert scheduled.status_code == 201, scheduled.body
    meeting_id = scheduled.json_body["id"]
    assert topic_id not in [t["topic_id"] for t in get(client, f"/review/topics?division={COMMITTEE}&limit=100",
                                                             staff).json_body["items"] if t["kind"] == "schedule"]
    registrations = [act(client, resident, meeting_id, "register")["my_registration"] for resident in (author, first)]

    at(f"{YEAR}02-25T19:05:00")
    act(client, staff, meeting_id, "attend", {"count": 26, "present": registrations})
    act(client, staff, meeting_id, "minutes", {"text": "居民代表介绍方案，26 人到会，充分讨论后表决。"})
    decided = act(client, staff, meeting_id, "decide",
                  {"text": "同意中心花园改造参加今年微更新。", "votes_for": 21, "votes_against": 3, "votes_abstain": 2})
    decision_id = decided["decisions"][0]["id"]

    at(f"{YEAR}03-02T10:00:00")
    carried = act(client, staff, meeting_id, "carry", {
        "decision_id": decision_id, "target": "pb_proposal", "title": "中心花园改造", "round_id": round_id,
        "estimated_cost_fen": 6_000_000, "location": "双阳小区中心花园"})["decisions"][0]["carried_to"]
    project_id = carried["project_id"]
    assert carried["round_id"] == round_id

    at(f"{YEAR}03-12T10:00:00")
    reviewed = post(client, f"/rounds/{round_id}/projects/{project_id}/review", street,
                    {"feasible": True, "final_cost_fen": 6_000_000})
    assert reviewed.status_code == 200, reviewed.body

    at(f"{YEAR}03-22T10:00:00")
    for voter in (author, first, second):
        assert post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [project_id]}).status_code == 201

    at(f"{YEAR}03-29T10:00:00")
    result = tally(client, round_id, street)
    assert [p["id"] for p in result["projects"] if p["selected"]] == [project_id]

    at(f"{YEAR}06-20T10:00:00")
    done = post(client, f"/rounds/{round_id}/progress", street,
                {"project_id": project_id, "status": "completed", "percent": 100, "note": "花园改造完工。"})
    assert done.status_code == 201, done.body

    at(f"{YEAR}07-02T10:00:00")
    before_evaluation = get(client, f"/topics/{topic_id}", author).json_body["path"]
    assert "project_evaluated" not in [p["step"] for p in before_evaluation]
    evaluated = post(client, f"/rounds/{round_id}/evaluations", first, {"project_id": project_id, "score": 5})
    assert evaluated.status_code == 201, evaluated.body

    path = get(client, f"/topics/{topic_id}", author).json_body["path"]
    steps = [p["step"] for p in path]
    expected = ["raised", "supported", "queued", "meeting_scheduled", "meeting_held", "decided", "project_created",
                "project_evaluated"]
    assert [s for s in steps if s in expected and s != "supported"] == [s for s in expected if s != "supported"]
    assert steps.index("raised") < steps.index("supported") < steps.index("queued")
    assert [p["at"] for p in path] == sorted(p["at"] for p in path)
    by_step = {p["step"]: p for p in path}
    assert by_step["meeting_scheduled"]["ref_id"] == meeting_id == by_step["meeting_held"]["ref_id"]
    assert by_step["decided"]["ref_id"] == f"{meeting_id}/{decision_id}"
    assert by_step["project_created"]["ref_kind"] == by_step["project_evaluated"]["ref_kind"] == "round_project"
    assert by_step["project_created"]["ref_id"] == by_step["project_evaluated"]["ref_id"] == f"{round_id}/{project_id}"
