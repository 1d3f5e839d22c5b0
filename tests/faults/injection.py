"""Faults injected into the app's own boto3 clients through botocore's event system, and
what the app wrote while they were in force.

Every logical call the app makes is seen once, on `before-parameter-build`, in order; the
fault is raised or answered on `before-send`, so it goes through botocore's retry handler
exactly as a real one would. A fault holds for every attempt of the chosen call, and of
the app's own immediate repeats of it (the faulty window, `outage_from`), so neither the
client's retries nor the app's hide it: it reaches the caller.

The state check does not read whole tables (the session's table holds every Shanghai
division): each write the app sends names its keys, and those keys are read by a client
of the test's own just before the first write that touches them and again at the end.
Their difference is everything the requests changed.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from botocore.awsrequest import AWSResponse
from botocore.exceptions import ConnectTimeoutError, EndpointConnectionError, ReadTimeoutError

SERVICES = ("dynamodb", "s3", "sqs", "sns")
UNIQUE = "mulin-fault-injection"


@dataclass
class Call:
    service: str
    operation: str
    params: dict[str, Any]
    protocol: str

    @property
    def name(self) -> str:
        return f"{self.service}.{self.operation}"


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def stream(self, **_: Any):
        yield self.data


@dataclass(frozen=True)
class Fault:
    """One kind of failure: an error answer (status and code) or a raised network error."""

    name: str
    services: frozenset[str]
    status: int = 0
    code: str = ""
    operations: frozenset[str] | None = None
    raises: Callable[[str], Exception] | None = None
    # For TransactionCanceledException: the reason DynamoDB gives for the first item.
    reason: str = ""
    # The request reaches AWS and is carried out; only the answer is lost (a read timeout
    # on a write that committed).
    delivers: bool = False

    def applies_to(self, call: Call) -> bool:
        return call.service in self.services and (self.operations is None or call.operation in self.operations)

    def answer(self, call: Call, url: str) -> AWSResponse:
        if self.raises is not None:
            raise self.raises(url)
        return AWSResponse(url, self.status, _headers(call), _Body(_error_body(self, call)))


def _headers(call: Call) -> dict[str, str]:
    return {"x-amzn-RequestId": "fault-injected", "x-amz-request-id": "fault-injected",
            "Content-Type": "application/x-amz-json-1.0" if call.protocol == "json" else "application/xml"}


def _error_body(fault: Fault, call: Call) -> bytes:
    message = f"injected {fault.name}"
    if call.protocol == "json":
        body: dict[str, Any] = {"__type": f"com.amazonaws.{call.service}#{fault.code}", "message": message}
        if fault.reason:
            items = call.params.get("TransactItems", [])
            reasons = [{"Code": "None"} for _ in items]
            if reasons:
                reasons[0] = {"Code": fault.reason, "Message": message}
            body["CancellationReasons"] = reasons
            body["Message"] = f"Transaction cancelled, please refer cancellation reasons for specific reasons [{fault.reason}]"
        return json.dumps(body).encode()
    if call.operation.startswith("Head"):
        return b""  # S3 answers HEAD with no body: botocore takes the status as the code
    if call.protocol == "query":
        return (f"<ErrorResponse><Error><Type>Receiver</Type><Code>{fault.code}</Code><Message>{message}</Message>"
                "</Error><RequestId>fault-injected</RequestId></ErrorResponse>").encode()
    return (f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{fault.code}</Code><Message>{message}</Message>'
            "<RequestId>fault-injected</RequestId></Error>").encode()


ANY = frozenset(SERVICES)
DYNAMODB = frozenset({"dynamodb"})
S3 = frozenset({"s3"})
MESSAGING = frozenset({"sqs", "sns"})

THROTTLING = Fault("ThrottlingException", DYNAMODB | MESSAGING, 400, "ThrottlingException")
THROUGHPUT = Fault("ProvisionedThroughputExceededException", DYNAMODB, 400, "ProvisionedThroughputExceededException")
DYNAMODB_500 = Fault("InternalServerError", DYNAMODB, 500, "InternalServerError")
TX_THROTTLED = Fault("TransactionCanceled[ThrottlingError]", DYNAMODB, 400, "TransactionCanceledException",
                     frozenset({"TransactWriteItems"}), reason="ThrottlingError")
TX_CONFLICT = Fault("TransactionCanceled[TransactionConflict]", DYNAMODB, 400, "TransactionCanceledException",
                    frozenset({"TransactWriteItems"}), reason="TransactionConflict")
S3_500 = Fault("S3 500 InternalError", S3, 500, "InternalError")
S3_SLOW_DOWN = Fault("S3 503 SlowDown", S3, 503, "SlowDown")
MESSAGING_500 = Fault("InternalFailure", MESSAGING, 500, "InternalFailure")
READ_TIMEOUT = Fault("ReadTimeoutError", ANY, raises=lambda url: ReadTimeoutError(endpoint_url=url))
CONNECT_TIMEOUT = Fault("ConnectTimeoutError", ANY, raises=lambda url: ConnectTimeoutError(endpoint_url=url))
ENDPOINT_DOWN = Fault("EndpointConnectionError", ANY, raises=lambda url: EndpointConnectionError(endpoint_url=url))
ANSWER_LOST = Fault("ReadTimeoutError after the write was carried out", ANY, delivers=True,
                    raises=lambda url: ReadTimeoutError(endpoint_url=url))

ANSWERS = (THROTTLING, THROUGHPUT, DYNAMODB_500, S3_500, S3_SLOW_DOWN, MESSAGING_500)
TRANSACTION_ANSWERS = (TX_THROTTLED, TX_CONFLICT)
NETWORK_ERRORS = (READ_TIMEOUT, CONNECT_TIMEOUT, ENDPOINT_DOWN)
ALL_FAULTS = ANSWERS + TRANSACTION_ANSWERS + NETWORK_ERRORS


def faults_for(call: Call, position: int, every: bool = False) -> list[Fault]:
    """The faults tried at one position. By default one error answer and one network error,
    each kind taken in turn along the positions (across the suite every kind is met), plus
    each transaction cancellation on a transaction; `every` tries every applicable kind."""
    if every:
        return [f for f in ALL_FAULTS if f.applies_to(call)]
    answers = [f for f in ANSWERS if f.applies_to(call)]
    chosen = [answers[position % len(answers)]] if answers else []
    chosen.append(NETWORK_ERRORS[position % len(NETWORK_ERRORS)])
    return chosen + [f for f in TRANSACTION_ANSWERS if f.applies_to(call)]


# --- what the requests changed -----------------------------------------------------------

DYNAMODB_WRITES = {"PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem"}
S3_WRITES = {"PutObject", "CopyObject", "DeleteObject", "DeleteObjects"}
# Sent messages are state too: a queued publication. Pushes to SNS are not counted: the
# app sends them after the change is committed and tolerates losing them by design.
MESSAGES = {("sqs", "SendMessage"), ("sqs", "SendMessageBatch")}


def _dynamodb_targets(operation: str, params: dict[str, Any]) -> list[tuple[str, dict[str, Any] | None, dict | None]]:
    """(table, key, item) of each write; a Put gives its item, from which the key is cut."""
    if operation == "PutItem":
        return [(params["TableName"], None, params["Item"])]
    if operation in ("UpdateItem", "DeleteItem"):
        return [(params["TableName"], params["Key"], None)]
    if operation == "TransactWriteItems":
        found = []
        for entry in params["TransactItems"]:
            kind, op = next(iter(entry.items()))
            if kind == "Put":
                found.append((op["TableName"], None, op["Item"]))
            elif kind in ("Update", "Delete"):
                found.append((op["TableName"], op["Key"], None))
        return found
    if operation == "BatchWriteItem":
        return [(table, r.get("DeleteRequest", {}).get("Key"), r.get("PutRequest", {}).get("Item"))
                for table, requests in params["RequestItems"].items() for r in requests]
    return []


@dataclass
class StateWatch:
    """Items and objects the app wrote, each read before its first write and again at the end."""

    dynamodb: Any
    s3: Any
    before: dict[tuple[str, str], Any] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    _schemas: dict[str, list[str]] = field(default_factory=dict)

    def _key_attributes(self, table: str) -> list[str]:
        if table not in self._schemas:
            schema = self.dynamodb.describe_table(TableName=table)["Table"]["KeySchema"]
            self._schemas[table] = [k["AttributeName"] for k in schema]
        return self._schemas[table]

    def will_write(self, call: Call) -> None:
        if call.service == "dynamodb" and call.operation in DYNAMODB_WRITES:
            keys: dict[str, list[dict[str, Any]]] = {}
            for table, key, item in _dynamodb_targets(call.operation, call.params):
                key = key or {name: item[name] for name in self._key_attributes(table)}  # type: ignore[index]
                if ("dynamodb:" + table, _canonical(key)) not in self.before:
                    keys.setdefault(table, []).append(key)
            self._snapshot_items(keys)
        elif call.service == "s3" and call.operation in S3_WRITES:
            bucket = call.params["Bucket"]
            names = ([o["Key"] for o in call.params["Delete"]["Objects"]] if call.operation == "DeleteObjects"
                     else [call.params["Key"]])
            for name in names:
                self.before.setdefault(("s3:" + bucket, name), self._object(bucket, name))

    def sent(self, call: Call) -> None:
        if (call.service, call.operation) in MESSAGES:
            self.messages.append(call.operation)

    def _snapshot_items(self, keys: dict[str, list[dict[str, Any]]]) -> None:
        # Two threads about to write one item may both read it; the one whose read returns after
        # the other's write has committed must not replace the first, earlier snapshot.
        for found in self._read_items(keys).values():
            for key, item in found.items():
                self.before.setdefault(key, item)

    def _read_items(self, keys: dict[str, list[dict[str, Any]]]) -> dict[str, dict[tuple[str, str], Any]]:
        result: dict[str, dict[tuple[str, str], Any]] = {}
        for table, wanted in keys.items():
            unique = {_canonical(k): k for k in wanted}
            found = {("dynamodb:" + table, c): None for c in unique}
            pending = list(unique.values())
            while pending:
                batch, pending = pending[:100], pending[100:]
                request = {table: {"Keys": batch, "ConsistentRead": True}}
                while request:
                    response = self.dynamodb.batch_get_item(RequestItems=request)
                    attributes = self._key_attributes(table)
                    for item in response["Responses"].get(table, []):
                        found[("dynamodb:" + table, _canonical({a: item[a] for a in attributes}))] = item
                    request = response.get("UnprocessedKeys") or {}
            result[table] = found
        return result

    def _object(self, bucket: str, key: str) -> Any:
        try:
            head = self.s3.head_object(Bucket=bucket, Key=key)
        except self.s3.exceptions.ClientError:
            return None
        return {"ETag": head["ETag"], "ContentLength": head["ContentLength"], "ContentType": head.get("ContentType")}

    def changes(self) -> list[tuple[str, str, Any, Any]]:
        """(store, key, before, after) of everything that differs now."""
        keys: dict[str, list[dict[str, Any]]] = {}
        for store, key in self.before:
            if store.startswith("dynamodb:"):
                keys.setdefault(store[len("dynamodb:"):], []).append(json.loads(key))
        now: dict[tuple[str, str], Any] = {}
        for found in self._read_items(keys).values():
            now.update(found)
        for store, key in self.before:
            if store.startswith("s3:"):
                now[(store, key)] = self._object(store[len("s3:"):], key)
        return [(store, key, before, now[(store, key)]) for (store, key), before in self.before.items()
                if before != now[(store, key)]]


def _canonical(key: dict[str, Any]) -> str:
    return json.dumps(key, sort_keys=True)


# --- comparing what two runs changed -------------------------------------------------------

_WORD = re.compile(r"[A-Za-z_]+")
_SEPARATORS = re.compile(r"([#/])")


def _shape(text: str) -> str:
    """A key without what differs between two runs of one operation: every part between
    separators that is not a plain word (an id, a time, a digest, a receipt, a number)."""
    return "".join(part if _SEPARATORS.fullmatch(part) or _WORD.fullmatch(part) else "{x}"
                   for part in _SEPARATORS.split(text))


def _key_shape(store: str, key: str) -> str:
    if not store.startswith("dynamodb:"):
        return _shape(key)
    return " ".join(f"{name}={_shape(next(iter(value.values())))}" for name, value in sorted(json.loads(key).items()))


def _number(value: Any) -> float | None:
    if isinstance(value, dict) and set(value) == {"N"}:
        return float(value["N"])
    return None


# Rate-limit windows: whether a request creates its window's item or adds to it depends on
# what came before it, so they are compared by how much they counted.
COUNTERS = ("LIMIT#",)


def _counted(before: Any, after: Any) -> tuple[Any, ...]:
    from chalicelib.storage.table import TTL_ATTRIBUTE

    old, new = before or {}, after or {}
    moved = []
    for name in sorted((set(old) | set(new)) - {TTL_ATTRIBUTE}):
        a, b = _number(old.get(name)) or 0, _number(new.get(name)) or 0
        if a != b:
            moved.append((name, b - a))
    return ("counted", tuple(moved))


def _matches(key: str, prefixes: tuple[str, ...]) -> bool:
    return any(key.startswith(prefix) or f'"{prefix}' in key for prefix in prefixes)


def effect(changes: list[tuple[str, str, Any, Any]], stores: dict[str, str], ignored: tuple[str, ...] = ()
           ) -> list[tuple[Any, ...]]:
    """What changed, in a form two runs of one operation share: keys without their ids and
    times, created items by their attributes, updated ones by how each number moved."""
    shaped = []
    for store, key, before, after in changes:
        label = stores.get(store, store)
        if _matches(key, ignored):
            continue
        if _matches(key, COUNTERS):
            change: tuple[Any, ...] = _counted(before, after)
        elif before is None:
            change = ("created", tuple(sorted(after)) if store.startswith("dynamodb:") else ())
        elif after is None:
            change = ("deleted",)
        elif store.startswith("s3:"):
            change = ("replaced",)
        else:
            moved = []
            for name in sorted(set(before) | set(after)):
                old, new = before.get(name), after.get(name)
                if old == new:
                    continue
                a, b = _number(old), _number(new)
                moved.append((name, b - a if a is not None and b is not None else "changed"))
            change = ("updated", tuple(moved))
        shaped.append((label, _key_shape(store, key), *change))
    return sorted(shaped, key=repr)


# Which fault, if any, the latest call meets, given every call of the run so far.
Target = Callable[[list[Call]], "Fault | None"]


def at_position(position: int, fault: Fault) -> Target:
    return lambda calls: fault if len(calls) - 1 == position else None


def outage_from(position: int, fault: Fault) -> Target:
    """The fault at a call and at each immediate repetition of it: an outage that outlasts
    the app's own retries of that call (funds/repository.write tries a transaction thrice)."""
    def target(calls: list[Call]) -> Fault | None:
        repeated = len(calls) > position and all(c.name == calls[position].name for c in calls[position:])
        return fault if repeated else None

    return target


