"""The one place the platform reads the time, so that tests can move it."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

# Deadlines, holidays and published months are Shanghai's calendar days; times are stored in UTC.
SHANGHAI = ZoneInfo("Asia/Shanghai")


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(instant: datetime) -> str:
    """UTC ISO-8601 with milliseconds and a Z, the form every stored time takes (sortable as text)."""
    return instant.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
