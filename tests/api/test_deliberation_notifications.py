"""The residents' inbox tells a topic's author when it is queued, answered, scheduled, decided and
carried into a project; a post's author when it is hidden (with the reason) and when their appeal
is decided; registered residents when a meeting is cancelled. Each message is written in the
step's own transaction, so a step refused writes none."""

from __future__ import annotations

import uuid

from chalicelib.auth import Principal, Role, person_key
from tests.api.helpers import post, put
from tests.api.meeting_helpers import act as act_on_meeting
from tests.api.meeting_helpers import held_meeting_with_decision, schedule
from tests.api.test_personal_data import new_resident
from tests.api.topic_helpers import act, comment, raise_topic, topic_body

ANY_TIME = "2051-03-06T10:00:00"
OTHER_COMMITTEE = "310110012003"


def inbox(person: str, subject_id: str) -> list[dict]:
    """The person's messages about one subject, by event (the tests' clock stands still, so time orders nothing)."""
    from chalicelib.notifications.repository import list_inbox

    messages, _ = list_inbox(person, 100, None)
    return sorted((m.model_dump() for m in messages if m.subject_id == subject_id), key=lambda m: m["event"])


def test_the_author_is_told_when_the_topic_is_queued_and_answered(client, accounts, at):
    at(ANY_TIME)
    staff = accounts["other_committee_staff"]
    assert put(client, f"/deliberation-settings/{OTHER_COMMITTEE}", staff, {"support_threshold": 2}).status_code == 200
    from chalicelib.deliberation import service
    from chalicelib.deliberation.models import TopicSubmission

    try:
        people = [Principal(user_id=f"told-{uuid.uuid4()}", role=Role.resident, residence=OTHER_COMMITTEE)
                  for _ in range(3)]
        raised = service.raise_topic(people[0], TopicSubmission(**topic_body(division=OTHER_COMMITTEE)), None)
        service.support_topic(people[1], raised.id)
        assert inbox(people[0].person, raised.id) == []
        assert service.support_topic(people[2], raised.id).queued is True
        act(client, staff, raised.id, "answer", {"text": "已列入物业维修计划，无需议事。"})
        # A refused step tells nobody anything.
        act(client, staff, raised.id, "answer", {"text": "再答一次"}, expect=409)
    finally:
        put(client, f"/deliberation-settings/{OTHER_COMMITTEE}", staff, {"support_threshold": 10, "household_percent": 2})
    told = inbox(people[0].person, raised.id)
    assert [(m["subject_type"], m["event"], m["status"]) for m in told] == [
        ("topic", "answered", "answered"), ("topic", "queued", "queued")]
    assert "楼道加装扶手" in told[1]["text"] and told[0]["text_en"].startswith("Your topic")
    # Supporters are not the author: their inboxes stay empty.
    assert inbox(people[1].person, raised.id) == [] and inbox(people[2].person, raised.id) == []


def test_the_author_is_told_when_a_meeting_is_scheduled_decides_and_carries(client, accounts, at):
    at("2051-03-01T08:00:00")
    author = new_resident()
    topic_id = raise_topic(client, author, title="文明养犬")["id"]
    held, decision = held_meeting_with_decision(client, accounts, at, [topic_id], text="养犬须牵绳。",
                                                during="2051-03-02T10:00:00", starts_at="2051-03-02T09:00:00",
                                                ends_at="2051-03-02T11:00:00")
    act_on_meeting(client, accounts["committee_staff"], held["id"], "carry",
                   {"decision_id": decision, "target": "convention", "title": "文明养犬公约"})
    told = inbox(person_key(author.user_id), topic_id)
    assert [m["event"] for m in told] == ["decided", "meeting_scheduled", "project_created"]
    assert all("文明养犬" in m["text"] for m in told)


def test_a_hidden_posts_author_is_told_why_and_how_the_appeal_ended(client, accounts, at):
    at(ANY_TIME)
    author, staff, street = new_resident(), accounts["committee_staff"], accounts["street_official"]
    topic_id = raise_topic(client, accounts["kongjiang_neighbour"], title="垃圾分类")["id"]
    first, second = (comment(client, author, topic_id, text)["id"] for text in ("第一条。", "第二条。"))
    for comment_id in (first, second):
        act(client, staff, topic_id, "hide", {"comment_id": comment_id, "reason": "与议题无关"})
        assert post(client, f"/topics/{topic_id}/appeals", author,
                    {"comment_id": comment_id, "text": "有关。"}).status_code in (200, 201)
    act(client, street, topic_id, "restore", {"comment_id": first})
    act(client, street, topic_id, "reject_appeal", {"comment_id": second, "reason": "确与议题无关"})
    told = inbox(person_key(author.user_id), topic_id)
    assert [m["event"] for m in told] == ["appeal_rejected", "appeal_upheld", "hidden", "hidden"]
    assert "确与议题无关" in told[0]["text"] and "与议题无关" in told[2]["text"]
    # The topic's own author was not the one hidden: nothing for them.
    assert inbox(person_key(accounts["kongjiang_neighbour"].user_id), topic_id) == []


def test_registered_residents_are_told_when_a_meeting_is_cancelled(client, accounts, at):
    at(ANY_TIME)
    staff = accounts["committee_staff"]
    topic_id = raise_topic(client, accounts["kongjiang_neighbour"], title="停车")["id"]
    created = schedule(client, staff, [topic_id])
    residents = [new_resident(), new_resident()]
    for resident in residents:
        act_on_meeting(client, resident, created["id"], "register", {})
    act_on_meeting(client, staff, created["id"], "cancel", {"reason": "会议室另有安排"})
    for resident in residents:
        told = inbox(person_key(resident.user_id), created["id"])
        assert [(m["subject_type"], m["event"]) for m in told] == [("meeting", "cancel")]
        assert "会议室另有安排" in told[0]["text"]
