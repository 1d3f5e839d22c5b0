"""Pure rules of officials' accounts: who creates whom, who may act on whom, and which
tokens of an official the API still accepts."""

from __future__ import annotations

import math
from typing import Any

from chalicelib.auth import JURISDICTION_LEVEL, Role
from chalicelib.divisions.rules import DIVISION_LEVEL_BY_LENGTH
from chalicelib.staff.models import AccountStatus, Action

RANK = {Role.committee_staff: 1, Role.street_official: 2, Role.district_admin: 3, Role.platform_admin: 4}

# Each level appoints the one below it and no other: a district does not staff a committee
# over its street's head, and nobody creates a platform administrator through the API.
CREATES = {
    Role.platform_admin: Role.district_admin,
    Role.district_admin: Role.street_official,
    Role.street_official: Role.committee_staff,
}

# Actions after which every token issued before them is refused: a disabled official's,
# a moved official's (their old token names the old jurisdiction), and a reset one's (a
# session opened with the lost authenticator).
REVOKING = frozenset({Action.disable, Action.move, Action.reset_mfa})


def may_create(creator: Role, role: Role) -> bool:
    return CREATES.get(creator) is role


def outranks(actor: Role, subject: Role) -> bool:
    """Only a higher role acts on an account; equals and superiors are out of reach."""
    return RANK.get(actor, 0) > RANK.get(subject, 0)


def fits(role: Role, division: str) -> bool:
    """The division is of the level the role works at (a street official holds a street)."""
    return DIVISION_LEVEL_BY_LENGTH.get(len(division)) == JURISDICTION_LEVEL[role]


def role_of(groups: list[str]) -> Role | None:
    """The strongest official role among Cognito groups, as the authorizer reads them."""
    ranked = [Role(g) for g in groups if g in {r.value for r in RANK}]
    return max(ranked, key=RANK.__getitem__) if ranked else None


def tokens_valid_after(now_epoch: float) -> int:
    """The first whole second whose tokens stand: a token's `iat` is whole seconds, so every
    token of the action's own second is refused too, the new sign-in a second later stands."""
    return math.ceil(now_epoch)


def admits(state: dict[str, Any] | None, issued_at: Any, jurisdiction: str | None) -> bool:
    """Whether an official's verified token still stands against their account's state.

    No state item: an account from before the directory (or the test fixtures), active.
    A token naming another jurisdiction than the directory's is refused, so that a move
    whose Cognito step has not landed yet cannot hand out the old jurisdiction again.
    """
    if state is None:
        return True
    if state.get("status") == AccountStatus.disabled.value:
        return False
    try:
        issued = int(float(issued_at))
    except (TypeError, ValueError):
        return False
    if issued < int(state.get("tokens_valid_after") or 0):
        return False
    return not state.get("division") or state["division"] == jurisdiction
