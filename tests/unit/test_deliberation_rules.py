"""The support threshold and the edit window of deliberation, as pure rules."""

from __future__ import annotations

from datetime import UTC, datetime

from chalicelib.deliberation import rules


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
