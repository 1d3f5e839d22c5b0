"""Use cases of a round: create it, list and show it, propose and review projects, keep
the roster and the paper codes, take objections, report progress and evaluate (closing and
cancelling are transitions.py's)."""

from __future__ import annotations

from typing import Any

from chalicelib import clock, idempotency
from chalicelib.auth import Principal, Role, require
from chalicelib.divisions.rules import is_within
from chalicelib.errors import (
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    ServiceUnavailableError,
    ValidationFailedError,
    rule_error,
)
from chalicelib.ids import new_id
from chalicelib.privacy import keyed_digest
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.voting import repository, rules
from chalicelib.voting.models import (
    ROSTER_VERIFY_LIMIT,
    SELECTION_K,
    CodeRequest,
    CodeSheet,
    EvaluationCreate,
    Phase,
    ProgressUpdate,
    Project,
    ProjectReview,
    ProjectStatus,
    ProposalCreate,
    RosterReceipt,
    RosterUpload,
    RoundCreate,
    RoundDetail,
    RoundKind,
    RoundListQuery,
    RoundObjectionCreate,
    RoundPage,
    SelectionRule,
)
from chalicelib.voting.records import (
    EligibilityRecord,
    EvaluationRecord,
    MethodRecord,
    ObjectionRecord,
    ProgressRecord,
    ProjectRecord,
    RoundContents,
    RoundRecord,
    RoundSchedule,
    RoundStatus,
)
from chalicelib.voting.views import detail_of, project_view, summary_of

NOT_FOUND = "No such round. / 没有这个投票活动。"
# Position of the idempotency claim in a proposal's transaction.
PROPOSAL_CLAIM_ITEM = 3


def now_iso() -> str:
    return clock.iso(clock.utc_now())


def phase_of(round_record: RoundRecord) -> Phase:
    return rules.current_phase(round_record.schedule, round_record.status, now_iso())


def is_round_id(round_id: str) -> bool:
    # Anything else cannot name a round: answered 404 without a read.
    return len(round_id) == 26 and round_id.isalnum()


def load_round(round_id: str) -> RoundRecord:
    found = repository.get_round(round_id) if is_round_id(round_id) else None
    if found is None:
        raise NotFoundError(NOT_FOUND)
    return found


def load_contents(round_id: str) -> tuple[RoundRecord, RoundContents]:
    """The round with all its partition holds, in one Query."""
    contents = repository.get_round_contents(round_id) if is_round_id(round_id) else RoundContents()
    if contents.round is None:
        raise NotFoundError(NOT_FOUND)
    return contents.round, contents


def require_manager(principal: Principal, round_record: RoundRecord) -> None:
    """Officials act on rounds inside their jurisdiction; elsewhere the round does not exist for them."""
    require(principal, "round.manage", round_record.scope)


def in_phase(round_record: RoundRecord, action: str, what: str) -> None:
    """Residents act inside the window of the phase the action belongs to (rules.ACTION_WINDOWS)."""
    starts, ends = window = round_record.schedule.window(rules.ACTION_WINDOWS[action])
    if not rules.in_window(window, now_iso()):
        raise rule_error(f"{what} is open from {starts} to {ends} (UTC).", "不在规定时间内。", "phase",
                         "outside_window")


def voter_identity(principal: Principal) -> str:
    """One ballot, proposal and evaluation per account: a person is their `sub`, never a
    number they can change."""
    return f"user:{principal.user_id}"


def roster_voter(round_id: str, principal: Principal) -> str | None:
    """The voter record a roster entry holds, for a resident who votes by being on the roster:
    a roster number casts one ballot, whichever account has proven it."""
    if not principal.verified_phone:
        return None
    return keyed_digest(f"voter:{round_id}", f"roster:{principal.verified_phone}")


def eligibility_of(principal: Principal, round_record: RoundRecord) -> str | None:
    """How a resident may take part: "residence" (verified in the scope), "roster" (a number
    they have proven is on the round's roster), or None."""
    eligibility = round_record.eligibility
    if eligibility.accounts and principal.residence and is_within(principal.residence, round_record.scope):
        return "residence"
    if holds_roster_number(principal, round_record):
        return "roster"
    return None


def holds_roster_number(principal: Principal, round_record: RoundRecord) -> bool:
    """Whether the number the resident has proven is on the round's roster (whatever else makes them eligible)."""
    return bool(round_record.eligibility.roster and principal.verified_phone and repository.on_roster(
        round_record.id, keyed_digest("roster-phone", principal.verified_phone)))


