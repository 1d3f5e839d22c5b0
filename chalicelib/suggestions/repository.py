"""Suggestion items in the main table.

| pattern                          | index | key condition                               | example                    |
| -------------------------------- | ----- | ------------------------------------------- | -------------------------- |
| one case (for an action)         | table | GetItem PK=SUG#{id}, SK=CASE                | PK=SUG#01JD…               |
| case with timeline and ratings   | table | Query PK=SUG#{id}                           | SK=CASE, EVT#…, RATING#…   |
| case by tracking number          | table | GetItem PK=TRACK#{no}, SK=TRACK             | PK=TRACK#261123-048175     |
| a resident's cases, newest first | GSI1  | GSI1PK=SUBMITTER#{key}, descending          | GSI1SK={submitted_at}#{id} |
| a division's queue, oldest first | GSI2  | GSI2PK=QUEUE#{scope}#{open,done} [, range] | QUEUE#310110012#open       |
| a division's queue, by deadline  | GSI1  | GSI1PK=DUE#{scope} [, GSI1SK < now]         | GSI1SK={due_at}#{id}       |

A case is listed in the queue of the division handling it and of every division above it
(committee, street, district, city) through one small entry item per scope (SK=Q#{scope})
beside the case. Entries carry the summary an official's list shows, so a queue page is
one Query with no follow-up reads; they are rewritten in the same transaction as every
change of the case, so they never disagree with it. An entry has a DUE# key only while
officials owe the case something, which keeps the deadline index to open work.

Every change of a case is one TransactWriteItems: the case (conditional on the version
and status it was read with), its entries, its timeline event (which is its audit event)
and the messages to its submitters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from chalicelib.notifications.repository import inbox_put
from chalicelib.storage import activity, dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import (
    division_key,
    due_partition,
    queue_partition,
    submitter_partition,
    suggestion_event_key,
    suggestion_key,
    suggestion_partition,
    suggestion_queue_entry_key,
    suggestion_rating_key,
    tracking_number_key,
)
from chalicelib.storage.table import GSI1, GSI2
from chalicelib.suggestions import rules
from chalicelib.suggestions.models import Case, SuggestionSummary

CASE_TYPE = "suggestion"
ENTRY_TYPE = "suggestion_queue_entry"
EVENT_TYPE = "audit"
RATING_TYPE = "suggestion_rating"
CASE_PAGE = 200


@dataclass
class Event:
    """One step on a case's timeline, which is also its audit record."""

    case_id: str
    action: str
    actor_id: str
    actor_role: str
    actor_division: str | None
    status_from: str | None
    status_to: str | None
    message: str | None = None
    reason: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class Notice:
    recipient: str
    message: dict[str, Any]


@dataclass
class Change:
    """A case as read (None when new) and as it is to be written."""

    before: Case | None
    after: Case


@dataclass
class CaseRecord:
    case: Case
    events: list[dict[str, Any]]
    ratings: list[dict[str, Any]]


# The first answer a case gets, whichever it is, is its acknowledgement (受理 or 不予受理, or a direct reply).
FIRST_RESPONSES = ("accept", "decline", "reply")


def _case_item(case: Case) -> dict[str, Any]:
    return {
        **suggestion_key(case.id),
        "type": CASE_TYPE,
        "GSI1PK": submitter_partition(case.submitter),
        "GSI1SK": f"{case.submitted_at}#{case.id}",
        **case.model_dump(mode="json"),
    }


def summary_of(case: Case) -> dict[str, Any]:
    from chalicelib.privacy import mask_phone

    return {
        "id": case.id,
        "tracking_no": case.tracking_no,
        "title": case.title,
        "category": case.category.value,
        "status": case.status.value,
        "division": case.division,
        "jurisdiction": case.jurisdiction,
        "channel": case.channel.value,
        "submitted_at": case.submitted_at,
        "due_at": rules.stage_due(case.status, case.acknowledged_at is not None, case.acknowledge_by, case.reply_by),
        "version": case.version,
        "submitter_phone_masked": mask_phone(case.submitter_phone) if case.submitter_phone else None,
        "merged_into": case.merged_into,
    }


