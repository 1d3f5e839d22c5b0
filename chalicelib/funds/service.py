"""The use cases of autonomy funds, as the routes (and the demo data) call them.

One entry point per use case; each is carried out by the module of its part:
pools.py (allocate, top up, read a pool and its ledger), applications.py (drafts, reading,
lists, objections) and workflow.py (the actions from submission to closing, planned by
transitions.py); paper.py enters a team's paper form for it. Those modules share the
package's records (records.py) and repository.
"""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.funds import applications, paper, pools, workflow
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


def create_pools(principal: Principal, division: str, year: str, body: PoolCreate) -> PoolAllocationReport:
    return pools.create_pools(principal, division, year, body)


def get_pool(principal: Principal, committee: str, year: str) -> Pool:
    return pools.get_pool(principal, committee, year)


def top_up(principal: Principal, committee: str, year: str, body: TopUp) -> Pool:
    return pools.top_up(principal, committee, year, body)


def ledger(principal: Principal, committee: str, year: str, query: PageQuery) -> LedgerPage:
    return pools.ledger(principal, committee, year, query.limit, query.cursor)


def list_applications(principal: Principal, committee: str, year: str,
                      query: ApplicationListQuery) -> ApplicationPage:
    return applications.list_for_pool(principal, committee, year, query)


def create_application(principal: Principal, body: ApplicationDraft,
                       idempotency_key: str | None = None) -> ApplicationDetail:
    return applications.create_draft(principal, body, idempotency_key)


def my_applications(principal: Principal, query: PageQuery) -> ApplicationPage:
    return applications.list_mine(principal, query)


def get_application(principal: Principal, application_id: str) -> ApplicationDetail:
    return applications.get_application(principal, application_id)


def edit_application(principal: Principal, application_id: str, body: ApplicationUpdate) -> ApplicationDetail:
    return applications.update_draft(principal, application_id, body)


def object_to(principal: Principal, application_id: str, body: FundObjectionCreate) -> ObjectionView:
    return applications.object_to(principal, application_id, body)


def act(principal: Principal, application_id: str, action: str, body: FundActionRequest) -> ApplicationDetail:
    return workflow.act(principal, application_id, action, body)


def enter_paper_application(principal: Principal, body: PaperApplicationEntry,
                            idempotency_key: str | None = None) -> ApplicationDetail:
    return paper.enter_paper_application(principal, body, idempotency_key)


def start_paper_receipt_upload(principal: Principal, application_id: str,
                               body: ReceiptUploadRequest) -> ReceiptUploadForm:
    return paper.start_receipt_upload(principal, application_id, body)
