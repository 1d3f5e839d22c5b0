"""One operation under every fault: record its calls, then fault each position in turn.

For each position and fault the operation runs on fresh preconditions and must either
refuse retryably (503 or 429 in the error shape, with Retry-After) having changed nothing,
or complete exactly as it does without the fault. A retry (with the same Idempotency-Key
where the route takes one) must then succeed, and the two requests together must have
changed exactly what one fault-free request changes: one case, one ballot, one spending.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.faults.injection import Call, Fault, Injector, Target, effect, faults_for, outage_from

ERROR_FIELDS = {"code", "message", "details", "correlation_id"}
RETRYABLE = (503, 429)
# MULIN_FAULTS=all tries every applicable fault kind at every position (slower).
EVERY_FAULT = os.environ.get("MULIN_FAULTS") == "all"


@dataclass
class Operation:
    name: str
    # Fresh preconditions for one run, made without faults; handed to `send`.
    prepare: Callable[[], Any]
    # The request under test; called again with the same context to retry it.
    send: Callable[[Any], Any]
    status: int
    # A route with an Idempotency-Key is retried even after it succeeded, and must answer
    # the same; any other is retried only after it failed.
    keyed: bool = False
    # Key prefixes whose items count attempts rather than hold the operation's state.
    ignored: tuple[str, ...] = ()
    # Known leftovers not yet fixed in the app: key shape prefix → why. They are kept out
    # of the comparison and counted instead; a test asserts they still occur, so the entry
    # is removed once the app is fixed.
    known_leftovers: dict[str, str] = field(default_factory=dict)
    # Positions where any fault is known to break the operation, awaiting a fix outside
    # these tests: (reference calls, position) → why, or None. Their problems are reported
    # as known; a position that stops failing is a problem, so the entry is dropped then.
    known_gap: Callable[[list[Call], int], str | None] | None = None


@dataclass
class Report:
    operation: str
    calls: list[str]
    runs: int = 0
    completed: int = 0
    refused: int = 0
    problems: list[str] = field(default_factory=list)
    coverage: dict[str, int] = field(default_factory=dict)
    known_leftovers: int = 0
    known_gaps: list[str] = field(default_factory=list)


# Every operation's report, for the coverage table printed at the end of the session.
REPORTS: list[Report] = []


READS = {"GetItem", "Query", "BatchGetItem"}


def reads_after_the_write(why: str) -> Callable[[list[Call], int], str | None]:
    """A known gap at every read that follows the operation's transaction."""

    def gap(calls: list[Call], position: int) -> str | None:
        writes = [i for i, c in enumerate(calls) if c.operation == "TransactWriteItems"]
        return why if writes and position > writes[-1] and calls[position].operation in READS else None

    return gap


def at_call(name: str, why: str) -> Callable[[list[Call], int], str | None]:
    """A known gap at every call of one kind (service.Operation)."""
    return lambda calls, position: why if calls[position].name == name else None


def either(*gaps: Callable[[list[Call], int], str | None]) -> Callable[[list[Call], int], str | None]:
    return lambda calls, position: next((why for gap in gaps if (why := gap(calls, position))), None)


