"""Data migrations, run by hand against the environment's table and pools.

    python -m migrations migrate person-keys [--checkpoint FILE] [--dry-run]
    python -m migrations migrate ballot-items [--checkpoint FILE] [--dry-run]
    python -m migrations migrate review-queues [--checkpoint FILE] [--dry-run]

person-keys moves records keyed on a resident's phone number to their account
(migrations/person_keys.py). It reads MULIN_TABLE, MULIN_USER_POOL_ID and
MULIN_PII_KEY_SECRET_ID as the API does, and the PII key itself from Secrets Manager
(chalicelib/secrets.py); `--checkpoint` names a file that lets an interrupted run resume
where it stopped. It prints what it moved; a second run moves nothing.

ballot-items then moves voters' records, used paper codes and ballots from the main table to
the ballots table (migrations/ballot_items.py), while no round is taking ballots.

review-queues indexes the rounds and fund applications stored before the review queues, and
gives fund review entries written before they kept them the officials who took a team's steps
(migrations/review_queues.py); it may run while the API serves.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

MIGRATIONS = ("person-keys", "ballot-items", "review-queues")


def main(argv: list[str] | None = None) -> int:
    from tqdm import tqdm

    from chalicelib import aws
    from chalicelib.settings import get_settings
    from chalicelib.storage import dynamo
    from migrations import ballot_items, person_keys, review_queues

    parser = argparse.ArgumentParser(prog="python -m migrations", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("migrate", help="run one migration")
    run.add_argument("name", choices=MIGRATIONS)
    run.add_argument("--checkpoint", type=Path, help="resume from, and record progress in, this file")
    run.add_argument("--dry-run", action="store_true", help="count what would change, write nothing")
    args = parser.parse_args(argv)
    # Keys derived from the cursor secret (a bench's stand-in) would move every record to keys
    # the API never computes.
    if args.name != "review-queues" and not (get_settings().pii_key_secret_id or os.environ.get("MULIN_PII_KEY", "").strip()):
        print("error: MULIN_PII_KEY_SECRET_ID is not set: the records would move under another key", file=sys.stderr)
        return 2

    total = dynamo.db().describe_table(TableName=dynamo.table_name())["Table"].get("ItemCount")
    verb = "would move" if args.dry_run else "moved"
    with tqdm(desc=args.name, total=total or None, unit=" items", file=sys.stderr) as bar:
        if args.name == "review-queues":
            counts = review_queues.migrate(checkpoint=args.checkpoint, dry_run=args.dry_run, progress=bar.update)
            summary = ""
        elif args.name == "ballot-items":
            counts = ballot_items.migrate(checkpoint=args.checkpoint, dry_run=args.dry_run, progress=bar.update)
            summary = ""
        else:
            people = person_keys.People(person_keys.residents(aws.client("cognito-idp"), get_settings().user_pool_id))
            counts = person_keys.migrate(people, checkpoint=args.checkpoint, dry_run=args.dry_run, progress=bar.update)
            summary = f"{len(people.phones)} residents; "
    print(f"{summary}{verb} {sum(n for k, n in counts.items() if '(' not in k)} items")
    for kind, count in sorted(counts.items()):
        print(f"  {kind}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
