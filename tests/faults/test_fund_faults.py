"""Autonomy-fund writes under faults: a draft (with Idempotency-Key), its submission, and
the street's approval, which commits money from the pool: spent once, or not at all."""

from __future__ import annotations

import uuid

from tests.api.fund_helpers import application, create_pool, new_application, to_approval
from tests.api.suggestion_helpers import post
from tests.faults.injection import ANSWER_LOST, at_position
from tests.faults.runner import Operation

# A year no other fund test uses, so the pool is this module's alone.
YEAR = 2041
POOL_FEN = 500_000_000


def assert_clean(report) -> None:
    assert not report.problems, "\n".join(report.problems)


def test_creating_a_draft_with_an_idempotency_key(exerciser, client, accounts, at):
    at(f"{YEAR}-02-01T09:00:00")
    create_pool(client, accounts["street_official"], YEAR, POOL_FEN)
    resident = accounts["kongjiang_resident"]

    def send(context):
        return post(client, "/funds/applications", resident, context["body"], {"Idempotency-Key": context["key"]})

    operation = Operation("fund draft with Idempotency-Key",
                          lambda: {"key": str(uuid.uuid4()), "body": application(YEAR, team=f"队{uuid.uuid4().hex[:8]}")},
                          send, 201, keyed=True)
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
                          send, 200)
    assert_clean(exerciser.run(operation))


def approvals(name: str, year: int, client, accounts, at) -> Operation:
    at(f"{year}-02-01T09:00:00")
    create_pool(client, accounts["street_official"], year, POOL_FEN)
    street = accounts["street_official"]

    def send(in_notice):
        return post(client, f"/funds/applications/{in_notice['id']}/approve", street, {"version": in_notice["version"]})

    # Each application is its own team's, so the per-team cap never stops an approval.
    return Operation(name, lambda: to_approval(client, accounts, at, year, team=f"队{uuid.uuid4().hex[:8]}"), send, 200)


def test_approving_an_application_spends_the_pool_once(exerciser, client, accounts, at):
    assert_clean(exerciser.run(approvals("fund approve (pool spend)", YEAR + 2, client, accounts, at)))


def transaction_position(calls) -> int:
    return next(i for i, c in enumerate(calls) if c.operation == "TransactWriteItems")


def test_a_draft_whose_answer_was_lost_is_one_draft(exerciser, injector, client, accounts, at):
    """The answer of the draft's transaction is lost after DynamoDB applied it: the app's own
    second try meets its first, and a retry with the same key meets the claim."""
    at(f"{YEAR + 3}-02-01T09:00:00")
    create_pool(client, accounts["street_official"], YEAR + 3, POOL_FEN)
    resident = accounts["kongjiang_resident"]
    for keyed in (True, False):
        def send(context):
            headers = {"Idempotency-Key": context["key"]} if context["keyed"] else {}
            return post(client, "/funds/applications", resident, context["body"], headers)

        operation = Operation("fund draft, answer lost", lambda keyed=keyed: {
            "key": str(uuid.uuid4()), "keyed": keyed, "body": application(YEAR + 3, team=f"队{uuid.uuid4().hex[:8]}")},
            send, 201, keyed=keyed)
        calls, once, _ = exerciser.record(operation)
        context = exerciser.prepared(operation, at_position(transaction_position(calls), ANSWER_LOST))
        first = operation.send(context)
        assert first.status_code == 201, first.body
        assert exerciser.effect_of(operation) == once
        if keyed:
            injector.again()
            again = operation.send(context)
            assert again.status_code == 201 and again.json_body == first.json_body
            assert exerciser.effect_of(operation) == once


def test_an_approval_whose_answer_was_lost_spends_once_and_answers_200(exerciser, client, accounts, at):
    """repository.write's own second try meets the first, committed one: the event it wrote
    tells the app that the change is its own, not a rival's."""
    operation = approvals("fund approve, answer lost", YEAR + 4, client, accounts, at)
    calls, once, _ = exerciser.record(operation)
    context = exerciser.prepared(operation, at_position(transaction_position(calls), ANSWER_LOST))
    answered = operation.send(context)
    assert answered.status_code == 200 and answered.json_body["status"] == "approved", answered.body
    assert exerciser.effect_of(operation) == once
