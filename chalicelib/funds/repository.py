"""Autonomy-fund items in the main table.

| pattern                                  | index | key condition                                | example                  |
| ---------------------------------------- | ----- | -------------------------------------------- | ------------------------ |
| a committee's pool of a year             | table | GetItem PK=POOL#{committee}#{year}, SK=POOL  |                          |
| its ledger, oldest first                 | table | Query PK=POOL#…, begins_with(SK, LEDGER#)    | SK=LEDGER#{at}#{id}      |
| the pools of a street                    | GSI2  | GSI2PK=POOLS#{street}#{year}                 | GSI2SK={committee}       |
| an application with timeline, objections | table | Query PK=FUNDAPP#{id}                        | SK=APP, EVT#…, OBJ#…     |
| a committee's applications of a year     | GSI2  | GSI2PK=FUNDAPPS#{committee}#{year}           | GSI2SK={created_at}#{id} |
| an applicant's applications, newest      | GSI1  | GSI1PK=APPLICANT#{user}, descending          | GSI1SK={created_at}#{id} |
| a team's grants of a year (its cap)      | table | Update PK=FUNDTEAM#{committee}#{year}#{team} |                          |
| a month's ledger entries and steps       | GSI1  | GSI1PK=ACTIVITY#{yyyy-mm}#{shard}            | see storage/activity     |
| what a level owes, in a jurisdiction     | GSI1  | GSI1PK=FUNDREVIEW#{level}, begins_with(code) | {committee}#{since}#{id} |

Every movement of money is one transaction: the pool's figures change by ADD under a
condition that each figure stays non-negative (rules.requirements), a ledger entry is
put beside the pool, and the application moves under a condition on its status and
version. The pool carries no version: concurrent approvals of different applications
must not refuse each other while the money lasts, only when it runs out.

Items become typed records (records.py) here, and records become items here: nothing
else in the package reads or builds an item.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from typing import Any

from chalicelib.errors import ServiceUnavailableError
from chalicelib.funds import rules
from chalicelib.funds.models import FundStatus
from chalicelib.funds.records import Application, ApplicationRecord, Event, LedgerEntry, Objection, Pool
from chalicelib.funds.rules import Movement
from chalicelib.ids import new_id
from chalicelib.storage import activity, dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.items import from_item, to_item
from chalicelib.storage.keys import (
    applicant_partition,
    applications_of_pool_partition,
    division_key,
    fund_application_item_key,
    fund_application_key,
    fund_application_partition,
    fund_review_entry_key,
    fund_review_partition,
    ledger_entry_key,
    pool_key,
    pool_partition,
    pools_of_street_partition,
    team_grant_key,
)
from chalicelib.storage.table import GSI1, GSI2

PAGE = 500
WRITE_ATTEMPTS = 4


def _table() -> str:
    return dynamo.table_name()


put = dynamo.put_op


def write(items: list[dict[str, Any]]) -> None:
    """One transaction. Concurrent approvals on one pool collide in DynamoDB as
    TransactionConflict (a 503 here); each attempt re-checks every condition, so trying
    again is safe and spares the official a retry. An attempt whose answer was lost may
    have committed: the next then fails its own conditions, and the caller asks
    `written_already` whether the event it carried is stored."""
    for attempt in range(WRITE_ATTEMPTS):
        try:
            dynamo.transact_write(items)
            return
        except ServiceUnavailableError:
            if attempt == WRITE_ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0.02, 0.1) * (2**attempt))


# --- pools ---------------------------------------------------------------------------------


def pool_item(pool: Pool) -> dict[str, Any]:
    return {**pool_key(pool.committee, pool.year), "type": "fund_pool",
            "GSI2PK": pools_of_street_partition(pool.committee[:9], pool.year), "GSI2SK": pool.committee,
            **pool.model_dump(mode="json")}


def get_pool(committee: str, year: int, consistent: bool = True) -> Pool | None:
    item = dynamo.get_item(pool_key(committee, year), consistent=consistent)
    return None if item is None else Pool.model_validate(item)


def pool_create(pool: Pool) -> dict[str, Any]:
    # One pool per committee and year: a second allocation is a top-up, never a reset.
    return put(pool_item(pool), "attribute_not_exists(PK)")


def pool_movement(committee: str, year: int, movements: list[Movement]) -> dict[str, Any]:
    """The Update that moves money, refused by DynamoDB if any figure would go below zero."""
    change = rules.deltas(movements)
    names = {f"#{figure}": figure for figure in rules.FIGURES}
    values: dict[str, Any] = {f":d_{figure}": change[figure] for figure in rules.FIGURES}
    # The pool must exist (ADD would otherwise create it) and hold enough of each figure.
    conditions = ["attribute_exists(PK)"]
    for figure, needed in rules.requirements(movements).items():
        conditions.append(f"#{figure} >= :n_{figure}")
        values[f":n_{figure}"] = needed
    return {"Update": {
        "TableName": _table(), "Key": to_item(pool_key(committee, year)),
        "UpdateExpression": "ADD " + ", ".join(f"#{f} :d_{f}" for f in rules.FIGURES),
        "ConditionExpression": " AND ".join(conditions),
        "ExpressionAttributeNames": names, "ExpressionAttributeValues": to_item(values),
    }}


def ledger_puts(committee: str, year: int, movements: list[Movement], at: str, actor_role: str,
                application_id: str | None = None, reason: str | None = None) -> list[dict[str, Any]]:
    entries = []
    for kind, amount in movements:
        entry = LedgerEntry(id=new_id(), at=at, kind=kind, amount_fen=amount, application_id=application_id,
                            reason=reason, actor_role=actor_role)
        entries.append(put({
            **ledger_entry_key(committee, year, at, entry.id), **activity.index_keys(at, entry.id),
            "type": "fund_ledger_entry", **entry.model_dump(mode="json"),
            "fact": {"domain": "ledger", "committee": committee, "year": year},
        }, "attribute_not_exists(PK)"))  # an entry is written once and never changed
    return entries


def ledger_page(committee: str, year: int, limit: int,
                start_key: dict[str, Any] | None) -> tuple[list[LedgerEntry], Any]:
    items, last = dynamo.query_page(key_condition="PK = :pk AND begins_with(SK, :prefix)",
                                    values={":pk": pool_partition(committee, year), ":prefix": "LEDGER#"},
                                    limit=limit, start_key=start_key)
    return [LedgerEntry.model_validate(item) for item in items], last


def whole_ledger(committee: str, year: int) -> list[LedgerEntry]:
    entries: list[LedgerEntry] = []
    start = None
    while True:
        page, start = ledger_page(committee, year, PAGE, start)
        entries += page
        if not start:
            return entries


def pools_of_street(street: str, year: int) -> list[Pool]:
    items, _ = dynamo.query_page(index=GSI2, key_condition="GSI2PK = :pk",
                                 values={":pk": pools_of_street_partition(street, year)}, limit=PAGE)
    return [Pool.model_validate(item) for item in items]


def division_exists_check(code: str) -> dict[str, Any]:
    return {"ConditionCheck": {"TableName": _table(), "Key": to_item(division_key(code)),
                               "ConditionExpression": "attribute_exists(PK)"}}


def pool_audit(committee: str, year: int, action: str, actor_id: str, actor_role: str, after: Any,
               reason: str | None = None) -> dict[str, Any]:
    return audit_put(_table(), subject=f"pool#{committee}#{year}", action=action, actor_id=actor_id,
                     actor_role=actor_role, after=after, reason=reason)


# --- applications -------------------------------------------------------------------------


def application_item(application: Application) -> dict[str, Any]:
    order = f"{application.created_at}#{application.id}"
    return {**fund_application_key(application.id), "type": "fund_application",
            "GSI1PK": applicant_partition(application.applicant_id), "GSI1SK": order,
            "GSI2PK": applications_of_pool_partition(application.committee, application.year), "GSI2SK": order,
            **application.model_dump(mode="json")}


def review_entry_put(application: Application, at: str, due_at: str | None,
                     team_hands: Iterable[str]) -> dict[str, Any]:
    """What officials owe the application, written with each change that moves it
    (rules.awaiting); indexed only while they owe something, so the queue holds open work.
    team_hands: who took the team's steps (four eyes), for the queue's allowed_actions."""
    item: dict[str, Any] = {
        "team_hands": sorted(team_hands),
        **fund_review_entry_key(application.id), "type": "fund_review_entry", "id": application.id,
        "committee": application.committee, "year": application.year, "title": application.title,
        "category": application.category.value, "status": application.status.value, "version": application.version,
        "requested_fen": application.requested_fen, "open_objections": application.open_objections,
        "notice_ends_at": application.notice_ends_at}
    waiting = rules.awaiting(application.status, application.open_objections, application.notice_ends_at, at)
    if waiting is not None:
        level, since = waiting
        item.update({"awaiting": level, "since": since, "due_at": due_at,
                     "GSI1PK": fund_review_partition(level), "GSI1SK": f"{application.committee}#{since}#{application.id}"})
    return put(item)


def application_create(application: Application) -> dict[str, Any]:
    return put(application_item(application), "attribute_not_exists(PK)")


def application_versioned_put(application: Application, expected_version: int, expected_status: FundStatus,
                              extra_condition: str = "", extra_values: dict[str, Any] | None = None) -> dict[str, Any]:
    # Two people acting at once: only the one who saw the current version and status wins.
    condition = "#version = :expected AND #status = :status" + (f" AND {extra_condition}" if extra_condition else "")
    return put(application_item(application), condition,
               {":expected": expected_version, ":status": expected_status.value, **(extra_values or {})},
               {"#version": "version", "#status": "status"})


def get_application(application_id: str) -> Application | None:
    item = dynamo.get_item(fund_application_key(application_id), consistent=True)
    return None if item is None else Application.model_validate(item)


def written_already(put: dict[str, Any]) -> bool:
    """Whether the item of a transaction's Put is stored: an event's id is new, so only the
    transaction that carried it can have written it."""
    item = from_item(put["Put"]["Item"])
    return dynamo.get_item({"PK": item["PK"], "SK": item["SK"]}, consistent=True) is not None


def get_application_record(application_id: str) -> ApplicationRecord | None:
    """The application, its timeline and its objections: one Query (a few pages at most)."""
    items: list[dict[str, Any]] = []
    start = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk",
                                        values={":pk": fund_application_partition(application_id)},
                                        limit=PAGE, start_key=start, consistent=True)
        items += page
        if not start:
            break
    application = next((item for item in items if item["SK"] == "APP"), None)
    if application is None:
        return None
    return ApplicationRecord(application=Application.model_validate(application),
                             events=[_event_of(item) for item in items if item["SK"].startswith("EVT#")],
                             objections=[_objection_of(item) for item in items if item["SK"].startswith("OBJ#")])


def _application_id_of(item: dict[str, Any]) -> str:
    return str(item["PK"]).removeprefix(fund_application_partition(""))


def _event_of(item: dict[str, Any]) -> Event:
    return Event.model_validate({**item, "application_id": _application_id_of(item)})


def _objection_of(item: dict[str, Any]) -> Objection:
    return Objection.model_validate({**item, "application_id": _application_id_of(item)})


def written_event(event: dict[str, Any]) -> Event:
    """The timeline event that a transaction's Put (from event_put) writes."""
    return _event_of(from_item(event["Put"]["Item"]))