def is_eligible_resident(principal: Principal, round_record: RoundRecord) -> bool:
    return eligibility_of(principal, round_record) is not None


def require_eligible_resident(principal: Principal, round_record: RoundRecord) -> str:
    if principal.role is not Role.resident:
        raise ForbiddenError()
    how = eligibility_of(principal, round_record)
    if how is None:
        raise ForbiddenError("You are not on this round's list of voters. / 您不在本次活动的参与范围内。")
    return how


# --- rounds -----------------------------------------------------------------------------


def create_round(principal: Principal, body: RoundCreate) -> RoundDetail:
    selection = body.kind is RoundKind.selection
    require(principal, "round.select" if selection else "round.manage", body.scope)
    problems = rules.schedule_problems(body.schedule)
    if problems:
        raise ValidationFailedError(details=[ErrorDetail(field=p.split(":")[0], type="value_error", message=p,
                                                         message_zh="各阶段时间应依次衔接、不得重叠") for p in problems])
    at = now_iso()
    round_id = new_id()
    record = RoundRecord(
        id=round_id,
        kind=body.kind,
        year=body.year,
        scope=body.scope,
        title=body.title,
        description=body.description,
        budget_fen=body.budget_fen or 0,
        schedule=RoundSchedule.model_validate(
            {name: (clock.iso(rules.to_utc(getattr(body.schedule, name).starts)),
                    clock.iso(rules.to_utc(getattr(body.schedule, name).ends)))
             for name in rules.WINDOWED_PHASES}),
        method=MethodRecord.model_validate(
            {**body.method.model_dump(), **({"max_picks": body.method.max_picks or SELECTION_K} if selection else {})}),
        rule=body.rule or (SelectionRule.top_k if selection else SelectionRule.greedy),
        eligibility=EligibilityRecord.model_validate(body.eligibility.model_dump()),
        allow_ballot_change=body.allow_ballot_change,
        status=RoundStatus.open,
        version=1,
        created_by=principal.user_id,
        created_at=at,
    )
    try:
        repository.write([
            repository.round_new_put(record),
            repository.division_exists_check(body.scope),
            repository.audit(round_id, "create", principal.user_id, principal.role.value, after={"scope": body.scope}),
        ])
    except ConditionFailedError as exc:
        raise rule_error("No such division.", "没有这个区划。", "scope", "unknown_division") from exc
    return get_round(principal, round_id)


def list_rounds(query: RoundListQuery) -> RoundPage:
    items = []
    for scope in rules.ScopeLevels(query.division).codes():
        items += [summary_of(r, phase_of(r)) for r in repository.list_rounds(scope)]
    return RoundPage(items=items)


def get_round(principal: Principal | None, round_id: str) -> RoundDetail:
    record, contents = load_contents(round_id)
    official = principal is not None and principal.is_official and is_within(record.scope, principal.jurisdiction or "")
    from chalicelib.uploads.service import photo_links

    return detail_of(record, contents, phase_of(record), official, photo_links)


# --- projects ---------------------------------------------------------------------------


def propose_project(principal: Principal, round_id: str, body: ProposalCreate,
                    idempotency_key: str | None = None) -> Project:
    key = idempotency.checked_key(idempotency_key)
    record = load_round(round_id)
    official = principal.is_official
    if official:
        # Staff enter a proposal a resident made on paper, or officials add one directly.
        require_manager(principal, record)
    else:
        require_eligible_resident(principal, record)
        in_phase(record, "propose", "Proposing")
    if record.kind is RoundKind.selection:
        raise rule_error("A selection's candidates are nominated by their committees.", "评选项目由居委会提名。",
                         "round", "nominations_only")
    if official and not rules.may_act("add_project", phase_of(record)):
        raise rule_error("Projects are added before voting starts.", "投票开始后不能再添加项目。", "phase", "outside_window")
    if key is None:
        return _propose(principal, round_id, body, official)
    # A phone that lost the answer and sends again gets the same project, not a second one;
    # the round is in the payload, so one key cannot propose to two rounds.
    claim = idempotency.Claim(principal.user_id, key, {"round": round_id, **body.model_dump(mode="json")})

    def proposed_already() -> dict[str, Any] | None:
        project = _claimed_project(round_id, claim)
        return project.model_dump(mode="json") if project else None

    def propose(request: dict[str, Any]) -> dict[str, Any]:
        return _propose(principal, round_id, body, official, claim).model_dump(mode="json")

    result = idempotency.once(propose, key=key, caller=principal.user_id, payload=claim.payload,
                              recover=proposed_already)
    return Project.model_validate(result)


