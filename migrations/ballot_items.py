"""Move voters' records, used paper codes and ballots from the main table to the ballots table.

Rounds whose voting began before the ballots table existed keep these items in the main
table, where the API no longer looks: left there, a voter who has voted could vote again and
the tally would miss every earlier ballot. This moves each of them, unchanged, to the same
key in the ballots table, in one transaction with its deletion from the main table; a ballot
also gets the random id the tally publishes, since its old voter id (the receipt) must not
be published. An old ballot keeps its key (its shard and receipt) and its change hash: its
voter, whose record does not point at it, still replaces it with the receipt and change code
(voting/ballots.py).

Run it after the person-keys migration and while no round is taking ballots (put the API
stage's throttle to zero for the run if one is): a voter whose old record has not moved yet
could otherwise cast a second ballot. Such a clash is not overwritten; it is counted as
"already in the ballots table" and left in the main table for an operator to look at.

Like person-keys it reads the main table with a paged Scan (a one-off backfill, kept out of
chalicelib where nothing scans), resumes from a checkpoint file, and a second run moves nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from chalicelib.settings import get_settings
from chalicelib.storage import dynamo
from chalicelib.storage.items import from_item, to_item
from chalicelib.voting.rules import new_ballot_id

SCAN_PAGE = 500
KINDS = {"voter_record": "voter record", "voting_code": "paper code", "ballot": "ballot"}


def _pages(checkpoint: Path | None) -> Iterator[tuple[list[dict[str, Any]], dict[str, Any] | None]]:
    start = json.loads(checkpoint.read_text()) if checkpoint and checkpoint.exists() else None
    if start == "done":
        return
    while True:
        response = dynamo.db().scan(
            TableName=dynamo.table_name(), Limit=SCAN_PAGE, FilterExpression="#type IN (:voter, :code, :ballot)",
            ExpressionAttributeNames={"#type": "type"},
            ExpressionAttributeValues=to_item({":voter": "voter_record", ":code": "voting_code", ":ballot": "ballot"}),
            **({"ExclusiveStartKey": start} if start else {}))
        start = response.get("LastEvaluatedKey")
        yield [from_item(i) for i in response.get("Items", [])], start
        if not start:
            return


def moved(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The transaction that moves one item: written once to the ballots table, removed from the main one."""
    new = {**item, "id": item.get("id") or new_ballot_id()} if item["type"] == "ballot" else item
    return [
        {"Put": {"TableName": get_settings().ballots_table_name, "Item": to_item(new),
                 "ConditionExpression": "attribute_not_exists(PK)"}},
        {"Delete": {"TableName": dynamo.table_name(), "Key": to_item({"PK": item["PK"], "SK": item["SK"]}),
                    "ConditionExpression": "attribute_exists(PK)"}},
    ]


def migrate(*, checkpoint: Path | None = None, dry_run: bool = False,
            progress: Callable[[int], Any] = lambda n: None) -> Counter[str]:
    """Move every voter record, paper code and ballot left in the main table; how many of each."""
    counts: Counter[str] = Counter()
    for items, last in _pages(checkpoint):
        for item in items:
            kind = KINDS[item["type"]]
            if dry_run:
                counts[kind] += 1
                continue
            try:
                dynamo.transact_write(moved(item))
                counts[kind] += 1
            except dynamo.ConditionFailedError as exc:
                counts[f"{kind} (already in the ballots table)" if 0 in exc.failed else f"{kind} (moved meanwhile)"] += 1
        if checkpoint and not dry_run:
            checkpoint.write_text(json.dumps(last if last else "done"))
        progress(len(items))
    return counts
