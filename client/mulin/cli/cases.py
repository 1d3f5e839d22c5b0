"""mulin queue suggestions, mulin case show|accept|decline|… (人民建议征集)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import typer

from mulin.cli.actions import enum
from mulin.cli.output import plain, shanghai
from mulin.cli.state import State, handled, state_of

case_app = typer.Typer(no_args_is_help=True, help="One case: show it, or act on it (the version is read for you).")
ULID = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")


def suggestion_columns(state: State) -> list[tuple[str, str, Any]]:
    return [("tracking_no", state.t("tracking_no"), None), ("title", state.t("title"), None),
            ("status", state.t("status"), None), ("jurisdiction", state.t("division"), None),
            ("due_at", state.t("due"), shanghai),
            ("overdue", state.t("overdue_col"), lambda flag: state.t("overdue") if flag else "")]


def days_of(text: str) -> float:
    """'2d', '2', '36h' → days."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([dh]?)\s*", text or "")
    if not match:
        raise typer.BadParameter("a number of days such as 2d (or hours: 36h)", param_hint="--due-within")
    number = float(match.group(1))
    return number / 24 if match.group(2) == "h" else number


def due_within(rows: list[dict[str, Any]], days: float, now: dt.datetime | None = None) -> list[dict[str, Any]]:
    limit = (now or dt.datetime.now(dt.UTC)) + dt.timedelta(days=days)
    kept = []
    for row in rows:
        due = row.get("due_at")
        if due and dt.datetime.fromisoformat(due.replace("Z", "+00:00")) <= limit:
            kept.append(row)
    return kept


def queue_suggestions(
    ctx: typer.Context,
    overdue: bool = typer.Option(False, "--overdue", help="Only overdue cases."),
    due_within_: str = typer.Option(None, "--due-within", metavar="2d",
                                    help="Only cases due within this many days (2d, or hours: 36h). Filtered here, "
                                         "in the client, on each case's due_at: every page is still read."),
    category: str = typer.Option(None, "--category", help="urban_renewal, transport, sanitation, … (see the API)."),
    division: str = typer.Option(None, "--division", help="A division inside your jurisdiction."),
    status: str = typer.Option(None, "--status", help="submitted, accepted, assigned, transferred, replied, …"),
    sort: str = typer.Option("oldest", "--sort", help="oldest (submission) or deadline."),
    limit: int = typer.Option(None, "--limit", min=1, help="Show at most this many cases."),
) -> None:
    """The suggestions awaiting you, every page of them (GET /review/suggestions)."""
    from mulin_client.api.review import list_suggestion_queue

    state = state_of(ctx)
    days = days_of(due_within_) if due_within_ else None
    query: dict[str, Any] = {"sort": enum("QueueOrder", sort, "--sort"), "limit": 100}
    if category:
        query["category"] = enum("SuggestionCategory", category, "--category")
    if status:
        query["status"] = enum("SuggestionStatus", status, "--status")
    if division:
        query["division"] = division
    if overdue:
        query["overdue"] = True
    rows: list[dict[str, Any]] = []
    for item in state.api.pages(list_suggestion_queue, **query):
        row = plain(item)
        if days is not None and not due_within([row], days):
            continue
        rows.append(row)
        if limit and len(rows) >= limit:
            break
    state.output.records(rows, suggestion_columns(state))


def resolve(state: State, id_or_tracking: str) -> dict[str, Any]:
    from mulin_client.api.suggestions import get_suggestion

    detail: dict[str, Any] = plain(state.api.call(get_suggestion, id=id_or_tracking))
    return detail


def show(ctx: typer.Context, id: str = typer.Argument(..., help="The case's id or tracking number.")) -> None:  # noqa: A002
    """A case with its timeline."""
    state = state_of(ctx)
    detail = resolve(state, id)
    output = state.output
    if output.format == "json":
        output.json(detail)
        return
    if output.format == "csv":
        output.records(detail.get("timeline") or [], [(k, k, None) for k in
                       ("at", "action", "status_from", "status_to", "actor_role", "message", "reason")])
        return
    output.record({**detail, "due_at": shanghai(detail.get("due_at")),
                   "overdue": state.t("overdue") if detail.get("overdue") else ""},
                  [("tracking_no", state.t("tracking_no")), ("id", state.t("id")), ("title", state.t("title")),
                   ("status", state.t("status")), ("jurisdiction", state.t("division")), ("due_at", state.t("due")),
                   ("overdue", state.t("overdue_col")), ("allowed_actions", state.t("allowed")),
                   ("content", "")])
    output.records(detail.get("timeline") or [],
                   [("at", state.t("at"), shanghai), ("action", state.t("action"), None),
                    ("status_to", state.t("status"), None), ("actor_role", state.t("actor"), None),
                    ("message", state.t("message"), None)],
                   title=state.t("timeline"))


