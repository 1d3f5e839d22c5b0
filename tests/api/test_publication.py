"""The monthly publication end to end: a month seeded through the API (suggestions, a tallied
round, a fund application), published by the scheduled handler invoked as Lambda would, then
read back from the public bucket and checked against a count made here, independently.

March 2045 belongs to this module alone; April 2045 is the month a failure is injected into;
2048's months are the queue tests' own.
"""

from __future__ import annotations

import hashlib
import json

import boto3
import pytest

from chalicelib.voting import tally
from chalicelib.voting.pabulib import parse
from tests.api import fund_helpers
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE, act, get, post, submit
from tests.api.tally_helpers import tally as tally_round

MONTH = "2045-03"
# 双花居委会: no other test sets its profile, so it has households and no population.
HOUSEHOLDS_ONLY_COMMITTEE = "310110012010"
POPULATION = 4000
# Personal data a resident or an official might type; none of it may ever be published.
PLANTED = {
    "phone": "13912345678",
    "spaced phone": "139 1234 5678",
    "landline": "021-65431234",
    "id number": "310110199001011234",
    "email": "wang.ayi@example.com",
    "plate": "沪A12345",
}
PII_TEXT = ("请联系我 139 1234 5678 或 021-65431234，身份证 310110199001011234，邮箱 wang.ayi@example.com，"
            "车牌沪A12345。")


@pytest.fixture(autouse=True)
def _messages_at_once(monkeypatch):
    """A request holds its message back (MESSAGE_DELAY_SECONDS, in real time, which the
    embedded queue honours); these tests take messages off the queue as soon as they are sent."""
    monkeypatch.setattr("chalicelib.publishing.jobs.MESSAGE_DELAY_SECONDS", 0)



def read(s3, stack, key: str) -> bytes:
    return s3.get_object(Bucket=stack.public_bucket, Key=key)["Body"].read()


def month_files(s3, stack, month: str) -> dict[str, bytes]:
    listed = s3.list_objects_v2(Bucket=stack.public_bucket, Prefix=f"summaries/{month}/")
    prefix = len(f"summaries/{month}/")
    return {o["Key"][prefix:]: read(s3, stack, o["Key"]) for o in listed.get("Contents", [])}


def run_schedule(client, scheduled_at: str):
    event = client.events.generate_cw_event("aws.events", "Scheduled Event", {}, [])
    event["time"] = scheduled_at
    response = client.lambda_.invoke("publish_last_month", event)
    return response.payload


