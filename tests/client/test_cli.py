"""The `mulin` command offline: typer's CliRunner, with the real facade over an httpx.MockTransport."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from mulin import Mulin
from mulin.cli import app
from mulin.cli import output as cli_output
from mulin.cli import state as cli_state
from typer.testing import CliRunner

CASE_ID = "01M91TVEYN7PK7P0B1B6KWPACT"


def summary(number: int, **fields: Any) -> dict[str, Any]:
    return {"id": f"01M91TVEYN7PK7P0B1B6KWPA{number:02d}", "tracking_no": f"261205-00000{number}",
            "title": f"case {number}", "category": "transport", "status": "submitted", "division": "310110012001",
            "jurisdiction": "310110012", "channel": "web", "submitted_at": "2026-12-01T02:00:00.000Z",
            "due_at": "2026-12-21T15:59:59.000Z", "overdue": False, "version": 1, **fields}


def detail(**fields: Any) -> dict[str, Any]:
    return {**summary(1), "id": CASE_ID, "content": "text", "photos": [], "publish_consent": True,
            "deadlines": {"acknowledge_by": "2026-12-21T15:59:59.999Z", "reply_by": "2027-02-03T15:59:59.999Z",
                          "extended": False, "provisional": True},
            "rating": {"count": 0, "mean": None}, "allowed_actions": ["accept", "decline"], "version": 3,
            "timeline": [{"at": "2026-12-01T02:00:00.000Z", "action": "submit", "actor_role": "resident",
                          "status_to": "submitted", "details": {}}], **fields}


class Api:
    """Answers by (method, path); records every request."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Callable[[httpx.Request], httpx.Response]] = {}
        self.requests: list[httpx.Request] = []

    def on(self, method: str, path: str, *answers: httpx.Response) -> None:
        queue = list(answers)
        self.routes[(method, path)] = lambda request: queue.pop(0) if len(queue) > 1 else queue[0]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = self.routes.get((request.method, request.url.path))
        if route is None:
            return httpx.Response(404, json={"code": "not_found", "message": "Not found. / 未找到。", "details": [],
                                             "correlation_id": "c"})
        return route(request)


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Api:
    fake = Api()
    monkeypatch.setattr(cli_state, "build_api", lambda state: Mulin("http://api.test", token=lambda: "token",
                                                                    transport=httpx.MockTransport(fake),
                                                                    sleep=lambda seconds: None))
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("COLUMNS", "200")
    return fake


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env)


def page(items: list[dict[str, Any]], cursor: str | None = None) -> httpx.Response:
    return httpx.Response(200, json={"items": items, "next_cursor": cursor})


def test_the_queue_reads_every_page_as_a_table(api: Api) -> None:
    api.on("GET", "/review/suggestions", page([summary(1)], "next"), page([summary(2, overdue=True)]))
    result = run("queue", "suggestions")
    assert result.exit_code == 0, result.output
    assert "261205-000001" in result.stdout and "261205-000002" in result.stdout
    assert "OVERDUE" in result.stdout
    # Shown in Shanghai time: 15:59:59Z is 23:59 the same day.
    assert "2026-12-21 23:59" in result.stdout
    assert api.requests[1].url.params["cursor"] == "next"


def test_the_queue_as_json_is_only_json_on_stdout(api: Api) -> None:
    api.on("GET", "/review/suggestions", page([summary(1, overdue=True)]))
    result = run("--json", "queue", "suggestions", "--overdue", "--category", "transport")
    assert result.exit_code == 0, result.output
    assert [case["tracking_no"] for case in json.loads(result.stdout)] == ["261205-000001"]
    assert api.requests[0].url.params["overdue"] == "true"
    assert api.requests[0].url.params["category"] == "transport"


def test_due_within_filters_on_due_at_in_the_client(api: Api) -> None:
    api.on("GET", "/review/suggestions", page([summary(1, due_at="2000-01-01T00:00:00Z"),
                                               summary(2, due_at="2999-01-01T00:00:00Z"), summary(3, due_at=None)]))
    result = run("--json", "queue", "suggestions", "--due-within", "2d")
    assert result.exit_code == 0, result.output
    assert [case["tracking_no"] for case in json.loads(result.stdout)] == ["261205-000001"]
    assert "due_within" not in api.requests[0].url.params


