"""HTTP route of the monthly publication: publish or republish a month on demand."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.publishing import service
from chalicelib.publishing.models import Manifest
from chalicelib.web.api import ApiBlueprint

publishing_api = ApiBlueprint(__name__)


@publishing_api.operation(
    "/publications/{month}",
    "POST",
    summary="Publish or republish a month's summary (platform admins)",
    description="Writes summaries/{month}/ to the public bucket, then its manifest, then index.json and latest.json."
                " A rerun over the same records writes the same bytes; only generated_at in the manifest changes.",
    tags=("publication",),
    response=Manifest,
    errors=(422,),
)
def publish_month(month: str, principal: Principal) -> Manifest:
    return Manifest.model_validate(service.publish_requested(principal, month))
