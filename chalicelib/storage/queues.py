"""The publication queue, as plain data shared by the app, the local stack and infra/.

A month asked for through the API is a message here; the function that reads the queue
publishes it (a large month outlasts the 29 s an API request may take). A message that keeps
failing goes to the dead-letter queue after MAX_RECEIVES tries, where an alarm sees it.
"""

from __future__ import annotations

from typing import Any

# The name the app's event source is declared with; infra/ points the event source at the
# queue it creates, whatever that one is called.
PUBLICATIONS_QUEUE = "mulin-publications"
PUBLISH_TIMEOUT_SECONDS = 900
# AWS advises six times the function's timeout, so a message is not handed out again while a
# throttled or retried invocation is still at work on it.
VISIBILITY_TIMEOUT_SECONDS = 6 * PUBLISH_TIMEOUT_SECONDS
MAX_RECEIVES = 3
RETENTION_SECONDS = 4 * 24 * 3600
# A request sends its month's message before it records the month as queued, so the message
# stays out of sight until that request can no longer be writing: longer than an API function
# may run (lambda_timeout in .chalice/config.json, 30 s), with a margin for a write DynamoDB is
# still carrying out. The worker then sees the record as the request left it, or none at all.
MESSAGE_DELAY_SECONDS = 40


# Rounds asked to be counted (voting/tally_jobs.py): the same shape, for the count_round function.
TALLIES_QUEUE = "mulin-tallies"
COUNT_TIMEOUT_SECONDS = 900
TALLY_VISIBILITY_TIMEOUT_SECONDS = 6 * COUNT_TIMEOUT_SECONDS


# Residents' texts (texts/service.py): the notifications topic delivers each message here, raw.
# A batch of ten texts takes seconds; six times the function's 30 s, as AWS advises.
TEXTS_QUEUE = "mulin-texts"
TEXTS_VISIBILITY_TIMEOUT_SECONDS = 6 * 30
# Only what may become a text reaches the queue (the topic's subscription filter).
TEXT_EVENTS = ("reply", "decline", "approve", "reject", "return_for_changes", "return", "cancel")


def create_texts_queue(sqs_client: Any, sns_client: Any, name: str, topic_arn: str) -> str:
    """The queue (with its dead-letter queue), subscribed to the topic for the events texts are sent for."""
    import json

    url = create_queue(sqs_client, name, TEXTS_VISIBILITY_TIMEOUT_SECONDS)
    arn = sqs_client.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns_client.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=arn, Attributes={
        "RawMessageDelivery": "true", "FilterPolicy": json.dumps({"event": list(TEXT_EVENTS)})})
    return url


def create_publications_queue(sqs_client: Any, name: str) -> str:
    """Create the queue and its dead-letter queue; return the queue's URL."""
    return create_queue(sqs_client, name, VISIBILITY_TIMEOUT_SECONDS)


def create_tallies_queue(sqs_client: Any, name: str) -> str:
    return create_queue(sqs_client, name, TALLY_VISIBILITY_TIMEOUT_SECONDS)


def create_queue(sqs_client: Any, name: str, visibility_timeout: int) -> str:
    dead = sqs_client.create_queue(QueueName=f"{name}-failed",
                                   Attributes={"MessageRetentionPeriod": str(14 * 24 * 3600)})["QueueUrl"]
    dead_arn = sqs_client.get_queue_attributes(QueueUrl=dead, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return str(sqs_client.create_queue(QueueName=name, Attributes={
        "VisibilityTimeout": str(visibility_timeout),
        "MessageRetentionPeriod": str(RETENTION_SECONDS),
        "RedrivePolicy": f'{{"deadLetterTargetArn": "{dead_arn}", "maxReceiveCount": "{MAX_RECEIVES}"}}',
    })["QueueUrl"])
