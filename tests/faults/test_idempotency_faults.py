"""What a retry with the same Idempotency-Key finds after faults that strike the
idempotency record itself, and after a write whose answer was lost."""

from __future__ import annotations

from tests.faults.injection import ANSWER_LOST, THROTTLING, Call, at_position, from_position
from tests.faults.test_ballot_faults import signed_in_ballot
from tests.faults.test_suggestion_faults import keyed_submission


def transaction_position(calls: list[Call]) -> int:
    return next(i for i, c in enumerate(calls) if c.operation == "TransactWriteItems")


def test_an_in_progress_record_left_behind_does_not_hold_up_the_retry(exerciser, injector, client, accounts):
    operation = keyed_submission(client, accounts["resident"])
    calls, once, _ = exerciser.record(operation)

    # The transaction fails, and so does every try at removing the in-progress record.
    context = exerciser.prepared(operation, from_position(transaction_position(calls), THROTTLING))
    assert operation.send(context).status_code == 503
    left = [c for c in exerciser.effect_of(operation) if c[0] == "idempotency"]
    assert len(left) == 1 and left[0][2] == "created", left

    # Nothing is claimed under the key, so the retry runs instead of waiting for the record to expire.
    injector.again()
    retried = operation.send(context)
    assert retried.status_code == 201, retried.body
    assert exerciser.effect_of(operation) == once
    assert operation.send(context).json_body == retried.json_body


def test_an_in_progress_record_whose_write_lost_its_answer_does_not_hold_up_the_retry(exerciser, injector, client,
                                                                                      accounts):
    operation = keyed_submission(client, accounts["resident"])
    calls, once, _ = exerciser.record(operation)
    # The erasure marker is read first; Powertools' in-progress record is the first write.
    assert [c.name for c in calls[:2]] == ["dynamodb.GetItem", "dynamodb.PutItem"]
    context = exerciser.prepared(operation, at_position(1, ANSWER_LOST))
    lost = operation.send(context)
    assert lost.status_code == 503, lost.body
    assert [c[0] for c in exerciser.effect_of(operation)] == ["idempotency"]

    injector.again()
    retried = operation.send(context)
    assert retried.status_code == 201, retried.body
    assert exerciser.effect_of(operation) == once


def test_two_sends_of_one_key_at_once_make_one_case_and_both_answer_it(exerciser, client, accounts):
    import threading

    operation = keyed_submission(client, accounts["resident"])
    _, once, _ = exerciser.record(operation)
    context = exerciser.prepared(operation)
    start = threading.Barrier(2, timeout=30)
    answers = []

    def send() -> None:
        start.wait()
        answers.append(operation.send(context))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [a.status_code for a in answers] == [201, 201], [a.body for a in answers]
    assert answers[0].json_body["id"] == answers[1].json_body["id"]
    effect = exerciser.effect_of(operation)
    assert [c for c in effect if c[0] != "idempotency"] == [c for c in once if c[0] != "idempotency"]
    # The watch reads an item before its first write, and either thread may write the key's
    # record first, so it shows as created or as updated; either way it ends holding the result.
    (record,) = [c for c in effect if c[0] == "idempotency"]
    assert "data" in str(record), record


def test_a_result_whose_storing_failed_once_is_stored_on_a_second_try(exerciser, injector, client, accounts):
    operation = keyed_submission(client, accounts["resident"])
    calls, once, _ = exerciser.record(operation)
    (save,) = [i for i, c in enumerate(calls) if c.name == "dynamodb.UpdateItem"]

    context = exerciser.prepared(operation, at_position(save, THROTTLING))
    first = operation.send(context)
    assert first.status_code == 201, first.body
    assert exerciser.effect_of(operation) == once

    injector.again()
    again = operation.send(context)
    assert again.status_code == 201 and again.json_body == first.json_body
    assert exerciser.effect_of(operation) == once


def test_a_record_whose_removal_failed_once_is_removed_on_a_second_try(exerciser, injector, client, accounts):
    operation = keyed_submission(client, accounts["resident"])
    calls, once, _ = exerciser.record(operation)
    position = transaction_position(calls)

    # The transaction and the first DeleteItem of the in-progress record fail.
    context = exerciser.prepared(operation, lambda seen: THROTTLING if len(seen) - 1 in (position, position + 1) else None)
    assert operation.send(context).status_code == 503
    tried = [c.name for c in injector.calls[position:]]
    assert exerciser.effect_of(operation) == []

    injector.again()
    retried = operation.send(context)
    assert retried.status_code == 201, retried.body
    assert exerciser.effect_of(operation) == once
    assert tried == ["dynamodb.TransactWriteItems", "dynamodb.DeleteItem", "dynamodb.DeleteItem"]


def test_a_ballot_whose_answer_was_lost_is_stored_once_and_the_retry_is_told_so(exerciser, injector, client,
                                                                                accounts, at):
    operation = signed_in_ballot(client, accounts, at)
    calls, once, _ = exerciser.record(operation)
    context = exerciser.prepared(operation, at_position(transaction_position(calls), ANSWER_LOST))
    lost = operation.send(context)
    assert lost.status_code == 503, lost.body
    assert exerciser.effect_of(operation) == once

    injector.again()
    retried = operation.send(context)
    assert retried.status_code == 409 and retried.json_body["code"] == "already_voted", retried.body
    assert exerciser.effect_of(operation) == once


def test_a_submission_whose_answer_was_lost_is_one_case_after_the_retry(exerciser, injector, client, accounts):
    operation = keyed_submission(client, accounts["resident"])
    calls, once, _ = exerciser.record(operation)
    context = exerciser.prepared(operation, at_position(transaction_position(calls), ANSWER_LOST))
    assert operation.send(context).status_code == 503

    injector.again()
    assert operation.send(context).status_code == 201
    assert exerciser.effect_of(operation) == once


def test_the_key_of_a_submission_whose_answer_was_lost_is_refused_with_another_body(exerciser, injector, client,
                                                                                     accounts):
    operation = keyed_submission(client, accounts["resident"])
    calls, once, _ = exerciser.record(operation)
    context = exerciser.prepared(operation, at_position(transaction_position(calls), ANSWER_LOST))
    assert operation.send(context).status_code == 503

    injector.again()
    changed = {**context, "body": {**context["body"], "title": "另一条建议：小区门口路灯不亮"}}
    refused = operation.send(changed)
    assert refused.status_code == 409 and refused.json_body["code"] == "idempotency_key_reused", refused.body
    # One case and nothing else of the refused body's; its key's record, removed with the
    # refusal, is written again by the next try.
    assert [c for c in exerciser.effect_of(operation) if c[0] != "idempotency"] == [
        c for c in once if c[0] != "idempotency"]
    # The first body is still answered with its case.
    assert operation.send(context).status_code == 201
    assert exerciser.effect_of(operation) == once
