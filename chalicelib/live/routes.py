"""HTTP routes of the live Mulin index: the public index of a division, and the street's quarterly entries."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.live import service
from chalicelib.live.models import IndexEntry, IndexEntryList, IndexEntryUpdate, LiveIndex
from chalicelib.web.api import ApiBlueprint

live_api = ApiBlueprint(__name__)


@live_api.operation(
    "/index/{division}",
    "GET", operation_id="getLiveIndex",
    summary="A division's live Mulin index (v2): its score, dimensions, indicators and 12-week trend (public)",
    description="Committee, street, district or the city (31). Computed from the live counters when asked: the"
                " four weeks ending today, and the same figure at the end of each of the last 12 ISO weeks. Each"
                " indicator says how it is obtained (measured from the platform, or entered quarterly by the"
                " street), its formula, source, target and weight; one resting on fewer people than the disclosure"
                " threshold is withheld (suppressed) and left out of the score.",
    tags=("index",),
    response=LiveIndex,
    authenticated=False,
    errors=(400, 404),
)
def live_index(division: str) -> LiveIndex:
    return service.live_index(division)


@live_api.operation(
    "/review/index-entries/{division}/{quarter}",
    "PUT", operation_id="enterIndexIndicators",
    summary="Enter a quarter's indicators the platform cannot measure, with evidence (street officials)",
    description="For the street itself or one of its committees; the current quarter or one of the four before it."
                " Evidence: keys of photos the caller uploaded (POST /uploads/photos). Give the version read to"
                " replace an entry, none to create one; a stale version is 409. Each change is kept in the entry's"
                " audit trail.",
    tags=("review",),
    body=IndexEntryUpdate,
    response=IndexEntry,
    errors=(400, 404, 409, 422),
)
def enter_indicators(division: str, quarter: str, principal: Principal, body: IndexEntryUpdate) -> IndexEntry:
    return service.put_entry(principal, division, quarter, body)


@live_api.operation(
    "/review/index-entries/{division}",
    "GET", operation_id="listIndexEntries",
    summary="The quarterly entries of a division, with their evidence and audit trail (officials)",
    tags=("review",),
    response=IndexEntryList,
    errors=(400, 404),
)
def list_entries(division: str, principal: Principal) -> IndexEntryList:
    return service.list_entries(principal, division)
