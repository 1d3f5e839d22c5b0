"""Reading the main table's stream and the live counters in tests (the index's tests build on these)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from chalicelib import clock
from chalicelib.live import repository
from local_stack.stream_poller import StreamReader, start_stream_poller, stream_arn


def reader_at_end(stack) -> StreamReader:
    """A reader that sees only what is written after this call."""
    return StreamReader(stream_arn(stack.table_name)).skip_to_end()


def new_records(reader: StreamReader) -> list[dict[str, Any]]:
    """Every record since the reader's position, in order, in Lambda's shape."""
    found: list[dict[str, Any]] = []
    while batch := [r for records in reader.read().values() for r in records]:
        found += batch
    return found


def today() -> date:
    return clock.utc_now().astimezone(clock.SHANGHAI).date()


def counters_on(division: str, day: date | None = None) -> dict[str, int]:
    day = day or today()
    return repository.read_counters(division, day, day).get(day.isoformat(), {})


def moved(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {name: after.get(name, 0) - before.get(name, 0) for name in set(before) | set(after)
            if after.get(name, 0) != before.get(name, 0)}


@contextmanager
def stream_poller(stack) -> Iterator[None]:
    """The local stack's poller (app.count_live) over what is written from now on."""
    from app import count_live

    stop = threading.Event()
    thread = start_stream_poller(stack.table_name, count_live, stop, interval=0.5, reader=reader_at_end(stack))
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def wait_until(condition: Callable[[], Any], timeout: float = 60.0, every: float = 0.5) -> Any:
    """`condition()`'s first truthy value, polled until `timeout` seconds; fails the test after it."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"not within {timeout} s"
        time.sleep(every)


def wait_for_counters(division: str, before: dict[str, int], expected: dict[str, int],
                      timeout: float = 60.0) -> dict[str, int]:
    """Poll until `division`'s counters today moved from `before` by at least `expected`."""
    def arrived() -> dict[str, int] | None:
        delta = moved(before, counters_on(division))
        return delta if all(delta.get(k, 0) >= v for k, v in expected.items()) else None
    return wait_until(arrived, timeout)
