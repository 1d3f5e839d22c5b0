"""The embedded AWS: moto's server, with DynamoDB transactions as DynamoDB runs them.

moto checks and applies a TransactWriteItems item by item after deep-copying every table
it touches, and rolls back by putting the copies back. That costs seconds once a table
holds the 6,760 Shanghai divisions, and under concurrent requests it is neither atomic
nor isolated: a rollback can erase another request's committed write. The platform's
invariants rest on DynamoDB's real guarantees, so this server gives them: every write
to a table runs under one lock, and a transaction checks all its conditions before it
applies anything.

moto also answers every Query by sorting the whole table, which makes a Query on a
table holding the divisions cost ~100 ms; a Query on the table's own key here reads only
the partition it names, as DynamoDB does, and an index Query only the items carrying its
key. Reads are answered as plain JSON: moto's generic response serializer walks the
service model for every attribute value and took ~20 ms per returned item.

Its Cognito sends codes and temporary passwords to an SMS outbox file and checks them as
Cognito does (local_stack/embedded_cognito.py).

Run as `python -m local_stack.embedded_aws -H 127.0.0.1 -p PORT` (moto.server's options).
"""

from __future__ import annotations

import functools
import gc
import inspect
import json
import sys
import threading
from typing import Any

_WRITE_LOCK = threading.RLock()
# The partition a Query on the table's key is reading, per request thread.
_QUERIED = threading.local()


def _serialised(method: Any) -> Any:
    @functools.wraps(method)
    def locked(*args: Any, **kwargs: Any) -> Any:
        with _WRITE_LOCK:
            return method(*args, **kwargs)

    return locked


def _key_of(backend: Any, table_name: str, op_type: str, op: dict[str, Any]) -> dict[str, Any]:
    if op_type != "Put":
        return op["Key"]
    table = backend.get_table(table_name)
    key = {table.hash_key_attr: op["Item"][table.hash_key_attr]}
    if table.range_key_attr is not None:
        key[table.range_key_attr] = op["Item"][table.range_key_attr]
    return key