def event_put(application_id: str, action: str, actor_id: str, actor_role: str, at: str, status: str | None,
              reason: str | None = None, amount_fen: int | None = None,
              counted_for: Application | None = None, channel: str | None = None) -> dict[str, Any]:
    """A timeline event; `counted_for` (the application) also files it for the monthly publication."""
    def key_for(at_iso: str, event_id: str) -> dict[str, str]:
        return fund_application_item_key(application_id, "EVT", at_iso, event_id)

    fact = None if counted_for is None else {
        "domain": "fund_application", "committee": counted_for.committee, "year": counted_for.year,
        "category": counted_for.category.value}
    return audit_put(_table(), subject=f"fund_application#{application_id}", action=action, actor_id=actor_id,
                     actor_role=actor_role, after={"status": status}, reason=reason, at=at,
                     key_for=key_for if fact is None else activity.indexed(key_for),
                     extra={"status": status, "amount_fen": amount_fen, "fact": fact,
                            **({"channel": channel} if channel else {})})


def objection_put(objection: Objection) -> dict[str, Any]:
    # Indexed by its objector too, so that their data export and erasure find it.
    index = objection_index(objection.objector_key, objection.filed_at, objection.id) if objection.objector_key else {}
    return put({**fund_application_item_key(objection.application_id, "OBJ", objection.id), "type": "fund_objection",
                **objection.model_dump(mode="json", exclude={"application_id"}), **index}, "attribute_not_exists(PK)")


