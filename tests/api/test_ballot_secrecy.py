"""Ballot secrecy (issue 20, item 7): voters and ballots stay out of the main table and its
stream, a ballot's partition and id say nothing of its voter, the published ballot ids share
nothing with receipts, and a voter finds their own ballot only signed in.
"""

from __future__ import annotations

import json

import boto3
import pytest

from chalicelib.storage.keys import ballot_partition, voter_record_key, voting_code_key
from tests.api.suggestion_helpers import get, post
from tests.api.tally_helpers import tally
from tests.api.test_round_ballots import round_in_voting

SHARDS = 16


@pytest.fixture(scope="module")
def dynamodb(stack):
    return boto3.client("dynamodb", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)



def query(dynamodb, table: str, pk: str) -> list[dict]:
    from chalicelib.storage.items import from_item

    items = dynamodb.query(TableName=table, KeyConditionExpression="PK = :pk", ConsistentRead=True,
                           ExpressionAttributeValues={":pk": {"S": pk}})["Items"]
    return [from_item(i) for i in items]


def voter_digest(round_id: str, account) -> str:
    from chalicelib.privacy import keyed_digest

    return keyed_digest(f"voter:{round_id}", f"user:{account.user_id}")


def code_digest(code: str) -> str:
    from chalicelib.privacy import keyed_digest
    from chalicelib.voting.rules import normalise_code

    return keyed_digest("voting-code", normalise_code(code))


def ballots_of(dynamodb, table: str, round_id: str) -> list[dict]:
    return [b for shard in range(SHARDS) for b in query(dynamodb, table, ballot_partition(round_id, shard))]


def published(s3, stack, key: str) -> str:
    return s3.get_object(Bucket=stack.public_bucket, Key=key)["Body"].read().decode("utf-8")


def vote_lines(pb_text: str) -> dict[str, str]:
    """voter id -> the rest of its line, from a .pb file's VOTES section."""
    votes = pb_text.split("\nVOTES\n", 1)[1].splitlines()[1:]
    return dict(line.split(";", 1) for line in votes if line)


class StreamReader:
    """The main table's stream from now on, as a live counter would read it."""

    def __init__(self, stack, dynamodb):
        self.streams = boto3.client("dynamodbstreams", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
        arn = dynamodb.describe_table(TableName=stack.table_name)["Table"]["LatestStreamArn"]
        shards = self.streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
        self.iterators = [self.streams.get_shard_iterator(StreamArn=arn, ShardId=s["ShardId"],
                                                          ShardIteratorType="LATEST")["ShardIterator"] for s in shards]

    def records(self) -> list[dict]:
        found = []
        for position, iterator in enumerate(self.iterators):
            while iterator:
                page = self.streams.get_records(ShardIterator=iterator, Limit=1000)
                found += page["Records"]
                iterator = page.get("NextShardIterator")
                if not page["Records"]:
                    break
            self.iterators[position] = iterator
        return found


def test_a_vote_leaves_nothing_of_voter_or_ballot_in_the_main_table_or_its_stream(client, accounts, at, stack, dynamodb):
    staff = accounts["committee_staff"]
    round_id, (a, b, _) = round_in_voting(client, accounts, at, allow_ballot_change=True)
    at("2027-03-20T10:00:00")
    [code] = post(client, f"/rounds/{round_id}/codes", staff, {"count": 1}).json_body["codes"]
    at("2027-03-22T10:00:00")
    stream = StreamReader(stack, dynamodb)

    voter, roster_voter = accounts["kongjiang_resident"], accounts["other_resident"]
    assert post(client, f"/rounds/{round_id}/roster", staff, {"phones": [roster_voter.phone]}).status_code == 200
    first = post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [a]}).json_body
    changed = post(client, f"/rounds/{round_id}/ballots", voter,
                   {"picks": [b], "replaces": {"receipt": first["receipt"], "change_code": first["change_code"]}})
    assert changed.status_code == 201, changed.body
    assert post(client, f"/rounds/{round_id}/ballots", roster_voter, {"picks": [a, b]}).status_code == 201
    by_code = client.http.post(f"/rounds/{round_id}/code-ballots", headers={"Content-Type": "application/json"},
                               body=json.dumps({"picks": [b], "code": code}))
    assert by_code.status_code == 201, by_code.body

    main, ballots = stack.table_name, stack.ballots_table_name
    voters = [voter_record_key(round_id, voter_digest(round_id, account))["PK"] for account in (voter, roster_voter)]
    for pk in [*voters, voting_code_key(round_id, code_digest(code))["PK"]]:
        assert query(dynamodb, main, pk) == [], pk
        assert len(query(dynamodb, ballots, pk)) == 1, pk
    assert ballots_of(dynamodb, main, round_id) == []
    assert len(ballots_of(dynamodb, ballots, round_id)) == 3

    records = stream.records()
    keys = [r["dynamodb"]["Keys"]["PK"]["S"] for r in records]
    # The reader works: the roster upload is in the main table and came through the stream.
    assert any(k.startswith(f"ROSTER#{round_id}#") for k in keys), keys
    assert not [k for k in keys if k.split("#", 1)[0] in ("VOTER", "BALLOT", "CODE")], keys
    images = json.dumps([r["dynamodb"] for r in records], default=str)
    for kind in ("voter_record", "ballot", "voting_code"):
        assert f'"{kind}"' not in images


