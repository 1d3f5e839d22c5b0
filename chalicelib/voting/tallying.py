"""Counting a round: read every ballot by Query, apply the round's rule, publish the
result and the anonymous ballots, then mark the round tallied.

The ballots are read once, as a stream in the order of their ids: each one's row goes to a
temporary file and identical choices are merged for the count, so a round of a million
ballots never sits in memory; the `.pb` file is its head (written after the count, with the
votes and the selection) followed by those rows, the bytes `pabulib.dump` gives.

The files go to the public bucket first and the result item last, in the transaction
that moves the round to `tallied`: a round is published whole or not at all, and a
rerun after a failure writes the same files again. The published `.pb` file recounts,
with `python -m chalicelib.voting.tally`, to the published selection. Titles in both files
pass the publication's scrubber, as the month's files do.
"""

from __future__ import annotations

import csv
import heapq
import json
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from typing import IO, TYPE_CHECKING, Any

from chalicelib import clock
from chalicelib.errors import ConflictError, NotFoundError, rule_error
from chalicelib.voting import repository, rules
from chalicelib.voting.models import MethodKind, Phase, ProjectStatus, RoundResult, SelectionRule
from chalicelib.voting.records import ProjectOutcome, ProjectRecord, ResultRecord, RoundRecord, StoredBallot
from chalicelib.voting.rules import BALLOT_SHARDS, RoundMove
from chalicelib.voting.service import is_round_id, load_round, phase_of

if TYPE_CHECKING:
    from chalicelib.voting.pabulib import Ballot, Profile, Project
    from chalicelib.voting.tally import Outcome


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


def ballots_in_order(round_id: str) -> Iterator[StoredBallot]:
    """The round's ballots in the order of their ids, which is the published file's order: each
    shard's Query pages come in that order, so the 16 shards merge as they are read and no list
    of ballots is ever held. The few filed before the ballots table are sorted apart and merged in."""
    legacy = sorted(repository.legacy_ballots(round_id), key=_ballot_id)
    shards = [_in_order(repository.ballot_pages(round_id, shard)) for shard in range(BALLOT_SHARDS)]
    return heapq.merge(*shards, legacy, key=_ballot_id)


def _ballot_id(ballot: StoredBallot) -> str:
    return ballot.id


def _in_order(pages: Iterable[list[StoredBallot]]) -> Iterator[StoredBallot]:
    # The merge trusts each shard's order; a file out of order must not be published silently.
    last = ""
    for page in pages:
        for ballot in page:
            if ballot.id <= last:
                raise RuntimeError(f"a shard's ballots came out of id order at {ballot.id!r}")
            last = ballot.id
            yield ballot


# META `rule` of the published file, as pabutools and tally.FILE_RULES name the rules.
FILE_RULE = {SelectionRule.greedy: "greedy", SelectionRule.mes: "equalshares/add1", SelectionRule.top_k: "top_k"}


def round_meta(record: RoundRecord) -> dict[str, str]:
    method = record.method
    cumulative = method.kind is MethodKind.cumulative
    # Pabulib's META is an open list of keys; these are the ones a round fills in, in this order.
    return {
        "description": public_text(record.title, neutral=True),
        "country": "China",
        "unit": record.scope,
        "instance": record.id,
        "rule": FILE_RULE[record.rule],
        # A selection's k: Pabulib has no key for it, so the file says it in a META row of its own.
        **({"winners": str(method.max_picks)} if record.rule is SelectionRule.top_k else {}),
        "currency": "CNY fen",
        **({"max_sum_points": str(method.points)} if cumulative else {}),
        "min_length": str(method.min_picks or 1),
        **({"max_length": str(method.max_picks)} if method.max_picks else {}),
    }


def round_projects(projects: list[ProjectRecord]) -> list[Project]:
    from chalicelib.voting import pabulib

    feasible = [p for p in projects if p.status is ProjectStatus.feasible]
    return [pabulib.Project(id=p.id, cost=Fraction(p.final_cost_fen or 0), name=public_text(p.title, neutral=True))
            for p in sorted(feasible, key=lambda p: p.id)]


def profile_of(record: RoundRecord, projects: list[ProjectRecord], ballot_counts: Iterable[tuple[Ballot, int]],
               selected: list[str] | None = None) -> Profile:
    """The round as counted and published: its `dump_head` is the head `pabulib.dump` writes for
    the Election of the same ballots."""
    from chalicelib.voting import pabulib

    return pabulib.Profile.build(budget=record.budget_fen, vote_type=_vote_type(record), meta=round_meta(record),
                                 projects=round_projects(projects), ballot_counts=ballot_counts, selected=selected)


def _vote_type(record: RoundRecord) -> str:
    return "cumulative" if record.method.kind is MethodKind.cumulative else "approval"


