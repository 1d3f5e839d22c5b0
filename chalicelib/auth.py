"""Who is calling and what they may do.

A principal comes from a verified Cognito ID token: residents carry no group, officials
carry one of the official groups and their jurisdiction (a division code) in the
`custom:division` attribute. Every permission of the platform is one row of PERMISSIONS;
services call `require` and never test roles themselves. Anything outside an official's
jurisdiction is answered as if it did not exist.
"""

from __future__ import annotations

import base64
import enum
import json
import logging
from dataclasses import dataclass
from typing import Any

from chalicelib.division_codes import DIVISION_LEVEL_BY_LENGTH, is_well_formed, is_within
from chalicelib.errors import ForbiddenError, NotFoundError
from chalicelib.settings import TokenIssuer, get_settings

log = logging.getLogger(__name__)

JURISDICTION_CLAIM = "custom:division"
CLOCK_SKEW_SECONDS = 10


class Role(str, enum.Enum):
    resident = "resident"
    committee_staff = "committee_staff"
    street_official = "street_official"
    district_admin = "district_admin"
    platform_admin = "platform_admin"


# Highest first: a user placed in several groups acts with the strongest one.
ROLE_PRECEDENCE = (
    Role.platform_admin,
    Role.district_admin,
    Role.street_official,
    Role.committee_staff,
)
OFFICIAL_GROUPS = tuple(role.value for role in ROLE_PRECEDENCE)

# An official's jurisdiction must be a division of the level their role works at; a
# committee worker holding a district code would otherwise see a whole district.
JURISDICTION_LEVEL = {
    Role.committee_staff: "committee",
    Role.street_official: "street",
    Role.district_admin: "district",
    Role.platform_admin: "city",
}


@dataclass(frozen=True)
class Principal:
    user_id: str
    role: Role
    jurisdiction: str | None = None
    phone: str | None = None
    # A resident's committee, once staff have verified where they live (the same
    # custom:division attribute an official's jurisdiction uses); it makes them eligible
    # for votes of that committee, its street and its district.
    residence: str | None = None
    # Cognito marks a number verified only once a code sent to it came back; an unverified
    # number is nobody's, so it never matches a roster or a case entered for that number.
    phone_verified: bool = False
    # When the token was issued (its `iat`): an official's account may refuse tokens older
    # than its last disable, move or MFA reset.
    issued_at: int = 0

    @property
    def is_official(self) -> bool:
        return self.role is not Role.resident

    @property
    def person(self) -> str:
        """Who this is, for every per-person record: a keyed digest of the Cognito `sub`.

        Never the phone number, which a person can change; a number is contact data only.
        """
        return person_key(self.user_id)

    @property
    def verified_phone(self) -> str | None:
        return self.phone if self.phone_verified else None

    @property
    def owner_keys(self) -> list[str]:
        """Every key a resident's cases and messages sit under: their account first, then the
        number they have proven, for cases staff entered before that number had an account."""
        keys = [self.person]
        if self.verified_phone and not self.is_official:
            keys.append(pending_owner_key(self.verified_phone))
        return keys


def person_key(user_id: str) -> str:
    """The keyed digest standing for one account (its Cognito `sub`) in stored items and messages."""
    from chalicelib.privacy import keyed_digest

    return keyed_digest("person", user_id)


# Who an erased person's records belong to: nobody, and not the same nobody twice.
ERASED_OWNER_PREFIX = "erased#"


def is_someone(owner_key: str | None) -> bool:
    """Whether a record's owner key stands for a person a message can still reach."""
    return bool(owner_key) and not str(owner_key).startswith(ERASED_OWNER_PREFIX)


def pending_owner_key(phone: str) -> str:
    """Who owns a case staff entered for a mobile number that no verified account held yet.

    The case waits under a keyed digest of the number, and belongs to whoever proves that
    number (a verified `phone_number` in their token): Cognito holds a changed number back
    until a code sent to it comes back, so nobody can claim a number they do not hold.
    """
    from chalicelib.privacy import keyed_digest

    return keyed_digest("phone-claim", phone)


