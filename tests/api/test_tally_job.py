"""The tally as a job: 202 at once, counted by the tallies queue's function, one result however
often the message is delivered or a worker dies (chalicelib/voting/tally_jobs.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from chalicelib import aws, clock
from chalicelib.storage import dynamo
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import tally_job_key
from chalicelib.storage.queues import MAX_RECEIVES
from chalicelib.voting import job_repository, repository, tallying
from tests.api.helpers import assert_error, get, post
from tests.api.tally_helpers import deliver_tally, tally_messages
from tests.api.test_round_ballots import round_in_voting

ROOT = Path(__file__).resolve().parents[2]
TALLYING = "2027-03-29T10:00:00"


def closed_round(client, accounts, at, voters=("kongjiang_resident",)) -> tuple[str, list[str]]:
    round_id, projects = round_in_voting(client, accounts, at)
    for voter in voters:
        assert post(client, f"/rounds/{round_id}/ballots", accounts[voter], {"picks": projects[:1]}).status_code == 201
    at(TALLYING)
    return round_id, projects


def ask(client, round_id, official) -> dict:
    asked = post(client, f"/rounds/{round_id}/tally", official, {})
    assert asked.status_code == 202, asked.body
    assert asked.headers["Location"] == f"/rounds/{round_id}/tally"
    return asked.json_body


def job_of(client, round_id, official) -> dict:
    found = get(client, f"/rounds/{round_id}/tally", official)
    assert found.status_code == 200, found.body
    return found.json_body


def tally_events(round_id: str) -> int:
    """How many times the round's tally was written: each write files one audit event with the result."""
    items, _ = dynamo.query_page(key_condition="PK = :pk", values={":pk": f"AUDIT#round#{round_id}"}, limit=100)
    return sum(1 for item in items if item.get("action") == "tally")


def test_asking_answers_202_with_the_job_and_the_worker_counts_it(client, accounts, at):
    street = accounts["street_official"]
    round_id, projects = closed_round(client, accounts, at)
    job = ask(client, round_id, street)
    assert job == {"round_id": round_id, "state": "queued", "requested_at": job["requested_at"], "started_at": None,
                   "finished_at": None, "attempts": 0, "reason": None,
                   "links": {"status": f"/rounds/{round_id}/tally", "results": f"/rounds/{round_id}/results"}}
    assert job_of(client, round_id, street)["state"] == "queued"
    assert get(client, f"/rounds/{round_id}/results").status_code == 404

    (body,) = tally_messages(round_id)
    assert json.loads(body) == {"round_id": round_id, "requested_at": job["requested_at"]}
    assert deliver_tally(client, body) == [{"round_id": round_id, "ballots": 1}]
    done = job_of(client, round_id, street)
    assert (done["state"], done["attempts"], done["reason"]) == ("done", 1, None)
    assert done["started_at"] and done["finished_at"]
    result = get(client, f"/rounds/{round_id}/results").json_body
    assert result["ballots"] == 1 and {p["id"]: p["score"] for p in result["projects"]} == {
        projects[0]: 1, projects[1]: 0, projects[2]: 0}
    # Counted once: a second tally is refused by the round's rules, as it always was.
    assert_error(post(client, f"/rounds/{round_id}/tally", street, {}), 422)


def test_asking_again_while_queued_or_counting_answers_with_the_same_job(client, accounts, at):
    street, district = accounts["street_official"], accounts["district_admin"]
    round_id, _ = closed_round(client, accounts, at)
    first = ask(client, round_id, street)
    assert ask(client, round_id, district) == first
    assert len(tally_messages(round_id)) == 1  # no second message, no second job

    assert job_repository.claim(round_id, first["requested_at"], "a-worker", clock.iso(clock.utc_now()),
                                clock.iso(clock.utc_now() + timedelta(minutes=16)))
    counting = ask(client, round_id, street)
    assert (counting["requested_at"], counting["state"], counting["attempts"]) == (first["requested_at"], "counting", 1)
    assert tally_messages(round_id) == []


def test_a_duplicate_delivery_counts_once(client, accounts, at):
    street = accounts["street_official"]
    round_id, _ = closed_round(client, accounts, at)
    ask(client, round_id, street)
    (body,) = tally_messages(round_id)
    assert deliver_tally(client, body)[0]["ballots"] == 1
    assert deliver_tally(client, body) == [{"round_id": round_id, "dropped": True}]
    assert job_of(client, round_id, street)["attempts"] == 1


