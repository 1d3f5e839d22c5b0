"""Residents' posts on a topic besides the topic itself: comments (threaded one level, an edit
window, deletion leaving a tombstone), reports of a post, and the author's one appeal.

Comments are written and edited only on a topic that takes them (rules.takes_comments: not
hidden, not answered), checked when read and again in the write's own transaction."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from chalicelib import clock, idempotency, ratelimit
from chalicelib.auth import Principal, require
from chalicelib.deliberation import repository, rules
from chalicelib.deliberation.models import (
    AppealReceipt,
    AppealRequest,
    CommentEdit,
    CommentRecord,
    CommentSubmission,
    CommentView,
    ReportReceipt,
    ReportRequest,
    TopicRecord,
)
from chalicelib.deliberation.service import (
    TOPIC_CLOSED,
    audit_item,
    readable_topic,
    require_member,
    require_takes_comments,
    working_deadline,
)
from chalicelib.deliberation.views import comment_view, is_author
from chalicelib.errors import ConflictError, ForbiddenError, NotFoundError, ServiceUnavailableError, rule_error
from chalicelib.ids import new_id
from chalicelib.scrub import scrub
from chalicelib.storage import dynamo, traces
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.keys import topic_key

NO_COMMENT = "No such comment. / 没有这条评论。"


def _comments(topic_id: str) -> dict[str, CommentRecord]:
    return {c.id: c for c in repository.read_whole(topic_id).comments}


def _comment(topic_id: str, comment_id: str) -> CommentRecord:
    found = _comments(topic_id).get(comment_id)
    if found is None:
        raise NotFoundError(NO_COMMENT)
    return found


# --- comment -------------------------------------------------------------------------------


def add_comment(principal: Principal, topic_id: str, body: CommentSubmission,
                idempotency_key: str | None) -> CommentView:
    require(principal, "topic.comment")
    key = idempotency.checked_key(idempotency_key)
    topic = readable_topic(principal, topic_id)
    require_member(principal, topic)
    require_takes_comments(topic)
    if body.reply_to is not None:
        parent = _comments(topic_id).get(body.reply_to)
        if parent is None:
            raise rule_error("reply_to names no comment of this topic.", "所回复的评论不存在。", "reply_to",
                             "unknown_comment")
        if parent.parent_id is not None:
            raise rule_error("Replies are one level deep: reply to the comment itself.",
                             "评论只支持一层回复，请回复原评论。", "reply_to", "reply_to_reply")
    if key is None:
        return _write_comment(principal, topic, body, None)
    claim = idempotency.Claim(principal.user_id, key, {"topic": topic_id, **body.model_dump(mode="json")})

    def created_already() -> dict[str, Any] | None:
        comment_id = claim.holder()
        return comment_view(_comment(topic_id, comment_id), principal, clock.utc_now()).model_dump(mode="json") \
            if comment_id else None

    result = idempotency.once(lambda request: _write_comment(principal, topic, body, claim).model_dump(mode="json"),
                              key=key, caller=principal.user_id, payload=claim.payload, recover=created_already)
    return CommentView.model_validate(result)


def _write_comment(principal: Principal, topic: TopicRecord, body: CommentSubmission,
                   claim: idempotency.Claim | None) -> CommentView:
    now = clock.utc_now()
    at = clock.iso(now)
    comment_id = new_id()
    comment = CommentRecord(id=comment_id, topic_id=topic.id, sort_key=f"COMMENT#{at}#{comment_id}",
                            parent_id=body.reply_to, text=body.text, author=principal.person, created_at=at)
    writes = [
        repository.comment_put(comment),
        ratelimit.counter_update(ratelimit.COMMENTS, principal.user_id),
        *([claim.put(comment.id)] if claim else []),
        traces.trace_put(principal.person, traces.TOPIC, topic.id),
        repository.comments_open_check(topic.id, rules.COMMENTS_FROZEN),
    ]
    try:
        dynamo.transact_write(writes)
    except ConditionFailedError as exc:
        if exc.failed == [len(writes) - 1]:  # the topic was hidden or answered since it was read
            raise ConflictError(TOPIC_CLOSED) from exc
        if 1 in exc.failed:
            raise ratelimit.refused(ratelimit.COMMENTS) from exc
        if claim is not None and 2 in exc.failed:
            holder = claim.holder()
            if holder:
                return comment_view(_comment(topic.id, holder), principal, now)
            raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
        raise
    return comment_view(comment, principal, now)


def _own_comment(principal: Principal, topic_id: str, comment_id: str) -> tuple[TopicRecord, CommentRecord]:
    require(principal, "topic.comment")
    topic = readable_topic(principal, topic_id)
    comment = _comment(topic_id, comment_id)
    if not is_author(principal, comment.author):
        raise ForbiddenError("Only its author may change a comment. / 只有作者可以修改评论。")
    if comment.deleted:
        raise ConflictError("This comment was deleted. / 该评论已删除。")
    return topic, comment


def edit_comment(principal: Principal, topic_id: str, comment_id: str, body: CommentEdit) -> CommentView:
    """Within the edit window, on a topic that still takes comments: an edit after a hiding or an
    answer would change the record the moderation or the answer was made on."""
    topic, comment = _own_comment(principal, topic_id, comment_id)
    require_takes_comments(topic)
    now = clock.utc_now()
    if comment.hidden is not None:
        raise ConflictError("A hidden comment cannot be edited; you may appeal. / 已隐藏的评论不能修改，可以申诉。")
    if not rules.editable(comment.created_at, now):
        raise ConflictError(f"Comments can be edited for {int(rules.EDIT_WINDOW.total_seconds() // 60)} minutes. / "
                            "评论只能在发表后15分钟内修改。")
    at = clock.iso(now)
    try:
        dynamo.transact_write([repository.update_op(
            repository.target_key(topic_id, comment.sort_key), "SET #t = :text, edited_at = :at",
            "attribute_exists(PK) AND attribute_not_exists(deleted) AND attribute_not_exists(hiding)",
            {":text": body.text, ":at": at}, {"#t": "text"}),
            repository.comments_open_check(topic_id, rules.COMMENTS_FROZEN)])
    except ConditionFailedError as exc:
        if exc.failed == [1]:
            raise ConflictError(TOPIC_CLOSED) from exc
        raise ConflictError("This comment was deleted or hidden meanwhile. / 该评论已被删除或隐藏。") from exc
    return comment_view(replace(comment, text=body.text, edited_at=at), principal, now)


def delete_comment(principal: Principal, topic_id: str, comment_id: str) -> CommentView:
    """The text goes; a tombstone keeps the thread's shape (its replies stay where they were).
    Allowed on a hidden or answered topic too: withdrawing one's words is always the author's."""
    _, comment = _own_comment(principal, topic_id, comment_id)
    now = clock.utc_now()
    at = clock.iso(now)
    try:
        dynamo.transact_write([
            repository.update_op(repository.target_key(topic_id, comment.sort_key),
                                 "SET deleted = :yes, deleted_at = :at, #t = :empty",
                                 "attribute_exists(PK) AND attribute_not_exists(deleted)",
                                 {":yes": True, ":at": at, ":empty": ""}, {"#t": "text"}),
            audit_item(principal, topic_id, "delete_comment", at, before={"comment_id": comment_id}),
        ])
    except ConditionFailedError as exc:
        raise ConflictError("This comment was deleted already. / 该评论已删除。") from exc
    return comment_view(replace(comment, text="", deleted=True), principal, now)


# --- report --------------------------------------------------------------------------------


def report_post(principal: Principal, topic_id: str, body: ReportRequest) -> ReportReceipt:
    require(principal, "topic.report")
    topic = readable_topic(principal, topic_id)
    require_member(principal, topic)
    if body.comment_id is None:
        author, target, hidden, sort_key = topic.author, repository.TOPIC_TARGET, topic.hidden, repository.TOPIC_TARGET
    else:
        comment = _comment(topic_id, body.comment_id)
        if comment.deleted:
            raise ConflictError("This comment was deleted. / 该评论已删除。")
        author, target, hidden, sort_key = comment.author, comment.id, comment.hidden, comment.sort_key
    if is_author(principal, author):
        raise rule_error("One does not report one's own post.", "不能举报自己的发言。", "comment_id", "own_post")
    if hidden is not None:
        raise ConflictError("This post is hidden already. / 该内容已被隐藏。")
    at = clock.iso(clock.utc_now())
    try:
        dynamo.transact_write([
            repository.report_put(topic, target, principal.person, body.reason.value, body.note, at, scrub(topic.title),
                                  new_id(), sort_key),
            ratelimit.counter_update(ratelimit.REPORTS, principal.user_id),
            audit_item(principal, topic_id, "report", at, after={"target": target, "reason": body.reason.value}),
            traces.trace_put(principal.person, traces.TOPIC, topic_id),
        ])
    except ConditionFailedError as exc:
        if 0 in exc.failed:
            raise ConflictError("You have reported this post already. / 您已举报过该内容。") from exc
        if 1 in exc.failed:
            raise ratelimit.refused(ratelimit.REPORTS) from exc
        raise
    return ReportReceipt(topic_id=topic_id, comment_id=body.comment_id, reason=body.reason, at=at)


# --- appeal --------------------------------------------------------------------------------


def appeal_hiding(principal: Principal, topic_id: str, body: AppealRequest) -> AppealReceipt:
    """The author asks the street to show a hidden post again, once per post."""
    require(principal, "topic.appeal")
    topic = readable_topic(principal, topic_id)
    if body.comment_id is None:
        author, target, hidden, sort_key = topic.author, repository.TOPIC_TARGET, topic.hidden, None
    else:
        comment = _comment(topic_id, body.comment_id)
        author, target, hidden, sort_key = comment.author, comment.id, comment.hidden, comment.sort_key
    if not is_author(principal, author):
        raise ForbiddenError("Only the author may appeal. / 只有作者可以申诉。")
    if hidden is None:
        raise ConflictError("This post is not hidden. / 该内容未被隐藏。")
    at = clock.iso(clock.utc_now())
    try:
        dynamo.transact_write([
            repository.appeal_put(topic, target, principal.person, body.text, at,
                                  working_deadline(rules.APPEAL_DAYS), scrub(topic.title),
                                  sort_key or repository.TOPIC_TARGET),
            repository.update_op(repository.target_key(topic_id, sort_key) if sort_key else topic_key(topic_id),
                                 "SET hiding.appealed = :yes", "attribute_exists(hiding)", {":yes": True}),
            audit_item(principal, topic_id, "appeal", at, after={"target": target}, reason=body.text),
            traces.trace_put(principal.person, traces.TOPIC, topic_id),
        ])
    except ConditionFailedError as exc:
        if 0 in exc.failed:
            raise ConflictError("A post may be appealed once. / 每条内容只能申诉一次。") from exc
        raise ConflictError("This post is no longer hidden. / 该内容已恢复显示。") from exc
    return AppealReceipt(topic_id=topic_id, comment_id=body.comment_id, at=at, street=topic.street)