def from_position(position: int, fault: Fault) -> Target:
    """The fault at a call and at every call after it in the run."""
    return lambda calls: fault if len(calls) - 1 >= position else None


class Injector:
    """Hooks on the app's clients: records each call, injects a fault at a chosen one."""

    def __init__(self, clients: dict[str, Any], watch_factory: Callable[[], StateWatch]):
        self.clients = clients
        self.watch_factory = watch_factory
        self.calls: list[Call] = []
        self.target: Target | None = None
        self.fired = 0
        # Requests that went on the wire (or would have): a presigned form builds its
        # parameters like a call but sends nothing.
        self.sent = 0
        self.watch = watch_factory()

    def install(self) -> None:
        for client in self.clients.values():
            events = client.meta.events
            events.register("before-parameter-build", self._called, unique_id=UNIQUE + "-call")
            events.register("before-send", self._sending, unique_id=UNIQUE + "-send")
            events.register("after-call", self._answered, unique_id=UNIQUE + "-answer")

    def uninstall(self) -> None:
        for client in self.clients.values():
            events = client.meta.events
            events.unregister("before-parameter-build", unique_id=UNIQUE + "-call")
            events.unregister("before-send", unique_id=UNIQUE + "-send")
            events.unregister("after-call", unique_id=UNIQUE + "-answer")

    def start(self, target: Target | None = None) -> None:
        """A new run: calls are counted from zero, state is watched from now."""
        self.calls, self.target, self.fired, self.sent = [], target, 0, 0
        self.watch = self.watch_factory()

    def again(self) -> None:
        """A retry: calls are counted from zero and no fault is armed, but what the first
        request changed stays in view, so the two are judged together."""
        self.calls, self.target = [], None

    def _called(self, params: dict[str, Any], model: Any, event_name: str, **_: Any) -> None:
        service = event_name.split(".")[1]
        call = Call(service, model.name, copy.deepcopy(params), model.service_model.resolved_protocol)
        self.calls.append(call)
        self.watch.will_write(call)

    def _sending(self, request: Any, **_: Any) -> AWSResponse | None:
        self.sent += 1
        fault = self.target(self.calls) if self.target else None
        if fault is None:
            return None
        self.fired += 1
        if fault.delivers and self.fired == 1:
            from botocore.httpsession import URLLib3Session

            URLLib3Session().send(request)
        return fault.answer(self.calls[-1], request.url)

    def _answered(self, http_response: Any, **_: Any) -> None:
        if self.calls and http_response is not None and http_response.status_code < 300:
            self.watch.sent(self.calls[-1])
