"""Use cases of applications outside the workflow: write and edit a draft, read one, list
a committee's or one's own, and object during the public notice."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chalicelib import clock, idempotency
from chalicelib.auth import Principal, Role, can, require
from chalicelib.divisions.rules import is_within
from chalicelib.errors import ConflictError, ErrorDetail, ForbiddenError, NotFoundError, rule_error
from chalicelib.funds import pools, repository, rules
from chalicelib.funds.models import (
    ApplicationDetail,
    ApplicationDraft,
    ApplicationListQuery,
    ApplicationPage,
    ApplicationUpdate,
    FundChannel,
    FundObjectionCreate,
    FundStatus,
    ObjectionView,
)
from chalicelib.funds.records import Application, ApplicationRecord, Line, Objection, Pool, Team
from chalicelib.funds.views import detail_view, public_view, summary_of
from chalicelib.ids import new_id
from chalicelib.models import PageQuery
from chalicelib.privacy import keyed_digest
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.pagination import decode_cursor, encode_cursor
from chalicelib.workdays.rules import working_day_deadline
from chalicelib.workdays.service import load_calendar

NOT_FOUND = "No such application. / 没有这个自治金申报。"


def now_iso() -> str:
    return clock.iso(clock.utc_now())


def is_application_id(text: str) -> bool:
    return len(text) == 26 and text.isalnum()


def load(application_id: str) -> Application:
    found = repository.get_application(application_id) if is_application_id(application_id) else None
    if found is None:
        raise NotFoundError(NOT_FOUND)
    return found


def load_record(application_id: str) -> ApplicationRecord:
    found = repository.get_application_record(application_id) if is_application_id(application_id) else None
    if found is None:
        raise NotFoundError(NOT_FOUND)
    return found


def wrong_state(status: str, allowed: list[str] | None = None) -> ErrorDetail:
    """The detail of a 409 for an application whose status does not allow the call, with the
    actions it does allow when the caller named one."""
    message_zh = f"当前状态（{status}）不允许此操作"
    if allowed is None:
        return ErrorDetail(field="status", type="wrong_state", message=status, message_zh=message_zh)
    return ErrorDetail(field="status", type="wrong_state", message=status, message_zh=message_zh, allowed_actions=allowed)


def is_applicant(principal: Principal, application: Application) -> bool:
    if application.channel is not FundChannel.web:
        # A team that applied on paper has no account to act with: the staff who took its form
        # in take its steps (submit, withdraw, start, report), as its paper forms reach them.
        return can(principal, "fund.enter_paper", application.committee)
    return principal.role is Role.resident and principal.user_id == application.applicant_id


def team_hands_of(record: ApplicationRecord, *steps: tuple[str, str]) -> frozenset[str]:
    """The officials who took a team's step on it (paper.py: four eyes), with the (action, actor_id)
    of a step about to be written, so that the review entry written with it is exact."""
    taken = [(event.action, event.actor_id) for event in record.events]
    return rules.team_hands(record.application.channel, [*taken, *steps])


def is_team_hand(principal: Principal, record: ApplicationRecord) -> bool:
    return principal.user_id in team_hands_of(record)


def is_official_over(principal: Principal, application: Application) -> bool:
    return principal.is_official and is_within(application.committee, principal.jurisdiction or "")


def _draft_problems(body: ApplicationDraft, pool: Pool) -> None:
    """The pool's caps, checked while the team can still change its request; approval
    checks the team's cap again, atomically, against what it was granted meanwhile."""
    granted = repository.team_granted(body.committee, body.year, _team_digest(body.committee, body.team.name))
    problems = rules.cap_problems(body.requested_fen, granted, pool.per_application_cap_fen, pool.per_team_cap_fen)
    if "per_application_cap" in problems:
        raise rule_error(f"At most {pool.per_application_cap_fen} fen per application.",
                               f"每个项目申请不超过 {pool.per_application_cap_fen / 100:.2f} 元。",
                               "requested_fen", "over_application_cap")
    if "per_team_cap" in problems:
        raise rule_error(f"This team may be granted at most {pool.per_team_cap_fen} fen this year, "
                               f"{granted} fen granted already.", "该团队本年度申请总额超过上限。",
                               "requested_fen", "over_team_cap")


def _team_digest(committee: str, team_name: str) -> str:
    return keyed_digest("fund-team", f"{committee}\x00{rules.team_key(team_name)}")[:32]


