"""The embedded AWS: moto's server, with DynamoDB transactions as DynamoDB runs them.

moto checks and applies a TransactWriteItems item by item after deep-copying every table
it touches, and rolls back by putting the copies back. That costs seconds once a table
holds the 6,760 Shanghai divisions, and under concurrent requests it is neither atomic
nor isolated: a rollback can erase another request's committed write. The platform's
invariants rest on DynamoDB's real guarantees, so this server gives them: every write
to a table runs under one lock, and a transaction checks all its conditions before it
applies anything, and puts back what it applied if moto refuses one of its operations.

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

import copy
import functools
import gc
import inspect
import json
import re
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

        # An operation moto refuses while applying (a number added to a string, a key set)
        # cancels the whole transaction in DynamoDB: what was applied before it is put back.
        journal: list[tuple[Any, Any, Any, Any]] = []
        streamed = {name: len(table.stream_shard.items) for name, table in
                    ((op["TableName"], self.get_table(op["TableName"])) for _, op, _ in operations)
                    if table.stream_shard is not None}
        try:
            for op_type, op, key in operations:
                table_name = op["TableName"]
                if op_type == "ConditionCheck":
                    continue
                table = self.get_table(table_name)
                journal.append(_before(table, key))
                if op_type == "Put":
                    self.put_item(table_name, op["Item"])
                elif op_type == "Delete":
                    self.delete_item(table_name, key)
                elif op_type == "Update" and not _added_and_set(table, key, op):
                    # moto's update changes the stored item in place: kept as a copy instead.
                    journal[-1] = (*journal[-1][:3], copy.deepcopy(journal[-1][3]))
                    self.update_item(table_name, key, update_expression=op["UpdateExpression"],
                                     expression_attribute_names=op.get("ExpressionAttributeNames"),
                                     expression_attribute_values=op.get("ExpressionAttributeValues"))
        except Exception:
            for table, hash_value, range_value, item in reversed(journal):
                _restore(table, hash_value, range_value, item)
            for name, length in streamed.items():
                del self.get_table(name).stream_shard.items[length:]
            raise


def _before(table: Any, key: dict[str, Any]) -> tuple[Any, Any, Any, Any]:
    from moto.dynamodb.models.dynamo_type import DynamoType

    hash_value = DynamoType(key[table.hash_key_attr])
    range_value = DynamoType(key[table.range_key_attr]) if table.range_key_attr else None
    # Puts, deletes and plain updates replace the stored item, which stays as it was.
    return table, hash_value, range_value, table.get_item(hash_value, range_value)


def _restore(table: Any, hash_value: Any, range_value: Any, item: Any) -> None:
    if range_value is None:
        if item is None:
            table.items.pop(hash_value, None)
        else:
            table.items[hash_value] = item
    elif item is None:
        table.items.get(hash_value, {}).pop(range_value, None)
    else:
        table.items[hash_value][range_value] = item


# An update made only of `ADD name :number-or-set` and `SET name = :value` actions on top-level
# attributes, as the live counters send many times a second. moto parses such an expression,
# deep-copies its syntax tree and the whole item, and walks the tree ten times per update,
# which was most of a counter transaction's time. These are applied directly; anything else
# (paths, functions, sets, key or typed index attributes, reserved words, a type mismatch)
# goes to moto, which applies it or raises the error DynamoDB would.
_CLAUSE = re.compile(r"(?<![#:\w])(ADD|SET)(?!\w)", re.IGNORECASE)
_NAME, _VALUE = r"(#\w+|[A-Za-z]\w*)", r"(:\w+)"
_ACTION = {"ADD": re.compile(rf"\s*{_NAME}\s+{_VALUE}\s*"), "SET": re.compile(rf"\s*{_NAME}\s*=\s*{_VALUE}\s*")}


# moto's limit for an item (DynamoDB's 400 KB, as measured against DynamoDB).
_ITEM_LIMIT = 405_000


@functools.lru_cache(maxsize=1024)
def _plain_actions(expression: str) -> tuple[tuple[str, str, str], ...] | None:
    from moto.dynamodb.parsing.reserved_keywords import ReservedKeywords

    reserved = ReservedKeywords.get_reserved_keywords()
    parts = _CLAUSE.split(expression)
    if parts[0].strip() or len(parts) < 3:
        return None
    actions: list[tuple[str, str, str]] = []
    keywords = [keyword.upper() for keyword in parts[1::2]]
    if len(set(keywords)) != len(keywords):
        return None
    for keyword, body in zip(keywords, parts[2::2], strict=True):
        for action in body.split(","):
            found = _ACTION[keyword].fullmatch(action)
            if found is None or (not found[1].startswith("#") and found[1].upper() in reserved):
                return None
            actions.append((keyword, found[1], found[2]))
    return tuple(actions)


def _added_and_set(table: Any, key: dict[str, Any], op: dict[str, Any]) -> bool:
    """Applies a plain update as moto would (one stream record, old image unchanged); False,
    having changed nothing, when moto must apply it."""
    from moto.dynamodb.models.dynamo_type import DynamoType, Item

    actions = _plain_actions(op["UpdateExpression"])
    if actions is None or set(key) != set(table.table_key_attrs):
        return False
    names, values = op.get("ExpressionAttributeNames") or {}, op.get("ExpressionAttributeValues") or {}
    defined = {a["AttributeName"]: a["AttributeType"] for a in table.attr}
    hash_value = DynamoType(key[table.hash_key_attr])
    range_value = DynamoType(key[table.range_key_attr]) if table.range_key_attr else None
    old = table.get_item(hash_value, range_value)
    changes: dict[str, Any] = {}
    for keyword, name, placeholder in actions:
        attribute = names.get(name) if name.startswith("#") else name
        if attribute is None or placeholder not in values or attribute in changes or attribute in table.table_key_attrs:
            return False
        value = DynamoType(values[placeholder])
        if keyword == "ADD":
            current = old.attrs.get(attribute) if old is not None else None
            if value.type not in ("N", "SS", "NS") or attribute in defined:
                return False
            if current is not None and current.type != value.type:
                return False
            if value.type != "N":
                # A set's union, in a new list: the stored item's set stays the old image.
                if not value.value or len(set(value.value)) != len(value.value):
                    return False
                present = set(current.value) if current is not None else set()
                value = DynamoType({value.type: [*(current.value if current is not None else []),
                                                 *(v for v in value.value if v not in present)]})
                changes[attribute] = value
                continue
            try:
                value = (current if current is not None else DynamoType({"N": "0"})) + value
            except Exception:  # noqa: BLE001 - moto raises DynamoDB's error for it
                return False
        elif attribute in defined and (defined[attribute] != value.type or not value.value):
            return False
        changes[attribute] = value
    try:
        if old is None:
            table._validate_key_sizes(key)
        new = Item(hash_value, range_value, key if old is None else {})
    except Exception:  # noqa: BLE001 - a key too large: moto raises DynamoDB's error
        return False
    # Sized once, not per attribute as moto's item dict does on every assignment.
    dict.update(new.attrs, old.attrs if old is not None else {}, **changes)
    if new.size() > _ITEM_LIMIT:
        return False
    # A new object, not the stored one changed: the stored one is the stream's old image as is.
    if range_value is not None:
        table.items[hash_value][range_value] = new
    else:
        table.items[hash_value] = new
    if table.stream_shard is not None:
        table.stream_shard.add(old, new)
    return True


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


def _parse_once(parser_class: Any) -> None:
    # moto parses an UpdateExpression again for every item of every request (twice for a
    # transaction's), and a stream of counter updates repeats a handful of texts. The tree
    # is only read (moto's validator deep-copies it before resolving it against an item),
    # so one parse per text serves them all; a text that does not parse raises each time.
    parser_class.make = staticmethod(functools.lru_cache(maxsize=1024)(parser_class.make))


def _conditions_once(parser_class: Any) -> None:
    # The same for a condition, which moto parses twice per item of a transaction: its tree
    # depends only on the text, the names and the values, and judging an item with it changes
    # nothing in it. Conditions without values (`attribute_not_exists(PK)`) recur across requests.
    parse = parser_class.parse
    parsed: dict[tuple[str, str, str], tuple[Any, list[str], list[str]]] = {}

    def parse_once(self: Any) -> Any:
        if not self.condition_expression:
            return parse(self)
        try:
            key = (self.condition_expression, json.dumps(self.expression_attribute_names, sort_keys=True),
                   json.dumps(self.expression_attribute_values, sort_keys=True))
        except TypeError:  # binary values: parsed every time
            return parse(self)
        if key not in parsed:
            tree = parse(self)
            if len(parsed) >= 1024:
                parsed.clear()
            parsed[key] = (tree, list(self.expr_attr_names_found), list(self.expr_attr_values_found))
        tree, names, values = parsed[key]
        self.expr_attr_names_found, self.expr_attr_values_found = list(names), list(values)
        return tree

    parser_class.parse = parse_once


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
    from moto.dynamodb.comparisons import ConditionExpressionParser
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import Table
    from moto.dynamodb.parsing.expressions import UpdateExpressionParser
    from moto.dynamodb.responses import DynamoResult

    _partition_query(Table)
    _parse_once(UpdateExpressionParser)
    _conditions_once(ConditionExpressionParser)
    _plain_json_reads(DynamoResult)

    for name in ("put_item", "update_item", "delete_item", "batch_write_item"):
        if hasattr(DynamoDBBackend, name):
            setattr(DynamoDBBackend, name, _serialised(getattr(DynamoDBBackend, name)))
    DynamoDBBackend.transact_write_items = transact_write_items

    from local_stack.embedded_cognito import patch_cognito, patch_texts

    patch_cognito()
    patch_texts()


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