def test_csv_cells_that_would_be_formulas_are_neutralised(api: Api) -> None:
    api.on("GET", "/review/suggestions", page([summary(1, title="=HYPERLINK(\"http://x\")"), summary(2, title="＋1")]))
    result = run("--csv", "queue", "suggestions")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["title"] for row in rows] == ["'=HYPERLINK(\"http://x\")", "'＋1"]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1", "＠x", "plain", "", "中文",
                                   None, 5, -3, 2.5, True])
def test_the_client_neutralises_as_the_api_does(value: Any) -> None:
    from chalicelib.spreadsheet import FORMULA_STARTS, neutralised

    assert cli_output.FORMULA_STARTS == FORMULA_STARTS
    assert cli_output.neutralised(value) == neutralised(value)


def test_an_action_reads_the_version_for_the_user(api: Api) -> None:
    api.on("GET", f"/suggestions/{CASE_ID}", httpx.Response(200, json=detail()))
    api.on("POST", f"/review/suggestions/{CASE_ID}/reply", httpx.Response(200, json={
        "id": CASE_ID, "status": "replied", "version": 4, "jurisdiction": "310110012", "allowed_actions": ["close"]}))
    result = run("case", "reply", CASE_ID, "--message", "Done next week", "--adoption", "adopted")
    assert result.exit_code == 0, result.output
    sent = json.loads(api.requests[-1].content)
    assert sent == {"version": 3, "message": "Done next week", "adoption": "adopted"}
    assert "Idempotency-Key" in api.requests[-1].headers
    assert "replied" in result.stderr


def test_a_tracking_number_is_resolved_to_the_case(api: Api) -> None:
    api.on("GET", "/suggestions/261205-000001", httpx.Response(200, json=detail()))
    api.on("GET", f"/suggestions/{CASE_ID}", httpx.Response(200, json=detail()))
    api.on("POST", f"/review/suggestions/{CASE_ID}/accept", httpx.Response(200, json={
        "id": CASE_ID, "status": "accepted", "version": 4, "jurisdiction": "310110012", "allowed_actions": []}))
    result = run("--json", "case", "accept", "261205-000001")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "accepted"


CONFLICT = {"code": "conflict", "message": "A case in status submitted does not accept reply. / 当前状态不允许此操作。",
            "details": [{"field": "action", "type": "invalid_transition", "message": "allowed now: accept, decline",
                         "message_zh": "当前允许的操作见 allowed_actions", "allowed_actions": ["accept", "decline"]}],
            "correlation_id": "c"}


def test_a_conflict_prints_the_allowed_actions_and_exits_1(api: Api) -> None:
    api.on("GET", f"/suggestions/{CASE_ID}", httpx.Response(200, json=detail()))
    api.on("POST", f"/review/suggestions/{CASE_ID}/reply", httpx.Response(409, json=CONFLICT))
    result = run("case", "reply", CASE_ID, "--message", "m", "--adoption", "adopted")
    assert result.exit_code == 1
    assert "409" in result.stderr and "accept, decline" in result.stderr
    assert result.stdout == ""


def test_with_json_the_error_body_is_on_stdout(api: Api) -> None:
    api.on("GET", f"/suggestions/{CASE_ID}", httpx.Response(200, json=detail()))
    api.on("POST", f"/review/suggestions/{CASE_ID}/reply", httpx.Response(409, json=CONFLICT))
    result = run("--json", "case", "reply", CASE_ID, "--message", "m", "--adoption", "adopted")
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert body["code"] == "conflict" and body["allowed_actions"] == ["accept", "decline"]


