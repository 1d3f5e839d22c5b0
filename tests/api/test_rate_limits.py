"""Per-identity limits at their real values (the suite raises them for every other test):
the request past the limit gets 429 with Retry-After and the error shape, changes nothing,
and the next window lets the person in again."""

from __future__ import annotations

import uuid

import pytest
from chalice.local import LambdaEventConverter

from chalicelib import ratelimit
from tests.api.suggestion_helpers import get, post, suggestion
from tests.api.tally_helpers import tally
from tests.api.test_round_ballots import round_in_voting

ERROR_SHAPE = {"code", "message", "details", "correlation_id"}



@pytest.fixture
def from_address(monkeypatch):
    """Requests from a network address no other test has used."""
    return new_address(monkeypatch)


def new_address(monkeypatch) -> str:
    address = f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"
    monkeypatch.setattr(LambdaEventConverter, "LOCAL_SOURCE_IP", address)
    return address


def assert_limited(response, retry_after: int, says: str = "", says_zh: str = "") -> None:
    assert response.status_code == 429, response.body
    assert set(response.json_body) == ERROR_SHAPE
    assert response.json_body["code"] == "too_many_requests"
    assert response.headers["Retry-After"] == str(retry_after)
    # What was counted and when to come back, in words a resident reads, in both languages.
    assert says in response.json_body["message"] and says_zh in response.json_body["message"], response.json_body


def send(client, account, title: str, key: str | None = None):
    return post(client, "/suggestions", account, suggestion(title=title), {"Idempotency-Key": key or str(uuid.uuid4())})


def my_titles(client, account) -> set[str]:
    titles, cursor = set(), None
    while True:
        page = get(client, "/suggestions/mine" + (f"?cursor={cursor}" if cursor else ""), account).json_body
        titles |= {item["title"] for item in page["items"]}
        cursor = page.get("next_cursor")
        if not cursor:
            return titles


def test_a_resident_is_held_to_ten_suggestions_an_hour(real_limits, accounts, at):
    client, resident = real_limits, accounts["resident"]
    at("2027-06-08T10:20:00")
    run = uuid.uuid4().hex[:6]
    first_key = str(uuid.uuid4())
    receipts = [send(client, resident, f"限流{run}第{n}条", first_key if n == 0 else None) for n in range(10)]
    assert [r.status_code for r in receipts] == [201] * 10

    over = send(client, resident, f"限流{run}超出")
    assert_limited(over, retry_after=40 * 60, says="Too many suggestions: the limit is 10 an hour per resident; "
                   "try again in 40 min.", says_zh="提交建议过于频繁（每小时最多10次），请40分钟后再试。")
    assert f"限流{run}超出" not in my_titles(client, resident)
    # A retry of a suggestion already sent is answered from its record and costs nothing.
    again = send(client, resident, f"限流{run}第0条", first_key)
    assert again.status_code == 201
    assert again.json_body["tracking_no"] == receipts[0].json_body["tracking_no"]

    at("2027-06-08T11:00:00")
    assert send(client, resident, f"限流{run}下一小时").status_code == 201


def test_staff_typing_in_paper_forms_are_not_held_to_a_residents_limit(real_limits, accounts, at):
    client, staff = real_limits, accounts["committee_staff"]
    at("2027-06-09T15:00:00")
    body = suggestion(channel="paper", submitter_phone="+8613912345678")
    statuses = [post(client, "/suggestions", staff, body, {"Idempotency-Key": str(uuid.uuid4())}).status_code
                for _ in range(ratelimit.RESIDENT_SUGGESTIONS.allowed + 1)]
    assert statuses == [201] * (ratelimit.RESIDENT_SUGGESTIONS.allowed + 1)


def counted(stack, limit: ratelimit.Limit, identity: str) -> list[int]:
    """What each window of `identity`'s counter for `limit` holds, as stored."""
    from chalicelib.privacy import keyed_digest
    from local_stack.provision import clients

    dynamodb = clients(stack.aws_endpoint_url, stack.region)["dynamodb"]
    partition = f"LIMIT#{limit.name}#{keyed_digest('rate-limit', identity)}"
    items = dynamodb.query(TableName=stack.table_name, KeyConditionExpression="PK = :pk",
                           ExpressionAttributeValues={":pk": {"S": partition}}, ConsistentRead=True)["Items"]
    return [int(i["used"]["N"]) for i in sorted(items, key=lambda i: i["SK"]["S"])]