def _entry_item(case: Case, scope: str) -> dict[str, Any]:
    summary = summary_of(case)
    item = {
        **suggestion_queue_entry_key(case.id, scope),
        "type": ENTRY_TYPE,
        "GSI2PK": queue_partition(scope, rules.bucket_of(case.status)),
        "GSI2SK": f"{case.submitted_at}#{case.id}",
        **summary,
    }
    if summary["due_at"]:
        item["GSI1PK"] = due_partition(scope)
        item["GSI1SK"] = f"{summary['due_at']}#{case.id}"
    return item


def _put(item: dict[str, Any], condition: str | None = None, names: dict[str, str] | None = None,
         values: dict[str, Any] | None = None) -> dict[str, Any]:
    put: dict[str, Any] = {"TableName": dynamo.table_name(), "Item": to_item(item)}
    if condition:
        put["ConditionExpression"] = condition
    if names:
        put["ExpressionAttributeNames"] = names
    if values:
        put["ExpressionAttributeValues"] = to_item(values)
    return {"Put": put}


def _case_writes(change: Change) -> list[dict[str, Any]]:
    after, before = change.after, change.before
    if before is None:
        # A new case id is a fresh ULID; the condition only guards against a replay.
        writes = [_put(_case_item(after), "attribute_not_exists(PK)")]
    else:
        writes = [
            _put(
                _case_item(after),
                # Optimistic locking: the case must still be exactly what the official
                # saw. Two officials acting at once both read version n; only the first
                # write finds it, the second is refused (409) and nothing of it is kept.
                "#version = :expected_version AND #status = :expected_status",
                {"#version": "version", "#status": "status"},
                {":expected_version": before.version, ":expected_status": before.status.value},
            )
        ]
    scopes = rules.queue_scopes(after.jurisdiction)
    writes += [_put(_entry_item(after, scope)) for scope in scopes]
    if before is not None:
        # A transfer moves a case out of the old street's (and maybe district's) queues.
        for scope in set(rules.queue_scopes(before.jurisdiction)) - set(scopes):
            writes.append({"Delete": {"TableName": dynamo.table_name(),
                                      "Key": to_item(suggestion_queue_entry_key(after.id, scope))}})
    return writes


def _event_write(event: Event, at: str, seq: int, fact: dict[str, Any] | None) -> dict[str, Any]:
    return audit_put(
        dynamo.table_name(),
        subject=f"suggestion#{event.case_id}",
        action=event.action,
        actor_id=event.actor_id,
        actor_role=event.actor_role,
        before=event.status_from,
        after=event.status_to,
        reason=event.reason,
        at=at,
        key_for=activity.indexed(partial(suggestion_event_key, event.case_id)),
        # Events of one transaction share a time; `seq` keeps them in the order they happened.
        extra={"actor_division": event.actor_division, "message": event.message, "details": event.details or None,
               "seq": seq, "fact": fact},
    )


def _fact(case: Case, before: Case | None, action: str) -> dict[str, Any]:
    """What the monthly publication counts an event by: never the text, the submitter or the location."""
    fact: dict[str, Any] = {
        "domain": "suggestion", "division": case.division, "category": case.category.value,
        "channel": case.channel.value, "submitted_at": case.submitted_at, "consent": case.publish_consent,
        "acknowledge_by": case.acknowledge_by, "reply_by": (before or case).reply_by,
    }
    if before is not None and before.acknowledged_at is None and action in FIRST_RESPONSES:
        fact["first_response"] = True
    return fact


def division_exists_check(code: str) -> dict[str, Any]:
    return {
        "ConditionCheck": {
            "TableName": dynamo.table_name(),
            "Key": to_item(division_key(code)),
            # A case may only name, be assigned or be transferred to a division that exists.
            "ConditionExpression": "attribute_exists(PK)",
        }
    }


def tracking_number_put(tracking_no: str, case_id: str) -> dict[str, Any]:
    return _put(
        {**tracking_number_key(tracking_no), "type": "tracking_number", "suggestion_id": case_id},
        # Tracking numbers are random; a clash makes the service draw another.
        "attribute_not_exists(PK)",
    )


def write(changes: list[Change], events: list[Event], notices: list[Notice], at: str, at_epoch: int,
          leading: list[dict[str, Any]] | None = None, unchanged: Sequence[Case] = ()) -> None:
    """One transaction: `leading` items first (their positions are stable for error mapping),
    then the cases with their entries, the events and the messages. `unchanged` are cases
    that have events here but no change (a rating that does not reopen)."""
    items = list(leading or [])
    for change in changes:
        items += _case_writes(change)
    as_changed = {case.id: Change(case, case) for case in unchanged} | {change.after.id: change for change in changes}
    items += [_event_write(event, at, seq, _fact(as_changed[event.case_id].after, as_changed[event.case_id].before,
                                                  event.action) if event.case_id in as_changed else None)
              for seq, event in enumerate(events)]
    items += [inbox_put(n.recipient, n.message, at, at_epoch) for n in notices]
    dynamo.transact_write(items)


