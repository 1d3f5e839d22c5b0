"""Races against the embedded AWS server: officials acting at once on one case, and one
submission retried from several connections at once. Threads call the service layer
directly (the Chalice test client shares one current request between threads); each
thread makes its own HTTP calls to the server."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from chalicelib.auth import Principal, Role
from chalicelib.errors import ConflictError
from chalicelib.models import PageQuery
from chalicelib.suggestions import repository, service
from chalicelib.suggestions.models import ActionRequest, SuggestionSubmission
from tests.api.suggestion_helpers import suggestion

THREADS = 8
ROUNDS = 5


@pytest.fixture
def officials():
    return [Principal(user_id=f"official-{i}", role=Role.street_official, jurisdiction="310110012") for i in range(THREADS)]


@pytest.fixture
def resident():
    return Principal(user_id=f"resident-{uuid.uuid4()}", role=Role.resident, phone="+8613977777777")


def _submit(resident, **overrides):
    return service.submit_suggestion(resident, SuggestionSubmission(**suggestion(**overrides)), None)


def _race(calls):
    """Run the calls at once; return (results, conflicts)."""
    start = threading.Barrier(len(calls), timeout=30)

    def run(call):
        start.wait()
        try:
            return call()
        except ConflictError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        outcomes = list(pool.map(run, calls, timeout=120))
    return [o for o in outcomes if not isinstance(o, ConflictError)], [o for o in outcomes if isinstance(o, ConflictError)]


def test_officials_accepting_and_declining_at_once_leave_exactly_one_winner(api_env, officials, resident):
    for _ in range(ROUNDS):
        case_id = _submit(resident).id
        calls = [
            (lambda p=p, i=i, case_id=case_id: service.act_on_suggestion(
                p, case_id, "accept" if i % 2 else "decline", ActionRequest(reason=None if i % 2 else "重复建议")))
            for i, p in enumerate(officials)
        ]
        winners, losers = _race(calls)
        assert len(winners) == 1 and len(losers) == THREADS - 1
        stored = repository.get_case_record(case_id)
        assert stored.case.status == winners[0].status and stored.case.version == 2
        # Only the winner's step is on the timeline (and in the audit).
        winning_action = "accept" if winners[0].status.value == "accepted" else "decline"
        assert [e["action"] for e in stored.events] == ["submit", winning_action]


def test_every_racer_read_the_same_version_and_only_one_write_landed(api_env, officials, resident, monkeypatch):
    case_id = _submit(resident).id
    read_all = threading.Barrier(THREADS, timeout=30)
    real_get_case = repository.get_case

    def get_case_then_wait(case_id):
        case = real_get_case(case_id)
        read_all.wait()  # nobody writes until everybody has read version 1
        return case

    monkeypatch.setattr(repository, "get_case", get_case_then_wait)
    calls = [(lambda p=p: service.act_on_suggestion(p, case_id, "accept", ActionRequest())) for p in officials]
    winners, losers = _race(calls)
    assert len(winners) == 1 and len(losers) == THREADS - 1
    assert real_get_case(case_id).version == 2


def test_one_idempotency_key_sent_from_many_connections_at_once_makes_one_case(api_env, resident):
    key = str(uuid.uuid4())
    body = SuggestionSubmission(**suggestion(title=f"重试 {key[:8]}"))
    calls = [(lambda: service.submit_suggestion(resident, body, key)) for _ in range(THREADS)]
    receipts, in_progress = _race(calls)
    assert receipts, "at least the first call completes"
    assert len({r.id for r in receipts}) == 1
    # Calls that arrive while the first is still writing are told to retry; a retry gets the same receipt.
    assert all(exc.headers.get("Retry-After") for exc in in_progress)
    assert service.submit_suggestion(resident, body, key).id == receipts[0].id
    mine = service.list_my_suggestions(resident, PageQuery(limit=100))
    assert sum(1 for c in mine.items if c.title == body.title) == 1
