"""HTTP routes of autonomy funds."""

from __future__ import annotations

from chalicelib import idempotency
from chalicelib.auth import Principal
from chalicelib.funds import models, service
from chalicelib.funds.models import (
    ApplicationDetail,
    ApplicationDraft,
    ApplicationListQuery,
    ApplicationPage,
    ApplicationUpdate,
    FundActionRequest,
    FundObjectionCreate,
    LedgerPage,
    ObjectionView,
    PaperApplicationEntry,
    Pool,
    PoolAllocationReport,
    PoolCreate,
    TopUp,
)
from chalicelib.models import PageQuery
from chalicelib.uploads.models import ReceiptUploadForm, ReceiptUploadRequest
from chalicelib.web.api import ActionOperation, ApiBlueprint

funds_api = ApiBlueprint(__name__)
TAGS = ("funds",)


@funds_api.operation("/funds/pools/{division}/{year}", "POST", operation_id="createFundPool",
                     summary="Allocate a year's pool to a committee, or to every committee of a street by community type",
                     tags=TAGS, body=PoolCreate, response=PoolAllocationReport, status=201, errors=(404, 409, 422))
def create_pools(division: str, year: str, principal: Principal, body: PoolCreate) -> PoolAllocationReport:
    return service.create_pools(principal, division, year, body)


@funds_api.operation("/funds/pools/{division}/{year}", "GET", operation_id="getFundPool",
                     summary="A committee's pool: allocated, available, committed and disbursed, in fen", tags=TAGS,
                     response=Pool, errors=(404,))
def get_pool(division: str, year: str, principal: Principal) -> Pool:
    return service.get_pool(principal, division, year)


@funds_api.operation("/funds/pools/{division}/{year}/top-up", "POST", operation_id="topUpFundPool",
                     summary="Add money to a pool during its year",
                     tags=TAGS, body=TopUp, response=Pool, errors=(404, 422))
def top_up(division: str, year: str, principal: Principal, body: TopUp) -> Pool:
    return service.top_up(principal, division, year, body)


@funds_api.operation("/funds/pools/{division}/{year}/ledger", "GET", operation_id="getPoolLedger",
                     summary="Every movement of the pool's money, oldest first", tags=TAGS, query=PageQuery,
                     response=LedgerPage, errors=(404,))
def ledger(division: str, year: str, principal: Principal, query: PageQuery) -> LedgerPage:
    return service.ledger(principal, division, year, query)


@funds_api.operation("/funds/pools/{division}/{year}/applications", "GET", operation_id="listPoolApplications",
                     summary="A committee's applications of the year, newest first (residents: the public ones)",
                     tags=TAGS, query=ApplicationListQuery, response=ApplicationPage, errors=(404,))
def list_applications(division: str, year: str, principal: Principal, query: ApplicationListQuery) -> ApplicationPage:
    return service.list_applications(principal, division, year, query)


@funds_api.operation("/funds/applications", "POST", operation_id="draftFundApplication",
                     summary="Start an application as a draft (the team's lead)",
                     tags=TAGS, body=ApplicationDraft, response=ApplicationDetail, status=201, errors=(409, 422, 503),
                     headers=("Idempotency-Key",),
                     description="A retry with the same Idempotency-Key returns the first draft; the same key with "
                                 "another body is 409.")
def create(principal: Principal, body: ApplicationDraft, idempotency_key: str | None) -> ApplicationDetail:
    idempotency.register_lambda_context(funds_api.current_app.lambda_context)
    return service.create_application(principal, body, idempotency_key)


@funds_api.operation("/review/funds/applications", "POST", operation_id="enterPaperFundApplication",
                     summary="Enter a team's paper application as a draft (committee staff or their street)",
                     tags=TAGS, body=PaperApplicationEntry, response=ApplicationDetail, status=201,
                     errors=(404, 409, 422, 503), headers=("Idempotency-Key",),
                     description="Officials over the committee then take the team's steps (submit, withdraw, start, "
                                 "report). A retry with the same Idempotency-Key returns the first draft.")
def enter_paper(principal: Principal, body: PaperApplicationEntry, idempotency_key: str | None) -> ApplicationDetail:
    idempotency.register_lambda_context(funds_api.current_app.lambda_context)
    return service.enter_paper_application(principal, body, idempotency_key)


@funds_api.operation("/review/funds/applications/{id}/receipts", "POST", operation_id="startPaperFundReceiptUpload",
                     summary="A presigned form to upload one receipt of a paper team's completion report (工作人员代传票据)",
                     tags=TAGS, body=ReceiptUploadRequest, response=ReceiptUploadForm, status=201, errors=(403, 404, 422),
                     description="For an application entered from paper or a meeting, by the officials who take the "
                                 "team's steps (committee staff or their street); a web application's receipts are "
                                 "its lead's (POST /uploads/receipts). Then file the report with "
                                 "reportFundCompletion, citing the returned key.")
