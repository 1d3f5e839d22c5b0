"""Tallying a round as its officials do: ask for the count (202), then hand the queued message to
the tallies queue's function as Lambda's event source would, in this process."""

from __future__ import annotations

import json
import os

from chalicelib import aws
from tests.api.helpers import get, post


def tally_messages(round_id: str) -> list[str]:
    """The bodies of this round's messages on the tallies queue, taken off it; other rounds'
    messages are put back in sight for whoever asked for them."""
    sqs, queue_url = aws.client("sqs"), os.environ["MULIN_TALLIES_QUEUE_URL"]
    mine, others = [], []
    while messages := sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10,
                                          WaitTimeSeconds=0).get("Messages", []):
        for message in messages:
            if json.loads(message["Body"])["round_id"] == round_id:
                mine.append(message["Body"])
                sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
            else:
                others.append(message["ReceiptHandle"])
    for handle in others:
        sqs.change_message_visibility(QueueUrl=queue_url, ReceiptHandle=handle, VisibilityTimeout=0)
    return mine


def deliver_tally(client, *bodies: str, receive_count: int = 1) -> list:
    """What the tallies queue's function returned for these messages."""
    event = client.events.generate_sqs_event(list(bodies), "mulin-tallies")
    for record in event["Records"]:
        record["attributes"]["ApproximateReceiveCount"] = str(receive_count)
    return client.lambda_.invoke("count_round", event).payload


def tally(client, round_id: str, official, body: dict | None = None) -> dict:
    """Ask for the count, run it, and return the published result."""
    asked = post(client, f"/rounds/{round_id}/tally", official, body or {})
    assert asked.status_code == 202, asked.body
    assert asked.json_body["state"] == "queued", asked.json_body
    assert asked.headers["Location"] == f"/rounds/{round_id}/tally"
    bodies = tally_messages(round_id)
    assert len(bodies) == 1, bodies
    deliver_tally(client, *bodies)
    job = get(client, f"/rounds/{round_id}/tally", official)
    assert job.status_code == 200 and job.json_body["state"] == "done", job.body
    result = get(client, f"/rounds/{round_id}/results")
    assert result.status_code == 200, result.body
    return result.json_body
