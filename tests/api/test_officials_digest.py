"""The officials' morning digest (review/digest.py): on a Shanghai working day, one message per
official with anything new, due soon or overdue, in their inbox and on the notifications topic;
nothing on other days, nothing twice, nothing to those who are disabled or turned it off.

The session shares one table and one officials' directory: the officials here work in two
streets of 杨浦区 that no other test uses (大桥街道, 五角场街道), and what was sent is checked for
them only.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from chalicelib.clock import SHANGHAI
from tests.api.fund_helpers import all_pages
from tests.api.helpers import assert_error, get, put
from tests.api.staff_helpers import act, create, first_sign_in
from tests.api.suggestion_helpers import submit
from tests.api.test_suggestion_notifications import _drain, _queue_on_topic

STREET_A, COMMITTEE_A = "310110018", "310110018004"  # 大桥街道, 杨家宅居委会
STREET_B, BUSY_B, QUIET_B = "310110019", "310110019002", "310110019001"  # 五角场街道, 五一, 武东
MONDAY = "2026-10-12T08:30:00"  # a working day after the National Day week
TUESDAY = "2026-10-13T08:30:00"
PLAIN_SATURDAY = "2026-10-17T08:30:00"
NATIONAL_DAY = "2026-10-01T08:30:00"
MAKE_UP_SATURDAY = "2026-10-10T08:30:00"  # chinese_calendar: a working Saturday of the National Day week
ONE = {"new": 0, "due_soon": 0, "overdue": 1}


def shanghai(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


@pytest.fixture(scope="module")
def made() -> dict[str, Any]:
    return {}


@pytest.fixture
def world(client, accounts, stack, at, made) -> dict[str, Any]:
    """Officials of both streets, and cases at each deadline state as of MONDAY (made once)."""
    if made:
        return made
    district = accounts["district_admin"]
    at("2026-08-31T10:00:00")
    street_a = create(client, district, "street_official", STREET_A)
    street_b = create(client, district, "street_official", STREET_B)
    disabled = create(client, district, "street_official", STREET_A)
    act(client, district, disabled["id"], "disable", {"version": disabled["version"]})
    signed_a, signed_b = first_sign_in(stack, street_a["phone"]), first_sign_in(stack, street_b["phone"])
    made.update(street_a=street_a, street_b=street_b, disabled=disabled, signed_a=signed_a, signed_b=signed_b,
                staff_a=create(client, signed_a, "committee_staff", COMMITTEE_A),
                busy_b=create(client, signed_b, "committee_staff", BUSY_B),
                quiet_b=create(client, signed_b, "committee_staff", QUIET_B))
    for when, division in (("2026-09-01T10:00:00", COMMITTEE_A),  # acknowledge by 09-16: overdue
                           ("2026-09-28T10:00:00", COMMITTEE_A),  # by 10-13: due soon
                           ("2026-10-11T15:00:00", COMMITTEE_A),  # since the make-up Saturday: new
                           ("2026-10-11T16:00:00", COMMITTEE_A),
                           ("2026-09-01T11:00:00", BUSY_B)):
        at(when)
        submit(client, accounts["other_resident"], division=division)
    return made


@pytest.fixture
def topic(stack):
    sqs, queue_url = _queue_on_topic(stack)
    return lambda: [m for m in _drain(sqs, queue_url) if m.get("event") == "official_digest"]


def run(shanghai_time: str, remaining_ms: int = 900_000) -> dict[str, Any]:
    """The scheduled function as Lambda calls it, with a 15-minute context (or what is left)."""
    from chalice.local import LambdaContext

    from app import send_officials_digest

    scheduled = shanghai(shanghai_time).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    event = {"version": "0", "id": "digest", "detail-type": "Scheduled Event", "source": "aws.events",
             "account": "123456789012", "time": scheduled, "region": "cn-north-1", "resources": [], "detail": {}}
    return send_officials_digest(event, LambdaContext("send_officials_digest", 1024, max_runtime_ms=remaining_ms))


def counts_by_official(messages: list[dict[str, Any]], world: dict[str, Any]) -> dict[str, dict[str, Any]]:
    ours = {world[name]["id"]: name for name in ("street_a", "street_b", "disabled", "staff_a", "busy_b", "quiet_b")}
    found: dict[str, dict[str, Any]] = {}
    for message in messages:
        if message["official"] in ours:
            name = ours[message["official"]]
            assert name not in found, f"{name} got two digests"
            found[name] = message
    return found


def test_a_working_day_sends_each_official_one_digest_with_their_counts(world, topic, capsys):
    totals = run(MONDAY)
    assert totals["working_day"] and totals["finished"] and totals["day"] == "2026-10-12"
    sent = counts_by_official(topic(), world)
    queue_a = {"new": 2, "due_soon": 1, "overdue": 1}
    assert {name: m["counts"] for name, m in sent.items()} == {
        "street_a": {"suggestions": queue_a}, "staff_a": {"suggestions": queue_a},
        "street_b": {"suggestions": ONE}, "busy_b": {"suggestions": ONE}}
    assert all(m["channel"] == "sms" and m["text"] and m["text_en"] for m in sent.values())
    # No number, no name: the subscriber finds the official's contact from their sub.
    assert not any("+86" in json.dumps(m) or "phone" in json.dumps(m) for m in sent.values())
    metrics = [json.loads(line) for line in capsys.readouterr().out.splitlines()
               if line.startswith("{") and '"SuggestionsOverdue"' in line]
    by_street = {m["street"]: m["SuggestionsOverdue"] for m in metrics}
    assert by_street[STREET_A] == [1.0] and by_street[STREET_B] == [1.0]
    assert len([m for m in metrics if m["street"] == STREET_A]) == 1  # per street, not per official


def test_a_rerun_or_the_catch_up_sends_nothing_more(world, topic):
    run(MONDAY)
    again = run("2026-10-12T08:45:00")
    assert again["sent"] == 0 and again["finished"] and again["sent_before"] >= 4
    assert counts_by_official(topic(), world) == {}


def test_a_run_short_of_time_stops_and_the_next_one_finishes(world, topic):
    short = run("2026-10-14T08:30:00", remaining_ms=30_000)
    assert not short["finished"] and short["sent"] == 0
    assert counts_by_official(topic(), world) == {}
    finished = run("2026-10-14T08:45:00")
    assert finished["finished"]
    assert set(counts_by_official(topic(), world)) == {"street_a", "staff_a", "street_b", "busy_b"}


@pytest.mark.parametrize("day", [PLAIN_SATURDAY, NATIONAL_DAY])
def test_weekends_and_holidays_send_nothing(world, topic, day):
    totals = run(day)
    assert not totals["working_day"] and totals["sent"] == 0 and totals["officials"] == 0
    assert counts_by_official(topic(), world) == {}


def test_a_make_up_working_saturday_sends(world, topic):
    import chinese_calendar

    assert chinese_calendar.is_workday(shanghai(MAKE_UP_SATURDAY).date())
    assert run(MAKE_UP_SATURDAY)["working_day"]
    assert {"street_a", "staff_a"} <= set(counts_by_official(topic(), world))


def test_officials_read_the_digest_in_their_inbox(client, world):
    inbox = all_pages(client, "/notifications/mine?limit=100", world["signed_a"])
    digest = [n for n in inbox if n["event"] == "official_digest" and n["subject_id"] == "2026-10-12"]
    assert len(digest) == 1
    assert "新 2" in digest[0]["text"] and "2 new, 1 due soon, 1 overdue" in digest[0]["text_en"]


def test_an_official_who_turns_it_off_gets_none_the_next_day(client, accounts, world, topic):
    official = world["signed_b"]
    assert get(client, "/me/digest", official).json_body == {"enabled": True, "channel": "sms"}
    assert_error(get(client, "/me/digest", accounts["resident"]), 403)
    assert_error(put(client, "/me/digest", accounts["resident"], {"enabled": False, "channel": "sms"}), 403)
    assert_error(put(client, "/me/digest", official, {"enabled": "no", "channel": "sms"}), 400)
    assert_error(put(client, "/me/digest", official, {"enabled": False, "channel": "fax"}), 400)
    turned = put(client, "/me/digest", official, {"enabled": False, "channel": "email"})
    assert turned.status_code == 200 and turned.json_body == {"enabled": False, "channel": "email"}
    assert get(client, "/me/digest", official).json_body == {"enabled": False, "channel": "email"}
    run(TUESDAY)
    assert set(counts_by_official(topic(), world)) == {"street_a", "staff_a", "busy_b"}

    back_on = put(client, "/me/digest", official, {"enabled": True, "channel": "email"})
    assert back_on.status_code == 200
    run("2026-10-15T08:30:00")
    sent = counts_by_official(topic(), world)
    assert sent["street_b"]["channel"] == "email"


def test_a_days_marker_is_written_once(api_env, world):
    from chalicelib.review import digest_repository

    message = {"subject_type": "review", "subject_id": "2026-10-16", "event": "official_digest", "text": "t",
               "text_en": "t"}
    sub = world["quiet_b"]["id"]
    assert digest_repository.deliver(sub, "test-recipient", message, "2026-10-16", "2026-10-16T00:30:00.000Z", 1)
    assert not digest_repository.deliver(sub, "test-recipient", message, "2026-10-16", "2026-10-16T00:30:00.000Z", 1)
    assert digest_repository.sent_on([sub, world["busy_b"]["id"]], "2026-10-16") == {sub}
