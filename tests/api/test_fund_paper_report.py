"""A paper team's completion report filed by the officials who act for it: receipts uploaded
through the application's own route, the report through the lead's action, every check of
the lead's path still holding; a web application's report stays its lead's."""

from __future__ import annotations

import requests

from tests.api.fund_helpers import COMMITTEE, act, application, create_pool, detail, figures, new_application
from tests.api.fund_helpers import upload_receipt as upload_residents_receipt
from tests.api.suggestion_helpers import get, post
from tests.api.test_fund_access import team_name

YEAR = 2071  # a pool year no other test uses
PDF = b"%PDF-1.4\n% receipt\n"


def receipts_path(application_id: str) -> str:
    return f"/review/funds/applications/{application_id}/receipts"


def staff_receipt(client, official, application_id: str, content: bytes = PDF) -> str:
    form = post(client, receipts_path(application_id), official, {"content_type": "application/pdf",
                                                                  "size_bytes": len(content)})
    assert form.status_code == 201, form.body
    uploaded = requests.post(form.json_body["url"], data=form.json_body["fields"],
                             files={"file": ("receipt.pdf", content, "application/pdf")}, timeout=10)
    assert uploaded.status_code in (200, 201, 204), uploaded.text
    return form.json_body["key"]


def ensure_pool(client, street, at) -> None:
    if get(client, f"/funds/pools/{COMMITTEE}/{YEAR}", street).status_code == 404:
        at(f"{YEAR}-01-05T09:00:00")
        create_pool(client, street, YEAR, 5_000_000)


def started(client, accounts, at, lead=None) -> dict:
    """An application funded and started: entered from paper by the committee's staff, or
    the web application of `lead`, who then takes its steps."""
    staff, street = accounts["committee_staff"], accounts["street_official"]
    ensure_pool(client, street, at)
    at(f"{YEAR}-03-02T10:00:00")
    if lead is None:
        entered = post(client, "/review/funds/applications", staff,
                       {**application(YEAR, team=team_name()), "channel": "paper"})
        assert entered.status_code == 201, entered.body
        draft, team = entered.json_body, staff
    else:
        draft, team = new_application(client, lead, YEAR, team=team_name()), lead
    submitted = act(client, team, draft["id"], "submit", draft["version"])
    # The staff who entered a paper application do not review it (four eyes): the street does.
    in_notice = act(client, staff if lead else street, draft["id"], "recommend", submitted["version"])
    at(f"{YEAR}-03-20T10:00:00")
    approved = act(client, street, draft["id"], "approve", in_notice["version"])
    funded = act(client, street, draft["id"], "fund", approved["version"], advance_fen=100_000)
    return act(client, team, draft["id"], "start", funded["version"])


def report(receipts: list[list[str]], actual: tuple[int, int] = (500_000, 280_000)) -> dict:
    return {"expenses": [{"line": n, "actual_fen": fen, "receipts": keys}
                         for n, (fen, keys) in enumerate(zip(actual, receipts, strict=True))],
            "participants": 96, "outcome": "共演出 8 场，独居老人参加 96 人次。"}


def test_staff_file_a_paper_teams_report_with_its_receipts_and_the_street_accepts_it(client, accounts, at):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    application_now = started(client, accounts, at)
    assert application_now["status"] == "in_progress" and "report" in application_now["allowed_actions"]
    assert application_now["timeline"][-1]["channel"] == "paper"
    receipts = [[staff_receipt(client, staff, application_now["id"]), staff_receipt(client, staff, application_now["id"])],
                [staff_receipt(client, staff, application_now["id"])]]
    # The street above may upload too: its forms are its own.
    assert post(client, receipts_path(application_now["id"]), street,
                {"content_type": "image/jpeg", "size_bytes": 2048}).status_code == 201

    reported = act(client, staff, application_now["id"], "report", application_now["version"],
                   report=report(receipts))

    assert reported["status"] == "reported"
    assert [e["receipt_count"] for e in reported["report"]["expenses"]] == [2, 1]
    assert reported["report"]["actual_total_fen"] == 780_000
    last = reported["timeline"][-1]
    assert (last["action"], last["actor_role"], last["channel"]) == ("report", "committee_staff", "paper")
    # The same press again finds the application moved on.
    act(client, staff, application_now["id"], "report", application_now["version"], expect=409,
        report=report(receipts))
    _, available, committed, disbursed = figures(client, street, YEAR)
    accepted = act(client, street, application_now["id"], "accept", reported["version"])
    # Paid what was spent (under the approved 8 000 yuan); the unused promise back in the pool.
    assert accepted["disbursed_fen"] == 780_000
    assert figures(client, street, YEAR)[1:] == (available + 20_000, committed - 800_000 + 100_000,
                                                 disbursed + 680_000)
    assert accepted["timeline"][-1]["channel"] is None  # the street's own step


