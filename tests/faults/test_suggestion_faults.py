"""The suggestion loop's writes under faults: submit (with and without Idempotency-Key, with
photos), an official's accept and reply, a resident's rating."""

from __future__ import annotations

import uuid

import requests

from tests.api.suggestion_helpers import act, post, submit, suggestion
from tests.api.test_uploads_api import tiny_png
from tests.faults.runner import Operation


def assert_clean(report) -> None:
    assert not report.problems, "\n".join(report.problems)


def keyed_submission(client, resident) -> Operation:
    def send(context):
        return post(client, "/suggestions", resident, context["body"], {"Idempotency-Key": context["key"]})

    return Operation("submit with Idempotency-Key", lambda: {"key": str(uuid.uuid4()), "body": suggestion()},
                     send, 201, keyed=True)


def test_submitting_with_an_idempotency_key(exerciser, client, accounts):
    report = exerciser.run(keyed_submission(client, accounts["resident"]))
    assert_clean(report)


def upload_photo(client, resident) -> str:
    png = tiny_png()
    form = post(client, "/uploads/photos", resident, {"content_type": "image/png", "size_bytes": len(png)}).json_body
    uploaded = requests.post(form["url"], data=form["fields"], files={"file": ("p.png", png, "image/png")}, timeout=10)
    assert uploaded.status_code in (200, 201, 204)
    return form["key"]


def test_submitting_with_a_photo_and_no_key(exerciser, client, accounts):
    resident = accounts["resident"]

    def send(photos):
        return post(client, "/suggestions", resident, suggestion(photos=photos))

    # The photos are copied next to the case before its transaction; a failed transaction
    # must take the copies with it, or they would outlive the upload lifecycle uncited.
    operation = Operation("submit with a photo, no key", lambda: [upload_photo(client, resident)], send, 201)
    report = exerciser.run(operation)
    assert_clean(report)


def test_accepting_a_case(exerciser, client, accounts):
    street = accounts["street_official"]
    operation = Operation(
        "accept", lambda: submit(client, accounts["resident"])["id"],
        lambda case_id: post(client, f"/review/suggestions/{case_id}/accept", street, {}), 200)
    assert_clean(exerciser.run(operation))


def test_replying_to_a_case(exerciser, client, accounts):
    street = accounts["street_official"]

    def accepted():
        case_id = submit(client, accounts["resident"])["id"]
        act(client, street, case_id, "accept")
        return case_id

    def send(case_id):
        return post(client, f"/review/suggestions/{case_id}/reply", street,
                    {"message": "已排入下月施工计划。", "adoption": "adopted"})

    assert_clean(exerciser.run(Operation("reply", accepted, send, 200)))


def test_rating_a_reply(exerciser, client, accounts):
    resident, street = accounts["resident"], accounts["street_official"]

    def replied():
        case_id = submit(client, resident)["id"]
        act(client, street, case_id, "accept")
        act(client, street, case_id, "reply", {"message": "已完成。", "adoption": "adopted"})
        return case_id

    operation = Operation("rating", replied,
                          lambda case_id: post(client, f"/suggestions/{case_id}/rating", resident, {"score": 4}), 201)
    assert_clean(exerciser.run(operation))