def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> None:
    from moto.dynamodb.exceptions import (
        MultipleTransactionsException,
        TooManyTransactionsException,
        TransactionCanceledException,
        TransactWriteSingleOpException,
    )

    if len(transact_items) > 100:
        raise TooManyTransactionsException()
    with _WRITE_LOCK:
        seen: set[tuple[str, str]] = set()
        operations = []
        for entry in transact_items:
            if len(entry) > 1:
                raise TransactWriteSingleOpException()
            op_type, op = next(iter(entry.items()))
            key = _key_of(self, op["TableName"], op_type, op)
            identity = (op["TableName"], str(sorted(key.items())))
            if identity in seen:
                raise MultipleTransactionsException()
            seen.add(identity)
            operations.append((op_type, op, key))

        # Every condition is judged against the state before the transaction.
        errors: list[tuple[str | None, str | None, Any]] = []
        for _, op, key in operations:
            condition = op.get("ConditionExpression")
            if condition is None:
                errors.append((None, None, None))
                continue
            current = self.get_item(op["TableName"], key)
            check = _filter(condition, op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues"))
            if check.expr(current):
                errors.append((None, None, None))
            else:
                old = current.to_json()["Attributes"] if current and op.get(
                    "ReturnValuesOnConditionCheckFailure") == "ALL_OLD" else None
                errors.append(("ConditionalCheckFailed", "The conditional request failed", old))
        if any(code for code, _, _ in errors):
            raise TransactionCanceledException(errors)

        for op_type, op, key in operations:
            table_name = op["TableName"]
            if op_type == "Put":
                self.put_item(table_name, op["Item"])
            elif op_type == "Delete":
                self.delete_item(table_name, key)
            elif op_type == "Update":
                self.update_item(table_name, key, update_expression=op["UpdateExpression"],
                                 expression_attribute_names=op.get("ExpressionAttributeNames"),
                                 expression_attribute_values=op.get("ExpressionAttributeValues"))


def _filter(condition: str, names: Any, values: Any) -> Any:
    from moto.dynamodb.models import get_filter_expression

    return get_filter_expression(condition, names, values)


def _partition_query(table_class: Any) -> None:
    every_item = table_class.all_items
    query = table_class.query

    def all_items(self: Any) -> list[Any]:
        wanted = getattr(_QUERIED, "partition", None)
        if wanted is None or wanted[0] is not self:
            return every_item(self)
        if wanted[1] == "index":
            # An index Query: only the items carrying that index key, unsorted, since
            # moto sorts what matches by the index's own keys afterwards.
            attribute, value = wanted[2], wanted[3]
            return [item for partition in self.items.values()
                    for item in (partition.values() if self.range_key_attr else [partition])
                    if _same(item.attrs.get(attribute), value)]
        partition = self.items.get(wanted[2]) or {}
        return list(partition.values()) if self.range_key_attr else [partition]

    parameters = inspect.signature(query)

    def query_one_partition(self: Any, *args: Any, **kwargs: Any) -> Any:
        bound = parameters.bind(self, *args, **kwargs)
        hash_key = bound.arguments.get("hash_key")
        index_name = bound.arguments.get("index_name")
        if hash_key is None:
            return query(self, *args, **kwargs)
        if index_name:
            index = next((i for i in self.global_indexes if i.name == index_name), None)
            hashes = [k["AttributeName"] for k in index.schema if k["KeyType"] == "HASH"] if index else []
            if len(hashes) != 1:
                return query(self, *args, **kwargs)
            _QUERIED.partition = (self, "index", hashes[0], hash_key)
        else:
            _QUERIED.partition = (self, "table", hash_key)
        try:
            return query(self, *args, **kwargs)
        finally:
            _QUERIED.partition = None

    table_class.all_items = all_items
    table_class.query = query_one_partition


def _same(stored: Any, wanted: Any) -> bool:
    # Compared by type and raw value: moto's DynamoType equality casts both sides each time,
    # which costs more than the whole rest of a Query over a table of a few thousand items.
    return stored is not None and stored.type == wanted.type and stored.value == wanted.value


# Reads whose response is exactly the result's JSON: item maps of attribute values.
_PLAIN_JSON_READS = {"GetItem", "Query", "BatchGetItem"}


def _plain_json_reads(result_class: Any) -> None:
    execute_result = result_class.execute_result

    def execute(self: Any, context: Any) -> Any:
        if context.operation_model.name in _PLAIN_JSON_READS and isinstance(self.result, dict):
            try:
                body = json.dumps({k: v for k, v in self.result.items() if v is not None})
            except TypeError:  # binary attributes: moto's serializer base64-encodes them
                return execute_result(self, context)
            return 200, {"Content-Type": "application/x-amz-json-1.0"}, body
        return execute_result(self, context)

    result_class.execute_result = execute


def patch_moto() -> None:
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import Table
    from moto.dynamodb.responses import DynamoResult

    _partition_query(Table)
    _plain_json_reads(DynamoResult)

    for name in ("put_item", "update_item", "delete_item", "batch_write_item"):
        if hasattr(DynamoDBBackend, name):
            setattr(DynamoDBBackend, name, _serialised(getattr(DynamoDBBackend, name)))
    DynamoDBBackend.transact_write_items = transact_write_items

    from local_stack.embedded_cognito import patch_cognito

    patch_cognito()


def main(argv: list[str] | None = None) -> None:
    patch_moto()
    # The server holds every item as a tree of small objects, so a full collection walks
    # hundreds of thousands of them; with the default thresholds that took over a quarter of
    # the server's time under a stream of transactions. Collecting rarer costs a little memory.
    gc.set_threshold(200_000, 50, 100)
    from moto.server import main as moto_main

    moto_main(argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    main()
