"""Commands built from a table: one subcommand per action of a record, with exactly the options
its request model requires (typer reads the signature built here)."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import typer

from mulin.cli.output import plain
from mulin.cli.state import State, handled, state_of


@dataclass(frozen=True)
class Opt:
    name: str                  # the request field
    flag: str                  # the command-line option
    help: str
    required: bool = False
    kind: type = str
    convert: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Action:
    name: str                  # the API's action
    module: str                # the generated operation module
    body: str                  # the generated request class
    help: str
    options: tuple[Opt, ...] = field(default_factory=tuple)


def reason(required: bool) -> Opt:
    return Opt("reason", "--reason", "Why (required)." if required else "Why (optional).", required)


def build(app: typer.Typer, package: str, actions: tuple[Action, ...],
          run: Callable[[State, Action, str, dict[str, Any]], Any], id_help: str) -> None:
    for action in actions:
        app.command(action.name.replace("_", "-"), help=action.help)(handled(_command(action, run, id_help)))


def _command(action: Action, run: Callable[[State, Action, str, dict[str, Any]], Any], id_help: str) -> Any:
    def command(ctx: typer.Context, id: str, **options: Any) -> None:  # noqa: A002 - the API names it id
        state = state_of(ctx)
        fields = {}
        for opt in action.options:
            value = options.get(opt.name)
            if value is None:
                continue
            try:
                fields[opt.name] = opt.convert(value) if opt.convert else value
            except (ValueError, KeyError, OSError) as error:
                raise typer.BadParameter(str(error), param_hint=opt.flag) from None
        result = plain(run(state, action, id, fields))
        if state.output.format == "table":
            # A topic has no version: its actions are not conditional on one.
            key = "done" if result.get("version") is not None else "done_status"
            state.output.say(state.t(key, action=action.name, status=result.get("status"),
                                     version=result.get("version")))
        else:
            state.output.record(result)

    parameters = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context),
                  inspect.Parameter("id", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=str,
                                    default=typer.Argument(..., help=id_help))]
    for opt in action.options:
        parameters.append(inspect.Parameter(opt.name, inspect.Parameter.KEYWORD_ONLY, annotation=opt.kind,
                                            default=typer.Option(... if opt.required else None, opt.flag,
                                                                 help=opt.help)))

    def entry(ctx: typer.Context, id: str, **options: Any) -> None:  # noqa: A002
        command(ctx, id, **options)

    entry.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    entry.__name__ = action.name
    entry.__doc__ = action.help
    return entry


def operation(package: str, module: str) -> Any:
    return importlib.import_module(f"mulin_client.api.{package}.{module}")


def model(name: str) -> Any:
    import mulin_client.models as models

    return getattr(models, name)


def enum(name: str, value: str, flag: str) -> Any:
    """A choice as the generated enum the operation expects; a clear usage error otherwise."""
    kind = model(name)
    try:
        return kind(value)
    except ValueError:
        raise typer.BadParameter(f"one of {', '.join(member.value for member in kind)}", param_hint=flag) from None


def find(state: State, listing: Any, id: str, **query: Any) -> Any:  # noqa: A002
    """A record from a listing, for the routes that have no single read: its version and allowed actions."""
    from mulin.api import ApiError

    for item in state.api.pages(listing, limit=100, **query):
        if getattr(item, "id", None) == id:
            return item
    raise ApiError(404, "Not found in your jurisdiction. / 在您的辖区内未找到。")