def _unsettled(changed: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """`changed` with each idempotency record as it stands once its result is stored."""
    return [(*c[:3], tuple(sorted({*c[3], "data"}))) if c[0] == "idempotency" and c[2] == "created" else c
            for c in changed]


def _error_shape_problems(response: Any) -> list[str]:
    problems = []
    body = response.json_body if isinstance(response.json_body, dict) else {}
    if set(body) != ERROR_FIELDS:
        problems.append(f"error body {body!r} is not {sorted(ERROR_FIELDS)}")
    elif body["correlation_id"] != response.headers.get("X-Correlation-Id"):
        problems.append("correlation_id differs from X-Correlation-Id")
    retry_after = response.headers.get("Retry-After", "")
    if not retry_after.isdigit():
        problems.append(f"Retry-After is {retry_after!r}")
    return problems


def _describe(response: Any) -> str:
    body = response.json_body if isinstance(response.json_body, dict) else response.body
    return f"{response.status_code} {body}"


class Exerciser:
    """Runs operations through an Injector and judges what each run answered and changed."""

    def __init__(self, injector: Injector, stores: dict[str, str]):
        self.injector = injector
        self.stores = stores

    def effect_of(self, operation: Operation, report: Report | None = None) -> list[tuple[Any, ...]]:
        changed = effect(self.injector.watch.changes(), self.stores, operation.ignored) + [
            ("message", name) for name in sorted(self.injector.watch.messages)]
        known = [c for c in changed if any(str(c[1]).startswith(p) for p in operation.known_leftovers)]
        if report is not None and known:
            report.known_leftovers += 1
        return [c for c in changed if c not in known]

    def prepared(self, operation: Operation, target: Target | None = None) -> Any:
        from chalicelib.workdays.service import reset_calendar_cache

        self.injector.start()
        context = operation.prepare()
        # The calendar is the one read the app caches between requests; each run starts
        # cold, so that read is among the calls faulted too.
        reset_calendar_cache()
        self.injector.start(target)
        return context

    def record(self, operation: Operation) -> tuple[list[Call], list[tuple[Any, ...]], Any]:
        # A first run creates what every later run only updates (the window of a rate
        # limit, say), so the run recorded as the reference is the second.
        operation.send(self.prepared(operation))
        context = self.prepared(operation)
        response = operation.send(context)
        assert response.status_code == operation.status, f"{operation.name} without faults: {_describe(response)}"
        return list(self.injector.calls), self.effect_of(operation), response

    def run(self, operation: Operation, faults: Callable[[Call, int], list[Fault]] | None = None) -> Report:
        """Every fault `faults` gives for each position (by default: faults_for)."""
        calls, baseline, _ = self.record(operation)
        assert baseline, f"{operation.name} changed nothing without faults; the state check would prove nothing"
        report = Report(operation.name, [c.name for c in calls])
        for position, call in enumerate(calls):
            gap = operation.known_gap(calls, position) if operation.known_gap else None
            chosen = faults(call, position) if faults else faults_for(call, position, EVERY_FAULT)
            for fault in chosen:
                where = f"{operation.name}: {fault.name} at call {position} ({call.name})"
                answer, state = self.run_one(operation, position, call, fault, baseline, report)
                report.problems += [f"{where}: {p}" for p in answer]
                if gap is None:
                    report.problems += [f"{where}: {p}" for p in state]
                elif state:
                    report.known_gaps.append(f"{where}: {gap}")
                elif not answer:
                    report.problems.append(f"{where}: the known gap ({gap}) no longer shows; drop it")
        REPORTS.append(report)
        return report

    def run_one(self, operation: Operation, position: int, call: Call, fault: Fault,
                baseline: list[tuple[Any, ...]], report: Report) -> tuple[list[str], list[str]]:
        """Problems with the answer to the faulted request (never excused by a known gap),
        and problems with the state it and its retry left."""
        context = self.prepared(operation, outage_from(position, fault))
        first = operation.send(context)
        report.runs += 1
        report.coverage[fault.name] = report.coverage.get(fault.name, 0) + 1
        seen = self.injector.calls
        if len(seen) <= position or seen[position].name != call.name:
            return [f"the calls went another way: {[c.name for c in seen]}"], []
        if not self.injector.fired:
            return ["the fault never reached the wire"], []
        answer: list[str] = []
        state: list[str] = []
        completed = first.status_code == operation.status
        if completed:
            report.completed += 1
            changed = self.effect_of(operation, report)
            # The last call of a keyed request stores its result on the idempotency record;
            # when every try at it fails, the request is still the success it was, and the
            # record stays in progress until the retry (checked below) settles it.
            if operation.keyed and _unsettled(changed) == baseline:
                changed = baseline
            if changed != baseline:
                state.append(f"answered {first.status_code} but changed {changed}, not {baseline}")
        elif first.status_code in RETRYABLE:
            report.refused += 1
            answer += _error_shape_problems(first)
            changed = self.effect_of(operation, report)
            if changed:
                state.append(f"refused with {first.status_code} yet left {changed}")
        else:
            return [f"answered {_describe(first)}, neither retryable nor a success"], []
        if completed and not operation.keyed:
            return answer, state
        self.injector.again()
        second = operation.send(context)
        if second.status_code != operation.status:
            return answer, state + [f"the retry answered {_describe(second)}"]
        if completed and second.json_body != first.json_body:
            state.append("the retry with the same Idempotency-Key answered differently")
        together = self.effect_of(operation)
        if together != baseline:
            state.append(f"the request and its retry changed {together}, not once {baseline}")
        return answer, state
