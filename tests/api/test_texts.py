"""Residents hear back by SMS: the sender on the notifications topic (texts/service.py), fed the
topic's messages through a queue subscribed as in AWS (with its filter), texts a decision once,
to whom agreed, within the day's cap, never in the quiet hours, and never says or logs more
than the event and the tracking number. The texts are read from the embedded AWS's outbox."""

from __future__ import annotations

import json
import logging
import random
import time
import uuid

import boto3
import pytest

from local_stack.outbox import messages
from tests.api.helpers import get, put
from tests.api.suggestion_helpers import act, submit

CONTENT_WORDS = ("盲道", "控江路", "视障")


def _phone() -> str:
    return f"+86137{random.randrange(10**8):08d}"


@pytest.fixture
def texts_queue(api_env):
    """The notifications topic's texts queue, made as the local stack and infra make it."""
    from chalicelib.storage.queues import create_texts_queue

    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=api_env.region)
    sqs = session.client("sqs", endpoint_url=api_env.aws_endpoint_url)
    sns = session.client("sns", endpoint_url=api_env.aws_endpoint_url)
    url = create_texts_queue(sqs, sns, f"texts-test-{time.monotonic_ns()}", api_env.notifications_topic_arn)
    return sqs, url


def _batch(client, texts_queue, case_id: str):
    """The queue's messages about one case, as Lambda's SQS event hands them to send_texts."""
    sqs, url = texts_queue
    bodies = []
    while True:
        received = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        if not received:
            break
        bodies += [m["Body"] for m in received]
        sqs.delete_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                                                        for i, m in enumerate(received)])
    mine = [b for b in bodies if json.loads(b)["subject_id"] == case_id]
    event = client.events.generate_sqs_event(mine, "mulin-texts")
    for record in event["Records"]:
        record["messageId"] = str(uuid.uuid4())  # SQS gives each message its own id
    return event, mine


def _send(client, event):
    answer = client.lambda_.invoke("send_texts", event).payload
    assert answer == {"batchItemFailures": []}, answer


def _texts_to(stack, phone: str) -> list[str]:
    return [m["message"] for m in messages(stack.sms_outbox, phone) if m["kind"] == "notification"]


def _paper_case(client, accounts, phone: str, **overrides) -> str:
    return submit(client, accounts["street_official"], channel="paper", submitter_phone=phone, **overrides)["id"]


def _reply(client, accounts, case_id: str) -> None:
    street = accounts["street_official"]
    act(client, street, case_id, "accept")
    act(client, street, case_id, "reply", {"message": "盲道已于本周完工。", "adoption": "adopted"})


def test_a_reply_to_a_paper_suggestion_texts_its_phone_once_even_when_the_batch_comes_again(
        client, accounts, api_env, at, texts_queue):
    at("2031-09-02T10:00:00")
    phone = _phone()
    case_id = _paper_case(client, accounts, phone)
    _reply(client, accounts, case_id)
    event, bodies = _batch(client, texts_queue, case_id)
    assert [json.loads(b)["event"] for b in bodies] == ["reply"]  # submit and accept never reach the queue
    _send(client, event)
    _send(client, event)  # Lambda hands the same batch out again
    (text,) = _texts_to(api_env, phone)
    tracking_no = json.loads(bodies[0])["tracking_no"]
    assert text.startswith("【睦邻】") and tracking_no in text and "请登录睦邻或致电居委会查询" in text
    assert not any(word in text for word in CONTENT_WORDS)


def test_staff_record_that_the_resident_declined_texts(client, accounts, api_env, at, texts_queue):
    at("2031-09-02T10:00:00")
    phone = _phone()
    case_id = _paper_case(client, accounts, phone, sms_consent=False)
    _reply(client, accounts, case_id)
    _send(client, _batch(client, texts_queue, case_id)[0])
    assert _texts_to(api_env, phone) == []


def test_a_resident_who_opted_out_gets_no_text_and_one_who_opted_in_does(client, accounts, api_env, at, texts_queue):
    at("2031-09-02T11:00:00")
    out, into = accounts["other_resident"], accounts["resident"]
    assert put(client, "/me/texts", out, {"sms": False}).json_body["sms"] is False
    # Entered on paper for the number of an account that said no: the account's choice wins.
    refused = _paper_case(client, accounts, out.phone)
    _reply(client, accounts, refused)
    _send(client, _batch(client, texts_queue, refused)[0])
    assert _texts_to(api_env, out.phone) == []

    assert put(client, "/me/texts", into, {"sms": True}).json_body == {"sms": True, "phone_masked": "139****0000"}
    try:
        own = submit(client, into)["id"]
        _reply(client, accounts, own)
        before = len(_texts_to(api_env, into.phone))
        _send(client, _batch(client, texts_queue, own)[0])
        assert len(_texts_to(api_env, into.phone)) == before + 1
    finally:
        put(client, "/me/texts", into, {"sms": False})