def test_a_web_application_stays_its_leads_and_strangers_do_not_find_a_paper_one(client, accounts, at):
    staff, street, resident = accounts["committee_staff"], accounts["street_official"], accounts["kongjiang_resident"]
    web = started(client, accounts, at, lead=resident)
    paper = started(client, accounts, at)
    ask = {"content_type": "application/pdf", "size_bytes": 2048}
    residents_receipt = upload_residents_receipt(client, resident)

    for official in (staff, street):
        assert post(client, receipts_path(web["id"]), official, ask).status_code == 403
        act(client, official, web["id"], "report", web["version"], expect=403, report=report([[residents_receipt], []],
                                                                                        (500_000, 0)))
    for stranger in ("other_committee_staff", "neighbour_street_official", "kongjiang_resident", "other_resident"):
        assert post(client, receipts_path(paper["id"]), accounts[stranger], ask).status_code == 404, stranger
        act(client, accounts[stranger], paper["id"], "report", paper["version"], expect=404,
            report=report([[residents_receipt], []], (500_000, 0)))
    # Above the street: it sees the application, but the team's steps are not its to take.
    assert post(client, receipts_path(paper["id"]), accounts["district_admin"], ask).status_code == 403
    assert post(client, receipts_path("01JD0000000000000000000000"), staff, ask).status_code == 404
    assert detail(client, staff, paper["id"])["version"] == paper["version"]
    assert detail(client, resident, web["id"])["version"] == web["version"]


def test_bad_reports_and_forms_change_nothing(client, accounts, at, stack):
    staff, street, resident = accounts["committee_staff"], accounts["street_official"], accounts["kongjiang_resident"]
    paper = started(client, accounts, at)
    mine = staff_receipt(client, staff, paper["id"])
    streets = staff_receipt(client, street, paper["id"])
    residents = upload_residents_receipt(client, resident)
    never = mine.rsplit("/", 1)[0] + "/01JD0000000000000000000000.pdf"
    bad_reports = {
        "a resident's receipt": (report([[residents], []], (500_000, 0)), "report.expenses.0.receipts.0"),
        "another official's receipt": (report([[streets], []], (500_000, 0)), "report.expenses.0.receipts.0"),
        "never uploaded": (report([[never], []], (500_000, 0)), "report.expenses.0.receipts.0"),
        "a payment without receipt": (report([[mine], []], (500_000, 10_000)), "report.expenses.1.receipts"),
        "no such line": ({**report([[mine]], (500_000,)), "expenses": [{"line": 7, "actual_fen": 1, "receipts": [mine]}]},
                         "report.expenses.0.line"),
    }
    for name, (body, field) in bad_reports.items():
        refused = post(client, f"/funds/applications/{paper['id']}/report", staff, {"version": paper["version"],
                                                                                    "report": body})
        assert refused.status_code == 422, (name, refused.body)
        assert field in {d["field"] for d in refused.json_body["details"]}, (name, refused.body)
    bad_forms = {
        "not a receipt type": {"content_type": "text/html", "size_bytes": 10},
        "too large": {"content_type": "application/pdf", "size_bytes": 10 * 1024 * 1024 + 1},
        "empty": {"content_type": "application/pdf", "size_bytes": 0},
    }
    for name, body in bad_forms.items():
        refused = post(client, receipts_path(paper["id"]), staff, body)
        assert refused.status_code in (400, 422), (name, refused.body)
    still = detail(client, staff, paper["id"])
    assert (still["status"], still["version"], still["report"]) == ("in_progress", paper["version"], None)
