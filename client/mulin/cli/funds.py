"""mulin queue funds, mulin fund <action> (自治金)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from mulin.cli.actions import Action, Opt, build, enum, model, operation, reason
from mulin.cli.output import plain, shanghai, yuan
from mulin.cli.state import State, handled, state_of

fund_app = typer.Typer(no_args_is_help=True, help="Act on a fund application (the version is read for you).")


def _report(path: str) -> Any:
    return model("CompletionReport").from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


ACTIONS = (
    Action("submit", "submit_fund_application", "SubmitFundApplicationRequest",
           "Submit a draft or a returned application (the team's lead).", (reason(False),)),
    Action("withdraw", "withdraw_fund_application", "WithdrawFundApplicationRequest",
           "Withdraw an application before its approval (the team's lead).", (reason(False),)),
    Action("return_for_changes", "return_fund_application_for_changes", "ReturnFundApplicationForChangesRequest",
           "Return a submitted application to the team for changes (committee).", (reason(True),)),
    Action("recommend", "recommend_fund_application", "RecommendFundApplicationRequest",
           "Recommend a submitted application; its public notice starts (committee).", (reason(False),)),
    Action("answer_objection", "answer_fund_objection", "AnswerFundObjectionRequest",
           "Answer an objection raised during the notice (committee).",
           (Opt("objection_id", "--objection-id", "The objection's id.", True),
            Opt("answer", "--answer", "The answer, published with the objection.", True))),
    Action("approve", "approve_fund_application", "ApproveFundApplicationRequest",
           "Approve an application after its notice (street).", (reason(False),)),
    Action("reject", "reject_fund_application", "RejectFundApplicationRequest",
           "Reject an application, with the reason (street).", (reason(True),)),
    Action("fund", "fund_application", "FundApplicationFundingRequest",
           "Fund an approved application, paying the advance (street).",
           (Opt("advance_fen", "--advance-fen", "The advance paid now, in fen.", True, int), reason(False))),
    Action("start", "start_fund_project", "StartFundProjectRequest",
           "Report that the funded project has started (the team's lead).", (reason(False),)),
    Action("report", "report_fund_completion", "ReportFundCompletionRequest",
           "File the completion report (the team's lead).",
           (Opt("report", "--report", "A JSON file: {expenses, participants, outcome, photos}.", True, str, _report),
            reason(False))),
    Action("return", "return_fund_report", "ReturnFundReportRequest",
           "Return a completion report to the team (committee).", (reason(True),)),
    Action("accept", "accept_fund_completion", "AcceptFundCompletionRequest",
           "Accept a completion report; the rest is paid (street).", (reason(False),)),
    Action("close", "close_fund_application", "CloseFundApplicationRequest",
           "Close an accepted application (committee).", (reason(False),)),
    Action("cancel", "cancel_fund_application", "CancelFundApplicationRequest",
           "Cancel an approved application, with the reason (street).", (reason(True),)),
)


def queue_funds(
    ctx: typer.Context,
    status: str = typer.Option(None, "--status", help="submitted, in_notice, approved, reported, …"),
    committee: str = typer.Option(None, "--committee", help="Only this committee's applications."),
) -> None:
    """Fund applications awaiting action across your jurisdiction, every page (GET /review/funds)."""
    from mulin_client.api.review import list_fund_queue

    state = state_of(ctx)
    query: dict[str, Any] = {"limit": 100}
    if status:
        query["status"] = enum("FundStatus", status, "--status")
    if committee:
        query["committee"] = committee
    rows = [plain(item) for item in state.api.pages(list_fund_queue, **query)]
    state.output.records(rows, [("id", state.t("id"), None), ("committee", state.t("committee"), None),
                                ("title", state.t("title"), None), ("status", state.t("status"), None),
                                ("requested_fen", state.t("requested"), yuan), ("due_at", state.t("due"), shanghai),
                                ("overdue", state.t("overdue_col"), lambda flag: state.t("overdue") if flag else ""),
                                ("allowed_actions", state.t("allowed"), None)])


def run(state: State, action: Action, id: str, fields: dict[str, Any]) -> Any:  # noqa: A002
    from mulin_client.api.funds import get_fund_application

    return state.api.act(get_fund_application, operation("funds", action.module), id, model(action.body),
                         **fields)


def register(app: typer.Typer, queue_app: typer.Typer) -> None:
    queue_app.command("funds")(handled(queue_funds))
    build(fund_app, "funds", ACTIONS, run, "The application's id.")
    app.add_typer(fund_app, name="fund")
