"""HTTP routes of residence verification (居住核验)."""

from __future__ import annotations

from chalicelib import idempotency
from chalicelib.auth import Principal
from chalicelib.residence import models, service
from chalicelib.residence.models import (
    MyResidence,
    ResidenceRequest,
    ResidenceRequestCreate,
    ReviewActionRequest,
    ReviewActionResult,
    ReviewPage,
    ReviewQuery,
)
from chalicelib.web.api import ActionOperation, ApiBlueprint

residence_api = ApiBlueprint(__name__)
TAGS = ("residence",)


@residence_api.operation(
    "/me/residence", "POST", operation_id="requestResidenceVerification",
    summary="Ask one's committee to verify where one lives (residents)", tags=TAGS,
    body=ResidenceRequestCreate, response=ResidenceRequest, status=201, errors=(409, 422, 503),
    headers=("Idempotency-Key",),
    description="One pending request per person (409 names it). A retry with the same Idempotency-Key returns the "
                "first request; the same key with another body is 409.",
)
def ask(principal: Principal, body: ResidenceRequestCreate, idempotency_key: str | None) -> ResidenceRequest:
    idempotency.register_lambda_context(residence_api.current_app.lambda_context)
    return service.request_residence(principal, body, idempotency_key)


@residence_api.operation(
    "/me/residence", "GET", operation_id="getMyResidence",
    summary="My verified residence and every request with its timeline (residents)",
    tags=TAGS, response=MyResidence, errors=(503,),
)
def mine(principal: Principal) -> MyResidence:
    return service.my_residence(principal)


@residence_api.operation(
    "/review/residences", "GET", operation_id="listResidenceQueue",
    summary="Residence requests of a district, street or committee, by status",
    tags=("review",), query=ReviewQuery, response=ReviewPage, errors=(404, 422),
    description="Committee staff and the officials above them. The flat is shown in full for checking; the "
                "phone only masked.",
)
def queue(principal: Principal, query: ReviewQuery) -> ReviewPage:
    return service.review_queue(principal, query)


@residence_api.operation(
    "/review/residences/{id}/{action}", "POST", operation_id="actOnResidence",
    summary="approve, decline (reason) or revoke (reason) a residence",
    tags=("review",), body=ReviewActionRequest, response=ReviewActionResult, errors=(404, 409, 503), deprecated=True,
    description="Kept for existing clients: approveResidence, declineResidence and revokeResidence state what each "
                "requires.",
)
def act(id: str, action: str, principal: Principal, body: ReviewActionRequest) -> ReviewActionResult:  # noqa: A002
    return service.act(principal, id, action, body)


residence_api.action_operations(
    "/review/residences/{id}",
    (
        ActionOperation("approve", "approveResidence", models.ApproveResidenceRequest,
                        "Approve a residence request; the resident's next token carries it"),
        ActionOperation("decline", "declineResidence", models.DeclineResidenceRequest,
                        "Decline a residence request, with the reason"),
        ActionOperation("revoke", "revokeResidence", models.RevokeResidenceRequest,
                        "Revoke a verified residence, with the reason"),
    ),
    general=ReviewActionRequest, act=service.act, tags=("review",), response=ReviewActionResult,
    errors=(404, 409, 503),
    description="Conditional on the request's status and version: a stale or invalid move is 409 with the allowed "
                "actions. An approval or revocation reaches the resident's next token.",
)