@pytest.fixture(scope="module")
def sqs(stack):
    return boto3.client("sqs", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def queued(sqs, stack) -> list[str]:
    """Bodies of the messages waiting on the publications queue, taken off it."""
    bodies = []
    while messages := sqs.receive_message(QueueUrl=stack.publications_queue_url, MaxNumberOfMessages=10,
                                          WaitTimeSeconds=0).get("Messages", []):
        for message in messages:
            bodies.append(message["Body"])
            sqs.delete_message(QueueUrl=stack.publications_queue_url, ReceiptHandle=message["ReceiptHandle"])
    return bodies


def deliver(client, *bodies: str) -> list:
    """Hand messages to the queue's function as Lambda's event source would; what it returned."""
    return client.lambda_.invoke("publish_requested_month",
                                 client.events.generate_sqs_event(list(bodies), "mulin-publications")).payload


def publish_through_api(client, sqs, stack, admin, month: str) -> dict:
    """Ask for the month as an admin would, then deliver the queued message to the queue's
    function as Lambda's event source would; returns the month's status afterwards."""
    asked = post(client, f"/publications/{month}", admin, {})
    assert asked.status_code == 202, asked.body
    assert asked.json_body["state"] == "queued"
    bodies = queued(sqs, stack)
    assert [json.loads(b) for b in bodies] == [{"month": month, "requested_at": asked.json_body["requested_at"]}]
    deliver(client, *bodies)
    status = get(client, f"/publications/{month}", admin)
    assert status.status_code == 200, status.body
    return status.json_body


def seed_suggestions(client, accounts, at) -> dict:
    resident, street = accounts["resident"], accounts["street_official"]
    at("2045-03-02T10:00:00")
    cases = [submit(client, resident, category="sanitation", publish_consent=(n == 0),
                    title=f"垃圾分类点{n}号需要加盖", content=f"垃圾分类点{n}号气味大，建议加盖。{PII_TEXT}")
             for n in range(5)]
    cases.append(submit(client, resident, category="transport", publish_consent=False, content=f"路口需要红绿灯。{PII_TEXT}"))
    at("2045-03-03T10:00:00")
    for case in cases:
        act(client, street, case["id"], "accept")
    at("2045-03-09T10:00:00")
    adoptions = ["adopted", "adopted", "adopted", "adopted", "partly_adopted", "not_adopted"]
    for case, adoption in zip(cases, adoptions, strict=True):
        body = {"message": "已安排处理，有问题请打 13912345678。", "adoption": adoption}
        if adoption != "adopted":
            body["reason"] = "经费有限，分步实施。"
        act(client, street, case["id"], "reply", body)
    at("2045-03-10T10:00:00")
    scores = [5, 4, 5, 3, 4]
    for case, score in zip(cases, scores, strict=False):
        rated = post(client, f"/suggestions/{case['id']}/rating", resident, {"score": score})
        assert rated.status_code in (200, 201), rated.body
    # 23:30 on 31 March in Shanghai is 15:30 UTC: March. Half past midnight on 1 April is April.
    at("2045-03-31T23:30:00")
    submit(client, resident, category="transport", publish_consent=False)
    at("2045-04-01T00:30:00")
    april = submit(client, resident, category="transport", publish_consent=False)
    return {"cases": cases, "scores": scores, "adoptions": adoptions, "april": april}


def seed_round(client, accounts, at) -> str:
    staff, street = accounts["committee_staff"], accounts["street_official"]
    at("2045-01-02T10:00:00")
    schedule = {
        "proposals": {"starts": "2045-01-05T09:00:00", "ends": "2045-01-10T18:00:00"},
        "review": {"starts": "2045-01-11T09:00:00", "ends": "2045-01-20T18:00:00"},
        "voting": {"starts": "2045-02-01T09:00:00", "ends": "2045-02-10T20:00:00"},
        "results": {"starts": "2045-03-01T09:00:00", "ends": "2045-03-10T18:00:00"},
        "implementation": {"starts": "2045-03-11T09:00:00", "ends": "2045-06-30T18:00:00"},
        "evaluation": {"starts": "2045-07-01T09:00:00", "ends": "2045-07-15T18:00:00"},
    }
    created = post(client, "/rounds", staff, {
        "scope": KONGJIANG_COMMITTEE, "title": "控一小区微更新 2045", "description": "居民提议、投票决定。",
        "budget_fen": 5_000_000, "schedule": schedule, "method": {"kind": "approval", "min_picks": 1, "max_picks": 2},
        "rule": "greedy", "eligibility": {"accounts": True, "roster": False, "paper_codes": False}})
    assert created.status_code == 201, created.body
    round_id = created.json_body["id"]
    at("2045-01-06T10:00:00")
    projects = []
    for title, cost in (("楼道扶手", 3_000_000), ("口袋花园", 2_500_000)):
        proposed = post(client, f"/rounds/{round_id}/proposals", accounts["kongjiang_resident"],
                        {"title": title, "description": f"{title}方案", "estimated_cost_fen": cost})
        assert proposed.status_code == 201, proposed.body
        projects.append((proposed.json_body["id"], cost))
    at("2045-01-12T10:00:00")
    for project, cost in projects:
        reviewed = post(client, f"/rounds/{round_id}/projects/{project}/review", street,
                        {"feasible": True, "final_cost_fen": cost})
        assert reviewed.status_code == 200, reviewed.body
    at("2045-02-02T10:00:00")
    rail, garden = projects[0][0], projects[1][0]
    for voter, picks in (("kongjiang_resident", [rail]), ("kongjiang_neighbour", [rail, garden])):
        assert post(client, f"/rounds/{round_id}/ballots", accounts[voter], {"picks": picks}).status_code == 201
    at("2045-03-02T10:00:00")
    tally_round(client, round_id, street)
    return round_id


def seed_funds(client, accounts, at) -> dict:
    street = accounts["street_official"]
    at("2045-02-20T10:00:00")
    fund_helpers.create_pool(client, street, 2045, 10_000_000)
    ready = fund_helpers.to_approval(client, accounts, at, 2045)
    approved = fund_helpers.act(client, street, ready["id"], "approve", ready["version"])
    return {"approved_fen": approved["approved_fen"]}


def test_the_scheduled_run_publishes_the_month_whole_and_correct(client, accounts, at, s3, sqs, stack):
    admin = accounts["platform_admin"]
    at("2045-02-01T10:00:00")
    profile = client.http.put(f"/divisions/{KONGJIANG_COMMITTEE}/profile", body=json.dumps({"population": POPULATION}),
                              headers={**accounts["district_admin"].headers, "Content-Type": "application/json"})
    assert profile.status_code == 200, profile.body
    seeded = seed_suggestions(client, accounts, at)
    round_id = seed_round(client, accounts, at)
    funds = seed_funds(client, accounts, at)

    # 17:00 UTC on 31 March is 01:00 on 1 April in Shanghai.
    at("2045-04-01T01:00:00")
    outcome = run_schedule(client, "2045-03-31T17:00:00Z")
    assert outcome["month"] == MONTH
    status = get(client, f"/publications/{MONTH}", admin).json_body
    assert status["state"] == "published" and status["manifest"] == f"summaries/{MONTH}/manifest.json", status

    files = month_files(s3, stack, MONTH)
    manifest = json.loads(files.pop("manifest.json"))
    assert {f["name"] for f in manifest["files"]} == set(files)
    for entry in manifest["files"]:
        assert hashlib.sha256(files[entry["name"]]).hexdigest() == entry["sha256"]
        assert len(files[entry["name"]]) == entry["bytes"]
    for name in ("summary.json", "index.html", "suggestions.csv", "rounds.csv", "pools.csv", "mulin_index.csv",
                 "mulin_index_v2.csv", f"rounds/{round_id}.pb", f"rounds/{round_id}.json"):
        assert name in files
    assert json.loads(read(s3, stack, "summaries/latest.json"))["month"] >= MONTH
    assert MONTH in [m["month"] for m in json.loads(read(s3, stack, "summaries/index.json"))["months"]]

    summary = json.loads(files["summary.json"])
    assert summary["schema_version"] == "1.0" and summary["month"] == MONTH
    committee = next(r for r in summary["suggestions"] if r["division"] == KONGJIANG_COMMITTEE)
    # Counted here: 6 on 2 March and the one at 23:30 on 31 March; the one on 1 April is not March's.
    assert committee["received"] == 7
    assert committee["accepted"] == 6 and committee["replied"] == 6
    assert committee["adopted"] == 5  # four adopted, one partly
    assert committee["declined"] == 0
    assert committee["acknowledged_on_time_rate"] == 1.0 and committee["replied_on_time_rate"] == 1.0
    assert committee["adoption_rate"] == round(5 / 6, 4)
    assert committee["ratings"] == 5 and committee["satisfaction_mean"] == sum(seeded["scores"]) / 5
    # 2 March → 9 March (a Thursday to the next Thursday in Shanghai): five working days.
    assert committee["median_working_days_to_reply"] == 5
    # Two transport suggestions are too few to show, and the five on sanitation would give them
    # back (7 − 5), so both are withheld; a distribution with a small score is withheld whole.
    assert committee["by_category"] == {"sanitation": None, "transport": None}
    assert committee["satisfaction_distribution"] == {"1": None, "2": None, "3": None, "4": None, "5": None}
    city = next(r for r in summary["suggestions"] if r["division"] == "31")
    assert city["received"] >= 7

    consented = [a for a in summary["adopted_suggestions"] if a["division"] == KONGJIANG_COMMITTEE]
    assert [a["tracking_no"] for a in consented] == [seeded["cases"][0]["tracking_no"]]
    assert "〔电话〕" in consented[0]["content"] and "〔证件号〕" in consented[0]["content"]

    (round_row,) = [r for r in summary["rounds"] if r["round_id"] == round_id]
    assert round_row["ballots"] == 2 and round_row["turnout"] == round(2 / POPULATION, 4)
    recount = tally.greedy(parse(files[f"rounds/{round_id}.pb"].decode("utf-8")))
    assert sorted(recount.selected) == sorted(p["id"] for p in round_row["projects"] if p["selected"])
    assert recount.total_cost == round_row["total_cost_fen"]

    (pool_row,) = [p for p in summary["pools"] if p["committee"] == KONGJIANG_COMMITTEE and p["year"] == 2045]
    assert pool_row["allocated_fen"] == 10_000_000 and pool_row["committed_fen"] == funds["approved_fen"]
    assert pool_row["use_rate"] == round(funds["approved_fen"] / 10_000_000, 4)
    fund_row = next(r for r in summary["funds"] if r["division"] == KONGJIANG_COMMITTEE)
    assert fund_row["applications_by_status"]["approved"] == 1
    assert fund_row["approved_fen_by_category"] == {"elderly_service": funds["approved_fen"]}

    (score,) = [s for s in summary["mulin_index"]["scores"] if s["division"] == KONGJIANG_COMMITTEE]
    components = score["components"]
    assert components["reply_timeliness"]["value"] == 1.0
    assert components["satisfaction"]["value"] == 4.2
    assert components["adoption"]["value"] == round(5 / 6, 4)
    assert components["fund_use"]["value"] == pool_row["use_rate"]
    # 7 suggestions + 2 ballots + 1 fund application, per 1,000 of 4,000 residents.
    assert components["participation"]["value"] == round(10 / POPULATION * 1000, 4)
    assert score["score"] is not None and summary["mulin_index"]["formula"]["version"] == score["version"]
    # The v2 copy beside it, frozen with its formula and recounted from its published values.
    from chalicelib.live import index as index_v2

    (v2,) = [s for s in summary["mulin_index_v2"]["scores"] if s["division"] == KONGJIANG_COMMITTEE]
    assert v2["version"] == summary["mulin_index_v2"]["formula"]["version"] == "2.1" and v2["score"] is not None
    assert v2["components"]["rl_reply_deadline"]["value"] == 1.0 and v2["components"]["cv_satisfaction"]["value"] == 4.2
    assert index_v2.score({k: c["value"] for k, c in v2["components"].items()}) == {
        k: v2[k] for k in ("score", "components", "dimensions", "version")}

    # Nothing personal in any published byte.
    every_byte = b"".join([*files.values(), read(s3, stack, "summaries/index.json")])
    text = every_byte.decode("utf-8")
    for kind, value in PLANTED.items():
        assert value not in text, kind
    for account in accounts.values():
        assert account.phone not in text and account.phone[-11:] not in text and account.user_id not in text
    assert "王阿姨" not in text  # the fund team lead's name

    # A rerun over the same records writes the same bytes; only the manifest's generated_at may differ.
    at("2045-04-02T09:00:00")
    again = publish_through_api(client, sqs, stack, admin, MONTH)
    assert again["state"] == "published" and again["files"] == len(files)
    rerun = month_files(s3, stack, MONTH)
    rerun_manifest = json.loads(rerun.pop("manifest.json"))
    assert rerun == files
    assert rerun_manifest["files"] == manifest["files"]


def test_a_failure_halfway_leaves_the_previous_month_readable_and_the_next_run_completes(
        client, accounts, at, s3, sqs, stack, monkeypatch):
    from chalicelib.publishing import repository

    admin = accounts["platform_admin"]
    at("2045-05-01T09:00:00")
    assert publish_through_api(client, sqs, stack, admin, "2045-03")["state"] == "published"
    before = read(s3, stack, "summaries/latest.json")
    assert json.loads(before)["month"] == "2045-03"

    at("2045-04-15T10:00:00")
    submit(client, accounts["resident"], category="sanitation", publish_consent=False)
    at("2045-05-01T09:30:00")
    written: list[str] = []
    real_put = repository.put_public_file

    def failing_put(key, body, content_type):
        if len(written) == 6:
            raise RuntimeError("injected: the bucket stopped answering")
        written.append(key)
        real_put(key, body, content_type)

    monkeypatch.setattr(repository, "put_public_file", failing_put)
    with pytest.raises(RuntimeError):
        run_schedule(client, "2045-04-30T17:00:00Z")
    assert read(s3, stack, "summaries/latest.json") == before
    assert "manifest.json" not in month_files(s3, stack, "2045-04")
    failed = get(client, "/publications/2045-04", admin).json_body
    assert failed["state"] == "failed" and failed["error"] == "RuntimeError", failed

    monkeypatch.setattr(repository, "put_public_file", real_put)
    assert run_schedule(client, "2045-04-30T17:00:00Z")["month"] == "2045-04"
    assert json.loads(read(s3, stack, "summaries/latest.json"))["month"] == "2045-04"
    files = month_files(s3, stack, "2045-04")
    manifest = json.loads(files.pop("manifest.json"))
    assert {f["name"]: f["sha256"] for f in manifest["files"]} == {
        name: hashlib.sha256(body).hexdigest() for name, body in files.items()}
    months = [m["month"] for m in json.loads(read(s3, stack, "summaries/index.json"))["months"]]
    assert months.index("2045-04") < months.index("2045-03")  # newest first


@pytest.mark.parametrize(("month", "status", "kind"), [
    ("2045-13", 400, "malformed"), ("45-03", 400, "malformed"), ("2045-3", 400, "malformed"),
    ("2025-12", 422, "before_platform"), ("2045-06", 422, "not_over"), ("2099-01", 422, "not_over"),
])
def test_a_month_that_cannot_be_published_is_refused_and_nothing_is_written(client, accounts, at, s3, stack,
                                                                             month, status, kind):
    at("2045-06-15T10:00:00")
    response = post(client, f"/publications/{month}", accounts["platform_admin"], {})
    assert response.status_code == status, response.body
    assert response.json_body["code"] in ("validation_failed", "rule_violated")
    assert response.json_body["details"][0] == {**response.json_body["details"][0], "field": "month", "type": kind}
    assert month_files(s3, stack, month) == {}


@pytest.mark.parametrize("account", ["resident", "committee_staff", "street_official", "district_admin"])
def test_only_the_platform_publishes(client, accounts, at, account):
    at("2045-06-15T10:00:00")
    assert post(client, "/publications/2045-03", accounts[account], {}).status_code == 403
    assert get(client, "/publications/2045-03", accounts[account]).status_code == 403
    assert client.http.post("/publications/2045-03").status_code == 401


def test_asking_again_while_a_month_waits_queues_it_once_until_the_request_goes_quiet(client, accounts, at, sqs, stack):
    admin = accounts["platform_admin"]
    queued(sqs, stack)
    at("2046-02-03T09:00:00")
    assert get(client, "/publications/2046-01", admin).status_code == 404
    first = post(client, "/publications/2046-01", admin, {})
    at("2046-02-03T09:20:00")
    second = post(client, "/publications/2046-01", admin, {})
    assert first.status_code == second.status_code == 202
    assert second.json_body == first.json_body  # the same request, not a new one
    assert [json.loads(b) for b in queued(sqs, stack)] == [{"month": "2046-01",
                                                            "requested_at": first.json_body["requested_at"]}]

    # Its function died without a word: after twice the longest run, asking again queues it again.
    at("2046-02-03T09:31:00")
    third = post(client, "/publications/2046-01", admin, {})
    assert third.json_body["requested_at"] != first.json_body["requested_at"]
    assert [json.loads(b) for b in queued(sqs, stack)] == [{"month": "2046-01",
                                                            "requested_at": third.json_body["requested_at"]}]
    status = get(client, "/publications/2046-01", admin).json_body
    assert {k: v for k, v in status.items() if v is not None} == {
        "month": "2046-01", "state": "queued", "requested_at": third.json_body["requested_at"]}


def test_the_command_line_backfills_months_with_a_progress_bar(client, at, s3, stack, capsys):
    from chalicelib.publishing.__main__ import main

    at("2045-05-02T10:00:00")
    assert main(["2045-03", "--to", "2045-04"]) == 0
    out = capsys.readouterr()
    assert "2045-03: " in out.out and "2045-04: " in out.out
    assert "2045-03" in out.err and "records" in out.err
    assert json.loads(read(s3, stack, "summaries/2045-04/manifest.json"))["month"] == "2045-04"

    assert main(["2045-13"]) == 2
    assert main(["2045-04", "--to", "2045-06"]) == 2  # June is not over on 2 May
    assert "not over" in capsys.readouterr().err


def test_a_pool_that_did_not_move_still_counts_and_households_stand_in_for_residents(client, accounts, at, s3, sqs,
                                                                                        stack):
    committee, admin = HOUSEHOLDS_ONLY_COMMITTEE, accounts["platform_admin"]
    at("2047-01-05T10:00:00")
    fund_helpers.create_pool(client, accounts["street_official"], 2047, 8_000_000, committee=committee)
    profile = client.http.put(f"/divisions/{committee}/profile", body=json.dumps({"households": 1000}),
                              headers={**accounts["district_admin"].headers, "Content-Type": "application/json"})
    assert profile.status_code == 200, profile.body
    at("2047-02-10T10:00:00")
    for n in range(5):
        submit(client, accounts["resident"], division=committee, title=f"楼道灯不亮{n}")

    at("2047-03-02T10:00:00")
    assert publish_through_api(client, sqs, stack, admin, "2047-02")["state"] == "published"
    summary = json.loads(read(s3, stack, "summaries/2047-02/summary.json"))
    (pool_row,) = [p for p in summary["pools"] if p["committee"] == committee]
    assert (pool_row["year"], pool_row["allocated_fen"], pool_row["use_rate"]) == (2047, 8_000_000, 0.0)
    (score,) = [s for s in summary["mulin_index"]["scores"] if s["division"] == committee]
    assert score["components"]["fund_use"]["value"] == 0.0
    assert score["participation_base"] == "households"
    assert score["components"]["participation"]["value"] == round(5 / 2320 * 1000, 4)


def test_a_scheduled_run_that_died_does_not_block_a_request_for_long(client, accounts, at, sqs, stack):
    from chalicelib.publishing import repository

    admin = accounts["platform_admin"]
    queued(sqs, stack)
    at("2046-04-01T01:00:00")
    repository.put_status("2046-03", {"state": "running", "started_at": "2046-03-31T17:00:00.000Z"})  # then killed
    at("2046-04-01T01:10:00")
    assert post(client, "/publications/2046-03", admin, {}).json_body["state"] == "running"
    assert queued(sqs, stack) == []
    at("2046-04-01T01:31:00")
    asked = post(client, "/publications/2046-03", admin, {}).json_body
    assert asked["state"] == "queued"
    assert [json.loads(b) for b in queued(sqs, stack)] == [{"month": "2046-03", "requested_at": asked["requested_at"]}]


# --- the queue's messages: sent before the month is recorded, dropped when no request stands behind them

QUEUE_CLOCK = "2048-09-02T10:00:00"


def stamped(month: str, requested_at: str) -> str:
    return json.dumps({"month": month, "requested_at": requested_at})


def test_a_message_is_held_back_longer_than_an_api_request_can_run(client, accounts, at, sqs, monkeypatch):
    from pathlib import Path

    from chalicelib.settings import reset_settings
    from chalicelib.storage.queues import MESSAGE_DELAY_SECONDS

    config = json.loads((Path(__file__).parents[2] / ".chalice" / "config.json").read_text(encoding="utf-8"))
    assert all(MESSAGE_DELAY_SECONDS > stage["lambda_timeout"] for stage in config["stages"].values())
    assert MESSAGE_DELAY_SECONDS <= 900  # the most SQS allows

    # A queue of its own: the held-back message would surface in other tests' queue.
    queue_url = sqs.create_queue(QueueName="mulin-api-test-held-back")["QueueUrl"]
    monkeypatch.setenv("MULIN_PUBLICATIONS_QUEUE_URL", queue_url)
    monkeypatch.setattr("chalicelib.publishing.jobs.MESSAGE_DELAY_SECONDS", MESSAGE_DELAY_SECONDS)
    reset_settings()
    try:
        at(QUEUE_CLOCK)
        assert post(client, "/publications/2048-01", accounts["platform_admin"], {}).status_code == 202
        counts = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["All"])["Attributes"]
        assert (counts["ApproximateNumberOfMessagesDelayed"], counts["ApproximateNumberOfMessages"]) == ("1", "0")
    finally:
        sqs.delete_queue(QueueUrl=queue_url)
        reset_settings()


