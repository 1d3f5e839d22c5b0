"""What a read of the live index costs: items read, read units and time per `GET /index/{division}`
at each level, and the hourly publisher's run over one district.

Seeds a year and a quarter of counter items as the stream consumer leaves them (the days the
index reads: the 12-week trend's first point looks a year back) for every committee of one
district, its streets, the district and the city, straight into the embedded AWS's table (the
consumer's own speed is bench/live_consumer.py's). Then, with the platform's clock on a
Wednesday: N requests of `GET /index/{division}` per level through chalice.test.Client before
any weekly rollup exists (every day read), the hourly publisher (chalicelib/live/publish.py
`publish_all`) twice (the first run writes the rollups), and N requests per level again; each
metered on the app's own clients (bench/meter.py), the two answers compared.
Prints its BENCHMARKS.md section.
Run: .venv/bin/python -W ignore bench/live_index_reads.py [--district 310101] [--calls 20] [--seed 2026]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["POWERTOOLS_LOG_LEVEL"] = "WARNING"

from bench import machine, meter  # noqa: E402
from bench.stack import at, embedded_aws  # noqa: E402

TODAY = date(2026, 12, 2)  # a Wednesday: the current week and the windows' first weeks are partial
NOW = "2026-12-02T10:00:00"
DAYS = 450  # the trend's first point reads 364 days before a Sunday 11 weeks back: 442 days
# Counted events per committee and day (Poisson-like), and what share of them each counter gets.
EVENTS_PER_COMMITTEE_DAY = 2.5
COMMITTEES_IN_SHANGHAI = 6_500
SHARE = {
    "suggestions_received": 0.22, "suggestions_accepted": 0.18, "suggestions_accepted_on_time": 0.16,
    "replies": 0.16, "replies_on_time": 0.14, "ratings": 0.08, "rating_points": 0.30, "adoptions": 0.08,
    "topics_raised": 0.03, "meetings_held": 0.01, "decisions_carried": 0.01, "conventions_adopted": 0.002,
    "ballots_cast": 0.4, "fund_approved_fen": 20_000.0, "fund_spent_fen": 15_000.0, "residents_verified": 0.05,
}
WRITE_BATCH = 25


def days() -> list[date]:
    return [TODAY - timedelta(days=n) for n in range(DAYS)]


def counts(events: float, rng: random.Random) -> dict[str, int]:
    """Counters for `events` counted events: each counter its share, rounded at random."""
    made = {}
    for name, share in SHARE.items():
        value = int(events * share + rng.random())
        if value:
            made[name] = value
    return made


def events_of_day(rng: random.Random) -> int:
    # About one committee day in twelve has no event: a Poisson draw with the mean above.
    n, limit, product = 0, pow(2.718281828, -EVENTS_PER_COMMITTEE_DAY), rng.random()
    while product > limit:
        n += 1
        product *= rng.random()
    return n


def items(district: str, committees: list[str], streets: list[str], rng: random.Random) -> Iterator[dict[str, Any]]:
    from chalicelib.division_codes import CITY_CODE
    from chalicelib.live.counters import shard_count
    from chalicelib.storage import keys

    for day in days():
        iso = day.isoformat()
        street_events = dict.fromkeys(streets, 0)
        for committee in committees:
            n = events_of_day(rng)
            if not n:
                continue
            street_events[committee[:9]] += n
            yield {**keys.live_counter_key(committee, iso, 0), **counts(n, rng),
                   "applied": {uuid.UUID(int=rng.getrandbits(128)).hex for _ in range(n)},
                   "GSI1PK": keys.live_active_partition(committee, iso), "GSI1SK": keys.live_active_sort_key(committee, iso)}
        levels = [*((street, n) for street, n in street_events.items()), (district, sum(street_events.values())),
                  (CITY_CODE, EVENTS_PER_COMMITTEE_DAY * COMMITTEES_IN_SHANGHAI)]
        for code, n in levels:
            shards = shard_count(code)
            for shard in range(shards):
                # The city's items hold the whole city's events, not only the seeded district's.
                yield {**keys.live_counter_key(code, iso, shard), **counts(n / shards, rng)}


def seed(district: str, seed_: int) -> tuple[list[str], list[str], int]:
    from chalicelib.divisions.repository import list_child_divisions
    from chalicelib.storage import dynamo
    from chalicelib.storage.items import to_item

    streets = sorted(s.code for s in list_child_divisions(district))
    committees = sorted(c.code for street in streets for c in list_child_divisions(street))
    client = dynamo.db()
    batch: list[dict[str, Any]] = []
    written = 0
    for item in items(district, committees, streets, random.Random(seed_)):
        batch.append({"PutRequest": {"Item": to_item(item)}})
        if len(batch) == WRITE_BATCH:
            _write(client, batch)
            written += len(batch)
            batch = []
            if written % 10_000 < WRITE_BATCH:
                machine.progress(f"{written:,} counter items written")
    if batch:
        _write(client, batch)
        written += len(batch)
    return committees, streets, written


def _write(client: Any, batch: list[dict[str, Any]]) -> None:
    from chalicelib.storage import dynamo

    pending = batch
    while pending:
        answer = client.batch_write_item(RequestItems={dynamo.table_name(): pending})
        pending = answer.get("UnprocessedItems", {}).get(dynamo.table_name(), [])


class ItemsRead:
    """Items DynamoDB returned to the app (Query, GetItem, BatchGetItem), beside meter.py's units."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        if model.name == "Query":
            self.count += len(parsed.get("Items", []))
        elif model.name == "GetItem":
            self.count += int("Item" in parsed)
        elif model.name == "BatchGetItem":
            self.count += sum(len(found) for found in parsed.get("Responses", {}).values())


