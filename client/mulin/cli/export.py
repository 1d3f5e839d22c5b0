"""mulin export suggestions --month YYYY-MM: every case submitted that Shanghai month."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from mulin.cli.output import plain, write_csv
from mulin.cli.state import handled, state_of

export_app = typer.Typer(no_args_is_help=True, help="Export records for a spreadsheet or a script.")
COLUMNS = ("tracking_no", "id", "title", "category", "status", "division", "jurisdiction", "channel",
           "submitted_at", "due_at", "overdue", "merged_into", "version")


def month_range(month: str) -> tuple[dt.date, dt.date]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", month or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise typer.BadParameter("a month such as 2026-11", param_hint="--month")
    year, number = int(match.group(1)), int(match.group(2))
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


def suggestions(
    ctx: typer.Context,
    month: str = typer.Option(..., "--month", metavar="YYYY-MM", help="The Shanghai month the cases were submitted in."),
    csv_output: bool = typer.Option(False, "--csv", help="CSV (the default)."),
    json_output: bool = typer.Option(False, "--json", help="JSON: a list of cases."),
    output: str = typer.Option(None, "--output", "-o", help="Write here (a progress bar shows on stderr) "
                                                             "instead of stdout."),
) -> None:
    """Every case submitted in that month in your jurisdiction (all pages of GET /review/suggestions);
    CSV cells that a spreadsheet would read as a formula are written with a leading '."""
    from mulin_client.api.review import list_suggestion_queue

    state = state_of(ctx)
    first, last = month_range(month)
    as_json = json_output or (state.output.format == "json" and not csv_output)
    items = (plain(item) for item in state.api.pages(list_suggestion_queue, submitted_from=first,
                                                     submitted_to=last, limit=100))
    with _target(Path(output) if output else None) as stream, _progress(state, output is not None) as advance:
        def counted() -> Iterator[dict[str, Any]]:
            for row in items:
                advance()
                yield row

        if as_json:
            rows = list(counted())
            stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            count = len(rows)
        else:
            count = write_csv(counted(), COLUMNS, stream)
    if output is not None:
        state.output.say(state.t("exported", count=count, path=output))


@contextlib.contextmanager
def _target(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    # utf-8-sig: Excel and WPS read Chinese text in a CSV right only with the byte-order mark.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        yield stream


@contextlib.contextmanager
def _progress(state: Any, shown: bool) -> Iterator[Any]:
    if not shown:
        yield lambda: None
        return
    # The total is unknown until the last page: the bar pulses and counts.
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=state.output.errors, transient=False) as progress:
        task = progress.add_task(state.t("exporting"), total=None)
        yield lambda: progress.advance(task)


def register(app: typer.Typer, queue_app: typer.Typer) -> None:
    export_app.command("suggestions")(handled(suggestions))
    app.add_typer(export_app, name="export")
