"""What Lambda's DynamoDB stream event source does in AWS, for the local stack: read the main
table's stream every second and hand its records, in batches of up to 100 in Lambda's event
shape, to the same handler the deployed function runs (app.count_live).

As in AWS, a batch answering `batchItemFailures` is handed out again from its lowest failed
sequence number (records after it come again too; the handler's marks skip what was counted).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from typing import Any

BATCH_SIZE = 100
INTERVAL_SECONDS = 1.0

Handler = Callable[[dict[str, Any], Any], Any]


def stream_arn(table_name: str) -> str:
    from chalicelib import aws

    return str(aws.client("dynamodb").describe_table(TableName=table_name)["Table"]["LatestStreamArn"])


def lambda_record(record: dict[str, Any], arn: str) -> dict[str, Any]:
    """A GetRecords record as Lambda's event carries it (the creation time in epoch seconds)."""
    stream = dict(record["dynamodb"])
    created = stream.get("ApproximateCreationDateTime")
    if isinstance(created, datetime):
        stream["ApproximateCreationDateTime"] = int(created.timestamp())
    return {**{k: v for k, v in record.items() if k != "dynamodb"}, "dynamodb": stream, "eventSourceARN": arn}


class StreamReader:
    """Positions in each shard of one stream; `read()` returns what came since, in order."""

    def __init__(self, arn: str, start: str = "TRIM_HORIZON") -> None:
        from chalicelib import aws

        self.arn, self.start = arn, start
        self.streams = aws.client("dynamodbstreams")
        self.iterators: dict[str, str] = {}

    def skip_to_end(self) -> StreamReader:
        for shard in self._shards():
            self.iterators[shard] = self.streams.get_shard_iterator(
                StreamArn=self.arn, ShardId=shard, ShardIteratorType="LATEST")["ShardIterator"]
        return self

    def _shards(self) -> list[str]:
        shards = self.streams.describe_stream(StreamArn=self.arn)["StreamDescription"]["Shards"]
        return [shard["ShardId"] for shard in shards]

    def read(self, limit: int = BATCH_SIZE) -> dict[str, list[dict[str, Any]]]:
        """Up to `limit` new records of each shard (shard id → records), positions moved past them."""
        found: dict[str, list[dict[str, Any]]] = {}
        for shard in self._shards():
            if shard not in self.iterators:
                self.iterators[shard] = self.streams.get_shard_iterator(
                    StreamArn=self.arn, ShardId=shard, ShardIteratorType=self.start)["ShardIterator"]
            answer = self.streams.get_records(ShardIterator=self.iterators[shard], Limit=limit)
            self.iterators[shard] = answer["NextShardIterator"]
            if answer["Records"]:
                found[shard] = [lambda_record(record, self.arn) for record in answer["Records"]]
        return found

    def rewind(self, shard: str, sequence: str) -> None:
        """Read `shard` again from `sequence` (a batch's lowest failed record)."""
        self.iterators[shard] = self.streams.get_shard_iterator(
            StreamArn=self.arn, ShardId=shard, ShardIteratorType="AT_SEQUENCE_NUMBER",
            SequenceNumber=sequence)["ShardIterator"]


def poll_once(reader: StreamReader, handler: Handler, context: Any = None) -> int:
    """One pass over every shard: each batch to `handler`; returns how many records were handed."""
    handed = 0
    for shard, records in reader.read().items():
        handed += len(records)
        try:
            answer = handler({"Records": records}, context) or {}
        except Exception:
            # The whole batch failed: as Lambda does, hand it out again.
            reader.rewind(shard, records[0]["dynamodb"]["SequenceNumber"])
            raise
        failed = [int(f["itemIdentifier"]) for f in answer.get("batchItemFailures") or []]
        if failed:
            reader.rewind(shard, str(min(failed)))
    return handed


def start_stream_poller(table_name: str, handler: Handler, stop: threading.Event, *, name: str = "count_live",
                        interval: float = INTERVAL_SECONDS, reader: StreamReader | None = None) -> threading.Thread:
    """A daemon thread polling the table's stream (from its start, or where `reader` stands) until `stop` is set."""
    thread = threading.Thread(target=run_stream_poller, args=(table_name, handler, stop, name, interval, reader),
                              name=f"{name}-stream", daemon=True)
    thread.start()
    return thread


def run_stream_poller(table_name: str, handler: Handler, stop: threading.Event, name: str = "count_live",
                      interval: float = INTERVAL_SECONDS, reader: StreamReader | None = None) -> None:
    from chalice.local import LambdaContext

    reader = reader or StreamReader(stream_arn(table_name))
    while not stop.is_set():
        try:
            # A full batch means more is waiting: read again at once.
            while poll_once(reader, handler, LambdaContext(name, 512, 60_000)) >= BATCH_SIZE and not stop.is_set():
                pass
        except Exception:  # noqa: BLE001 - a failed pass is reported and retried, never fatal to the stack
            traceback.print_exc()
        stop.wait(interval)