def objector_put(application_id: str, objector_digest: str) -> dict[str, Any]:
    # One objection per resident and application: the same grievance is answered once.
    return put({**fund_application_item_key(application_id, "OBJECTOR", objector_digest), "type": "fund_objector"},
               "attribute_not_exists(PK)")


def objection_answer(application_id: str, objection_id: str, answer: str, at: str) -> dict[str, Any]:
    return {"Update": {
        "TableName": _table(), "Key": to_item(fund_application_item_key(application_id, "OBJ", objection_id)),
        "UpdateExpression": "SET answer = :answer, answered_at = :at",
        # An objection is answered once, and only one that was filed.
        "ConditionExpression": "attribute_exists(PK) AND attribute_not_exists(answer)",
        "ExpressionAttributeValues": to_item({":answer": answer, ":at": at}),
    }}


def objection_filed(application_id: str, notice_ends_at: str, now: str) -> dict[str, Any]:
    """Counts an open objection on the application, only while its notice runs: the window
    is checked by the same write that records the objection."""
    return {"Update": {
        "TableName": _table(), "Key": to_item(fund_application_key(application_id)),
        "UpdateExpression": "ADD open_objections :one",
        "ConditionExpression": "#status = :in_notice AND notice_ends_at = :ends AND :now < notice_ends_at",
        "ExpressionAttributeNames": {"#status": "status"},
        "ExpressionAttributeValues": to_item({":one": 1, ":in_notice": "in_notice", ":ends": notice_ends_at,
                                              ":now": now}),
    }}


