"""DynamoDB calls per autonomy-fund action, and the time to list a committee's year.

Part 1 takes one application from draft to closed through the service layer against the
embedded AWS and counts the DynamoDB calls of each step (target: one transaction per
state change). Part 2 files APPLICATIONS applications in one committee and year and times
reading them page by page, the way an official's client or the monthly publication lists
them (target: one Query per page).
Prints its BENCHMARKS.md section.
Run: .venv/bin/python -W ignore bench/fund_calls.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import machine, meter  # noqa: E402
from bench.stack import at, embedded_aws  # noqa: E402

APPLICATIONS = 1_000
PAGE_SIZES = (20, 100)
COMMITTEE = "310110012001"

METHOD = """
One application taken from draft to closed through the service layer against the embedded AWS,
metered on the app's own clients (`bench/meter.py`). Targets: one transaction per state change;
one Query per page of a committee's applications.
"""


def main() -> int:
    rows: list[tuple[str, meter.Usage]] = []
    listing = []
    with embedded_aws("mulin-bench-funds"):
        from chalicelib.auth import Principal, Role
        from chalicelib.funds import applications, pools, workflow
        from chalicelib.funds.models import (
            ApplicationDraft,
            ApplicationListQuery,
            FundActionRequest,
            FundObjectionCreate,
            PoolCreate,
        )
        from tests.api.fund_helpers import application

        resident = Principal(user_id="bench-lead", role=Role.resident, phone="+8613800137777",
                             phone_verified=True, residence=COMMITTEE)
        neighbour = Principal(user_id="bench-neighbour", role=Role.resident, phone="+8613800138888",
                              phone_verified=True, residence=COMMITTEE)
        staff = Principal(user_id="bench-staff", role=Role.committee_staff, jurisdiction=COMMITTEE)
        street = Principal(user_id="bench-street", role=Role.street_official, jurisdiction="310110012")

        def measure(name, call):
            with meter.metering() as usage:
                result = call()
            rows.append((name, usage))
            return result

        year = 2027
        at(f"{year}-01-04T09:00:00")
        measure("create a committee's pool", lambda: pools.create_pools(street, COMMITTEE, str(year), PoolCreate(
            allocated_fen=100_000_000, per_application_cap_fen=2_000_000, per_team_cap_fen=50_000_000)))
        at(f"{year}-03-02T10:00:00")
        draft = measure("create a draft", lambda: applications.create_draft(
            resident, ApplicationDraft.model_validate(application(year))))

        def step(name, account, action, **fields):
            current = applications.load(draft.id)
            body = FundActionRequest(version=current.version, **fields)
            return measure(name, lambda: workflow.act(account, draft.id, action, body))

        step("submit", resident, "submit")
        step("recommend (starts the public notice)", staff, "recommend")
        objection = measure("object during the notice", lambda: applications.object_to(
            neighbour, draft.id, FundObjectionCreate(reason="请说明排练时间。")))
        at(f"{year}-03-20T10:00:00")
        step("answer the objection", staff, "answer_objection", objection_id=objection.id, answer="工作日下午。")
        step("approve (commits money)", street, "approve")
        step("fund (pays the advance)", street, "fund", advance_fen=300_000)
        step("start", resident, "start")
        step("report (no receipts: all lines 0)", resident, "report",
             report={"expenses": [{"line": 0, "actual_fen": 0}], "participants": 0, "outcome": "未开展。"})
        step("accept (settles: refund, release)", street, "accept")
        step("close", staff, "close")
        measure("application detail with timeline", lambda: applications.get_application(staff, draft.id))
        measure("pool figures", lambda: pools.get_pool(staff, COMMITTEE, str(year)))
        measure("ledger page", lambda: pools.ledger(staff, COMMITTEE, str(year), 50, None))

        year = 2028
        at(f"{year}-01-04T09:00:00")
        pools.create_pools(street, COMMITTEE, str(year), PoolCreate(
            allocated_fen=100_000_000, per_application_cap_fen=2_000_000, per_team_cap_fen=50_000_000))
        at(f"{year}-03-02T10:00:00")
        filed = time.perf_counter()
        for number in range(APPLICATIONS):
            applications.create_draft(resident, ApplicationDraft.model_validate(application(year, team=f"团队{number}")))
        filed = time.perf_counter() - filed
        def whole_year(limit: int) -> tuple[list[float], int, int]:
            timings, seen, cursor = [], 0, None
            while True:
                started = time.perf_counter()
                page = applications.list_for_pool(staff, COMMITTEE, str(year), ApplicationListQuery(limit=limit, cursor=cursor))
                timings.append(time.perf_counter() - started)
                seen += len(page.items)
                cursor = page.next_cursor
                if not cursor:
                    return timings, len(timings), seen

        for limit in PAGE_SIZES:
            timings, pages, seen = whole_year(limit)
            # Metered on a second pass, so that the hooks' own work is not in the times.
            with meter.metering() as usage:
                whole_year(limit)
            listing.append((limit, pages, seen, usage.calls["Query"], usage.read_units, statistics.median(timings),
                            sum(timings)))

    machine.section("Autonomy funds", METHOD)
    machine.table(("operation", *meter.USAGE_HEADERS), ([name, *meter.usage_cells(usage)] for name, usage in rows),
                  right=meter.right_columns(1))
    machine.paragraphs(meter.CAPACITY_NOTE)
    machine.paragraphs("""
    Every state change is exactly one TransactWriteItems: the application under its status and
    version, its timeline event, the applicant's inbox message and, where money moves, the pool's
    `ADD` with its ledger entries and the team's yearly total. The reads before it are the
    application (GetItem) and, where a rule needs them, the pool (caps, notice length) and the
    team's total (submit); the Query after it returns the application with its timeline as the
    response. An objection is one GetItem and one transaction.
    """)
    machine.paragraphs(f"""
    {APPLICATIONS:,} applications filed in one committee and year in {filed:.1f} s
    ({filed / APPLICATIONS * 1000:.1f} ms each through the service layer, embedded AWS included).
    """)
    machine.table(("page size", "pages", "applications", "Query calls", "read units", "median page", "whole year"),
                  ([limit, pages, f"{seen:,}", queries, meter.units(read), f"{median * 1000:.1f} ms",
                    f"{total * 1000:.0f} ms"] for limit, pages, seen, queries, read, median, total in listing),
                  right=(0, 1, 2, 3, 4, 5, 6))
    machine.paragraphs("""
    A page of a committee's year is one Query on GSI2 (`FUNDAPPS#{committee}#{year}`), newest
    first. The times are the embedded AWS's on this machine, HTTP included, not DynamoDB's.
    """)
    return 0


if __name__ == "__main__":
    sys.exit(main())
