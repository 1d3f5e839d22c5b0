"""DynamoDB calls and capacity per ballot, how ballots spread over partition keys, and the
design ceiling in ballots per second that follows.

Part 1 casts ballots through the service layer against the embedded AWS and meters them
(target: exactly one write call per ballot; a duplicate is refused by that same call).
Part 2 derives the partition keys that 100,000 simulated voters' ballots would be written
to and reports the busiest key's share against the fair share (target: ≤ 2×). Part 3 turns
the measured units per partition into the rate at which the busiest partition reaches
DynamoDB's per-partition limits, compared with the busiest petition site we know of.
Prints its BENCHMARKS.md section.
Run: .venv/bin/python -W ignore bench/ballot_calls.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import machine, meter  # noqa: E402
from bench.stack import at, embedded_aws  # noqa: E402

SIMULATED_VOTERS = 100_000
# DynamoDB's documented throughput of one partition (Developer Guide, "Partitions and data
# distribution" / "Burst and adaptive capacity"): 1,000 write units and 3,000 read units a second.
PARTITION_WRITE_UNITS_PER_SECOND = 1_000
PARTITION_READ_UNITS_PER_SECOND = 3_000
# What a new on-demand table serves before it has seen traffic (Developer Guide, "On-demand
# capacity mode", initial throughput); it then adapts to twice its previous peak.
NEW_TABLE_WRITE_UNITS_PER_SECOND = 4_000
# The UK Parliament petitions site's busiest moment: the "Revoke Article 50" petition on
# 21 March 2019 peaked at about 2,000 signatures a minute (as reported by the House of
# Commons Petitions Committee and the BBC that day), when the site went down.
PETITION_PEAK_PER_SECOND = 2_000 / 60

METHOD = f"""
Ballots cast through the service layer against the embedded AWS, metered on the app's own
clients (`bench/meter.py`). Target: exactly one write call per ballot, a duplicate answered by
that same call; the busiest partition key ≤ 2× the fair share for {SIMULATED_VOTERS:,} simulated
voters.
"""


def main() -> int:
    rows: list[tuple[str, meter.Usage]] = []
    with embedded_aws("mulin-bench-vote"):
        from chalicelib.auth import Principal, Role
        from chalicelib.errors import ConflictError
        from chalicelib.privacy import keyed_digest
        from chalicelib.voting import ballots, rules, service
        from chalicelib.voting.models import BallotRequest, CodeRequest, ProjectReview, ProposalCreate, RoundCreate
        from tests.api.test_round_lifecycle import SCHEDULE

        staff = Principal(user_id="bench-staff", role=Role.committee_staff, jurisdiction="310110012001")
        at("2027-02-20T10:00:00")
        created = service.create_round(staff, RoundCreate(scope="310110012001", title="bench", budget_fen=1_000_000,
                                                          schedule=SCHEDULE, method={"kind": "approval"},
                                                          eligibility={"accounts": True, "paper_codes": True}))
        at("2027-03-02T10:00:00")
        projects = [service.propose_project(staff, created.id, ProposalCreate(
            title=f"项目{n}", description="楼道扶手和照明改造，具体方案见附件。", estimated_cost_fen=1000))
            for n in range(5)]
        at("2027-03-12T10:00:00")
        for project in projects:
            service.review_project(staff, created.id, project.id, ProjectReview(feasible=True, final_cost_fen=1000))
        codes = service.generate_codes(staff, created.id, CodeRequest(count=1)).codes
        at("2027-03-22T10:00:00")
        voters = [Principal(user_id=f"bench-voter-{n}", role=Role.resident, phone=f"+861380013555{n}", phone_verified=True,
                            residence="310110012001") for n in range(2)]
        ballot = BallotRequest(picks=[projects[0].id, projects[1].id])

        def measure(name, call):
            with meter.metering() as usage:
                try:
                    call()
                except ConflictError:
                    pass
            rows.append((name, usage))
            return usage

        first = measure("ballot (signed-in resident)", lambda: ballots.cast_ballot(voters[0], created.id, ballot))
        measure("the same voter again (refused)", lambda: ballots.cast_ballot(voters[0], created.id, ballot))
        second = measure("another resident's ballot", lambda: ballots.cast_ballot(voters[1], created.id, ballot))
        measure("ballot with a paper code", lambda: ballots.cast_ballot(
            None, created.id, BallotRequest(picks=[projects[0].id], code=codes[0])))

        shards = Counter(rules.shard_of(keyed_digest(f"voter:{created.id}", f"+8613{n:09d}"))
                         for n in range(SIMULATED_VOTERS))
        round_id = created.id
        ballot_prefix = f"BALLOT#{round_id}#"
        shard_count = rules.BALLOT_SHARDS

    machine.section("Ballots", METHOD)
    machine.table(("operation", *meter.USAGE_HEADERS), ([name, *meter.usage_cells(usage)] for name, usage in rows),
                  right=meter.right_columns(1))
    machine.paragraphs(meter.CAPACITY_NOTE)
    fair = SIMULATED_VOTERS / shard_count
    busiest = max(shards.values())
    imbalance = busiest / fair
    machine.paragraphs(f"""
    {SIMULATED_VOTERS:,} simulated voters over {shard_count} ballot keys: busiest key {busiest:,}
    writes, fair share {fair:,.0f}, ratio {imbalance:.3f} (target ≤ 2); quietest {min(shards.values()):,}.
    Each voter's own record key takes exactly one write.

    The read is the one Query that returns the round with its feasible projects (the ballot is
    checked against their costs). The voter's record and the anonymous ballot are one
    TransactWriteItems; a second ballot from the same voter fails its condition in that call.
    """)

    # Partitions both residents' ballots wrote to are shared by every ballot of the round;
    # the ballot shards are shared by a sixteenth of them each (two voters can draw the same
    # one, which makes it no more shared).
    def generic(key: str) -> str:
        return key.replace(round_id, "{round}")

    shared = {(space, key) for space, key in set(first.partition_writes) & set(second.partition_writes)
              if not key.startswith(ballot_prefix)}
    shard_units = sum(u for (space, key), u in first.partition_writes.items() if key.startswith(ballot_prefix))
    ceilings = [(f"ballot shard keys: {shard_count} × {PARTITION_WRITE_UNITS_PER_SECOND:,} write units/s ÷ "
                 f"{meter.units(shard_units)} units per ballot on its shard ÷ {imbalance:.3f} (busiest shard's excess)",
                 shard_count * PARTITION_WRITE_UNITS_PER_SECOND / shard_units / imbalance)]
    for space, key in sorted(shared):
        units = first.partition_writes[(space, key)]
        ceilings.append((f"`{generic(key)}` ({space}), written by every ballot: {PARTITION_WRITE_UNITS_PER_SECOND:,} ÷ "
                         f"{meter.units(units)} units", PARTITION_WRITE_UNITS_PER_SECOND / units))
    for (space, key), units in sorted(first.partition_reads.items()):  # the round, read by every ballot
        ceilings.append((f"`{generic(key)}` ({space}), read by every ballot: {PARTITION_READ_UNITS_PER_SECOND:,} read units/s ÷ "
                         f"{meter.units(units)} units", PARTITION_READ_UNITS_PER_SECOND / units))
    ceilings.sort(key=lambda ceiling: ceiling[1])
    machine.table(("partition limit", "ballots per second", f"× petitions peak ({PETITION_PEAK_PER_SECOND:.0f}/s)"),
                  ([name, f"{rate:,.0f}", f"{rate / PETITION_PEAK_PER_SECOND:,.0f}×"] for name, rate in ceilings),
                  right=(1, 2))
    lowest = min(ceilings, key=lambda c: c[1])
    whole = first.all_write_units
    cold = NEW_TABLE_WRITE_UNITS_PER_SECOND / whole
    machine.paragraphs(f"""
    Design ceiling: {lowest[1]:,.0f} ballots per second, {lowest[1] / PETITION_PEAK_PER_SECOND:,.0f}× the
    busiest petition on record, set by the first row's partition reaching DynamoDB's per-partition
    limit ({PARTITION_WRITE_UNITS_PER_SECOND:,} write and {PARTITION_READ_UNITS_PER_SECOND:,} read units a
    second) with the units measured above. The comparison: the UK Parliament petitions site's busiest
    moment, the "Revoke Article 50" petition on 21 March 2019, was about 2,000 signatures a minute
    ({PETITION_PEAK_PER_SECOND:.0f} a second) as reported that day. A partition that stays hot for
    minutes is split by DynamoDB, so these are burst ceilings, not hard walls.

    Below the design ceiling sits the table's own: a new on-demand table serves
    {NEW_TABLE_WRITE_UNITS_PER_SECOND:,} write units a second before it adapts (to twice its previous
    peak), which at {meter.units(whole)} units per ballot is {cold:,.0f} ballots per second,
    {cold / PETITION_PEAK_PER_SECOND:,.0f}× the petitions peak. Pre-warming the table (warm throughput)
    before a city-wide round opens removes that limit.
    """)
    return 0


if __name__ == "__main__":
    sys.exit(main())