def team_grant_change(committee: str, year: int, team_digest: str, amount_fen: int, cap_fen: int) -> dict[str, Any]:
    """Adds to (or, negative, takes from) a team's grants of the year; an addition is refused
    beyond the pool's per-team cap, so two approvals at once cannot both slip under it."""
    values: dict[str, Any] = {":amount": amount_fen}
    condition = None
    if amount_fen > 0:
        condition = "attribute_not_exists(granted_fen) OR granted_fen <= :room"
        values[":room"] = cap_fen - amount_fen
    update: dict[str, Any] = {
        "TableName": _table(), "Key": to_item(team_grant_key(committee, year, team_digest)),
        "UpdateExpression": "ADD granted_fen :amount SET #type = :type",
        "ExpressionAttributeNames": {"#type": "type"},
        "ExpressionAttributeValues": to_item({**values, ":type": "fund_team"}),
    }
    if condition:
        update["ConditionExpression"] = condition
    return {"Update": update}


def team_granted(committee: str, year: int, team_digest: str) -> int:
    item = dynamo.get_item(team_grant_key(committee, year, team_digest), consistent=True)
    return int(item.get("granted_fen", 0)) if item else 0


def applications_page(committee: str, year: int, limit: int, start_key: dict[str, Any] | None,
                      statuses: list[FundStatus] | None) -> tuple[list[Application], Any]:
    """One Query per page. Residents see only public statuses: a filter, so a page may hold
    fewer than `limit` items but never a draft."""
    values: dict[str, Any] = {":pk": applications_of_pool_partition(committee, year)}
    filter_expression = None
    names = None
    if statuses:
        placeholders = [f":s{i}" for i in range(len(statuses))]
        values.update(dict(zip(placeholders, [status.value for status in statuses], strict=True)))
        filter_expression = f"#status IN ({', '.join(placeholders)})"
        names = {"#status": "status"}
    items, last = dynamo.query_page(index=GSI2, key_condition="GSI2PK = :pk", values=values, limit=limit,
                                    start_key=start_key, forward=False, filter_expression=filter_expression,
                                    names=names)
    return [Application.model_validate(item) for item in items], last


