"""`mulin`: the officials' command for the Mulin API (typer; rich tables; --json and --csv for scripts).

Exit codes: 0 ok, 1 the API refused (its message on stderr), 2 usage, 3 not signed in.
"""

from __future__ import annotations

import typer

from mulin.cli import i18n
from mulin.cli.output import Output
from mulin.cli.state import State

app = typer.Typer(name="mulin", no_args_is_help=True, add_completion=False,
                  help="Mulin 睦邻 for officials: queues, cases, funds, rounds, staff. 官员办理工具。")


@app.callback()
def options(
    ctx: typer.Context,
    stack: str = typer.Option(None, "--stack", metavar="PATH", envvar="MULIN_STACK",
                              help="Stack file: .local/stack.json from `make run`, or `cdk deploy --outputs-file` "
                                   "JSON (default $MULIN_STACK, else ./.local/stack.json)."),
    json_output: bool = typer.Option(False, "--json", help="JSON on stdout (messages on stderr)."),
    csv_output: bool = typer.Option(False, "--csv", help="CSV on stdout (messages on stderr)."),
    lang: str = typer.Option(None, "--lang", help="zh or en (default from LC_ALL/LANG)."),
) -> None:
    if json_output and csv_output:
        raise typer.BadParameter("choose one of --json and --csv")
    chosen = lang or i18n.default_lang()
    if chosen not in i18n.CATALOG:
        raise typer.BadParameter("zh or en", param_hint="--lang")
    fmt = "json" if json_output else "csv" if csv_output else "table"
    ctx.obj = State(stack_path=stack, output=Output(fmt, lang=chosen), lang=chosen)


def _register() -> None:
    from mulin.cli import cases, deliberation, export, funds, residences, rounds, session, staff

    queue_app = typer.Typer(no_args_is_help=True, help="What awaits you: suggestions, residences, funds, topics.")
    session.register(app)
    for module in (cases, residences, funds, rounds, deliberation, staff, export):
        module.register(app, queue_app)
    app.add_typer(queue_app, name="queue")


_register()


def main() -> None:
    app()
