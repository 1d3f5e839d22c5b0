"""Carrying a meeting's decision into exactly one of: a PB proposal in an open round, a fund
application draft for a named team, a suggestion to the street, or a residents' convention.

The first three are made by their own domain's service, as the official carrying it would
make them there (so that domain's permissions, phases, caps and pools apply unchanged). A
decision is carried once, across two domains, without a transaction spanning them:

1. the decision is taken for this caller and target (`reserve_carry`, a conditional update:
   carried already or taken by someone else is 409);
2. the target is made with an Idempotency-Key derived from the decision, so a caller who
   retries after a lost answer gets the same proposal, draft or suggestion back;
3. the decision records where it went, with the topics' path steps and the audit event, in
   one transaction conditional on the reservation.

If step 2 is refused (a closed round, a pool's cap, bad input), the reservation is released
and nothing changed. A convention lives here, so it is written in step 3's transaction.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ValidationError

from chalicelib.auth import Principal
from chalicelib.deliberation.models import PathStep
from chalicelib.deliberation.service import record_path_step
from chalicelib.divisions.rules import is_within
from chalicelib.errors import ConflictError, ErrorDetail, MulinError, NotFoundError, ValidationFailedError, rule_error
from chalicelib.ids import new_id
from chalicelib.meetings import repository, rules
from chalicelib.meetings.models import CarryTarget, MeetingAction, MeetingActionRequest, MeetingDetail
from chalicelib.meetings.records import Carried, ConventionRecord, DecisionRecord, MeetingRecord
from chalicelib.notifications.service import announce_written
from chalicelib.storage.dynamo import ConditionFailedError

# What the topic's path calls each target (deliberation's ref_kind).
REF_KINDS = {
    CarryTarget.pb_proposal: "round_project",
    CarryTarget.fund_application: "fund_application",
    CarryTarget.suggestion: "suggestion",
    CarryTarget.convention: "convention",
}
REFUSALS = {
    "carried": ("This decision has been carried already.", "该决议已转化，不能重复转化。"),
    "carrying": ("This decision is being carried by someone else.", "该决议正由他人转化。"),
}
TARGET_NAMES = {
    CarryTarget.pb_proposal: ("a PB proposal", "微更新项目提案"),
    CarryTarget.fund_application: ("a team's fund draft", "自治金申报草稿"),
    CarryTarget.suggestion: ("a suggestion", "人民建议"),
    CarryTarget.convention: ("a convention", "居民公约"),
}


def _refused(refusal: str, decision: DecisionRecord) -> ConflictError:
    """409 saying what holds the decision. Reserved by the caller's own earlier try for another
    target (its answer or its recording was lost), the decision waits for that try: sent again
    with its first details it finishes, and nobody else holds it."""
    if refusal == "reserved_by_you" and decision.pending_target is not None:
        en, zh = TARGET_NAMES[decision.pending_target]
        return ConflictError(f"An earlier try of yours reserved this decision to carry it into {en}: send that try "
                             f"again with its first details to finish. / 您先前的一次提交已预留该决议用于转化为{zh}，"
                             "请按当时填写的内容重新提交以完成。")
    return ConflictError(" / ".join(REFUSALS.get(refusal, REFUSALS["carrying"])))


def carry(principal: Principal, meeting_id: str, body: MeetingActionRequest) -> MeetingDetail:
    from chalicelib.meetings import service

    contents = service.managed_meeting(principal, meeting_id)
    meeting = contents.meeting
    assert meeting is not None and body.decision_id is not None and body.target is not None and body.title is not None
    service._in_state(MeetingAction.carry, meeting)
    _check_fields(body)
    decision = repository.get_decision(meeting.id, body.decision_id)
    if decision is None:
        raise NotFoundError("No such decision. / 没有这项决议。")
    refusal = rules.carry_refusal(decision, principal.user_id, body.target)
    if refusal == "not_passed":
        raise rule_error("Only a decision the room passed is carried.", "未获通过的决议不能转化。", "decision_id",
                         "decision_not_passed")
    if refusal:
        raise _refused(refusal, decision)
    # A convention is made in the carrying transaction itself, so it needs no reservation: a
    # failure anywhere leaves the decision untouched. Other targets are made in their own domain
    # first, under a key derived from the decision; the reservation keeps others off meanwhile.
    reserving = body.target is not CarryTarget.convention
    if reserving:
        try:
            repository.reserve_carry(meeting.id, decision.id, principal.user_id, body.target)
        except ConflictError as exc:
            # Taken between the read and the reservation: say by what, as read now.
            now = repository.get_decision(meeting.id, decision.id)
            raise _refused((rules.carry_refusal(now, principal.user_id, body.target) if now else None) or "carried",
                           now or decision) from exc
    try:
        ref_id, convention = _make_target(principal, meeting, decision, body)
    except MulinError as exc:
        if reserving and not _made_already(principal, decision):
            repository.write([repository.release_carry(meeting.id, decision.id, principal.user_id)])
        elif reserving:
            # An earlier try made the target and lost its recording: released, the decision could
            # be carried a second time elsewhere. It stays reserved until that target is recorded.
            raise ConflictError("This decision was carried already with other details: send them again to finish. / "
                                "该决议已按先前填写的内容转化，请按原内容重新提交以完成。") from exc
        raise
    at = service.now_iso()
    carried = Carried(target=body.target, ref_id=ref_id, at=at, by=principal.user_id)
    try:
        steps = [item for topic in meeting.topic_ids for item in
                 record_path_step(topic, PathStep.project_created, REF_KINDS[body.target], ref_id, at, principal)]
        writes = [
            repository.carried_update(meeting.id, decision.id, carried, meeting.division, reserved=reserving),
            *([repository.convention_put(convention)] if convention else []),
            repository.audit(meeting.id, "carry", principal.user_id, principal.role.value,
                             after={"decision": decision.id, "target": body.target.value, "ref": ref_id}, at=at,
                             fact={"event": "decision_carried", "division": meeting.division,
                                   "target": body.target.value}),
            *steps,
        ]
        repository.write(writes)
    except ConditionFailedError as exc:
        raise ConflictError(" / ".join(REFUSALS["carried"])) from exc
    announce_written(writes)
    # Shown from what was read and written, not read back: a read failing after the commit must
    # not answer 503 for a decision carried (its retry would be refused as carried already).
    done = replace(decision, carried=carried, pending_by=None, pending_target=None)
    return service.detail_from(principal, replace(contents, decisions=[
        done if d.id == decision.id else d for d in contents.decisions]))


def _check_fields(body: MeetingActionRequest) -> None:
    assert body.target is not None
    missing = [f for f in rules.CARRY_FIELDS[body.target] if getattr(body, f) is None]
    other = sorted(f for f in body.model_fields_set if rules.CARRY_ONLY.get(f, body.target) is not body.target)
    details = [ErrorDetail(field=f, type="missing", message=f"required to carry into {body.target.value}",
                           message_zh="转化为该类型时必须填写") for f in missing]
    details += [ErrorDetail(field=f, type="extra_forbidden", message=f"not taken when carrying into {body.target.value}",
                            message_zh="转化为该类型时不接受此字段") for f in other]
    if details:
        raise ValidationFailedError(details=details)


def _idempotency_key(decision: DecisionRecord) -> str:
    return f"meeting-decision:{decision.id}"


def _made_already(principal: Principal, decision: DecisionRecord) -> bool:
    """Whether the caller's key of this decision has made a target (its claim is held, whatever body made it)."""
    from chalicelib import idempotency

    try:
        return idempotency.Claim(principal.user_id, _idempotency_key(decision), {}).holder() is not None
    except idempotency.IdempotencyKeyReusedError:
        return True


