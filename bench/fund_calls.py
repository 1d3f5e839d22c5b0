"""DynamoDB calls per autonomy-fund action, and the time to list a committee's year.

Part 1 takes one application from draft to closed through the service layer against the
embedded AWS and counts the DynamoDB calls of each step (target: one transaction per
state change). Part 2 files APPLICATIONS applications in one committee and year and times
reading them page by page, the way an official's client or the monthly publication lists
them (target: one Query per page).
Run: .venv/bin/python -W ignore bench/fund_calls.py
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.suggestion_calls import WRITE_CALLS, counting  # noqa: E402

APPLICATIONS = 1_000
PAGE_SIZES = (20, 100)
COMMITTEE = "310110012001"


def main() -> int:
    from local_stack.moto_server import start_moto_server
    from local_stack.provision import apply_environment, provision

    moto = start_moto_server()
    rows = []
    listing = []
    try:
        apply_environment(provision(moto.url, prefix="mulin-bench-funds"))
        from chalicelib import clock
        from chalicelib.auth import Principal, Role
        from chalicelib.funds import applications, pools, workflow
        from chalicelib.funds.models import (
            ApplicationDraft,
            ApplicationListQuery,
            FundActionRequest,
            ObjectionCreate,
            PoolCreate,
        )
        from local_stack.demo import load_divisions
        from tests.api.fund_helpers import application

        load_divisions()

        def at(moment: str) -> None:
            instant = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
            clock.utc_now = lambda: instant  # type: ignore[assignment]

        resident = Principal(user_id="bench-lead", role=Role.resident, phone="+8613800137777", residence=COMMITTEE)
        neighbour = Principal(user_id="bench-neighbour", role=Role.resident, phone="+8613800138888", residence=COMMITTEE)
        staff = Principal(user_id="bench-staff", role=Role.committee_staff, jurisdiction=COMMITTEE)
        street = Principal(user_id="bench-street", role=Role.street_official, jurisdiction="310110012")

        def measure(name, call):
            with counting() as calls:
                result = call()
            rows.append((name, calls))
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
            body = FundActionRequest(version=current["version"], **fields)
            return measure(name, lambda: workflow.act(account, draft.id, action, body))

        step("submit", resident, "submit")
        step("recommend (starts the public notice)", staff, "recommend")
        objection = measure("object during the notice", lambda: applications.object_to(
            neighbour, draft.id, ObjectionCreate(reason="请说明排练时间。")))
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
        for limit in PAGE_SIZES:
            timings, queries, pages, seen = [], 0, 0, 0
            cursor = None
            with counting() as calls:
                while True:
                    started = time.perf_counter()
                    page = applications.list_for_pool(staff, COMMITTEE, str(year),
                                                      ApplicationListQuery(limit=limit, cursor=cursor))
                    timings.append(time.perf_counter() - started)
                    pages += 1
                    seen += len(page.items)
                    cursor = page.next_cursor
                    if not cursor:
                        break
            queries = calls["Query"]
            listing.append((limit, pages, seen, queries, statistics.median(timings), sum(timings)))
    finally:
        moto.stop()

    print(f"# Autonomy funds — {datetime.now(UTC):%Y-%m-%d}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          "`.venv/bin/python -W ignore bench/fund_calls.py`")
    print()
    print("| operation | calls | transactions | writes | which |")
    print("| --- | --- | --- | --- | --- |")
    for name, calls in rows:
        writes = sum(n for op, n in calls.items() if op in WRITE_CALLS)
        which = ", ".join(f"{op} ×{n}" if n > 1 else op for op, n in sorted(calls.items()))
        print(f"| {name} | {sum(calls.values())} | {calls['TransactWriteItems']} | {writes} | {which} |")
    print()
    print(f"{APPLICATIONS:,} applications filed in one committee and year in {filed:.1f} s "
          f"({filed / APPLICATIONS * 1000:.1f} ms each through the service layer).")
    print()
    print("| page size | pages | applications | Query calls | median page | whole year |")
    print("| --- | --- | --- | --- | --- | --- |")
    for limit, pages, seen, queries, median, total in listing:
        print(f"| {limit} | {pages} | {seen:,} | {queries} | {median * 1000:.1f} ms | {total * 1000:.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