def _spool(record: RoundRecord, rows: IO[str]) -> tuple[list[tuple[Ballot, int]], bool]:
    """Read the ballots once: each one's published row goes to `rows`, and identical choices are
    merged into (ballot, count), which is all the count needs. Says whether any ballot has points."""
    from chalicelib.voting import pabulib

    cumulative = record.method.kind is MethodKind.cumulative
    counts: dict[tuple[tuple[str, ...], tuple[int, ...] | None], int] = {}
    has_points = False
    writer = csv.writer(rows, delimiter=";", lineterminator="\n")
    # A cumulative round's rows carry a points column, dropped when copied if no ballot had points.
    for stored in ballots_in_order(record.id):
        points = tuple(stored.points) if cumulative and stored.points else None
        has_points = has_points or points is not None
        ballot = pabulib.Ballot(voter_id=stored.id, picks=tuple(stored.picks), points=points)
        writer.writerow(pabulib.vote_row(ballot, cumulative))
        key = (ballot.picks, points)
        counts[key] = counts.get(key, 0) + 1
    return [(pabulib.Ballot("", picks, points), n) for (picks, points), n in counts.items()], has_points


@contextmanager
def counted(record: RoundRecord, projects: list[ProjectRecord]) -> Iterator[tuple[Profile, Outcome, IO[bytes]]]:
    """Read and count the round in one pass over its ballots: the profile (its projects marked
    selected), the outcome, and the `.pb` file to publish, in a temporary file (Lambda's /tmp)."""
    from chalicelib.voting import pabulib

    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as rows, tempfile.TemporaryFile() as published:
        merged, has_points = _spool(record, rows)
        if not merged:
            raise CannotCount("No ballot was cast: there is nothing to count. / 无人投票，无法计票。")
        try:
            profile = profile_of(record, projects, merged)
            outcome = count_with(record, profile)
        except pabulib.PabulibError as exc:
            raise CannotCount(f"The round's projects cannot be counted: {exc}. / 项目数据有误，无法计票。") from exc
        # The published file marks what was selected, as Pabulib files of real elections do.
        profile = profile_of(record, projects, merged, list(outcome.selected))
        published.write(pabulib.dump_head(profile, has_points).encode("utf-8"))
        rows.seek(0)
        _copy_rows(rows, published, drop_points=record.method.kind is MethodKind.cumulative and not has_points)
        published.seek(0)
        yield profile, outcome, published


def count_with(record: RoundRecord, profile: Profile) -> Outcome:
    """The round's rule on its ballots; a selection's k is its max_picks, which its file's META
    also gives (`winners`), so the recount command finds it there."""
    from chalicelib.voting import tally

    if record.rule is SelectionRule.top_k:
        return tally.top_k(profile, record.method.max_picks or 1)
    return tally.greedy(profile) if record.rule is SelectionRule.greedy else tally.mes(profile)


def _copy_rows(rows: IO[str], out: IO[bytes], drop_points: bool) -> None:
    if drop_points:
        # A cumulative round where no ballot has points: each row ends in its empty points cell, ";\n".
        for line in rows:
            out.write((line[:-2] + "\n").encode("utf-8"))
        return
    for chunk in iter(lambda: rows.read(1 << 20), ""):
        out.write(chunk.encode("utf-8"))


def count_round(record: RoundRecord, *, actor_id: str, actor_role: str, finish: dict[str, Any]) -> ResultRecord:
    """Count the round, publish its files, then write the result, the round's move to tallied,
    its audit event and `finish` (the job's end) in one transaction. Raises CannotCount when
    no retry would help, ConditionFailedError when the round or the job changed meanwhile."""
    round_id = record.id
    tallied = rules.moved_status(record.status, RoundMove.tally)
    if tallied is None:
        raise CannotCount(f"The round is {record.status.value}: it cannot be counted. / 活动当前状态不能计票。")
    projects = repository.get_round_contents(round_id).projects
    with counted(record, projects) as (profile, outcome, published):
        titles = {p.id: public_text(p.title) for p in projects}
        result = ResultRecord(
            round_id=round_id,
            kind=record.kind,
            rule=record.rule,
            budget_fen=record.budget_fen,
            ballots=profile.voters,
            total_cost_fen=int(outcome.total_cost),
            tie_decided=outcome.tie_decided,
            projects=[ProjectOutcome(id=row.id, title=titles.get(row.id, ""), cost_fen=int(row.cost), score=int(row.score),
                                     selected=row.selected, reason=row.reason) for row in outcome.projects],
            ballots_file=ballots_file_key(round_id),
            tallied_at=clock.iso(clock.utc_now()),
        )
        repository.publish_stream(ballots_file_key(round_id), published, "text/plain; charset=utf-8")
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
