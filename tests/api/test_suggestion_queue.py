"""The officials' queue: filters, order, pagination, overdue cases, and one Query per page.

Other tests fill the same table, so each test creates its own cases, narrows the queue to
today's Shanghai date and a category (or to a committee nobody else uses) and looks for
its own ids; order is checked across everything listed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode

import pytest

from tests.api.helpers import shanghai_date
from tests.api.suggestion_helpers import (
    KONGJIANG_COMMITTEE,
    OTHER_KONGJIANG_COMMITTEE,
    act,
    get,
    submit,
)

MAX_PAGES = 50
# 紫城居委会, a committee of 控江路街道 that no other test uses: its queue holds only this file's cases.
QUIET_COMMITTEE = "310110012030"


def utc(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def queue(client, account, max_pages: int = MAX_PAGES, **params) -> tuple[list[dict], int]:
    """Every item the queue lists for these filters, following the cursor, and the number of pages."""
    items: list[dict] = []
    cursor = None
    for page_no in range(1, max_pages + 1):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = get(client, "/review/suggestions?" + urlencode(query), account)
        assert response.status_code == 200, (query, response.body)
        page = response.json_body
        assert len(page["items"]) <= int(params.get("limit", 20))
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items, page_no
    raise AssertionError(f"more than {max_pages} pages for {params}")


def listed(client, account, **params) -> list[dict]:
    return queue(client, account, **{"limit": 100, **params})[0]


def ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


def mine(items: list[dict], wanted) -> list[str]:
    """The ids of `wanted` in the order the queue listed them."""
    return [i for i in ids(items) if i in set(wanted)]


@pytest.fixture
def today(client, accounts) -> str:
    return shanghai_date(submit(client, accounts["resident"], category="other")["submitted_at"])


@pytest.fixture
def move_clock(monkeypatch):
    def to(instant: datetime) -> None:
        monkeypatch.setattr("chalicelib.clock.utc_now", lambda: instant)

    return to


# --- filters -----------------------------------------------------------------------------


def test_filter_by_status(client, accounts, today):
    resident, street = accounts["resident"], accounts["street_official"]
    category = "culture_sports"
    submitted = submit(client, resident, category=category)["id"]
    accepted = submit(client, resident, category=category)["id"]
    declined = submit(client, resident, category=category)["id"]
    act(client, street, accepted, "accept")
    act(client, street, declined, "decline", {"reason": "不属于征集范围"})
    day = {"submitted_from": today, "submitted_to": today, "category": category}
    cases = (submitted, accepted, declined)

    for status, expected in (("submitted", [submitted]), ("accepted", [accepted]), ("declined", [declined])):
        items = listed(client, street, status=status, **day)
        assert mine(items, cases) == expected, status
        assert {item["status"] for item in items} == {status}
    # Without a status the queue is the open work; finished cases are listed only when asked for.
    assert mine(listed(client, street, **day), cases) == [submitted, accepted]


def test_filter_by_category(client, accounts, today):
    resident, street = accounts["resident"], accounts["street_official"]
    health = submit(client, resident, category="health")["id"]
    sports = submit(client, resident, category="culture_sports")["id"]
    day = {"submitted_from": today, "submitted_to": today}

    health_items = listed(client, street, category="health", **day)
    assert mine(health_items, (health, sports)) == [health]
    assert {item["category"] for item in health_items} == {"health"}
    assert mine(listed(client, street, category="culture_sports", **day), (health, sports)) == [sports]
    assert mine(listed(client, street, **day), (health, sports)) == [health, sports]


def test_filter_by_a_committee_inside_the_street(client, accounts, today):
    resident, street = accounts["resident"], accounts["street_official"]
    category = "elderly_care"
    first = submit(client, resident, category=category, division=KONGJIANG_COMMITTEE)["id"]
    third = submit(client, resident, category=category, division=OTHER_KONGJIANG_COMMITTEE)["id"]
    day = {"submitted_from": today, "submitted_to": today, "category": category}

    for committee, expected in ((KONGJIANG_COMMITTEE, [first]), (OTHER_KONGJIANG_COMMITTEE, [third])):
        items = listed(client, street, division=committee, **day)
        assert mine(items, (first, third)) == expected
        assert {item["jurisdiction"] for item in items} == {committee}
    assert mine(listed(client, street, **day), (first, third)) == [first, third]
    # The district lists both, and narrows to a committee the same way.
    district = accounts["district_admin"]
    assert mine(listed(client, district, **day), (first, third)) == [first, third]
    assert mine(listed(client, district, division=OTHER_KONGJIANG_COMMITTEE, **day), (first, third)) == [third]


def test_filter_by_submission_date(client, accounts, today):
    resident, street = accounts["resident"], accounts["street_official"]
    category = "digital_governance"
    case = submit(client, resident, category=category)["id"]
    day = datetime.fromisoformat(today).date()
    yesterday, tomorrow = (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()

    assert case in ids(listed(client, street, submitted_from=today, submitted_to=today, category=category))
    assert case in ids(listed(client, street, submitted_from=today, category=category))
    assert case in ids(listed(client, street, submitted_to=today, category=category))
    for past in ({"submitted_from": (day - timedelta(days=30)).isoformat(), "submitted_to": yesterday},
                 {"submitted_from": "2020-01-01", "submitted_to": "2020-12-31"},
                 {"submitted_to": yesterday}):
        items = listed(client, street, category=category, **past)
        assert case not in ids(items), past
        assert all(shanghai_date(item["submitted_at"]) <= yesterday for item in items), past
    assert case not in ids(listed(client, street, submitted_from=tomorrow, category=category))
    # The same bounds apply when the queue is read by deadline.
    assert case in ids(listed(client, street, sort="deadline", submitted_from=today, submitted_to=today, category=category))
    assert case not in ids(listed(client, street, sort="deadline", submitted_to=yesterday, category=category))


# --- order -------------------------------------------------------------------------------


@pytest.fixture
def three_cases(client, accounts, today):
    """Submitted, accepted, submitted, in that order: the accepted one is due last (its reply)."""
    resident, street = accounts["resident"], accounts["street_official"]
    category = "business_employment"
    first = submit(client, resident, category=category)["id"]
    second = submit(client, resident, category=category)["id"]
    third = submit(client, resident, category=category)["id"]
    act(client, street, second, "accept")
    return {"submitted_from": today, "submitted_to": today, "category": category}, (first, second, third)


def test_oldest_first_lists_by_submission_time(client, accounts, three_cases):
    filters, (first, second, third) = three_cases
    for params in ({}, {"sort": "oldest"}):
        items = listed(client, accounts["street_official"], **params, **filters)
        keys = [f"{item['submitted_at']}#{item['id']}" for item in items]
        assert keys == sorted(keys)
        assert mine(items, (first, second, third)) == [first, second, third]


def test_deadline_order_lists_the_earliest_due_first(client, accounts, three_cases):
    filters, (first, second, third) = three_cases
    items = listed(client, accounts["street_official"], sort="deadline", **filters)
    assert all(item["due_at"] for item in items)
    keys = [f"{item['due_at']}#{item['id']}" for item in items]
    assert keys == sorted(keys)
    # The two unaccepted cases are due to be acknowledged within 15 days, the accepted one
    # to be answered within 60.
    assert mine(items, (first, second, third)) == [first, third, second]
    due = {item["id"]: item["due_at"] for item in items}
    assert due[first] <= due[third] < due[second]


# --- pagination --------------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["oldest", "deadline"])
def test_limit_one_pages_list_every_case_exactly_once(client, accounts, today, sort):
    resident, street = accounts["resident"], accounts["street_official"]
    category = "sanitation"
    created = [submit(client, resident, category=category, division=QUIET_COMMITTEE)["id"] for _ in range(4)]
    act(client, street, created[1], "accept")

    items, pages = queue(client, street, max_pages=200, limit=1, sort=sort, division=QUIET_COMMITTEE, category=category,
                         submitted_from=today, submitted_to=today)

    listed_ids = ids(items)
    assert len(listed_ids) == len(set(listed_ids)), "a case was listed twice"
    assert sorted(mine(items, created)) == sorted(created)
    assert pages >= len(created)


def test_pages_of_the_whole_street_do_not_repeat_or_skip(client, accounts, today):
    resident, street = accounts["resident"], accounts["street_official"]
    category = "property_management"
    created = [submit(client, resident, category=category)["id"] for _ in range(3)]
    filters = {"submitted_from": today, "submitted_to": today, "category": category}

    small, _ = queue(client, street, max_pages=500, limit=3, **filters)
    whole = listed(client, street, **filters)

    assert ids(small) == ids(whole)
    assert len(set(ids(small))) == len(small)
    assert mine(small, created) == created


# --- overdue -----------------------------------------------------------------------------


def test_overdue_lists_cases_whose_deadline_has_passed(client, accounts, today, move_clock):
    resident, street = accounts["resident"], accounts["street_official"]
    category = "urban_renewal"
    waiting = submit(client, resident, category=category)
    accepted = submit(client, resident, category=category)["id"]
    act(client, street, accepted, "accept")
    cases = (waiting["id"], accepted)
    day = {"submitted_from": today, "submitted_to": today, "category": category}

    # Now, nothing of this is overdue.
    assert mine(listed(client, street, overdue="true", **day), cases) == []
    assert mine(listed(client, street, overdue="false", **day), cases) == list(cases)

    later = utc(waiting["submitted_at"]) + timedelta(days=16)
    # A statutory holiday at the end of the 15 days would push the deadline further.
    later = max(later, utc(waiting["deadlines"]["acknowledge_by"]) + timedelta(minutes=1))
    assert later < utc(waiting["deadlines"]["reply_by"])
    move_clock(later)

    for sort in ("oldest", "deadline"):
        overdue = listed(client, street, overdue="true", sort=sort, **day)
        assert mine(overdue, cases) == [waiting["id"]], sort
        assert all(item["overdue"] is True for item in overdue), sort
        on_time = listed(client, street, overdue="false", sort=sort, **day)
        assert mine(on_time, cases) == [accepted], sort
        assert all(item["overdue"] is False for item in on_time), sort
        everything = {item["id"]: item["overdue"] for item in listed(client, street, sort=sort, **day)}
        assert (everything[waiting["id"]], everything[accepted]) == (True, False), sort

    shown = get(client, f"/suggestions/{waiting['id']}", street).json_body
    assert shown["overdue"] is True and shown["due_at"] == waiting["deadlines"]["acknowledge_by"]


# --- one Query per page ------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{}, {"sort": "deadline"}, {"status": "accepted", "category": "transport"}, {"overdue": "true"},
     {"division": KONGJIANG_COMMITTEE, "submitted_from": "2026-01-01", "submitted_to": "2026-12-31"}],
    ids=["plain", "deadline", "status-category", "overdue", "committee-dates"],
)
def test_a_queue_page_is_one_query(client, accounts, today, params):
    from chalicelib import aws

    street = accounts["street_official"]
    for _ in range(3):
        act(client, street, submit(client, accounts["resident"])["id"], "accept")
    calls: list[str] = []

    def record(model, **kwargs):
        calls.append(model.name)

    events = aws.client("dynamodb").meta.events
    events.register("before-call.dynamodb", record, unique_id="queue-call-count")
    try:
        response = get(client, "/review/suggestions?" + urlencode({"limit": 2, **params}), street)
    finally:
        events.unregister("before-call.dynamodb", unique_id="queue-call-count")

    assert response.status_code == 200, response.body
    # The official's account is read first (is it still active?), then the page is one Query.
    assert calls == ["GetItem", "Query"]
    if not params or "sort" in params:
        assert len(response.json_body["items"]) == 2
