"""The staff's side of deliberation: the queue (topics over their threshold, reported posts,
appeals to the street) and the actions on a topic: answer, hide, restore, reject an appeal.

Every action is one transaction with its audit event. A committee hides; an appeal against a
hiding is decided by the street (or above), never by the committee that hid the post.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, can, require
from chalicelib.deliberation import repository, rules
from chalicelib.deliberation.messages import post_notice, topic_notice
from chalicelib.deliberation.models import (
    CommentRecord,
    Hidden,
    PathStep,
    QueueEntry,
    QueueKind,
    QueuePage,
    TopicAction,
    TopicActionRequest,
    TopicDetail,
    TopicQueueQuery,
    TopicRecord,
    TopicStatus,
)
from chalicelib.deliberation.service import audit_item, enqueue, get_topic, readable_topic
from chalicelib.division_codes import level_of
from chalicelib.errors import ConflictError, ErrorDetail, ForbiddenError, NotFoundError, ValidationFailedError, rule_error
from chalicelib.models import action_named
from chalicelib.notifications.service import announce_written
from chalicelib.scrub import scrub
from chalicelib.storage import dynamo
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.keys import topic_item_key, topic_key
from chalicelib.storage.pagination import decode_cursor, encode_cursor

# DynamoDB takes 100 items in a transaction; a post with more open reports than this has
# the rest dismissed by the next action on it.
MAX_REPORTS_SETTLED = 90
APPEAL_PENDING = "pending"


# --- the queue -----------------------------------------------------------------------------


def _entry(principal: Principal, item: dict[str, Any], now: str, posts: dict[tuple[str, str], repository.Post]
           ) -> QueueEntry:
    kind = item.get("queue_kind") or QueueKind.schedule.value
    target = item.get("target")
    due = item.get("due_at")
    decides = can(principal, "topic.decide_appeal", str(item["division"]))
    if kind == QueueKind.schedule.value:
        return QueueEntry(kind=QueueKind.schedule, topic_id=str(item["id"]), division=str(item["division"]),
                          title=scrub(str(item["title"])), at=str(item.get("queued_at") or item["created_at"]),
                          due_at=due, overdue=bool(due and due < now), supports=int(item.get("supports", 0)),
                          allowed_actions=rules.allowed_actions(repository.topic_of(item), decides))
    return QueueEntry(kind=QueueKind(kind), topic_id=str(item["topic_id"]),
                      comment_id=None if target == repository.TOPIC_TARGET else target,
                      division=str(item["division"]), title=str(item.get("title") or ""), at=str(item["at"]),
                      due_at=due, overdue=bool(due and due < now),
                      reason=str(item.get("reason") or "") or None,
                      allowed_actions=_post_actions(posts.get((str(item["topic_id"]), str(target))), decides,
                                                    kind == QueueKind.report.value))


def _post_actions(post: repository.Post | None, decides: bool, reported: bool) -> list[TopicAction]:
    """What the post of a report or appeal allows now (rules.post_actions); a post that is gone, nothing."""
    if post is None:
        return []
    deleted = isinstance(post, CommentRecord) and post.deleted
    return rules.post_actions(post.hidden, post.appeal_upheld, decides, deleted=deleted, reported=reported)


def review_queue(principal: Principal, query: TopicQueueQuery) -> QueuePage:
    require(principal, "topic.review")
    division = query.division or principal.jurisdiction or ""
    require(principal, "topic.review", division)
    if level_of(division) not in ("committee", "street"):
        raise rule_error("Choose a street or a committee.", "请选择街道或居委会。", "division", "queue_scope")
    scope = f"topic-queue:{division}"
    committee = division if level_of(division) == "committee" else None
    items, last = repository.queue_page(division[:9], committee, query.limit, decode_cursor(query.cursor, scope))
    now = clock.iso(clock.utc_now())
    # The posts reported or appealed, read as they stand: the entry offers what the post allows.
    posts = repository.posts_of([i for i in items if i.get("queue_kind") in (QueueKind.report.value,
                                                                              QueueKind.appeal.value)])
    return QueuePage(items=[_entry(principal, i, now, posts) for i in items], next_cursor=encode_cursor(last, scope))


# --- actions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    name: str  # TOPIC or the comment's id
    key: dict[str, str]
    hidden: Hidden | None
    author: str
    appeal_upheld: bool = False


def _target(topic: TopicRecord, comment_id: str | None) -> _Target:
    if comment_id is None:
        return _Target(repository.TOPIC_TARGET, topic_key(topic.id), topic.hidden, topic.author, topic.appeal_upheld)
    comment = next((c for c in repository.read_whole(topic.id).comments if c.id == comment_id), None)
    if comment is None:
        raise NotFoundError("No such comment. / 没有这条评论。")
    if comment.deleted:
        raise ConflictError("This comment was deleted by its author. / 该评论已被作者删除。")
    return _Target(comment.id, repository.target_key(topic.id, comment.sort_key), comment.hidden, comment.author,
                   comment.appeal_upheld)


def _missing(field: str, en: str, zh: str) -> ValidationFailedError:
    return ValidationFailedError(details=[ErrorDetail(field=field, type="missing", message=en, message_zh=zh)])


def _settle_reports(topic_id: str, target: str, outcome: str) -> list[dict[str, Any]]:
    open_reports = [r for r in repository.report_items(topic_id, target) if r.get("GSI2PK")]
    return [repository.unqueue_op({"PK": r["PK"], "SK": r["SK"]}, "outcome = :o", {":o": outcome})
            for r in open_reports[:MAX_REPORTS_SETTLED]]


def _appeal_pending(topic_id: str, target: str) -> dict[str, Any] | None:
    appeal = repository.appeal_item(topic_id, target)
    return appeal if appeal and appeal.get("status") == APPEAL_PENDING else None


def _write(items: list[dict[str, Any]], conflict: str) -> None:
    try:
        dynamo.transact_write(items)
    except ConditionFailedError as exc:
        raise ConflictError(conflict) from exc
    announce_written(items)


def act_on_topic(principal: Principal, topic_id: str, action: str, body: TopicActionRequest) -> TopicDetail:
    chosen = action_named(TopicAction, action)
    require(principal, "topic.review")
    topic = readable_topic(principal, topic_id)
    require(principal, "topic.review", topic.division)
    at = clock.iso(clock.utc_now())
    if chosen is TopicAction.answer:
        _answer(principal, topic, body, at)
    elif chosen is TopicAction.hide:
        _hide(principal, topic, body, at)
    elif chosen is TopicAction.restore:
        _restore(principal, topic, body, at)
        # A topic hidden just as it crossed its threshold was left out of the queue: it enters now.
        shown_again = repository.get_topic(topic_id)
        if body.comment_id is None and rules.crossed(shown_again):
            enqueue(shown_again, principal)
    else:
        _reject_appeal(principal, topic, body, at)
    return get_topic(principal, topic_id)


def _answer(principal: Principal, topic: TopicRecord, body: TopicActionRequest, at: str) -> None:
    if body.text is None:
        raise _missing("text", "say why no meeting will be held", "请说明不召开议事会的理由")
    if topic.status not in (TopicStatus.open.value, TopicStatus.queued.value) or topic.is_hidden:
        raise ConflictError("Only an open or queued topic can be answered. / 只能答复待附议或待安排的议题。")
    _write([
        repository.update_op(topic_key(topic.id),
                             "SET #s = :answered, answer = :text, answered_at = :at, version = version + :one "
                             "REMOVE GSI2PK, GSI2SK, due_at",
                             "#s IN (:open, :queued) AND attribute_not_exists(hiding)",
                             {":answered": TopicStatus.answered.value, ":text": body.text, ":at": at, ":one": 1,
                              ":open": TopicStatus.open.value, ":queued": TopicStatus.queued.value},
                             {"#s": "status"}),
        repository.path_put(topic.id, PathStep.answered.value, "answer", topic.id, at, principal.role.value),
        audit_item(principal, topic.id, "answer", at, before={"status": topic.status},
                   after={"status": TopicStatus.answered.value}, reason=body.text),
        *topic_notice(topic.author, topic.id, scrub(topic.title), PathStep.answered.value,
                      TopicStatus.answered.value, at),
    ], "The topic changed meanwhile. / 议题已被他人处理。")


def _hide(principal: Principal, topic: TopicRecord, body: TopicActionRequest, at: str) -> None:
    if body.reason is None:
        raise _missing("reason", "the reason is shown in place of the text", "请填写隐藏理由（将代替原文显示）")
    target = _target(topic, body.comment_id)
    if target.hidden is not None:
        raise ConflictError("This post is hidden already. / 该内容已被隐藏。")
    # A post is appealed once: hidden again by the committee after the street upheld the appeal,
    # it would stay hidden with no appeal left, overruling the street. The post carries the
    # upholding (set in the street's transaction); the appeal's own record answers for posts
    # upheld before it did.
    street = can(principal, "topic.decide_appeal", topic.division)
    if not street and (target.appeal_upheld or _upheld_before(topic.id, target.name)):
        raise ForbiddenError(UPHELD)
    hidden = Hidden(reason=body.reason, at=at, by_role=principal.role.value)
    condition = "attribute_exists(PK) AND attribute_not_exists(hiding)"
    _write([
        repository.update_op(target.key, "SET hiding = :h",
                             condition if street else f"{condition} AND attribute_not_exists(appeal_upheld)",
                             {":h": repository.hidden_value(hidden)}),
        audit_item(principal, topic.id, "hide", at, before={"target": target.name}, after={"hidden": True},
                   reason=body.reason),
        *post_notice(target.author, topic.id, scrub(topic.title), "hidden", body.reason, at),
        *_settle_reports(topic.id, target.name, "hidden"),
    ], "This post changed meanwhile. / 该内容已被他人处理。")


UPHELD = ("The street showed this post again on its author's appeal: only the street may hide it. / "
          "街道已根据作者申诉恢复该内容，只能由街道再次隐藏。")


def _upheld_before(topic_id: str, target: str) -> bool:
    appeal = repository.appeal_item(topic_id, target)
    return bool(appeal and appeal.get("status") == "upheld")


def _restore(principal: Principal, topic: TopicRecord, body: TopicActionRequest, at: str) -> None:
    target = _target(topic, body.comment_id)
    if target.hidden is None:
        # A reported post that stays: its reports leave the queue.
        settled = _settle_reports(topic.id, target.name, "dismissed")
        if not settled:
            raise ConflictError("This post is not hidden and has no open reports. / 该内容未被隐藏，也没有待处理的举报。")
        _write([*settled, audit_item(principal, topic.id, "dismiss_reports", at, before={"target": target.name},
                                     reason=body.reason)], "The reports changed meanwhile. / 举报已被他人处理。")
        return
    appeal = _appeal_pending(topic.id, target.name)
    if appeal is not None and not can(principal, "topic.decide_appeal", topic.division):
        raise ForbiddenError("The author has appealed: the street decides. / 作者已申诉，由街道决定。")
    # Upholding an appeal marks the post itself, so that what it allows next is read from it.
    # Without a pending appeal read, the restore holds only while none arrives: an appeal
    # landing meanwhile is the street's to decide, not left pending on a post shown again.
    shown = (repository.update_op(target.key, "SET appeal_upheld = :yes REMOVE hiding", "attribute_exists(hiding)",
                                  {":yes": True}) if appeal else
             repository.update_op(target.key, "REMOVE hiding", "attribute_exists(hiding) AND "
                                  "(hiding.appealed = :no OR hiding.appeal_rejected = :yes)", {":no": False, ":yes": True}))
    _write([
        shown,
        audit_item(principal, topic.id, "restore", at, before={"target": target.name, "hidden": True},
                   after={"hidden": False, "appeal": "upheld" if appeal else None}, reason=body.reason),
        *([repository.unqueue_op(topic_item_key(topic.id, "APPEAL", target.name), "#s = :upheld, decided_at = :at",
                                 {":upheld": "upheld", ":at": at, ":pending": APPEAL_PENDING},
                                 "#s = :pending")] if appeal else []),
        *(post_notice(str(appeal["person"]), topic.id, scrub(topic.title), "appeal_upheld", None, at)
          if appeal else []),
    ], "This post changed meanwhile. / 该内容已被他人处理。")


def _reject_appeal(principal: Principal, topic: TopicRecord, body: TopicActionRequest, at: str) -> None:
    require(principal, "topic.decide_appeal", topic.division)
    if body.reason is None:
        raise _missing("reason", "say why the post stays hidden", "请说明维持隐藏的理由")
    target = _target(topic, body.comment_id)
    appeal = _appeal_pending(topic.id, target.name)
    if appeal is None:
        raise ConflictError("No appeal is waiting for this post. / 该内容没有待处理的申诉。")
    _write([
        repository.update_op(target.key, "SET hiding.appeal_rejected = :yes", "attribute_exists(hiding)",
                             {":yes": True}),
        repository.unqueue_op(topic_item_key(topic.id, "APPEAL", target.name),
                              "#s = :rejected, decided_at = :at, decision = :why",
                              {":rejected": "rejected", ":at": at, ":why": body.reason, ":pending": APPEAL_PENDING},
                              "#s = :pending"),
        audit_item(principal, topic.id, "reject_appeal", at, before={"target": target.name}, reason=body.reason),
        *post_notice(str(appeal["person"]), topic.id, scrub(topic.title), "appeal_rejected", body.reason, at),
    ], "This post changed meanwhile. / 该内容已被他人处理。")
