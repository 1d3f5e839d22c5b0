"""Nominations to a selection (十佳项目评选): a committee's staff name one of their committee's
completed projects of the selection's year, and it becomes a candidate on the ballot.

What a candidate shows (title, committee, evaluation, photos, spending) is copied from the
records it comes from, never typed in: an autonomy-fund application the street accepted (验收,
its completion report and the acceptance), or a project selected in a participatory-budgeting
round of the committee closed that year (its final cost and residents' ratings). A candidate
is feasible as nominated, since the checks here are its review; the round's managers may still
review it (infeasible, with the reason) before voting, as they review PB projects.

One nomination per source and selection: a marker item beside the candidate, written in the
same transaction under `attribute_not_exists`, so two staff naming one project at once get one
candidate and a 409. A retry with the same Idempotency-Key by the same person finds the marker's
key and answers with the candidate it made.
"""

from __future__ import annotations

from datetime import datetime

from chalicelib import idempotency
from chalicelib.auth import Principal, require
from chalicelib.clock import SHANGHAI
from chalicelib.divisions.rules import is_within
from chalicelib.errors import ConflictError, NotFoundError, rule_error
from chalicelib.ids import new_id
from chalicelib.privacy import keyed_digest
from chalicelib.scrub import scrub
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.voting import repository
from chalicelib.voting.models import NominationCreate, NominationSource, Project, ProjectStatus, RoundKind
from chalicelib.voting.records import NominationRecord, ProjectRecord, RoundRecord, RoundStatus
from chalicelib.voting.service import NOT_FOUND, in_phase, load_contents, load_round, now_iso
from chalicelib.voting.views import project_view

MAX_PHOTOS = 9
COMPLETED_FUNDS = frozenset({"accepted", "closed"})
# Positions of the marker and of the key's claim in the nomination's transaction.
MARKER_ITEM, CLAIM_ITEM = 1, 3


def nominate(principal: Principal, round_id: str, body: NominationCreate, idempotency_key: str | None = None) -> Project:
    key = idempotency.checked_key(idempotency_key)
    require(principal, "round.nominate")
    record = load_round(round_id)
    committee = principal.jurisdiction or ""
    if not is_within(committee, record.scope):
        raise NotFoundError(NOT_FOUND)
    if record.kind is not RoundKind.selection or record.year is None:
        raise rule_error("Only a selection takes nominations.", "只有评选活动接受提名。", "round", "not_a_selection")
    in_phase(record, "nominate", "Nominating")
    # As for proposals: the key sent again with another source (or to another selection) is 409,
    # not a second candidate; sent again with the same body, it answers with the first.
    key_claim = (idempotency.Claim(principal.user_id, key, {"selection": round_id, **body.model_dump(mode="json")})
                 if key else None)
    claimed = _claimed(round_id, key_claim)
    if claimed is not None:
        return claimed
    source_id, candidate = (_from_fund(body, committee, record.year)
                            if body.source is NominationSource.fund_application
                            else _from_round(body, committee, record.year))
    at = now_iso()
    claim = keyed_digest("nomination-claim", f"{principal.user_id}\x00{key}") if key else None
    project = candidate.model_copy(update={
        "id": new_id(), "submitted_at": at, "entered_by": principal.user_id,
        "nomination": candidate.nomination.model_copy(update={"nominated_at": at, "nominated_by": principal.user_id})
        if candidate.nomination else None,
    })
    try:
        repository.write([
            repository.project_new_put(round_id, project),
            repository.nomination_marker_put(round_id, body.source.value, source_id, project.id, claim),
            repository.audit(round_id, "nominate", principal.user_id, principal.role.value,
                             after={"project": project.id, "source": body.source.value, "source_id": source_id}),
            *([key_claim.put(project.id)] if key_claim else []),
        ])
    except ConditionFailedError as exc:
        if CLAIM_ITEM in exc.failed:
            # A request under the same key committed first: its candidate, or 409 for another body.
            earlier_candidate = _claimed(round_id, key_claim)
            if earlier_candidate is not None:
                return earlier_candidate
            raise ConflictError("This Idempotency-Key is being used. / 该幂等键正在使用中。") from exc
        if MARKER_ITEM not in exc.failed:
            raise
        earlier = repository.get_nomination_marker(round_id, body.source.value, source_id)
        if claim is not None and earlier is not None and earlier.get("claim") == claim:
            found = repository.get_project(round_id, str(earlier["project_id"]))
            if found is not None:
                return project_view(found)
        raise ConflictError("This project has already been nominated. / 该项目已被提名。") from exc
    return project_view(project)


