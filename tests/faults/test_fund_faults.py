"""Autonomy-fund writes under faults: a draft (with Idempotency-Key), its submission, and
the street's approval, which commits money from the pool: spent once, or not at all."""

from __future__ import annotations

import uuid

from tests.api.fund_helpers import application, create_pool, new_application, to_approval
from tests.api.suggestion_helpers import post
from tests.faults.runner import RESULT_UNSTORED, Operation, either, reads_after_the_write

# A year no other fund test uses, so the pool is this module's alone.
YEAR = 2041
POOL_FEN = 500_000_000


# applications._create_draft and workflow.act answer with get_application, a fresh read
# after the transaction: when that read fails the change is committed yet the caller gets a
# 503, and the retry it invites creates a second draft (even with the same Idempotency-Key,
# since the use case failed) or is refused 409 as a stale version.
READ_BACK = reads_after_the_write("answered 503 after committing: the read-back of the application failed")


def assert_clean(report) -> None:
    assert not report.problems, "\n".join(report.problems)
    assert report.known_gaps, "the read-back gap no longer shows: drop READ_BACK"


def test_creating_a_draft_with_an_idempotency_key(exerciser, client, accounts, at):
    at(f"{YEAR}-02-01T09:00:00")
    create_pool(client, accounts["street_official"], YEAR, POOL_FEN)
    resident = accounts["kongjiang_resident"]

    def send(context):
        return post(client, "/funds/applications", resident, context["body"], {"Idempotency-Key": context["key"]})

    operation = Operation("fund draft with Idempotency-Key",
                          lambda: {"key": str(uuid.uuid4()), "body": application(YEAR, team=f"队{uuid.uuid4().hex[:8]}")},
                          send, 201, keyed=True, known_gap=either(READ_BACK, RESULT_UNSTORED))
    assert_clean(exerciser.run(operation))


def test_submitting_an_application(exerciser, client, accounts, at):
    at(f"{YEAR}-02-01T09:00:00")
    create_pool(client, accounts["street_official"], YEAR + 1, POOL_FEN)
    at(f"{YEAR + 1}-02-01T09:00:00")
    resident = accounts["kongjiang_resident"]

    def send(draft):
        return post(client, f"/funds/applications/{draft['id']}/submit", resident, {"version": draft["version"]})

    operation = Operation("fund submit",
                          lambda: new_application(client, resident, YEAR + 1, team=f"队{uuid.uuid4().hex[:8]}"),
                          send, 200, known_gap=READ_BACK)
    assert_clean(exerciser.run(operation))


def test_approving_an_application_spends_the_pool_once(exerciser, client, accounts, at):
    year = YEAR + 2
    at(f"{year}-02-01T09:00:00")
    create_pool(client, accounts["street_official"], year, POOL_FEN)
    street = accounts["street_official"]

    def send(in_notice):
        return post(client, f"/funds/applications/{in_notice['id']}/approve", street, {"version": in_notice["version"]})

    # Each application is its own team's, so the per-team cap never stops an approval.
    operation = Operation("fund approve (pool spend)",
                          lambda: to_approval(client, accounts, at, year, team=f"队{uuid.uuid4().hex[:8]}"), send, 200,
                          known_gap=READ_BACK)
    assert_clean(exerciser.run(operation))