def principal_from_claims(claims: dict[str, Any], pool: str | None = None) -> Principal | None:
    """The principal a verified token describes, or None when its claims are inconsistent.

    `pool` is the pool that signed it: a residents' pool token is a resident's whatever
    groups it names, and an officials' pool token without a role group is no one's.
    """
    user_id = claims.get("sub")
    if not isinstance(user_id, str) or not user_id:
        return None
    groups = claims.get("cognito:groups") or []
    if isinstance(groups, str):
        groups = groups.split()
    role = next((r for r in ROLE_PRECEDENCE if r.value in groups), Role.resident)
    if pool == "residents":
        role = Role.resident
    elif pool == "officials" and role is Role.resident:
        return None
    phone = claims.get("phone_number") if isinstance(claims.get("phone_number"), str) else None
    phone_verified = claims.get("phone_number_verified") in (True, "true")
    iat = claims.get("iat")
    issued_at = iat if isinstance(iat, int) else 0
    if role is Role.resident:
        residence = claims.get(JURISDICTION_CLAIM)
        verified_residence = (
            residence if isinstance(residence, str) and is_well_formed(residence) and len(residence) == 12 else None
        )
        return Principal(user_id=user_id, role=role, phone=phone, residence=verified_residence,
                         phone_verified=phone_verified, issued_at=issued_at)
    jurisdiction = claims.get(JURISDICTION_CLAIM)
    if not isinstance(jurisdiction, str):
        return None
    if not is_well_formed(jurisdiction) or DIVISION_LEVEL_BY_LENGTH[len(jurisdiction)] != JURISDICTION_LEVEL[role]:
        return None
    return Principal(user_id=user_id, role=role, jurisdiction=jurisdiction, phone=phone, phone_verified=phone_verified,
                     issued_at=issued_at)


def to_authorizer_context(principal: Principal) -> dict[str, str]:
    """API Gateway passes only flat string values from the authorizer to the function."""
    return {
        "role": principal.role.value,
        "jurisdiction": principal.jurisdiction or "",
        "phone": principal.phone or "",
        "residence": principal.residence or "",
        "phone_verified": "true" if principal.phone_verified else "",
        "issued_at": str(principal.issued_at),
    }


def from_authorizer_context(context: dict[str, Any]) -> Principal:
    return Principal(
        user_id=str(context["principalId"]),
        role=Role(context["role"]),
        jurisdiction=context.get("jurisdiction") or None,
        phone=context.get("phone") or None,
        residence=context.get("residence") or None,
        phone_verified=context.get("phone_verified") == "true",
        issued_at=int(context.get("issued_at") or 0),
    )


def _claimed_issuer(token: str) -> Any:
    """The issuer a token names, unverified: it only chooses whose keys then verify it."""
    try:
        payload = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))).get("iss")
    except (IndexError, ValueError, AttributeError, UnicodeDecodeError):
        return None


def verify_token_of(token: str) -> tuple[dict[str, Any], TokenIssuer] | None:
    """Claims of a valid ID token of one of our pools and its client, with that pool; else None (never raises)."""
    import jwt  # deferred: only requests that carry a token pay for PyJWT and rsa

    from chalicelib import tokens

    if token.lower().startswith("bearer "):
        token = token[7:].strip()
    claimed = _claimed_issuer(token)
    issuer = next((i for i in get_settings().token_issuers() if i.issuer == claimed), None)
    if issuer is None:
        log.info("token rejected: unknown issuer")
        return None
    try:
        claims = tokens.verify(
            token,
            jwks_url=issuer.jwks_url,
            audience=issuer.audience,
            issuer=issuer.issuer,
            leeway=CLOCK_SKEW_SECONDS,
            required=["exp", "iat", "iss", "aud", "sub"],
        )
    except tokens.KeysUnavailableError:
        log.warning("token keys could not be fetched from %s", issuer.jwks_url)
        return None
    except jwt.PyJWTError as exc:
        log.info("token rejected: %s", type(exc).__name__)
        return None
    # Access tokens of the same pool are signed with the same key but carry no
    # jurisdiction; only ID tokens describe the user.
    if claims.get("token_use") != "id":
        return None
    return claims, issuer


def verify_token(token: str) -> dict[str, Any] | None:
    verified = verify_token_of(token)
    return verified[0] if verified else None


def authenticate(token: str | None) -> Principal | None:
    if not token:
        return None
    verified = verify_token_of(token)
    return principal_from_claims(verified[0], pool=verified[1].pool) if verified else None