def test_a_voter_may_change_a_ballot_only_so_often_a_day_and_the_last_accepted_counts(real_limits, accounts, at, stack):
    client = real_limits
    round_id, (a, b, c) = round_in_voting(client, accounts, at, allow_ballot_change=True)
    voter, ballots = accounts["kongjiang_resident"], f"/rounds/{round_id}/ballots"
    at("2027-03-27T10:00:00")  # 02:00 UTC: the day's window closes 14 hours later
    before = counted(stack, ratelimit.BALLOTS, voter.user_id)
    first = post(client, ballots, voter, {"picks": [a]})
    assert first.status_code == 201, first.body
    # A first ballot is one per voter by its voter record: it is not counted.
    assert counted(stack, ratelimit.BALLOTS, voter.user_id) == before
    receipt = first.json_body
    for n in range(ratelimit.BALLOTS.allowed):
        changed = post(client, ballots, voter, {"picks": [b if n % 2 else c], "replaces": {
            "receipt": receipt["receipt"], "change_code": receipt["change_code"]}})
        assert changed.status_code == 201, changed.body
        receipt = changed.json_body
    last_accepted = b if (ratelimit.BALLOTS.allowed - 1) % 2 else c

    over = post(client, ballots, voter, {"picks": [a], "replaces": {
        "receipt": receipt["receipt"], "change_code": receipt["change_code"]}})
    assert_limited(over, retry_after=14 * 3600, says="Too many ballot changes: the limit is 20 a day per voter; "
                   "try again in 14 h.", says_zh="改票过于频繁（每天最多20次），请14小时后再试。")

    at("2027-03-29T10:00:00")
    result = tally(client, round_id, accounts["street_official"])
    assert result["ballots"] == 1
    assert {p["id"]: p["score"] for p in result["projects"]} == {a: 0, b: 0, c: 0} | {last_accepted: 1}


def test_wrong_paper_codes_use_up_an_address_allowance_and_the_good_code_survives(
        real_limits, accounts, at, from_address, monkeypatch, stack):
    client, staff = real_limits, accounts["committee_staff"]
    round_id, (a, _, _) = round_in_voting(client, accounts, at)
    at("2027-03-20T10:00:00")
    code = post(client, f"/rounds/{round_id}/codes", staff, {"count": 1}).json_body["codes"][0]
    at("2027-03-26T10:03:00")
    by_code = f"/rounds/{round_id}/code-ballots"

    def send(body: str):
        return client.http.post(by_code, headers={"Content-Type": "application/json"}, body=body.encode())

    guesses = [send(f'{{"picks":["{a}"],"code":"ZZZZ-ZZZZ-{n:04d}"}}') for n in range(ratelimit.CODE_BALLOTS.allowed)]
    assert {g.status_code for g in guesses} == {422}
    assert_limited(send(f'{{"picks":["{a}"],"code":"ZZZZ-ZZZZ-9999"}}'), retry_after=7 * 60)

    good = f'{{"picks":["{a}"],"code":"{code}"}}'
    assert_limited(send(good), retry_after=7 * 60, says="the limit is 30 per 10 minutes per address; try again in 7 min.",
                   says_zh="投票码尝试过于频繁（每10分钟最多30次），请7分钟后再试。")
    # Refused before the code was tried: neither stored nor counted again.
    assert counted(stack, ratelimit.CODE_BALLOTS, from_address) == [ratelimit.CODE_BALLOTS.allowed]

    household = new_address(monkeypatch)
    # A ballot that breaks the round's rules is a refused attempt like a wrong code.
    assert send(f'{{"picks":["not-a-project"],"code":"{code}"}}').status_code == 422
    assert counted(stack, ratelimit.CODE_BALLOTS, household) == [1]
    assert send(good).status_code == 201
    assert counted(stack, ratelimit.CODE_BALLOTS, household) == [1]

    # A good code from an address that never sent anything else leaves no counter at all.
    at("2027-03-20T10:00:00")
    another = post(client, f"/rounds/{round_id}/codes", staff, {"count": 1}).json_body["codes"][0]
    at("2027-03-26T10:04:00")
    fresh = new_address(monkeypatch)
    assert send(f'{{"picks":["{a}"],"code":"{another}"}}').status_code == 201
    assert counted(stack, ratelimit.CODE_BALLOTS, fresh) == []


def test_limits_are_kept_under_a_digest_never_under_the_address(real_limits, accounts, at, from_address, stack):
    from chalicelib.privacy import keyed_digest
    from local_stack.provision import clients

    client = real_limits
    at("2027-03-26T11:00:00")
    unknown_round = client.http.post("/rounds/01JZZZZZZZZZZZZZZZZZZZZZZZ/code-ballots",
                                     headers={"Content-Type": "application/json"},
                                     body=b'{"picks":["x"],"code":"AAAA-AAAA-AAAA"}')
    assert unknown_round.status_code == 404
    dynamodb = clients(stack.aws_endpoint_url, stack.region)["dynamodb"]
    partition = f"LIMIT#{ratelimit.CODE_BALLOTS.name}#{keyed_digest('rate-limit', from_address)}"
    items = dynamodb.query(TableName=stack.table_name, KeyConditionExpression="PK = :pk",
                           ExpressionAttributeValues={":pk": {"S": partition}})["Items"]
    # A round that does not exist is a refused attempt like a wrong code: it is counted.
    assert [int(i["used"]["N"]) for i in items] == [1]
    assert from_address not in str(items)
