"""Counting a round: read every ballot by Query, apply the round's rule, publish the
result and the anonymous ballots, then mark the round tallied.

The files go to the public bucket first and the result item last, in the transaction
that moves the round to `tallied`: a round is published whole or not at all, and a
rerun after a failure writes the same files again. The published `.pb` file recounts,
with `python -m chalicelib.voting.tally`, to the published selection. Titles in both files
pass the publication's scrubber, as the month's files do.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from chalicelib import clock
from chalicelib.errors import ConflictError, NotFoundError, rule_error
from chalicelib.voting import repository, rules
from chalicelib.voting.models import MethodKind, Phase, ProjectStatus, RoundResult, SelectionRule
from chalicelib.voting.records import ProjectOutcome, ProjectRecord, ResultRecord, RoundRecord
from chalicelib.voting.rules import RoundMove
from chalicelib.voting.service import is_round_id, load_round, phase_of

if TYPE_CHECKING:
    from chalicelib.voting.pabulib import Ballot, Election


def ballots_file_key(round_id: str) -> str:
    return f"rounds/{round_id}/ballots.pb"


HELD_BACK = "〔待核〕"


def public_text(text: str, neutral: bool = False) -> str:
    """Free text as the public files show it: phone, ID and flat numbers masked; text still
    holding something nearly such a number is held back; `neutral` for a cell that
    spreadsheets open (the `.pb` file is semicolon-separated), so a formula stays text."""
    from chalicelib.scrub import doubtful, scrub
    from chalicelib.spreadsheet import neutralised

    public = HELD_BACK if doubtful(text) else scrub(text)
    return neutralised(public) if neutral else public


class CannotCount(Exception):
    """A count no retry can make succeed (no ballot was cast, the round was cancelled): its job
    ends failed with this reason, in both languages."""


def check_can_tally(record: RoundRecord, version: int | None) -> None:
    """What asking for a count requires: the version seen, voting closed, not counted yet."""
    if version is not None and version != record.version:
        raise ConflictError(f"The round changed (now version {record.version}). / 活动已被他人更新。")
    if phase_of(record) is not Phase.tallying or rules.moved_status(record.status, RoundMove.tally) is None:
        raise rule_error("Ballots are counted once voting has closed, once.", "投票结束后方可计票，且只计一次。", "phase",
                         "outside_window")


def read_ballots(record: RoundRecord) -> list[Ballot]:
    """The round's ballots as the count takes them, built from one Query page at a time;
    identical choices share one tuple, as most of a large round's ballots repeat a few."""
    from chalicelib.voting import pabulib

    cumulative = record.method.kind is MethodKind.cumulative
    shared: dict[tuple[str, ...] | tuple[int, ...], Any] = {}
    ballots = []
    for page in repository.ballot_pages(record.id):
        for stored in page:
            picks = tuple(stored.picks)
            points = tuple(stored.points) if cumulative and stored.points else None
            ballots.append(pabulib.Ballot(voter_id=stored.id, picks=shared.setdefault(picks, picks),
                                          points=None if points is None else shared.setdefault(points, points)))
    ballots.sort(key=lambda b: b.voter_id)
    return ballots


def election_of(record: RoundRecord, projects: list[ProjectRecord], ballots: list[Ballot],
                selected: list[str] | None = None) -> Election:
    from chalicelib.voting import pabulib

    feasible = [p for p in projects if p.status is ProjectStatus.feasible]
    method = record.method
    cumulative = method.kind is MethodKind.cumulative
    # Pabulib's META is an open list of keys; these are the ones a round fills in, in this order.
    meta = {
        "description": public_text(record.title, neutral=True),
        "country": "China",
        "unit": record.scope,
        "instance": record.id,
        "rule": "greedy" if record.rule is SelectionRule.greedy else "equalshares/add1",
        "currency": "CNY fen",
        **({"max_sum_points": str(method.points)} if cumulative else {}),
        "min_length": str(method.min_picks or 1),
        **({"max_length": str(method.max_picks)} if method.max_picks else {}),
    }
    return pabulib.Election.build(
        budget=record.budget_fen,
        vote_type="cumulative" if cumulative else "approval",
        meta=meta,
        projects=[pabulib.Project(id=p.id, cost=Fraction(p.final_cost_fen or 0), name=public_text(p.title, neutral=True))
                  for p in sorted(feasible, key=lambda p: p.id)],
        # The ballot's own random id is its voter id in the published file: it shares nothing
        # with the voter's receipt, and only its voter, signed in, is told which one is theirs.
        ballots=ballots,
        selected=selected,
    )


def count_round(record: RoundRecord, *, actor_id: str, actor_role: str, finish: dict[str, Any]) -> ResultRecord:
    """Count the round, publish its files, then write the result, the round's move to tallied,
    its audit event and `finish` (the job's end) in one transaction. Raises CannotCount when
    no retry would help, ConditionFailedError when the round or the job changed meanwhile."""
    from chalicelib.voting import pabulib, tally

    round_id = record.id
    tallied = rules.moved_status(record.status, RoundMove.tally)
    if tallied is None:
        raise CannotCount(f"The round is {record.status.value}: it cannot be counted. / 活动当前状态不能计票。")
    projects = repository.get_round_contents(round_id).projects
    ballots = read_ballots(record)
    if not ballots:
        raise CannotCount("No ballot was cast: there is nothing to count. / 无人投票，无法计票。")
    try:
        election = election_of(record, projects, ballots)
        outcome = tally.greedy(election) if record.rule is SelectionRule.greedy else tally.mes(election)
    except pabulib.PabulibError as exc:
        raise CannotCount(f"The round's projects cannot be counted: {exc}. / 项目数据有误，无法计票。") from exc
    # The published file marks what was selected, as Pabulib files of real elections do.
    election = election_of(record, projects, ballots, list(outcome.selected))
    titles = {p.id: public_text(p.title) for p in projects}
    result = ResultRecord(
        round_id=round_id,
        rule=record.rule,
        budget_fen=record.budget_fen,
        ballots=len(election.ballots),
        total_cost_fen=int(outcome.total_cost),
        tie_decided=outcome.tie_decided,
        projects=[ProjectOutcome(id=row.id, title=titles.get(row.id, ""), cost_fen=int(row.cost), score=int(row.score),
                                 selected=row.selected, reason=row.reason) for row in outcome.projects],
        ballots_file=ballots_file_key(round_id),
        tallied_at=clock.iso(clock.utc_now()),
    )
    repository.publish_file(ballots_file_key(round_id), pabulib.dump(election).encode("utf-8"), "text/plain; charset=utf-8")
    repository.publish_file(f"rounds/{round_id}/results.json",
                            json.dumps(result.stored(), ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"),
                            "application/json; charset=utf-8")
    updated = record.model_copy(update={"status": tallied, "version": record.version + 1})
    repository.write([
        repository.round_versioned_put(updated, record),
        repository.result_put(result),
        repository.audit(round_id, "tally", actor_id, actor_role,
                         after={"ballots": result.ballots, "selected": list(outcome.selected)}, scope=record.scope),
        finish,
    ])
    return result


def get_result(round_id: str) -> RoundResult:
    result = repository.get_result(round_id) if is_round_id(round_id) else None
    if result is None:
        load_round(round_id)  # an unknown round is 404 of its own
        raise NotFoundError("Not tallied yet. / 尚未计票。")
    return RoundResult.model_validate(result.stored())
