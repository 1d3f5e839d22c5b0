"""Texts a month's publication held back, as a platform admin reviews and releases them.

The list is one Query a page over the month's partition (repository.py), with the project's
signed cursors. An item shows where the text comes from, why it was held and an excerpt with
the doubtful number masked; the admin who needs the full text opens the case or round, as
their role already allows. A release is conditional on the digest they read, so it applies to
that text only, and takes effect when the month is next published (POST /publications/{month}).
"""

from __future__ import annotations

import re
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, require
from chalicelib.errors import ConflictError, ErrorDetail, NotFoundError
from chalicelib.observability import count
from chalicelib.publishing import repository
from chalicelib.publishing.models import (
    HELD_BACK_ID_PATTERN,
    HeldBackItem,
    HeldBackPage,
    HeldBackQuery,
    ReleaseRequest,
)
from chalicelib.storage.pagination import decode_cursor, encode_cursor

_ITEM_ID = re.compile(HELD_BACK_ID_PATTERN)


def held_back(principal: Principal, query: HeldBackQuery) -> HeldBackPage:
    require(principal, "publication.review")
    scope = f"held-back:{query.month}"
    items, last = repository.held_back_page(query.month, query.limit, decode_cursor(query.cursor, scope))
    return HeldBackPage(items=[view(item) for item in items], next_cursor=encode_cursor(last, scope))


def release(principal: Principal, item_id: str, body: ReleaseRequest) -> HeldBackItem:
    require(principal, "publication.review")
    month, source_key = _parsed(item_id)
    found = repository.held_back_item(month, source_key)
    if found is None:
        raise NotFoundError("No such held-back text. / 没有这条暂不公开的文字。")
    if not repository.release(month, source_key, body.digest, at=clock.iso(clock.utc_now()),
                              actor_id=principal.user_id, actor_role=principal.role.value):
        raise ConflictError(
            "The text was released already, or changed since it was read: read the list again. "
            "/ 该文字已放行，或读取后已变更，请重新读取列表。",
            details=[ErrorDetail(field="digest", type="stale", message="read the item again", message_zh="请重新读取")])
    count("HeldBackTextReleased")
    return view(repository.held_back_item(month, source_key) or found)


def _parsed(item_id: str) -> tuple[str, str]:
    """(month, source key) of an item id; an id of another shape names nothing (404)."""
    if not _ITEM_ID.match(item_id):
        raise NotFoundError("No such held-back text. / 没有这条暂不公开的文字。")
    month, kind, record_id, field = item_id.split(".")
    return month, f"{kind}#{record_id}#{field}"


def view(item: dict[str, Any]) -> HeldBackItem:
    # The gate's module brings the scrubber, whose patterns the API's cold start need not compile.
    from chalicelib.publishing.held_back import reasons_of

    return HeldBackItem.model_validate({
        "id": f"{item['month']}.{item['kind']}.{item['source_id']}.{item['field']}",
        "month": item["month"],
        "source": {"kind": item["kind"], "id": item["source_id"], "field": item["field"],
                   **{k: item[k] for k in ("tracking_no", "division", "round_id") if k in item}},
        "reasons": reasons_of(item), "excerpt": item["excerpt"], "digest": item["digest"],
        "status": item["status"], "held_at": item["held_at"], "released_at": item.get("released_at"),
    })
