"""Monthly publication: aggregating RECORDS activity records, then building and rendering the summary.

Streams synthetic activity items, shaped as the writers store them in the activity index
(suggestion events from suggestions/repository.py `_event_write` with `_fact`, fund application
events from funds/repository.py `event_put`, ledger entries from `ledger_puts`, round tallies
from voting/repository.py `audit` with a scope), into publishing/aggregate.py `MonthTally.add_all`,
then times publishing/summary.py `build` and publishing/render.py `json_bytes` and `tables`.
The mix is about 70 % suggestion events, 25 % fund application events and 5 % ledger entries,
plus 24 round tallies, over about 6,500 committees under 215 streets in 16 districts. Items are
made one at a time by a seeded generator and never held in a list, as pages from DynamoDB
would arrive: a pass of the generator alone is timed too, and subtracted to give the
aggregation alone. Working days are counted on the chinesecalendar package's calendar, as
publishing/service.py `_working_days()` counts them when no year is stored (it reads the
stored years from DynamoDB; this bench reads nothing). `build` gets names for the city and
the districts only, no round results, no pool figures and no adopted texts, as the service
would without its reads; one more build is timed with pool figures for every pool that moved
money, because `index_scores` scans the pools once per division. Reading from DynamoDB is not
measured: its cost is estimated from the average item size. Memory is the process's peak
resident set (ru_maxrss) at each stage, against the baseline after imports. Prints its
BENCHMARKS.md section.
Run: .venv/bin/python bench/publication_aggregate.py [--records 1000000] [--month 2026-10] [--seed 2026]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import machine, meter, prices  # noqa: E402
from chalicelib.funds import rules as fund_rules  # noqa: E402
from chalicelib.funds.models import FundCategory  # noqa: E402
from chalicelib.publishing import months, render, summary  # noqa: E402
from chalicelib.publishing.aggregate import MonthTally  # noqa: E402
from chalicelib.storage import activity  # noqa: E402
from chalicelib.suggestions.models import Channel, SuggestionCategory  # noqa: E402
from chalicelib.workdays.rules import WorkCalendar, shanghai_date, working_days_between  # noqa: E402

DAY_MS = 86_400_000
SHANGHAI_OFFSET_MS = 8 * 3_600_000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
ROUNDS = 24
STREETS = 215
COMMITTEES = 6_500
STREET_DIVISION_SHARE = 0.15  # suggestions about a whole street rather than one committee
# DynamoDB's read unit, for the estimate of reading the month.
READ_UNIT_BYTES = 4096
EVENTUALLY_CONSISTENT_UNITS = 0.5
NOMINAL_ITEM_BYTES = 600
# Sizing an item by DynamoDB's rules means serializing it first, too slow for every item.
SIZE_SAMPLE = 100

DISTRICTS = {
    "310101": "黄浦区", "310104": "徐汇区", "310105": "长宁区", "310106": "静安区", "310107": "普陀区",
    "310109": "虹口区", "310110": "杨浦区", "310112": "闵行区", "310113": "宝山区", "310114": "嘉定区",
    "310115": "浦东新区", "310116": "金山区", "310117": "松江区", "310118": "青浦区", "310120": "奉贤区",
    "310151": "崇明区",
}


def weighted(weights: dict[Any, int]) -> list[Any]:
    """A list in which each value appears `weight` times, for rng.choice."""
    return [value for value, weight in weights.items() for _ in range(weight)]


SUGGESTION_ACTIONS = weighted({"submit": 27, "accept": 20, "decline": 2, "assign": 10, "extend": 1, "reply": 20,
                               "rate": 8, "reopen": 1, "close": 11})
# Status before and after, and how many days after submission the action happens (uniform in the range).
SUGGESTION_STEPS = {
    "submit": (None, "submitted", (0, 0)), "accept": ("submitted", "accepted", (0, 20)),
    "decline": ("submitted", "declined", (0, 20)), "assign": ("accepted", "assigned", (1, 25)),
    "extend": ("assigned", "assigned", (20, 55)), "reply": ("assigned", "replied", (3, 75)),
    "rate": ("replied", "replied", (5, 90)), "reopen": ("replied", "reopened", (10, 90)),
    "close": ("replied", "closed", (10, 100)),
}
CATEGORIES = weighted({c.value: w for c, w in zip(SuggestionCategory, (14, 12, 6, 10, 12, 16, 6, 5, 6, 4, 3, 6), strict=True)})
CHANNELS = weighted({Channel.web.value: 30, Channel.mobile.value: 45, Channel.hotline_12345.value: 15,
                     Channel.paper.value: 5, Channel.meeting.value: 5})
ADOPTIONS = weighted({"adopted": 35, "partly_adopted": 25, "not_adopted": 40})
SCORES = weighted({1: 5, 2: 5, 3: 15, 4: 35, 5: 40})
DEPARTMENTS = ("城建办", "平安办", "社区服务办", "自治办", "管理办")
REPLIES = (
    "您好，感谢您的建议。经街道城建办实地查看，已协调物业在本月内完成楼道照明维修，后续将纳入日常巡查。",
    "感谢来信。该路段停车问题已转交交警支队研究，近期将增设临时停车泊位并加强巡逻，具体进展将在居委会公告栏公示。",
    "您好，您反映的垃圾分类投放点异味问题，居委会已联系环卫所增加清运频次，并在投放点加装除臭设备，请您继续监督。",
    "经研究，您提出的在小区增设老年助餐点的建议已纳入明年社区为老服务项目，届时将通过居民议事会征求意见。",
    "感谢您的关注。经核实，该处属于市政道路，已将情况报送区建管委，由其按计划安排修复，我们会持续跟进并及时告知。",
)
COMMENTS = ("处理及时，谢谢。", "问题解决了，但希望以后能更早回复。", "答复没有解决实际问题。", "满意。")
DECLINE_REASONS = ("不属于本平台受理范围，请向12345市民服务热线反映。", "内容与已受理的建议重复。")
FUND_ACTIONS = weighted({"create": 14, "submit": 14, "return_for_changes": 2, "withdraw": 2, "recommend": 11,
                         "answer_objection": 3, "approve": 10, "reject": 2, "fund": 9, "start": 9, "report": 8,
                         "return": 1, "accept": 7, "close": 7, "cancel": 1})
FUND_STATUS = {"create": "draft", "submit": "submitted", "return_for_changes": "changes_requested",
               "withdraw": "withdrawn", "recommend": "in_notice", "answer_objection": "in_notice",
               "approve": "approved", "reject": "rejected", "fund": "funded", "start": "in_progress",
               "report": "reported", "return": "in_progress", "accept": "accepted", "close": "closed",
               "cancel": "cancelled"}
FUND_APPLICANT_ACTIONS = {"create", "submit", "withdraw", "start", "report"}
FUND_STREET_ACTIONS = {"approve", "reject", "fund", "accept", "cancel"}
FUND_REASONS = {"return_for_changes": "预算明细不完整，请补充物料报价。", "reject": "与本年度自治金支持方向不符。",
                "answer_objection": "活动安排在工作日下午，不影响居民休息。", "return": "请补充活动照片和签到表。"}
FUND_CATEGORIES = [c.value for c in FundCategory]
LEDGER_KINDS = weighted({"allocate": 5, "commit": 35, "disburse": 35, "release": 15, "refund": 10})
LEDGER_REASONS = {"commit": "approve", "disburse": "fund", "release": "accept", "refund": "accept"}


def geography(rng: random.Random) -> tuple[list[str], list[str]]:
    """Street and committee codes (9 and 12 digits) spread evenly over the districts and streets, shuffled."""
    streets = [f"{district}{number:03d}" for index, district in enumerate(DISTRICTS)
               for number in range(1, STREETS // len(DISTRICTS) + (index < STREETS % len(DISTRICTS)) + 1)]
    committees = [f"{street}{number:03d}" for index, street in enumerate(streets)
                  for number in range(1, COMMITTEES // len(streets) + (index < COMMITTEES % len(streets)) + 1)]
    rng.shuffle(streets)
    rng.shuffle(committees)
    return streets, committees


def iso(ms: int) -> str:
    """As chalicelib.clock.iso writes instants: UTC, milliseconds, Z."""
    return (EPOCH + timedelta(milliseconds=ms)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def end_of_day_after(ms: int, days: int) -> str:
    """The end of the Shanghai day `days` days after the instant, as a deadline is stored (15:59:59.999Z)."""
    day = date.fromordinal(EPOCH_ORDINAL + (ms + SHANGHAI_OFFSET_MS) // DAY_MS + days)
    return f"{day.isoformat()}T15:59:59.999Z"


class Synthesiser:
    """Activity items of one month, as Query returns them from GSI1 (attributes that are None are not stored)."""

    def __init__(self, month: str, seed: int):
        self.rng = random.Random(seed)
        self.streets, self.committees = geography(self.rng)
        start, end = months.bounds(month)
        self.start_ms, self.end_ms = (int((datetime.fromisoformat(t.replace("Z", "+00:00")) - EPOCH).total_seconds())
                                      * 1000 for t in (start, end))
        self.month = month

    # Some committees and streets are far busier than others.
    def committee(self) -> str:
        return self.committees[int(len(self.committees) * self.rng.random() ** 1.5)]

    def street(self) -> str:
        return self.streets[int(len(self.streets) * self.rng.random() ** 1.5)]

    def ulid(self, ms: int) -> str:
        # 26 characters, time-ordered like a ULID (hexadecimal rather than Crockford base 32; same size).
        return f"{ms:012X}{self.rng.getrandbits(56):014X}"

    def user(self) -> str:
        value = f"{self.rng.getrandbits(128):032x}"
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"

    def index_keys(self, at: str, event_id: str) -> dict[str, str]:
        return {"GSI1PK": activity.partition(self.month, activity.shard_of(event_id)), "GSI1SK": f"{at}#{event_id}"}

    def items(self, count: int) -> Iterator[dict[str, Any]]:
        rng = self.rng
        rounds = set(rng.sample(range(count), min(ROUNDS, count)))
        for number in range(count):
            at_ms = rng.randrange(self.start_ms, self.end_ms)
            if number in rounds:
                yield self.round_tally(at_ms)
                continue
            kind = rng.random()
            if kind < 0.70:
                yield self.suggestion_event(at_ms)
            elif kind < 0.95:
                yield self.fund_event(at_ms)
            else:
                yield self.ledger_entry(at_ms)

    def suggestion_event(self, at_ms: int) -> dict[str, Any]:
        rng = self.rng
        action = rng.choice(SUGGESTION_ACTIONS)
        before, after, (earliest, latest) = SUGGESTION_STEPS[action]
        submitted_ms = at_ms - int(rng.uniform(earliest, latest) * DAY_MS)
        case_id, event_id, at = self.ulid(submitted_ms), self.ulid(at_ms), iso(at_ms)
        division = self.street() if rng.random() < STREET_DIVISION_SHARE else self.committee()
        channel = rng.choice(CHANNELS)
        fact: dict[str, Any] = {
            "domain": "suggestion", "division": division, "category": rng.choice(CATEGORIES), "channel": channel,
            "submitted_at": iso(submitted_ms), "consent": rng.random() < 0.3,
            "acknowledge_by": end_of_day_after(submitted_ms, 21), "reply_by": end_of_day_after(submitted_ms, 60),
        }
        if action in ("accept", "decline") or (action == "reply" and rng.random() < 0.08):
            fact["first_response"] = True
        resident = action == "rate" or (action == "submit" and channel in ("web", "mobile"))
        item: dict[str, Any] = {
            "PK": f"SUG#{case_id}", "SK": f"EVT#{at}#{event_id}", **self.index_keys(at, event_id), "type": "audit",
            "event_id": event_id, "subject": f"suggestion#{case_id}", "action": action, "actor_id": self.user(),
            "actor_role": "resident" if resident else ("committee_staff" if len(division) == 12 else "street_official"),
            "at": at, "after": after, "seq": 0, "fact": fact,
        }
        if before:
            item["before"] = before
        if not resident:
            item["actor_division"] = division
        if action == "submit":
            item["details"] = {"channel": channel}
        elif action == "assign":
            item["details"] = {"committee": division} if len(division) == 12 else {"department": rng.choice(DEPARTMENTS)}
        elif action == "extend":
            item["details"] = {"days": 15, "reply_by": end_of_day_after(submitted_ms, 75)}
            item["reason"] = "需协调多个部门。"
        elif action == "reply":
            item["details"] = {"adoption": rng.choice(ADOPTIONS), "round": 1 if rng.random() < 0.95 else 2}
            item["message"] = rng.choice(REPLIES)
        elif action == "rate":
            item["details"] = {"score": rng.choice(SCORES), "round": 1}
            if rng.random() < 0.3:
                item["message"] = rng.choice(COMMENTS)
        elif action == "decline":
            item["reason"] = rng.choice(DECLINE_REASONS)
        return item

    def fund_event(self, at_ms: int) -> dict[str, Any]:
        rng = self.rng
        action = rng.choice(FUND_ACTIONS)
        status = FUND_STATUS[action]
        committee = self.committee()
        application_id, event_id, at = self.ulid(at_ms - rng.randrange(0, 200) * DAY_MS), self.ulid(at_ms), iso(at_ms)
        role = ("resident" if action in FUND_APPLICANT_ACTIONS else
                "street_official" if action in FUND_STREET_ACTIONS else "committee_staff")
        item: dict[str, Any] = {
            "PK": f"FUNDAPP#{application_id}", "SK": f"EVT#{at}#{event_id}", **self.index_keys(at, event_id),
            "type": "audit", "event_id": event_id, "subject": f"fund_application#{application_id}", "action": action,
            "actor_id": self.user(), "actor_role": role, "at": at, "after": {"status": status}, "status": status,
            "fact": {"domain": "fund_application", "committee": committee, "year": int(self.month[:4]),
                     "category": rng.choice(FUND_CATEGORIES)},
        }
        if action in FUND_REASONS:
            item["reason"] = FUND_REASONS[action]
        if action == "approve":
            item["amount_fen"] = rng.randrange(50_000, 2_000_001, 100)
        elif action == "fund":
            item["amount_fen"] = rng.randrange(0, 600_001, 100)
        elif action == "accept":
            item["amount_fen"] = rng.randrange(10_000, 2_000_001, 100)
        return item

    def ledger_entry(self, at_ms: int) -> dict[str, Any]:
        rng = self.rng
        kind = rng.choice(LEDGER_KINDS)
        committee, year = self.committee(), int(self.month[:4])
        entry_id, at = self.ulid(at_ms), iso(at_ms)
        item: dict[str, Any] = {
            "PK": f"POOL#{committee}#{year:04d}", "SK": f"LEDGER#{at}#{entry_id}", **self.index_keys(at, entry_id),
            "type": "fund_ledger_entry", "id": entry_id, "at": at, "kind": kind,
            "amount_fen": rng.randrange(100, 2_000_001, 100) if kind != "allocate" else rng.randrange(1, 51) * 1_000_000,
            "actor_role": "street_official", "fact": {"domain": "ledger", "committee": committee, "year": year},
        }
        if kind in LEDGER_REASONS:
            item["application_id"] = self.ulid(at_ms - rng.randrange(0, 200) * DAY_MS)
            item["reason"] = LEDGER_REASONS[kind]
        return item

    def round_tally(self, at_ms: int) -> dict[str, Any]:
        rng = self.rng
        round_id, event_id, at = self.ulid(at_ms - 30 * DAY_MS), self.ulid(at_ms), iso(at_ms)
        subject = f"round#{round_id}"
        return {
            "PK": f"AUDIT#{subject}", "SK": f"{at}#{event_id}", **self.index_keys(at, event_id), "type": "audit",
            "event_id": event_id, "subject": subject, "action": "tally", "actor_id": self.user(),
            "actor_role": "street_official", "at": at,
            "after": {"ballots": rng.randrange(50, 5_000), "selected": [self.ulid(at_ms) for _ in range(rng.randrange(1, 6))]},
            "fact": {"domain": "round", "round_id": round_id, "scope": self.street() if rng.random() < 0.5 else self.committee()},
        }


def working_days() -> Callable[[str, str], int]:
    """publishing/service.py `_working_days()` on the package calendar: `load_calendar()` would read DynamoDB."""
    calendar = WorkCalendar()

    def day(iso_text: str) -> date:
        return shanghai_date(datetime.fromisoformat(iso_text.replace("Z", "+00:00")))

    def between(start_iso: str, end_iso: str) -> int:
        return working_days_between(day(start_iso), day(end_iso), calendar)

    return between


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def stage(message: str) -> None:
    machine.progress(message)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--month", default="2026-10", help="yyyy-mm; chinesecalendar 1.11.0 knows years up to 2026")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    n = args.records
    baseline = peak_mib()

    stage(f"generator alone, {n:,} items")
    started = time.perf_counter()
    for _ in Synthesiser(args.month, args.seed).items(n):
        pass
    generated = time.perf_counter() - started
    after_generator = peak_mib()

    stage("generator + MonthTally.add_all")
    tally = MonthTally(working_days())
    started = time.perf_counter()
    tally.add_all(Synthesiser(args.month, args.seed).items(n))
    aggregated = time.perf_counter() - started
    after_aggregation = peak_mib()

    stage("summary.build, render.json_bytes, render.tables")
    divisions = {"31": {"name": "上海市", "population": 24_870_000},
                 **{code: {"name": name, "population": None} for code, name in DISTRICTS.items()}}
    period = months.bounds(args.month)
    started = time.perf_counter()
    data = summary.build(args.month, period, tally, divisions, [], {}, [])
    built = time.perf_counter() - started
    started = time.perf_counter()
    summary_json = render.json_bytes(data)
    json_seconds = time.perf_counter() - started
    started = time.perf_counter()
    csv_files = render.tables(data)
    csv_seconds = time.perf_counter() - started
    csv_bytes = sum(len(body) for body in csv_files.values())
    after_render = peak_mib()

    stage(f"summary.build again, with figures for {len(tally.pools):,} pools")
    figures = {pool: {"allocated_fen": 10_000_000, "available_fen": 6_000_000, "committed_fen": 2_500_000,
                      "disbursed_fen": 1_500_000} for pool in sorted(tally.pools)}
    assert all(set(f) == set(fund_rules.FIGURES) for f in figures.values())
    started = time.perf_counter()
    with_pools = summary.build(args.month, period, tally, divisions, [], figures, [])
    built_with_pools = time.perf_counter() - started
    del with_pools

    stage("item sizes (untimed)")
    kinds: Counter[str] = Counter()
    json_total = utf8_total = sampled = sampled_bytes = 0
    from chalicelib.storage.items import to_item
    for item in Synthesiser(args.month, args.seed).items(n):
        kinds[item["fact"]["domain"]] += 1
        json_total += len(json.dumps(item))
        utf8_total += len(json.dumps(item, ensure_ascii=False).encode("utf-8"))
        if kinds.total() % SIZE_SAMPLE == 0:
            sampled += 1
            sampled_bytes += meter.item_bytes(to_item(item))
    peak = peak_mib()

    aggregation_only = aggregated - generated
    rows = sum(len(data[part]) for part in ("suggestions", "funds")) + len(data["mulin_index"]["scores"])
    scheduled = json.loads((ROOT / ".chalice" / "config.json").read_text(encoding="utf-8"))
    publisher = scheduled["stages"]["prod"]["lambda_functions"]["publish_last_month"]
    machine.section(f"Monthly publication, {n:,} records", f"""
    A synthetic month of activity items shaped as the writers store them, streamed one at a time
    (never held in a list, as pages from DynamoDB would arrive) into `MonthTally.add_all`, then
    `summary.build` and the renderers; a pass of the generator alone is timed too and subtracted.
    Working days on the chinesecalendar package's calendar; reading from DynamoDB is not measured
    but estimated from the items' sizes. The scheduled function and the queue's function that run
    this in AWS have {publisher['lambda_timeout']} s and {publisher['lambda_memory_size']} MB
    (`.chalice/config.json`, stage prod).
    """)
    print(f"{n:,} records for {args.month} (seed {args.seed}): "
          + ", ".join(f"{count:,} {domain}" for domain, count in kinds.most_common())
          + f"; activity in {len(tally.suggestions):,} divisions for suggestions and {len(tally.funds):,} for funds "
            f"(city, districts, streets, committees), {len(tally.pools):,} pools with money moved, "
            f"{len(tally.adopted_with_consent):,} adopted cases with consent, {len(tally.rounds)} rounds.")
    print()
    print("| stage | seconds | records/s | output |")
    print("| --- | ---: | ---: | --- |")
    print(f"| generate {n:,} items (generator alone) | {generated:.2f} | {n / generated:,.0f} | |")
    print(f"| generate + aggregate (`MonthTally.add_all`) | {aggregated:.2f} | {n / aggregated:,.0f} | |")
    print(f"| aggregate alone (difference) | {aggregation_only:.2f} | {n / aggregation_only:,.0f} | |")
    print(f"| `summary.build` (divisions: city and districts only; no rounds, pools or adopted texts) | {built:.3f} | | "
          f"{rows:,} division rows |")
    print(f"| `render.json_bytes` (summary.json) | {json_seconds:.3f} | | {len(summary_json):,} bytes |")
    print(f"| `render.tables` ({len(csv_files)} CSV files) | {csv_seconds:.3f} | | {csv_bytes:,} bytes |")
    print(f"| build + render | {built + json_seconds + csv_seconds:.3f} | | |")
    print(f"| `summary.build` with figures for all {len(tally.pools):,} pools (not part of the total above) | "
          f"{built_with_pools:.3f} | | |")
    print()
    print("| peak resident memory (ru_maxrss) | MiB | growth over baseline |")
    print("| --- | ---: | ---: |")
    for label, value in (("baseline: imports done, nothing generated", baseline),
                         ("after the generator alone", after_generator),
                         ("after aggregation", after_aggregation),
                         ("after build and render (summary and CSV bytes held)", after_render),
                         ("whole run (also the second build and the size pass)", peak)):
        print(f"| {label} | {value:.1f} | {value - baseline:+.1f} |")
    print()
    print("Reading the month from DynamoDB (not measured): Query on GSI1, which only reads eventually consistent, "
          f"{EVENTUALLY_CONSISTENT_UNITS} read unit per {READ_UNIT_BYTES // 1024} KB of items read "
          f"(rounding up per page of at most 1,000 items in {activity.SHARDS} shards ignored); on-demand price "
          f"US${prices.DYNAMODB_PER_MILLION_READ_UNITS} per million read request units ({prices.PRICES_AS_OF}, "
          "`bench/prices.py`).")
    print()
    print("| item size | bytes/item | total MB | read units | US$ per publication |")
    print("| --- | ---: | ---: | ---: | ---: |")
    dynamodb_total = round(sampled_bytes / max(sampled, 1) * n)
    for label, total in ((f"`len(json.dumps(item))`, average of the {n:,} generated", json_total),
                         ("UTF-8 JSON (`ensure_ascii=False`)", utf8_total),
                         (f"DynamoDB's item size (`bench/meter.py`), every {SIZE_SAMPLE}th item", dynamodb_total),
                         (f"nominal {NOMINAL_ITEM_BYTES} bytes", NOMINAL_ITEM_BYTES * n)):
        units = math.ceil(total / READ_UNIT_BYTES) * EVENTUALLY_CONSISTENT_UNITS
        print(f"| {label} | {total / n:,.0f} | {total / 1e6:,.1f} | {units:,.1f} | "
              f"{units / 1e6 * prices.DYNAMODB_PER_MILLION_READ_UNITS:.4f} |")


if __name__ == "__main__":
    main()