def start_paper_receipt_upload(id: str, principal: Principal, body: ReceiptUploadRequest) -> ReceiptUploadForm:  # noqa: A002
    return service.start_paper_receipt_upload(principal, id, body)


@funds_api.operation("/funds/applications/mine", "GET", operation_id="listMyFundApplications",
                     summary="My team's applications, newest first", tags=TAGS,
                     query=PageQuery, response=ApplicationPage)
def mine(principal: Principal, query: PageQuery) -> ApplicationPage:
    return service.my_applications(principal, query)


@funds_api.operation("/funds/applications/{id}", "GET", operation_id="getFundApplication",
                     summary="An application: whole for its team and officials, public part for the committee's residents",
                     tags=TAGS, response=ApplicationDetail, errors=(404,))
def get_one(id: str, principal: Principal) -> ApplicationDetail:  # noqa: A002
    return service.get_application(principal, id)


@funds_api.operation("/funds/applications/{id}", "PUT", operation_id="editFundApplication",
                     summary="Edit a draft or an application returned for changes",
                     tags=TAGS, body=ApplicationUpdate, response=ApplicationDetail, errors=(404, 409, 422))
def edit(id: str, principal: Principal, body: ApplicationUpdate) -> ApplicationDetail:  # noqa: A002
    return service.edit_application(principal, id, body)


@funds_api.operation("/funds/applications/{id}/objections", "POST", operation_id="objectToFundApplication",
                     summary="Object during the public notice (residents of the committee)", tags=TAGS,
                     body=FundObjectionCreate, response=ObjectionView, status=201, errors=(404, 409, 422))
def objection(id: str, principal: Principal, body: FundObjectionCreate) -> ObjectionView:  # noqa: A002
    return service.object_to(principal, id, body)


@funds_api.operation(
    "/funds/applications/{id}/{action}", "POST", operation_id="actOnFundApplication",
    summary="submit, withdraw, return_for_changes, recommend, answer_objection, approve, reject, fund, start, report, "
            "return, accept, close or cancel",
    tags=TAGS, body=FundActionRequest, response=ApplicationDetail, errors=(404, 409, 422, 503), deprecated=True,
    description="Kept for existing clients: each action has its own operation stating what it requires "
                "(submitFundApplication, approveFundApplication, …).",
)
def act(id: str, action: str, principal: Principal, body: FundActionRequest) -> ApplicationDetail:  # noqa: A002
    return service.act(principal, id, action, body)


funds_api.action_operations(
    "/funds/applications/{id}",
    (
        ActionOperation("submit", "submitFundApplication", models.SubmitFundApplicationRequest,
                        "Submit a draft or a returned application to the committee (the lead)"),
        ActionOperation("withdraw", "withdrawFundApplication", models.WithdrawFundApplicationRequest,
                        "Withdraw an application before its approval (the lead)"),
        ActionOperation("return_for_changes", "returnFundApplicationForChanges",
                        models.ReturnFundApplicationForChangesRequest,
                        "Return a submitted application to the team for changes (committee)"),
        ActionOperation("recommend", "recommendFundApplication", models.RecommendFundApplicationRequest,
                        "Recommend a submitted application; its public notice starts (committee)"),
        ActionOperation("answer_objection", "answerFundObjection", models.AnswerFundObjectionRequest,
                        "Answer an objection raised during the notice (committee)"),
        ActionOperation("approve", "approveFundApplication", models.ApproveFundApplicationRequest,
                        "Approve an application after its notice; the amount is committed (street)"),
        ActionOperation("reject", "rejectFundApplication", models.RejectFundApplicationRequest,
                        "Reject an application, with the reason (street)"),
        ActionOperation("fund", "fundApplication", models.FundApplicationFundingRequest,
                        "Fund an approved application, paying the advance (street)"),
        ActionOperation("start", "startFundProject", models.StartFundProjectRequest,
                        "Report that the funded project has started (the lead)"),
        ActionOperation("report", "reportFundCompletion", models.ReportFundCompletionRequest,
                        "File the completion report with receipts (the lead)"),
        ActionOperation("return", "returnFundReport", models.ReturnFundReportRequest,
                        "Return a completion report to the team (committee)"),
        ActionOperation("accept", "acceptFundCompletion", models.AcceptFundCompletionRequest,
                        "Accept a completion report; the rest is paid (street)"),
        ActionOperation("close", "closeFundApplication", models.CloseFundApplicationRequest,
                        "Close an accepted application (committee)"),
        ActionOperation("cancel", "cancelFundApplication", models.CancelFundApplicationRequest,
                        "Cancel an approved application, with the reason (street)"),
    ),
    general=FundActionRequest, act=service.act, tags=TAGS, response=ApplicationDetail, errors=(404, 409, 422, 503),
    description="A conditional write on the application's status and version; money moves in the same transaction.",
)
