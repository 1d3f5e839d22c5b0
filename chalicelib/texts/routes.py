"""HTTP routes of a resident's choice of texts."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.texts import service
from chalicelib.texts.models import TextPreference, TextPreferenceChange
from chalicelib.web.api import ApiBlueprint

texts_api = ApiBlueprint(__name__)
TAGS = ("notifications",)


@texts_api.operation(
    "/me/texts", "GET", operation_id="getMyTextPreference", tags=TAGS, response=TextPreference,
    summary="Whether decisions on my cases also reach me by SMS (residents)",
)
def get_texts(principal: Principal) -> TextPreference:
    return service.my_preference(principal)


@texts_api.operation(
    "/me/texts", "PUT", operation_id="setMyTextPreference", tags=TAGS, body=TextPreferenceChange,
    response=TextPreference, errors=(422,), summary="Turn SMS for decisions on my cases on or off (residents)",
    description="A text says only what happened and the tracking number (never the case's words), at most a few a "
                "day, never 21:00–08:00 Shanghai time (held back to 08:00). Needs a verified number.",
)
def put_texts(principal: Principal, body: TextPreferenceChange) -> TextPreference:
    return service.set_my_preference(principal, body)