def get_case(case_id: str) -> Case | None:
    item = dynamo.get_item(suggestion_key(case_id), consistent=True)
    return _case(item) if item else None


def _case(item: dict[str, Any]) -> Case:
    return Case.model_validate({k: v for k, v in item.items() if k in Case.model_fields})


def get_case_record(case_id: str) -> CaseRecord | None:
    """The case, its timeline (oldest first) and its ratings, in one Query per 1 MB."""
    items: list[dict[str, Any]] = []
    start = None
    while True:
        page, start = dynamo.query_page(
            key_condition="PK = :pk", values={":pk": suggestion_partition(case_id)}, limit=CASE_PAGE, start_key=start
        )
        items += page
        if not start:
            break
    case_items = [i for i in items if i["SK"] == "CASE"]
    if not case_items:
        return None
    return CaseRecord(
        case=_case(case_items[0]),
        events=[i for i in items if i["SK"].startswith("EVT#")],
        ratings=[i for i in items if i["SK"].startswith("RATING#")],
    )


def find_case_id(tracking_no: str) -> str | None:
    item = dynamo.get_item(tracking_number_key(tracking_no))
    return str(item["suggestion_id"]) if item else None


def list_by_submitter(submitter: str, limit: int, start_key: dict[str, Any] | None) -> tuple[list[Case], Any]:
    return page_by_submitter(submitter_partition(submitter), limit, start_key)


def page_by_submitter(partition: str, limit: int, start_key: dict[str, Any] | None) -> tuple[list[Case], Any]:
    items, last = dynamo.query_page(
        index=GSI1,
        key_condition="GSI1PK = :pk",
        values={":pk": partition},
        limit=limit,
        start_key=start_key,
        forward=False,
    )
    return [_case(i) for i in items], last


@dataclass
class QueueRequest:
    scope: str
    by_deadline: bool
    bucket: str
    submitted_from: str | None  # UTC ISO bounds, inclusive
    submitted_to: str | None
    overdue: bool | None
    now: str
    status: str | None
    category: str | None
    limit: int
    start_key: dict[str, Any] | None


def queue_page(request: QueueRequest) -> tuple[list[SuggestionSummary], Any]:
    """One Query on a queue index; what the key cannot select is filtered in the same call."""
    values: dict[str, Any] = {}
    filters: list[str] = []
    names: dict[str, str] = {}
    if request.by_deadline:
        index, key = GSI1, "GSI1PK = :pk"
        values[":pk"] = due_partition(request.scope)
        if request.overdue is True:
            key += " AND GSI1SK < :now"
            values[":now"] = request.now
        elif request.overdue is False:
            key += " AND GSI1SK >= :now"
            values[":now"] = request.now
        if request.submitted_from:
            filters.append("submitted_at >= :from")
            values[":from"] = request.submitted_from
        if request.submitted_to:
            filters.append("submitted_at <= :to")
            values[":to"] = request.submitted_to
    else:
        index, key = GSI2, "GSI2PK = :pk"
        values[":pk"] = queue_partition(request.scope, request.bucket)
        # A key value may not be empty, so a range open at one end is its own condition.
        if request.submitted_from and request.submitted_to:
            key += " AND GSI2SK BETWEEN :from AND :to"
        elif request.submitted_from:
            key += " AND GSI2SK >= :from"
        elif request.submitted_to:
            key += " AND GSI2SK <= :to"
        if request.submitted_from:
            values[":from"] = request.submitted_from
        if request.submitted_to:
            # "~" sorts after every character of an ISO time and a ULID.
            values[":to"] = request.submitted_to + "~"
        if request.overdue is True:
            filters.append("due_at < :now")
            values[":now"] = request.now
        elif request.overdue is False:
            filters.append("(attribute_not_exists(due_at) OR due_at >= :now)")
            values[":now"] = request.now
    if request.status:
        filters.append("#status = :status")
        names["#status"] = "status"
        values[":status"] = request.status
    if request.category:
        filters.append("category = :category")
        values[":category"] = request.category
    items, last = dynamo.query_page(
        index=index,
        key_condition=key,
        values=values,
        limit=request.limit,
        start_key=request.start_key,
        filter_expression=" AND ".join(filters) or None,
        names=names or None,
    )
    summaries = [
        SuggestionSummary.model_validate(
            {**{k: v for k, v in i.items() if k in SuggestionSummary.model_fields},
             "overdue": rules.is_overdue(i.get("due_at"), request.now)}
        )
        for i in items
    ]
    return summaries, last


