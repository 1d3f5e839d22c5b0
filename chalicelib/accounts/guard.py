"""Refuses writes by a person who has asked to be erased.

Their account is deleted from the user pool and signed out everywhere, but an ID token
issued before that still verifies until it expires (an hour at most): without this guard a
page left open could send a suggestion, a ballot or a residence request and so create data
about the erased person again. Every write (any method but GET, HEAD, OPTIONS) of a resident
is checked against their erasure marker, one consistent GetItem; `DELETE /me` itself passes,
so that a repeat finishes an erasure that stopped half-way, and so do ballots (UNCHECKED). Reads pass: what they find is
what is left, which is nothing of the person's.
"""

from __future__ import annotations

from collections.abc import Callable

from chalice.app import Request, Response

from chalicelib.errors import MulinError

READS = frozenset({"GET", "HEAD", "OPTIONS"})
# Passed without the read: erasure itself, so a repeat can finish; and ballots, which record
# nothing of their voter (the one-ballot record is a digest no key leads back to), so the
# platform's busiest write is not charged a read for them.
UNCHECKED = frozenset({("DELETE", "/me"), ("POST", "/rounds/{id}/ballots"), ("POST", "/rounds/{id}/code-ballots")})


class AccountErasedError(MulinError):
    """410: the account is gone for good; signing in again will not bring it back."""

    status = 410
    code = "account_erased"
    default_message = ("This account has been erased at its holder's request; nothing more can be done with it. / "
                       "该账号已应本人要求注销，无法再进行任何操作。")


def _resident_person(request: Request) -> str | None:
    authorizer = (getattr(request, "context", None) or {}).get("authorizer") or {}
    if authorizer.get("role") != "resident" or not authorizer.get("principalId"):
        return None
    from chalicelib.auth import person_key

    return person_key(str(authorizer["principalId"]))


def refuse_erased_writers(request: Request, get_response: Callable[[Request], Response]) -> Response:
    if request.method not in READS and (request.method, request.path) not in UNCHECKED:
        person = _resident_person(request)
        if person is not None:
            from chalicelib.accounts.repository import get_marker

            if get_marker(person) is not None:
                raise AccountErasedError()
    return get_response(request)
