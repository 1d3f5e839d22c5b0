"""HTTP routes of the monthly publication: ask for a month to be (re)published, see how it went."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.publishing import jobs
from chalicelib.publishing.models import PublicationStatus
from chalicelib.web.api import ApiBlueprint

publishing_api = ApiBlueprint(__name__)
TAGS = ("publication",)


@publishing_api.operation(
    "/publications/{month}",
    "POST",
    summary="Ask for a month's summary to be published or republished (platform admins)",
    description="Queues the month and answers at once; the queue's function writes summaries/{month}/ to the public"
                " bucket, then its manifest, then index.json and latest.json. Asking again while the month is queued"
                " or running returns that run. A rerun over the same records writes the same bytes; only"
                " generated_at in the manifest changes.",
    tags=TAGS,
    response=PublicationStatus,
    status=202,
    errors=(422,),
)
def request_month(month: str, principal: Principal) -> PublicationStatus:
    return PublicationStatus.model_validate(jobs.request(principal, month))


@publishing_api.operation(
    "/publications/{month}",
    "GET",
    summary="Where a month's publication stands (platform admins)",
    tags=TAGS,
    response=PublicationStatus,
    errors=(404, 422),
)
def month_status(month: str, principal: Principal) -> PublicationStatus:
    return PublicationStatus.model_validate(jobs.status(principal, month))
