"""Who gets the officials' morning digest and what it says (review/digest_rules.py)."""

from __future__ import annotations

from datetime import date, datetime

from chalicelib.auth import Role
from chalicelib.clock import SHANGHAI
from chalicelib.review import digest_rules
from chalicelib.review.digest_rules import DigestChannel
from chalicelib.workdays.rules import WorkCalendar

ACCOUNT = {"sub": "3f2a", "role": "street_official", "division": "310110018", "status": "active", "version": 1}


def test_an_active_official_gets_it_by_sms_until_they_choose():
    principal = digest_rules.principal_of(ACCOUNT)
    assert principal is not None and principal.role is Role.street_official and principal.jurisdiction == "310110018"
    assert digest_rules.preference(ACCOUNT) == (True, DigestChannel.sms)
    assert digest_rules.preference({**ACCOUNT, "digest_channel": "email"}) == (True, DigestChannel.email)


def test_disabled_turned_off_or_inconsistent_accounts_get_none():
    for changed in ({"status": "disabled"}, {"digest_enabled": False}, {"role": "resident"}, {"role": "mayor"},
                    {"division": "310110018004"}, {"division": "99"}):
        assert digest_rules.principal_of({**ACCOUNT, **changed}) is None, changed


def test_the_message_has_each_queue_in_both_languages():
    counts = {"suggestions": {"new": 2, "due_soon": 1, "overdue": 0}, "funds": {"new": 0, "due_soon": 0, "overdue": 3}}
    message = digest_rules.message(counts, date(2026, 10, 12))
    assert message["event"] == "official_digest" and message["subject_id"] == "2026-10-12"
    assert "建议：新 2，即将到期 1，已逾期 0" in message["text"] and "自治金" in message["text"]
    assert "fund applications: 0 new, 0 due soon, 3 overdue" in message["text_en"]
    assert message["counts"] == counts


def test_streets_of_streets_and_committees_only():
    assert digest_rules.street_of("310110018004") == digest_rules.street_of("310110018") == "310110018"
    assert digest_rules.street_of("310110") is None


def test_a_run_by_hand_on_a_weekend_reports_as_the_last_working_morning():
    calendar = WorkCalendar()
    sunday = datetime(2026, 10, 18, 15, 0, tzinfo=SHANGHAI)
    assert digest_rules.latest_send_moment(sunday, calendar) == datetime(2026, 10, 16, 8, 30, tzinfo=SHANGHAI)
    monday = datetime(2026, 10, 19, 9, 0, tzinfo=SHANGHAI)
    assert digest_rules.latest_send_moment(monday, calendar) == monday
    make_up_saturday = datetime(2026, 10, 10, 9, 0, tzinfo=SHANGHAI)
    assert digest_rules.latest_send_moment(make_up_saturday, calendar) == make_up_saturday
