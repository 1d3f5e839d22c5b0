"""Pure rules of deliberation: thresholds, windows, what each action allows."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from chalicelib.deliberation.models import TopicAction, TopicRecord, TopicStatus

# Issue 27: a topic enters the committee's queue at 10 supports or 2% of its households,
# whichever comes first; a committee may set its own (PUT /deliberation-settings/{division}).
DEFAULT_SUPPORT_THRESHOLD = 10
DEFAULT_HOUSEHOLD_PERCENT = 2
# Working days staff have to schedule a meeting or answer why not, and the street to decide an appeal.
SCHEDULE_DAYS = 10
APPEAL_DAYS = 5
EDIT_WINDOW = timedelta(minutes=15)

ANSWERABLE = frozenset({TopicStatus.open.value, TopicStatus.queued.value})


def effective_threshold(threshold: int, household_percent: int | None, households: int | None) -> int:
    """The supports a topic must gather: the threshold, or the households' share if that is fewer."""
    if household_percent is None or not households:
        return threshold
    return max(1, min(threshold, math.ceil(households * household_percent / 100)))


def crossed(topic: TopicRecord) -> bool:
    return topic.status == TopicStatus.open.value and topic.supports >= topic.threshold and not topic.is_hidden


def crossed_by_next(topic: TopicRecord) -> bool:
    """Whether one more support brings an open topic to its threshold (or past it, where an
    earlier crossing never reached the queue)."""
    return topic.status == TopicStatus.open.value and topic.supports + 1 >= topic.threshold and not topic.is_hidden


def edit_deadline(created_at: str) -> datetime:
    return datetime.fromisoformat(created_at.replace("Z", "+00:00")) + EDIT_WINDOW


def editable(created_at: str, now: datetime) -> bool:
    return now <= edit_deadline(created_at)


def allowed_actions(topic: TopicRecord, decides_appeals: bool) -> list[TopicAction]:
    """What an official may do to the topic itself now (comments are judged one by one)."""
    actions = []
    if topic.status in ANSWERABLE and not topic.is_hidden:
        actions.append(TopicAction.answer)
    if topic.hidden is None:
        actions.append(TopicAction.hide)
    elif not topic.hidden.appealed or decides_appeals:
        actions.append(TopicAction.restore)
    if topic.hidden is not None and topic.hidden.appealed and not topic.hidden.appeal_rejected and decides_appeals:
        actions.append(TopicAction.reject_appeal)
    return actions
