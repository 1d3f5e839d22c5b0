"""HTTP routes of the suggestion loop."""

from __future__ import annotations

from chalicelib import idempotency
from chalicelib.auth import Principal
from chalicelib.models import PageQuery
from chalicelib.suggestions import service
from chalicelib.suggestions.models import (
    AcceptSuggestionRequest,
    ActionRequest,
    AssignSuggestionRequest,
    CloseSuggestionRequest,
    DeclineSuggestionRequest,
    ExtendSuggestionDeadlineRequest,
    MergeSuggestionRequest,
    RatingReceipt,
    RatingRequest,
    ReopenSuggestionRequest,
    ReplyToSuggestionRequest,
    ReturnSuggestionRequest,
    ReviewQueueQuery,
    SubmissionReceipt,
    SuggestionDetail,
    SuggestionPage,
    SuggestionSubmission,
    TransferSuggestionRequest,
)
from chalicelib.suggestions.views import ActionResult
from chalicelib.web.api import ActionOperation, ApiBlueprint

suggestions_api = ApiBlueprint(__name__)
TAGS = ("suggestions",)


@suggestions_api.operation(
    "/suggestions", "POST", operation_id="submitSuggestion",
    summary="Send a suggestion (residents; staff on a resident's behalf)", tags=TAGS,
    body=SuggestionSubmission, response=SubmissionReceipt, status=201, errors=(404, 409, 422, 429, 503),
    headers=("Idempotency-Key",),
    description="A retry with the same Idempotency-Key returns the first receipt; the same key with another body is 409.",
)
def submit(principal: Principal, body: SuggestionSubmission, idempotency_key: str | None) -> SubmissionReceipt:
    idempotency.register_lambda_context(suggestions_api.current_app.lambda_context)
    return service.submit_suggestion(principal, body, idempotency_key)


@suggestions_api.operation(
    "/suggestions/mine", "GET", operation_id="listMySuggestions", summary="My suggestions, newest first (residents)", tags=TAGS,
    query=PageQuery, response=SuggestionPage,
)
def mine(principal: Principal, query: PageQuery) -> SuggestionPage:
    return service.list_my_suggestions(principal, query)


@suggestions_api.operation(
    "/suggestions/{id}", "GET", operation_id="getSuggestion",
    summary="One suggestion with its timeline (by id or tracking number)", tags=TAGS,
    response=SuggestionDetail, errors=(404,),
)
def get_one(id: str, principal: Principal) -> SuggestionDetail:  # noqa: A002 - the contract names it id
    return service.get_suggestion(principal, id)


@suggestions_api.operation(
    "/suggestions/{id}/rating", "POST", operation_id="rateReply",
    summary="Rate the reply 1–5 (each submitter once per reply)", tags=TAGS,
    body=RatingRequest, response=RatingReceipt, status=201, errors=(404, 409, 422),
)
def rate(id: str, principal: Principal, body: RatingRequest) -> RatingReceipt:  # noqa: A002
    return service.rate_suggestion(principal, id, body)


@suggestions_api.operation(
    "/review/suggestions", "GET", operation_id="listSuggestionQueue",
    summary="Officials' queue, scoped to their jurisdiction", tags=("review",),
    query=ReviewQueueQuery, response=SuggestionPage, errors=(404, 422),
)
def queue(principal: Principal, query: ReviewQueueQuery) -> SuggestionPage:
    return service.review_queue(principal, query)


@suggestions_api.operation(
    "/review/suggestions/{id}/{action}", "POST", operation_id="actOnSuggestion",
    summary="accept, decline, assign, transfer, return, merge, reply, extend, close or reopen a case", tags=("review",),
    body=ActionRequest, response=ActionResult, errors=(404, 409, 422, 503), deprecated=True,
    description="Kept for existing clients: each action has its own operation stating what it requires "
                "(acceptSuggestion, replyToSuggestion, …). A conditional write on the case's status and version.",
)
def act(id: str, action: str, principal: Principal, body: ActionRequest) -> ActionResult:  # noqa: A002
    return service.act_on_suggestion(principal, id, action, body)


suggestions_api.action_operations(
    "/review/suggestions/{id}",
    (
        ActionOperation("accept", "acceptSuggestion", AcceptSuggestionRequest, "Accept a submitted case (受理)"),
        ActionOperation("decline", "declineSuggestion", DeclineSuggestionRequest, "Decline a case, with the reason"),
        ActionOperation("assign", "assignSuggestion", AssignSuggestionRequest,
                        "Assign a case to a committee or a department of the street"),
        ActionOperation("transfer", "transferSuggestion", TransferSuggestionRequest,
                        "Transfer a case to the street it concerns"),
        ActionOperation("return", "returnSuggestion", ReturnSuggestionRequest,
                        "Return a transferred case to the street that sent it"),
        ActionOperation("merge", "mergeSuggestion", MergeSuggestionRequest, "Merge a case into another open case"),
        ActionOperation("reply", "replyToSuggestion", ReplyToSuggestionRequest,
                        "Reply to a case, saying whether it is adopted"),
        ActionOperation("extend", "extendSuggestionDeadline", ExtendSuggestionDeadlineRequest,
                        "Extend a case's reply deadline once"),
        ActionOperation("close", "closeSuggestion", CloseSuggestionRequest, "Close a replied case"),
        ActionOperation("reopen", "reopenSuggestion", ReopenSuggestionRequest, "Reopen a replied or closed case"),
    ),
    general=ActionRequest, act=service.act_on_suggestion, tags=("review",), response=ActionResult,
    errors=(404, 409, 422, 503),
    description="A conditional write on the case's status and version: a stale or invalid move is 409 with the "
                "allowed actions.",
)
