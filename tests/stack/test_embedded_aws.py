"""The embedded AWS answers DynamoDB as stock moto does, except where it is meant to differ.

local_stack/embedded_aws.py patches moto's DynamoDB in three places: writes are serialised
and a transaction judges every condition before applying anything (and applies plain ADD/SET
updates itself, parsing each expression once); a Query on a key reads
only the partition (or index key) it names; GetItem, Query and BatchGetItem answer with
plain JSON. Each test here sends the same requests to stock moto, in this process, and to
the patched server, in its own, and compares what comes back, so a moto upgrade that breaks
a patch shows here rather than as a strange failure elsewhere.

The deliberate difference is concurrency. Under concurrent transactions stock moto checks and
applies item by item after deep-copying the tables it touches, and a rollback puts back a copy
that may predate another request's commit; the patched server applies each transaction under
one lock, having judged all its conditions first. `test_concurrent_transactions_keep_every_commit`
checks the patched server alone (about 4 s here): run against stock moto's server, the same
test had not finished after 150 s, every retry paying for a copy of the table.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto import mock_aws

from chalicelib.storage.table import TABLE_DEFINITION
from local_stack.moto_server import start_moto_server

REGION = "ap-east-1"
TABLE = "compared"
FILLER_ITEMS = 300


def _client(endpoint_url: str | None = None) -> Any:
    return boto3.client("dynamodb", region_name=REGION, endpoint_url=endpoint_url,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def _fresh_table(client: Any) -> None:
    try:
        client.delete_table(TableName=TABLE)
    except ClientError:
        pass
    client.create_table(TableName=TABLE, **{k: v for k, v in TABLE_DEFINITION.items() if k != "StreamSpecification"})


@pytest.fixture(scope="module")
def patched() -> Iterator[Any]:
    server = start_moto_server()
    try:
        yield _client(server.url)
    finally:
        server.stop()


@pytest.fixture(scope="module")
def stock() -> Iterator[Any]:
    with mock_aws():
        yield _client()


@pytest.fixture
def both(stock, patched) -> tuple[Any, Any]:
    for client in (stock, patched):
        _fresh_table(client)
    return stock, patched


def _answer(call: Any, **request: Any) -> dict[str, Any]:
    """What a caller sees: the response without its metadata, or the error's code."""
    try:
        response = call(**request)
    except ClientError as error:
        reasons = error.response.get("CancellationReasons")
        return {"error": error.response["Error"]["Code"],
                **({"reasons": [r.get("Code") for r in reasons]} if reasons else {})}
    response.pop("ResponseMetadata", None)
    return response


def _same(both: tuple[Any, Any], operation: str, **request: Any) -> dict[str, Any]:
    stock, patched = both
    expected = _answer(getattr(stock, operation), **request)
    assert _answer(getattr(patched, operation), **request) == expected, (operation, request)
    return expected


def _put_both(both: tuple[Any, Any], item: dict[str, Any]) -> None:
    for client in both:
        client.put_item(TableName=TABLE, Item=item)


# ---- transactions: every condition judged first, nothing applied on a failure -------------

def test_a_failed_condition_applies_nothing_of_the_transaction(both):
    _put_both(both, {"PK": {"S": "ROUND#1"}, "SK": {"S": "ROUND"}, "status": {"S": "voting"}})
    _put_both(both, {"PK": {"S": "VOTER#1#a"}, "SK": {"S": "VOTER"}})
    cancelled = _same(both, "transact_write_items", TransactItems=[
        {"ConditionCheck": {"TableName": TABLE, "Key": {"PK": {"S": "ROUND#1"}, "SK": {"S": "ROUND"}},
                            "ConditionExpression": "#s = :v", "ExpressionAttributeNames": {"#s": "status"},
                            "ExpressionAttributeValues": {":v": {"S": "voting"}}}},
        {"Put": {"TableName": TABLE, "Item": {"PK": {"S": "BALLOT#1#03"}, "SK": {"S": "B#x"}}}},
        {"Put": {"TableName": TABLE, "Item": {"PK": {"S": "VOTER#1#a"}, "SK": {"S": "VOTER"}},
                 "ConditionExpression": "attribute_not_exists(PK)"}},
    ])
    assert cancelled == {"error": "TransactionCanceledException", "reasons": ["None", "None", "ConditionalCheckFailed"]}
    assert _same(both, "get_item", TableName=TABLE, Key={"PK": {"S": "BALLOT#1#03"}, "SK": {"S": "B#x"}}) == {}


