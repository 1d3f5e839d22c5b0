"""What each function really calls stays inside what its role allows (infra/roles.py): every
AWS call the publishers and the authorizer make is recorded as they run, as Lambda would run
them, and checked against the prefixes and partitions their roles name. A call outside them
would be refused in AWS, and only there."""

from __future__ import annotations

from typing import Any

import pytest

from infra.roles import MONTHS_PREFIX, PUBLICATION_PARTITIONS, ROUNDS_PREFIX
from tests.api.suggestion_helpers import submit

# Months of their own, older than every other test's, so that the index's latest month stays theirs.
SCHEDULED_MONTH, REQUESTED_MONTH = "2031-05", "2031-06"
DYNAMODB_WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}


@pytest.fixture
def calls(api_env, monkeypatch) -> list[tuple[str, str, dict[str, Any]]]:
    """(service, operation, parameters) of every call the platform's clients make."""
    from chalicelib import aws

    made: list[tuple[str, str, dict[str, Any]]] = []
    original = aws.client

    def recorded(service: str) -> Any:
        client = original(service)
        if not getattr(client, "_access_recorded", False):
            def record(params: dict[str, Any], model: Any, **_: Any) -> None:
                made.append((service, model.name, params))

            client.meta.events.register("before-parameter-build.*.*", record)
            client._access_recorded = True
        return client

    aws.reset_clients()
    monkeypatch.setattr(aws, "client", recorded)
    yield made
    original.cache_clear()


def tables_of(params: dict[str, Any]) -> set[str]:
    if "TableName" in params:
        return {params["TableName"]}
    return set(params.get("RequestItems", {}))


def keys_written(params: dict[str, Any]) -> list[str]:
    item = params.get("Key") or params.get("Item") or {}
    return [item["PK"]["S"]] if item else ["?"]


def assert_a_publishers_calls(calls, stack) -> None:
    assert calls, "the publisher made no call at all"
    partition = PUBLICATION_PARTITIONS.removesuffix("*")
    for service, operation, params in calls:
        assert service in ("dynamodb", "s3"), (service, operation)  # no secret, no account, no message
        if service == "dynamodb":
            assert tables_of(params) == {stack.table_name}, (operation, params)
            if operation in DYNAMODB_WRITES:
                assert operation in ("PutItem", "UpdateItem", "DeleteItem"), operation
                assert all(k.startswith(partition) for k in keys_written(params)), (operation, params)
        else:
            assert params["Bucket"] == stack.public_bucket, operation
            if operation == "PutObject":
                assert params["Key"].startswith(MONTHS_PREFIX), params["Key"]
            elif operation == "GetObject":
                assert params["Key"].startswith((MONTHS_PREFIX, ROUNDS_PREFIX)), params["Key"]
            else:
                assert operation == "ListObjectsV2", operation


def test_the_scheduled_publisher_reads_the_table_and_writes_only_its_months(client, accounts, at, calls, api_env):
    at("2031-05-12T10:00:00")
    submit(client, accounts["resident"])
    at("2031-06-01T01:00:00")
    calls.clear()
    event = client.events.generate_cw_event("aws.events", "Scheduled Event", {}, [])
    event["time"] = "2031-05-31T17:00:00Z"
    assert client.lambda_.invoke("publish_last_month", event).payload["month"] == SCHEDULED_MONTH
    assert_a_publishers_calls(calls, api_env)
    assert any(op == "PutObject" and p["Key"] == f"{MONTHS_PREFIX}{SCHEDULED_MONTH}/manifest.json"
               for _, op, p in calls)


def test_the_queue_reader_reads_the_table_and_writes_only_its_months(client, at, calls, api_env):
    at("2031-07-01T01:00:00")
    event = client.events.generate_sqs_event([f'{{"month": "{REQUESTED_MONTH}"}}'], "mulin-publications")
    client.lambda_.invoke("publish_requested_month", event)
    assert_a_publishers_calls(calls, api_env)
    assert any(op == "PutObject" and p["Key"].startswith(f"{MONTHS_PREFIX}{REQUESTED_MONTH}/") for _, op, p in calls)


