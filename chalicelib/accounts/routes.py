"""HTTP routes of a resident's rights over their personal data."""

from __future__ import annotations

from chalicelib.accounts import service
from chalicelib.accounts.models import DataExport, ErasureReceipt
from chalicelib.auth import Principal
from chalicelib.web.api import ApiBlueprint

accounts_api = ApiBlueprint(__name__)
TAGS = ("account",)


@accounts_api.operation(
    "/me/data", "GET", operation_id="getMyData", summary="Everything the platform holds about me, as JSON (residents)", tags=TAGS,
    response=DataExport, errors=(403,),
    description="Account, suggestions with timelines, ratings, inbox, fund applications led, objections filed and "
                "residence requests; topics raised, supports, comments, reports, appeals and meeting registrations; "
                "what exists but cannot be tied to the caller by design; retention periods. "
                "Officials' accounts are work accounts: their administrator answers for them (403).",
)
def my_data(principal: Principal) -> DataExport:
    return service.export_my_data(principal)


@accounts_api.operation(
    "/me", "DELETE", operation_id="deleteMyAccount", summary="Erase my account and personal data (residents)", tags=TAGS,
    response=ErasureReceipt, errors=(403,),
    description="Erases the caller's personal data, then deletes the account and signs it out everywhere. "
                "Repeatable: a repeat finishes an erasure that stopped half-way. Afterwards every write with a "
                "token issued before the erasure is refused with 410 account_erased.",
)
def erase_me(principal: Principal) -> ErasureReceipt:
    return service.erase_me(principal)
