"""What a resident is told at each step of their case, in Chinese and English."""

from __future__ import annotations

from typing import Any

from chalicelib.suggestions.models import Case

TEXTS: dict[str, tuple[str, str]] = {
    "submit": ("您的建议（编号 {no}）已收到，我们将在规定期限内受理和答复。",
               "Your suggestion {no} has been received; it will be acknowledged and answered within the set time."),
    "accept": ("您的建议（编号 {no}）已受理。", "Your suggestion {no} has been accepted."),
    "decline": ("您的建议（编号 {no}）不予受理，原因见详情。",
                "Your suggestion {no} was declined; see the reason in its details."),
    "assign": ("您的建议（编号 {no}）已交办承办单位。",
               "Your suggestion {no} has been assigned to the body that will handle it."),
    "transfer": ("您的建议（编号 {no}）已转至其他街道办理。", "Your suggestion {no} has been transferred to another street."),
    "return": ("您的建议（编号 {no}）已退回原办理单位。",
               "Your suggestion {no} was returned to the body that handled it before."),
    "merge": ("您的建议（编号 {no}）已与相同建议并案办理，答复将一并发送给您。",
              "Your suggestion {no} was merged with a similar one; you will receive its reply."),
    "reply": ("您的建议（编号 {no}）已答复，欢迎评价。", "Your suggestion {no} has been answered; please rate the reply."),
    "extend": ("您的建议（编号 {no}）答复期限已延长。", "The reply deadline of your suggestion {no} has been extended."),
    "close": ("您的建议（编号 {no}）已办结。", "Your suggestion {no} has been closed."),
    "reopen": ("您的建议（编号 {no}）已重新办理。", "Your suggestion {no} has been reopened."),
}


def notice_for(case: Case, event: str) -> dict[str, Any]:
    zh, en = TEXTS[event]
    return {
        "subject_type": "suggestion",
        "subject_id": case.id,
        "tracking_no": case.tracking_no,
        "event": event,
        "status": case.status.value,
        "text": zh.format(no=case.tracking_no),
        "text_en": en.format(no=case.tracking_no),
    }