def test_a_send_that_fails_records_nothing_and_asking_again_queues_the_month(client, accounts, at, s3, sqs, stack,
                                                                              monkeypatch):
    from botocore.exceptions import ClientError

    from chalicelib import aws

    admin, month = accounts["platform_admin"], "2048-02"
    queued(sqs, stack)
    at(QUEUE_CLOCK)

    def unavailable(**_):
        raise ClientError({"Error": {"Code": "InternalFailure", "Message": "injected"},
                           "ResponseMetadata": {"HTTPStatusCode": 500}}, "SendMessage")

    with monkeypatch.context() as patch:
        patch.setattr(aws.client("sqs"), "send_message", unavailable)
        refused = post(client, f"/publications/{month}", admin, {})
    assert refused.status_code == 503 and refused.json_body["code"] == "service_unavailable", refused.body
    assert refused.headers["Retry-After"].isdigit()
    assert get(client, f"/publications/{month}", admin).status_code == 404
    assert queued(sqs, stack) == []

    at("2048-09-02T10:00:05")
    again = post(client, f"/publications/{month}", admin, {})
    assert again.status_code == 202 and again.json_body["state"] == "queued", again.body
    bodies = queued(sqs, stack)
    assert bodies == [stamped(month, again.json_body["requested_at"])]
    assert deliver(client, *bodies)[0]["files"] == len(month_files(s3, stack, month)) - 1  # all but the manifest
    assert get(client, f"/publications/{month}", admin).json_body["state"] == "published"


