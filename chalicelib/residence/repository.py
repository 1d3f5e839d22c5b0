"""Residence requests, their timelines and each person's current residence in the main table.

| pattern                          | index | key condition                                       | example                     |
| -------------------------------- | ----- | --------------------------------------------------- | --------------------------- |
| one request (for a decision)     | table | GetItem PK=RESIDENCE#{id}, SK=REQUEST               | PK=RESIDENCE#01JD…          |
| a request's timeline             | table | PK=RESIDENCE#{id} AND begins_with(SK, "EVT#")       | SK=EVT#{at}#{event id}      |
| a person's current residence     | table | GetItem PK=RESIDENT#{person}, SK=CURRENT            | PK=RESIDENT#3f2a…           |
| a person's open request (≤ 1)    | table | GetItem PK=RESIDENT#{person}, SK=PENDING            |                             |
| a person's history, newest first | GSI2  | GSI2PK=RESIDENT#{person}, descending                | {requested_at}#{id}[#EVT#…] |
| a district's queue, by status    | GSI1  | GSI1PK=RESIDENCES#{district}#{status}               | RESIDENCES#310110#pending   |
| a street's or committee's queue  | GSI1  | … AND begins_with(GSI1SK, "{street}"/"{committee}#") | 310110012001#{at}#{id}      |

The request item itself is the queue entry: its GSI1 key names its district and status, so
a decision moves it from one queue to the other in the same write, and a page of any
district, street or committee is one Query (committee by committee, oldest first within
each). Timeline events are audit events beside the request (SK=EVT#…) that also carry the
person's GSI2 key under their request's, so the resident's whole history is one Query.

The phone number is never stored, only its masked form for staff; the person is their keyed
digest. The CURRENT item is the one verified residence a person holds; PENDING makes a
second open request impossible (a conditional put), whatever the timing.

A resident who erases their account (accounts/service.py) leaves their requests to a tombstone:
committee, status and decisions stay as the committee's record, without the flat, note, proof
or any index key, and officials no longer find them.

Every change is one TransactWriteItems: the request (conditional on the status and version
it was read with), the person's CURRENT or PENDING item, the timeline events and the inbox
messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from chalicelib.notifications.repository import inbox_put
from chalicelib.residence import rules
from chalicelib.residence.models import CurrentRecord, RequestRecord
from chalicelib.storage import dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import (
    current_residence_key,
    pending_residence_key,
    residence_event_key,
    residence_queue_partition,
    residence_request_key,
    residence_request_partition,
    resident_partition,
)
from chalicelib.storage.table import GSI1, GSI2

REQUEST_TYPE = "residence_request"
CURRENT_TYPE = "current_residence"
PENDING_TYPE = "pending_residence"
HISTORY_PAGE = 200


@dataclass
class Event:
    """One step on a request's timeline, which is also its audit record."""

    request: RequestRecord
    action: str
    actor_id: str
    actor_role: str
    status_from: str | None
    status_to: str
    reason: str | None = None


@dataclass
class Notice:
    recipient: str
    message: dict[str, Any]