def _validated(model: type[BaseModel], data: dict[str, Any], prefix: str) -> Any:
    from chalicelib.web.requests import describe_validation_error

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        details = describe_validation_error(exc)
        raise ValidationFailedError(details=[d.model_copy(update={"field": f"{prefix}{d.field}"}) for d in details]) from exc


def _make_target(principal: Principal, meeting: MeetingRecord, decision: DecisionRecord,
                 body: MeetingActionRequest) -> tuple[str, ConventionRecord | None]:
    assert body.title is not None
    key = _idempotency_key(decision)
    if body.target is CarryTarget.pb_proposal:
        from chalicelib.voting import service as voting
        from chalicelib.voting.models import ProposalCreate

        assert body.round_id is not None
        round_record = voting.load_round(body.round_id)
        voting.require_manager(principal, round_record)
        if not is_within(meeting.division, round_record.scope):
            raise rule_error("The round does not cover the meeting's division.", "该投票活动不覆盖本会议所在的区划。",
                             "round_id", "round_elsewhere")
        proposal = _validated(ProposalCreate, {"title": body.title, "description": decision.text[:5000],
                                               "estimated_cost_fen": body.estimated_cost_fen,
                                               **({"location": body.location} if body.location else {})}, "")
        project = voting.propose_project(principal, body.round_id, proposal, key)
        return f"{body.round_id}/{project.id}", None
    if body.target is CarryTarget.fund_application:
        from chalicelib.funds.models import FundChannel, PaperApplicationEntry
        from chalicelib.funds.service import enter_paper_application

        assert body.application is not None
        data = {"purpose": decision.text[:3000], **body.application, "title": body.title,
                "channel": FundChannel.meeting.value}
        entry = _validated(PaperApplicationEntry, data, "application.")
        if not is_within(entry.committee, meeting.division):
            raise rule_error("The team's committee is not the meeting's.", "申报团队所在居委会不属于本会议所在区划。",
                             "application.committee", "committee_elsewhere")
        application = enter_paper_application(principal, entry, key)
        return application.id, None
    if body.target is CarryTarget.suggestion:
        from chalicelib.suggestions.models import Channel, SuggestionSubmission
        from chalicelib.suggestions.service import submit_suggestion

        submission = _validated(SuggestionSubmission, {
            "title": body.title, "content": decision.text[:5000], "category": body.category,
            "division": meeting.division, "channel": Channel.meeting.value, "submitter_phone": body.submitter_phone,
            "sms_consent": body.sms_consent, **({"location": body.location} if body.location else {})}, "")
        receipt = submit_suggestion(principal, submission, key)
        return receipt.id, None
    convention = ConventionRecord(
        id=new_id(), division=meeting.division, title=body.title, text=decision.text, meeting_id=meeting.id,
        decision_id=decision.id, votes_for=decision.votes_for, votes_against=decision.votes_against,
        votes_abstain=decision.votes_abstain, published_at=_now(), published_by=principal.user_id)
    return convention.id, convention


def _now() -> str:
    from chalicelib.meetings.service import now_iso

    return now_iso()
