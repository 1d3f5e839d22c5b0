"""Meeting and convention items.

| pattern                             | index | key condition                                  | sort key                 |
| ----------------------------------- | ----- | ---------------------------------------------- | ------------------------ |
| a meeting, registrations, decisions |       | Query PK=MEETING#{id}                          | MEETING, REG#, DECISION# |
| one meeting (to change it)          |       | GetItem PK=MEETING#{id}                        | MEETING                  |
| one decision                        |       | GetItem PK=MEETING#{id}                        | DECISION#{id}            |
| meetings of a division              | GSI1  | GSI1PK=MEETINGS#{division}, GSI1SK >= or < now | {starts at}#{id}         |
| one convention                      |       | GetItem PK=CONVENTION#{id}                     | CONVENTION               |
| conventions of a division           | GSI1  | GSI1PK=CONVENTIONS#{division}                  | {published at}#{id}      |

One registration per person is the `REG#{person}` put's `attribute_not_exists`, in the same
transaction as the `ADD` on the meeting's count, whose condition keeps it under the capacity:
a full meeting refuses the registration that would overflow it, whoever comes at once.
Registrations of one meeting are hundreds at most, so the count on the meeting item is no hot key.
The audit events of a meeting held, a decision and its carrying are also filed in the month's
activity index (storage/activity.py) for the monthly publication.
"""

from __future__ import annotations

from dataclasses import asdict
from functools import partial
from typing import Any

from chalicelib.meetings.models import CarryTarget, MeetingKind, MeetingStatus
from chalicelib.meetings.records import (
    Carried,
    ConventionRecord,
    DecisionRecord,
    MeetingContents,
    MeetingRecord,
    RegistrationRecord,
)
from chalicelib.storage import activity, dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.keys import (
    audit_key,
    convention_key,
    conventions_of_division_keys,
    conventions_of_division_partition,
    meeting_decision_key,
    meeting_key,
    meeting_partition,
    meeting_registration_key,
    meetings_of_division_keys,
    meetings_of_division_partition,
)
from chalicelib.storage.table import GSI1

PAGE = 200


def write(items: list[dict[str, Any]]) -> None:
    dynamo.transact_write(items)


def audit(meeting_id: str, action: str, actor_id: str, actor_role: str, after: Any = None,
          reason: str | None = None, at: str | None = None, fact: dict[str, Any] | None = None) -> dict[str, Any]:
    """A meeting's audit event; with `fact`, also filed for the monthly publication (held, decided, carried)."""
    subject = f"meeting#{meeting_id}"
    if fact is None:
        return audit_put(dynamo.table_name(), subject=subject, action=action, actor_id=actor_id,
                         actor_role=actor_role, after=after, reason=reason, at=at)
    return audit_put(dynamo.table_name(), subject=subject, action=action, actor_id=actor_id, actor_role=actor_role,
                     after=after, reason=reason, at=at, key_for=activity.indexed(partial(audit_key, subject)),
                     extra={"fact": {"domain": "deliberation", **fact}})


def _update(key: dict[str, str], expression: str, condition: str, values: dict[str, Any],
            names: dict[str, str] | None = None) -> dict[str, Any]:
    from chalicelib.storage.items import to_item

    operation: dict[str, Any] = {"TableName": dynamo.table_name(), "Key": to_item(key), "UpdateExpression": expression,
                                 "ConditionExpression": condition, "ExpressionAttributeValues": to_item(values)}
    if names:
        operation["ExpressionAttributeNames"] = names
    return {"Update": operation}


# --- meetings ----------------------------------------------------------------------------


def _meeting_item(meeting: MeetingRecord) -> dict[str, Any]:
    stored = asdict(meeting)
    stored["kind"] = meeting.kind.value
    stored["status"] = meeting.status.value
    stored["topic_ids"] = list(meeting.topic_ids)
    stored["present"] = list(meeting.present)
    stored["minutes_photos"] = list(meeting.minutes_photos)
    return {**meeting_key(meeting.id), **meetings_of_division_keys(meeting.division, meeting.starts_at, meeting.id),
            "type": "meeting", **{k: v for k, v in stored.items() if v is not None}}


def _meeting_of(item: dict[str, Any]) -> MeetingRecord:
    return MeetingRecord(
        id=item["id"], kind=MeetingKind(item["kind"]), division=item["division"], title=item["title"],
        topic_ids=tuple(item.get("topic_ids") or ()), starts_at=item["starts_at"], ends_at=item["ends_at"],
        place=item["place"], agenda=item["agenda"], status=MeetingStatus(item["status"]), version=int(item["version"]),
        created_by=item["created_by"], created_at=item["created_at"],
        capacity=int(item["capacity"]) if item.get("capacity") is not None else None,
        registered=int(item.get("registered") or 0),
        attendance=int(item["attendance"]) if item.get("attendance") is not None else None,
        present=tuple(item.get("present") or ()), held_at=item.get("held_at"), minutes_text=item.get("minutes_text"),
        minutes_photos=tuple(item.get("minutes_photos") or ()), minutes_at=item.get("minutes_at"),
        cancelled_reason=item.get("cancelled_reason"),
    )


