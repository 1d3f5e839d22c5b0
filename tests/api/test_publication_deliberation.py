"""The month's deliberation figures (issue 27 point 7): topics raised, supports, meetings held by
kind, decisions and decisions carried, per division, through the activity index into the
published month; small cells withheld as every other figure; no topic's text, comment or
hidden post in any published byte.

March 2063 belongs to this module alone.
"""

from __future__ import annotations

import csv
import io
import json
import uuid

from chalicelib.auth import Principal, Role
from chalicelib.deliberation import comments, service
from chalicelib.deliberation.models import CommentSubmission, TopicSubmission
from tests.api import meeting_helpers, topic_helpers
from tests.api.test_publication import month_files, run_schedule

MONTH = "2063-03"
COMMITTEE = "310110012001"  # committee_staff's jurisdiction
SMALL_COMMITTEE = "310110012003"
STREET = "310110012"
MARK = "议事月报标记"  # in every text written here; never in a published byte


def resident(committee: str) -> Principal:
    return Principal(user_id=f"publication-deliberation-{uuid.uuid4()}", role=Role.resident, residence=committee)


def raise_topic(committee: str, n: int) -> str:
    return service.raise_topic(resident(committee), TopicSubmission(
        division=committee, title=f"{MARK}标题{n}", background=f"{MARK}背景{n}", proposal=f"{MARK}建议{n}"), None).id


def test_the_month_publishes_deliberation_counts_withheld_where_small_and_no_text(client, accounts, at, s3, stack):
    staff = accounts["committee_staff"]
    at("2063-03-03T10:00:00")
    topics = [raise_topic(COMMITTEE, n) for n in range(7)]
    raise_topic(SMALL_COMMITTEE, 99)  # one topic: a cell of one, withheld
    for _ in range(7):
        service.support_topic(resident(COMMITTEE), topics[0])
    remark = comments.add_comment(resident(COMMITTEE), topics[0],
                                  CommentSubmission(text=f"{MARK}评论 电话 13912345678"), None)

    # Six meetings (five deliberation meetings, one hearing), five decisions carried into conventions.
    at("2063-03-05T10:00:00")
    meetings = [meeting_helpers.schedule(client, staff, [topic], kind="hearing" if n == 5 else "deliberation",
                                         division=COMMITTEE, starts_at="2063-03-10T19:00:00",
                                         ends_at="2063-03-10T21:00:00", title=f"{MARK}会议{n}",
                                         agenda=f"{MARK}议程{n}")["id"]
                for n, topic in enumerate(topics[:6])]
    topic_helpers.act(client, staff, topics[6], "hide", {"reason": f"{MARK}隐藏理由"})
    topic_helpers.act(client, staff, topics[0], "hide", {"comment_id": remark.id, "reason": f"{MARK}评论隐藏"})
    at("2063-03-10T19:30:00")
    for n, meeting_id in enumerate(meetings):
        meeting_helpers.act(client, staff, meeting_id, "attend", {"count": 20})
        if n == 5:
            continue
        decided = meeting_helpers.act(client, staff, meeting_id, "decide", {
            "text": f"{MARK}决议{n}", "votes_for": 15, "votes_against": 3, "votes_abstain": 2})
        meeting_helpers.act(client, staff, meeting_id, "carry", {
            "decision_id": decided["decisions"][-1]["id"], "target": "convention", "title": f"{MARK}公约{n}"})

    at("2063-04-01T01:00:00")
    assert run_schedule(client, "2063-03-31T17:00:00Z")["month"] == MONTH
    files = month_files(s3, stack, MONTH)
    summary = json.loads(files["summary.json"])
    rows = {row["division"]: row for row in summary["deliberation"]}

    committee, small, street = rows[COMMITTEE], rows[SMALL_COMMITTEE], rows[STREET]
    assert (committee["supports"], committee["meetings_held"], committee["decisions"],
            committee["decisions_carried"]) == (7, 6, 5, 5)
    assert committee["carried_by_target"] == {"convention": 5}
    # One hearing is a cell of one: withheld, and the deliberation meetings with it, or 6 − 5 gives it back.
    assert committee["meetings_by_kind"] == {"deliberation": None, "hearing": None}
    # One topic in the small committee: withheld, and the other committee's count with it (the
    # street's total minus the shown one would give it back); the street's own total is shown.
    assert small["topics_raised"] is None and committee["topics_raised"] is None
    assert street["topics_raised"] == 8 and street["meetings_held"] == 6
    assert rows["31"]["decisions_carried"] == 5 and rows["31"]["level"] == "city"

    table = {row["division"]: row for row in csv.DictReader(io.StringIO(files["deliberation.csv"].decode("utf-8-sig")))}
    assert [table[COMMITTEE][k] for k in ("topics_raised", "supports", "meetings_held", "decisions",
                                          "decisions_carried")] == ["", "7", "6", "5", "5"]
    assert "睦邻议事" in files["index.html"].decode("utf-8")
    every_byte = b"".join(files.values()).decode("utf-8", "replace")
    assert MARK not in every_byte and "13912345678" not in every_byte

    # The month's copy of the index v2 reads the same counts: topics raised per 1,000 residents
    # rests on the street's 8 topics, meetings and decisions on them too.
    v2 = {row["division"]: row for row in summary["mulin_index_v2"]["scores"]}
    components = v2[STREET]["components"]
    assert components["sg_meetings"]["value"] == 0.75 and components["sg_decisions"]["value"] == 0.625