def _claimed_project(round_id: str, claim: idempotency.Claim) -> Project | None:
    project_id = claim.holder()
    project = repository.get_project(round_id, project_id) if project_id else None
    return project_view(project) if project else None


def _propose(principal: Principal, round_id: str, body: ProposalCreate, official: bool,
             claim: idempotency.Claim | None = None) -> Project:
    project_id = new_id()
    photos: list[str] = []
    if body.photos:
        from chalicelib.uploads.service import keep_photos, verify_photos

        photos = keep_photos(verify_photos(principal.user_id, body.photos), f"rounds/{round_id}/{project_id}")
    project = ProjectRecord(
        id=project_id,
        title=body.title,
        description=body.description,
        location=body.location,
        estimated_cost_fen=body.estimated_cost_fen,
        status=ProjectStatus.proposed,
        photos=photos,
        added_by_official=official,
        proposer=keyed_digest("proposer", voter_identity(principal)) if not official else None,
        entered_by=principal.user_id if official else None,
        submitted_at=now_iso(),
        version=1,
    )
    try:
        repository.write([
            repository.project_new_put(round_id, project),
            repository.round_exists_check(round_id),
            repository.audit(round_id, "propose", principal.user_id, principal.role.value, after={"project": project_id}),
            *([claim.put(project_id)] if claim else []),
        ])
    except Exception as exc:
        if photos:
            from chalicelib.uploads.service import discard_kept

            discard_kept(photos)
        if claim is not None and isinstance(exc, ConditionFailedError) and PROPOSAL_CLAIM_ITEM in exc.failed:
            # An earlier try under this key committed and its answer was lost: answer with its project.
            earlier = _claimed_project(round_id, claim)
            if earlier is not None:
                return earlier
            raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
        raise
    return project_view(project)


def review_project(principal: Principal, round_id: str, project_id: str, body: ProjectReview) -> Project:
    record = load_round(round_id)
    require_manager(principal, record)
    if not rules.may_act("review_project", phase_of(record)):
        raise rule_error("Feasibility is decided before voting starts.", "投票开始后不能再审核项目。", "phase",
                         "outside_window")
    missing: list[str] = []
    # A selection's candidate has no cost to set: its spending was copied when it was nominated.
    selection = record.kind is RoundKind.selection
    if body.feasible and body.final_cost_fen is None and not selection:
        missing.append("final_cost_fen")
    if not body.feasible and body.reason is None:
        missing.append("reason")
    if missing:
        raise ValidationFailedError(details=[ErrorDetail(field=f, type="missing", message="required for this decision",
                                                         message_zh="此审核结论必须填写") for f in missing])
    project = repository.get_project(round_id, project_id) if len(project_id) == 26 else None
    if project is None:
        raise NotFoundError("No such project. / 没有这个项目。")
    if body.version is not None and body.version != project.version:
        raise ConflictError(f"The project changed (now version {project.version}). / 项目已被他人更新。")
    if body.feasible and body.final_cost_fen and body.final_cost_fen > record.budget_fen and not selection:
        raise rule_error("The final cost is over the round's whole budget.", "核定金额超过活动总预算。", "final_cost_fen")
    updated = project.model_copy(update={
        "status": ProjectStatus.feasible if body.feasible else ProjectStatus.infeasible,
        "final_cost_fen": (project.final_cost_fen if selection else body.final_cost_fen) if body.feasible else None,
        "review_reason": body.reason,
        "version": project.version + 1,
    })
    try:
        repository.write([
            repository.project_versioned_put(round_id, updated, project),
            repository.audit(round_id, "review", principal.user_id, principal.role.value,
                             after={"project": project_id, "status": updated.status.value,
                                    "final_cost_fen": updated.final_cost_fen}, reason=body.reason),
        ])
    except ConditionFailedError as exc:
        raise ConflictError("The project changed meanwhile. / 项目已被他人更新。") from exc
    return project_view(updated)


# --- roster and paper codes -------------------------------------------------------------


def _voter_list_open(principal: Principal, round_id: str, way: str, unused: tuple[str, str]) -> RoundRecord:
    """The round, if its officials may still add voters of this `way` (roster or paper codes)."""
    record = load_round(round_id)
    require_manager(principal, record)
    if not record.eligibility.allows(way):
        raise rule_error(*unused, "eligibility")
    if not rules.may_act("add_voters", phase_of(record)):
        raise rule_error("Voters are added before voting ends.", "投票结束后不能再增加投票人。", "phase", "outside_window")
    return record


