"""mulin queue residences, mulin residence approve|decline|revoke (居住核验)."""

from __future__ import annotations

from typing import Any

import typer

from mulin.cli.actions import Action, build, enum, find, model, operation, reason
from mulin.cli.output import plain, shanghai
from mulin.cli.state import State, handled, state_of

residence_app = typer.Typer(no_args_is_help=True, help="Decide a resident's residence request.")
ACTIONS = (
    Action("approve", "approve_residence", "ApproveResidenceRequest", "Approve a residence request.", (reason(False),)),
    Action("decline", "decline_residence", "DeclineResidenceRequest", "Decline a residence request, with the reason.",
           (reason(True),)),
    Action("revoke", "revoke_residence", "RevokeResidenceRequest", "Revoke a verified residence, with the reason.",
           (reason(True),)),
)


def queue_residences(
    ctx: typer.Context,
    status: str = typer.Option("pending", "--status", help="pending, approved, declined, revoked or ended."),
    division: str = typer.Option(None, "--division", help="A district, street or committee inside your jurisdiction."),
) -> None:
    """Residence requests in your jurisdiction, every page (GET /review/residences)."""
    from mulin_client.api.review import list_residence_queue

    state = state_of(ctx)
    query: dict[str, Any] = {"status": enum("ResidenceStatus", status, "--status"), "limit": 100}
    if division:
        query["division"] = division
    rows = [plain(item) for item in state.api.pages(list_residence_queue, **query)]
    state.output.records(rows, [("id", state.t("id"), None), ("committee_name", state.t("committee"), None),
                                ("basis", state.t("basis"), None), ("phone_masked", state.t("phone_masked"), None),
                                ("status", state.t("status"), None), ("requested_at", state.t("requested_at"), shanghai),
                                ("allowed_actions", state.t("allowed"), None)])


def run(state: State, action: Action, id: str, fields: dict[str, Any]) -> Any:  # noqa: A002
    from mulin_client.api.review import list_residence_queue

    # No single read of a request: its version comes from the queue it is in.
    status = "approved" if action.name == "revoke" else "pending"
    record = find(state, list_residence_queue, id, status=model("ResidenceStatus")(status))
    fields = {**fields, "version": record.version}
    return state.api.act(list_residence_queue, operation("review", action.module), id, model(action.body), **fields)


def register(app: typer.Typer, queue_app: typer.Typer) -> None:
    queue_app.command("residences")(handled(queue_residences))
    build(residence_app, "review", ACTIONS, run, "The residence request's id.")
    app.add_typer(residence_app, name="residence")
