"""Approvals racing for one pool's money, and officials racing on one application, against
the embedded AWS. Racing calls run in threads on the service layer (the Chalice test
client shares one current request between threads), each DynamoDB call its own HTTP
request to the server; their errors are rendered as the API renders them, and the
figures, ledger and statuses are then read back through the HTTP API. The clock is moved
by patching a module attribute, so the threads see the same time as the test."""

from __future__ import annotations

import json
import random
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from chalicelib.auth import Principal, Role
from chalicelib.errors import MulinError
from chalicelib.funds import applications, repository, workflow
from chalicelib.funds.models import ApplicationDraft, FundActionRequest
from chalicelib.funds.records import ApplicationRecord, Pool
from chalicelib.web.middleware import error_body
from tests.api.fund_helpers import COMMITTEE, create_pool, detail, figures, ledger_sums
from tests.api.fund_helpers import application as application_body
from tests.api.suggestion_helpers import get, post

YEAR = 2033  # the pool that affords 20 of 50 equal requests, alone in its year
SHARED_YEAR = 2034  # unequal requests, and officials racing on one application
WORKERS = 16
AMOUNT = 100_000
APPLICATIONS = 50
AFFORDABLE = 20
REMAINDER = 37_000  # less than one more application
SHARED_ALLOCATION = 2_000_000
ROUNDS = 4  # two of approve against reject, two of approve against approve
UNEQUAL = 24


def _principal(account) -> Principal:
    """Who the account's token says it is, as the authorizer would build it."""
    if account.role == Role.resident.value:
        return Principal(user_id=account.user_id, role=Role.resident, phone=account.phone, residence=account.division)
    return Principal(user_id=account.user_id, role=Role(account.role), jurisdiction=account.division, phone=account.phone)


def _lines(amount: int) -> list[dict[str, Any]]:
    return [{"item": "活动物资", "unit_price_fen": amount, "quantity": 1}]


def _in_notice(accounts, at, year: int, requests: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """Applications of the given teams and amounts, submitted by kongjiang_resident,
    recommended by committee_staff and past a notice without objections; the clock is
    left after the notice. Prepared in threads on the service layer: one by one over HTTP
    this costs most of the file's time, and it is not what is under test."""
    resident, staff = _principal(accounts["kongjiang_resident"]), _principal(accounts["committee_staff"])
    at(f"{year}-03-02T10:00:00")

    def prepare(request: tuple[str, int]) -> dict[str, Any]:
        team, amount = request
        created = applications.create_draft(resident, ApplicationDraft.model_validate(
            application_body(year, team=team, lines=_lines(amount))))
        submitted = workflow.act(resident, created.id, "submit", FundActionRequest(version=created.version))
        return workflow.act(staff, created.id, "recommend", FundActionRequest(version=submitted.version)).model_dump(
            mode="json")

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        ready = list(pool.map(prepare, requests, timeout=300))
    assert all(a["status"] == "in_notice" for a in ready)
    at(f"{year}-03-20T10:00:00")
    return ready


def _rendered(call: Callable[[], Any]) -> tuple[int, dict[str, Any]]:
    """The status and body the API would answer with."""
    try:
        return 200, call().model_dump(mode="json")
    except MulinError as exc:
        return exc.status, json.loads(error_body(exc.code, exc.message, exc.details, "race"))


def _race(calls: list[Callable[[], Any]], workers: int = WORKERS) -> list[tuple[int, dict[str, Any]]]:
    """Run the calls on a bounded pool, the first wave released together; outcomes in call order."""
    first_wave = threading.Barrier(min(workers, len(calls)), timeout=60)

    def run(index: int) -> tuple[int, dict[str, Any]]:
        if index < first_wave.parties:
            first_wave.wait()
        return _rendered(calls[index])

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run, range(len(calls)), timeout=300))