def my_applications_page(user_id: str, limit: int, start_key: dict[str, Any] | None) -> tuple[list[Application], Any]:
    items, last = dynamo.query_page(index=GSI1, key_condition="GSI1PK = :pk",
                                    values={":pk": applicant_partition(user_id)}, limit=limit, start_key=start_key,
                                    forward=False)
    return [Application.model_validate(item) for item in items], last


# --- a person's records, for their data export and erasure (accounts/service.py) -----------


def objection_index(objector: str, filed_at: str, objection_id: str) -> dict[str, str]:
    """GSI1 keys an objection carries so that its objector can find it (their data export and
    erasure): spread into the objection item when it is filed (and by migrations/person_keys.py)."""
    from chalicelib.storage.keys import objections_by_partition

    return {"GSI1PK": objections_by_partition(objector), "GSI1SK": f"{filed_at}#{objection_id}"}


def objections_filed_by(objector: str, limit: int, start_key: dict[str, Any] | None) -> tuple[list[Objection], Any]:
    from chalicelib.storage.keys import objections_by_partition

    items, last = dynamo.query_page(index=GSI1, key_condition="GSI1PK = :pk",
                                    values={":pk": objections_by_partition(objector)}, limit=limit,
                                    start_key=start_key)
    return [_objection_of(item) for item in items], last


def objection_unlink(objection: Objection) -> dict[str, Any]:
    """The objection stays on the application's public record, answered or not; who filed it goes."""
    return {"Update": {
        "TableName": _table(), "Key": to_item(fund_application_item_key(objection.application_id, "OBJ", objection.id)),
        "UpdateExpression": "REMOVE objector_key, GSI1PK, GSI1SK",
        "ConditionExpression": "attribute_exists(PK)",
    }}


def application_anonymise(application: Application, tombstone: str, erased_name: str) -> dict[str, Any]:
    """The application without its lead: the team's name, plan and money stay (accounting
    records), the lead's account and name go. Versioned like every change of an application,
    so that an official's change prepared before it cannot put the lead back."""
    return {"Update": {
        "TableName": _table(), "Key": to_item(fund_application_key(application.id)),
        "UpdateExpression": "SET applicant_id = :t, applicant_key = :t, GSI1PK = :applicant, #team.#lead = :name, "
                            "#version = #version + :one",
        "ConditionExpression": "#version = :expected",
        "ExpressionAttributeNames": {"#team": "team", "#lead": "lead_name", "#version": "version"},
        "ExpressionAttributeValues": to_item({":t": tombstone, ":applicant": applicant_partition(tombstone),
                                              ":name": erased_name, ":one": 1, ":expected": application.version}),
    }}


def lead_unlink(application: Application, tombstone: str, erased_name: str) -> dict[str, Any]:
    """A paper application without its lead: their number, name and inbox key go, and the
    scans of the form they signed; the team, plan, money and the officials who entered it
    stay. Versioned like application_anonymise."""
    return {"Update": {
        "TableName": _table(), "Key": to_item(fund_application_key(application.id)),
        "UpdateExpression": "SET applicant_key = :t, #team.#lead = :name, scans = :none, #version = #version + :one "
                            "REMOVE lead_phone",
        "ConditionExpression": "#version = :expected",
        "ExpressionAttributeNames": {"#team": "team", "#lead": "lead_name", "#version": "version"},
        "ExpressionAttributeValues": to_item({":t": tombstone, ":name": erased_name, ":none": [], ":one": 1,
                                              ":expected": application.version}),
    }}


def event_actor_anonymise(event: Event, actor: str) -> dict[str, Any]:
    return {"Update": {
        "TableName": _table(), "Key": to_item(fund_application_item_key(event.application_id, "EVT", event.at,
                                                                         event.event_id)),
        "UpdateExpression": "SET actor_id = :actor", "ConditionExpression": "attribute_exists(PK)",
        "ExpressionAttributeValues": to_item({":actor": actor}),
    }}
