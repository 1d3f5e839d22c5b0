"""HTTP routes of the officials' cross-domain review queues."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.review import service
from chalicelib.review.models import FundQueuePage, FundQueueQuery, ReviewSummary, RoundQueuePage, RoundQueueQuery
from chalicelib.web.api import ApiBlueprint

review_api = ApiBlueprint(__name__)
TAGS = ("review",)


@review_api.operation(
    "/review/funds", "GET", summary="Fund applications awaiting the caller's step across their jurisdiction",
    tags=TAGS, query=FundQueueQuery, response=FundQueuePage, errors=(404, 422), operation_id="listFundQueue",
    description="Committee staff: applications to review, objections to answer, accepted ones to close. Officials "
                "above: notices that ended, approvals to pay, reports to accept. By committee, then oldest step "
                "first; one Query a page.",
)
def funds(principal: Principal, query: FundQueueQuery) -> FundQueuePage:
    return service.fund_queue(principal, query)


@review_api.operation(
    "/review/rounds", "GET", summary="Rounds of the caller's jurisdiction and of every division inside it",
    tags=TAGS, query=RoundQueueQuery, response=RoundQueuePage, errors=(404, 422), operation_id="listRoundQueue",
    description="By scope, then by the start of voting; one Query a page.",
)
def rounds(principal: Principal, query: RoundQueueQuery) -> RoundQueuePage:
    return service.round_queue(principal, query)


@review_api.operation(
    "/review/summary", "GET", summary="What is new, due within two working days and overdue in each of one's queues",
    tags=TAGS, response=ReviewSummary, errors=(503,), operation_id="getReviewSummary",
    description="Suggestions, residence requests (a district or below; they carry no deadline), fund steps and "
                "rounds owing their tally. A few bounded Queries; a count marked capped is a lower bound.",
)
def summary(principal: Principal) -> ReviewSummary:
    return service.summary(principal)