def _contents(body: ApplicationDraft) -> dict[str, Any]:
    """What the team wrote, in the record's own types (team, lines), and which team it is."""
    return {
        "committee": body.committee, "year": body.year, "title": body.title, "category": body.category,
        "purpose": body.purpose, "beneficiaries": body.beneficiaries,
        "beneficiary_description": body.beneficiary_description,
        "starts_on": body.starts_on.isoformat(), "ends_on": body.ends_on.isoformat(),
        "requested_fen": body.requested_fen,
        "team": Team.model_validate(body.team.model_dump()),
        "lines": [Line.model_validate(line.model_dump()) for line in body.lines],
        "team_digest": _team_digest(body.committee, body.team.name),
    }


def _pool_for(body: ApplicationDraft) -> Pool:
    pool = repository.get_pool(body.committee, body.year, consistent=False)
    if pool is None:
        raise rule_error(pools.NO_POOL_EN, pools.NO_POOL_ZH, "year", "no_pool")
    if not rules.pool_is_open(body.year, clock.utc_now()):
        raise rule_error("The pool's year is over.", "该年度资金池已结束。", "year", "year_closed")
    return pool


def create_draft(principal: Principal, body: ApplicationDraft, idempotency_key: str | None = None) -> ApplicationDetail:
    require(principal, "fund.apply")
    key = idempotency.checked_key(idempotency_key)
    if principal.residence != body.committee:
        raise ForbiddenError("Teams apply to the committee where their lead lives, once the committee has verified it. "
                             "/ 请向您居住地、经居委会核实的居委会申报。")
    _draft_problems(body, _pool_for(body))
    if key is None:
        return _create_draft(principal, body)
    # A phone that lost the answer and sends again gets the same draft, not a second one.
    claim = idempotency.Claim(principal.user_id, key, body.model_dump(mode="json"))

    def created_already() -> dict[str, object] | None:
        draft_id = claim.holder()
        return get_application(principal, draft_id).model_dump(mode="json") if draft_id else None

    result = idempotency.once(lambda request: _create_draft(principal, body, claim).model_dump(mode="json"), key=key,
                              caller=principal.user_id, payload=claim.payload, recover=created_already)
    return ApplicationDetail.model_validate(result)


def _create_draft(principal: Principal, body: ApplicationDraft,
                  claim: idempotency.Claim | None = None) -> ApplicationDetail:
    at = now_iso()
    application = Application(
        **_contents(body), id=new_id(), applicant_id=principal.user_id, applicant_key=principal.person,
        status=FundStatus.draft, version=1, created_at=at, open_objections=0, disbursed_fen=0, advance_fen=0,
    )
    event = repository.event_put(application.id, "create", principal.user_id, principal.role.value, at, "draft",
                                 counted_for=application)
    written = ApplicationRecord(application=application, events=[repository.written_event(event)])
    try:
        repository.write([repository.application_create(application), event,
                          *([claim.put(application.id)] if claim else [])])
    except ConditionFailedError as exc:
        if 0 in exc.failed:
            # The id is new: only this request's own first try holds it, committed though
            # its answer was lost (repository.write tries again).
            return view_for(principal, written)
        # An earlier request with this key committed and lost its answer: answer with its draft.
        draft_id = claim.holder() if claim else None
        if draft_id is None:
            raise ConflictError("Please send the application again. / 请重新提交。") from exc
        return get_application(principal, draft_id)
    return view_for(principal, written)


def update_draft(principal: Principal, application_id: str, body: ApplicationUpdate) -> ApplicationDetail:
    record = load_record(application_id)
    application = record.application
    if not is_applicant(principal, application):
        raise NotFoundError(NOT_FOUND)
    if body.committee != application.committee or body.year != application.year:
        raise rule_error("An application stays with its committee and year.", "申报的居委会和年度不能更改。",
                               "committee", "immutable")
    status = application.status
    if status not in rules.EDITABLE_STATUSES:
        raise ConflictError("Only a draft or an application returned for changes can be edited. / "
                            "只有草稿或退回修改的申报可以编辑。",
                            details=[wrong_state(status.value)])
    _draft_problems(body, _pool_for(body))
    at = now_iso()
    updated = application.model_copy(update={**_contents(body), "version": application.version + 1, "updated_at": at})
    event = repository.event_put(application_id, "edit", principal.user_id, principal.role.value, at, status.value)
    try:
        repository.write([repository.application_versioned_put(updated, body.version, status), event])
    except ConditionFailedError as exc:
        raise ConflictError("The application changed meanwhile; reload it. / 申报已被更新，请刷新。") from exc
    return view_for(principal, record.written(updated, repository.written_event(event)))


def get_application(principal: Principal, application_id: str) -> ApplicationDetail:
    return view_for(principal, load_record(application_id))