def _claimed(round_id: str, claim: idempotency.Claim | None) -> Project | None:
    project_id = claim.holder() if claim else None
    found = repository.get_project(round_id, project_id) if project_id else None
    return project_view(found) if found else None


def _candidate(title: str, description: str, photos: list[str], nomination: NominationRecord) -> ProjectRecord:
    return ProjectRecord(
        id="", title=title, description=description, estimated_cost_fen=nomination.spending_fen,
        final_cost_fen=nomination.spending_fen, status=ProjectStatus.feasible, photos=photos[:MAX_PHOTOS],
        added_by_official=True, submitted_at="", nomination=nomination,
    )


def _not_completed(what: str, chinese: str) -> Exception:
    return rule_error(what, chinese, "source", "not_completed")


def _wrong_year(year: int) -> Exception:
    return rule_error(f"Only projects of {year} may be nominated.", f"只能提名{year}年度的项目。", "source", "wrong_year")


def _from_fund(body: NominationCreate, committee: str, year: int) -> tuple[str, ProjectRecord]:
    from chalicelib.funds.repository import get_application_record

    application_id = body.id or ""
    found = get_application_record(application_id)
    # Another committee's application does not exist for this committee's staff.
    if found is None or found.application.committee != committee:
        raise NotFoundError("No such fund application. / 没有这个自治金申请。")
    application = found.application
    if application.status.value not in COMPLETED_FUNDS or application.report is None:
        raise _not_completed("Only a fund project the street has accepted may be nominated.", "只能提名已验收的自治金项目。")
    if application.year != year:
        raise _wrong_year(year)
    accepted = [event for event in found.events if event.action == "accept"]
    report = application.report
    nomination = NominationRecord(
        source=NominationSource.fund_application, source_id=application.id, committee=committee, year=year,
        spending_fen=report.actual_fen, participants=report.participants, outcome=scrub(report.outcome),
        accepted_at=accepted[-1].at if accepted else None,
        acceptance_note=scrub(accepted[-1].reason) if accepted and accepted[-1].reason else None, nominated_at="",
    )
    return application.id, _candidate(application.title, application.purpose, list(report.photos), nomination)


def _from_round(body: NominationCreate, committee: str, year: int) -> tuple[str, ProjectRecord]:
    missing = NotFoundError("No such project. / 没有这个项目。")
    try:
        source, contents = load_contents(body.round or "")
    except NotFoundError as exc:
        raise missing from exc
    # A committee nominates from its own rounds only: another's is not there for it.
    if source.kind is not RoundKind.pb or source.scope != committee:
        raise missing
    project = next((p for p in contents.projects if p.id == body.project), None)
    if project is None:
        raise missing
    if source.status is not RoundStatus.closed or contents.result is None:
        raise _not_completed("Only a project of a closed round may be nominated.", "只能提名已结束活动中的项目。")
    if project.id not in contents.result.selected():
        raise _not_completed("Only a project the round selected may be nominated.", "只能提名投票入选的项目。")
    if closing_year(source) != year:
        raise _wrong_year(year)
    scores = [e.score for e in contents.evaluations if e.project_id == project.id]
    progress_photos = [photo for p in contents.progress if p.project_id == project.id for photo in p.photos]
    nomination = NominationRecord(
        source=NominationSource.round_project, source_id=f"{source.id}/{project.id}", committee=committee, year=year,
        spending_fen=project.final_cost_fen or project.estimated_cost_fen, evaluation_count=len(scores),
        evaluation_total=sum(scores), nominated_at="",
    )
    return nomination.source_id, _candidate(project.title, project.description,
                                            [*project.photos, *progress_photos], nomination)


def closing_year(record: RoundRecord) -> int:
    """The year, in Shanghai, a round's evaluation ends: the year its projects count as implemented."""
    ends = datetime.fromisoformat(record.schedule.evaluation[1].replace("Z", "+00:00"))
    return ends.astimezone(SHANGHAI).year
