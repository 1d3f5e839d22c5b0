"""New record ids: ULIDs, which sort by creation time and need no coordination."""

from __future__ import annotations


def new_id() -> str:
    # python-ulid reads its own version through importlib.metadata when imported, which
    # costs every cold start; only a write needs an id, so it is imported on first use.
    from ulid import ULID

    return str(ULID())
