"""The completion report: actual spending per line, each expense backed by its receipts."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.errors import ErrorDetail, RuleViolationError
from chalicelib.funds.models import FundActionRequest
from chalicelib.funds.records import Application, Report, Spending
from chalicelib.uploads.service import keep_photos, keep_receipts, verify_photos, verify_receipts


def _problem(field: str, kind: str, message: str, message_zh: str) -> ErrorDetail:
    return ErrorDetail(field=field, type=kind, message=message, message_zh=message_zh)


def completion_report(principal: Principal, application: Application, body: FundActionRequest,
                      now_iso: str) -> Report:
    """The report as stored, once every line it names exists and every payment has a
    receipt the team uploaded; the files are copied out of the expiring upload area."""
    report = body.report
    assert report is not None  # REQUIRED_FIELDS made sure
    problems = []
    for index, expense in enumerate(report.expenses):
        if expense.line >= len(application.lines):
            problems.append(_problem(f"report.expenses.{index}.line", "unknown_line", "No such line item.", "没有这一预算项。"))
        elif expense.actual_fen > 0 and not expense.receipts:
            problems.append(_problem(f"report.expenses.{index}.receipts", "receipt_required",
                                     "Every expense needs its receipt.", "每笔支出都需要上传票据。"))
    if problems:
        raise RuleViolationError("The report is incomplete. / 结项报告不完整。", details=problems)
    subject = f"fund_applications/{application.id}/v{application.version}"
    # Everything is verified before anything is copied, so a refused report leaves no files.
    receipts = [verify_receipts(principal.user_id, list(expense.receipts), field=f"report.expenses.{index}.receipts")
                for index, expense in enumerate(report.expenses)]
    photos = verify_photos(principal.user_id, list(report.photos), field="report.photos")
    kept_receipts = [keep_receipts(refs, f"{subject}/line{expense.line}")
                     for refs, expense in zip(receipts, report.expenses, strict=True)]
    kept_photos = keep_photos(photos, subject)
    return Report(
        expenses=[Spending(line=e.line, actual_fen=e.actual_fen, receipts=kept)
                  for e, kept in zip(report.expenses, kept_receipts, strict=True)],
        participants=report.participants,
        outcome=report.outcome,
        photos=kept_photos,
        reported_at=now_iso,
    )
