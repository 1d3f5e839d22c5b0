"""DynamoDB calls per ballot, and how evenly ballots spread over partition keys.

Part 1 casts ballots through the service layer against the embedded AWS and counts the
calls (target: exactly one write per ballot; a duplicate is refused by that same call).
Part 2 derives the partition keys that 100,000 simulated voters' ballots would be written
to and reports the busiest key's share of the writes against the fair share (target:
≤ 2×). Every vote writes two items: the voter's own record (a key of its own) and the
anonymous ballot (one of 16 shard keys), so the busiest key is the busiest shard.
Run: .venv/bin/python -W ignore bench/ballot_calls.py
"""

from __future__ import annotations

import os
import platform
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.suggestion_calls import WRITE_CALLS, counting  # noqa: E402

SIMULATED_VOTERS = 100_000


def main() -> int:
    from local_stack.moto_server import start_moto_server
    from local_stack.provision import apply_environment, provision

    moto = start_moto_server()
    rows = []
    try:
        apply_environment(provision(moto.url, prefix="mulin-bench-vote"))
        from chalicelib import clock
        from chalicelib.auth import Principal, Role
        from chalicelib.errors import ConflictError
        from chalicelib.privacy import keyed_digest
        from chalicelib.voting import ballots, rules, service
        from chalicelib.voting.models import BallotRequest, CodeRequest, ProjectReview, ProposalCreate, RoundCreate
        from local_stack.demo import load_divisions
        from tests.api.test_round_lifecycle import SCHEDULE

        load_divisions()

        def at(moment: str) -> None:
            instant = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
            clock.utc_now = lambda: instant  # type: ignore[assignment]

        staff = Principal(user_id="bench-staff", role=Role.committee_staff, jurisdiction="310110012001")
        at("2027-02-20T10:00:00")
        created = service.create_round(staff, RoundCreate(scope="310110012001", title="bench", budget_fen=1_000_000,
                                                          schedule=SCHEDULE, method={"kind": "approval"},
                                                          eligibility={"accounts": True, "paper_codes": True}))
        at("2027-03-02T10:00:00")
        project = service.propose_project(staff, created.id, ProposalCreate(title="p", description="d",
                                                                            estimated_cost_fen=1000))
        at("2027-03-12T10:00:00")
        service.review_project(staff, created.id, project.id, ProjectReview(feasible=True, final_cost_fen=1000))
        codes = service.generate_codes(staff, created.id, CodeRequest(count=1)).codes
        at("2027-03-22T10:00:00")
        voter = Principal(user_id="bench-voter", role=Role.resident, phone="+8613800135555", residence="310110012001")
        ballot = BallotRequest(picks=[project.id])

        def measure(name, call):
            with counting() as calls:
                try:
                    call()
                except ConflictError:
                    pass
            rows.append((name, calls))

        measure("ballot (signed-in resident)", lambda: ballots.cast_ballot(voter, created.id, ballot))
        measure("the same voter again (refused)", lambda: ballots.cast_ballot(voter, created.id, ballot))
        measure("ballot with a paper code", lambda: ballots.cast_ballot(
            None, created.id, BallotRequest(picks=[project.id], code=codes[0])))

        shards = Counter(rules.shard_of(keyed_digest(f"voter:{created.id}", f"+8613{n:09d}"))
                         for n in range(SIMULATED_VOTERS))
    finally:
        moto.stop()

    print(f"# Ballots — {datetime.now(UTC):%Y-%m-%d}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          "`.venv/bin/python -W ignore bench/ballot_calls.py`")
    print()
    print("| operation | calls | writes | which |")
    print("| --- | --- | --- | --- |")
    for name, calls in rows:
        writes = sum(n for op, n in calls.items() if op in WRITE_CALLS)
        print(f"| {name} | {sum(calls.values())} | {writes} | {', '.join(sorted(calls))} |")
    fair = SIMULATED_VOTERS / rules.BALLOT_SHARDS
    busiest = max(shards.values())
    print()
    print(f"{SIMULATED_VOTERS:,} simulated voters over {rules.BALLOT_SHARDS} ballot keys: busiest key "
          f"{busiest:,} writes, fair share {fair:,.0f}, ratio {busiest / fair:.3f} (target ≤ 2); "
          f"quietest {min(shards.values()):,}. Each voter's own record key takes exactly one write.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
