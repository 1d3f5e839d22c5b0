"""Deadlines as a resident receives them, around the 2026 holidays and Shanghai midnight."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.api.suggestion_helpers import submit


@pytest.fixture
def at(monkeypatch):
    def move_to(iso: str) -> None:
        instant = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC)
        monkeypatch.setattr("chalicelib.clock.utc_now", lambda: instant)

    return move_to


@pytest.fixture
def working_day_sanitation(monkeypatch):
    from chalicelib.settings import reset_settings

    monkeypatch.setenv("MULIN_WORKING_DAY_CATEGORIES", "sanitation")
    reset_settings()
    yield
    reset_settings()


def test_calendar_days_whose_last_day_falls_in_the_spring_festival_end_after_it(client, accounts, at):
    at("2026-01-31T16:30:00Z")  # 1 February, 00:30 in Shanghai
    deadlines = submit(client, accounts["resident"])["deadlines"]
    # 1 Feb + 15 days = 16 Feb, inside the holiday (15–23 Feb): the period ends on Tuesday 24 Feb.
    assert deadlines["acknowledge_by"] == "2026-02-24T15:59:59.999Z"
    assert deadlines["reply_by"] == "2026-04-02T15:59:59.999Z"  # 1 Feb + 60 = 2 April, a Thursday


def test_working_days_skip_national_day_and_count_its_make_up_saturday(client, accounts, at, working_day_sanitation):
    at("2026-09-30T20:00:00Z")  # 1 October, 04:00 in Shanghai
    deadlines = submit(client, accounts["resident"], category="sanitation")["deadlines"]
    # Working days after 1 Oct: 8, 9, 10 (make-up Saturday), 12–16, 19–23, 26, 27 → the 15th is 27 Oct.
    assert deadlines["acknowledge_by"] == "2026-10-27T15:59:59.999Z"


def test_the_same_category_counts_calendar_days_by_default(client, accounts, at):
    at("2026-09-30T20:00:00Z")
    deadlines = submit(client, accounts["resident"], category="sanitation")["deadlines"]
    # 1 Oct + 15 = 16 Oct, a Friday and a working day.
    assert deadlines["acknowledge_by"] == "2026-10-16T15:59:59.999Z"


@pytest.mark.parametrize(
    ("instant", "reply_by"),
    [
        ("2026-10-31T15:59:59.000Z", "2026-12-30T15:59:59.999Z"),  # 23:59:59 on 31 Oct in Shanghai
        ("2026-10-31T16:00:00.000Z", "2026-12-31T15:59:59.999Z"),  # 00:00 on 1 Nov in Shanghai
    ],
)
def test_the_day_of_receipt_is_the_shanghai_date_across_a_months_end(client, accounts, at, instant, reply_by):
    at(instant)
    assert submit(client, accounts["resident"])["deadlines"]["reply_by"] == reply_by
