"""DynamoDB calls and capacity per suggestion operation, through the service layer.

Starts the embedded AWS, loads the Shanghai divisions, then runs every operation of the
suggestion loop once and meters the AWS calls each one makes (bench/meter.py; the
idempotency records included: Powertools uses the same client). Targets: a queue page =
1 Query; an action = 1 write call; a submission ≤ 3 calls. Prints its BENCHMARKS.md section.
Run: .venv/bin/python -W ignore bench/suggestion_calls.py
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import machine, meter  # noqa: E402
from bench.stack import embedded_aws  # noqa: E402

METHOD = """
Every operation of the suggestion loop run once through the service layer against the embedded
AWS, with the Shanghai divisions loaded; AWS calls metered on the app's own clients
(`bench/meter.py`, which Powertools idempotency shares). Targets: a queue page = 1 Query; an
action = 1 write call; a submission ≤ 3 calls.
"""


def main() -> int:
    rows: list[tuple[str, meter.Usage]] = []
    with embedded_aws("mulin-bench-suggestions"):
        from chalicelib.auth import Principal, Role
        from chalicelib.models import PageQuery
        from chalicelib.suggestions import service
        from chalicelib.suggestions.models import ActionRequest, RatingRequest, ReviewQueueQuery, SuggestionSubmission
        from chalicelib.workdays.service import load_calendar, reset_calendar_cache

        resident = Principal(user_id="bench-resident", role=Role.resident, phone="+8613800009999", phone_verified=True)
        street = Principal(user_id="bench-street", role=Role.street_official, jurisdiction="310110012")
        neighbour = Principal(user_id="bench-neighbour", role=Role.street_official, jurisdiction="310110015")
        body = SuggestionSubmission(title="控江路盲道", content="人行道缺少盲道，建议加装。", category="transport",
                                    division="310110012001")

        def measure(name, call):
            with meter.metering() as usage:
                result = call()
            rows.append((name, usage))
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

    machine.section("DynamoDB calls per suggestion operation", METHOD)
    machine.table(("operation", *meter.USAGE_HEADERS), ([name, *meter.usage_cells(usage)] for name, usage in rows),
                  right=meter.right_columns(1))
    retried = dict(rows)["submit, retried with the same key"]
    machine.paragraphs(f"""
    {meter.CAPACITY_NOTE}

    The working-day calendar is read once per container and kept for five minutes, so the warm
    figures above do not include it. A retried submission costs
    {retried.dynamodb_calls} call ({retried.which()}): Powertools finds the completed record
    in the refused put's `ALL_OLD` image. An action reads the version it is conditional on, then
    writes in one transaction; merge reads the case it merges into as well. Photos add S3 calls
    (HeadObject and CopyObject per photo; see the routes section), not DynamoDB ones.
    """)
    return 0


if __name__ == "__main__":
    sys.exit(main())