# (action) -> roles allowed. Jurisdiction is checked separately against the subject.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "division.read": frozenset(Role),
    "division.update_profile": frozenset({Role.district_admin, Role.platform_admin}),
    "workdays.read": frozenset(Role),
    "workdays.update": frozenset({Role.platform_admin}),
    # The monthly publication covers the whole city, so only the platform republishes it.
    "publication.publish": frozenset({Role.platform_admin}),
    # Texts held back from it may hold someone's number: the same admins review and release them.
    "publication.review": frozenset({Role.platform_admin}),
    "upload.photo": frozenset(Role),
    # Receipts back a fund's expense report, which its (resident) team files.
    "upload.receipt": frozenset({Role.resident}),
    # Residents submit their own; committee staff and street officials enter paper,
    # hotline and meeting suggestions on a resident's behalf.
    "suggestion.submit": frozenset({Role.resident, Role.committee_staff, Role.street_official}),
    "suggestion.read_own": frozenset({Role.resident}),
    "suggestion.review": frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin}),
    "suggestion.rate": frozenset({Role.resident}),
    # Residents are told of their cases' steps, officials get their morning digest there.
    "notification.read_own": frozenset(Role),
    # Residents choose whether their cases' decisions also reach them by SMS (officials' digest has its own).
    "notification.texts_own": frozenset({Role.resident}),
    # An official's own digest: on or off, by SMS or e-mail.
    "digest.manage_own": frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin}),
    # Rounds are run by the officials of their scope: a committee's by its staff or its
    # street, a street's by the street, a district's by the district.
    "round.manage": frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin}),
    # A yearly selection (十佳项目评选) is opened by a street or a district (or the city) for its
    # jurisdiction, and its committees' staff nominate their own completed projects to it.
    "round.select": frozenset({Role.street_official, Role.district_admin, Role.platform_admin}),
    "round.nominate": frozenset({Role.committee_staff}),
    # Autonomy funds: streets and above hold the money; residents apply and object; the
    # committee reviews first and runs the public notice (funds/rules.ACTORS per action).
    "fund.read": frozenset(Role),
    "fund.manage_pool": frozenset({Role.street_official, Role.district_admin, Role.platform_admin}),
    "fund.apply": frozenset({Role.resident}),
    "fund.object": frozenset({Role.resident}),
    "fund.review": frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin}),
    # A team that applies on paper (or at a meeting) has its form typed in by the committee's
    # staff or the street above them, who then take the team's steps for it.
    "fund.enter_paper": frozenset({Role.committee_staff, Role.street_official}),
    # Residence verification: residents ask for their own; the committee, or any official
    # above it, checks and decides (jurisdiction: the request's committee).
    "residence.request": frozenset({Role.resident}),
    "residence.read_own": frozenset({Role.resident}),
    "residence.review": frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin}),
    # Officials' accounts: each level manages those below it (staff/rules.py says which
    # role creates which); committee staff manage nobody, so they list nobody either.
    "staff.read": frozenset({Role.street_official, Role.district_admin, Role.platform_admin}),
    "staff.manage": frozenset({Role.street_official, Role.district_admin, Role.platform_admin}),
    # Personal data rights (PIPL): residents export and erase their own. Officials' accounts
    # are work accounts, answered for by their administrator (staff.manage).
    "account.export": frozenset({Role.resident}),
    "account.erase": frozenset({Role.resident}),
    # The live index's quarterly entries: the street enters them for itself and its committees;
    # every official of a division may read what was entered for it, with the evidence.
    "index.enter": frozenset({Role.street_official}),
    "index.read_entries": frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin}),
    # Deliberation (议题): verified residents of a committee raise, support, comment, report and
    # appeal; its staff and the officials above run the queue and moderate; an appeal against
    # a hiding is the street's to decide, never the committee's that hid the post.
    "topic.read": frozenset(Role),
    "topic.raise": frozenset({Role.resident}),
    "topic.support": frozenset({Role.resident}),
    "topic.comment": frozenset({Role.resident}),
    "topic.report": frozenset({Role.resident}),
    "topic.appeal": frozenset({Role.resident}),
    "topic.review": frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin}),
    "topic.decide_appeal": frozenset({Role.street_official, Role.district_admin, Role.platform_admin}),
    "deliberation.settings": frozenset({Role.committee_staff, Role.street_official, Role.district_admin,
                                        Role.platform_admin}),
    # Meetings: the officials of a committee's jurisdiction schedule them, record attendance,
    # minutes and decisions and carry a decision on; verified residents of it register.
    "meeting.manage": frozenset({Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin}),
    "meeting.register": frozenset({Role.resident}),
}


def can(principal: Principal, action: str, division: str | None = None) -> bool:
    if principal.role not in PERMISSIONS[action]:
        return False
    if division is None or not principal.is_official:
        return True
    return is_within(division, principal.jurisdiction or "")


def require(principal: Principal, action: str, division: str | None = None) -> None:
    """Raise unless the principal may do `action` on `division`.

    A wrong role is a 403 (the caller knows what they asked for); a division outside the
    jurisdiction is a 404 so that nothing about it leaks.
    """
    if principal.role not in PERMISSIONS[action]:
        raise ForbiddenError()
    if not can(principal, action, division):
        raise NotFoundError()
