"""AWS calls and DynamoDB capacity of every API route, through the HTTP layer with real tokens.

Runs the app in this process under chalice.test.Client, its authorizer verifying tokens the
embedded Cognito issued, against the embedded AWS with the Shanghai divisions loaded, and
takes each domain through its life: a suggestion from submission to rating, a voting round
from creation to closing, a fund application from draft to closed (and the side roads:
returned, withdrawn, rejected, cancelled), the admin writes on divisions and working days,
upload forms, a publication request, and every list page, filled to a full page where the
page size allows. Each request is metered on the app's own clients (bench/meter.py). At the
end every route of the app that was not requested is listed, so a new route cannot slip
past unmeasured. Prints its BENCHMARKS.md section.
Run: .venv/bin/python -W ignore bench/route_calls.py
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The counter logs each tally at INFO on stdout, which is this report's; set before the logger exists.
os.environ["POWERTOOLS_LOG_LEVEL"] = "WARNING"

from bench import machine, meter  # noqa: E402
from bench.stack import at, bearer, embedded_aws, sign_in_accounts  # noqa: E402

COMMITTEE, STREET, OTHER_STREET, DISTRICT = "310110012001", "310110012", "310110015", "310110"
ACCOUNTS = {
    "resident": ("resident", COMMITTEE),
    "neighbour": ("resident", COMMITTEE),
    "staff": ("committee_staff", COMMITTEE),
    "street": ("street_official", STREET),
    "other street": ("street_official", OTHER_STREET),
    "district": ("district_admin", DISTRICT),
    "admin": ("platform_admin", "31"),
}
FULL_PAGE = 20
# A 1×1 PNG: the smallest valid photo.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c63f8cfc0f01f0005000201a3a5f4a80000000049454e44ae426082")

METHOD = f"""
Every route of the API requested through `chalice.test.Client` (the app in this process, its
token authorizer verifying tokens the embedded Cognito issued) against the embedded AWS with the
Shanghai divisions loaded, in the order a real day would bring them: a suggestion from submission
to rating, a voting round from creation to closing, a fund application from draft to closed and
its side roads, the admin writes, upload forms, a publication request, and every list page, each
filled to a full page ({FULL_PAGE} items) where the setup allows. Each request is metered on the
app's own clients (`bench/meter.py`); S3, SNS and SQS calls are counted separately from
DynamoDB's. The answer column is the HTTP status, and for list pages the number of items.
"""


@dataclass
class Row:
    group: str
    label: str
    answer: str
    usage: meter.Usage


class Routes:
    """Sends each request once, metered, and remembers which routes were requested."""

    def __init__(self, client: Any, accounts: dict[str, str]):
        self.client = client
        self.accounts = accounts
        self.rows: list[Row] = []
        self.requested: set[tuple[str, str]] = set()
        self.group = ""

    def send(self, method: str, path: str, account: str | None = None, body: Any = None,
             headers: dict[str, str] | None = None) -> Any:
        """Unmetered: the setup that fills pages."""
        raw = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
        sent = {"Content-Type": "application/json", **(bearer(self.accounts[account]) if account else {}),
                **(headers or {})}
        return self.client.http.request(method, path, headers=sent, body=raw)

    def call(self, method: str, template: str, account: str | None = None, body: Any = None, *,
             label: str = "", expect: int | tuple[int, ...] = (200, 201, 202), headers: dict[str, str] | None = None,
             **path: str) -> Any:
        with meter.metering() as usage:
            response = self.send(method, template.format(**path), account, body, headers)
        expected = (expect,) if isinstance(expect, int) else expect
        if response.status_code not in expected:
            raise RuntimeError(f"{method} {template.format(**path)} as {account}: {response.status_code} {response.body!r}")
        answer = response.json_body if response.body else None
        shown = str(response.status_code)
        if isinstance(answer, dict) and isinstance(answer.get("items"), list):
            shown += f", {len(answer['items'])} items"
        base = template.split("?")[0]
        self.requested.add((method, base))
        self.rows.append(Row(self.group, f"`{method} {base}`" + (f" {label}" if label else ""), shown, usage))
        return answer



def count_queued_tally(client: Any, round_id: str) -> None:
    """The tallies queue's function counts, as Lambda's event source would run it; outside the
    route table (the API's part of a tally is recording the job)."""
    from chalicelib import aws

    sqs, queue_url = aws.client("sqs"), os.environ["MULIN_TALLIES_QUEUE_URL"]
    bodies = [m["Body"] for m in sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
              if json.loads(m["Body"])["round_id"] == round_id]
    client.lambda_.invoke("count_round", client.events.generate_sqs_event(bodies, "mulin-tallies"))

def upload(form: dict[str, Any], content: bytes, content_type: str) -> None:
    """What the browser does with a presigned form (not the app's call, so not metered)."""
    import requests

    done = requests.post(form["url"], data=form["fields"], files={"file": ("file", content, content_type)}, timeout=10)
    done.raise_for_status()


def suggestion(**overrides: Any) -> dict[str, Any]:
    return {"title": "控江路人行道需要加装盲道",
            "content": "控江路 1500 号附近的人行道没有盲道，视障居民出行不便。建议加装盲道并清理占道。",
            "category": "transport", "division": COMMITTEE, "location": "控江路 1500 号", "publish_consent": True,
            **overrides}


def system_and_admin(r: Routes) -> None:
    r.group = "system and administration"
    r.call("GET", "/health")
    r.call("GET", "/me", "resident")
    r.call("GET", "/openapi.json")
    r.call("GET", "/divisions/{code}", code=STREET)
    r.call("PUT", "/divisions/{code}/profile", "district", {"population": 3200, "households": 1250,
                                                           "community_type": "old_neighbourhood"}, code=COMMITTEE)
    schedule = {"holidays": [f"2031-10-0{d}" for d in range(1, 8)], "workdays": ["2031-09-28"],
                "source": "国务院办公厅关于2031年部分节假日安排的通知"}
    r.call("PUT", "/workdays/{year}", "admin", schedule, year="2031")
    r.call("GET", "/workdays/{year}", year="2031")


def suggestions(r: Routes) -> None:
    r.group = "suggestions"
    at("2027-04-06T09:00:00")
    form = r.call("POST", "/uploads/photos", "resident", {"content_type": "image/png", "size_bytes": len(PNG)})
    upload(form, PNG, "image/png")
    first = r.call("POST", "/suggestions", "resident", suggestion(), label="(no Idempotency-Key)")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    r.call("POST", "/suggestions", "resident", suggestion(title="楼道照明"), label="with Idempotency-Key", headers=key)
    r.call("POST", "/suggestions", "resident", suggestion(title="楼道照明"), label="retried with the same key",
           headers=key)
    r.call("POST", "/suggestions", "resident", suggestion(title="井盖破损", photos=[form["key"]]), label="with one photo")
    behalf = r.call("POST", "/suggestions", "staff", suggestion(title="垃圾房异味", channel="paper",
                                                                 submitter_phone="+8613912345678"),
                    label="by staff for a resident (paper form)")
    for n in range(FULL_PAGE):
        r.send("POST", "/suggestions", "staff", suggestion(title=f"来信 {n}", channel="hotline_12345",
                                                             submitter_phone=f"+86139{n:08d}"))
    case = first["id"]
    steps = [("accept", "street", {}), ("assign", "street", {"committee": COMMITTEE}),
             ("transfer", "street", {"to_street": OTHER_STREET, "reason": "辖区调整"}),
             ("return", "other street", {"reason": "不属本街道"}),
             ("extend", "street", {"days": 10, "reason": "需协调多部门"}),
             ("reply", "street", {"message": "已答复，下月施工。", "adoption": "adopted"}),
             ("close", "street", {}), ("reopen", "street", {"reason": "居民反映未落实"})]
    for action, account, body in steps:
        r.call("POST", "/review/suggestions/{id}/{action}", account, body, label=action, id=case, action=action)
    r.call("POST", "/review/suggestions/{id}/{action}", "street", {"into": case}, label="merge", id=behalf["id"],
           action="merge")
    declined = r.send("POST", "/suggestions", "neighbour", suggestion(title="重复的建议")).json_body
    r.call("POST", "/review/suggestions/{id}/{action}", "street", {"reason": "内容与已受理的建议重复。"}, label="decline",
           id=declined["id"], action="decline")
    r.send("POST", f"/review/suggestions/{case}/reply", "street", {"message": "已施工完毕。", "adoption": "adopted"})
    r.call("POST", "/suggestions/{id}/rating", "resident", {"score": 5, "comment": "满意。"}, id=case)
    r.call("GET", "/review/suggestions", "street", label="(oldest first)")
    r.call("GET", "/review/suggestions?sort=deadline&overdue=true", "street", label="(by deadline, overdue only)")
    r.call("GET", "/review/suggestions?category=transport", "district", label="(district, filtered by category)")
    r.call("GET", "/suggestions/mine", "resident")
    r.call("GET", "/suggestions/{id}", "resident", label="(with its timeline)", id=case)
    r.call("GET", "/suggestions/{id}", "resident", label="(by tracking number)", id=first["tracking_no"])
    r.call("GET", "/notifications/mine", "resident")
    r.call("GET", "/notifications/mine", "street", label="(an official: their digests)")
    r.call("GET", "/me/digest", "street")
    r.call("PUT", "/me/digest", "street", {"enabled": True, "channel": "sms"})


def voting(r: Routes) -> None:
    from tests.api.test_round_lifecycle import SCHEDULE

    r.group = "voting"
    at("2027-02-20T10:00:00")
    body = {"scope": COMMITTEE, "title": "控一小区微更新 2027", "description": "小区公共空间改造，居民提议、投票决定。",
            "budget_fen": 10_000_000, "schedule": SCHEDULE, "method": {"kind": "approval", "min_picks": 1, "max_picks": 2},
            "rule": "greedy", "eligibility": {"accounts": True, "roster": True, "paper_codes": True}}
    round_id = r.call("POST", "/rounds", "staff", body)["id"]
    cancelled = r.send("POST", "/rounds", "staff", {**body, "title": "取消的活动"}).json_body["id"]
    r.call("POST", "/rounds/{id}/{action}", "street", {"reason": "与街道项目重复"}, label="cancel", id=cancelled,
           action="cancel")
    r.call("POST", "/rounds/{id}/roster", "staff", {"phones": [f"+86136{n:08d}" for n in range(100)]},
           label="(100 phone numbers)", id=round_id)
    codes = r.call("POST", "/rounds/{id}/codes", "staff", {"count": 100}, label="(100 codes)", id=round_id)["codes"]
    at("2027-03-02T10:00:00")
    projects = [r.call("POST", "/rounds/{id}/proposals", "resident",
                       {"title": "加装楼道扶手", "description": "为 1–12 号楼的楼道加装扶手。", "estimated_cost_fen": 3_000_000},
                       id=round_id)["id"]]
    proposal = {"description": "口袋花园与座椅。", "estimated_cost_fen": 2_000_000}
    projects += [r.send("POST", f"/rounds/{round_id}/proposals", "staff", {**proposal, "title": f"项目 {n}"}).json_body["id"]
                 for n in range(4)]
    at("2027-03-12T10:00:00")
    r.call("POST", "/rounds/{id}/projects/{project_id}/review", "street", {"feasible": True, "final_cost_fen": 3_200_000},
           label="(feasible)", id=round_id, project_id=projects[0])
    for project in projects[1:]:
        r.send("POST", f"/rounds/{round_id}/projects/{project}/review", "street", {"feasible": True, "final_cost_fen": 2_000_000})
    r.call("GET", "/rounds?division={division}", label="(a committee and the divisions above it)", division=COMMITTEE)
    r.call("GET", "/review/rounds", "street", label="(a street and every committee inside it)")
    r.call("GET", "/rounds/{id}", "resident", id=round_id)
    r.call("GET", "/rounds/{id}/ballot", id=round_id)
    at("2027-03-22T10:00:00")
    picks = {"picks": projects[:2]}
    r.call("POST", "/rounds/{id}/ballots", "resident", picks, label="(signed-in resident)", id=round_id)
    r.call("POST", "/rounds/{id}/ballots", "resident", picks, label="(the same voter again: refused)", expect=409,
           id=round_id)
    r.call("POST", "/rounds/{id}/code-ballots", None, {**picks, "code": codes[0]}, label="(paper code, no sign-in)",
           id=round_id)
    lines = "\n".join(f"{code};{projects[0]},{projects[2]}" for code in codes[1:11])
    r.call("POST", "/rounds/{id}/paper-ballots", "staff", {"csv": lines}, label="(10 lines)", id=round_id)
    at("2027-03-28T20:00:01")
    r.call("POST", "/rounds/{id}/tally", "street", {}, label="(12 ballots: the job recorded, 202)", expect=202,
           id=round_id)
    count_queued_tally(r.client, round_id)
    r.call("GET", "/rounds/{id}/tally", "street", label="(done)", id=round_id)
    r.call("GET", "/rounds/{id}/results", id=round_id)
    at("2027-03-31T10:00:00")
    r.call("POST", "/rounds/{id}/objections", "resident", {"text": "非机动车棚更急需", "project_id": projects[2]}, id=round_id)
    at("2027-05-10T10:00:00")
    selected = r.send("GET", f"/rounds/{round_id}/results").json_body
    chosen = next(p["id"] for p in selected["projects"] if p["selected"])
    r.call("POST", "/rounds/{id}/progress", "street", {"project_id": chosen, "status": "in_progress", "percent": 40,
                                                       "note": "已完成土方和排水"}, id=round_id)
    at("2027-07-02T10:00:00")
    r.call("POST", "/rounds/{id}/evaluations", "resident", {"project_id": chosen, "score": 5}, id=round_id)
    at("2027-07-16T10:00:00")
    r.call("POST", "/rounds/{id}/{action}", "street", {}, label="close", id=round_id, action="close")


def application(team: str) -> dict[str, Any]:
    lines = [{"item": "排练场地租金", "unit_price_fen": 50_000, "quantity": 10, "note": "每次 500 元"},
             {"item": "乐谱与音响", "unit_price_fen": 300_000, "quantity": 1}]
    return {"committee": COMMITTEE, "year": 2027,
            "team": {"name": team, "lead_name": "王阿姨", "member_count": 18, "building_group": "12 号楼组"},
            "title": "社区合唱团为老服务演出", "category": "elderly_service",
            "purpose": "为小区独居老人每月组织一次合唱演出和茶话会。", "beneficiaries": 120,
            "starts_on": "2027-04-01", "ends_on": "2027-10-31", "lines": lines,
            "requested_fen": sum(line["unit_price_fen"] * line["quantity"] for line in lines)}


def funds(r: Routes) -> None:
    r.group = "autonomy funds"
    pool = {"division": COMMITTEE, "year": "2027"}
    at("2027-01-04T09:00:00")
    r.call("POST", "/funds/pools/{division}/{year}", "street", {"allocated_fen": 100_000_000,
           "per_application_cap_fen": 2_000_000, "per_team_cap_fen": 3_000_000, "notice_days": 7}, **pool)
    r.call("POST", "/funds/pools/{division}/{year}/top-up", "street", {"amount_fen": 5_000_000, "reason": "追加"}, **pool)
    at("2027-03-02T10:00:00")
    created = r.call("POST", "/funds/applications", "resident", application("阳光合唱团"))
    app_id = created["id"]
    version = r.call("PUT", "/funds/applications/{id}", "resident",
                     {**application("阳光合唱团"), "beneficiaries": 150, "version": created["version"]}, id=app_id)["version"]

    def act(action: str, account: str, label: str = "", application_id: str = app_id, **fields: Any) -> int:
        nonlocal version
        current = r.send("GET", f"/funds/applications/{application_id}", account).json_body["version"]
        done = r.call("POST", "/funds/applications/{id}/{action}", account, {"version": current, **fields},
                      label=label or action, id=application_id, action=action)
        version = done["version"]
        return version

    act("submit", "resident")
    act("return_for_changes", "staff", reason="请补充物料报价。")
    act("submit", "resident", label="submit (again, after changes)")
    act("recommend", "staff", label="recommend (starts the public notice)")
    objection = r.call("POST", "/funds/applications/{id}/objections", "neighbour", {"reason": "请说明排练时间。"}, id=app_id)
    others = {}
    for name in ("withdrawn", "rejected", "cancelled"):
        other = r.send("POST", "/funds/applications", "resident", application(f"{name}队")).json_body
        others[name] = other["id"]
        if name != "withdrawn":
            r.send("POST", f"/funds/applications/{other['id']}/submit", "resident", {"version": other["version"]})
            r.send("POST", f"/funds/applications/{other['id']}/recommend", "staff", {"version": other["version"] + 1})
    act("withdraw", "resident", application_id=others["withdrawn"])
    for n in range(FULL_PAGE):
        draft = r.send("POST", "/funds/applications", "neighbour", application(f"楼组 {n}")).json_body
        r.send("POST", f"/funds/applications/{draft['id']}/submit", "neighbour", {"version": draft["version"]})
    at("2027-03-20T10:00:00")
    r.call("GET", "/review/funds", "staff", label="(committee staff: a full page of submitted applications)")
    r.call("GET", "/review/funds?status=in_notice", "street", label="(street: notices that ended, by status)")
    r.call("GET", "/review/summary", "staff", label="(suggestions, residences, funds, rounds)")
    r.call("GET", "/review/summary", "admin", label="(the whole city: suggestions, funds, rounds)")
    act("answer_objection", "staff", objection_id=objection["id"], answer="工作日下午。")
    act("approve", "street", label="approve (commits money)")
    act("reject", "street", application_id=others["rejected"], reason="与本年度自治金支持方向不符。")
    act("approve", "street", label="approve (another, to cancel)", application_id=others["cancelled"])
    act("cancel", "street", application_id=others["cancelled"], reason="团队解散。")
    act("fund", "street", label="fund (pays the advance)", advance_fen=300_000)
    act("start", "resident")
    receipt = b"%PDF-1.4\n% receipt\n"
    form = r.call("POST", "/uploads/receipts", "resident", {"content_type": "application/pdf", "size_bytes": len(receipt)})
    upload(form, receipt, "application/pdf")
    report = {"expenses": [{"line": 0, "actual_fen": 450_000, "receipts": [form["key"]]}, {"line": 1, "actual_fen": 0}],
              "participants": 80, "outcome": "完成演出 9 场。"}
    act("report", "resident", label="report (one receipt)", report=report)
    act("return", "street", reason="请补充活动照片和签到表。")
    act("report", "resident", label="report (again)", report=report)
    act("accept", "street", label="accept (settles: refund, release)")
    act("close", "staff")
    r.call("GET", "/funds/pools/{division}/{year}", "staff", **pool)
    r.call("GET", "/funds/pools/{division}/{year}/ledger", "staff", **pool)
    r.call("GET", "/funds/pools/{division}/{year}/applications", "staff", label="(staff)", **pool)
    r.call("GET", "/funds/pools/{division}/{year}/applications", "neighbour", label="(a resident: public ones)", **pool)
    r.call("GET", "/funds/applications/mine", "neighbour")
    r.call("GET", "/funds/applications/{id}", "staff", label="(with its timeline)", id=app_id)


def publications(r: Routes) -> None:
    r.group = "publication"
    at("2027-08-02T10:00:00")
    r.call("POST", "/publications/{month}", "admin", {}, label="(queued, not run)", month="2027-07")
    r.call("GET", "/publications/{month}", "admin", month="2027-07")


def unrequested(app: Any, requested: set[tuple[str, str]]) -> list[str]:
    return sorted(f"`{method} {path}`" for path, entry in app.routes.items() for method in entry
                  if (method, path) not in requested)


def main() -> int:
    with embedded_aws("mulin-bench-routes") as stack:
        from chalice.test import Client

        from app import app

        accounts = sign_in_accounts(stack, ACCOUNTS)
        # The functions' own log lines and metrics go to stdout, as in Lambda; the report is stdout here.
        with Client(app) as client, contextlib.redirect_stdout(sys.stderr):
            routes = Routes(client, accounts)
            for part in (system_and_admin, suggestions, voting, funds, publications):
                part(routes)
        missing = unrequested(app, routes.requested)

    machine.section("DynamoDB calls and capacity per API route", METHOD)
    machine.table(("route", "answer", *meter.USAGE_HEADERS),
                  ([f"{row.group}: {row.label}", row.answer, *meter.usage_cells(row.usage)] for row in routes.rows),
                  right=meter.right_columns(2))
    machine.paragraphs(meter.CAPACITY_NOTE)
    machine.paragraphs(f"Routes of the app not requested above: {', '.join(missing) or 'none'}.")
    seen: dict[str, list[float | None]] = defaultdict(list)
    for row in routes.rows:
        for operation, values in row.usage.moto_seen.items():
            seen[operation].extend(values)
    machine.paragraphs("""
    What the embedded AWS (moto 5) answered in ConsumedCapacity when every call above asked for it
    (`ReturnConsumedCapacity=INDEXES`, set by a `before-parameter-build` hook): fixed values per
    operation, whatever the items weigh, and nothing at all for TransactWriteItems. That is why the
    units above are computed rather than read from the responses.
    """)
    machine.table(("operation", "calls", "ConsumedCapacity.CapacityUnits answered"), meter.moto_rows(seen), right=(1,))
    return 0


if __name__ == "__main__":
    sys.exit(main())
