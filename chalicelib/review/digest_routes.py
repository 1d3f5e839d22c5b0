"""HTTP routes of an official's morning digest preference."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.review import digest_settings
from chalicelib.review.digest_models import DigestPreference, DigestPreferenceUpdate
from chalicelib.web.api import ApiBlueprint

digest_api = ApiBlueprint(__name__)
TAGS = ("review",)


@digest_api.operation(
    "/me/digest", "GET", summary="My morning digest: on or off, and its channel (officials)", tags=TAGS,
    response=DigestPreference, errors=(404,), operation_id="getMyDigest",
)
def get_digest(principal: Principal) -> DigestPreference:
    return digest_settings.my_digest(principal)


@digest_api.operation(
    "/me/digest", "PUT", summary="Turn my morning digest on or off, by SMS or e-mail (officials)", tags=TAGS,
    body=DigestPreferenceUpdate, response=DigestPreference, errors=(404, 409), operation_id="setMyDigest",
    description="Every working day at 08:30 (Shanghai) an official with something new, due within two working days "
                "or overdue gets one message in their inbox (GET /notifications/mine), pushed by SMS or e-mail.",
)
def put_digest(principal: Principal, body: DigestPreferenceUpdate) -> DigestPreference:
    return digest_settings.set_my_digest(principal, body)