def test_a_ballots_partition_is_drawn_not_derived_from_its_voter(client, accounts, at, stack, dynamodb):
    from chalicelib.voting import rules

    round_id, (a, b, _) = round_in_voting(client, accounts, at, allow_ballot_change=True)
    voter = accounts["kongjiang_resident"]
    record_key = voter_record_key(round_id, voter_digest(round_id, voter))["PK"]
    receipt = post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [a]}).json_body
    shards, ids = [], set()
    # One voter in one round, 24 ballots in turn: a shard that followed the voter would be
    # the same each time; drawn, 24 draws from 16 fall on at most 4 shards with
    # probability below 1e-15.
    for n in range(24):
        [record] = query(dynamodb, stack.ballots_table_name, record_key)
        shards.append(int(record["shard"]))
        ids.add(record["ballot"])
        [stored] = query(dynamodb, stack.ballots_table_name, ballot_partition(round_id, int(record["shard"])))
        assert stored["SK"] == f"B#{record['ballot']}"
        # The ballot holds its picks and nothing of its voter, receipt or change code.
        assert set(stored) <= {"PK", "SK", "type", "id", "picks", "points"}
        receipt = post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [a if n % 2 else b], "replaces": {
            "receipt": receipt["receipt"], "change_code": receipt["change_code"]}}).json_body
    assert len(set(shards)) > 4, shards
    assert len(ids) == 24
    assert rules.shard_of(voter_digest(round_id, voter)) in range(SHARDS)  # what it would have been, every time


def test_published_ballot_ids_share_nothing_with_receipts_and_only_the_voter_finds_theirs(
        client, accounts, at, stack, s3):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    round_id, (a, b, c) = round_in_voting(client, accounts, at)
    at("2027-03-20T10:00:00")
    codes = post(client, f"/rounds/{round_id}/codes", staff, {"count": 3}).json_body["codes"]
    at("2027-03-22T10:00:00")
    voter, neighbour = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"]
    mine = f"/rounds/{round_id}/my-ballot"
    assert get(client, mine, voter).json_body == {
        "round_id": round_id, "voted": False, "voted_at": None, "changes": 0, "picks": None, "points": None,
        "published_ballot_id": None, "ballots_file": None}
    receipts = [post(client, f"/rounds/{round_id}/ballots", voter, {"picks": [a, c]}).json_body["receipt"]]
    sheet = "\n".join(f"{code};{pick}" for code, pick in zip(codes, (a, b, c), strict=True))
    report = post(client, f"/rounds/{round_id}/paper-ballots", staff, {"csv": sheet}).json_body
    receipts += [line["receipt"] for line in report["lines"]]
    assert len(receipts) == 4 and all(receipts)

    before = get(client, mine, voter).json_body
    assert before["voted"] and before["voted_at"] == "2027-03-22T02:00:00.000Z"
    assert before["picks"] == [a, c] and before["published_ballot_id"] is None
    # Nobody else is led to it: another resident has no ballot here, officials see none.
    assert get(client, mine, neighbour).json_body["voted"] is False
    for official in ("committee_staff", "street_official", "platform_admin"):
        assert get(client, mine, accounts[official]).status_code == 403
    assert client.http.get(mine).status_code == 401
    assert get(client, "/rounds/01ARZ3NDEKTSV4RRFFQ69G5FAV/my-ballot", voter).status_code == 404

    at("2027-03-29T10:00:00")
    result = tally(client, round_id, street)
    pb_text = published(s3, stack, result["ballots_file"])
    results_text = published(s3, stack, f"rounds/{round_id}/results.json")
    votes = vote_lines(pb_text)
    assert len(votes) == 4
    for receipt in receipts:
        for part in receipt.split("-"):
            assert part not in pb_text and part not in results_text
            assert not any(part in voter_id for voter_id in votes)
    after = get(client, mine, voter).json_body
    assert after["ballots_file"] == result["ballots_file"]
    assert votes[after["published_ballot_id"]] == f"{a},{c}"
    # The neighbour, who did not vote, still finds nothing, after the result as before.
    assert get(client, mine, neighbour).json_body["published_ballot_id"] is None