def test_the_language_follows_the_option_and_the_locale(api: Api) -> None:
    api.on("GET", f"/suggestions/{CASE_ID}", httpx.Response(200, json=detail()))
    api.on("POST", f"/review/suggestions/{CASE_ID}/reply", httpx.Response(409, json=CONFLICT))
    args = ("case", "reply", CASE_ID, "--message", "m", "--adoption", "adopted")
    assert "该件当前可执行：accept, decline" in run("--lang", "zh", *args).stderr
    assert "当前允许的操作见 allowed_actions" in run(*args, env={"LANG": "zh_CN.UTF-8"}).stderr
    assert "The case now allows: accept, decline" in run(*args, env={"LANG": "en_US.UTF-8"}).stderr
    api.on("GET", "/review/suggestions", page([summary(1)]))
    assert "编号" in run("--lang", "zh", "queue", "suggestions").stdout


def test_usage_errors_exit_2(api: Api) -> None:
    assert run("case", "reply", CASE_ID, "--message", "m").exit_code == 2
    assert run("case", "reply", CASE_ID, "--message", "m", "--adoption", "maybe").exit_code == 2
    assert run("queue", "suggestions", "--due-within", "soon").exit_code == 2
    assert run("export", "suggestions", "--month", "2026-13").exit_code == 2
    assert api.requests == []


