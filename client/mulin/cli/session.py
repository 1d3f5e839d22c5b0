"""mulin login, logout, whoami."""

from __future__ import annotations

import io
from typing import Any

import typer

from mulin.cli.output import plain
from mulin.cli.state import State, handled, state_of


class TerminalPrompts:
    """SignInPrompts on the terminal: hidden passwords, the authenticator QR code and its secret."""

    def __init__(self, state: State) -> None:
        self.state = state

    def new_password(self) -> str:
        while True:
            first = typer.prompt(self.state.t("new_password"), hide_input=True, err=True)
            if first == typer.prompt(self.state.t("new_password_again"), hide_input=True, err=True):
                return str(first)
            self.state.output.say(self.state.t("passwords_differ"))

    def show_authenticator_setup(self, otpauth_uri: str, secret: str) -> None:
        import segno

        say = self.state.output.say
        say(self.state.t("setup_intro"))
        picture = io.StringIO()
        segno.make(otpauth_uri, error="m").terminal(out=picture, compact=True)
        typer.echo(picture.getvalue(), err=True)
        say(otpauth_uri)
        say(f"{self.state.t('secret')}: {secret}")

    def authenticator_code(self) -> str:
        return str(typer.prompt(self.state.t("code"), err=True)).strip().replace(" ", "")


def login(ctx: typer.Context,
          phone: str = typer.Option(None, "--phone", help="The phone number you sign in with, e.g. +8613800000003.")) -> None:
    """Sign in (password, then the authenticator code); the first time, choose a password and set up the app."""
    state = state_of(ctx)
    phone = phone or typer.prompt(state.t("phone"), err=True)
    password = typer.prompt(state.t("password"), hide_input=True, err=True)
    claims = state.auth.sign_in(phone, password, TerminalPrompts(state))
    groups = claims.get("cognito:groups") or [None]
    who = {"role": groups[0], "jurisdiction": claims.get("custom:division")}
    try:
        who = {**who, **plain(state.api.call(_me()))}
    except Exception:  # noqa: BLE001 - the sign-in succeeded; /me only adds detail
        pass
    if state.output.machine:
        state.output.json(who) if state.output.format == "json" else state.output.record(who)
    state.output.say(state.t("signed_in", role=who.get("role"), jurisdiction=who.get("jurisdiction")))


def logout(ctx: typer.Context) -> None:
    """Sign out: the refresh token is revoked and the cached tokens deleted."""
    state = state_of(ctx)
    state.auth.sign_out()
    state.output.say(state.t("signed_out"))


def whoami(ctx: typer.Context) -> None:
    """Who is signed in (GET /me)."""
    state = state_of(ctx)
    me: dict[str, Any] = plain(state.api.call(_me()))
    state.output.record(me, [("role", state.t("role")), ("jurisdiction", state.t("division")),
                             ("phone_masked", state.t("phone_masked")), ("user_id", state.t("id"))])


def _me() -> Any:
    from mulin_client.api.system import get_me

    return get_me


def register(app: typer.Typer) -> None:
    for command in (login, logout, whoami):
        app.command()(handled(command))
