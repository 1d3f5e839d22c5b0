"""What Lambda's SQS event source does in AWS, for the local stack: long-poll a queue (the
publications', the tallies') and hand each message to the app's queue handler, deleting it
only once handled.

A message whose handling raised stays on the queue and comes back after its visibility
timeout, as in AWS; the embedded AWS applies the same redrive policy to it.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any


def _event(message: dict[str, Any], queue_arn: str) -> dict[str, Any]:
    return {"Records": [{"messageId": message["MessageId"], "receiptHandle": message["ReceiptHandle"],
                         "body": message["Body"], "attributes": message.get("Attributes", {}),
                         "messageAttributes": {}, "eventSource": "aws:sqs", "eventSourceARN": queue_arn}]}


def start_queue_worker(queue_url: str, handler: Any, stop: threading.Event, *, name: str = "publish_requested_month",
                       memory_mb: int = 1024) -> threading.Thread:
    """A daemon thread calling `handler(event, context)` for each message until `stop` is set."""
    thread = threading.Thread(target=run_queue_worker, args=(queue_url, handler, stop, name, memory_mb),
                              name=f"{name}-queue", daemon=True)
    thread.start()
    return thread


def run_queue_worker(queue_url: str, handler: Any, stop: threading.Event, name: str = "publish_requested_month",
                     memory_mb: int = 1024) -> None:
    """The loop itself, in the calling thread (a worker process of its own runs it so)."""
    from chalice.local import LambdaContext

    from chalicelib import aws
    from chalicelib.storage.queues import PUBLISH_TIMEOUT_SECONDS

    sqs = aws.client("sqs")
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    while not stop.is_set():
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=1, WaitTimeSeconds=1,
                                       AttributeNames=["All"]).get("Messages", [])
        for message in messages:
            try:
                context = LambdaContext(name, memory_mb, PUBLISH_TIMEOUT_SECONDS * 1000)
                answer = handler(_event(message, queue_arn), context)
                # A batch handler's partial-failure answer: the failed message stays, as in AWS.
                if isinstance(answer, dict) and answer.get("batchItemFailures"):
                    continue
            except Exception:  # noqa: BLE001 - a failed run is reported and retried, never fatal to the stack
                traceback.print_exc()
                continue
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
