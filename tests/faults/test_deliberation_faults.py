"""Deliberation's writes under faults: raising a topic (with and without Idempotency-Key), a
support, a comment (with Idempotency-Key) and carrying a meeting's decision into a convention.
Each either changes nothing and may be retried, or is written once: one topic, one support
counted once, one comment, one convention."""

from __future__ import annotations

import uuid

from tests.api.helpers import get, post, put
from tests.api.meeting_helpers import held_meeting_with_decision
from tests.api.topic_helpers import KONGJIANG_COMMITTEE, raise_topic, topic_body
from tests.faults.runner import Operation

ANY_TIME = "2051-03-06T10:00:00"


def assert_clean(report) -> None:
    assert not report.problems, "\n".join(report.problems)


def test_raising_a_topic_with_an_idempotency_key(exerciser, client, accounts, at):
    at(ANY_TIME)
    author = accounts["kongjiang_resident"]

    def send(context):
        return post(client, "/topics", author, context["body"], {"Idempotency-Key": context["key"]})

    operation = Operation("raise a topic with Idempotency-Key",
                          lambda: {"key": str(uuid.uuid4()), "body": topic_body(title=f"议题{uuid.uuid4().hex[:6]}")},
                          send, 201, keyed=True)
    assert_clean(exerciser.run(operation))


def test_raising_a_topic_without_a_key(exerciser, client, accounts, at):
    at(ANY_TIME)
    author = accounts["kongjiang_resident"]
    operation = Operation("raise a topic, no key", lambda: topic_body(title=f"议题{uuid.uuid4().hex[:6]}"),
                          lambda body: post(client, "/topics", author, body), 201)
    assert_clean(exerciser.run(operation))


def test_supporting_a_topic(exerciser, client, accounts, at):
    at(ANY_TIME)
    operation = Operation(
        "support a topic", lambda: raise_topic(client, accounts["kongjiang_resident"])["id"],
        lambda topic_id: post(client, f"/topics/{topic_id}/supports", accounts["kongjiang_neighbour"], {}), 201)
    assert_clean(exerciser.run(operation))


def test_the_support_that_crosses_the_threshold_queues_the_topic_once(exerciser, client, accounts, at):
    """A fault anywhere after the support's write still leaves the topic queued, once: the
    support and the topic's entry into the queue are one transaction."""
    at(ANY_TIME)
    staff = accounts["committee_staff"]
    settings = f"/deliberation-settings/{KONGJIANG_COMMITTEE}"
    before = get(client, settings, staff).json_body
    kept = {"support_threshold": before["support_threshold"], "household_percent": before["household_percent"]}

    def prepare():
        # A threshold of one, fixed on the topic when it is raised: the support under test crosses it.
        assert put(client, settings, staff, {"support_threshold": 1, "household_percent": None}).status_code == 200
        try:
            return raise_topic(client, accounts["kongjiang_resident"])["id"]
        finally:
            put(client, settings, staff, kept)

    def send(topic_id):
        return post(client, f"/topics/{topic_id}/supports", accounts["kongjiang_neighbour"], {})

    report = exerciser.run(Operation("support a topic over its threshold", prepare, send, 201))
    assert_clean(report)
    # Every run, faulted or not, ended with its topic queued once (the state check compares each
    # with the fault-free run, whose topic is checked here).
    topic_id = prepare()
    assert send(topic_id).status_code == 201
    seen = get(client, f"/topics/{topic_id}", accounts["kongjiang_resident"]).json_body
    assert seen["status"] == "queued"
    assert [step["step"] for step in seen["path"]].count("queued") == 1


def test_commenting_with_an_idempotency_key(exerciser, client, accounts, at):
    at(ANY_TIME)

    def prepare():
        return {"topic": raise_topic(client, accounts["kongjiang_resident"])["id"], "key": str(uuid.uuid4())}

    def send(context):
        return post(client, f"/topics/{context['topic']}/comments", accounts["kongjiang_neighbour"],
                    {"text": "赞成，楼道里确实需要扶手。"}, {"Idempotency-Key": context["key"]})

    assert_clean(exerciser.run(Operation("comment with Idempotency-Key", prepare, send, 201, keyed=True)))


def test_carrying_a_decision_into_a_convention(exerciser, client, accounts, at):
    staff = accounts["committee_staff"]

    def prepare():
        at("2051-03-01T08:00:00")
        topic_id = raise_topic(client, accounts["kongjiang_resident"])["id"]
        held, decision = held_meeting_with_decision(
            client, accounts, at, [topic_id], text="养犬须牵绳，犬粪随手清理。", during="2051-03-02T10:00:00",
            starts_at="2051-03-02T09:00:00", ends_at="2051-03-02T11:00:00")
        return held["id"], decision

    def send(context):
        meeting_id, decision = context
        return post(client, f"/meetings/{meeting_id}/carry", staff,
                    {"decision_id": decision, "target": "convention", "title": "文明养犬公约"})

    assert_clean(exerciser.run(Operation("carry a decision into a convention", prepare, send, 200)))
