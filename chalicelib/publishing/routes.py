"""HTTP routes of the monthly publication: ask for a month to be (re)published, see how it went, review
and release what it held back."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.publishing import jobs, review
from chalicelib.publishing.models import HeldBackItem, HeldBackPage, HeldBackQuery, PublicationStatus, ReleaseRequest
from chalicelib.web.api import ApiBlueprint

publishing_api = ApiBlueprint(__name__)
TAGS = ("publication",)


@publishing_api.operation(
    "/publications/{month}",
    "POST", operation_id="requestPublication",
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
    "GET", operation_id="getPublication",
    summary="Where a month's publication stands (platform admins)",
    tags=TAGS,
    response=PublicationStatus,
    errors=(404, 422),
)
def month_status(month: str, principal: Principal) -> PublicationStatus:
    return PublicationStatus.model_validate(jobs.status(principal, month))


@publishing_api.operation(
    "/review/held-back",
    "GET", operation_id="listHeldBackTexts",
    summary="Texts a month's publication held back, and why (platform admins)",
    description="Free text (a suggestion's title, content or reply; a round's or project's title) that still nearly"
                " holds a phone or ID number after scrubbing is never published: the suggestion is left out of the"
                " month, a title reads 〔待核〕. Each run of the month lists what it held back here, one Query a page:"
                " where it comes from, why, and an excerpt with the doubtful number masked.",
    tags=("review",),
    query=HeldBackQuery,
    response=HeldBackPage,
    errors=(422,),
)
def held_back(principal: Principal, query: HeldBackQuery) -> HeldBackPage:
    return review.held_back(principal, query)


@publishing_api.operation(
    "/review/held-back/{id}/release",
    "POST", operation_id="releaseHeldBackText",
    summary="Release a reviewed text for the month's next run (platform admins)",
    description="Conditional on the digest read with the item: a text that changed since, or was released already,"
                " is 409. The release takes effect when the month is published again (POST /publications/{month}),"
                " and only while the text stays the one released.",
    tags=("review",),
    body=ReleaseRequest,
    response=HeldBackItem,
    errors=(404, 409),
)
def release_held_back(id: str, principal: Principal, body: ReleaseRequest) -> HeldBackItem:  # noqa: A002
    return review.release(principal, id, body)