def test_not_signed_in_exits_3(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stack = tmp_path / "stack.json"
    stack.write_text(json.dumps({"api_url": "http://api.test", "region": "ap-east-1",
                                 "officials_user_pool_id": "ap-east-1_x", "officials_user_pool_client_id": "c",
                                 "aws_endpoint_url": "http://127.0.0.1:1"}))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = run("--stack", str(stack), "queue", "suggestions")
    assert result.exit_code == 3
    assert "mulin login" in result.stderr


def test_a_missing_stack_file_is_a_usage_error(tmp_path: Any) -> None:
    result = run("--stack", str(tmp_path / "nowhere.json"), "whoami")
    assert result.exit_code == 2
    assert "nowhere.json" in result.stderr


def test_export_writes_the_month_as_neutralised_csv(api: Api, tmp_path: Any) -> None:
    api.on("GET", "/review/suggestions", page([summary(1, title="-2 lamps")], "next"), page([summary(2)]))
    target = tmp_path / "cases.csv"
    result = run("export", "suggestions", "--month", "2026-11", "--csv", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [row["tracking_no"] for row in rows] == ["261205-000001", "261205-000002"]
    assert rows[0]["title"] == "'-2 lamps"
    params = api.requests[0].url.params
    assert (params["submitted_from"], params["submitted_to"]) == ("2026-11-01", "2026-11-30")
    assert "2 case(s) written" in result.stderr


def test_a_tally_answered_at_once_prints_the_result(api: Api) -> None:
    result_body = {"round_id": "r", "rule": "greedy", "budget_fen": 100, "ballots": 3, "total_cost_fen": 50,
                   "tie_decided": False, "ballots_file": "x", "tallied_at": "2026-12-01T00:00:00Z",
                   "projects": [{"id": "p1", "title": "Benches", "cost_fen": 5000, "score": 3, "selected": True,
                                 "reason": "fits"}]}
    api.on("POST", "/rounds/r/tally", httpx.Response(200, json=result_body))
    result = run("round", "tally", "r")
    assert result.exit_code == 0, result.output
    assert "Benches" in result.stdout and "50.00" in result.stdout


def test_a_queued_tally_is_polled_until_done(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from mulin.cli import rounds

    monkeypatch.setattr(rounds, "POLL_SECONDS", 0)
    api.on("POST", "/rounds/r/tally", httpx.Response(202, json={"status": "queued"},
                                                     headers={"Location": "http://api.test/rounds/r/tally"}))
    api.on("GET", "/rounds/r/tally", httpx.Response(200, json={"status": "counting"}),
           httpx.Response(200, json={"status": "done"}))
    api.on("GET", "/rounds/r/results", httpx.Response(200, json={"round_id": "r", "projects": []}))
    result = run("--json", "round", "tally", "r")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["round_id"] == "r"
    assert [request.url.path for request in api.requests] == ["/rounds/r/tally", "/rounds/r/tally",
                                                              "/rounds/r/tally", "/rounds/r/results"]


def test_a_failed_tally_job_exits_1(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from mulin.cli import rounds

    monkeypatch.setattr(rounds, "POLL_SECONDS", 0)
    api.on("POST", "/rounds/r/tally", httpx.Response(202, json={"status": "queued", "links": {"self": "/rounds/r/tally"}}))
    api.on("GET", "/rounds/r/tally", httpx.Response(200, json={"status": "failed", "reason": "no ballots"}))
    result = run("round", "tally", "r")
    assert result.exit_code == 1
    assert "no ballots" in result.stderr


def test_summary_is_a_table_of_queues(api: Api) -> None:
    api.on("GET", "/review/summary", httpx.Response(200, json={
        "jurisdiction": "310110012", "at": "2026-12-05T00:00:00Z", "new_since": "2026-12-04T00:00:00Z",
        "due_soon_before": "2026-12-08T16:00:00Z",
        "queues": [{"queue": "suggestions", "new": 3, "due_soon": 1, "overdue": 2, "capped": False}]}))
    result = run("summary")
    assert result.exit_code == 0, result.output
    assert "suggestions" in result.stdout and "Overdue" in result.stdout
    # A Chinese reader's table names the queue; JSON keeps the code scripts match on.
    assert "人民建议" in run("--lang", "zh", "summary").stdout
    assert json.loads(run("--lang", "zh", "--json", "summary").stdout)["queues"][0]["queue"] == "suggestions"


def test_a_staff_action_takes_the_version_from_the_listing(api: Api) -> None:
    official = {"id": "sub-1", "phone_masked": "138****0031", "role": "street_official", "division": "310110012",
                "status": "active", "created_at": "2026-12-05T00:00:00Z", "created_by_role": "district_admin",
                "updated_at": "2026-12-05T00:00:00Z", "version": 7}
    api.on("GET", "/staff", page([official]))
    api.on("POST", "/staff/sub-1/move", httpx.Response(200, json={**official, "division": "310110013", "version": 8}))
    result = run("staff", "move", "sub-1", "--division", "310110013")
    assert result.exit_code == 0, result.output
    assert json.loads(api.requests[-1].content) == {"version": 7, "division": "310110013"}
    assert run("staff", "move", "sub-2", "--division", "310110013").exit_code == 1


# --- deliberation (睦邻议事厅) and the selection's nominations -----------------------------------

TOPIC_ID = "01M91TVEYN7PK7P0B1B6KWTOP1"
MEETING_ID = "01M91TVEYN7PK7P0B1B6KWMEET"
DECISION_ID = "01M91TVEYN7PK7P0B1B6KWDEC1"


def topic_detail(**fields: Any) -> dict[str, Any]:
    return {"id": TOPIC_ID, "division": "310110012001", "title": "Bike shed", "status": "queued", "supports": 12,
            "threshold": 10, "created_at": "2026-12-01T02:00:00Z", "due_at": "2026-12-15T15:59:59Z", "mine": False,
            "background": "b", "proposal": "p", "photos": [], "meeting_ids": [], "supported_by_me": False,
            "can_support": False, "can_comment": False, "allowed_actions": ["answer", "hide"],
            "path": [{"step": "raised", "at": "2026-12-01T02:00:00Z", "ref_kind": "topic", "ref_id": TOPIC_ID},
                     {"step": "queued", "at": "2026-12-02T02:00:00Z", "ref_kind": "division",
                      "ref_id": "310110012001"}],
            "comments": [{"id": "c1", "parent_id": None, "text": None, "created_at": "2026-12-02T03:00:00Z",
                          "deleted": False, "mine": False,
                          "hidden": {"reason": "personal data", "at": "2026-12-02T04:00:00Z", "appealed": False,
                                     "appeal_rejected": False}}], **fields}


def meeting_detail(**fields: Any) -> dict[str, Any]:
    return {"id": MEETING_ID, "kind": "hearing", "division": "310110012001", "title": "Bike shed hearing",
            "starts_at": "2026-12-10T11:00:00Z", "ends_at": "2026-12-10T13:00:00Z", "place": "Room 2",
            "status": "scheduled", "registered": 3, "agenda": "a", "topic_ids": [TOPIC_ID], "version": 2,
            "decisions": [], "allowed_actions": ["attend", "cancel"], **fields}


def queue_entry(topic: str, **fields: Any) -> dict[str, Any]:
    return {"kind": "schedule", "topic_id": topic, "division": "310110012001", "title": f"topic {topic}",
            "at": "2026-12-01T02:00:00Z", "due_at": "2026-12-03T15:59:59Z", "overdue": False, "supports": 10,
            **fields}


def test_the_topic_queue_reads_every_page_and_keeps_the_overdue(api: Api) -> None:
    api.on("GET", "/review/topics", page([queue_entry("T1", overdue=True)], "next"),
           page([queue_entry("T2"), queue_entry("T3", kind="report", overdue=True)]))
    result = run("--json", "queue", "topics", "--overdue", "--kind", "schedule")
    assert result.exit_code == 0, result.output
    assert [row["topic_id"] for row in json.loads(result.stdout)] == ["T1"]
    assert api.requests[1].url.params["cursor"] == "next"
    api.on("GET", "/review/topics", page([queue_entry("T1", overdue=True)]))
    table = run("--lang", "zh", "queue", "topics")
    assert "已超期" in table.stdout and "附议数" in table.stdout


def test_a_topic_shows_its_path_and_hides_what_was_hidden(api: Api) -> None:
    api.on("GET", f"/topics/{TOPIC_ID}", httpx.Response(200, json=topic_detail()))
    result = run("topic", "show", TOPIC_ID)
    assert result.exit_code == 0, result.output
    assert "queued" in result.stdout and "(hidden: personal data)" in result.stdout
    rows = list(csv.DictReader(io.StringIO(run("--csv", "topic", "show", TOPIC_ID).stdout)))
    assert [row["step"] for row in rows] == ["raised", "queued"]


def test_topic_actions_send_their_fields_without_a_version(api: Api) -> None:
    api.on("POST", f"/review/topics/{TOPIC_ID}/answer", httpx.Response(200, json=topic_detail(status="answered")))
    result = run("topic", "answer", TOPIC_ID, "--text", "The street already plans it.")
    assert result.exit_code == 0, result.output
    assert json.loads(api.requests[-1].content) == {"text": "The street already plans it."}
    assert "answer: done; status answered." in result.stderr
    api.on("POST", f"/review/topics/{TOPIC_ID}/hide", httpx.Response(200, json=topic_detail()))
    assert run("topic", "hide", TOPIC_ID, "--comment", "c1", "--reason", "phone number").exit_code == 0
    assert json.loads(api.requests[-1].content) == {"comment_id": "c1", "reason": "phone number"}
    assert run("topic", "hide", TOPIC_ID).exit_code == 2
    assert len(api.requests) == 2


def test_scheduling_a_topic_creates_its_meeting_in_shanghai_time(api: Api) -> None:
    api.on("GET", f"/topics/{TOPIC_ID}", httpx.Response(200, json=topic_detail()))
    api.on("POST", "/meetings", httpx.Response(201, json=meeting_detail()))
    result = run("--json", "topic", "schedule", TOPIC_ID, "--kind", "hearing", "--starts", "2026-12-10T19:00",
                 "--ends", "2026-12-10T21:00", "--place", "Room 2", "--also", "01M91TVEYN7PK7P0B1B6KWTOP2")
    assert result.exit_code == 0, result.output
    sent = json.loads(api.requests[-1].content)
    assert sent["topic_ids"] == [TOPIC_ID, "01M91TVEYN7PK7P0B1B6KWTOP2"]
    assert (sent["division"], sent["kind"], sent["title"], sent["agenda"]) == ("310110012001", "hearing",
                                                                            "Bike shed", "Bike shed")
    assert sent["starts_at"] == "2026-12-10T19:00:00" and "Idempotency-Key" in api.requests[-1].headers
    assert json.loads(result.stdout)["id"] == MEETING_ID
    assert run("topic", "schedule", TOPIC_ID, "--starts", "soon", "--ends", "later", "--place", "x").exit_code == 2


def test_meeting_attendance_is_sent_on_the_version_read(api: Api) -> None:
    api.on("GET", f"/meetings/{MEETING_ID}", httpx.Response(200, json=meeting_detail()))
    api.on("POST", f"/meetings/{MEETING_ID}/attend", httpx.Response(200, json=meeting_detail(status="held", version=3)))
    result = run("meeting", "attend", MEETING_ID, "--count", "14", "--present", "R1", "--present", "R2")
    assert result.exit_code == 0, result.output
    assert json.loads(api.requests[-1].content) == {"version": 2, "count": 14, "present": ["R1", "R2"]}
    assert "status held, version 3" in result.stderr


def test_a_decision_is_recorded_and_carried_into_a_fund_draft(api: Api, tmp_path: Any) -> None:
    decided = meeting_detail(status="held", decisions=[{
        "id": DECISION_ID, "text": "Build it", "votes_for": 20, "votes_against": 2, "votes_abstain": 1,
        "passed": True, "decided_at": "2026-12-10T12:00:00Z"}])
    api.on("POST", f"/meetings/{MEETING_ID}/decide", httpx.Response(200, json=decided))
    result = run("meeting", "decide", MEETING_ID, "--text", "Build it", "--for", "20", "--against", "2", "--abstain", "1")
    assert result.exit_code == 0, result.output
    assert json.loads(api.requests[-1].content) == {"text": "Build it", "votes_for": 20, "votes_against": 2,
                                                    "votes_abstain": 1}
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps({"team": "01M91TVEYN7PK7P0B1B6KWTEAM", "lines": [{"amount_fen": 100}]}))
    api.on("POST", f"/meetings/{MEETING_ID}/carry", httpx.Response(200, json=decided))
    result = run("meeting", "carry", MEETING_ID, "--decision", DECISION_ID, "--target", "fund_application",
                 "--title", "Bike shed", "--application", str(draft))
    assert result.exit_code == 0, result.output
    sent = json.loads(api.requests[-1].content)
    assert sent["target"] == "fund_application" and sent["application"]["lines"] == [{"amount_fen": 100}]
    assert all(request.method == "POST" for request in api.requests)
    assert run("meeting", "carry", MEETING_ID, "--decision", DECISION_ID, "--target", "nowhere",
               "--title", "x").exit_code == 2
    rows = list(csv.DictReader(io.StringIO(run("--csv", "meeting", "show", MEETING_ID).stdout)))
    assert rows == []  # no GET route answered: the 404 is on stderr, nothing on stdout
    api.on("GET", f"/meetings/{MEETING_ID}", httpx.Response(200, json=decided))
    rows = list(csv.DictReader(io.StringIO(run("--csv", "meeting", "show", MEETING_ID).stdout)))
    assert [(row["id"], row["passed"]) for row in rows] == [(DECISION_ID, "true")]


def test_a_committee_nominates_a_project_to_a_selection(api: Api) -> None:
    api.on("POST", "/rounds/S/nominations", httpx.Response(201, json={
        "id": "P", "title": "Garden", "description": "d", "estimated_cost_fen": 100, "status": "proposed",
        "submitted_at": "2026-12-01T00:00:00Z"}))
    result = run("--json", "round", "nominate", "S", "--project", "R1/P1")
    assert result.exit_code == 0, result.output
    assert json.loads(api.requests[-1].content) == {"source": "round_project", "round": "R1", "project": "P1"}
    assert json.loads(result.stdout)["title"] == "Garden"
    assert run("round", "nominate", "S", "--application", "A", "--project", "R/P").exit_code == 2
    assert run("round", "nominate", "S", "--project", "R1").exit_code == 2
