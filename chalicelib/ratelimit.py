"""Per-identity limits on what one person (or one address) may send in a window.

The gateway's stage throttling and the web ACL protect the platform as a whole; these limits
stop one account or one address from flooding a street's queue or a round's ballot box.
Each limit is a fixed window counted in one item per identity and window, so no key is
shared between people. Where the counted action is itself one transaction, the count rides
in that transaction (`counter_update`): a refused action costs the person nothing and the action
still takes one write call. Paper-code ballots are limited the other way round: what must be
limited there is refused attempts (a wrong code), so the sender's window is read first
(`exhausted`) and only a refused attempt is counted, on a write of its own (`charge`); a
household's good code costs no write for the limit.

The identity is stored only as a keyed digest: an address or account is personal data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from chalicelib import aws, clock
from chalicelib.errors import ConflictError, TooManyRequestsError
from chalicelib.privacy import keyed_digest
from chalicelib.storage import dynamo
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import limit_counter_key


@dataclass(frozen=True)
class Limit:
    name: str
    allowed: int
    window_seconds: int
    per: str
    # What is counted, as the refusal names it to the person refused.
    counts: str
    counts_zh: str

    def allowed_now(self) -> int:
        from chalicelib.settings import get_settings

        return max(1, round(self.allowed * get_settings().rate_limit_scale))

    def describe(self) -> str:
        return f"{self.allowed_now()} {_window_name(self.window_seconds)} per {self.per}"


def _window_name(seconds: int) -> str:
    return {3600: "an hour", 24 * 3600: "a day"}.get(seconds, f"per {seconds // 60} minutes")


def _window_name_zh(seconds: int) -> str:
    return {3600: "每小时", 24 * 3600: "每天"}.get(seconds, f"每{seconds // 60}分钟")


def _wait(seconds: int) -> tuple[str, str]:
    """How long until the window ends, in the unit a person would use."""
    if seconds < 120:
        return f"{seconds} s", f"{seconds}秒"
    if seconds < 2 * 3600:
        return f"{math.ceil(seconds / 60)} min", f"{math.ceil(seconds / 60)}分钟"
    return f"{math.ceil(seconds / 3600)} h", f"{math.ceil(seconds / 3600)}小时"


# A resident rarely has more than a few suggestions a day; a committee worker typing in a
# stack of paper forms needs far more.
RESIDENT_SUGGESTIONS = Limit("suggestions-resident", 10, 3600, "resident", "suggestions", "提交建议")
STAFF_SUGGESTIONS = Limit("suggestions-staff", 300, 3600, "official", "suggestions", "录入建议")
# Ballot changes only: a first ballot is one per voter and round by its voter record's
# condition, so counting it would cost a write and protect nothing. A round that allows
# changes would otherwise let one voter churn delete-and-put pairs without end; twenty a
# day is beyond any honest change of mind.
BALLOTS = Limit("ballots", 20, 24 * 3600, "voter", "ballot changes", "改票")
# Codes are 60 bits, so guessing is hopeless anyway; this keeps one address from using the
# ballot box as a free endpoint. Only refused attempts are counted (a good code is used up
# by its own ballot), so a household is never charged and a flood of wrong codes or junk
# still runs out. A neighbourhood centre's shared address casting for many households
# should use staff entry of paper ballots instead.
CODE_BALLOTS = Limit("code-ballots", 30, 600, "address", "refused paper-code ballots", "投票码尝试")
# Deliberation: a neighbour raises a few topics, writes a few dozen comments and supports
# what the street talks about; beyond that it is flooding the committee's board.
TOPICS = Limit("topics", 5, 24 * 3600, "resident", "topics", "发起议题")
COMMENTS = Limit("topic-comments", 30, 3600, "resident", "comments", "发表评论")
SUPPORTS = Limit("topic-supports", 50, 3600, "resident", "supports", "附议")
REPORTS = Limit("topic-reports", 20, 24 * 3600, "resident", "reports", "举报")
LIMITS = (RESIDENT_SUGGESTIONS, STAFF_SUGGESTIONS, BALLOTS, CODE_BALLOTS, TOPICS, COMMENTS, SUPPORTS, REPORTS)


# Windows start on Shanghai's clock, so that a day's allowance renews at local midnight.
SHANGHAI_OFFSET_SECONDS = 8 * 3600


def _window(limit: Limit) -> tuple[int, int]:
    """(start, seconds left) of the window that holds now."""
    now = clock.utc_now().timestamp()
    start = int((now + SHANGHAI_OFFSET_SECONDS) // limit.window_seconds) * limit.window_seconds - SHANGHAI_OFFSET_SECONDS
    return start, max(1, math.ceil(start + limit.window_seconds - now))


def _counter_key(limit: Limit, identity: str, start: int) -> dict[str, str]:
    return limit_counter_key(limit.name, keyed_digest("rate-limit", identity), start)


def counter_update(limit: Limit, identity: str) -> dict[str, Any]:
    """The Update that counts one more request, refused by its condition once the window is full."""
    start, _ = _window(limit)
    return {
        "Update": {
            "TableName": dynamo.table_name(),
            "Key": to_item(_counter_key(limit, identity, start)),
            "UpdateExpression": "ADD used :one SET expires_at = :expires",
            "ConditionExpression": "attribute_not_exists(used) OR used < :allowed",
            "ExpressionAttributeValues": to_item(
                {":one": 1, ":allowed": limit.allowed_now(), ":expires": start + 2 * limit.window_seconds}
            ),
        }
    }


def refused(limit: Limit) -> TooManyRequestsError:
    _, seconds_left = _window(limit)
    wait, wait_zh = _wait(seconds_left)
    return TooManyRequestsError(
        f"Too many {limit.counts}: the limit is {limit.describe()}; try again in {wait}. / "
        f"{limit.counts_zh}过于频繁（{_window_name_zh(limit.window_seconds)}最多{limit.allowed_now()}次），请{wait_zh}后再试。",
        headers={"Retry-After": str(seconds_left)},
    )


def charge(limit: Limit, identity: str) -> None:
    """Counts one request on its own write; raises TooManyRequestsError once the window is full."""
    update = counter_update(limit, identity)["Update"]
    try:
        dynamo.db().update_item(**update)
    except aws.failures() as exc:
        error = dynamo.translate_client_error(exc)
        if type(error) is ConflictError:
            raise refused(limit) from exc
        raise error from exc


def exhausted(limit: Limit, identity: str) -> bool:
    """Whether the window that holds now is already full, on one read and no write.

    An eventually consistent read: a count a moment stale lets through at most the
    requests already in flight, and `charge` still refuses past the limit.
    """
    start, _ = _window(limit)
    counter = dynamo.get_item(_counter_key(limit, identity, start))
    return counter is not None and int(counter.get("used", 0)) >= limit.allowed_now()
