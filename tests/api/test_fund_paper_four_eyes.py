"""Four eyes on the money of a team's paper or meeting application: the officials who took the
team's steps on it (entered, submitted, reported it) do not also review, approve, pay or
accept it; another official does, and the detail offers them only what they may take."""

from __future__ import annotations

import pytest

from tests.api.fund_helpers import (
    COMMITTEE,
    STREET,
    act,
    all_pages,
    application,
    create_pool,
    detail,
    new_application,
)
from tests.api.suggestion_helpers import get, post
from tests.api.test_fund_access import team_name
from tests.api.test_fund_paper_report import report, staff_receipt

YEAR = 2073  # a pool year no other test uses (the access matrix takes 2060 upward)
PATH = "/review/funds/applications"
REVIEW_AND_MONEY = {"return_for_changes", "recommend", "approve", "reject", "fund", "return", "accept"}


@pytest.fixture(scope="module")
def colleagues(stack):
    """A second worker of the committee and a second official of the street."""
    from local_stack.provision import add_user, sign_in
    from tests.api.conftest import PASSWORD, Account

    made = {}
    for name, role, division, phone in (("committee", "committee_staff", COMMITTEE, "+8613659630001"),
                                        ("street", "street_official", STREET, "+8613659630002")):
        user = add_user(stack, phone=phone, password=PASSWORD, role=role, division=division)
        made[name] = Account(name, role, division, phone, user.user_id, sign_in(stack, phone, PASSWORD))
    return made


def entered_and_submitted(client, accounts, at) -> dict:
    staff, street = accounts["committee_staff"], accounts["street_official"]
    if get(client, f"/funds/pools/{COMMITTEE}/{YEAR}", street).status_code == 404:
        at(f"{YEAR}-01-05T09:00:00")
        create_pool(client, street, YEAR, 5_000_000)
    at(f"{YEAR}-03-02T10:00:00")
    entered = post(client, PATH, staff, {**application(YEAR, team=team_name()), "channel": "paper"})
    assert entered.status_code == 201, entered.body
    return act(client, staff, entered.json_body["id"], "submit", entered.json_body["version"])


def refused(client, account, application: dict, action: str, **fields) -> None:
    body = act(client, account, application["id"], action, application["version"], expect=403, **fields)
    assert body["code"] == "forbidden" and "另一位工作人员" in body["message"] and "Another official" in body["message"]


def queued(client, account, application: dict) -> set[str]:
    """The actions the caller's queue (GET /review/funds) offers on the application."""
    path = f"/review/funds?committee={COMMITTEE}&status={application['status']}"
    (item,) = [i for i in all_pages(client, path, account) if i["id"] == application["id"]]
    return set(item["allowed_actions"])


def test_the_official_who_entered_a_paper_application_does_not_review_it_another_committee_worker_does(
        client, accounts, at, colleagues):
    staff = accounts["committee_staff"]
    submitted = entered_and_submitted(client, accounts, at)
    assert submitted["review_by_another"] is True
    assert not REVIEW_AND_MONEY & set(submitted["allowed_actions"]) and "withdraw" in submitted["allowed_actions"]
    # The queue offers what the detail does: the entering official's entry no review step.
    assert not REVIEW_AND_MONEY & queued(client, staff, submitted)
    assert {"recommend", "return_for_changes"} <= queued(client, colleagues["committee"], submitted)
    refused(client, staff, submitted, "recommend")
    refused(client, staff, submitted, "return_for_changes", reason="请补充预算。")
    assert detail(client, staff, submitted["id"])["version"] == submitted["version"]

    seen = detail(client, colleagues["committee"], submitted["id"])
    assert seen["review_by_another"] is False and {"recommend", "return_for_changes"} <= set(seen["allowed_actions"])
    in_notice = act(client, colleagues["committee"], submitted["id"], "recommend", submitted["version"])
    assert in_notice["status"] == "in_notice"


def test_the_street_official_who_reported_does_not_accept_another_street_official_does(
        client, accounts, at, colleagues):
    street = accounts["street_official"]
    submitted = entered_and_submitted(client, accounts, at)
    in_notice = act(client, colleagues["committee"], submitted["id"], "recommend", submitted["version"])
    at(f"{YEAR}-03-20T10:00:00")
    # Until they take a team's step, the street's officials decide and pay as ever.
    approved = act(client, street, submitted["id"], "approve", in_notice["version"])
    funded = act(client, street, submitted["id"], "fund", approved["version"], advance_fen=100_000)
    started = act(client, street, submitted["id"], "start", funded["version"])
    receipts = [[staff_receipt(client, street, submitted["id"])], [staff_receipt(client, street, submitted["id"])]]
    reported = act(client, street, submitted["id"], "report", started["version"], report=report(receipts))
    assert reported["review_by_another"] is True and not {"accept", "return"} & set(reported["allowed_actions"])
    assert not {"accept", "return"} & queued(client, street, reported)
    assert {"accept", "return"} <= queued(client, colleagues["street"], reported)
    refused(client, street, reported, "accept")
    refused(client, street, reported, "return", reason="票据不清。")

    other = colleagues["street"]
    assert {"accept", "return"} <= set(detail(client, other, submitted["id"])["allowed_actions"])
    accepted = act(client, other, submitted["id"], "accept", reported["version"])
    assert accepted["status"] == "accepted"


def test_a_web_application_is_reviewed_as_before(client, accounts, at):
    staff, lead = accounts["committee_staff"], accounts["kongjiang_resident"]
    entered_and_submitted(client, accounts, at)  # the year's pool
    draft = new_application(client, lead, YEAR, team=team_name())
    submitted = act(client, lead, draft["id"], "submit", draft["version"])
    seen = detail(client, staff, submitted["id"])
    assert seen["review_by_another"] is False and "recommend" in seen["allowed_actions"]
    assert act(client, staff, submitted["id"], "recommend", submitted["version"])["status"] == "in_notice"


def test_the_backfill_gives_an_entry_written_before_it_kept_the_team_hands_them(client, accounts, at, monkeypatch):
    from chalicelib.storage import dynamo
    from chalicelib.storage.items import to_item
    from chalicelib.storage.keys import fund_review_entry_key
    from migrations import review_queues

    staff = accounts["committee_staff"]
    submitted = entered_and_submitted(client, accounts, at)
    key = to_item(fund_review_entry_key(submitted["id"]))
    dynamo.db().update_item(TableName=dynamo.table_name(), Key=key, UpdateExpression="REMOVE team_hands")
    assert "recommend" in queued(client, staff, submitted)  # what the entry could not know

    stored = [dynamo.get_item({"PK": f"FUNDAPP#{submitted['id']}", "SK": "APP"})]
    monkeypatch.setattr(review_queues, "_pages", lambda checkpoint: iter([(stored, None)]))
    assert review_queues.migrate() == {"fund application": 1}
    assert not REVIEW_AND_MONEY & queued(client, staff, submitted)
    assert review_queues.migrate() == {"fund application (indexed already)": 1}
