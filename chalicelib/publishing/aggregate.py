"""Streaming aggregation of one month's activity into counters per division.

Each activity record is added once and counted for its division and every division above it
(committee, street, district, city), so memory grows with the number of divisions that had
activity, not with the number of records (only the ids of adopted suggestions whose senders
consented to publication are kept, to read their text afterwards). Working days are counted by a function passed in,
so this module stays pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

CITY = "31"
LEVELS = {2: "city", 6: "district", 9: "street", 12: "committee"}
COMMITTEE_DIGITS = 12
ADOPTED = ("adopted", "partly_adopted")
# Suggestion events counted by name; others (assign, transfer, merge …) are steps, not outcomes.
SUGGESTION_COUNTS = {"submit": "received", "accept": "accepted", "decline": "declined", "reply": "replied",
                     "close": "closed"}

# Fund steps that record an event without moving the application to another status.
STATUS_KEPT = ("answer_objection", "object", "edit")

WorkingDays = Callable[[str, str], int]

# Deliberation events (topics, supports, meetings, decisions) by the name their fact gives, and
# the breakdown each carries: a meeting by its kind, a carried decision by what it became.
DELIBERATION_COUNTS = {"topic_raised": "topics_raised", "topic_supported": "supports",
                       "meeting_held": "meetings_held", "decision": "decisions",
                       "decision_carried": "decisions_carried"}
DELIBERATION_PARTS = {"meeting_held": ("meetings_by_kind", "kind"), "decision_carried": ("carried_by_target", "target")}


def scopes(code: str) -> list[str]:
    """The division and every division above it, city first."""
    return [code[:length] for length in LEVELS if len(code) >= length]


def level_of(code: str) -> str:
    return LEVELS[len(code)]


@dataclass
class SuggestionCounts:
    counts: Counter[str] = field(default_factory=Counter)  # received, accepted, … adopted
    categories: Counter[str] = field(default_factory=Counter)  # received by category
    channels: Counter[str] = field(default_factory=Counter)  # received by channel
    ratings: Counter[int] = field(default_factory=Counter)  # score → how many
    reply_days: Counter[int] = field(default_factory=Counter)  # working days to a first reply → how many


@dataclass
class FundCounts:
    statuses: Counter[str] = field(default_factory=Counter)  # applications entering each status
    approved_by_category: Counter[str] = field(default_factory=Counter)  # fen
    paid_by_category: Counter[str] = field(default_factory=Counter)  # fen paid at acceptance
    movements: Counter[str] = field(default_factory=Counter)  # ledger kind → fen moved in the month


@dataclass
class MonthTally:
    working_days: WorkingDays
    suggestions: dict[str, SuggestionCounts] = field(default_factory=dict)
    funds: dict[str, FundCounts] = field(default_factory=dict)
    rounds: dict[str, str] = field(default_factory=dict)  # round id → scope, tallied in the month
    pools: set[tuple[str, int]] = field(default_factory=set)  # (committee, year) with money moved
    # division → counts: a name of DELIBERATION_COUNTS, or (breakdown, value) such as ("meetings_by_kind", "hearing")
    deliberation: dict[str, Counter[Any]] = field(default_factory=dict)
    adopted_with_consent: set[str] = field(default_factory=set)  # case ids
    records: int = 0

    def add_all(self, items: Iterable[dict[str, Any]]) -> None:
        for item in items:
            self.add(item)

    def add(self, item: dict[str, Any]) -> None:
        fact = item.get("fact") or {}
        domain = fact.get("domain")
        self.records += 1
        if domain == "suggestion":
            self._suggestion(item, fact)
        elif domain == "fund_application":
            self._fund_step(item, fact)
        elif domain == "ledger":
            self._ledger(item, fact)
        elif domain == "round" and item.get("action") == "tally":
            self.rounds[fact["round_id"]] = fact["scope"]
        elif domain == "deliberation":
            self._deliberation(fact)

    def _deliberation(self, fact: dict[str, Any]) -> None:
        event = fact.get("event")
        named = DELIBERATION_COUNTS.get(event or "")
        if not named:
            return
        part = DELIBERATION_PARTS.get(event or "")
        for code in scopes(fact["division"]):
            counts = self.deliberation.get(code) or self.deliberation.setdefault(code, Counter())
            counts[named] += 1
            if part:
                counts[(part[0], str(fact[part[1]]))] += 1

    def _suggestion(self, item: dict[str, Any], fact: dict[str, Any]) -> None:
        action, at = item["action"], item["at"]
        details = item.get("details") or {}
        named = SUGGESTION_COUNTS.get(action)
        adopted = action == "reply" and details.get("adoption") in ADOPTED
        days = self.working_days(fact["submitted_at"], at) if action == "reply" and details.get("round") == 1 else None
        for code in scopes(fact["division"]):
            counts = self.suggestions.get(code) or self.suggestions.setdefault(code, SuggestionCounts())
            if named:
                counts.counts[named] += 1
            if action == "submit":
                counts.categories[fact["category"]] += 1
                counts.channels[fact["channel"]] += 1
            if fact.get("first_response"):
                counts.counts["first_responses"] += 1
                counts.counts["first_responses_on_time"] += at <= fact["acknowledge_by"]
            if action == "reply":
                counts.counts["replies_on_time"] += at <= fact["reply_by"]
                counts.counts["adopted"] += adopted
                if days is not None:
                    counts.reply_days[days] += 1
            if action == "rate":
                counts.ratings[int(details["score"])] += 1
        if adopted and fact.get("consent"):
            self.adopted_with_consent.add(item["subject"].split("#", 1)[1])

    def _fund_step(self, item: dict[str, Any], fact: dict[str, Any]) -> None:
        status, amount = item.get("status"), item.get("amount_fen") or 0
        for code in scopes(fact["committee"]):
            counts = self.funds.get(code) or self.funds.setdefault(code, FundCounts())
            # Answering an objection leaves the application in notice: not a status entered.
            if status and item["action"] not in STATUS_KEPT:
                counts.statuses[status] += 1
            if status == "approved" and item["action"] == "approve":
                counts.approved_by_category[fact["category"]] += int(amount)
            if item["action"] == "accept":
                counts.paid_by_category[fact["category"]] += int(amount)

    def _ledger(self, item: dict[str, Any], fact: dict[str, Any]) -> None:
        self.pools.add((fact["committee"], int(fact["year"])))
        for code in scopes(fact["committee"]):
            (self.funds.get(code) or self.funds.setdefault(code, FundCounts())).movements[item["kind"]] += int(item["amount_fen"])


def median(histogram: Counter[int]) -> float | None:
    """The median of values given as value → count; the mean of the two middle values when even."""
    total = sum(histogram.values())
    if not total:
        return None
    wanted = [(total - 1) // 2, total // 2]
    found: list[int] = []
    seen = 0
    for value in sorted(histogram):
        count = histogram[value]
        while wanted and wanted[0] < seen + count:
            found.append(value)
            wanted.pop(0)
        seen += count
    return (found[0] + found[1]) / 2
