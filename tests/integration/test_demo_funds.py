"""The demo data of `make run` loads on any day of the year, late December included, when a
public notice started that day would outlast the year's pool."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from chalicelib.divisions.repository import put_divisions
from local_stack.demo import DEMO_ACCOUNTS, add_demo_funds
from local_stack.divisions import shanghai_divisions
from local_stack.provision import DemoUser


@pytest.mark.parametrize("today, pool_year", [("2026-11-23T09:00:00", 2026), ("2026-12-28T09:00:00", 2027)])
def test_demo_funds_load_whatever_the_date(aws, monkeypatch, today, pool_year):
    from chalicelib.funds import repository
    from chalicelib.settings import reset_settings

    reset_settings()
    instant = datetime.fromisoformat(today).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    monkeypatch.setattr("chalicelib.clock.utc_now", lambda: instant)
    # The demo street and what lies above it is all the demo needs of the registry.
    put_divisions(d for d in shanghai_divisions() if "310110012".startswith(d.code) or d.code.startswith("310110012"))
    users = [DemoUser(username=phone, password="x", role=role, division=division, user_id=f"demo-{role}")
             for role, phone, division in DEMO_ACCOUNTS]
    assert add_demo_funds(users) == 3
    pool = repository.get_pool("310110012001", pool_year)
    assert pool is not None and pool.available_fen == 15_000_000
    items, _ = repository.my_applications_page("demo-resident", 10, None)
    assert sorted(item.status.value for item in items) == ["draft", "in_notice", "in_notice"]
    assert all(item.year == pool_year for item in items)
