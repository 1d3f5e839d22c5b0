"""What applicants, officials and residents see of pools and applications, and what the
applicant is told at each step."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chalicelib.divisions.models import CommunityType
from chalicelib.funds import records, rules
from chalicelib.funds.models import (
    CATEGORY_NAMES_ZH,
    ApplicationDetail,
    ApplicationSummary,
    ExpenseView,
    FundChannel,
    FundTimelineEvent,
    LedgerEntry,
    LineView,
    ObjectionView,
    Pool,
    ReportView,
)
from chalicelib.funds.records import Application, ApplicationRecord, Objection
from chalicelib.privacy import mask_phone


def pool_of(pool: records.Pool, now: datetime) -> Pool:
    kind = CommunityType(pool.community_type) if pool.community_type else None
    return Pool(committee=pool.committee, year=pool.year, community_type=kind,
                allocated_fen=pool.allocated_fen, available_fen=pool.available_fen, committed_fen=pool.committed_fen,
                disbursed_fen=pool.disbursed_fen, per_application_cap_fen=pool.per_application_cap_fen,
                per_team_cap_fen=pool.per_team_cap_fen, notice_days=pool.notice_days,
                is_open=rules.pool_is_open(pool.year, now))


def ledger_entry_of(entry: records.LedgerEntry) -> LedgerEntry:
    return LedgerEntry(id=entry.id, at=entry.at, kind=entry.kind, amount_fen=entry.amount_fen,
                       application_id=entry.application_id, reason=entry.reason, actor_role=entry.actor_role)


def _lines(application: Application) -> list[LineView]:
    return [LineView(item=line.item, unit_price_fen=line.unit_price_fen, quantity=line.quantity,
                     total_fen=line.total_fen, note=line.note) for line in application.lines]


def _report(application: Application) -> ReportView | None:
    report = application.report
    if not report:
        return None
    lines = application.lines
    expenses = [ExpenseView(line=e.line, item=lines[e.line].item, planned_fen=lines[e.line].total_fen,
                            actual_fen=e.actual_fen, receipt_count=len(e.receipts))
                for e in report.expenses]
    return ReportView(expenses=expenses, actual_total_fen=sum(e.actual_fen for e in expenses),
                      participants=report.participants, outcome=report.outcome,
                      photo_count=len(report.photos), reported_at=report.reported_at)


def _objections(objections: list[Objection]) -> list[ObjectionView]:
    # An objection is shown without who filed it: residents object without fear of their neighbours.
    return [ObjectionView(id=o.id, reason=o.reason, filed_at=o.filed_at, answer=o.answer, answered_at=o.answered_at)
            for o in sorted(objections, key=lambda o: o.id)]


def public_of(application: Application, objections: list[Objection], now_iso: str) -> dict[str, Any]:
    status = application.status
    return {
        "id": application.id, "committee": application.committee, "year": application.year,
        "team_name": application.team.name, "title": application.title,
        "category": application.category, "category_zh": CATEGORY_NAMES_ZH[application.category],
        "purpose": application.purpose, "beneficiaries": application.beneficiaries,
        "starts_on": application.starts_on, "ends_on": application.ends_on, "lines": _lines(application),
        "requested_fen": application.requested_fen, "status": status,
        "phase": rules.phase(status, application.notice_ends_at, now_iso),
        "notice_ends_at": application.notice_ends_at, "approved_fen": application.approved_fen,
        "disbursed_fen": application.disbursed_fen, "report": _report(application),
        "objections": _objections(objections),
    }


def public_view(application: Application, objections: list[Objection], now_iso: str) -> ApplicationDetail:
    return ApplicationDetail(view="public", **public_of(application, objections, now_iso))


def detail_view(record: ApplicationRecord, now_iso: str, allowed: list[str],
                review_by_another: bool = False) -> ApplicationDetail:
    application = record.application
    timeline = [FundTimelineEvent(at=e.at, action=e.action, status=e.status, actor_role=e.actor_role, reason=e.reason,
                              amount_fen=e.amount_fen, channel=e.channel)
                # The order of the events' keys: their time, then their (sortable) ids.
                for e in sorted(record.events, key=lambda e: (e.at, e.event_id))]
    return ApplicationDetail(
        **public_of(application, record.objections, now_iso), version=application.version,
        team=application.team.model_dump(mode="json"), beneficiary_description=application.beneficiary_description,
        created_at=application.created_at, submitted_at=application.submitted_at,
        advance_fen=application.advance_fen, open_objections=application.open_objections,
        last_comment=application.last_comment, allowed_actions=allowed, timeline=timeline,
        channel=application.channel, scan_count=len(application.scans),
        lead_phone_masked=mask_phone(application.lead_phone) if application.lead_phone else None,
        review_by_another=review_by_another,
        sms_consent=application.sms_consent if application.channel is not FundChannel.web else None,
    )


def summary_of(application: Application, now_iso: str) -> ApplicationSummary:
    status = application.status
    return ApplicationSummary(
        id=application.id, committee=application.committee, year=application.year,
        team_name=application.team.name, title=application.title, category=application.category,
        requested_fen=application.requested_fen, approved_fen=application.approved_fen, status=status,
        phase=rules.phase(status, application.notice_ends_at, now_iso),
        notice_ends_at=application.notice_ends_at, created_at=application.created_at,
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


def message_for(application: Application, event: str) -> dict[str, Any] | None:
    if event not in TEXTS:
        return None
    zh, en = TEXTS[event]
    return {"subject_type": "fund_application", "subject_id": application.id, "event": event,
            "status": application.status.value, "text": zh.format(title=application.title),
            "text_en": en.format(title=application.title)}


def objection_message(application: Application, answer: str) -> dict[str, Any]:
    return {"subject_type": "fund_application", "subject_id": application.id, "event": "objection_answered",
            "status": application.status.value,
            "text": f"您对自治金申报「{application.title}」提出的异议已答复：{answer}",
            "text_en": f"Your objection to the fund application “{application.title}” was answered: {answer}"}