def test_a_delivery_while_a_live_claim_holds_is_dropped(client, accounts, at):
    street = accounts["street_official"]
    round_id, _ = closed_round(client, accounts, at)
    job = ask(client, round_id, street)
    (body,) = tally_messages(round_id)
    now = clock.utc_now()
    job_repository.claim(round_id, job["requested_at"], "first-worker", clock.iso(now), clock.iso(now + timedelta(minutes=16)))
    assert deliver_tally(client, body) == [{"round_id": round_id, "dropped": True}]
    assert job_of(client, round_id, street)["state"] == "counting"
    assert get(client, f"/rounds/{round_id}/results").status_code == 404


def test_a_count_that_raises_hands_the_job_back_and_the_retry_writes_one_result(client, accounts, at, monkeypatch):
    street = accounts["street_official"]
    round_id, _ = closed_round(client, accounts, at)
    ask(client, round_id, street)
    (body,) = tally_messages(round_id)
    from chalicelib.voting import tally

    real = tally.greedy
    monkeypatch.setattr(tally, "greedy", lambda election: (_ for _ in ()).throw(MemoryError("worker died")))
    with pytest.raises(MemoryError):
        deliver_tally(client, body)
    assert (job_of(client, round_id, street)["state"], job_of(client, round_id, street)["attempts"]) == ("queued", 1)
    assert get(client, f"/rounds/{round_id}/results").status_code == 404

    monkeypatch.setattr(tally, "greedy", real)
    assert deliver_tally(client, body, receive_count=2)[0]["ballots"] == 1
    assert (job_of(client, round_id, street)["state"], job_of(client, round_id, street)["attempts"]) == ("done", 2)
    assert get(client, f"/rounds/{round_id}/results").json_body["ballots"] == 1


def test_a_claim_whose_lease_ran_out_is_taken_over_and_the_dead_worker_cannot_write(client, accounts, at):
    street = accounts["street_official"]
    round_id, _ = closed_round(client, accounts, at)
    job = ask(client, round_id, street)
    (body,) = tally_messages(round_id)
    before = repository.get_round(round_id)
    assert before is not None
    now = clock.utc_now()
    # A worker claimed the job and was stopped at its timeout: its lease has run out.
    assert job_repository.claim(round_id, job["requested_at"], "dead-worker", clock.iso(now - timedelta(hours=1)),
                                clock.iso(now - timedelta(minutes=1)))
    assert deliver_tally(client, body, receive_count=2)[0]["ballots"] == 1
    assert (job_of(client, round_id, street)["state"], job_of(client, round_id, street)["attempts"]) == ("done", 2)
    first = get(client, f"/rounds/{round_id}/results").json_body

    # Had the dead worker still been counting, its write would be refused: one result stays.
    with pytest.raises(dynamo.ConditionFailedError):
        tallying.count_round(before, actor_id=street.user_id, actor_role="street_official",
                             finish=job_repository.done_op(round_id, "dead-worker", clock.iso(now)))
    assert get(client, f"/rounds/{round_id}/results").json_body == first
    assert tally_events(round_id) == 1


def test_a_round_without_ballots_ends_failed_with_the_reason_and_may_be_asked_for_again(client, accounts, at):
    street = accounts["street_official"]
    round_id, _ = closed_round(client, accounts, at, voters=())
    first = ask(client, round_id, street)
    (body,) = tally_messages(round_id)
    assert "No ballot" in deliver_tally(client, body)[0]["failed"]
    failed = job_of(client, round_id, street)
    assert failed["state"] == "failed" and failed["reason"].startswith("No ballot was cast") and failed["finished_at"]
    assert get(client, f"/rounds/{round_id}/results").status_code == 404
    # A failed job does not stand in the way of a new one; its old message would be dropped.
    at("2027-03-29T11:00:00")
    again = ask(client, round_id, street)
    assert again["state"] == "queued" and again["requested_at"] != first["requested_at"]
    assert deliver_tally(client, body) == [{"round_id": round_id, "dropped": True}]


