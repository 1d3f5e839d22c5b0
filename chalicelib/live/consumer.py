"""The main table's stream → live counters: the handler the Lambda and the local poller both call.

Each record is read by the rules (pure; a record they cannot read fails alone). The counted ones are
written in chunks, one transaction each, sent at once: the sum of their increments, aggregated so a
transaction touches each counter item once, and each record's event id added to its own division's
item on the condition that it is not there yet (repository.py). Guarantee: a record's increments are
in the table exactly once, or not at all and it is reported in `batchItemFailures` (Lambda hands it
out again). A record delivered again after its chunk was written (a retried batch, the records after
a failed one) is refused by its id and skipped, so retries never count twice.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType
from aws_lambda_powertools.utilities.batch.exceptions import ExceptionInfo
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord

from chalicelib.errors import ServiceUnavailableError
from chalicelib.live import repository, rules
from chalicelib.live.counters import lineage, shard_count, shard_of
from chalicelib.live.repository import MARKS_PER_ITEM, MAX_ITEMS, CounterKey
from chalicelib.storage.items import from_item

# Transactions in flight at once for one batch (a batch of 100 makes about four), and tries of each.
WRITERS = 4
ATTEMPTS = 3

# A counted record's (division, Shanghai day) pairs: the division and every level above it.
DayKey = tuple[str, str]
# A counted record (as Lambda sent it), its event id, and its increments by division and day.
Counted = tuple[dict[str, Any], str, list[tuple[DayKey, dict[str, int]]]]


def handle(event: dict[str, Any]) -> dict[str, Any]:
    """A DynamoDB stream batch in Lambda's shape; answers the partial-failure response."""
    processor = BatchProcessor(event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)
    with processor(records=list(event.get("Records") or []), handler=_read) as batch:
        counted = [(record, *result) for status, result, record in batch.process()
                   if status == "success" and result is not None]
        made = list(chunks(counted))
        # Chunks are independent (each carries its records' marks): written at once, not in turn.
        with ThreadPoolExecutor(max_workers=min(WRITERS, len(made) or 1)) as writers:
            failures = list(writers.map(_attempt, made, range(len(made))))
        for chunk, failure in zip(made, failures, strict=True):
            for record, _, _ in chunk if failure else ():
                batch.failure_handler(DynamoDBRecord(record), failure)
    return dict(processor.response())


def _read(record: DynamoDBRecord) -> tuple[str, list[tuple[DayKey, dict[str, int]]]] | None:
    raw = record.raw_event.get("dynamodb") or {}
    count = rules.count_of(str(record.raw_event.get("eventName")), _decoded(raw.get("Keys")),
                           _decoded(raw.get("OldImage")) or None, _decoded(raw.get("NewImage")) or None)
    if count is None:
        return None
    return str(record.raw_event["eventID"]), [((division, count.day), count.increments)
                                              for division in lineage(count.division)]


def _decoded(image: dict[str, Any] | None) -> dict[str, Any]:
    # Only what the rules read: a case's whole image would cost more to decode than to count.
    if not image:
        return {}
    return from_item({name: image[name] for name in rules.READ_ATTRIBUTES if name in image})


def chunks(counted: list[Counted]) -> Iterable[list[Counted]]:
    """Consecutive records whose distinct counter items fit one transaction."""
    chunk: list[Counted] = []
    touched: set[tuple[Any, ...]] = set()
    marked: Counter[CounterKey] = Counter()
    for entry in counted:
        mark = _marked_on(entry)
        # A sharded level's own-id item may be another shard than the chunk's: counted apart.
        items = {key for key, _ in entry[2]} | ({mark} if shard_count(mark[0]) > 1 else set())
        more = items - touched
        if chunk and (len(touched) + len(more) > MAX_ITEMS or marked[mark] == MARKS_PER_ITEM):
            yield chunk
            chunk, touched, marked = [], set(), Counter()
            more = items
        chunk.append(entry)
        touched |= more
        marked[mark] += 1
    if chunk:
        yield chunk


def _marked_on(entry: Counted) -> CounterKey:
    """The item that keeps a record's id: its own division's, on the shard of its own event id,
    so that it is the same item whenever the record comes again, whatever chunk it is in."""
    _, event_id, increments = entry
    division, day = increments[0][0]
    return division, day, shard_of(division, event_id)


def _attempt(chunk: list[Counted], position: int) -> ExceptionInfo | None:
    """None once the chunk is written; what stopped it otherwise (after a few tries if retryable)."""
    for attempt in range(ATTEMPTS):
        try:
            _apply(chunk, position)
            return None
        except ServiceUnavailableError:
            # Throttled, or another transaction held one of the items (TransactionConflict).
            if attempt + 1 == ATTEMPTS:
                return sys.exc_info()
            time.sleep(0.05 * 2 ** attempt)
        except Exception:  # noqa: BLE001 - reported as the chunk's records' failure
            return sys.exc_info()
    return None


def _apply(chunk: list[Counted], position: int = 0) -> None:
    pending = chunk
    while pending:
        marks: dict[CounterKey, list[str]] = {}
        for entry in pending:
            marks.setdefault(_marked_on(entry), []).append(entry[1])
        done = repository.apply(_summed(pending, position), marks)
        if not done:
            return
        # Counted before (a retry): without them the rest is written again, in a new transaction.
        pending = [entry for entry in pending if entry[1] not in set(done)]


def _summed(chunk: list[Counted], position: int = 0) -> dict[CounterKey, dict[str, int]]:
    """The chunk's increments per counter item. One shard per division for the whole transaction,
    from its first record's event id: the city is then one item per transaction, not eight, and
    concurrent transactions (other stream shards) mostly pick other shards, so they seldom
    conflict on an item; the batch's own chunks, written at once, take the next shard each
    (`position`). A record may land on another shard when retried; readers sum them."""
    totals: dict[CounterKey, dict[str, int]] = {}
    picked_by = chunk[0][1]
    for _, _, increments in chunk:
        for (division, day), counts in increments:
            shard = (shard_of(division, picked_by) + position) % shard_count(division)
            into = totals.setdefault((division, day, shard), {})
            for name, value in counts.items():
                into[name] = into.get(name, 0) + value
    return totals
