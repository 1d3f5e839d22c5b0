"""What every command shares: the chosen stack, output format and language, the signed-in
client, and how failures become messages and exit codes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import typer

from mulin.cli import i18n
from mulin.cli.output import Output

EXIT_OK, EXIT_API, EXIT_USAGE, EXIT_NOT_SIGNED_IN = 0, 1, 2, 3
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class State:
    stack_path: str | None = None
    output: Output = field(default_factory=Output)
    lang: str = "en"
    _stack: Any = None
    _auth: Any = None
    _api: Any = None

    def t(self, key: str, **values: object) -> str:
        return i18n.text(self.lang, key, **values)

    @property
    def stack(self) -> Any:
        if self._stack is None:
            from mulin.config import load_stack

            self._stack = load_stack(self.stack_path)
        return self._stack

    @property
    def auth(self) -> Any:
        if self._auth is None:
            from mulin.auth import Auth

            self._auth = Auth(self.stack)
        return self._auth

    @property
    def api(self) -> Any:
        if self._api is None:
            self._api = build_api(self)
        return self._api


def build_api(state: State) -> Any:
    """The facade, signed in with the cached token (refreshed as needed). Tests replace this."""
    from mulin.api import Mulin

    auth = state.auth
    auth.claims()  # fails with NotSignedIn before any request when nothing is cached
    return Mulin(state.stack.api_url, token=auth.id_token)


def state_of(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    assert isinstance(obj, State)
    return obj


def error_body(error: Any) -> dict[str, Any]:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        return body
    data: dict[str, Any] = {"status": getattr(error, "status", None), "code": getattr(error, "code", None),
                            "message": getattr(error, "message", str(error)), "details": getattr(error, "details", []),
                            "correlation_id": getattr(error, "correlation_id", None)}
    for name in ("allowed_actions", "current_version", "retry_after"):
        if getattr(error, name, None) is not None:
            data[name] = getattr(error, name)
    return data


def report_api_error(state: State, error: Any) -> None:
    if state.output.format == "json":
        state.output.json(error_body(error))
    state.output.say(state.t("api_error", status=getattr(error, "status", "?"), message=getattr(error, "message", error)))
    for detail in getattr(error, "details", None) or []:
        if isinstance(detail, dict):
            text = detail.get("message_zh" if state.lang == "zh" else "message") or detail.get("message", "")
            state.output.say(f"  {detail.get('field', '')}: {text}")
    if getattr(error, "status", None) == 409:
        actions = getattr(error, "allowed_actions", None)
        if actions is not None:
            state.output.say(state.t("allowed_actions", actions=", ".join(actions)) if actions else state.t("no_actions"))
    if getattr(error, "retry_after", None):
        state.output.say(state.t("retry_after", seconds=error.retry_after))


def handled(function: F) -> F:
    """Turns the client's failures into a message on stderr and the documented exit code."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from mulin.api import ApiError
        from mulin.auth import NotSignedIn, SignInFailed
        from mulin.config import StackFileError

        ctx = next((value for value in [*args, *kwargs.values()] if hasattr(value, "find_root")), None)
        state = state_of(ctx) if ctx is not None else State()
        try:
            return function(*args, **kwargs)
        except NotSignedIn:
            state.output.say(state.t("not_signed_in"))
            raise typer.Exit(EXIT_NOT_SIGNED_IN) from None
        except SignInFailed as error:
            message = error.message_zh if state.lang == "zh" else error.message
            state.output.say(state.t("sign_in_failed", message=message))
            raise typer.Exit(EXIT_API) from None
        except ApiError as error:
            if error.status == 401:
                state.output.say(state.t("not_signed_in"))
                raise typer.Exit(EXIT_NOT_SIGNED_IN) from None
            report_api_error(state, error)
            raise typer.Exit(EXIT_API) from None
        except StackFileError as error:
            state.output.say(state.t("stack_error", message=error))
            raise typer.Exit(EXIT_USAGE) from None

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature typer reads
