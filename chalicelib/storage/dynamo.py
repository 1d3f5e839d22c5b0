"""Thin helpers over the DynamoDB client that every repository shares.

The one place where DynamoDB error codes become domain errors: a failed condition is a
conflict; throttling, a server fault, a transaction cancelled by contention and a call
that got no answer are a retryable 503; anything else propagates as a server fault.
"""

from __future__ import annotations

from typing import Any

from chalicelib import aws
from chalicelib.errors import ConflictError, InvalidCursorError, ServiceUnavailableError
from chalicelib.settings import get_settings
from chalicelib.storage.items import from_item, to_item

# Why DynamoDB cancels a transaction, item by item, when nothing is wrong with the request:
# these are reasons, not error codes (ThrottlingError, not ThrottlingException).
RETRYABLE_REASONS = frozenset({"ThrottlingError", "ProvisionedThroughputExceeded", "TransactionConflict"})
RETRY_SOON = {"Retry-After": "1"}


class ConditionFailedError(ConflictError):
    """A transaction was refused by a condition; `failed` holds the positions of the items
    whose conditions failed, so a service can say which invariant stopped it, and `items` the
    item each of them held, for the operations that asked for it (ReturnValuesOnConditionCheckFailure)."""

    def __init__(self, failed: list[int], items: dict[int, dict[str, Any]] | None = None):
        super().__init__()
        self.failed = failed
        self.items = items or {}


def table_name() -> str:
    return get_settings().table_name


def db() -> Any:
    return aws.client("dynamodb")


def translate_client_error(exc: Exception) -> Exception:
    """The domain error for a failed DynamoDB call (aws.failures()), or the error itself if it has none."""
    if aws.is_transient(exc):
        return ServiceUnavailableError(headers=RETRY_SOON)
    code = aws.error_code(exc)
    if code == "ConditionalCheckFailedException":
        return ConflictError()
    if code == "TransactionCanceledException":
        # A cancelled transaction is a botocore ClientError, whose answer names each item's reason.
        response: dict[str, Any] = getattr(exc, "response", None) or {}
        cancelled = response.get("CancellationReasons", [])
        reasons = [r.get("Code") for r in cancelled]
        if any(r in RETRYABLE_REASONS for r in reasons):
            return ServiceUnavailableError(headers=RETRY_SOON)
        return ConditionFailedError(failed=[i for i, r in enumerate(reasons) if r == "ConditionalCheckFailed"],
                                    items={i: from_item(r["Item"]) for i, r in enumerate(cancelled) if r.get("Item")})
    return exc


def put_op(item: dict[str, Any], condition: str | None = None, values: dict[str, Any] | None = None,
           names: dict[str, str] | None = None) -> dict[str, Any]:
    """The Put of one item inside a transaction, with its condition if it has one."""
    operation: dict[str, Any] = {"TableName": table_name(), "Item": to_item(item)}
    if condition:
        operation["ConditionExpression"] = condition
    if values:
        operation["ExpressionAttributeValues"] = to_item(values)
    if names:
        operation["ExpressionAttributeNames"] = names
    return {"Put": operation}


def get_item(key: dict[str, str], consistent: bool = False) -> dict[str, Any] | None:
    try:
        response = db().get_item(TableName=table_name(), Key=to_item(key), ConsistentRead=consistent)
    except aws.failures() as exc:
        raise translate_client_error(exc) from exc
    item = response.get("Item")
    return from_item(item) if item else None


BATCH_GET_LIMIT = 100


def batch_get(keys: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Every item of `keys` that exists, in no particular order: BatchGetItem in batches of
    100, asking again for what DynamoDB left unprocessed (it does so under load)."""
    import time

    found: list[dict[str, Any]] = []
    for first in range(0, len(keys), BATCH_GET_LIMIT):
        request = {table_name(): {"Keys": [to_item(k) for k in keys[first:first + BATCH_GET_LIMIT]]}}
        for attempt in range(8):
            try:
                response = db().batch_get_item(RequestItems=request)
            except aws.failures() as exc:
                raise translate_client_error(exc) from exc
            found += [from_item(i) for i in response.get("Responses", {}).get(table_name(), [])]
            request = response.get("UnprocessedKeys") or {}
            if not request:
                break
            time.sleep(min(1.0, 0.05 * 2 ** attempt))
        else:
            raise ServiceUnavailableError(headers=RETRY_SOON)
    return found


def query_page(
    *,
    key_condition: str,
    values: dict[str, Any],
    index: str | None = None,
    limit: int,
    start_key: dict[str, Any] | None = None,
    forward: bool = True,
    filter_expression: str | None = None,
    names: dict[str, str] | None = None,
    consistent: bool = False,
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """One Query call: the page of items and DynamoDB's LastEvaluatedKey."""
    params: dict[str, Any] = {
        "TableName": table_name(),
        "KeyConditionExpression": key_condition,
        "ExpressionAttributeValues": to_item(values),
        "Limit": limit,
        "ScanIndexForward": forward,
    }
    if index:
        params["IndexName"] = index
    if start_key:
        params["ExclusiveStartKey"] = start_key
    if filter_expression:
        params["FilterExpression"] = filter_expression
    if names:
        params["ExpressionAttributeNames"] = names
    if consistent:
        params["ConsistentRead"] = True
    try:
        response = db().query(**params)
    except aws.failures() as exc:
        if aws.error_code(exc) == "ValidationException" and start_key:
            # A start key that does not belong to this query (the cursor was minted for
            # another one and survived its signature check only by a shared scope).
            raise InvalidCursorError() from exc
        raise translate_client_error(exc) from exc
    return [from_item(i) for i in response.get("Items", [])], response.get("LastEvaluatedKey")


def transact_write(items: list[dict[str, Any]]) -> None:
    try:
        db().transact_write_items(TransactItems=items)
    except aws.failures() as exc:
        raise translate_client_error(exc) from exc
