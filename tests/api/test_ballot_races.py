"""One voter, 1,000 identical ballots sent at once, in five rounds: exactly one ballot is
stored each time. Threads call the service layer against the embedded AWS server; each
call is its own HTTP request to it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from chalicelib.auth import Principal, Role
from chalicelib.clock import SHANGHAI
from chalicelib.errors import ConflictError
from chalicelib.voting import ballots, repository, service
from chalicelib.voting.models import BallotRequest, ProjectReview, ProposalCreate, RoundCreate
from tests.api.test_round_lifecycle import SCHEDULE

COPIES = 1000
WORKERS = 48
ROUNDS = 5


@pytest.fixture
def open_voting_round(api_env, monkeypatch):
    def at(moment: str) -> None:
        instant = datetime.fromisoformat(moment).replace(tzinfo=SHANGHAI)
        monkeypatch.setattr("chalicelib.clock.utc_now", lambda: instant)

    return lambda: _voting_round(at)


def _voting_round(at):
    staff = Principal(user_id="race-staff", role=Role.committee_staff, jurisdiction="310110012001")
    at("2027-02-20T10:00:00")
    created = service.create_round(staff, RoundCreate(
        scope="310110012001", title="并发投票", budget_fen=1_000_000, schedule=SCHEDULE,
        method={"kind": "approval", "max_picks": 1}))
    at("2027-03-02T10:00:00")
    project = service.propose_project(staff, created.id, ProposalCreate(
        title="路灯", description="加装路灯", estimated_cost_fen=100_000))
    at("2027-03-12T10:00:00")
    service.review_project(staff, created.id, project.id, ProjectReview(feasible=True, final_cost_fen=100_000))
    at("2027-03-22T10:00:00")
    return created.id, project.id


def test_a_thousand_identical_ballots_at_once_store_exactly_one(open_voting_round):
    for n in range(ROUNDS):
        round_id, project_id = open_voting_round()
        voter = Principal(user_id=f"race-voter-{n}", role=Role.resident, phone=f"+861380013{n:04d}",
                          residence="310110012001")
        start = threading.Barrier(WORKERS, timeout=60)

        def cast(index: int, voter=voter, start=start, round_id=round_id, project_id=project_id):
            if index < WORKERS:
                start.wait()  # the first wave leaves together
            try:
                return ballots.cast_ballot(voter, round_id, BallotRequest(picks=[project_id]))
            except ConflictError as exc:
                return exc

        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            outcomes = list(pool.map(cast, range(COPIES), timeout=300))
        accepted = [o for o in outcomes if not isinstance(o, ConflictError)]
        refused = [o for o in outcomes if isinstance(o, ConflictError)]
        assert len(accepted) == 1, f"voter {n}: {len(accepted)} ballots accepted"
        assert len(refused) == COPIES - 1 and all(e.code == "already_voted" for e in refused)
        stored = repository.ballot_items(round_id)
        assert len(stored) == 1
        assert set(stored[0]) >= {"id", "picks"}
        assert not ({"voter", "phone", "user_id", "at", "receipt", "change_hash"} & set(stored[0]))
