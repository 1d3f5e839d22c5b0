"""What the command prints: rich tables for people, JSON or CSV for scripts (stdout holds
nothing else; messages go to stderr)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import IO, Any
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.table import Table

from mulin.cli.i18n import value_label

SHANGHAI = ZoneInfo("Asia/Shanghai")
# The OWASP CSV-injection rule of chalicelib/spreadsheet.py, copied because the client never
# imports the Lambda bundle; tests/client/test_cli.py checks that both agree.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """A cell a spreadsheet shows as written: text that would start a formula gets a leading
    quote; numbers stay numbers."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) or unicodedata.normalize("NFKC", value[:1]).startswith(FORMULA_STARTS):
        return "'" + value
    return value


def plain(value: Any) -> Any:
    """A generated model (or a list of them) as the JSON the API sent."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def shanghai(stamp: str | None) -> str:
    """A UTC timestamp from the API as Shanghai wall time, to the minute."""
    if not stamp:
        return ""
    try:
        parsed = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def yuan(fen: Any) -> str:
    return "" if fen is None else f"{int(fen) / 100:,.2f}"


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], stream: IO[str]) -> int:
    """Rows as CSV, each cell neutralised; nested values as compact JSON. Returns the row count."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([neutralised(_flat(row.get(column))) for column in columns])
        count += 1
    return count


def _flat(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


class Output:
    """One place that knows the chosen format: table (default), json or csv."""

    def __init__(self, fmt: str = "table", stdout: IO[str] | None = None, stderr: IO[str] | None = None,
                 lang: str = "en") -> None:
        self.format = fmt
        self.lang = lang
        self.stdout = stdout or sys.stdout
        self.console = Console(file=self.stdout, soft_wrap=False)
        self.errors = Console(file=stderr or sys.stderr, highlight=False)

    def _cell(self, value: Any) -> str:
        return value_label(self.lang, value) if isinstance(value, str) else cell(value)

    @property
    def machine(self) -> bool:
        return self.format in ("json", "csv")

    def json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def say(self, message: str) -> None:
        """A message for people: stderr, so that stdout stays machine-readable."""
        self.errors.print(message, markup=False)

    def records(self, rows: list[dict[str, Any]], columns: Sequence[tuple[str, str, Any]],
                title: str | None = None) -> None:
        """A list of records: columns are (key, label, render) where render shapes a table cell."""
        if self.format == "json":
            self.json(rows)
            return
        if self.format == "csv":
            write_csv(rows, [key for key, _, _ in columns] if rows else [key for key, _, _ in columns], self.stdout)
            return
        table = Table(title=title)
        for _, label, _ in columns:
            table.add_column(label, overflow="fold")
        for row in rows:
            table.add_row(*[(render or self._cell)(row.get(key)) for key, _, render in columns])
        self.console.print(table)

    def record(self, data: dict[str, Any], fields: Sequence[tuple[str, str]] | None = None) -> None:
        """One record: JSON as is; CSV as one row; for people, label: value lines."""
        if self.format == "json":
            self.json(data)
            return
        keys = [key for key, _ in fields] if fields else [key for key in data]
        if self.format == "csv":
            write_csv([data], keys, self.stdout)
            return
        table = Table(show_header=False, box=None)
        table.add_column(style="bold")
        table.add_column()
        for key, label in fields or [(key, key) for key in keys]:
            table.add_row(label, self._cell(data.get(key)))
        self.console.print(table)