def test_the_authorizer_verifies_a_token_without_any_aws_call(client, accounts, calls):
    from chalicelib.web.authorizer import admitted

    for name in ("resident", "street_official"):
        assert admitted(accounts[name].token) is not None
    assert admitted("not-a-token") is None
    assert calls == []


def test_the_digest_reads_the_table_and_writes_only_inboxes_and_markers(client, accounts, at, calls, api_env):
    from chalice.local import LambdaContext

    from app import send_officials_digest
    from infra.roles import DIGEST_PARTITIONS
    from tests.api.staff_helpers import create

    at("2031-05-12T10:00:00")
    create(client, accounts["district_admin"], "street_official", "310110012")  # in the officials' directory
    submit(client, accounts["resident"])  # that street has something new
    calls.clear()
    event = client.events.generate_cw_event("aws.events", "Scheduled Event", {}, [])
    event["time"] = "2031-05-13T00:30:00Z"  # a Tuesday, 08:30 in Shanghai
    totals = send_officials_digest(event, LambdaContext("send_officials_digest", 1024, max_runtime_ms=900_000))
    assert totals["working_day"] and totals["sent"] >= 1
    partitions = tuple(p.removesuffix("*") for p in DIGEST_PARTITIONS)
    for service, operation, params in calls:
        assert service in ("dynamodb", "sns", "secretsmanager"), (service, operation)
        if service == "dynamodb":
            assert tables_of(params) == {api_env.table_name} or operation == "TransactWriteItems", (operation, params)
            assert operation not in DYNAMODB_WRITES - {"TransactWriteItems"}, operation
            for item in params.get("TransactItems", []):
                (kind, write), = item.items()
                assert kind == "Put" and write["TableName"] == api_env.table_name, item
                assert write["Item"]["PK"]["S"].startswith(partitions), write["Item"]["PK"]
        elif service == "sns":
            assert operation == "PublishBatch" and params["TopicArn"] == api_env.notifications_topic_arn
        else:
            assert operation == "GetSecretValue" and params["SecretId"] == api_env.pii_key_secret_id, params
    assert any(op == "TransactWriteItems" for _, op, _ in calls)


def test_the_counter_reads_the_ballots_and_writes_only_its_rounds_partitions_and_files(client, accounts, at, calls,
                                                                                      api_env):
    from infra.roles import COUNTER_PARTITIONS, COUNTER_WRITE_ACTIONS, READ_ACTIONS
    from tests.api.helpers import post
    from tests.api.tally_helpers import deliver_tally, tally_messages
    from tests.api.test_round_ballots import round_in_voting

    round_id, projects = round_in_voting(client, accounts, at)
    assert post(client, f"/rounds/{round_id}/ballots", accounts["kongjiang_resident"],
                {"picks": projects[:1]}).status_code == 201
    at("2027-03-29T10:00:00")
    assert post(client, f"/rounds/{round_id}/tally", accounts["street_official"], {}).status_code == 202
    (body,) = tally_messages(round_id)
    calls.clear()
    assert deliver_tally(client, body)[0]["ballots"] == 1
    partitions = tuple(p.removesuffix("*") for p in COUNTER_PARTITIONS)
    granted = {a.removeprefix("dynamodb:") for a in (*READ_ACTIONS, *COUNTER_WRITE_ACTIONS)}
    for service, operation, params in calls:
        assert service in ("dynamodb", "s3"), (service, operation)  # no secret, no account, no message
        if service == "s3":
            assert (operation, params["Bucket"]) == ("PutObject", api_env.public_bucket), operation
            assert params["Key"].startswith(ROUNDS_PREFIX), params["Key"]
        elif tables_of(params) == {api_env.ballots_table_name}:
            assert operation == "Query", operation
        elif operation == "TransactWriteItems":
            for item in params["TransactItems"]:
                (kind, write), = item.items()
                assert kind in ("Put", "Update") and write["TableName"] == api_env.table_name, item
                assert keys_written(write)[0].startswith(partitions), write
        else:
            assert tables_of(params) == {api_env.table_name} and operation in granted, (operation, params)
            if operation in DYNAMODB_WRITES:
                assert all(k.startswith(partitions) for k in keys_written(params)), (operation, params)
    assert any(op == "TransactWriteItems" for _, op, _ in calls)


