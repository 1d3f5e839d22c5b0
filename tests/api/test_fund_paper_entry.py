"""A team's paper application typed in by committee staff: entered as the team's draft,
submitted by staff on the team's behalf, recommended and approved by the usual steps, with
the timeline saying who entered it and from what."""

from __future__ import annotations

import uuid

from tests.api.fund_helpers import COMMITTEE, act, all_pages, application, create_pool, detail, figures
from tests.api.suggestion_helpers import get, post
from tests.api.test_personal_data import upload_photo

YEAR = 2059  # a pool year no other test uses
PATH = "/review/funds/applications"
LEAD_PHONE = "+8613900000059"


def paper(lines=None, **overrides):
    return {**application(YEAR, team="银发编织队", lines=lines), "channel": "paper", "lead_phone": LEAD_PHONE,
            **overrides}


def pool_titles(client, account) -> list[str]:
    return [item["id"] for item in all_pages(client, f"/funds/pools/{COMMITTEE}/{YEAR}/applications?limit=100", account)]


def ensure_pool(client, street, at) -> None:
    if get(client, f"/funds/pools/{COMMITTEE}/{YEAR}", street).status_code == 404:
        at(f"{YEAR}-01-05T09:00:00")
        create_pool(client, street, YEAR, 5_000_000)


def test_staff_enter_a_paper_application_and_take_it_through_for_the_team(client, accounts, at, stack):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    ensure_pool(client, street, at)
    at(f"{YEAR}-03-02T10:00:00")
    scan = upload_photo(client, staff)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    entered = post(client, PATH, staff, paper(scans=[scan]), key)
    assert entered.status_code == 201, entered.body
    draft = entered.json_body
    assert draft["status"] == "draft" and draft["channel"] == "paper" and draft["scan_count"] == 1
    assert draft["lead_phone_masked"] and LEAD_PHONE not in str(draft)
    assert draft["allowed_actions"][:2] == ["submit", "withdraw"]
    first = draft["timeline"][0]
    assert (first["action"], first["actor_role"], first["channel"]) == ("enter", "committee_staff", "paper")
    # The same press sent again is the same draft.
    again = post(client, PATH, staff, paper(scans=[scan]), key)
    assert again.status_code == 201 and again.json_body["id"] == draft["id"]
    assert pool_titles(client, staff).count(draft["id"]) == 1

    submitted = act(client, staff, draft["id"], "submit", draft["version"])
    assert submitted["status"] == "submitted"
    # Staff who typed it in and submitted it do not also review it (four eyes): the street does.
    in_notice = act(client, street, draft["id"], "recommend", submitted["version"])
    at(f"{YEAR}-03-20T10:00:00")
    approved = act(client, street, draft["id"], "approve", in_notice["version"])
    assert approved["status"] == "approved" and approved["approved_fen"] == draft["requested_fen"]
    assert figures(client, street, YEAR)[2] == draft["requested_fen"]
    seen = detail(client, street, draft["id"])
    assert [event["action"] for event in seen["timeline"]] == ["enter", "submit", "recommend", "approve"]


def test_only_the_committees_own_officials_enter_and_bad_forms_change_nothing(client, accounts, at):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    ensure_pool(client, street, at)
    at(f"{YEAR}-03-03T10:00:00")
    before = pool_titles(client, staff)
    assert post(client, PATH, accounts["other_committee_staff"], paper()).status_code == 404
    assert post(client, PATH, accounts["neighbour_street_official"], paper()).status_code == 404
    assert post(client, PATH, accounts["kongjiang_resident"], paper()).status_code == 403
    assert post(client, PATH, accounts["district_admin"], paper()).status_code == 403
    bad = {
        "web channel": (paper(channel="web"), 400, "channel"),
        "not a mobile": (paper(lead_phone="12345"), 400, "lead_phone"),
        "over the application cap": (paper(lines=[{"item": "器材", "unit_price_fen": 3_000_000, "quantity": 1}]),
                                     422, "requested_fen"),
        "no pool that year": (paper(year=YEAR + 40, starts_on=f"{YEAR + 40}-04-01", ends_on=f"{YEAR + 40}-10-31"),
                              422, "year"),
        "someone else's scan": (paper(scans=[f"uploads/photos/{accounts['kongjiang_resident'].user_id}/x.png"]),
                                422, "scans"),
    }
    for name, (body, status, field) in bad.items():
        response = post(client, PATH, street, body)
        assert response.status_code == status, (name, response.body)
        assert any(field in str(d.get("field", "")) for d in response.json_body.get("details") or []) or \
            field in str(response.json_body), (name, response.body)
    assert pool_titles(client, staff) == before
