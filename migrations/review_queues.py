"""Index the records that existed before the review queues (GET /review/funds, /review/rounds).

Rounds get their GSI1 `ROUNDTREE` keys and fund applications their review entry (`REVIEW`,
GSI1 `FUNDREVIEW#{level}`), which the API writes with every new round and every change of an
application since. Without them, a round created before is missing from /review/rounds and
an application waiting for officials from /review/funds and the summary's counts, until its
next change.

Safe while the API runs: a round's keys are set only where it has none, and an entry is put
only where none exists, so an entry the API wrote meanwhile (from a newer state) is kept. An
entry written before entries kept who took a team's steps (`team_hands`, four eyes on paper and
meeting applications) is put again with them, from the application and its timeline: the API
writes them with every entry now, so one without them is older than the application read. An
application waiting since before the migration is dated by its last change (`updated_at`,
else `submitted_at`), its due date counted from there.

Like the others it reads the main table with a paged Scan (a one-off backfill, kept out of
chalicelib where nothing scans), resumes from a checkpoint file, and a second run changes nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from chalicelib.funds.applications import review_entry, team_hands_of
from chalicelib.funds.models import FundChannel
from chalicelib.funds.records import Application
from chalicelib.funds.repository import get_application_record
from chalicelib.storage import dynamo
from chalicelib.storage.items import from_item, to_item
from chalicelib.storage.keys import rounds_tree_keys

SCAN_PAGE = 500


def _pages(checkpoint: Path | None) -> Iterator[tuple[list[dict[str, Any]], dict[str, Any] | None]]:
    start = json.loads(checkpoint.read_text()) if checkpoint and checkpoint.exists() else None
    if start == "done":
        return
    while True:
        response = dynamo.db().scan(
            TableName=dynamo.table_name(), Limit=SCAN_PAGE, FilterExpression="#type IN (:round, :application)",
            ExpressionAttributeNames={"#type": "type"},
            ExpressionAttributeValues=to_item({":round": "round", ":application": "fund_application"}),
            **({"ExclusiveStartKey": start} if start else {}))
        start = response.get("LastEvaluatedKey")
        yield [from_item(i) for i in response.get("Items", [])], start
        if not start:
            return


def round_keys(item: dict[str, Any]) -> dict[str, Any]:
    keys = rounds_tree_keys(item["scope"], item["schedule"]["voting"][0], item["id"])
    return {"Update": {
        "TableName": dynamo.table_name(), "Key": to_item({"PK": item["PK"], "SK": item["SK"]}),
        "UpdateExpression": "SET GSI1PK = :pk, GSI1SK = :sk",
        "ConditionExpression": "attribute_exists(PK) AND attribute_not_exists(GSI1PK)",
        "ExpressionAttributeValues": to_item({":pk": keys["GSI1PK"], ":sk": keys["GSI1SK"]}),
    }}


def application_entry(item: dict[str, Any]) -> dict[str, Any]:
    application = Application.model_validate(item)
    # A web application's team steps are its lead's: only staff-entered ones need their timeline.
    record = get_application_record(application.id) if application.channel is not FundChannel.web else None
    put = review_entry(application, application.updated_at or application.submitted_at or application.created_at,
                       team_hands_of(record) if record else frozenset())
    put["Put"]["ConditionExpression"] = "attribute_not_exists(PK) OR attribute_not_exists(team_hands)"
    return put


def migrate(*, checkpoint: Path | None = None, dry_run: bool = False,
            progress: Callable[[int], Any] = lambda n: None) -> Counter[str]:
    """Index every round and application not indexed yet; how many of each."""
    counts: Counter[str] = Counter()
    for items, last in _pages(checkpoint):
        for item in items:
            kind, write = (("round", round_keys) if item["type"] == "round"
                           else ("fund application", application_entry))
            if dry_run:
                counts[kind] += 1
                continue
            try:
                dynamo.transact_write([write(item)])
                counts[kind] += 1
            except dynamo.ConditionFailedError:
                counts[f"{kind} (indexed already)"] += 1
        if checkpoint and not dry_run:
            checkpoint.write_text(json.dumps(last if last else "done"))
        progress(len(items))
    return counts