def add_to_roster(principal: Principal, round_id: str, body: RosterUpload) -> RosterReceipt:
    record = _voter_list_open(principal, round_id, "roster", ("This round does not use a roster.", "本次活动不使用名册。"))
    if body.verify_residence:
        if len(record.scope) != 12:
            raise rule_error("Only a committee's roster verifies residences.", "只有居委会的名册可以核验居住地。",
                             "verify_residence")
        if len(body.phones) > ROSTER_VERIFY_LIMIT:
            raise rule_error(f"Verify residences {ROSTER_VERIFY_LIMIT} numbers at a time.",
                             f"核验居住地时每次最多{ROSTER_VERIFY_LIMIT}个号码。", "phones")
    digests = sorted({keyed_digest("roster-phone", phone) for phone in body.phones})
    repository.put_many([repository.roster_item(round_id, d) for d in digests])
    verified = 0
    if body.verify_residence:
        from chalicelib.residence.service import preverify_from_roster

        verified = preverify_from_roster(principal, record.scope, body.phones)
    return RosterReceipt(round_id=round_id, added=len(digests), residences_verified=verified)


def generate_codes(principal: Principal, round_id: str, body: CodeRequest) -> CodeSheet:
    _voter_list_open(principal, round_id, "paper_codes", ("This round does not use paper codes.", "本次活动不使用纸质投票码。"))
    codes = [rules.new_code() for _ in range(body.count)]
    repository.put_codes([repository.code_item(round_id, keyed_digest("voting-code", c)) for c in codes])
    return CodeSheet(round_id=round_id, codes=codes)


# --- objections, progress, evaluation ---------------------------------------------------


def object_to_result(principal: Principal, round_id: str, body: RoundObjectionCreate) -> dict[str, str]:
    record = load_round(round_id)
    require_eligible_resident(principal, record)
    in_phase(record, "object", "Objecting")
    objection = ObjectionRecord(id=new_id(), at=now_iso(), text=body.text, project_id=body.project_id)
    repository.write([repository.objection_put(round_id, objection)])
    return {"id": objection.id, "at": objection.at}


def _selected_project(contents: RoundContents, project_id: str) -> None:
    if contents.result is None or project_id not in contents.result.selected():
        raise rule_error("Only a selected project has progress and evaluations.", "只有入选项目可以更新进度和评价。",
                         "project_id", "not_selected")


def report_progress(principal: Principal, round_id: str, body: ProgressUpdate) -> RoundDetail:
    record = load_round(round_id)
    require_manager(principal, record)
    if not rules.may_act("report_progress", phase_of(record)):
        raise rule_error("Progress is reported after the result.", "公布结果后方可更新实施进度。", "phase", "outside_window")
    _selected_project(repository.get_round_contents(round_id), body.project_id)
    photos: list[str] = []
    at = now_iso()
    update_id = new_id()
    if body.photos:
        from chalicelib.uploads.service import keep_photos, verify_photos

        photos = keep_photos(verify_photos(principal.user_id, body.photos), f"rounds/{round_id}/progress/{update_id}")
    repository.write([
        repository.progress_put(round_id, update_id, ProgressRecord(
            project_id=body.project_id, at=at, status=body.status, percent=body.percent, note=body.note,
            photos=photos)),
        repository.audit(round_id, "progress", principal.user_id, principal.role.value,
                         after={"project": body.project_id, "status": body.status, "percent": body.percent}),
    ])
    return get_round(principal, round_id)


def evaluate_project(principal: Principal, round_id: str, body: EvaluationCreate) -> dict[str, Any]:
    record = load_round(round_id)
    require_eligible_resident(principal, record)
    in_phase(record, "evaluate", "Evaluation")
    _selected_project(repository.get_round_contents(round_id), body.project_id)
    at = now_iso()
    evaluator = keyed_digest(f"evaluator:{round_id}", voter_identity(principal))
    try:
        repository.write([
            repository.evaluator_record_put(round_id, evaluator, body.project_id),
            repository.evaluation_put(round_id, new_id(), EvaluationRecord(
                project_id=body.project_id, score=body.score, comment=body.comment)),
        ])
    except ConditionFailedError as exc:
        raise ConflictError("You have already evaluated this project. / 您已评价过该项目。") from exc
    return {"round_id": round_id, "project_id": body.project_id, "score": body.score, "at": at}
