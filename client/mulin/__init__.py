"""The Mulin client: the typed facade over the generated mulin_client, sign-in, and the `mulin` command."""

from mulin.api import ApiError, Conflict, Mulin

__all__ = ["ApiError", "Conflict", "Mulin"]