def meeting_new_put(meeting: MeetingRecord) -> dict[str, Any]:
    return dynamo.put_op(_meeting_item(meeting), "attribute_not_exists(PK)")


def meeting_versioned_put(after: MeetingRecord, before: MeetingRecord) -> dict[str, Any]:
    """The changed meeting, refused if anyone changed it since it was read (registrations too:
    the count read is the count written)."""
    return dynamo.put_op(_meeting_item(after), "#version = :v AND #status = :s AND registered = :r",
                         {":v": before.version, ":s": before.status.value, ":r": before.registered},
                         {"#version": "version", "#status": "status"})


def get_meeting(meeting_id: str) -> MeetingRecord | None:
    item = dynamo.get_item(meeting_key(meeting_id), consistent=True)
    return _meeting_of(item) if item else None


def get_contents(meeting_id: str) -> MeetingContents:
    items: list[dict[str, Any]] = []
    start = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": meeting_partition(meeting_id)},
                                        limit=PAGE, start_key=start, consistent=True)
        items += page
        if not start:
            break
    meeting = next((_meeting_of(i) for i in items if i["SK"] == "MEETING"), None)
    registrations = [_registration_of(i) for i in items if i["SK"].startswith("REG#")]
    decisions = sorted((_decision_of(i) for i in items if i["SK"].startswith("DECISION#")), key=lambda d: d.decided_at)
    return MeetingContents(meeting=meeting, registrations=sorted(registrations, key=lambda r: r.registered_at),
                           decisions=decisions)


def list_meetings(division: str, now_iso: str, upcoming: bool, limit: int) -> list[MeetingRecord]:
    condition = "GSI1PK = :pk AND GSI1SK >= :now" if upcoming else "GSI1PK = :pk AND GSI1SK < :now"
    items, _ = dynamo.query_page(index=GSI1, key_condition=condition,
                                 values={":pk": meetings_of_division_partition(division), ":now": now_iso},
                                 limit=limit, forward=upcoming)
    return [_meeting_of(i) for i in items]


# --- registrations -----------------------------------------------------------------------


def _registration_of(item: dict[str, Any]) -> RegistrationRecord:
    return RegistrationRecord(id=item["id"], person=item["person"], registered_at=item["registered_at"],
                              name=item.get("name"), phone=item.get("phone"))


def registration_put(meeting_id: str, registration: RegistrationRecord) -> dict[str, Any]:
    item = {**meeting_registration_key(meeting_id, registration.person), "type": "meeting_registration",
            **{k: v for k, v in asdict(registration).items() if v is not None}}
    return dynamo.put_op(item, "attribute_not_exists(PK)")


def registration_delete(meeting_id: str, person: str) -> dict[str, Any]:
    from chalicelib.storage.items import to_item

    return {"Delete": {"TableName": dynamo.table_name(), "Key": to_item(meeting_registration_key(meeting_id, person)),
                       "ConditionExpression": "attribute_exists(PK)"}}


def count_registration(meeting: MeetingRecord, by: int, now_iso: str) -> dict[str, Any]:
    """The count moves with the registration; a new one only while seats remain; either way only
    while the meeting is scheduled and has not started (the clock is read at the write, so a
    check made before it started does not let one in after)."""
    condition = "#status = :scheduled AND starts_at > :now"
    values: dict[str, Any] = {":by": by, ":scheduled": MeetingStatus.scheduled.value, ":now": now_iso}
    if by > 0 and meeting.capacity is not None:
        condition += " AND registered < :capacity"
        values[":capacity"] = meeting.capacity
    return _update(meeting_key(meeting.id), "ADD registered :by", condition, values, {"#status": "status"})


def get_registration(meeting_id: str, person: str) -> RegistrationRecord | None:
    item = dynamo.get_item(meeting_registration_key(meeting_id, person), consistent=True)
    return _registration_of(item) if item else None


# --- decisions ---------------------------------------------------------------------------


def _decision_of(item: dict[str, Any]) -> DecisionRecord:
    carried = item.get("carried")
    return DecisionRecord(
        id=item["id"], meeting_id=item["meeting_id"], text=item["text"], votes_for=int(item["votes_for"]),
        votes_against=int(item["votes_against"]), votes_abstain=int(item["votes_abstain"]),
        decided_at=item["decided_at"], decided_by=item["decided_by"],
        carried=Carried(target=CarryTarget(carried["target"]), ref_id=carried["ref_id"], at=carried["at"],
                        by=carried["by"]) if carried else None,
        pending_by=item.get("pending_by"),
        pending_target=CarryTarget(item["pending_target"]) if item.get("pending_target") else None,
    )