def test_a_passing_transaction_applies_every_operation(both):
    _put_both(both, {"PK": {"S": "POOL#1"}, "SK": {"S": "POOL"}, "left": {"N": "100"}, "version": {"N": "1"}})
    _same(both, "transact_write_items", TransactItems=[
        {"Update": {"TableName": TABLE, "Key": {"PK": {"S": "POOL#1"}, "SK": {"S": "POOL"}},
                    "UpdateExpression": "SET #l = #l - :c, version = version + :one",
                    "ConditionExpression": "#l >= :c AND version = :v",
                    "ExpressionAttributeNames": {"#l": "left"},
                    "ExpressionAttributeValues": {":c": {"N": "40"}, ":v": {"N": "1"}, ":one": {"N": "1"}}}},
        {"Put": {"TableName": TABLE, "Item": {"PK": {"S": "APP#9"}, "SK": {"S": "APP"}, "granted": {"N": "40"}}}},
        {"Delete": {"TableName": TABLE, "Key": {"PK": {"S": "CLAIM#9"}, "SK": {"S": "CLAIM"}}}},
    ])
    pool = _same(both, "get_item", TableName=TABLE, Key={"PK": {"S": "POOL#1"}, "SK": {"S": "POOL"}})
    assert pool["Item"]["left"] == {"N": "60"}


def test_the_same_item_twice_in_one_transaction_is_refused(both):
    key = {"PK": {"S": "X"}, "SK": {"S": "Y"}}
    answer = _same(both, "transact_write_items", TransactItems=[
        {"Put": {"TableName": TABLE, "Item": {**key, "n": {"N": "1"}}}},
        {"Delete": {"TableName": TABLE, "Key": key}},
    ])
    assert answer["error"] == "ValidationException"