# action → (generated module, request class, {option: field}); options below declare each one.
ACTIONS: dict[str, tuple[str, str]] = {
    "accept": ("accept_suggestion", "AcceptSuggestionRequest"),
    "decline": ("decline_suggestion", "DeclineSuggestionRequest"),
    "assign": ("assign_suggestion", "AssignSuggestionRequest"),
    "transfer": ("transfer_suggestion", "TransferSuggestionRequest"),
    "return": ("return_suggestion", "ReturnSuggestionRequest"),
    "merge": ("merge_suggestion", "MergeSuggestionRequest"),
    "reply": ("reply_to_suggestion", "ReplyToSuggestionRequest"),
    "extend": ("extend_suggestion_deadline", "ExtendSuggestionDeadlineRequest"),
    "close": ("close_suggestion", "CloseSuggestionRequest"),
    "reopen": ("reopen_suggestion", "ReopenSuggestionRequest"),
}


def act(ctx: typer.Context, action: str, id_or_tracking: str, **fields: Any) -> None:
    import importlib

    import mulin_client.models as models
    from mulin_client.api.suggestions import get_suggestion

    state = state_of(ctx)
    module_name, body_name = ACTIONS[action]
    module = importlib.import_module(f"mulin_client.api.review.{module_name}")
    fields = {name: value for name, value in fields.items() if value is not None}
    if "adoption" in fields:
        fields["adoption"] = enum("Adoption", fields["adoption"], "--adoption")
    case_id = id_or_tracking if ULID.match(id_or_tracking) else resolve(state, id_or_tracking)["id"]
    result = plain(state.api.act(get_suggestion, module, case_id, getattr(models, body_name), **fields))
    if state.output.format == "table":
        state.output.say(state.t("done", action=action, status=result.get("status"), version=result.get("version")))
        if result.get("allowed_actions"):
            state.output.say(state.t("allowed_actions", actions=", ".join(result["allowed_actions"])))
    else:
        state.output.record(result)


ID = typer.Argument(..., help="The case's id or tracking number.")
REASON = typer.Option(None, "--reason", help="Why (kept in the timeline).")
NEEDED_REASON = typer.Option(..., "--reason", help="Why (required; kept in the timeline).")


def accept(ctx: typer.Context, id: str = ID, reason: str = REASON) -> None:  # noqa: A002
    """Accept a submitted case (受理)."""
    act(ctx, "accept", id, reason=reason)


def decline(ctx: typer.Context, id: str = ID, reason: str = NEEDED_REASON) -> None:  # noqa: A002
    """Decline a case, with the reason."""
    act(ctx, "decline", id, reason=reason)


def assign(ctx: typer.Context, id: str = ID,  # noqa: A002
           committee: str = typer.Option(None, "--committee", help="A committee code (12 digits)."),
           department: str = typer.Option(None, "--department", help="A department of the street."),
           reason: str = REASON) -> None:
    """Assign a case to a committee or a department of the street."""
    if not committee and not department:
        raise typer.BadParameter("give --committee or --department")
    act(ctx, "assign", id, committee=committee, department=department, reason=reason)


def transfer(ctx: typer.Context, id: str = ID,  # noqa: A002
             to_street: str = typer.Option(..., "--to-street", help="The street the case concerns (9 digits)."),
             reason: str = NEEDED_REASON) -> None:
    """Transfer a case to the street it concerns."""
    act(ctx, "transfer", id, to_street=to_street, reason=reason)


def return_(ctx: typer.Context, id: str = ID, reason: str = NEEDED_REASON) -> None:  # noqa: A002
    """Return a transferred case to the street that sent it."""
    act(ctx, "return", id, reason=reason)


def merge(ctx: typer.Context, id: str = ID,  # noqa: A002
          into: str = typer.Option(..., "--into", help="The open case this one joins (id or tracking number)."),
          reason: str = REASON) -> None:
    """Merge a case into another open case."""
    state = state_of(ctx)
    target = into if ULID.match(into) else resolve(state, into)["id"]
    act(ctx, "merge", id, into=target, reason=reason)


def reply(ctx: typer.Context, id: str = ID,  # noqa: A002
          message: str = typer.Option(..., "--message", help="The reply the resident reads."),
          adoption: str = typer.Option(..., "--adoption", help="adopted, partly_adopted or not_adopted."),
          reason: str = REASON) -> None:
    """Reply to a case, saying whether it is adopted."""
    act(ctx, "reply", id, message=message, adoption=adoption, reason=reason)


def extend(ctx: typer.Context, id: str = ID,  # noqa: A002
           days: int = typer.Option(..., "--days", min=1, max=30, help="Working days to add (once per case)."),
           reason: str = NEEDED_REASON) -> None:
    """Extend a case's reply deadline once."""
    act(ctx, "extend", id, days=days, reason=reason)


def close(ctx: typer.Context, id: str = ID, reason: str = REASON) -> None:  # noqa: A002
    """Close a replied case."""
    act(ctx, "close", id, reason=reason)


def reopen(ctx: typer.Context, id: str = ID, reason: str = NEEDED_REASON) -> None:  # noqa: A002
    """Reopen a replied or closed case."""
    act(ctx, "reopen", id, reason=reason)


def register(app: typer.Typer, queue_app: typer.Typer) -> None:
    queue_app.command("suggestions")(handled(queue_suggestions))
    case_app.command("show")(handled(show))
    for name, command in (("accept", accept), ("decline", decline), ("assign", assign), ("transfer", transfer),
                          ("return", return_), ("merge", merge), ("reply", reply), ("extend", extend),
                          ("close", close), ("reopen", reopen)):
        case_app.command(name)(handled(command))
    app.add_typer(case_app, name="case")
