"""What applicants, officials and residents see of pools and applications, and what the
applicant is told at each step."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chalicelib.funds import rules
from chalicelib.funds.models import (
    CATEGORY_NAMES_ZH,
    ApplicationDetail,
    ApplicationSummary,
    Category,
    ExpenseView,
    LedgerEntry,
    LineView,
    ObjectionView,
    Pool,
    ReportView,
    Status,
    TimelineEvent,
)


def pool_of(item: dict[str, Any], now: datetime) -> Pool:
    fields = {k: v for k, v in item.items() if k in Pool.model_fields}
    return Pool.model_validate({**fields, "is_open": rules.pool_is_open(int(item["year"]), now)})


def ledger_entry_of(item: dict[str, Any]) -> LedgerEntry:
    return LedgerEntry.model_validate({k: v for k, v in item.items() if k in LedgerEntry.model_fields})


def _lines(application: dict[str, Any]) -> list[LineView]:
    return [LineView(total_fen=line["unit_price_fen"] * line["quantity"], **line) for line in application["lines"]]


def _report(application: dict[str, Any]) -> ReportView | None:
    report = application.get("report")
    if not report:
        return None
    lines = application["lines"]
    expenses = [ExpenseView(line=e["line"], item=lines[e["line"]]["item"],
                            planned_fen=lines[e["line"]]["unit_price_fen"] * lines[e["line"]]["quantity"],
                            actual_fen=e["actual_fen"], receipt_count=len(e.get("receipts", [])))
                for e in report["expenses"]]
    return ReportView(expenses=expenses, actual_total_fen=sum(e.actual_fen for e in expenses),
                      participants=report["participants"], outcome=report["outcome"],
                      photo_count=len(report.get("photos", [])), reported_at=report["reported_at"])


def _objections(objections: list[dict[str, Any]]) -> list[ObjectionView]:
    # An objection is shown without who filed it: residents object without fear of their neighbours.
    return [ObjectionView(id=o["id"], reason=o["reason"], filed_at=o["filed_at"], answer=o.get("answer"),
                          answered_at=o.get("answered_at")) for o in sorted(objections, key=lambda o: o["id"])]


def public_of(application: dict[str, Any], objections: list[dict[str, Any]], now_iso: str) -> dict[str, Any]:
    status = Status(application["status"])
    return {
        "id": application["id"], "committee": application["committee"], "year": application["year"],
        "team_name": application["team"]["name"], "title": application["title"],
        "category": application["category"], "category_zh": CATEGORY_NAMES_ZH[Category(application["category"])],
        "purpose": application["purpose"], "beneficiaries": application["beneficiaries"],
        "starts_on": application["starts_on"], "ends_on": application["ends_on"], "lines": _lines(application),
        "requested_fen": application["requested_fen"], "status": status,
        "phase": rules.phase(status, application.get("notice_ends_at"), now_iso),
        "notice_ends_at": application.get("notice_ends_at"), "approved_fen": application.get("approved_fen"),
        "disbursed_fen": application.get("disbursed_fen", 0), "report": _report(application),
        "objections": _objections(objections),
    }


def public_view(application: dict[str, Any], objections: list[dict[str, Any]], now_iso: str) -> ApplicationDetail:
    return ApplicationDetail(view="public", **public_of(application, objections, now_iso))


def detail_view(application: dict[str, Any], events: list[dict[str, Any]], objections: list[dict[str, Any]],
                now_iso: str, allowed: list[str]) -> ApplicationDetail:
    timeline = [TimelineEvent(at=e["at"], action=e["action"], status=e.get("status"), actor_role=e["actor_role"],
                              reason=e.get("reason"), amount_fen=e.get("amount_fen"))
                for e in sorted(events, key=lambda e: e["SK"])]
    return ApplicationDetail(
        **public_of(application, objections, now_iso), version=application["version"], team=application["team"],
        beneficiary_description=application.get("beneficiary_description"), created_at=application["created_at"],
        submitted_at=application.get("submitted_at"), advance_fen=application.get("advance_fen", 0),
        open_objections=application.get("open_objections", 0), last_comment=application.get("last_comment"),
        allowed_actions=allowed, timeline=timeline,
    )


def summary_of(application: dict[str, Any], now_iso: str) -> ApplicationSummary:
    status = Status(application["status"])
    return ApplicationSummary(
        id=application["id"], committee=application["committee"], year=application["year"],
        team_name=application["team"]["name"], title=application["title"], category=application["category"],
        requested_fen=application["requested_fen"], approved_fen=application.get("approved_fen"), status=status,
        phase=rules.phase(status, application.get("notice_ends_at"), now_iso),
        notice_ends_at=application.get("notice_ends_at"), created_at=application["created_at"],
    )


TEXTS: dict[str, tuple[str, str]] = {
    "submit": ("您的自治金申报「{title}」已提交，等待居委会审核。", "Your fund application “{title}” was submitted for review."),
    "return_for_changes": ("您的自治金申报「{title}」被退回修改，请查看意见。",
                           "Your fund application “{title}” was returned for changes; see the comments."),
    "recommend": ("您的自治金申报「{title}」已进入公示。", "Your fund application “{title}” is on public notice."),
    "approve": ("您的自治金申报「{title}」已获批准。", "Your fund application “{title}” was approved."),
    "reject": ("您的自治金申报「{title}」未获批准，原因见详情。",
               "Your fund application “{title}” was not approved; see the reason."),
    "fund": ("您的自治金项目「{title}」资金已拨付。", "Funds for “{title}” have been paid."),
    "return": ("您的自治金项目「{title}」结项报告被退回，请查看意见。",
               "The completion report of “{title}” was returned; see the comments."),
    "accept": ("您的自治金项目「{title}」已通过验收。", "“{title}” passed its acceptance check."),
    "close": ("您的自治金项目「{title}」已结项。", "“{title}” is closed."),
    "cancel": ("您的自治金项目「{title}」已取消，原因见详情。", "“{title}” was cancelled; see the reason."),
}


def message_for(application: dict[str, Any], event: str) -> dict[str, Any] | None:
    if event not in TEXTS:
        return None
    zh, en = TEXTS[event]
    return {"subject_type": "fund_application", "subject_id": application["id"], "event": event,
            "status": application["status"], "text": zh.format(title=application["title"]),
            "text_en": en.format(title=application["title"])}


def objection_message(application: dict[str, Any], answer: str) -> dict[str, Any]:
    return {"subject_type": "fund_application", "subject_id": application["id"], "event": "objection_answered",
            "status": application["status"],
            "text": f"您对自治金申报「{application['title']}」提出的异议已答复：{answer}",
            "text_en": f"Your objection to the fund application “{application['title']}” was answered: {answer}"}