def test_a_failed_condition_can_return_the_item_it_found(both):
    item = {"PK": {"S": "CODE#1#d"}, "SK": {"S": "CODE"}, "used": {"BOOL": True}}
    _put_both(both, item)
    stock, patched = both
    request = {"TransactItems": [{"Update": {
        "TableName": TABLE, "Key": {"PK": item["PK"], "SK": item["SK"]}, "UpdateExpression": "SET used = :t",
        "ConditionExpression": "used = :f", "ExpressionAttributeValues": {":t": {"BOOL": True}, ":f": {"BOOL": False}},
        "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}]}
    found = []
    for client in (stock, patched):
        with pytest.raises(ClientError) as raised:
            client.transact_write_items(**request)
        found.append([reason.get("Item") for reason in raised.value.response["CancellationReasons"]])
    assert found[0] == found[1] == [item]


# ---- plain ADD/SET updates in a transaction: applied without moto's expression machinery ----

def _update(key: dict[str, Any], expression: str, values: dict[str, Any], names: dict[str, str] | None = None,
            **more: Any) -> dict[str, Any]:
    return {"Update": {"TableName": TABLE, "Key": key, "UpdateExpression": expression,
                       "ExpressionAttributeValues": values, **({"ExpressionAttributeNames": names} if names else {}),
                       **more}}


def test_plain_updates_in_a_transaction_answer_as_stock_moto_does(both):
    counter = {"PK": {"S": "LIVE#31"}, "SK": {"S": "DAY#2026-03-02#00"}}
    _put_both(both, {"PK": {"S": "LIVE#1"}, "SK": {"S": "DAY"}, "replies": {"N": "2"}, "ids": {"SS": ["a"]},
                     "label": {"S": "x"}})
    existing = {"PK": {"S": "LIVE#1"}, "SK": {"S": "DAY"}}
    for _ in range(2):  # a new item, then the same item again
        _same(both, "transact_write_items", TransactItems=[
            _update(counter, "ADD #c0 :c0, #c1 :c1 SET GSI1PK = :a, GSI1SK = :s",
                    {":c0": {"N": "3"}, ":c1": {"N": "-1.5"}, ":a": {"S": "ACTIVE#1"}, ":s": {"S": "c#d"}},
                    {"#c0": "replies", "#c1": "points"}),
            _update(existing, "add replies :one, #i :ids", {":one": {"N": "1"}, ":ids": {"SS": ["a", "b"]}}, {"#i": "ids"}),
        ])
        for key in (counter, existing):
            _same(both, "get_item", TableName=TABLE, Key=key)
    # What moto refuses, the patched server refuses too, and nothing of the transaction is applied.
    for expression, values, names in (
        ("ADD label :one", {":one": {"N": "1"}}, None),  # a number added to a string
        ("ADD ids :n", {":n": {"NS": ["1"]}}, None),  # a number set added to a string set
        ("SET SK = :v", {":v": {"S": "other"}}, None),  # the table's key
        ("SET GSI1PK = :v", {":v": {"N": "1"}}, None),  # an index key of another type
        ("SET #s = :v", {":v": {"S": "x"}}, {"#s": "size"}),
        ("ADD #r :v SET #r = :v", {":v": {"N": "1"}}, {"#r": "replies"}),  # one attribute twice
    ):
        _same(both, "transact_write_items", TransactItems=[
            _update(counter, "ADD replies :one", {":one": {"N": "1"}}),
            {"Put": {"TableName": TABLE, "Item": {"PK": {"S": "NEW"}, "SK": {"S": "X"}}}},
            _update(existing, expression, values, names)])
        for key in (counter, existing, {"PK": {"S": "NEW"}, "SK": {"S": "X"}}):
            _same(both, "get_item", TableName=TABLE, Key=key)


def test_a_condition_is_judged_with_its_own_values(both):
    """The parsed condition is reused for the same text, names and values only."""
    key = {"PK": {"S": "LIVE#2"}, "SK": {"S": "DAY"}}
    for event_id in ("e1", "e2", "e1", "e3", "e2"):
        _same(both, "transact_write_items", TransactItems=[_update(
            key, "ADD #m :ids, n :one", {":ids": {"SS": [event_id]}, ":m0": {"S": event_id}, ":one": {"N": "1"}},
            {"#m": "applied"}, ConditionExpression="NOT contains(#m, :m0)")])
    assert _same(both, "get_item", TableName=TABLE, Key=key)["Item"]["n"] == {"N": "3"}


def test_a_plain_update_leaves_the_old_image_in_the_stream(patched):
    table = "streamed"
    try:
        patched.delete_table(TableName=table)
    except ClientError:
        pass
    description = patched.create_table(TableName=table, **TABLE_DEFINITION)["TableDescription"]
    key = {"PK": {"S": "LIVE#3"}, "SK": {"S": "DAY"}}
    for value in ("1", "2"):
        patched.transact_write_items(TransactItems=[{"Update": {
            "TableName": table, "Key": key, "UpdateExpression": "ADD n :v, ids :ids",
            "ExpressionAttributeValues": {":v": {"N": value}, ":ids": {"SS": [value]}}}}])
    with pytest.raises(ClientError):  # refused as a whole: no stream record either
        patched.transact_write_items(TransactItems=[
            {"Update": {"TableName": table, "Key": key, "UpdateExpression": "ADD n :v",
                        "ExpressionAttributeValues": {":v": {"N": "1"}}}},
            {"Update": {"TableName": table, "Key": {**key, "SK": {"S": "OTHER"}}, "UpdateExpression": "SET SK = :v",
                        "ExpressionAttributeValues": {":v": {"S": "moved"}}}}])
    streams = boto3.client("dynamodbstreams", region_name=REGION, endpoint_url=patched.meta.endpoint_url,
                           aws_access_key_id="testing", aws_secret_access_key="testing")
    arn = description["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = [r["dynamodb"] for r in streams.get_records(ShardIterator=iterator)["Records"]]
    assert [r.get("OldImage") for r in records] == [None, {**key, "n": {"N": "1"}, "ids": {"SS": ["1"]}}]
    assert records[1]["NewImage"] == {**key, "n": {"N": "3"}, "ids": {"SS": ["1", "2"]}}


def test_concurrent_transactions_keep_every_commit(patched):
    """Eight writers each add their own items to one pool under a version check; whoever
    loses a race retries. Every committed item must still be there at the end and the
    pool's count must equal them: a rollback must never undo a rival's commit."""
    _fresh_table(patched)
    # Stock moto deep-copies the table for each transaction: with a few thousand items the
    # copy is slow enough for rivals to commit in between, which is when a rollback loses them.
    for start in range(0, FILLER_ITEMS, 25):
        patched.batch_write_item(RequestItems={TABLE: [
            {"PutRequest": {"Item": {"PK": {"S": f"FILL#{n % 50}"}, "SK": {"S": f"{n:05d}"}, "pad": {"S": "x" * 200}}}}
            for n in range(start, min(start + 25, FILLER_ITEMS))]})
    pool_key = {"PK": {"S": "POOL#race"}, "SK": {"S": "POOL"}}
    patched.put_item(TableName=TABLE, Item={**pool_key, "count": {"N": "0"}})
    committed: list[str] = []
    lock = threading.Lock()

    def writer(name: str) -> None:
        for n in range(6):
            while True:
                count = int(patched.get_item(TableName=TABLE, Key=pool_key, ConsistentRead=True)["Item"]["count"]["N"])
                try:
                    patched.transact_write_items(TransactItems=[
                        {"Update": {"TableName": TABLE, "Key": pool_key, "UpdateExpression": "SET #c = :new",
                                    "ConditionExpression": "#c = :old", "ExpressionAttributeNames": {"#c": "count"},
                                    "ExpressionAttributeValues": {":old": {"N": str(count)}, ":new": {"N": str(count + 1)}}}},
                        {"Put": {"TableName": TABLE, "Item": {"PK": {"S": "POOL#race"}, "SK": {"S": f"ITEM#{name}#{n}"}},
                                 "ConditionExpression": "attribute_not_exists(PK)"}},
                    ])
                except ClientError as error:
                    assert error.response["Error"]["Code"] == "TransactionCanceledException"
                    continue
                with lock:
                    committed.append(f"ITEM#{name}#{n}")
                break

    threads = [threading.Thread(target=writer, args=(f"w{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = patched.query(TableName=TABLE, KeyConditionExpression="PK = :p AND begins_with(SK, :i)",
                           ExpressionAttributeValues={":p": {"S": "POOL#race"}, ":i": {"S": "ITEM#"}})["Items"]
    pool = patched.get_item(TableName=TABLE, Key=pool_key, ConsistentRead=True)["Item"]
    assert sorted(i["SK"]["S"] for i in stored) == sorted(committed)
    assert len(committed) == 48
    assert pool["count"] == {"N": "48"}


# ---- queries: one partition read, the same answers ----------------------------------------

_ATTRIBUTE_VALUES = st.one_of(
    st.builds(lambda s: {"S": s}, st.text(min_size=1, max_size=6)),
    st.builds(lambda n: {"N": str(n)}, st.integers(-10**6, 10**6) | st.decimals(-1000, 1000, places=2).map(Decimal)),
    st.builds(lambda b: {"BOOL": b}, st.booleans()),
    st.just({"NULL": True}),
    st.builds(lambda xs: {"SS": sorted(set(xs))}, st.lists(st.text(min_size=1, max_size=3), min_size=1, max_size=3)),
    st.builds(lambda b: {"B": b}, st.binary(min_size=1, max_size=4)),
    st.builds(lambda m: {"M": {k: {"S": v} for k, v in m.items()}},
              st.dictionaries(st.sampled_from("abc"), st.text(max_size=3), max_size=2)),
    st.builds(lambda xs: {"L": [{"N": str(x)} for x in xs]}, st.lists(st.integers(0, 9), max_size=3)),
)
_ITEMS = st.lists(
    st.fixed_dictionaries({
        "PK": st.sampled_from(["P#1", "P#2", "P#3"]).map(lambda s: {"S": s}),
        "SK": st.text("abcxyz#0123", min_size=1, max_size=5).map(lambda s: {"S": s}),
        "GSI1PK": st.sampled_from(["G#a", "G#b"]).map(lambda s: {"S": s}),
        "GSI1SK": st.text("0123456789", min_size=1, max_size=3).map(lambda s: {"S": s}),
        "value": _ATTRIBUTE_VALUES,
    }),
    max_size=25,
)
_QUERIES = st.fixed_dictionaries({
    "index": st.booleans(),
    "partition": st.sampled_from(["P#1", "P#2", "P#9", "G#a", "G#b"]),
    "prefix": st.sampled_from(["", "a", "x#", "1", "0"]),
    "forward": st.booleans(),
    "limit": st.none() | st.integers(1, 4),
})


def _query_request(query: dict[str, Any]) -> dict[str, Any]:
    hash_name, range_name = ("GSI1PK", "GSI1SK") if query["index"] else ("PK", "SK")
    condition = "#h = :h" + (" AND begins_with(#r, :r)" if query["prefix"] else "")
    values = {":h": {"S": query["partition"]}, **({":r": {"S": query["prefix"]}} if query["prefix"] else {})}
    request = {"TableName": TABLE, "KeyConditionExpression": condition, "ExpressionAttributeValues": values,
               "ExpressionAttributeNames": {"#h": hash_name, **({"#r": range_name} if query["prefix"] else {})},
               "ScanIndexForward": query["forward"]}
    if query["index"]:
        request["IndexName"] = "GSI1"
    if query["limit"]:
        request["Limit"] = query["limit"]
    return request


def _all_pages(client: Any, request: dict[str, Any]) -> list[dict[str, Any]]:
    pages, start = [], None
    while True:
        page = _answer(client.query, **request, **({"ExclusiveStartKey": start} if start else {}))
        pages.append(page)
        start = page.get("LastEvaluatedKey")
        if not start or len(pages) > 30:
            return pages


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=_ITEMS, queries=st.lists(_QUERIES, min_size=1, max_size=4))
def test_queries_answer_as_stock_moto_does(both, items, queries):
    """Pages, order, index queries, key prefixes, every attribute type: the same answer."""
    stock, patched = both
    for client in both:
        _fresh_table(client)
        for item in items:
            client.put_item(TableName=TABLE, Item=item)
    for query in queries:
        request = _query_request(query)
        assert _all_pages(patched, request) == _all_pages(stock, request), request


def test_reads_of_every_attribute_type_answer_as_stock_moto_does(both):
    item = {"PK": {"S": "T#1"}, "SK": {"S": "ALL"}, "s": {"S": "睦邻"}, "n": {"N": "12.50"}, "big": {"N": "123456789012345678"},
            "b": {"B": b"\x00\xff"}, "bs": {"BS": [b"\x01", b"\x02"]}, "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.5"]},
            "t": {"BOOL": True}, "z": {"NULL": True}, "l": {"L": [{"S": "x"}, {"N": "1"}]},
            "m": {"M": {"inner": {"M": {"deep": {"S": "y"}}}}}}
    _put_both(both, item)
    _put_both(both, {"PK": {"S": "T#1"}, "SK": {"S": "PLAIN"}, "s": {"S": "plain"}})
    key = {"PK": item["PK"], "SK": item["SK"]}
    _same(both, "get_item", TableName=TABLE, Key=key)
    _same(both, "get_item", TableName=TABLE, Key=key, ProjectionExpression="s, m.inner")
    _same(both, "query", TableName=TABLE, KeyConditionExpression="PK = :p",
          ExpressionAttributeValues={":p": {"S": "T#1"}})
    _same(both, "query", TableName=TABLE, KeyConditionExpression="PK = :p", Select="COUNT",
          ExpressionAttributeValues={":p": {"S": "T#1"}})
    _same(both, "query", TableName=TABLE, KeyConditionExpression="PK = :p", FilterExpression="attribute_exists(b)",
          ExpressionAttributeValues={":p": {"S": "T#1"}})
    stock, patched = both
    request = {"RequestItems": {TABLE: {"Keys": [key, {"PK": {"S": "T#1"}, "SK": {"S": "PLAIN"}}]}}}
    answers = [_answer(client.batch_get_item, **request) for client in (stock, patched)]
    # BatchGetItem's order within a table is unspecified, in DynamoDB as in moto.
    for answer in answers:
        answer["Responses"][TABLE].sort(key=lambda i: i["SK"]["S"])
    assert answers[0] == answers[1]
