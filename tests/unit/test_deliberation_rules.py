"""The support threshold and the edit window of deliberation, as pure rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from chalicelib.deliberation import rules
from chalicelib.deliberation.models import Hidden, TopicAction, TopicRecord


def test_a_topic_needs_ten_supports_or_two_percent_of_households_whichever_is_fewer():
    assert rules.effective_threshold(10, 2, None) == 10  # the registry has no households
    assert rules.effective_threshold(10, 2, 3000) == 10
    assert rules.effective_threshold(10, 2, 240) == 5  # 4.8 households round up
    assert rules.effective_threshold(10, 2, 10) == 1
    assert rules.effective_threshold(10, None, 240) == 10  # a committee that counts supports only
    assert rules.effective_threshold(3, 2, 3000) == 3


def test_a_comment_may_be_edited_for_fifteen_minutes():
    posted = "2051-03-06T02:00:00.000Z"
    assert rules.editable(posted, datetime(2051, 3, 6, 2, 15, tzinfo=UTC))
    assert not rules.editable(posted, datetime(2051, 3, 6, 2, 15, 1, tzinfo=UTC))


def _topic(status: str, **changes: object) -> TopicRecord:
    topic = TopicRecord(id="T", division="310110012001", street="310110012", title="t", background="b",
                        proposal="p", author="a", created_at="2051-03-06T02:00:00.000Z", status=status, supports=0,
                        threshold=10, version=1)
    return replace(topic, **changes)


def test_an_answered_or_hidden_topic_takes_no_meeting_and_no_comments():
    hidden = Hidden(reason="r", at="2051-03-06T02:00:00.000Z", by_role="committee_staff")
    for status in ("open", "queued", "scheduled"):
        assert rules.schedulable(_topic(status)) and rules.takes_comments(_topic(status))
        assert not rules.schedulable(_topic(status, hidden=hidden))
        assert not rules.takes_comments(_topic(status, hidden=hidden))
    assert not rules.schedulable(_topic("answered")) and not rules.takes_comments(_topic("answered"))


def test_after_an_upheld_appeal_only_the_street_is_offered_to_hide_the_topic():
    upheld = _topic("open", appeal_upheld=True)
    assert TopicAction.hide not in rules.allowed_actions(upheld, decides_appeals=False)
    assert TopicAction.hide in rules.allowed_actions(upheld, decides_appeals=True)
    assert TopicAction.hide in rules.allowed_actions(_topic("open"), decides_appeals=False)