def test_the_quiet_hours_hold_a_text_back_to_0800(client, accounts, api_env, at, texts_queue):
    phone = _phone()
    at("2031-09-03T22:30:00")
    case_id = _paper_case(client, accounts, phone)
    _reply(client, accounts, case_id)
    _send(client, _batch(client, texts_queue, case_id)[0])
    assert _texts_to(api_env, phone) == []
    at("2031-09-04T07:59:00")  # a run before 08:00 (the local stack's ticker) sends nothing yet
    client.lambda_.invoke("send_deferred_texts", client.events.generate_cw_event("aws.events", "Scheduled Event", {}, []))
    assert _texts_to(api_env, phone) == []
    at("2031-09-04T08:00:00")
    totals = client.lambda_.invoke("send_deferred_texts",
                                   client.events.generate_cw_event("aws.events", "Scheduled Event", {}, [])).payload
    assert totals.get("sent", 0) >= 1
    assert len(_texts_to(api_env, phone)) == 1
    client.lambda_.invoke("send_deferred_texts", client.events.generate_cw_event("aws.events", "Scheduled Event", {}, []))
    assert len(_texts_to(api_env, phone)) == 1  # sent items are gone


def test_no_more_than_the_days_cap(client, accounts, api_env, at, texts_queue, monkeypatch):
    from chalicelib.settings import reset_settings

    monkeypatch.setenv("MULIN_SMS_DAILY_CAP", "1")
    reset_settings()
    at("2031-09-05T10:00:00")
    phone = _phone()
    cases = [_paper_case(client, accounts, phone) for _ in range(2)]
    for case_id in cases:
        _reply(client, accounts, case_id)
        _send(client, _batch(client, texts_queue, case_id)[0])
    assert len(_texts_to(api_env, phone)) == 1
    at("2031-09-06T10:00:00")  # a new day
    third = _paper_case(client, accounts, phone)
    _reply(client, accounts, third)
    _send(client, _batch(client, texts_queue, third)[0])
    assert len(_texts_to(api_env, phone)) == 2


def test_no_phone_number_reaches_the_logs(client, accounts, api_env, at, texts_queue, capsys, caplog):
    # Everything the platform logs at INFO, as in production (botocore's DEBUG would echo any request).
    caplog.set_level(logging.INFO)
    at("2031-09-02T12:00:00")
    phone = _phone()
    case_id = _paper_case(client, accounts, phone)
    _reply(client, accounts, case_id)
    event = _batch(client, texts_queue, case_id)[0]
    capsys.readouterr()
    caplog.clear()
    _send(client, event)
    assert len(_texts_to(api_env, phone)) == 1
    captured = capsys.readouterr()
    logged = captured.out + captured.err + caplog.text
    assert "text sent" in logged
    assert phone not in logged and phone[-8:] not in logged and phone[3:7] + "****" not in logged


def test_the_choice_is_a_residents_own_and_refuses_bad_input(client, accounts):
    assert get(client, "/me/texts", accounts["street_official"]).status_code == 403
    assert put(client, "/me/texts", accounts["street_official"], {"sms": True}).status_code == 403
    for body in ({"sms": "yes"}, {}, {"sms": True, "phone": "+8613900000000"}):
        response = put(client, "/me/texts", accounts["resident"], body)
        assert response.status_code == 400, body
        assert response.json_body["code"]


def test_residents_may_not_set_an_entrys_consent(client, accounts):
    from tests.api.helpers import post
    from tests.api.suggestion_helpers import suggestion

    response = post(client, "/suggestions", accounts["resident"], suggestion(sms_consent=True))
    assert response.status_code == 400 or response.status_code == 422
    assert any(d["field"] == "sms_consent" for d in response.json_body["details"])


def test_with_the_quiet_hours_off_a_text_goes_at_night(client, accounts, api_env, at, texts_queue, monkeypatch):
    # The test stacks' setting (tests/local_stack_process.py): they run at any hour and read the outbox at once.
    from chalicelib.settings import reset_settings

    monkeypatch.setenv("MULIN_SMS_QUIET_HOURS", "off")
    reset_settings()
    at("2031-09-07T23:30:00")
    phone = _phone()
    case_id = _paper_case(client, accounts, phone)
    _reply(client, accounts, case_id)
    _send(client, _batch(client, texts_queue, case_id)[0])
    assert len(_texts_to(api_env, phone)) == 1
