"""Every status change reaches the resident's inbox and is published to SNS, which in
production an SMS sender subscribes to. The published message names the resident only by
an opaque key: no phone number, no name."""

from __future__ import annotations

import json
import time

import boto3

from tests.api.fund_helpers import all_pages
from tests.api.suggestion_helpers import act, submit


def _queue_on_topic(stack):
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=stack.region)
    sqs = session.client("sqs", endpoint_url=stack.aws_endpoint_url)
    sns = session.client("sns", endpoint_url=stack.aws_endpoint_url)
    queue_url = sqs.create_queue(QueueName=f"sms-sender-{time.monotonic_ns()}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=stack.notifications_topic_arn, Protocol="sqs", Endpoint=arn,
                  Attributes={"RawMessageDelivery": "true"})
    return sqs, queue_url


def _drain(sqs, queue_url):
    bodies = []
    while True:
        received = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
        if not received:
            return bodies
        bodies += [json.loads(m["Body"]) for m in received]
        sqs.delete_message_batch(QueueUrl=queue_url, Entries=[
            {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(received)])


def test_each_step_is_in_the_inbox_and_on_the_topic_without_the_phone_number(client, accounts, stack):
    sqs, queue_url = _queue_on_topic(stack)
    resident, street = accounts["resident"], accounts["street_official"]
    case_id = submit(client, resident)["id"]
    act(client, street, case_id, "accept")
    act(client, street, case_id, "decline", {"reason": "重复"}, expect=409)  # refused: nothing is announced for it

    published = [m for m in _drain(sqs, queue_url) if m["subject_id"] == case_id]
    assert [m["event"] for m in published] == ["submit", "accept"]
    assert all(resident.phone.lstrip("+") not in json.dumps(m) and resident.phone[-8:] not in json.dumps(m)
               for m in published)
    assert len({m["recipient"] for m in published}) == 1

    inbox = all_pages(client, "/notifications/mine?limit=100", resident)
    mine = [n for n in inbox if n["subject_id"] == case_id]
    assert [n["event"] for n in mine] == ["accept", "submit"]  # newest first
    assert "已受理" in mine[0]["text"] and "accepted" in mine[0]["text_en"]


def test_officials_read_their_own_inbox_and_no_residents(client, accounts):
    case_id = submit(client, accounts["resident"])["id"]
    inbox = all_pages(client, "/notifications/mine?limit=100", accounts["street_official"])
    assert not [n for n in inbox if n["subject_id"] == case_id]  # their digest, not the cases' steps