def asked_alone(client, admin, month: str, at, sqs, stack) -> tuple[dict, str]:
    """A request for the month on an emptied queue: its answer and the one message it sent."""
    queued(sqs, stack)
    at(QUEUE_CLOCK)
    asked = post(client, f"/publications/{month}", admin, {}).json_body
    (body,) = queued(sqs, stack)
    return asked, body


def test_a_message_whose_request_was_never_recorded_is_dropped(client, accounts, at, s3, stack):
    at(QUEUE_CLOCK)
    # Its request's record failed after the send, and the request was refused.
    assert deliver(client, stamped("2048-03", "2048-09-02T01:59:00.000Z")) == [{"month": "2048-03", "dropped": True}]
    assert get(client, "/publications/2048-03", accounts["platform_admin"]).status_code == 404
    assert month_files(s3, stack, "2048-03") == {}


def test_only_the_message_of_the_recorded_request_publishes_the_month_and_only_once(client, accounts, at, s3, sqs,
                                                                                     stack):
    admin, month = accounts["platform_admin"], "2048-04"
    asked, body = asked_alone(client, admin, month, at, sqs, stack)

    assert deliver(client, stamped(month, "2048-09-02T01:59:00.000Z")) == [{"month": month, "dropped": True}]
    assert get(client, f"/publications/{month}", admin).json_body == asked
    assert month_files(s3, stack, month) == {}

    assert deliver(client, body)[0]["files"] > 0
    published = get(client, f"/publications/{month}", admin).json_body
    assert published["state"] == "published" and published["requested_at"] == asked["requested_at"]
    # SQS delivers a message at least once; a second delivery of a served request does nothing.
    assert deliver(client, body) == [{"month": month, "dropped": True}]
    assert get(client, f"/publications/{month}", admin).json_body == published


