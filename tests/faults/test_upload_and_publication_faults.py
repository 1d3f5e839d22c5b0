"""An upload form and a publication request under faults.

Photos themselves meet S3 faults when a submission cites them (HeadObject, CopyObject:
test_suggestion_faults.py); the upload form is signed locally and sends no request at all.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from itertools import count
from typing import Any

from chalicelib.storage.items import to_item
from chalicelib.storage.keys import publication_key
from tests.api.suggestion_helpers import post
from tests.faults.injection import MESSAGES, Call, StateWatch
from tests.faults.runner import Operation


class RequestedMonthsWatch(StateWatch):
    """Counts a sent publication message as state only while a record of its month carries its
    requested_at. A request sends its message before it records the month, so a record that
    fails leaves a message behind; the queue's function drops it unread (test_publication.py),
    which makes it no queued publication."""

    def __init__(self, dynamodb: Any, s3: Any, table: str):
        super().__init__(dynamodb, s3)
        self.table = table
        self.bodies: list[dict[str, Any]] = []

    @property
    def messages(self) -> list[str]:  # type: ignore[override]
        return ["SendMessage" for body in self.bodies if self._recorded(body)]

    @messages.setter
    def messages(self, _: list[str]) -> None:
        """StateWatch's own initialiser sets the list; here it is worked out from the bodies."""

    def sent(self, call: Call) -> None:
        if (call.service, call.operation) in MESSAGES:
            self.bodies.append(json.loads(call.params.get("MessageBody", "{}")))

    def _recorded(self, body: dict[str, Any]) -> bool:
        if "requested_at" not in body:
            return True
        item = self.dynamodb.get_item(TableName=self.table, Key=to_item(publication_key(body["month"])),
                                      ConsistentRead=True).get("Item")
        return item is not None and item.get("requested_at") == {"S": body["requested_at"]}


def test_an_upload_form_reads_only_whether_its_resident_erased_their_account(injector, client, accounts):
    injector.start()
    form = post(client, "/uploads/photos", accounts["resident"], {"content_type": "image/png", "size_bytes": 1000})
    assert form.status_code == 201, form.body
    # The form itself is signed here; the one call is the erasure marker every resident write reads.
    assert injector.sent == 1 and injector.calls[0].name == "dynamodb.GetItem", [c.name for c in injector.calls]


def test_asking_for_a_month_to_be_published(exerciser, injector, observer, stack, client, accounts, at):
    # Months of this module alone, asked for once each, long over by the clock's time.
    months = (f"{2030 + n // 12}-{n % 12 + 1:02d}" for n in count())
    # A retry comes later than the request it repeats, so their messages carry different times.
    seconds = count()
    injector.watch_factory = lambda: RequestedMonthsWatch(observer["dynamodb"], observer["s3"], stack.table_name)

    def send(month):
        at((datetime(2044, 6, 1, 10) + timedelta(seconds=next(seconds))).isoformat())
        return post(client, f"/publications/{month}", accounts["platform_admin"], {})

    report = exerciser.run(Operation("publication request", lambda: next(months), send, 202))
    assert not report.problems, "\n".join(report.problems)
