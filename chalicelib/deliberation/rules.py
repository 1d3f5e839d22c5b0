"""Pure rules of deliberation: thresholds, windows, what each action allows."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from chalicelib.deliberation.models import Hidden, TopicAction, TopicRecord, TopicStatus

# Issue 27: a topic enters the committee's queue at 10 supports or 2% of its households,
# whichever comes first; a committee may set its own (PUT /deliberation-settings/{division}).
DEFAULT_SUPPORT_THRESHOLD = 10
DEFAULT_HOUSEHOLD_PERCENT = 2
# Working days staff have to schedule a meeting or answer why not, and the street to decide an appeal.
SCHEDULE_DAYS = 10
APPEAL_DAYS = 5
EDIT_WINDOW = timedelta(minutes=15)

ANSWERABLE = frozenset({TopicStatus.open.value, TopicStatus.queued.value})
# A meeting may be scheduled for a topic still gathering supports or owed a meeting, and for one
# a meeting was scheduled for already (a hearing, then a deliberation; or one in place of a
# cancelled meeting). An answered topic was closed with staff's reason: scheduling it would
# reopen it behind the back of the residents the answer was given to.
SCHEDULABLE = frozenset({TopicStatus.open.value, TopicStatus.queued.value, TopicStatus.scheduled.value})
# Where residents' comments stand still (no new ones, no edits). Answering closes a topic (办结):
# it leaves the queue, nobody owes a reply any more, and the thread is the record the answer was
# given on; a committee expects it to stay as it was answered, and a resident who still disagrees
# raises a new topic, which gathers supports and comes back to the queue with a deadline. A
# scheduled topic keeps taking comments: residents prepare the meeting there. A hidden topic
# takes none, as its text is not shown. Deleting one's own comment stays possible everywhere:
# withdrawing one's words is the author's, and leaves a tombstone.
COMMENTS_FROZEN = frozenset({TopicStatus.answered.value})


def schedulable(topic: TopicRecord) -> bool:
    return topic.status in SCHEDULABLE and not topic.is_hidden


def takes_comments(topic: TopicRecord) -> bool:
    return topic.status not in COMMENTS_FROZEN and not topic.is_hidden


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
    """What an official may do to the topic itself now (comments: post_actions, one by one)."""
    actions = []
    if topic.status in ANSWERABLE and not topic.is_hidden:
        actions.append(TopicAction.answer)
    return actions + post_actions(topic.hidden, topic.appeal_upheld, decides_appeals)


def post_actions(hidden: Hidden | None, appeal_upheld: bool, decides_appeals: bool, *, deleted: bool = False,
                 reported: bool = False) -> list[TopicAction]:
    """What an official may do to one post (a topic's text or a comment) now, as moderation.py
    takes it. A shown post is hidden, except that once the street upheld its author's appeal
    only the street hides it again; with open reports (`reported`) it may instead be kept, its
    reports dismissed (the restore of a shown post). A hidden post is restored, unless its
    author's appeal waits for the street, which restores it or rejects the appeal. The author's
    tombstone takes nothing."""
    if deleted:
        return []
    if hidden is None:
        actions = [] if appeal_upheld and not decides_appeals else [TopicAction.hide]
        return actions + ([TopicAction.restore] if reported else [])
    pending = hidden.appealed and not hidden.appeal_rejected
    if not pending:
        return [TopicAction.restore]
    return [TopicAction.restore, TopicAction.reject_appeal] if decides_appeals else []
