"""mulin rounds list, mulin round tally|results, mulin summary."""

from __future__ import annotations

import time
from typing import Any

import typer

from mulin.cli.actions import enum
from mulin.cli.output import plain, shanghai, yuan
from mulin.cli.state import State, handled, state_of

rounds_app = typer.Typer(no_args_is_help=True, help="Voting rounds (社区微更新) in your jurisdiction.")
round_app = typer.Typer(no_args_is_help=True, help="One voting round: count it, read its result.")
POLL_SECONDS = 1.0
FINISHED = {"done", "failed"}


def list_rounds(ctx: typer.Context,
                division: str = typer.Option(None, "--division", help="A division inside your jurisdiction."),
                phase: str = typer.Option(None, "--phase", help="proposals, review, voting, tallying, results, …")) -> None:
    """Rounds in your jurisdiction and below, every page (GET /review/rounds)."""
    from mulin_client.api.review import list_round_queue

    state = state_of(ctx)
    query: dict[str, Any] = {"limit": 100}
    if division:
        query["division"] = division
    if phase:
        query["phase"] = enum("Phase", phase, "--phase")
    rows = [plain(item) for item in state.api.pages(list_round_queue, **query)]
    state.output.records(rows, [("id", state.t("id"), None), ("title", state.t("title"), None),
                                ("scope", state.t("division"), None), ("phase", state.t("phase"), None),
                                ("budget_fen", state.t("budget"), yuan), ("method", state.t("method"), None)])


def show_result(state: State, result: dict[str, Any]) -> None:
    if state.output.format == "json":
        state.output.json(result)
        return
    state.output.records(result.get("projects") or [],
                         [("id", state.t("id"), None), ("title", state.t("project"), None),
                          ("cost_fen", state.t("cost"), yuan), ("score", state.t("score"), None),
                          ("selected", state.t("selected"), None), ("reason", state.t("reason"), None)])


def tally(ctx: typer.Context, id: str = typer.Argument(..., help="The round's id.")) -> None:  # noqa: A002
    """Count the ballots once voting has closed. If the API queues the count (202), wait for it."""
    from mulin.api import error_from

    state = state_of(ctx)
    api = state.api
    response = api.http.post(f"/rounds/{id}/tally", json={})
    if not response.is_success:
        raise error_from(response.status_code, response.content, response.headers)
    if response.status_code != 202:
        show_result(state, response.json())
        return
    job = response.json() if response.content else {}
    status_url = response.headers.get("Location") or _link(job) or f"/rounds/{id}/tally"
    job = wait(state, status_url, job)
    if job.get("status") == "failed":
        state.output.say(state.t("tally_failed", reason=job.get("reason") or job.get("error") or "?"))
        if state.output.format == "json":
            state.output.json(job)
        raise typer.Exit(1)
    show_result(state, api.get(f"/rounds/{id}/results"))


def _link(job: dict[str, Any]) -> str | None:
    links = job.get("links") if isinstance(job, dict) else None
    if isinstance(links, dict):
        for name in ("status", "self", "job"):
            if isinstance(links.get(name), str):
                return str(links[name])
    return job.get("status_url") if isinstance(job, dict) else None


def wait(state: State, url: str, job: dict[str, Any], sleep: Any = time.sleep) -> dict[str, Any]:
    """Polls the job's status URL until it is done or failed, with a spinner on stderr."""
    from urllib.parse import urlsplit

    path = urlsplit(url).path if url.startswith("http") else url
    with state.output.errors.status(state.t("tally_waiting")):
        while job.get("status") not in FINISHED:
            sleep(POLL_SECONDS)
            job = state.api.get(path)
    return job


def results(ctx: typer.Context, id: str = typer.Argument(..., help="The round's id.")) -> None:  # noqa: A002
    """The published result, every project with why (GET /rounds/{id}/results)."""
    from mulin_client.api.voting import get_round_results

    state = state_of(ctx)
    show_result(state, plain(state.api.call(get_round_results, id=id)))


def summary(ctx: typer.Context) -> None:
    """Your queues: new, due soon (within 2 working days), overdue (GET /review/summary)."""
    from mulin_client.api.review import get_review_summary

    state = state_of(ctx)
    data = plain(state.api.call(get_review_summary))
    if state.output.format == "json":
        state.output.json(data)
        return
    state.output.records(data.get("queues") or [],
                         [("queue", state.t("queue"), None), ("new", state.t("new"), None),
                          ("due_soon", state.t("due_soon"), None), ("overdue", state.t("overdue_col"), None)],
                         title=f"{data.get('jurisdiction')} · {shanghai(data.get('at'))}")


def register(app: typer.Typer, queue_app: typer.Typer) -> None:
    rounds_app.command("list")(handled(list_rounds))
    round_app.command("tally")(handled(tally))
    round_app.command("results")(handled(results))
    app.add_typer(rounds_app, name="rounds")
    app.add_typer(round_app, name="round")
    app.command("summary")(handled(summary))