@dataclass
class Plan:
    """What one decision writes, in order: `writes` first (their positions are stable for
    error mapping), then the events and the messages."""

    writes: list[dict[str, Any]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def _history_key(record: RequestRecord) -> str:
    return f"{record.requested_at}#{record.id}"


def _request_item(record: RequestRecord) -> dict[str, Any]:
    item = {**residence_request_key(record.id), "type": REQUEST_TYPE, **record.model_dump(mode="json")}
    if record.erased_at:
        # Nobody's request any more: in no queue and no history, found only by its id.
        return item
    return {
        **item,
        "GSI1PK": residence_queue_partition(rules.district_of(record.committee), record.status.value),
        "GSI1SK": rules.queue_sort_key(record.committee, record.requested_at, record.id),
        "GSI2PK": resident_partition(record.person),
        "GSI2SK": _history_key(record),
    }


def new_request_put(record: RequestRecord) -> dict[str, Any]:
    # A new id is a fresh ULID; the condition only guards against a replay.
    return dynamo.put_op(_request_item(record), "attribute_not_exists(PK)")


def changed_request_put(before: RequestRecord, after: RequestRecord) -> dict[str, Any]:
    return dynamo.put_op(
        _request_item(after),
        # Optimistic locking: two officials deciding at once both read version n; only the
        # first write finds it, the second is refused (409) and nothing of it is kept.
        "#version = :version AND #status = :status",
        {":version": before.version, ":status": before.status.value},
        {"#version": "version", "#status": "status"},
    )


def pending_put(record: RequestRecord) -> dict[str, Any]:
    return dynamo.put_op(
        {**pending_residence_key(record.person), "type": PENDING_TYPE, "request_id": record.id,
         "committee": record.committee, "requested_at": record.requested_at},
        # One open request per person: a second is refused here, however close in time.
        "attribute_not_exists(PK)",
    )


def pending_delete(record: RequestRecord) -> dict[str, Any]:
    return {"Delete": {
        "TableName": dynamo.table_name(),
        "Key": to_item(pending_residence_key(record.person)),
        # The marker must be this request's, or the person's open request is another one.
        "ConditionExpression": "request_id = :id",
        "ExpressionAttributeValues": to_item({":id": record.id}),
    }}


def current_put(current: CurrentRecord, replacing: str | None) -> dict[str, Any]:
    item = {**current_residence_key(current.person), "type": CURRENT_TYPE, **current.model_dump(mode="json")}
    if replacing is None:
        # Nobody else made this person's residence current since it was read as absent.
        return dynamo.put_op(item, "attribute_not_exists(PK)")
    # Moving house replaces exactly the residence that was read, no other.
    return dynamo.put_op(item, "request_id = :previous", {":previous": replacing})


def current_delete(record: RequestRecord) -> dict[str, Any]:
    return {"Delete": {
        "TableName": dynamo.table_name(),
        "Key": to_item(current_residence_key(record.person)),
        # Only the residence this request made current is revoked with it.
        "ConditionExpression": "request_id = :id",
        "ExpressionAttributeValues": to_item({":id": record.id}),
    }}


def _event_put(event: Event, at: str, seq: int) -> dict[str, Any]:
    record = event.request
    return audit_put(
        dynamo.table_name(),
        subject=f"residence#{record.id}",
        action=event.action,
        actor_id=event.actor_id,
        actor_role=event.actor_role,
        before=event.status_from,
        after=event.status_to,
        reason=event.reason,
        at=at,
        key_for=partial(residence_event_key, record.id),
        # Events of one transaction share a time; `seq` keeps them in the order they happened.
        extra={"request_id": record.id, "seq": seq, "GSI2PK": resident_partition(record.person),
               "GSI2SK": f"{_history_key(record)}#EVT#{at}#{seq:02d}"},
    )


def write(plan: Plan, at: str, at_epoch: int) -> None:
    items = list(plan.writes)
    items += [_event_put(event, at, seq) for seq, event in enumerate(plan.events)]
    items += [inbox_put(n.recipient, n.message, at, at_epoch) for n in plan.notices]
    dynamo.transact_write(items)


def _request(item: dict[str, Any]) -> RequestRecord:
    return RequestRecord.model_validate({k: v for k, v in item.items() if k in RequestRecord.model_fields})


def get_request(request_id: str) -> RequestRecord | None:
    item = dynamo.get_item(residence_request_key(request_id), consistent=True)
    return _request(item) if item else None


def get_current(person: str) -> CurrentRecord | None:
    item = dynamo.get_item(current_residence_key(person), consistent=True)
    return CurrentRecord.model_validate({k: v for k, v in item.items() if k in CurrentRecord.model_fields}) if item else None


def get_pending_id(person: str) -> str | None:
    item = dynamo.get_item(pending_residence_key(person), consistent=True)
    return str(item["request_id"]) if item else None


def mark_synced(person: str, request_id: str) -> bool:
    """Record that the account carries this residence; False when it is no longer current."""
    from chalicelib import aws

    try:
        dynamo.db().update_item(
            TableName=dynamo.table_name(),
            Key=to_item(current_residence_key(person)),
            UpdateExpression="SET directory_synced = :yes",
            # A residence revoked or replaced meanwhile must be synced again, not marked done.
            ConditionExpression="request_id = :id",
            ExpressionAttributeValues=to_item({":yes": True, ":id": request_id}),
        )
    except aws.failures() as exc:
        if aws.error_code(exc) == "ConditionalCheckFailedException":
            return False
        raise dynamo.translate_client_error(exc) from exc
    return True


def history(person: str) -> tuple[list[RequestRecord], list[dict[str, Any]]]:
    """Every request of a person, newest first, and every event of theirs (one Query per 1 MB)."""
    items: list[dict[str, Any]] = []
    start = None
    while True:
        page, start = dynamo.query_page(index=GSI2, key_condition="GSI2PK = :pk",
                                        values={":pk": resident_partition(person)}, limit=HISTORY_PAGE,
                                        start_key=start, forward=False)
        items += page
        if not start:
            break
    requests = [_request(i) for i in items if i.get("type") == REQUEST_TYPE]
    return requests, [i for i in items if i.get("type") == "audit"]


def queue_page(district: str, status: str, prefix: str | None, limit: int,
               start_key: dict[str, Any] | None) -> tuple[list[RequestRecord], Any]:
    key, values = "GSI1PK = :pk", {":pk": residence_queue_partition(district, status)}
    if prefix:
        key += " AND begins_with(GSI1SK, :prefix)"
        values[":prefix"] = prefix
    items, last = dynamo.query_page(index=GSI1, key_condition=key, values=values, limit=limit, start_key=start_key)
    return [_request(i) for i in items], last


def events_of(request_id: str) -> list[dict[str, Any]]:
    items, _ = dynamo.query_page(key_condition="PK = :pk AND begins_with(SK, :evt)",
                                 values={":pk": residence_request_partition(request_id), ":evt": "EVT#"},
                                 limit=HISTORY_PAGE, consistent=True)
    return items


# --- erasure (PIPL, accounts/service.py) --------------------------------------------------------

ERASE_ATTEMPTS = 3


def proof_folder(request_id: str) -> str:
    """Where a request's proof photos are kept (uploads.service.keep_photos, subject `residences/{id}`)."""
    from chalicelib.uploads.service import ATTACHED_PREFIX

    return f"{ATTACHED_PREFIX}{proof_subject(request_id)}/"


def proof_subject(request_id: str) -> str:
    return f"residences/{request_id}"


def _event_unlinked(event: dict[str, Any], user_id: str, owner: str) -> dict[str, Any]:
    names = {"#pk2": "GSI2PK", "#sk2": "GSI2SK"}
    update = "REMOVE #pk2, #sk2"
    values: dict[str, Any] = {}
    if event.get("actor_id") == user_id:
        update += " SET actor_id = :owner"
        values[":owner"] = owner
    operation: dict[str, Any] = {"TableName": dynamo.table_name(), "Key": to_item({"PK": event["PK"], "SK": event["SK"]}),
                                 "UpdateExpression": update, "ExpressionAttributeNames": names,
                                 # Only an event that exists is unlinked; an update would otherwise create one.
                                 "ConditionExpression": "attribute_exists(PK)"}
    if values:
        operation["ExpressionAttributeValues"] = to_item(values)
    return {"Update": operation}


def erase_request(record: RequestRecord, events: list[dict[str, Any]], user_id: str, tombstone: Any, now: str,
                  extra: list[dict[str, Any]] | None = None) -> None:
    """Take the person out of one request: it keeps its committee, status and decisions, loses the
    flat, note, proof and masked phone, belongs to a new tombstone (`tombstone()`), and leaves
    the queue and the person's history; its events no longer name the account. One
    transaction with `extra`; an official's decision in between is read again and erased too.
    """
    from chalicelib.errors import ConflictError

    for _ in range(ERASE_ATTEMPTS):
        if record.erased_at:
            return
        owner = tombstone()
        erased = record.model_copy(update={
            "person": owner, "user_id": owner, "building": None, "room": None, "note": None, "proof_photos": [],
            "phone_masked": None, "version": record.version + 1, "updated_at": now, "erased_at": now})
        # The events are read again here (consistently): one written since `events` were read still names the person.
        stored = {(e["PK"], e["SK"]): e for e in [*events, *events_of(record.id)] if e.get("request_id") == record.id}
        writes = [changed_request_put(record, erased), *[_event_unlinked(e, user_id, owner) for e in stored.values()]]
        try:
            dynamo.transact_write([*writes, *(extra or [])])
            return
        except ConflictError:
            fresh = get_request(record.id)
            if fresh is None:
                return
            record = fresh
    raise ConflictError()


def erase_resident(person: str) -> None:
    """Delete the person's current residence and open-request marker."""
    dynamo.transact_write([
        {"Delete": {"TableName": dynamo.table_name(), "Key": to_item(key)}}
        for key in (current_residence_key(person), pending_residence_key(person))
    ])