def test_the_live_index_publisher_reads_the_table_and_writes_only_weekly_rollups_and_its_files(client, calls, api_env):
    from chalicelib.live.publish import PREFIX
    from tests.api.test_live_index import seed

    seed("310110012028", {"replies": 5, "replies_on_time": 5})  # 大运盛居委会: any committee with counters
    calls.clear()
    event = client.events.generate_cw_event("aws.events", "Scheduled Event", {}, [])
    assert client.lambda_.invoke("publish_live_index", event).payload["divisions"] >= 4
    assert calls, "the publisher made no call at all"
    for service, operation, params in calls:
        assert service in ("dynamodb", "s3"), (service, operation)
        if service == "dynamodb":
            assert tables_of(params) == {api_env.table_name}, params
            if operation == "PutItem":  # a closed week's rollup, written once and never replaced
                item = params["Item"]
                assert item["PK"]["S"].startswith("LIVE#") and item["SK"]["S"].startswith("WEEK#"), item
                assert "attribute_not_exists" in params["ConditionExpression"], params
            else:
                assert operation in ("GetItem", "BatchGetItem", "Query"), operation
        else:
            assert operation == "PutObject" and params["Bucket"] == api_env.public_bucket, operation
            assert params["Key"].startswith(PREFIX), params["Key"]
    assert any(p.get("Key") == f"{PREFIX}city.json" for _, _, p in calls)


def a_texts_queue(stack):
    """A queue on the notifications topic, as tests/api/test_texts.py makes one, outside the recording."""
    import time

    import boto3

    from chalicelib.storage.queues import create_texts_queue

    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=stack.region)
    sqs = session.client("sqs", endpoint_url=stack.aws_endpoint_url)
    sns = session.client("sns", endpoint_url=stack.aws_endpoint_url)
    return sqs, create_texts_queue(sqs, sns, f"texts-access-{time.monotonic_ns()}", stack.notifications_topic_arn)


def batches_by_case(client, texts_queue, case_ids) -> dict[str, dict[str, Any]]:
    """The queue drained once, each case's messages as Lambda's SQS event hands them to send_texts."""
    import json
    import uuid

    sqs, url = texts_queue
    bodies: list[str] = []
    while received := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        bodies += [m["Body"] for m in received]
        sqs.delete_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                                                        for i, m in enumerate(received)])
    events = {}
    for case_id in case_ids:
        events[case_id] = client.events.generate_sqs_event(
            [b for b in bodies if json.loads(b)["subject_id"] == case_id], "mulin-texts")
        for record in events[case_id]["Records"]:
            record["messageId"] = str(uuid.uuid4())
    return events


