"""An official's own digest preference, kept on their account item."""

from __future__ import annotations

from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, require
from chalicelib.errors import NotFoundError
from chalicelib.review import digest_rules
from chalicelib.review.digest_models import DigestPreference, DigestPreferenceUpdate
from chalicelib.staff import repository as staff_repository
from chalicelib.staff.service import account_of


def _account(principal: Principal) -> dict[str, Any]:
    account = account_of(principal.user_id)
    if account is None:
        raise NotFoundError()
    return account


def _view(account: dict[str, Any]) -> DigestPreference:
    enabled, channel = digest_rules.preference(account)
    return DigestPreference(enabled=enabled, channel=channel)


def my_digest(principal: Principal) -> DigestPreference:
    require(principal, "digest.manage_own")
    return _view(_account(principal))


def set_my_digest(principal: Principal, body: DigestPreferenceUpdate) -> DigestPreference:
    """A versioned write of the account, as administrators' changes are: one that changed
    meanwhile (an administrator's move, say) is a 409, and the official sends it again."""
    require(principal, "digest.manage_own")
    before = _account(principal)
    now = clock.iso(clock.utc_now())
    after = {**before, "digest_enabled": body.enabled, "digest_channel": body.channel.value,
             "version": int(before["version"]) + 1, "updated_at": now}
    staff_repository.replace(before, after, action="digest_preference", actor_id=principal.user_id,
                             actor_role=principal.role.value, at=now)
    return _view(after)