@contextlib.contextmanager
def measured() -> Iterator[tuple[meter.Usage, ItemsRead, list[float]]]:
    from chalicelib import aws

    counter = ItemsRead()
    events = aws.client("dynamodb").meta.events
    events.register("after-call.dynamodb", counter, unique_id="bench-items-read")
    elapsed: list[float] = []
    try:
        with meter.metering() as usage:
            started = time.perf_counter()
            yield usage, counter, elapsed
            elapsed.append(time.perf_counter() - started)
    finally:
        events.unregister("after-call.dynamodb", unique_id="bench-items-read")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def requested(client: Any, level: str, code: str, calls: int, when: str) -> tuple[list[str], dict[str, Any]]:
    """A table row for `calls` requests of one division's index, and its last answer."""
    machine.progress(f"GET /index/{code} ×{calls} ({when})")
    times, units, read, made = [], [], [], []
    for _ in range(calls):
        with measured() as (usage, counter, elapsed):
            response = client.http.get(f"/index/{code}")
        assert response.status_code == 200, response.body
        times.append(elapsed[0] * 1000)
        units.append(usage.read_units)
        read.append(counter.count)
        made.append(usage.dynamodb_calls)
    row = [level, when, f"`{code}`", f"{statistics.median(read):,.0f}", f"{statistics.median(made):.0f}",
           f"**{meter.units(round(statistics.median(units), 1))}**", f"{statistics.median(times):,.0f}",
           f"{percentile(times, 0.95):,.0f}"]
    return row, {k: v for k, v in response.json_body.items() if k != "as_of"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--district", default="310101")
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    requests: list[list[Any]] = []
    runs: list[list[Any]] = []
    same: list[bool] = []
    with embedded_aws("bench-live-reads"):
        from chalice.test import Client

        from app import app
        from chalicelib.live.publish import publish_all

        machine.progress(f"seeding {DAYS} days of counters for district {args.district}")
        started = time.perf_counter()
        committees, streets, written = seed(args.district, args.seed)
        seeded = time.perf_counter() - started
        at(NOW)
        levels = [("committee", committees[len(committees) // 2]), ("street", streets[0]),
                  ("district", args.district), ("city", "31")]
        with Client(app) as client, contextlib.redirect_stdout(sys.stderr):
            answers = {}
            for level, code in levels:
                row, answers[code] = requested(client, level, code, args.calls, "day by day (no rollups)")
                requests.append(row)
            for label in ("first hourly run (no rollups yet: reads every day, writes the closed weeks' rollups)",
                          "a later hourly run (the rollups there)"):
                machine.progress(f"publisher: {label}")
                with measured() as (usage, counter, elapsed):
                    published = publish_all()
                runs.append([label, f"{published['divisions']:,}", f"{counter.count:,}", f"{usage.dynamodb_calls:,}",
                             meter.units(round(usage.read_units, 1)), meter.units(usage.all_write_units),
                             usage.others(), f"{elapsed[0]:.1f}"])
            for level, code in levels:
                row, answer = requested(client, level, code, args.calls, "weekly rollups")
                requests.append(row)
                same.append(answer == answers[code])
    requests.sort(key=lambda row: [level for level, _ in levels].index(row[0]))

    machine.section(
        "Live index: the cost of a read (`GET /index/{division}`) and of the hourly publisher",
        f"""
        Counter items as the stream consumer leaves them, written straight into the embedded AWS's table
        for the {DAYS} days up to {TODAY} (the index reads 442 of them: the trend's first point, 11 weeks
        back, counts conventions over the year before it): every one of district {args.district}'s
        {len(committees)} committees (one item on the days they saw an event; about
        {EVENTS_PER_COMMITTEE_DAY} counted events per committee and day, a Poisson draw, so about one day
        in twelve has none; each item carries its records' event ids), its {len(streets)} streets (2 shards
        a day), the district (4) and the city (8 shards a day holding the whole city's volume, about
        {EVENTS_PER_COMMITTEE_DAY * COMMITTEES_IN_SHANGHAI:,.0f} events a day over {COMMITTEES_IN_SHANGHAI:,}
        committees): {written:,} items, written in {seeded:.0f} s. The platform's clock is then {NOW}
        (Shanghai, a Wednesday). The divisions carry no population, so the per-1,000 indicators have no
        value; that changes no read.

        Then {args.calls} requests per level with no rollup in the table ("day by day": every day of the
        442 in one Query run, as every read was before the weekly rollups of chalicelib/live/rollups.py),
        the hourly publisher (`publish_all`: every committee, street, the district and the city) twice,
        the first run writing the rollups of the closed weeks it found without one, and {args.calls}
        requests per level again, now taking the closed weeks (and the Sundays the trend points' years
        start on) from their rollups and only the open week and the days today's windows and 1 January
        cut off a week from the day items (and the Sunday a year back, whose week an earlier hourly run
        would have rolled up). Both answers are compared. The publisher's seconds include
        bench/meter.py's own reading of each item it writes, before and after (two GetItems per rollup,
        on the first run only).

        Items read are those DynamoDB returned to the app. Read units are computed from the items' sizes
        (bench/meter.py: a Query is charged 1 unit per 4 KB of the items it evaluated, half for an
        eventually consistent read, at least one per call), not taken from ReturnConsumedCapacity: the
        embedded AWS answers a constant per call. Times are wall time in this process against the
        embedded AWS (moto's server over HTTP on the same 2 cores), where a Query walks every item of
        the partition it names (an index Query every item of the table) whatever it returns, so a call
        on the city's partition costs far more than in DynamoDB and times follow calls more than items;
        the machine was shared with other work (the load averages above). Each level's
        figures are over {args.calls} requests (median and 95th percentile; items, calls and units are
        the median, and they do not vary between requests).
        """,
    )
    machine.table(["level", "read", "division", "items read", "DynamoDB calls", "read units", "median ms", "p95 ms"],
                  requests, right=(3, 4, 5, 6, 7))
    print(f"Answers from the rollups identical to the day-by-day answers (all but `as_of`): "
          f"**{'yes' if all(same) else 'NO'}** ({sum(same)} of {len(same)} levels).")
    print()
    machine.table(["publisher (district " + args.district + ")", "divisions computed", "items read", "DynamoDB calls",
                   "read units", "write units", "other AWS calls", "seconds"], runs, right=(1, 2, 3, 4, 5, 7))


if __name__ == "__main__":
    main()