def rating_put(case_id: str, reply_round: int, submitter: str, score: int, comment: str | None, at: str) -> dict[str, Any]:
    return _put(
        {
            **suggestion_rating_key(case_id, reply_round, submitter),
            "type": RATING_TYPE,
            "suggestion_id": case_id,
            "round": reply_round,
            "submitter": submitter,
            "score": score,
            "comment": comment,
            "at": at,
        },
        # Each submitter rates each reply once.
        "attribute_not_exists(PK)",
    )


def rating_tally_update(case: Case, score: int, at: str) -> dict[str, Any]:
    """Count a rating on a case without taking its version: co-submitters of a merged case
    may rate at the same moment, and ADD lets both land."""
    return {
        "Update": {
            "TableName": dynamo.table_name(),
            "Key": to_item(suggestion_key(case.id)),
            "UpdateExpression": "ADD rating_count :one, rating_sum :score, #version :one SET updated_at = :at",
            # The rating belongs to the reply being rated: refused if the case has been
            # reopened or answered again since.
            # The version moves too, so that a reopening rating or an official's action
            # prepared before this rating is refused rather than overwriting its count.
            "ConditionExpression": "reply_round = :round AND #status IN (:replied, :closed)",
            "ExpressionAttributeNames": {"#status": "status", "#version": "version"},
            "ExpressionAttributeValues": to_item(
                {":one": 1, ":score": score, ":at": at, ":round": case.reply_round,
                 ":replied": "replied", ":closed": "closed"}
            ),
        }
    }


# --- erasure at a resident's request (accounts/service.py) ---------------------------------


def anonymised_case_writes(before: Case, after: Case) -> list[dict[str, Any]]:
    """The case as `after` says, with its queue entries (which repeat its title and masked
    phone), refused like any change if the case moved since it was read."""
    return _case_writes(Change(before, after))


def event_anonymise(event: dict[str, Any], actor: str, drop_message: bool) -> dict[str, Any]:
    """A resident's step on a timeline without who took it (and without their comment); the
    step itself stays, since the officials' steps that followed answer it."""
    remove = " REMOVE message" if drop_message else ""
    return {"Update": {
        "TableName": dynamo.table_name(), "Key": to_item({"PK": event["PK"], "SK": event["SK"]}),
        "UpdateExpression": f"SET actor_id = :actor{remove}",
        "ConditionExpression": "attribute_exists(PK)",
        "ExpressionAttributeValues": to_item({":actor": actor}),
    }}


def rating_rekey(rating: dict[str, Any], tombstone: str) -> list[dict[str, Any]]:
    """A rating's score stays counted in the case's figures; its key, which names the rater,
    and its comment go."""
    moved = {**suggestion_rating_key(rating["suggestion_id"], int(rating["round"]), tombstone), "type": RATING_TYPE,
             "suggestion_id": rating["suggestion_id"], "round": rating["round"], "submitter": tombstone,
             "score": rating["score"], "at": rating.get("at")}
    return [
        {"Delete": {"TableName": dynamo.table_name(), "Key": to_item({"PK": rating["PK"], "SK": rating["SK"]}),
                    "ConditionExpression": "attribute_exists(PK)"}},
        _put(moved, "attribute_not_exists(PK)"),
    ]


def erasure_event(case_id: str, at: str) -> dict[str, Any]:
    """The step that tells officials why a case's text and place are gone."""
    return audit_put(
        dynamo.table_name(), subject=f"suggestion#{case_id}", action="erase", actor_id="erased", actor_role="resident",
        reason="erased at the resident's request / 应本人要求删除个人信息", at=at,
        key_for=partial(suggestion_event_key, case_id),
        # Late in the transaction's order, after any event of the same instant.
        extra={"actor_division": None, "message": None, "details": None, "seq": 99, "fact": None},
    )
