"""DynamoDB calls per suggestion operation, counted with botocore's event hooks.

Starts the embedded AWS, loads the Shanghai divisions, then runs every operation of the
suggestion loop through the service layer and counts the DynamoDB API calls each one
makes (the idempotency records included: Powertools uses the same client). Targets: a
queue page = 1 Query; an action = 1 write call; a submission ≤ 3 calls. Warm figures:
the working-day calendar is read once per container and cached (shown separately).
Run: .venv/bin/python bench/suggestion_calls.py
"""

from __future__ import annotations

import os
import platform
import sys
import uuid
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WRITE_CALLS = {"PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem"}


@contextmanager
def counting():
    from chalicelib import aws

    calls: Counter[str] = Counter()

    def count(model, **_):
        calls[model.name] += 1

    events = aws.client("dynamodb").meta.events
    events.register("before-call.dynamodb", count, unique_id="bench-count")
    try:
        yield calls
    finally:
        events.unregister("before-call.dynamodb", unique_id="bench-count")


def main() -> int:
    from local_stack.moto_server import start_moto_server
    from local_stack.provision import apply_environment, provision

    moto = start_moto_server()
    try:
        apply_environment(provision(moto.url, prefix="mulin-bench"))
        from chalicelib.auth import Principal, Role
        from chalicelib.models import PageQuery
        from chalicelib.suggestions import service
        from chalicelib.suggestions.models import ActionRequest, RatingRequest, ReviewQueueQuery, SuggestionSubmission
        from chalicelib.workdays.service import load_calendar, reset_calendar_cache
        from local_stack.demo import load_divisions

        load_divisions()
        resident = Principal(user_id="bench-resident", role=Role.resident, phone="+8613800009999")
        street = Principal(user_id="bench-street", role=Role.street_official, jurisdiction="310110012")
        neighbour = Principal(user_id="bench-neighbour", role=Role.street_official, jurisdiction="310110015")
        body = SuggestionSubmission(title="控江路盲道", content="人行道缺少盲道，建议加装。", category="transport",
                                    division="310110012001")
        rows: list[tuple[str, Counter[str]]] = []

        def measure(name, call):
            with counting() as calls:
                result = call()
            rows.append((name, calls))
            return result

        reset_calendar_cache()
        measure("working-day calendar, first use in a container", load_calendar)
        case = measure("submit (no Idempotency-Key)", lambda: service.submit_suggestion(resident, body, None))
        measure("submit with Idempotency-Key", lambda: service.submit_suggestion(resident, body, str(uuid.uuid4())))
        key = str(uuid.uuid4())
        service.submit_suggestion(resident, body, key)
        measure("submit, retried with the same key", lambda: service.submit_suggestion(resident, body, key))
        other = service.submit_suggestion(resident, body, None)
        cid = case.id
        steps = [
            ("accept", street, {}),
            ("assign", street, {"committee": "310110012001"}),
            ("transfer", street, {"to_street": "310110015", "reason": "辖区调整"}),
            ("return", neighbour, {"reason": "不属本街道"}),
            ("extend", street, {"days": 10, "reason": "需协调多部门"}),
            ("reply", street, {"message": "已答复", "adoption": "adopted"}),
            ("close", street, {}),
            ("reopen", street, {"reason": "居民反映未落实"}),
        ]
        for action, who, fields in steps:
            measure(f"action: {action}", lambda a=action, w=who, f=fields: service.act_on_suggestion(
                w, cid, a, ActionRequest(**f)))
        measure("action: merge (two cases in one transaction)", lambda: service.act_on_suggestion(
            street, other.id, "merge", ActionRequest(into=cid)))
        service.act_on_suggestion(street, cid, "reply", ActionRequest(message="再次答复", adoption="adopted"))
        measure("rating (no reopen)", lambda: service.rate_suggestion(resident, cid, RatingRequest(score=5)))
        measure("queue page (oldest first)", lambda: service.review_queue(street, ReviewQueueQuery()))
        measure("queue page (by deadline, overdue only)", lambda: service.review_queue(
            street, ReviewQueueQuery(sort="deadline", overdue=True)))
        measure("queue page (district, filtered by category)", lambda: service.review_queue(
            Principal(user_id="d", role=Role.district_admin, jurisdiction="310110"),
            ReviewQueueQuery(category="transport")))
        measure("case detail with timeline", lambda: service.get_suggestion(street, cid))
        measure("case detail by tracking number", lambda: service.get_suggestion(resident, case.tracking_no))
        measure("my suggestions page", lambda: service.list_my_suggestions(resident, PageQuery()))
    finally:
        moto.stop()

    print(f"# DynamoDB calls per suggestion operation — {datetime.now(UTC):%Y-%m-%d}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, `.venv/bin/python bench/suggestion_calls.py`")
    print()
    print("| operation | calls | writes | which |")
    print("| --- | --- | --- | --- |")
    for name, calls in rows:
        writes = sum(n for op, n in calls.items() if op in WRITE_CALLS)
        which = ", ".join(f"{op} ×{n}" if n > 1 else op for op, n in sorted(calls.items()))
        print(f"| {name} | {sum(calls.values())} | {writes} | {which} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
