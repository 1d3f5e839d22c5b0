"""mulin staff list|create|disable|enable|reset-mfa|move."""

from __future__ import annotations

from typing import Any

import typer

from mulin.cli.actions import Action, Opt, build, find, model, operation, reason
from mulin.cli.output import plain, shanghai
from mulin.cli.state import State, handled, state_of

staff_app = typer.Typer(no_args_is_help=True, help="Officials' accounts in your jurisdiction.")
ACTIONS = (
    Action("disable", "disable_official", "DisableOfficialRequest", "Disable an official of a lower role.",
           (reason(False),)),
    Action("enable", "enable_official", "EnableOfficialRequest", "Enable a disabled official again.", (reason(False),)),
    Action("reset_mfa", "reset_official_mfa", "ResetOfficialMfaRequest", "Reset an official's authenticator app.",
           (reason(False),)),
    Action("move", "move_official", "MoveOfficialRequest", "Move an official to another division of the same level.",
           (Opt("division", "--division", "The new division.", True), reason(False))),
)
COLUMNS = ("id", "name", "phone_masked", "role", "division", "status", "created_at")


def columns(state: State) -> list[tuple[str, str, Any]]:
    return [("id", state.t("id"), None), ("name", state.t("name"), None),
            ("phone_masked", state.t("phone_masked"), None), ("role", state.t("role"), None),
            ("division", state.t("division"), None), ("status", state.t("status"), None),
            ("created_at", state.t("at"), shanghai)]


def list_staff(ctx: typer.Context,
               division: str = typer.Option(None, "--division", help="This division and every one inside it.")) -> None:
    """Officials of a division and below (GET /staff), every page."""
    from mulin_client.api.staff import list_officials

    state = state_of(ctx)
    query: dict[str, Any] = {"limit": 100}
    if division:
        query["division"] = division
    state.output.records([plain(item) for item in state.api.pages(list_officials, **query)], columns(state))


def create(ctx: typer.Context,
           phone: str = typer.Option(..., "--phone", help="+86… ; the temporary password goes there by SMS."),
           role: str = typer.Option(..., "--role", help="committee_staff, street_official or district_admin."),
           division: str = typer.Option(..., "--division", help="Their jurisdiction."),
           name: str = typer.Option(None, "--name", help="Their name, as colleagues see it.")) -> None:
    """Create an official's account (POST /staff)."""
    from mulin_client.api.staff import create_official

    state = state_of(ctx)
    try:
        body = model("OfficialCreate")(phone=phone, role=model("OfficialRole")(role), division=division,
                                       **({"name": name} if name else {}))
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--role") from None
    created = plain(state.api.call(create_official, body=body))
    if state.output.format == "table":
        created = {**created, "created_at": shanghai(created.get("created_at"))}
    state.output.record(created, [(key, label) for key, label, _ in columns(state)])


def run(state: State, action: Action, id: str, fields: dict[str, Any]) -> Any:  # noqa: A002
    from mulin_client.api.staff import list_officials

    # No single read of an official: the version comes from the listing of the caller's jurisdiction.
    record = find(state, list_officials, id)
    fields = {**fields, "version": record.version}
    return state.api.act(list_officials, operation("staff", action.module), id, model(action.body), **fields)


def register(app: typer.Typer, queue_app: typer.Typer) -> None:
    staff_app.command("list")(handled(list_staff))
    staff_app.command("create")(handled(create))
    build(staff_app, "staff", ACTIONS, run, "The official's id (their Cognito sub).")
    app.add_typer(staff_app, name="staff")