def decision_put(decision: DecisionRecord) -> dict[str, Any]:
    stored = {k: v for k, v in asdict(decision).items() if v is not None}
    return dynamo.put_op({**meeting_decision_key(decision.meeting_id, decision.id), "type": "meeting_decision",
                          **stored}, "attribute_not_exists(PK)")


def get_decision(meeting_id: str, decision_id: str) -> DecisionRecord | None:
    item = dynamo.get_item(meeting_decision_key(meeting_id, decision_id), consistent=True)
    return _decision_of(item) if item else None


def reserve_carry(meeting_id: str, decision_id: str, caller: str, target: CarryTarget) -> None:
    """Takes the decision for this caller and target before the target is made elsewhere;
    refused (ConflictError) once carried or while someone else carries it."""
    operation = _update(
        meeting_decision_key(meeting_id, decision_id), "SET pending_by = :me, pending_target = :target",
        "attribute_exists(PK) AND attribute_not_exists(carried) AND "
        "(attribute_not_exists(pending_by) OR (pending_by = :me AND pending_target = :target))",
        {":me": caller, ":target": target.value})
    write([operation])


def release_carry(meeting_id: str, decision_id: str, caller: str) -> dict[str, Any]:
    return _update(meeting_decision_key(meeting_id, decision_id), "REMOVE pending_by, pending_target",
                   "pending_by = :me AND attribute_not_exists(carried)", {":me": caller})


def carried_update(meeting_id: str, decision_id: str, carried: Carried, division: str | None = None,
                   reserved: bool = True) -> dict[str, Any]:
    """`reserved`: the caller took the decision with reserve_carry first; otherwise (a target made
    in this same transaction) the decision must be free or already the caller's."""
    # The division rides along for the live index (chalicelib/live/rules.py counts a decision
    # carried at the item's division when `carried` appears).
    values: dict[str, Any] = {":carried": {"target": carried.target.value, "ref_id": carried.ref_id, "at": carried.at,
                                           "by": carried.by}, ":me": carried.by}
    if division is not None:
        values[":division"] = division
    condition = "pending_by = :me" if reserved else "(attribute_not_exists(pending_by) OR pending_by = :me)"
    return _update(meeting_decision_key(meeting_id, decision_id),
                   "SET carried = :carried" + (", division = :division" if division is not None else "")
                   + " REMOVE pending_by, pending_target",
                   f"attribute_exists(PK) AND {condition} AND attribute_not_exists(carried)", values)


# --- conventions -------------------------------------------------------------------------


def _convention_of(item: dict[str, Any]) -> ConventionRecord:
    return ConventionRecord(
        id=item["id"], division=item["division"], title=item["title"], text=item["text"],
        meeting_id=item["meeting_id"], decision_id=item["decision_id"], votes_for=int(item["votes_for"]),
        votes_against=int(item["votes_against"]), votes_abstain=int(item["votes_abstain"]),
        published_at=item["published_at"], published_by=item["published_by"])


def convention_put(convention: ConventionRecord) -> dict[str, Any]:
    return dynamo.put_op({**convention_key(convention.id),
                          **conventions_of_division_keys(convention.division, convention.published_at, convention.id),
                          "type": "convention", **asdict(convention)}, "attribute_not_exists(PK)")


def get_convention(convention_id: str) -> ConventionRecord | None:
    item = dynamo.get_item(convention_key(convention_id))
    return _convention_of(item) if item else None


def list_conventions(division: str) -> list[ConventionRecord]:
    items, _ = dynamo.query_page(index=GSI1, key_condition="GSI1PK = :pk",
                                 values={":pk": conventions_of_division_partition(division)}, limit=100, forward=False)
    return [_convention_of(i) for i in items]


def registration_erasure(meeting_id: str, person: str, tombstone: str) -> list[dict[str, Any]]:
    """The person's registration, if any, moved to a tombstone's key without name or phone: it
    stays counted in the meeting's registrations (and, by its id, among those present)."""
    from chalicelib.storage.items import to_item

    item = dynamo.get_item(meeting_registration_key(meeting_id, person), consistent=True)
    if item is None:
        return []
    moved = {k: v for k, v in item.items() if k not in ("name", "phone")}
    moved.update({**meeting_registration_key(meeting_id, tombstone), "person": tombstone})
    return [{"Delete": {"TableName": dynamo.table_name(), "Key": to_item(meeting_registration_key(meeting_id, person)),
                        "ConditionExpression": "attribute_exists(PK)"}},
            dynamo.put_op(moved, "attribute_not_exists(PK)")]