def test_a_message_without_requested_at_is_published_as_asked(client, accounts, at, s3, stack):
    at(QUEUE_CLOCK)
    assert deliver(client, json.dumps({"month": "2048-05"}))[0]["files"] > 0
    assert get(client, "/publications/2048-05", accounts["platform_admin"]).json_body["state"] == "published"
    assert "manifest.json" in month_files(s3, stack, "2048-05")


def test_a_request_that_loses_a_race_answers_with_the_winner_and_its_message_is_dropped(client, accounts, at, sqs,
                                                                                        stack, monkeypatch):
    admin, month = accounts["platform_admin"], "2048-06"
    queued(sqs, stack)
    at(QUEUE_CLOCK)
    first = post(client, f"/publications/{month}", admin, {}).json_body
    at("2048-09-02T10:00:01")
    with monkeypatch.context() as patch:
        # As if its read came just before the first request was recorded.
        patch.setattr("chalicelib.publishing.jobs.in_progress", lambda found, since: False)
        second = post(client, f"/publications/{month}", admin, {})
    assert second.status_code == 202 and second.json_body == first
    winner, loser = queued(sqs, stack)
    assert json.loads(loser)["requested_at"] != first["requested_at"]
    assert deliver(client, loser) == [{"month": month, "dropped": True}]
    assert deliver(client, winner)[0]["files"] > 0


def test_a_run_that_failed_is_tried_again_when_its_message_comes_back(client, accounts, at, s3, sqs, stack,
                                                                      monkeypatch):
    from chalicelib.publishing import repository

    admin, month = accounts["platform_admin"], "2048-07"
    asked, body = asked_alone(client, admin, month, at, sqs, stack)

    def failing_put(key, body, content_type):
        raise RuntimeError("injected: the bucket stopped answering")

    with monkeypatch.context() as patch:
        patch.setattr(repository, "put_public_file", failing_put)
        with pytest.raises(RuntimeError):
            deliver(client, body)
    failed = get(client, f"/publications/{month}", admin).json_body
    assert failed["state"] == "failed" and failed["requested_at"] == asked["requested_at"]

    assert deliver(client, body)[0]["files"] > 0
    assert get(client, f"/publications/{month}", admin).json_body["state"] == "published"