@contextmanager
def _watched_pool(year: int) -> Iterator[list[Pool]]:
    """The pool as read again and again while the block runs."""
    snapshots: list[Pool] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            pool = repository.get_pool(COMMITTEE, year)
            if pool is not None:
                snapshots.append(pool)
            done.wait(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        yield snapshots
    finally:
        done.set()
        watcher.join()


def _approvals(official: Principal, ready: list[dict[str, Any]]) -> list[Callable[[], Any]]:
    return [(lambda a=a: workflow.act(official, a["id"], "approve", FundActionRequest(version=a["version"])))
            for a in ready]


def _ledger(client, account, year: int) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    cursor = None
    while True:
        path = f"/funds/pools/{COMMITTEE}/{year}/ledger?limit=100" + (f"&cursor={cursor}" if cursor else "")
        page = get(client, path, account)
        assert page.status_code == 200, page.body
        entries += page.json_body["items"]
        cursor = page.json_body["next_cursor"]
        if not cursor:
            return entries


def _statuses(client, account, year: int) -> Counter:
    found: Counter = Counter()
    cursor = None
    while True:
        path = f"/funds/pools/{COMMITTEE}/{year}/applications?limit=100" + (f"&cursor={cursor}" if cursor else "")
        page = get(client, path, account)
        assert page.status_code == 200, page.body
        found.update(item["status"] for item in page.json_body["items"])
        cursor = page.json_body["next_cursor"]
        if not cursor:
            return found


def _reconciled(client, account, year: int) -> tuple[int, int, int, int]:
    """The pool's figures, after checking that none is negative and that its ledger alone gives them."""
    found = figures(client, account, year)
    assert min(found) >= 0, found
    sums = ledger_sums(client, account, year)
    assert (sums["allocated_fen"], sums["available_fen"], sums["committed_fen"], sums["disbursed_fen"]) == found
    return found


def _shared_pool(client, street, at) -> tuple[int, int, int, int]:
    """The pool both SHARED_YEAR tests draw on, whichever runs first; they assert changes, not totals."""
    at(f"{SHARED_YEAR}-01-05T09:00:00")
    response = client.http.post(f"/funds/pools/{COMMITTEE}/{SHARED_YEAR}", headers={
        "Content-Type": "application/json", **street.headers}, body=json.dumps({
            "allocated_fen": SHARED_ALLOCATION, "per_application_cap_fen": 2_000_000, "per_team_cap_fen": 3_000_000}))
    assert response.status_code in (201, 409), response.body
    return _reconciled(client, street, SHARED_YEAR)


def test_fifty_approvals_at_once_spend_exactly_what_the_pool_holds(client, accounts, at):
    street = accounts["street_official"]
    allocated = AFFORDABLE * AMOUNT + REMAINDER
    at(f"{YEAR}-01-05T09:00:00")
    # A team may be granted exactly one application's worth: each approval meets the team
    # cap at its boundary, in the same transaction as the pool.
    create_pool(client, street, YEAR, allocated, per_application_cap_fen=AMOUNT, per_team_cap_fen=AMOUNT)
    ready = _in_notice(accounts, at, YEAR, [(f"并发{YEAR}第{n:02d}队", AMOUNT) for n in range(APPLICATIONS)])

    with _watched_pool(YEAR) as snapshots:
        outcomes = _race(_approvals(_principal(street), ready))

    by_status = Counter(status for status, _ in outcomes)
    assert by_status == {200: AFFORDABLE, 422: APPLICATIONS - AFFORDABLE}, by_status
    for (status, body), application in zip(outcomes, ready, strict=True):
        if status == 200:
            assert body["id"] == application["id"] and body["status"] == "approved" and body["approved_fen"] == AMOUNT
            continue
        assert body["code"] == "rule_violated" and body["message"]
        assert body["details"][0]["type"] == "insufficient_funds" and body["details"][0]["field"] == "requested_fen"

    # Seen from outside while the race ran, the pool was whole at every moment and only ever shrank.
    assert snapshots
    seen = [(p.available_fen, p.committed_fen) for p in snapshots]
    assert all(available >= 0 and available + committed == allocated for available, committed in seen), seen
    assert [a for a, _ in seen] == sorted((a for a, _ in seen), reverse=True)
    assert _reconciled(client, street, YEAR) == (allocated, REMAINDER, AFFORDABLE * AMOUNT, 0)
    approved_ids = {a["id"] for (status, _), a in zip(outcomes, ready, strict=True) if status == 200}
    commits = [e for e in _ledger(client, street, YEAR) if e["kind"] == "commit"]
    assert sorted(e["application_id"] for e in commits) == sorted(approved_ids)
    assert all(e["amount_fen"] == AMOUNT for e in commits)
    assert _statuses(client, street, YEAR) == {"approved": AFFORDABLE, "in_notice": APPLICATIONS - AFFORDABLE}

    # A refused one stays decidable, and over HTTP the refusal has the same shape.
    refused = next(a for (status, _), a in zip(outcomes, ready, strict=True) if status == 422)
    again = client.http.post(f"/funds/applications/{refused['id']}/approve", headers={
        "Content-Type": "application/json", **street.headers}, body=json.dumps({"version": refused["version"]}))
    assert again.status_code == 422, again.body
    assert set(again.json_body) == {"code", "message", "details", "correlation_id"}
    assert again.json_body["code"] == "rule_violated" and again.json_body["details"][0]["type"] == "insufficient_funds"
    assert str(REMAINDER) in again.json_body["message"]
    still = detail(client, street, refused["id"])
    assert still["phase"] == "notice_ended" and {"approve", "reject"} <= set(still["allowed_actions"])


def test_unequal_requests_at_once_refuse_only_what_no_longer_fits(client, accounts, at):
    street = accounts["street_official"]
    _, before_available, before_committed, _ = _shared_pool(client, street, at)
    draw = random.Random(SHARED_YEAR)
    amounts = [draw.randrange(20, 400) * 1_000 for _ in range(UNEQUAL)]
    assert sum(amounts) > before_available, "the pool must not afford them all"
    ready = _in_notice(accounts, at, SHARED_YEAR,
                       [(f"不等额{SHARED_YEAR}第{n:02d}队", amount) for n, amount in enumerate(amounts)])

    outcomes = _race(_approvals(_principal(street), ready))

    approved = [a for (status, _), a in zip(outcomes, ready, strict=True) if status == 200]
    refused = [a for (status, _), a in zip(outcomes, ready, strict=True) if status != 200]
    assert approved and refused
    assert all(status == 422 and body["details"][0]["type"] == "insufficient_funds"
               for status, body in outcomes if status != 200)
    spent = sum(a["requested_fen"] for a in approved)
    allocated, available, committed, _ = _reconciled(client, street, SHARED_YEAR)
    assert spent <= before_available <= allocated
    assert (available, committed) == (before_available - spent, before_committed + spent)
    # Available only shrinks during the race: whatever was refused did not fit even at the end.
    assert all(a["requested_fen"] > available for a in refused), (available, sorted(a["requested_fen"] for a in refused))
    ours = {a["id"] for a in ready}
    commits = Counter(e["application_id"] for e in _ledger(client, street, SHARED_YEAR)
                      if e["kind"] == "commit" and e["application_id"] in ours)
    assert commits == Counter(a["id"] for a in approved)
    for application in refused[:3]:
        assert detail(client, street, application["id"])["status"] == "in_notice"


def test_two_officials_deciding_one_application_at_once_leave_one_decision(client, accounts, at, monkeypatch):
    street, district = _principal(accounts["street_official"]), _principal(accounts["district_admin"])
    reader = accounts["street_official"]
    _shared_pool(client, reader, at)
    # Enough for every round to approve, whatever the unequal race left in the shared pool.
    topped = post(client, f"/funds/pools/{COMMITTEE}/{SHARED_YEAR}/top-up", reader,
                  {"amount_fen": ROUNDS * AMOUNT, "reason": "并发测试追加"})
    assert topped.status_code == 200, topped.body
    _, before_available, before_committed, _ = _reconciled(client, reader, SHARED_YEAR)
    ready = _in_notice(accounts, at, SHARED_YEAR, [(f"同案{SHARED_YEAR}第{n}队", AMOUNT) for n in range(ROUNDS)])

    # Both officials read the application before either writes, so every round is decided
    # by the conditional write and not by who happened to read first.
    real_load = applications.load_record
    racer = threading.local()

    def load_then_wait(application_id: str) -> ApplicationRecord:
        found = real_load(application_id)
        barrier, racer.barrier = getattr(racer, "barrier", None), None
        if barrier is not None:
            barrier.wait()
        return found

    monkeypatch.setattr(applications, "load_record", load_then_wait)

    def acting(barrier: threading.Barrier, official: Principal, application_id: str, action: str,
               body: FundActionRequest) -> Callable[[], Any]:
        def call() -> Any:
            racer.barrier = barrier
            return workflow.act(official, application_id, action, body)

        return call

    approvals_won = 0
    for n, application in enumerate(ready):
        # Approve against reject, then approve against approve: the second must not move money twice.
        second = "reject" if n % 2 == 0 else "approve"
        both_read = threading.Barrier(2, timeout=30)
        outcomes = _race([
            acting(both_read, street, application["id"], "approve", FundActionRequest(version=application["version"])),
            acting(both_read, district, application["id"], second,
                   FundActionRequest(version=application["version"], reason="项目与本年度重点不符。")),
        ], workers=2)

        assert sorted(status for status, _ in outcomes) == [200, 409], outcomes
        [winner] = [body for status, body in outcomes if status == 200]
        [loser] = [body for status, body in outcomes if status == 409]
        assert loser["code"] == "conflict" and loser["message"]
        stored = detail(client, reader, application["id"])
        assert stored["status"] == winner["status"] and stored["version"] == application["version"] + 1
        decisions = [e["action"] for e in stored["timeline"] if e["action"] in ("approve", "reject")]
        assert decisions == [{"approved": "approve", "rejected": "reject"}[winner["status"]]]
        approvals_won += winner["status"] == "approved"

    ours = {a["id"] for a in ready}
    moved = [e for e in _ledger(client, reader, SHARED_YEAR) if e["application_id"] in ours]
    assert all(e["kind"] == "commit" and e["amount_fen"] == AMOUNT for e in moved)
    commits = Counter(e["application_id"] for e in moved)
    assert set(commits.values()) <= {1} and len(commits) == approvals_won
    _, available, committed, _ = _reconciled(client, reader, SHARED_YEAR)
    assert (available, committed) == (before_available - approvals_won * AMOUNT, before_committed + approvals_won * AMOUNT)