def test_the_last_delivery_that_fails_marks_the_job_failed(client, accounts, at, monkeypatch):
    street = accounts["street_official"]
    round_id, _ = closed_round(client, accounts, at)
    ask(client, round_id, street)
    (body,) = tally_messages(round_id)
    from chalicelib.voting import tally

    monkeypatch.setattr(tally, "greedy", lambda election: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        deliver_tally(client, body, receive_count=MAX_RECEIVES)
    failed = job_of(client, round_id, street)
    assert failed["state"] == "failed" and "RuntimeError" in failed["reason"]


def test_only_officials_of_the_rounds_scope_see_its_job(client, accounts, at):
    round_id, _ = closed_round(client, accounts, at)
    path = f"/rounds/{round_id}/tally"
    assert_error(get(client, path, accounts["street_official"]), 404)  # nothing asked for yet
    ask(client, round_id, accounts["committee_staff"])
    for own in ("committee_staff", "street_official", "district_admin", "platform_admin"):
        assert get(client, path, accounts[own]).status_code == 200, own
    for resident in ("kongjiang_resident", "resident"):
        assert_error(get(client, path, accounts[resident]), 403)
        assert_error(post(client, path, accounts[resident], {}), 403)
    for outsider in ("foreign_street_official", "other_committee_staff", "foreign_district_admin"):
        assert_error(get(client, path, accounts[outsider]), 404)
        assert_error(post(client, path, accounts[outsider], {}), 404)
    assert client.http.get(path).status_code == 401
    tally_messages(round_id)


@pytest.fixture
def own_queue(client, stack, monkeypatch):
    """A tallies queue of this test's own, so that its workers see no other test's messages."""
    from chalicelib.settings import reset_settings
    from chalicelib.storage.queues import create_tallies_queue

    url = create_tallies_queue(aws.client("sqs"), f"mulin-api-test-tallies-{os.getpid()}-{time.monotonic_ns()}")
    monkeypatch.setenv("MULIN_TALLIES_QUEUE_URL", url)
    reset_settings()
    yield url
    reset_settings()


def test_a_count_longer_than_the_apis_timeout_through_a_worker_process_killed_midway(client, accounts, at, own_queue):
    """The acceptance test: a worker in its own process, its count slowed past the API's 30 s,
    killed with SIGKILL in the middle; a second worker takes the job over and writes one result."""
    street = accounts["street_official"]
    round_id, projects = closed_round(client, accounts, at, voters=("kongjiang_resident", "kongjiang_neighbour"))
    job = ask(client, round_id, street)
    assert job["state"] == "queued"

    first = worker(seconds=600)
    try:
        receipt = read_until(first, "receipt")["receipt"]
        read_until(first, "counting")
        assert job_of(client, round_id, street)["state"] == "counting"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    assert job_of(client, round_id, street)["state"] == "counting"
    assert get(client, f"/rounds/{round_id}/results").status_code == 404

    # Time passes: the dead worker's lease runs out, then the queue hands the message out again.
    expire_lease(round_id)
    sqs = aws.client("sqs")
    sqs.change_message_visibility(QueueUrl=own_queue, ReceiptHandle=receipt, VisibilityTimeout=0)
    second = worker(seconds=31)
    try:
        read_until(second, "counting")
        assert job_of(client, round_id, street)["state"] == "counting"
        finished = read_until(second, "result", timeout=240)["result"]
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait(timeout=30)
    assert finished == [{"round_id": round_id, "ballots": 2}]
    done = job_of(client, round_id, street)
    assert (done["state"], done["attempts"]) == ("done", 2)
    result = get(client, f"/rounds/{round_id}/results").json_body
    assert result["ballots"] == 2 and {p["id"]: p["score"] for p in result["projects"]}[projects[0]] == 2
    assert tally_events(round_id) == 1


def worker(seconds: float) -> subprocess.Popen:
    # The test's environment is the app's, with this test's queue.
    env = {**os.environ, "MULIN_TEST_COUNT_SECONDS": str(seconds)}
    return subprocess.Popen([sys.executable, "-m", "tests.api.slow_tally_worker"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, text=True)


def read_until(process: subprocess.Popen, key: str, timeout: float = 120) -> dict:
    """The first line the worker prints with `key`; lines of other rounds' messages pass by."""
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"the worker stopped before printing {key}")
        try:
            printed = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(printed, dict) and key in printed:
            return printed
    raise AssertionError(f"no {key} from the worker")


def expire_lease(round_id: str) -> None:
    aws.client("dynamodb").update_item(
        TableName=os.environ["MULIN_TABLE"], Key=to_item(tally_job_key(round_id)),
        UpdateExpression="SET lease_until = :past", ExpressionAttributeValues=to_item({":past": "2000-01-01T00:00:00Z"}))
