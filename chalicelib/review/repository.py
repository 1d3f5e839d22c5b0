"""Reads of the review queues; each one Query (a page) or a bounded run of Queries (a count).

| pattern                      | index | key condition                                        | example                   |
| ---------------------------- | ----- | ---------------------------------------------------- | ------------------------- |
| fund steps a level owes      | GSI1  | GSI1PK=FUNDREVIEW#{level}, begins_with(GSI1SK, code) | {committee}#{since}#{id}  |
| rounds of a division, below  | GSI1  | GSI1PK=ROUNDTREE, begins_with(GSI1SK, code)          | {scope}#{voting}#{id}     |
| suggestions by deadline      | GSI1  | GSI1PK=DUE#{scope}, GSI1SK < now / BETWEEN now, soon | suggestions/repository.py |
| suggestions by arrival       | GSI2  | GSI2PK=QUEUE#{scope}#open, GSI2SK >= since           | suggestions/repository.py |
| pending residence requests   | GSI1  | GSI1PK=RESIDENCES#{district}#pending, begins_with    | residence/repository.py   |

The entries and keys are written by the funds and voting repositories in the same writes as
the records they index; this module only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chalicelib import aws
from chalicelib.review.rules import MAX_COUNT_PAGES
from chalicelib.storage import dynamo
from chalicelib.storage.items import from_item, to_item
from chalicelib.storage.keys import (
    ROUNDS_TREE,
    due_partition,
    fund_review_partition,
    queue_partition,
    residence_queue_partition,
)
from chalicelib.storage.table import GSI1, GSI2
from chalicelib.voting.records import RoundRecord

# A summary reads only what it counts.
_FUND_COUNT_FIELDS = "since, due_at"
_ROUND_COUNT_FIELDS = "#status, schedule, created_at"


@dataclass(frozen=True)
class Count:
    value: int
    capped: bool


def fund_queue_page(level: str, prefix: str, now: str, status: str | None, limit: int,
                    start_key: dict[str, Any] | None) -> tuple[list[dict[str, Any]], Any]:
    """A notice reaches the street only when it ends: until then its entry is filtered out."""
    values: dict[str, Any] = {":pk": fund_review_partition(level), ":prefix": prefix, ":now": now}
    filters = ["since <= :now"]
    names = None
    if status:
        filters.append("#status = :status")
        values[":status"] = status
        names = {"#status": "status"}
    return dynamo.query_page(index=GSI1, key_condition="GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
                             values=values, limit=limit, start_key=start_key, filter_expression=" AND ".join(filters),
                             names=names)


def rounds_page(prefix: str, limit: int, start_key: dict[str, Any] | None) -> tuple[list[RoundRecord], Any]:
    items, last = dynamo.query_page(index=GSI1, key_condition="GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
                                    values={":pk": ROUNDS_TREE, ":prefix": prefix}, limit=limit, start_key=start_key)
    return [RoundRecord.model_validate(item) for item in items], last


def _read(params: dict[str, Any]) -> tuple[list[dict[str, Any]], bool]:
    """Every page of one Query up to MAX_COUNT_PAGES; whether pages were left."""
    items: list[dict[str, Any]] = []
    params = {"TableName": dynamo.table_name(), **params}
    for _ in range(MAX_COUNT_PAGES):
        try:
            response = dynamo.db().query(**params)
        except aws.failures() as exc:
            raise dynamo.translate_client_error(exc) from exc
        if params.get("Select") == "COUNT":
            items += [{}] * int(response.get("Count", 0))
        else:
            items += [from_item(item) for item in response.get("Items", [])]
        if not response.get("LastEvaluatedKey"):
            return items, False
        params["ExclusiveStartKey"] = response["LastEvaluatedKey"]
    return items, True


def _count(index: str, key_condition: str, values: dict[str, Any], filter_expression: str | None = None) -> Count:
    params: dict[str, Any] = {"IndexName": index, "KeyConditionExpression": key_condition,
                              "ExpressionAttributeValues": to_item(values), "Select": "COUNT"}
    if filter_expression:
        params["FilterExpression"] = filter_expression
    items, capped = _read(params)
    return Count(len(items), capped)


def suggestions_overdue(scope: str, now: str) -> Count:
    return _count(GSI1, "GSI1PK = :pk AND GSI1SK < :now", {":pk": due_partition(scope), ":now": now})


def suggestions_due_soon(scope: str, now: str, soon: str) -> Count:
    return _count(GSI1, "GSI1PK = :pk AND GSI1SK BETWEEN :now AND :soon",
                  {":pk": due_partition(scope), ":now": now, ":soon": soon})


def suggestions_new(scope: str, since: str) -> Count:
    return _count(GSI2, "GSI2PK = :pk AND GSI2SK >= :since", {":pk": queue_partition(scope, "open"), ":since": since})


def residences_new(district: str, prefix: str | None, since: str) -> Count:
    key, values = "GSI1PK = :pk", {":pk": residence_queue_partition(district, "pending"), ":since": since}
    if prefix:
        key += " AND begins_with(GSI1SK, :prefix)"
        values[":prefix"] = prefix
    return _count(GSI1, key, values, "requested_at >= :since")


def fund_steps(level: str, prefix: str, now: str) -> tuple[list[tuple[str, str | None]], bool]:
    """(since, due) of each step the level owes now in a division."""
    items, capped = _read({
        "IndexName": GSI1, "KeyConditionExpression": "GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
        "FilterExpression": "since <= :now", "ProjectionExpression": _FUND_COUNT_FIELDS,
        "ExpressionAttributeValues": to_item({":pk": fund_review_partition(level), ":prefix": prefix, ":now": now})})
    return [(str(item["since"]), item.get("due_at")) for item in items], capped


def rounds_of(prefix: str) -> tuple[list[dict[str, Any]], bool]:
    return _read({
        "IndexName": GSI1, "KeyConditionExpression": "GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
        "ProjectionExpression": _ROUND_COUNT_FIELDS, "ExpressionAttributeNames": {"#status": "status"},
        "ExpressionAttributeValues": to_item({":pk": ROUNDS_TREE, ":prefix": prefix})})
