"""What is worth a text, what it says, and when it may go: pure, the clock passed in."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from chalicelib.clock import SHANGHAI

# (subject, event) → what happened, in the words of the text. Only decisions and requests a
# resident must act on: a reply, a decision, a request for more, a fund decision.
WORTH_A_TEXT: dict[tuple[str, str], str] = {
    ("suggestion", "reply"): "您的建议{no}已答复",
    ("suggestion", "decline"): "您的建议{no}已有受理决定",
    ("fund_application", "approve"): "您的自治金申报已有审批结果",
    ("fund_application", "reject"): "您的自治金申报已有审批结果",
    ("fund_application", "return_for_changes"): "您的自治金申报需补充材料",
    ("fund_application", "return"): "您的自治金结项报告需补充材料",
    ("fund_application", "cancel"): "您的自治金项目已有处理决定",
    ("residence", "approve"): "您的居住核验已有结果",
    ("residence", "decline"): "您的居住核验已有结果",
}
SIGNATURE = "【睦邻】"
WHERE_TO_LOOK = "请登录睦邻或致电居委会查询。"
QUIET_FROM, QUIET_UNTIL = time(21, 0), time(8, 0)


def worth_a_text(message: dict[str, Any]) -> bool:
    return (str(message.get("subject_type")), str(message.get("event"))) in WORTH_A_TEXT


def text_of(message: dict[str, Any]) -> str:
    """Never the case's own words or anyone's name: the event, the tracking number, where to look."""
    tracking_no = message.get("tracking_no")
    event = WORTH_A_TEXT[(str(message["subject_type"]), str(message["event"]))]
    return f"{SIGNATURE}{event.format(no=f'（编号 {tracking_no}）' if tracking_no else '')}，{WHERE_TO_LOOK}"


def quiet_until(now: datetime) -> datetime | None:
    """The 08:00 a text held back at `now` goes out at, or None outside the quiet hours."""
    local = now.astimezone(SHANGHAI)
    if QUIET_UNTIL <= local.time() < QUIET_FROM:
        return None
    day = local.date() + timedelta(days=1) if local.time() >= QUIET_FROM else local.date()
    return datetime.combine(day, QUIET_UNTIL, tzinfo=SHANGHAI)


def shanghai_day(now: datetime) -> str:
    return now.astimezone(SHANGHAI).date().isoformat()
