"""AWS calls, and the DynamoDB capacity they consume, of whatever runs inside `metering()`.

Hooks go on the clients chalicelib.aws hands out (Powertools idempotency shares the
DynamoDB one), so every call the app makes is seen, and nothing the bench itself does.

Capacity is computed here from item sizes, by DynamoDB's published rules, because the
embedded AWS (moto) does not measure it: asked with `ReturnConsumedCapacity`, moto answers
GetItem with 0.5, Query and PutItem with 1.0 and BatchGetItem with one unit per key whatever
the items weigh, and TransactWriteItems with nothing (`moto_seen` keeps what it said, so a
bench can show it). The rules applied:

* item size: UTF-8 bytes of every attribute name and string, (significant digits / 2) + 1
  bytes per number, 1 byte per boolean or null, 3 bytes per list or map plus 1 per element;
* a write: 1 unit per KB (rounded up) of the larger of the item before and after, at least
  1; in TransactWriteItems 2 per KB; a ConditionCheck there is counted like the other items
  (an assumption: the published rules do not single it out);
* a refused write (condition failed, or a transaction cancelled): 1 unit per KB of the item
  as it stood, at least 1, once (the cancelled transaction's prepare phase; an assumption);
* every global secondary index whose key the item carries before or after: 1 unit per KB
  of the index entry for an insert, delete or change, 2 entries when its key changes;
  transactions do not double index writes (indexes are updated after the commit);
* reads: 1 unit per 4 KB strongly consistent, half that eventually consistent, at least one
  per call; a Query or Scan adds up the size of every item it evaluated (those a filter then
  drops included) before rounding once; BatchGetItem rounds each item on its own.

Before and after images come from a second client of the bench's own, so reading them costs
the app nothing and is not counted.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

READ_UNIT_BYTES = 4096
WRITE_UNIT_BYTES = 1024
WRITE_CALLS = {"PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem"}
# Operations whose request takes ReturnConsumedCapacity.
CAPACITY_OPERATIONS = WRITE_CALLS | {"GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems"}
OTHER_SERVICES = ("s3", "sns", "sqs")
SERVICE_NAMES = {"s3": "S3", "sns": "SNS", "sqs": "SQS"}
HOOK_ID = "bench-meter"
TOKEN = re.compile(r"[#:][A-Za-z0-9_]+")


@dataclass
class Usage:
    calls: Counter[str] = field(default_factory=Counter)
    other: Counter[str] = field(default_factory=Counter)
    read_units: float = 0.0
    write_units: float = 0.0
    index_write_units: float = 0.0
    # Units per partition: ("table", an index name or another table's name; partition key value).
    partition_writes: Counter[tuple[str, str]] = field(default_factory=Counter)
    partition_reads: Counter[tuple[str, str]] = field(default_factory=Counter)
    moto_seen: dict[str, list[float | None]] = field(default_factory=lambda: defaultdict(list))

    @property
    def dynamodb_calls(self) -> int:
        return sum(self.calls.values())

    @property
    def write_calls(self) -> int:
        return sum(n for op, n in self.calls.items() if op in WRITE_CALLS)

    @property
    def all_write_units(self) -> float:
        return self.write_units + self.index_write_units

    def which(self) -> str:
        return which(self.calls)

    def others(self) -> str:
        return which(self.other) or "—"

    def add(self, other: Usage) -> None:
        self.calls.update(other.calls)
        self.other.update(other.other)
        self.read_units += other.read_units
        self.write_units += other.write_units
        self.index_write_units += other.index_write_units
        self.partition_writes.update(other.partition_writes)
        self.partition_reads.update(other.partition_reads)
        for op, values in other.moto_seen.items():
            self.moto_seen[op].extend(values)


def which(calls: Counter[str]) -> str:
    return ", ".join(f"{op} ×{n}" if n > 1 else op for op, n in sorted(calls.items()))


def units(value: float) -> str:
    return f"{value:g}"


# The columns every calls table shares, and the cells of one row.
USAGE_HEADERS = ("DynamoDB calls", "writes", "which", "read units", "write units (of which index)", "other AWS calls")
USAGE_RIGHT = (1, 2, 4, 5)  # offsets after the row's own leading columns


CAPACITY_NOTE = """
Read and write units are computed from the items' sizes by DynamoDB's published rules
(`bench/meter.py`): a write 1 unit per KB, 2 inside a transaction, plus 1 per KB for each global
secondary index entry it inserts, changes or deletes (the figure in brackets); a read 1 unit per
4 KB strongly consistent, half that eventually consistent. They are what on-demand DynamoDB
would bill as request units. The embedded AWS's own ConsumedCapacity is a constant per
operation, not a measurement (the routes section shows what it returned).
"""


def usage_cells(usage: Usage) -> list[str]:
    index = f" ({units(usage.index_write_units)})" if usage.index_write_units else ""
    return [str(usage.dynamodb_calls), str(usage.write_calls), usage.which() or "—", units(usage.read_units),
            units(usage.all_write_units) + index, usage.others()]


def right_columns(leading: int) -> tuple[int, ...]:
    return tuple(leading + i - 1 for i in USAGE_RIGHT)


# --- sizes -----------------------------------------------------------------------------


def number_bytes(text: str) -> int:
    digits = str(Decimal(text).normalize()).lstrip("-").replace(".", "")
    if "E" in digits:
        digits = digits.split("E")[0]
    significant = digits.strip("0") or "0"
    return math.ceil(len(significant) / 2) + 1


def value_bytes(value: dict[str, Any]) -> int:
    (kind, inner), = value.items()
    if kind == "S":
        return len(inner.encode())
    if kind == "N":
        return number_bytes(inner)
    if kind == "B":
        return len(inner)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "SS":
        return sum(len(s.encode()) for s in inner)
    if kind == "NS":
        return sum(number_bytes(n) for n in inner)
    if kind == "BS":
        return sum(len(b) for b in inner)
    if kind == "L":
        return 3 + sum(1 + value_bytes(v) for v in inner)
    if kind == "M":
        return 3 + sum(len(k.encode()) + 1 + value_bytes(v) for k, v in inner.items())
    raise ValueError(f"unknown attribute type {kind}")


def item_bytes(item: dict[str, Any] | None) -> int:
    return sum(len(name.encode()) + value_bytes(value) for name, value in (item or {}).items())


def read_units(size: int, consistent: bool) -> float:
    return max(1, math.ceil(size / READ_UNIT_BYTES)) * (1.0 if consistent else 0.5)


def write_units(size: int) -> int:
    return max(1, math.ceil(size / WRITE_UNIT_BYTES))


# --- the bench's own view of the tables ------------------------------------------------------


@cache
def inspector() -> Any:
    import boto3

    return boto3.session.Session().client(
        "dynamodb", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=os.environ["AWS_DEFAULT_REGION"])


@cache
def schema(table: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """(the table's key attributes, {index name: its key attributes})."""
    description = inspector().describe_table(TableName=table)["Table"]
    key = tuple(k["AttributeName"] for k in description["KeySchema"])
    indexes = {i["IndexName"]: tuple(k["AttributeName"] for k in i["KeySchema"])
               for i in description.get("GlobalSecondaryIndexes", [])}
    return key, indexes


def current(table: str, key: dict[str, Any]) -> dict[str, Any] | None:
    return inspector().get_item(TableName=table, Key=key, ConsistentRead=True).get("Item")


def targets(operation: str, params: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, table, key) of every item a write call names."""
    def key_of(table: str, item: dict[str, Any]) -> dict[str, Any]:
        return {name: item[name] for name in schema(table)[0]}

    if operation == "PutItem":
        return [("Put", params["TableName"], key_of(params["TableName"], params["Item"]))]
    if operation in ("UpdateItem", "DeleteItem"):
        return [(operation.removesuffix("Item"), params["TableName"], params["Key"])]
    if operation == "TransactWriteItems":
        found = []
        for entry in params["TransactItems"]:
            (kind, op), = entry.items()
            found.append((kind, op["TableName"], key_of(op["TableName"], op["Item"]) if kind == "Put" else op["Key"]))
        return found
    if operation == "BatchWriteItem":
        return [("Put" if "PutRequest" in request else "Delete", table,
                 key_of(table, request["PutRequest"]["Item"]) if "PutRequest" in request
                 else request["DeleteRequest"]["Key"])
                for table, requests in params["RequestItems"].items() for request in requests]
    return []


def evaluated_items(operation: str, params: dict[str, Any], parsed: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item a Query or Scan read: what it returned, or, if a filter or a projection
    hid some of it, the same page asked again without them."""
    if not any(name in params for name in ("FilterExpression", "ProjectionExpression", "Select")):
        return parsed.get("Items", [])
    scanned = parsed.get("ScannedCount", 0)
    if not scanned:
        return []
    again = {k: v for k, v in params.items()
             if k not in ("FilterExpression", "ProjectionExpression", "Select", "ReturnConsumedCapacity", "Limit")}
    used = set(TOKEN.findall(params.get("KeyConditionExpression", "")))
    if "ExpressionAttributeNames" in again:
        again["ExpressionAttributeNames"] = {k: v for k, v in again["ExpressionAttributeNames"].items() if k in used}
    if "ExpressionAttributeValues" in again:
        again["ExpressionAttributeValues"] = {k: v for k, v in again["ExpressionAttributeValues"].items() if k in used}
    again = {k: v for k, v in again.items() if v != {}}
    method = inspector().query if operation == "Query" else inspector().scan
    return method(**again, Limit=scanned).get("Items", [])


# --- the hooks -----------------------------------------------------------------------------


class Hooks:
    def __init__(self, usage: Usage):
        self.usage = usage

    def before(self, params: dict[str, Any], model: Any, context: dict[str, Any], **_: Any) -> None:
        operation = model.name
        if operation in CAPACITY_OPERATIONS:
            params.setdefault("ReturnConsumedCapacity", "INDEXES")
        if operation in WRITE_CALLS:
            context[HOOK_ID] = [(kind, table, key, current(table, key)) for kind, table, key in targets(operation, params)]
        context[f"{HOOK_ID}-params"] = params

    def after(self, http_response: Any, parsed: dict[str, Any], model: Any, context: dict[str, Any], **_: Any) -> None:
        operation = model.name
        usage = self.usage
        usage.calls[operation] += 1
        usage.moto_seen[operation].append(reported(parsed))
        params = context.get(f"{HOOK_ID}-params", {})
        succeeded = http_response.status_code < 300
        if operation in WRITE_CALLS:
            transactional = operation == "TransactWriteItems"
            for kind, table, key, before in context.get(HOOK_ID, []):
                after = current(table, key) if succeeded else before
                self.charge_write(kind, table, key, before, after, succeeded, transactional)
        elif operation == "GetItem":
            charged = read_units(item_bytes(parsed.get("Item")), bool(params.get("ConsistentRead")))
            usage.read_units += charged
            usage.partition_reads[(_space_of(params["TableName"]), _partition_of(params["TableName"], params["Key"]))] += charged
        elif operation == "BatchGetItem":
            for table, request in params["RequestItems"].items():
                found = parsed.get("Responses", {}).get(table, [])
                unprocessed = len(parsed.get("UnprocessedKeys", {}).get(table, {}).get("Keys", []))
                consistent = bool(request.get("ConsistentRead"))
                usage.read_units += sum(read_units(item_bytes(i), consistent) for i in found)
                usage.read_units += (len(request["Keys"]) - len(found) - unprocessed) * read_units(0, consistent)
        elif operation in ("Query", "Scan") and succeeded:
            size = sum(item_bytes(i) for i in evaluated_items(operation, params, parsed))
            charged = read_units(size, bool(params.get("ConsistentRead")))
            usage.read_units += charged
            if operation == "Query":
                space = params.get("IndexName") or _space_of(params["TableName"])
                usage.partition_reads[(space, _queried_partition(params))] += charged

    def charge_write(self, kind: str, table: str, key: dict[str, Any], before: dict[str, Any] | None,
                     after: dict[str, Any] | None, succeeded: bool, transactional: bool) -> None:
        usage = self.usage
        indexes = schema(table)[1]
        partition = (_space_of(table), _partition_of(table, key))
        if not succeeded:
            charged = write_units(item_bytes(before))
        else:
            charged = write_units(max(item_bytes(before), item_bytes(after))) * (2 if transactional else 1)
        usage.write_units += charged
        usage.partition_writes[partition] += charged
        if not succeeded or kind == "ConditionCheck" or before == after:
            return
        for index, attributes in indexes.items():
            old = _index_key(before, attributes)
            new = _index_key(after, attributes)
            if old is None and new is None:
                continue
            if old is not None and new is not None and old != new:
                entries = [(old, before), (new, after)]  # a changed index key: one entry out, one in
            elif new is None:
                entries = [(old, before)]
            else:
                entries = [(new, after if old is None or item_bytes(after) >= item_bytes(before) else before)]
            for entry_key, image in entries:
                charged = write_units(item_bytes(image))
                usage.index_write_units += charged
                usage.partition_writes[(index, entry_key[0])] += charged


def _space_of(table: str) -> str:
    """"table" for the app's main table, the table's name for any other (the idempotency records)."""
    return "table" if table == os.environ.get("MULIN_TABLE") else table


def _partition_of(table: str, key: dict[str, Any]) -> str:
    return str(next(iter(key[schema(table)[0][0]].values())))


def _queried_partition(params: dict[str, Any]) -> str:
    """The partition key value a Query names (`PK = :pk`, or `#name = :value`)."""
    table_key, indexes = schema(params["TableName"])
    attribute = indexes[params["IndexName"]][0] if "IndexName" in params else table_key[0]
    names = {alias: name for alias, name in params.get("ExpressionAttributeNames", {}).items()}
    for left, right in re.findall(r"(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)", params["KeyConditionExpression"]):
        if names.get(left, left) == attribute:
            return str(next(iter(params["ExpressionAttributeValues"][right].values())))
    return "?"


def _index_key(item: dict[str, Any] | None, attributes: tuple[str, ...]) -> tuple[str, ...] | None:
    if not item or any(name not in item for name in attributes):
        return None
    return tuple(str(next(iter(item[name].values()))) for name in attributes)


def reported(parsed: dict[str, Any]) -> float | None:
    """What the server put in ConsumedCapacity (None when it sent none)."""
    consumed = parsed.get("ConsumedCapacity")
    if consumed is None or consumed == []:
        return None
    entries = consumed if isinstance(consumed, list) else [consumed]
    return float(sum(entry.get("CapacityUnits", 0) for entry in entries))


@contextmanager
def metering() -> Iterator[Usage]:
    """Counts and charges every AWS call the app makes while the block runs."""
    from chalicelib import aws

    usage = Usage()
    hooks = Hooks(usage)
    events = aws.client("dynamodb").meta.events
    events.register("before-parameter-build.dynamodb", hooks.before, unique_id=f"{HOOK_ID}-before")
    events.register("after-call.dynamodb", hooks.after, unique_id=f"{HOOK_ID}-after")
    others = []
    for service in OTHER_SERVICES:
        def count(model: Any, service: str = service, **_: Any) -> None:
            usage.other[f"{SERVICE_NAMES[service]} {model.name}"] += 1

        other_events = aws.client(service).meta.events
        other_events.register(f"before-call.{service}", count, unique_id=f"{HOOK_ID}-{service}")
        others.append((other_events, service))
    try:
        yield usage
    finally:
        events.unregister("before-parameter-build.dynamodb", unique_id=f"{HOOK_ID}-before")
        events.unregister("after-call.dynamodb", unique_id=f"{HOOK_ID}-after")
        for other_events, service in others:
            other_events.unregister(f"before-call.{service}", unique_id=f"{HOOK_ID}-{service}")


def moto_rows(seen: dict[str, list[float | None]]) -> list[list[str]]:
    """For each operation: how often the embedded AWS was asked, and the values it answered."""
    rows = []
    for operation, values in sorted(seen.items()):
        answered = sorted({v for v in values if v is not None})
        silent = sum(1 for v in values if v is None)
        told = ", ".join(units(v) for v in answered) or "nothing"
        rows.append([operation, str(len(values)), told + (f" (nothing {silent}×)" if silent and answered else "")])
    return rows
