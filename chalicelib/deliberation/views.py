"""What each caller sees of a topic: its author the text as written, officials of its
jurisdiction the text scrubbed even while hidden (they judge reports and appeals), everyone
else the text scrubbed of phone and ID numbers, or, while hidden, only the reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from chalicelib import clock
from chalicelib.auth import Principal, can
from chalicelib.deliberation import rules
from chalicelib.deliberation.models import (
    CommentRecord,
    CommentView,
    Hidden,
    HiddenMark,
    PathEntry,
    PathStep,
    TopicDetail,
    TopicRecord,
    TopicStatus,
    TopicSummary,
    TopicWhole,
)
from chalicelib.scrub import scrub


def is_author(principal: Principal, author: str) -> bool:
    return not principal.is_official and principal.person == author


def shown(text: str, author: str, hidden: Hidden | None, principal: Principal) -> str | None:
    if is_author(principal, author):
        return text
    if hidden is not None and not principal.is_official:
        return None
    return scrub(text)


def hidden_mark(hidden: Hidden | None) -> HiddenMark | None:
    if hidden is None:
        return None
    return HiddenMark(reason=scrub(hidden.reason), at=hidden.at, appealed=hidden.appealed,
                      appeal_rejected=hidden.appeal_rejected)


def summary_fields(topic: TopicRecord, principal: Principal) -> dict[str, object]:
    return {
        "id": topic.id, "division": topic.division, "title": shown(topic.title, topic.author, topic.hidden, principal),
        "status": TopicStatus(topic.status), "supports": topic.supports, "threshold": topic.threshold,
        "created_at": topic.created_at, "due_at": topic.due_at, "hidden": hidden_mark(topic.hidden),
        "mine": is_author(principal, topic.author),
    }


def topic_summary(topic: TopicRecord, principal: Principal) -> TopicSummary:
    return TopicSummary.model_validate(summary_fields(topic, principal))


def comment_view(comment: CommentRecord, principal: Principal, now: datetime, topic_open: bool = True,
                 decides_appeals: bool | None = None) -> CommentView:
    """`topic_open`: the topic still takes comments (rules.takes_comments); if not, none is editable.
    `decides_appeals`: for an official, whether they decide appeals here; None for anyone else,
    who is offered no moderation."""
    mine = is_author(principal, comment.author)
    open_to_edit = (mine and topic_open and not comment.deleted and comment.hidden is None
                    and rules.editable(comment.created_at, now))
    return CommentView(
        id=comment.id, parent_id=comment.parent_id,
        text=None if comment.deleted else shown(comment.text, comment.author, comment.hidden, principal),
        created_at=comment.created_at, edited_at=comment.edited_at, deleted=comment.deleted,
        hidden=hidden_mark(comment.hidden), mine=mine,
        editable_until=clock.iso(rules.edit_deadline(comment.created_at)) if open_to_edit else None,
        allowed_actions=[] if decides_appeals is None else rules.post_actions(
            comment.hidden, comment.appeal_upheld, decides_appeals, deleted=comment.deleted),
    )


def member_of(principal: Principal, division: str) -> bool:
    """A verified resident of the committee (or of a committee in the street) the topic belongs to."""
    return principal.residence is not None and principal.residence.startswith(division)


# Turns stored photo keys into links a browser can show (uploads.service.photo_links); the
# views stay pure, so the service hands it in.
PhotoLinks = Callable[[list[str]], list[str]]


def no_links(keys: list[str]) -> list[str]:
    return []


def topic_detail(whole: TopicWhole, principal: Principal, now: datetime, links: PhotoLinks = no_links) -> TopicDetail:
    topic = whole.topic
    open_to_residents = topic.hidden is None and topic.status != TopicStatus.answered.value
    member = not principal.is_official and member_of(principal, topic.division)
    # 附议 is a neighbour seconding a topic: its author's own does not count.
    seconder = member and not is_author(principal, topic.author)
    photos = list(topic.photos) if (topic.hidden is None or principal.is_official
                                    or is_author(principal, topic.author)) else []
    supported = principal.person in whole.supporters if not principal.is_official else False
    order = {s.value: i for i, s in enumerate(PathStep)}
    decides = can(principal, "topic.decide_appeal", topic.division) if principal.is_official else None
    return TopicDetail.model_validate({
        **summary_fields(topic, principal),
        "background": shown(topic.background, topic.author, topic.hidden, principal),
        "proposal": shown(topic.proposal, topic.author, topic.hidden, principal),
        "photos": photos,
        "photo_urls": links(photos) if photos else [],
        "answer": scrub(topic.answer) if topic.answer else None,
        "meeting_ids": list(topic.meeting_ids),
        "supported_by_me": supported,
        "can_support": seconder and open_to_residents and not supported,
        "can_comment": member and rules.takes_comments(topic),
        "path": [PathEntry(step=PathStep(p.step), at=p.at, ref_kind=p.ref_kind, ref_id=p.ref_id)
                 for p in sorted(whole.path, key=lambda p: (p.at, order.get(p.step, 0))) if p.step in order],
        "comments": [comment_view(c, principal, now, rules.takes_comments(topic), decides)
                     for c in sorted(whole.comments, key=lambda c: c.sort_key)],
        "allowed_actions": rules.allowed_actions(topic, decides) if decides is not None else [],
    })