def view_for(principal: Principal, record: ApplicationRecord) -> ApplicationDetail:
    application = record.application
    at = now_iso()
    applicant = is_applicant(principal, application)
    if applicant or is_official_over(principal, application):
        hand = is_team_hand(principal, record)
        allowed = rules.allowed_actions(application.status, principal.role, applicant, hand)
        return detail_view(record, at, allowed, review_by_another=hand)
    if (principal.role is Role.resident and principal.residence == application.committee
            and application.status in rules.PUBLIC_STATUSES):
        return public_view(application, record.objections, at)
    raise NotFoundError(NOT_FOUND)


def list_for_pool(principal: Principal, committee: str, year: str, query: ApplicationListQuery) -> ApplicationPage:
    committee = pools.checked_committee(committee)
    pools.require_reader(principal, committee)
    number = pools.checked_year(year)
    if principal.is_official:
        statuses = [query.status] if query.status else None
    else:
        public = sorted(rules.PUBLIC_STATUSES, key=lambda status: status.value)
        statuses = [query.status] if query.status and query.status in public else public
        if query.status and query.status not in public:
            return ApplicationPage(items=[], next_cursor=None)
    scope = f"fundapps:{committee}:{number}:{','.join(status.value for status in statuses or [])}"
    items, last = repository.applications_page(committee, number, query.limit, decode_cursor(query.cursor, scope),
                                               statuses)
    at = now_iso()
    return ApplicationPage(items=[summary_of(i, at) for i in items], next_cursor=encode_cursor(last, scope))


def list_mine(principal: Principal, query: PageQuery) -> ApplicationPage:
    require(principal, "fund.apply")
    scope = f"fundapps-mine:{principal.user_id}"
    items, last = repository.my_applications_page(principal.user_id, query.limit, decode_cursor(query.cursor, scope))
    at = now_iso()
    return ApplicationPage(items=[summary_of(i, at) for i in items], next_cursor=encode_cursor(last, scope))


def object_to(principal: Principal, application_id: str, body: FundObjectionCreate) -> ObjectionView:
    require(principal, "fund.object")
    # The timeline too: the review entry rewritten below keeps who took the team's steps.
    record = load_record(application_id)
    application = record.application
    if application.status not in rules.PUBLIC_STATUSES:
        raise NotFoundError(NOT_FOUND)
    if principal.residence is None or not is_within(principal.residence, application.committee):
        raise ForbiddenError("Only residents of this committee may object. / 仅本居委会居民可以提出异议。")
    if is_applicant(principal, application):
        # An objection stops the decision until it is answered: the team would be holding up its own grant.
        raise rule_error("A team does not object to its own application.",
                               "不能对本团队的申报提出异议。", "reason", "own_application")
    at = now_iso()
    if application.status is not FundStatus.in_notice or not rules.notice_running(application.notice_ends_at, at):
        raise rule_error(f"Objections are taken while the notice runs, until {application.notice_ends_at} "
                               "(UTC).", "不在公示期内，不能提出异议。", "reason", "outside_window")
    # The inbox key, opaque like every recipient, so the answer reaches the objector.
    objection = Objection(application_id=application_id, id=new_id(), reason=body.reason, filed_at=at,
                          objector_key=principal.person)
    # One objection per person: by account, since a number is theirs to change.
    objector = keyed_digest("fund-objector", f"user:{principal.user_id}")
    try:
        repository.write([
            repository.objection_filed(application_id, application.notice_ends_at or "", at),
            repository.objector_put(application_id, objector),
            repository.objection_put(objection),
            repository.event_put(application_id, "object", principal.user_id, principal.role.value, at, "in_notice"),
            # Objections wait for the committee's answer; racing objections write the same entry.
            review_entry(application.model_copy(update={"open_objections": application.open_objections + 1}), at,
                         team_hands_of(record)),
        ])
    except ConditionFailedError as exc:
        if 1 in exc.failed:
            raise ConflictError("You have objected to this application already. / 您已对该申报提出过异议。") from exc
        raise rule_error("The public notice has ended.", "公示期已结束。", "reason", "outside_window") from exc
    return ObjectionView(id=objection.id, reason=body.reason, filed_at=at)


def review_entry(application: Application, at: str, team_hands: frozenset[str]) -> dict[str, Any]:
    """The review-queue entry a change of the application writes in its own transaction, with the
    officials who took the team's steps (team_hands_of), whom the queue offers no review step."""
    waiting = rules.awaiting(application.status, application.open_objections, application.notice_ends_at, at)
    due = None if waiting is None else clock.iso(working_day_deadline(
        datetime.fromisoformat(waiting[1]), rules.REVIEW_WORKING_DAYS, load_calendar()))
    return repository.review_entry_put(application, at, due, team_hands)
