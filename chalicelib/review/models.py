"""The contract of the review queues (GET /review/funds, /review/rounds, /review/summary)."""

from __future__ import annotations

import enum

from pydantic import Field

from chalicelib.funds.models import FundCategory, FundStatus
from chalicelib.models import PageQuery, ResponseModel
from chalicelib.voting.models import Phase, RoundSummary

DIVISION_CODE = r"^31(?:[0-9]{4}|[0-9]{7}|[0-9]{10})?$"
COMMITTEE_CODE = r"^31[0-9]{10}$"


class FundQueueQuery(PageQuery):
    status: FundStatus | None = Field(default=None, description="only applications in this status")
    committee: str | None = Field(default=None, pattern=COMMITTEE_CODE,
                                  description="only this committee's, inside the caller's jurisdiction")


class FundQueueItem(ResponseModel):
    id: str
    committee: str
    year: int
    title: str
    category: FundCategory
    status: FundStatus
    version: int = Field(description="send it back with the action")
    requested_fen: int
    open_objections: int
    notice_ends_at: str | None = None
    waiting_since: str = Field(description="when the step became the caller's (UTC)")
    due_at: str | None = Field(default=None, description="end of the fifth working day after waiting_since (UTC)")
    overdue: bool
    allowed_actions: list[str]


class FundQueuePage(ResponseModel):
    items: list[FundQueueItem]
    next_cursor: str | None = None


class RoundQueueQuery(PageQuery):
    division: str | None = Field(default=None, pattern=DIVISION_CODE,
                                 description="a division inside the caller's jurisdiction (default: all of it)")
    phase: Phase | None = Field(default=None, description="only rounds now in this phase")


class RoundQueuePage(ResponseModel):
    items: list[RoundSummary] = Field(description="by scope, then by the start of voting; a page filtered by phase "
                                                  "may hold fewer than `limit` rounds and still have a next page")
    next_cursor: str | None = None


class QueueName(str, enum.Enum):
    suggestions = "suggestions"
    residences = "residences"
    funds = "funds"
    rounds = "rounds"


class QueueCounts(ResponseModel):
    queue: QueueName
    new: int = Field(description="arrived since new_since")
    due_soon: int = Field(description="due before due_soon_before and not yet overdue")
    overdue: int
    capped: bool = Field(description="the queue is larger than a summary reads: the counts are lower bounds")


class ReviewSummary(ResponseModel):
    jurisdiction: str
    at: str
    new_since: str = Field(description="this time on the previous working day (UTC)")
    due_soon_before: str = Field(description="end of the second working day after today (UTC)")
    queues: list[QueueCounts] = Field(description="only the queues the caller works on")
