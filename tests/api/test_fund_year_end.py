"""The pool's year ends at Shanghai midnight on 31 December: a notice that would run past it
is refused when recommended, and nothing is approved from a closed pool."""

from __future__ import annotations

from tests.api.fund_helpers import act, create_pool, figures, new_application
from tests.api.suggestion_helpers import post

YEAR = 2040


def test_no_notice_runs_past_the_year_and_a_closed_pool_approves_nothing(client, accounts, at):
    resident, staff, street = accounts["kongjiang_resident"], accounts["committee_staff"], accounts["street_official"]
    at(f"{YEAR}-12-01T09:00:00")
    create_pool(client, street, YEAR, 5_000_000)
    early = new_application(client, resident, YEAR, team="年末测试一队", starts_on=f"{YEAR}-12-10", ends_on=f"{YEAR}-12-30")
    early = act(client, resident, early["id"], "submit", early["version"])
    late = new_application(client, resident, YEAR, team="年末测试二队", starts_on=f"{YEAR}-12-27", ends_on=f"{YEAR}-12-31")
    late = act(client, resident, late["id"], "submit", late["version"])

    # Recommended on 24 December for 7 days: the notice runs to 31 December 24:00, still the year.
    at(f"{YEAR}-12-24T09:00:00")
    early = act(client, staff, early["id"], "recommend", early["version"])
    assert early["notice_ends_at"] == f"{YEAR}-12-31T16:00:00.000Z"
    # A day later it would run into January.
    at(f"{YEAR}-12-25T09:00:00")
    refused = post(client, f"/funds/applications/{late['id']}/recommend", staff, {"version": late["version"]})
    assert refused.status_code == 422 and refused.json_body["details"][0]["type"] == "notice_past_year_end"

    at(f"{YEAR + 1}-01-01T00:00:00")
    before = figures(client, street, YEAR)
    closed = post(client, f"/funds/applications/{early['id']}/approve", street, {"version": early["version"]})
    assert closed.status_code == 422 and closed.json_body["details"][0]["type"] == "year_closed"
    assert figures(client, street, YEAR) == before