def assert_a_texters_calls(calls, stack) -> None:
    """SendTexts and SendDeferredTexts (infra/roles.py _texter): the main table's items read (no
    index), writes only in the texts' partitions, the idempotency table's records, the residents'
    pool looked up, and SMS to a phone number, never to a topic. Lambda's event source, not the
    function, receives and deletes the queue's messages."""
    from infra.roles import IDEMPOTENCY_ACTIONS, READ_ACTIONS, TEXT_PARTITIONS

    assert calls, "the sender made no call at all"
    partitions = tuple(p.removesuffix("*") for p in TEXT_PARTITIONS)
    reads = {a.removeprefix("dynamodb:") for a in READ_ACTIONS}
    writes = {"PutItem", "UpdateItem", "DeleteItem"}
    idempotency = {a.removeprefix("dynamodb:") for a in IDEMPOTENCY_ACTIONS}

    def granted_on_table(operation: str, params: dict[str, Any]) -> None:
        assert "IndexName" not in params, (operation, params)  # the role names the table, not its indexes
        if tables_of(params) == {stack.idempotency_table_name}:
            assert operation in idempotency, (operation, params)
            return
        assert tables_of(params) == {stack.table_name}, (operation, params)
        assert operation in reads | writes, (operation, params)
        if operation in writes:
            assert all(k.startswith(partitions) for k in keys_written(params)), (operation, params)

    for service, operation, params in calls:
        assert service in ("dynamodb", "cognito-idp", "sns"), (service, operation)  # no secret, no queue, no bucket
        if service == "dynamodb" and operation == "TransactWriteItems":
            # IAM authorises each item of a transaction as its own action.
            for item in params["TransactItems"]:
                (kind, write), = item.items()
                granted_on_table({"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem"}.get(kind, kind),
                                 write)
        elif service == "dynamodb":
            granted_on_table(operation, params)
        elif service == "cognito-idp":
            assert (operation, params["UserPoolId"]) == ("ListUsers", stack.user_pool_id), (operation, params)
        else:
            assert operation == "Publish" and params.get("PhoneNumber"), (operation, params)
            assert not params.get("TopicArn") and not params.get("TargetArn"), params


def test_the_texter_reads_a_choice_and_a_case_and_writes_only_its_counts(client, accounts, at, calls, api_env):
    from tests.api.helpers import put
    from tests.api.test_texts import _paper_case, _phone, _reply, _send, _texts_to

    texts_queue = a_texts_queue(api_env)
    at("2031-09-09T10:00:00")
    phone, resident = _phone(), accounts["resident"]
    paper = _paper_case(client, accounts, phone)
    _reply(client, accounts, paper)
    assert put(client, "/me/texts", resident, {"sms": True}).status_code == 200
    try:
        own = submit(client, resident)["id"]  # texted at the verified number the pool holds
        _reply(client, accounts, own)
        before = len(_texts_to(api_env, resident.phone))
        events = batches_by_case(client, texts_queue, (paper, own))
        for case_id in (paper, own):
            event = events[case_id]
            calls.clear()
            _send(client, event)
            assert_a_texters_calls(calls, api_env)
            assert any(op == "Publish" for _, op, _ in calls)
        assert any(op == "ListUsers" for _, op, _ in calls)
        assert len(_texts_to(api_env, phone)) == 1 and len(_texts_to(api_env, resident.phone)) == before + 1
    finally:
        put(client, "/me/texts", resident, {"sms": False})


def test_the_deferred_texter_queries_and_drops_only_the_texts_held_back(client, accounts, at, calls, api_env):
    from tests.api.test_texts import _batch, _paper_case, _phone, _reply, _send, _texts_to

    texts_queue = a_texts_queue(api_env)
    at("2031-09-10T22:30:00")
    phone = _phone()
    case_id = _paper_case(client, accounts, phone)
    _reply(client, accounts, case_id)
    event = _batch(client, texts_queue, case_id)[0]
    calls.clear()
    _send(client, event)  # the quiet hours: held back
    assert_a_texters_calls(calls, api_env)
    assert _texts_to(api_env, phone) == []
    at("2031-09-11T08:00:00")
    calls.clear()
    scheduled = client.events.generate_cw_event("aws.events", "Scheduled Event", {}, [])
    assert client.lambda_.invoke("send_deferred_texts", scheduled).payload.get("sent", 0) >= 1
    assert_a_texters_calls(calls, api_env)
    assert any(op == "Query" for _, op, _ in calls) and any(op == "Publish" for _, op, _ in calls)
    assert len(_texts_to(api_env, phone)) == 1
