"""What a resident is told when their topic, post or appeal moves, or a meeting they
registered for is cancelled, in Chinese and English. Each message is written to the inbox in
the transaction of the step it reports (notifications/repository.py), as suggestions do."""

from __future__ import annotations

from typing import Any

from chalicelib import clock
from chalicelib.auth import is_someone
from chalicelib.notifications.repository import inbox_put

TOPIC_TEXTS: dict[str, tuple[str, str]] = {
    "queued": ("您发起的议题“{title}”附议人数已达门槛，已进入居委会议事安排。",
               "Your topic “{title}” reached its support threshold; the committee will schedule a meeting or answer."),
    "answered": ("您发起的议题“{title}”已获答复，原因见详情。",
                 "Your topic “{title}” was answered; see why in its details."),
    "meeting_scheduled": ("您发起的议题“{title}”已安排议事会议，欢迎报名参加。",
                          "A meeting was scheduled for your topic “{title}”; you are welcome to register."),
    "decided": ("您发起的议题“{title}”已在会议上形成决议。", "A meeting reached a decision on your topic “{title}”."),
    "project_created": ("您发起的议题“{title}”的决议已转化为项目。",
                        "A decision on your topic “{title}” was carried into a project."),
}
POST_TEXTS: dict[str, tuple[str, str]] = {
    "hidden": ("您在议题“{title}”中的发言已被隐藏，理由：{reason}。您可以向街道申诉一次。",
               "Your post on the topic “{title}” was hidden: {reason}. You may appeal to the street once."),
    "appeal_upheld": ("您对议题“{title}”中被隐藏发言的申诉已获支持，发言已恢复显示。",
                      "Your appeal about your post on “{title}” was upheld; the post is shown again."),
    "appeal_rejected": ("您对议题“{title}”中被隐藏发言的申诉未获支持，理由：{reason}。",
                        "Your appeal about your post on “{title}” was rejected: {reason}."),
}
CANCELLED = ("您报名的会议“{title}”已取消，原因：{reason}。", "The meeting “{title}” you registered for was cancelled: {reason}.")
NOTIFIED_STEPS = frozenset(TOPIC_TEXTS)


def _put(recipient: str, message: dict[str, Any], at_iso: str) -> list[dict[str, Any]]:
    # The step's own time orders the inbox; its expiry counts from now, which the step's time is.
    return [inbox_put(recipient, message, at_iso, int(clock.utc_now().timestamp()))] if is_someone(recipient) else []


def topic_notice(author: str, topic_id: str, title: str, step: str, status: str | None,
                 at_iso: str) -> list[dict[str, Any]]:
    """The inbox Put telling a topic's author of `step`; none for an erased author or an unreported step."""
    if step not in TOPIC_TEXTS:
        return []
    zh, en = TOPIC_TEXTS[step]
    return _put(author, {"subject_type": "topic", "subject_id": topic_id, "event": step, "status": status,
                         "text": zh.format(title=title), "text_en": en.format(title=title)}, at_iso)


def post_notice(author: str, topic_id: str, title: str, event: str, reason: str | None,
                at_iso: str) -> list[dict[str, Any]]:
    zh, en = POST_TEXTS[event]
    shown = reason or "—"
    return _put(author, {"subject_type": "topic", "subject_id": topic_id, "event": event, "status": None,
                         "text": zh.format(title=title, reason=shown), "text_en": en.format(title=title, reason=shown)},
                at_iso)


def cancelled_notice(person: str, meeting_id: str, title: str, reason: str, at_iso: str) -> list[dict[str, Any]]:
    zh, en = CANCELLED
    return _put(person, {"subject_type": "meeting", "subject_id": meeting_id, "event": "cancel", "status": "cancelled",
                         "text": zh.format(title=title, reason=reason), "text_en": en.format(title=title, reason=reason)},
                at_iso)
