"""The export's share of deliberation (GET /me/data): what the person wrote in topics and the
meetings they registered for, found through their traces (storage/traces.py) as erasure finds
them, and told apart in each partition by the person's key, as deliberation/erasure.py does."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chalicelib.accounts.models import (
    ExportedAppeal,
    ExportedComment,
    ExportedRegistration,
    ExportedReport,
    ExportedSupport,
    ExportedTopic,
)


@dataclass
class TakingPart:
    topics: list[ExportedTopic] = field(default_factory=list)
    supports: list[ExportedSupport] = field(default_factory=list)
    comments: list[ExportedComment] = field(default_factory=list)
    reports: list[ExportedReport] = field(default_factory=list)
    appeals: list[ExportedAppeal] = field(default_factory=list)
    meeting_registrations: list[ExportedRegistration] = field(default_factory=list)


def _opt(item: dict[str, Any], name: str) -> str | None:
    value = item.get(name)
    return None if value is None else str(value)


def _add_topic_items(found: TakingPart, items: list[dict[str, Any]], person: str) -> None:
    for item in items:
        sort_key = str(item["SK"])
        if sort_key == "TOPIC" and item.get("author") == person:
            found.topics.append(ExportedTopic(
                id=str(item["id"]), division=str(item["division"]), title=str(item["title"]),
                background=str(item["background"]), proposal=str(item["proposal"]),
                photos=[str(p) for p in item.get("photos") or ()], status=str(item["status"]),
                supports=int(item.get("supports", 0)), created_at=str(item["created_at"]), answer=_opt(item, "answer")))
        elif sort_key.startswith("SUPPORT#") and item.get("person") == person:
            found.supports.append(ExportedSupport(topic_id=str(item["topic_id"]), at=str(item["at"])))
        elif sort_key.startswith("COMMENT#") and item.get("author") == person:
            found.comments.append(ExportedComment(
                topic_id=str(item["topic_id"]), id=str(item["id"]), parent_id=_opt(item, "parent_id"),
                text=str(item.get("text") or ""), created_at=str(item["created_at"]),
                edited_at=_opt(item, "edited_at"), deleted=bool(item.get("deleted"))))
        elif sort_key.startswith("REPORT#") and item.get("person") == person:
            found.reports.append(ExportedReport(
                topic_id=str(item["topic_id"]), id=str(item["id"]), target=str(item["target"]),
                reason=str(item["reason"]), note=_opt(item, "note"), at=str(item["at"])))
        elif sort_key.startswith("APPEAL#") and item.get("person") == person:
            found.appeals.append(ExportedAppeal(
                topic_id=str(item["topic_id"]), target=str(item["target"]), text=str(item["text"]),
                status=str(item["status"]), at=str(item["at"]), decided_at=_opt(item, "decided_at"),
                decision=_opt(item, "decision")))


def _add_registration(found: TakingPart, meeting_id: str, person: str) -> None:
    from chalicelib.meetings import repository as meetings

    registration = meetings.get_registration(meeting_id, person)
    if registration is None:
        return
    meeting = meetings.get_meeting(meeting_id)
    found.meeting_registrations.append(ExportedRegistration(
        meeting_id=meeting_id, id=registration.id, title=meeting.title if meeting else None,
        starts_at=meeting.starts_at if meeting else None, name=registration.name, phone=registration.phone,
        registered_at=registration.registered_at))


def taking_part(person: str) -> TakingPart:
    from chalicelib.deliberation import repository as topics
    from chalicelib.storage import traces

    found = TakingPart()
    for kind, ref_id in traces.traces_of(person):
        if kind == traces.TOPIC:
            _add_topic_items(found, topics.partition_items(ref_id), person)
        elif kind == traces.MEETING:
            _add_registration(found, ref_id, person)
    return found
