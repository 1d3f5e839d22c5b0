"""HTTP routes of the suggestion loop."""

from __future__ import annotations

from chalicelib import idempotency
from chalicelib.auth import Principal
from chalicelib.models import PageQuery
from chalicelib.suggestions import service
from chalicelib.suggestions.models import (
    ActionRequest,
    RatingReceipt,
    RatingRequest,
    ReviewQueueQuery,
    SubmissionReceipt,
    SuggestionDetail,
    SuggestionPage,
    SuggestionSubmission,
)
from chalicelib.suggestions.views import ActionResult
from chalicelib.web.api import ApiBlueprint

suggestions_api = ApiBlueprint(__name__)
TAGS = ("suggestions",)


@suggestions_api.operation(
    "/suggestions", "POST", summary="Send a suggestion (residents; staff on a resident's behalf)", tags=TAGS,
    body=SuggestionSubmission, response=SubmissionReceipt, status=201, errors=(404, 409, 422, 429, 503),
    headers=("Idempotency-Key",),
    description="A retry with the same Idempotency-Key returns the first receipt; the same key with another body is 409.",
)
def submit(principal: Principal, body: SuggestionSubmission, idempotency_key: str | None) -> SubmissionReceipt:
    idempotency.register_lambda_context(suggestions_api.current_app.lambda_context)
    return service.submit_suggestion(principal, body, idempotency_key)


@suggestions_api.operation(
    "/suggestions/mine", "GET", summary="My suggestions, newest first (residents)", tags=TAGS,
    query=PageQuery, response=SuggestionPage,
)
def mine(principal: Principal, query: PageQuery) -> SuggestionPage:
    return service.list_my_suggestions(principal, query)


@suggestions_api.operation(
    "/suggestions/{id}", "GET", summary="One suggestion with its timeline (by id or tracking number)", tags=TAGS,
    response=SuggestionDetail, errors=(404,),
)
def get_one(id: str, principal: Principal) -> SuggestionDetail:  # noqa: A002 - the contract names it id
    return service.get_suggestion(principal, id)


@suggestions_api.operation(
    "/suggestions/{id}/rating", "POST", summary="Rate the reply 1–5 (each submitter once per reply)", tags=TAGS,
    body=RatingRequest, response=RatingReceipt, status=201, errors=(404, 409, 422),
)
def rate(id: str, principal: Principal, body: RatingRequest) -> RatingReceipt:  # noqa: A002
    return service.rate_suggestion(principal, id, body)


@suggestions_api.operation(
    "/review/suggestions", "GET", summary="Officials' queue, scoped to their jurisdiction", tags=("review",),
    query=ReviewQueueQuery, response=SuggestionPage, errors=(404, 422),
)
def queue(principal: Principal, query: ReviewQueueQuery) -> SuggestionPage:
    return service.review_queue(principal, query)


@suggestions_api.operation(
    "/review/suggestions/{id}/{action}", "POST",
    summary="accept, decline, assign, transfer, return, merge, reply, extend, close or reopen a case", tags=("review",),
    body=ActionRequest, response=ActionResult, errors=(404, 409, 422, 503),
    description="A conditional write on the case's status and version: a stale or invalid move is 409 with the allowed actions.",
)
def act(id: str, action: str, principal: Principal, body: ActionRequest) -> ActionResult:  # noqa: A002
    return service.act_on_suggestion(principal, id, action, body)
