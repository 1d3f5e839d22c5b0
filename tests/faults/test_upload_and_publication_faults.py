"""An upload form and a publication request under faults.

Photos themselves meet S3 faults when a submission cites them (HeadObject, CopyObject:
test_suggestion_faults.py); the upload form is signed locally and sends no request at all.
"""

from __future__ import annotations

from itertools import count

from tests.api.suggestion_helpers import post
from tests.faults.runner import Operation, at_call


def test_an_upload_form_makes_no_call_a_fault_could_reach(injector, client, accounts):
    injector.start()
    form = post(client, "/uploads/photos", accounts["resident"], {"content_type": "image/png", "size_bytes": 1000})
    assert form.status_code == 201, form.body
    assert injector.sent == 0, [c.name for c in injector.calls]


def test_asking_for_a_month_to_be_published(exerciser, client, accounts, at):
    # Months of this module alone, asked for once each, long over by the clock's time.
    at("2044-06-01T10:00:00")
    months = (f"{2030 + n // 12}-{n % 12 + 1:02d}" for n in count())

    def send(month):
        return post(client, f"/publications/{month}", accounts["platform_admin"], {})

    # jobs.request commits the month as queued, then sends its message: when the send fails
    # the month stays queued with no message, and every request for the next half hour
    # (STALE_AFTER) answers 202 from that record without sending one.
    unsent = at_call("sqs.SendMessage", "recorded as queued, never sent")
    report = exerciser.run(Operation("publication request", lambda: next(months), send, 202, known_gap=unsent))
    assert not report.problems, "\n".join(report.problems)
    assert report.known_gaps, "a failed send no longer strands the month: drop the known gap"
