"""A team's application typed in by staff from its paper form (or a meeting's decision).

The draft is the team's: the official who entered it is its applicant_id, the lead's number
(if the form gives one) decides whose inbox hears of its steps, and officials over the
committee take the team's steps (applications.is_applicant). The pool's rules and caps are
the lead's own route's; only who may enter it differs.

Four eyes (四眼原则): since officials act for the team, one of them could otherwise type a
request in, recommend it, approve and pay it, file its report and accept it alone. So an
official who took any of the team's hands in it (entered or edited it, submitted or reported
it: rules.TEAM_HAND_EVENTS, read from the timeline) takes none of the steps that check the
team or move its money (rules.ANOTHER_OFFICIALS): returning it for changes, recommending it,
approving or rejecting it, paying the advance, returning or accepting its report. Every team
step bars every such step, not only the next one: the request and the report are one claim
on the pool (acceptance pays what the report says, up to what was approved). Withdrawing and
starting move nothing; answering objections, closing and cancelling (which gives money back)
stay open to them. The refusal is 403 `forbidden` (workflow.FOUR_EYES), and the detail leaves
the barred steps out of allowed_actions and says why (review_by_another).

The lead's consent to texts (sms_consent, default yes) lets decisions be texted to
lead_phone while no account holds the number (texts/service.py decides, as for suggestions).
"""

from __future__ import annotations

from typing import Any

from chalicelib import idempotency
from chalicelib.auth import Principal, is_someone, pending_owner_key, person_key, require
from chalicelib.errors import ConflictError, ForbiddenError, NotFoundError
from chalicelib.funds import applications, repository
from chalicelib.funds.models import ApplicationDetail, FundChannel, FundStatus, PaperApplicationEntry
from chalicelib.funds.records import Application, ApplicationRecord
from chalicelib.ids import new_id
from chalicelib.storage import traces
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.uploads.models import ReceiptUploadForm, ReceiptUploadRequest

# A form without a number reaches nobody's inbox (auth.is_someone).
NOBODY = ""


def _lead_key(phone: str | None) -> str:
    """The inbox of the lead: the resident who holds the number as verified, or whoever proves it later."""
    if phone is None:
        return NOBODY
    from chalicelib import directory

    holder = directory.find_by_verified_phone(directory.residents_pool_id(), phone)
    return person_key(directory.attributes_of(holder)["sub"]) if holder else pending_owner_key(phone)


def enter_paper_application(principal: Principal, body: PaperApplicationEntry,
                            idempotency_key: str | None = None) -> ApplicationDetail:
    """A draft of the team's, for committee staff or the street over the committee; outside
    their jurisdiction the committee is not found. Meetings' decisions call this too."""
    require(principal, "fund.enter_paper", body.committee)
    key = idempotency.checked_key(idempotency_key)
    applications._draft_problems(body, applications._pool_for(body))
    scans = []
    if body.scans:
        from chalicelib.uploads.service import verify_photos

        scans = verify_photos(principal.user_id, list(body.scans), field="scans")
    if key is None:
        return _enter(principal, body, scans)
    claim = idempotency.Claim(principal.user_id, key, body.model_dump(mode="json"))

    def entered_already() -> dict[str, object] | None:
        draft_id = claim.holder()
        return applications.get_application(principal, draft_id).model_dump(mode="json") if draft_id else None

    result = idempotency.once(lambda request: _enter(principal, body, scans, claim).model_dump(mode="json"), key=key,
                              caller=principal.user_id, payload=claim.payload, recover=entered_already)
    return ApplicationDetail.model_validate(result)


def _enter(principal: Principal, body: PaperApplicationEntry, scans: list[Any],
           claim: idempotency.Claim | None = None) -> ApplicationDetail:
    application_id = new_id()
    kept: list[str] = []
    if scans:
        from chalicelib.uploads.service import keep_photos

        # Copied before the draft is written, so a draft never cites a scan that is not kept.
        kept = keep_photos(scans, f"funds/{application_id}/scans")
    try:
        return _write(principal, body, application_id, kept, claim)
    except Exception:
        if kept:
            from chalicelib.uploads.service import discard_kept

            discard_kept(kept)
        raise


def _write(principal: Principal, body: PaperApplicationEntry, application_id: str, scans: list[str],
           claim: idempotency.Claim | None) -> ApplicationDetail:
    at = applications.now_iso()
    application = Application(
        **applications._contents(body), id=application_id, applicant_id=principal.user_id,
        applicant_key=_lead_key(body.lead_phone), status=FundStatus.draft, version=1, created_at=at,
        open_objections=0, disbursed_fen=0, advance_fen=0, channel=body.channel, lead_phone=body.lead_phone,
        sms_consent=body.sms_consent and body.lead_phone is not None, scans=scans,
    )
    # The timeline's first step says who typed it in (their role) and from what (the channel).
    event = repository.event_put(application.id, "enter", principal.user_id, principal.role.value, at, "draft",
                                 counted_for=application, channel=body.channel.value)
    written = ApplicationRecord(application=application, events=[repository.written_event(event)])
    # The lead's number is theirs to export and erase: the trace lets their account (or
    # whoever proves the number later) find the application without any index of phones.
    lead = [traces.trace_put(application.applicant_key, traces.FUND_APPLICATION, application.id)
            ] if is_someone(application.applicant_key) else []
    try:
        repository.write([repository.application_create(application), event,
                          *([claim.put(application.id)] if claim else []), *lead])
    except ConditionFailedError as exc:
        if 0 in exc.failed:
            # This request's own first try committed and lost its answer (repository.write retries).
            return applications.view_for(principal, written)
        draft_id = claim.holder() if claim else None
        if draft_id is None:
            raise ConflictError("Please send the application again. / 请重新提交。") from exc
        return applications.get_application(principal, draft_id)
    return applications.view_for(principal, written)


def start_receipt_upload(principal: Principal, application_id: str, body: ReceiptUploadRequest) -> ReceiptUploadForm:
    """A receipt form for the officials who file a paper team's completion report; the form is
    the official's own upload, which the report then verifies as theirs (reports.py). A web
    application's receipts are its lead's: officials over it are refused, others do not see it."""
    application = applications.load(application_id)
    if application.channel is FundChannel.web or not applications.is_applicant(principal, application):
        if applications.is_official_over(principal, application):
            raise ForbiddenError("Only a team without an account has its receipts uploaded by staff. / "
                                 "仅纸质或议事会申报可由工作人员代传票据。")
        raise NotFoundError(applications.NOT_FOUND)
    from chalicelib.uploads.service import receipt_form

    return receipt_form(principal, body)
