"""A team's paper application names its lead by the number on the form: with the lead's consent
(居民同意短信通知) the decisions on it are texted there while no account holds the number, the
way a paper suggestion's are; unticked, or once the lead's own account said no, none is."""

from __future__ import annotations

from tests.api.fund_helpers import COMMITTEE, act, application, create_pool
from tests.api.helpers import put
from tests.api.suggestion_helpers import get, post
from tests.api.test_fund_access import team_name
from tests.api.test_identity_attack import Resident
from tests.api.test_texts import _batch, _phone, _send, _texts_to, texts_queue  # noqa: F401 - the fixture

YEAR = 2075  # a pool year no other test uses (the access matrix takes 2060 upward)


def approved(client, accounts, at, phone: str, **consent) -> str:
    """Entered on paper for `phone`, submitted by the staff, recommended and approved by the street."""
    staff, street = accounts["committee_staff"], accounts["street_official"]
    if get(client, f"/funds/pools/{COMMITTEE}/{YEAR}", street).status_code == 404:
        at(f"{YEAR}-01-05T09:00:00")
        create_pool(client, street, YEAR, 5_000_000)
    at(f"{YEAR}-03-02T10:00:00")
    entered = post(client, "/review/funds/applications", staff,
                   {**application(YEAR, team=team_name()), "channel": "paper", "lead_phone": phone, **consent})
    assert entered.status_code == 201, entered.body
    assert entered.json_body["sms_consent"] is consent.get("sms_consent", True)
    submitted = act(client, staff, entered.json_body["id"], "submit", entered.json_body["version"])
    in_notice = act(client, street, submitted["id"], "recommend", submitted["version"])
    at(f"{YEAR}-03-20T10:00:00")
    assert act(client, street, submitted["id"], "approve", in_notice["version"])["status"] == "approved"
    return submitted["id"]


def test_the_approval_of_a_paper_application_texts_the_leads_number_once(client, accounts, api_env, at, texts_queue):  # noqa: F811
    phone = _phone()
    application_id = approved(client, accounts, at, phone)
    event, bodies = _batch(client, texts_queue, application_id)
    _send(client, event)
    _send(client, event)  # the same batch handed out again
    (text,) = _texts_to(api_env, phone)
    assert text.startswith("【睦邻】") and "自治金申报已有审批结果" in text and "合唱" not in text


def test_a_lead_who_said_no_on_the_form_gets_no_text(client, accounts, api_env, at, texts_queue):  # noqa: F811
    phone = _phone()
    application_id = approved(client, accounts, at, phone, sms_consent=False)
    _send(client, _batch(client, texts_queue, application_id)[0])
    assert _texts_to(api_env, phone) == []


def test_a_lead_whose_own_account_said_no_gets_no_text(client, accounts, api_env, at, stack, texts_queue):  # noqa: F811
    lead = Resident(stack, _phone(), None)
    assert put(client, "/me/texts", lead, {"sms": False}).json_body["sms"] is False
    application_id = approved(client, accounts, at, lead.phone)
    _send(client, _batch(client, texts_queue, application_id)[0])
    assert _texts_to(api_env, lead.phone) == []
