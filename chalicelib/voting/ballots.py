"""Casting a ballot: who may, what a valid ballot is, one ballot per voter, kept secret.

A voter is an eligible resident (by verified residence or by the roster, both known by
their phone number, so the two routes lead to one ballot) or a household's paper code.
Each ballot is one transaction in the ballots table: the voter's record, which points at the
ballot, and the ballot, which holds only the picks under a drawn shard and a random id
(repository.py says why); a change of ballot also carries the voter's count of changes
(chalicelib/ratelimit.py). Nothing here logs who voted for what.
"""

from __future__ import annotations

import hmac
import secrets

from chalicelib import ratelimit
from chalicelib.auth import Principal, Role
from chalicelib.errors import ConflictError, ErrorDetail, ForbiddenError, MulinError, RuleViolationError, ValidationFailedError
from chalicelib.privacy import keyed_digest
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.voting import repository, rules
from chalicelib.voting.models import (
    BallotChange,
    BallotReceipt,
    BallotRequest,
    MethodKind,
    MyBallot,
    PaperBallotLine,
    PaperBallotReport,
    PaperBallots,
    ProjectStatus,
)
from chalicelib.voting.records import RoundRecord, RoundStatus
from chalicelib.voting.service import (
    holds_roster_number,
    in_phase,
    load_contents,
    load_round,
    now_iso,
    require_eligible_resident,
    require_manager,
    roster_voter,
    voter_identity,
)

ATTEMPTS = 3


class AlreadyVotedError(ConflictError):
    code = "already_voted"
    default_message = "A ballot has already been cast for this voter. / 您已投过票。"


def _round_with_ballot_costs(round_id: str) -> tuple[RoundRecord, dict[str, int]]:
    """The round and the projects on its ballot (the feasible ones) with their final cost."""
    record, contents = load_contents(round_id)
    costs = {p.id: p.final_cost_fen or 0 for p in contents.projects if p.status is ProjectStatus.feasible}
    return record, costs


def _checked(record: RoundRecord, costs: dict[str, int], body: BallotRequest) -> None:
    problems = rules.ballot_problems(record.method, record.budget_fen, costs, body.picks, body.points)
    if problems:
        raise RuleViolationError(
            "The ballot breaks the round's rules. / 选票不符合本次投票规则。",
            details=[ErrorDetail(field="picks" if rule != "points_per_project" else "points", type=rule, rule=rule,
                                 message=message, message_zh="选票不符合规则：" + rule) for rule, message in problems],
        )


def cast_ballot(principal: Principal | None, round_id: str, body: BallotRequest,
                address: str | None = None) -> BallotReceipt:
    """`address` is the sender's network address, which limits ballots sent without signing in."""
    if principal is not None:
        return _cast(principal, round_id, body)
    if body.code is None:
        # Without signing in, the code is the whole point of the request.
        raise ValidationFailedError(details=[ErrorDetail(field="code", type="missing", message="a paper voting code is required",
                                                         message_zh="请输入纸质投票码")])
    sender = address or "unknown"
    # Read before anything else: a sender already over the limit costs one read of its own
    # counter, not the round's.
    if ratelimit.exhausted(ratelimit.CODE_BALLOTS, sender):
        raise ratelimit.refused(ratelimit.CODE_BALLOTS)
    try:
        return _cast(None, round_id, body)
    except MulinError as exc:
        # Every refusal is charged (a wrong code, an unknown round, a ballot that breaks the
        # rules), so junk runs out like guesses do; a good code is spent by its own ballot
        # and needs no count. A failure of ours (5xx) is not the sender's attempt.
        if exc.status < 500:
            ratelimit.charge(ratelimit.CODE_BALLOTS, sender)
        raise


def _cast(principal: Principal | None, round_id: str, body: BallotRequest) -> BallotReceipt:
    record, costs = _round_with_ballot_costs(round_id)
    eligible_by = None
    if body.code is None:
        # Who may vote before when: someone off the list is told so, whatever the timetable.
        if principal is None:
            raise ForbiddenError("Sign in, or enter your paper voting code. / 请登录，或输入纸质投票码。")
        eligible_by = require_eligible_resident(principal, record)
    in_phase(record, "vote", "Voting")
    _checked(record, costs, body)
    if body.code is not None:
        return _cast_with_code(principal, record, body)
    assert principal is not None  # without a code, refused above unless signed in
    if body.replaces is not None and not record.allow_ballot_change:
        raise RuleViolationError("This round does not let a ballot be changed. / 本次投票不允许改票。")
    voter = keyed_digest(f"voter:{round_id}", voter_identity(principal))
    points = body.points if record.method.kind is MethodKind.cumulative else None
    if body.replaces is not None:
        return _replace(principal, round_id, voter, body.replaces, body.picks, points)
    change_code = secrets.token_urlsafe(12) if record.allow_ballot_change else None
    # The roster number votes once, whichever way its holder is eligible: a resident who voted by
    # residence could otherwise move the number to a second account and vote with it by roster.
    roster_entry = (roster_voter(round_id, principal)
                    if eligible_by == "roster" or holds_roster_number(principal, record) else None)
    for _ in range(ATTEMPTS):
        ballot = repository.Ballot.drawn(round_id, rules.change_hash(change_code) if change_code else None)
        # A first ballot carries no rate-limit count: its voter record's condition already
        # allows one per voter and round.
        items = [repository.voter_record_put(round_id, voter, "online", ballot, now_iso()), ballot.put(body.picks, points)]
        if roster_entry is not None:
            items.append(repository.voter_record_put(round_id, roster_entry, "online"))
        try:
            repository.write(items)
        except ConditionFailedError as exc:
            if 0 in exc.failed or 2 in exc.failed:
                raise AlreadyVotedError() from exc
            continue  # a ballot id clash: draw another
        return BallotReceipt(round_id=round_id, receipt=ballot.receipt, change_code=change_code)
    raise ConflictError("Please send the ballot again. / 请重新提交。")


def _no_such_ballot() -> RuleViolationError:
    return RuleViolationError(
        "That receipt and change code do not match a ballot of yours. / 回执号或改票码不正确。",
        details=[ErrorDetail(field="replaces", type="no_such_ballot", message="no matching ballot",
                             message_zh="没有对应的选票")])


def _replace(principal: Principal, round_id: str, voter: str, replaces: BallotChange, picks: list[str],
             points: list[int] | None) -> BallotReceipt:
    """The voter's record says where their ballot is; the receipt and change code they hold
    must match it, and the record must still point there when the change is written."""
    change = rules.change_hash(replaces.change_code)
    record = repository.get_voter_record(round_id, voter)
    if record is None:
        raise _no_such_ballot()
    if record.ballot is not None:
        if not (hmac.compare_digest(record.receipt or "", replaces.receipt)
                and hmac.compare_digest(record.change_hash or "", change)):
            raise _no_such_ballot()
        old = repository.ballot_delete(round_id, record.shard or 0, record.ballot)
    else:
        # Cast before ballots moved to their own table: filed under the voter's shard and the
        # receipt, with the change hash on the ballot itself.
        shard = record.shard if record.shard is not None else rules.shard_of(voter)
        old = repository.legacy_ballot_delete(round_id, shard, replaces.receipt, change)
    change_code = secrets.token_urlsafe(12)
    for _ in range(ATTEMPTS):
        ballot = repository.Ballot.drawn(round_id, rules.change_hash(change_code))
        items = [repository.voter_record_repoint(round_id, voter, record, ballot, now_iso()), old,
                 ballot.put(picks, points), ratelimit.counter_update(ratelimit.BALLOTS, principal.user_id)]
        try:
            repository.write(items)
        except ConditionFailedError as exc:
            if len(items) - 1 in exc.failed:
                raise ratelimit.refused(ratelimit.BALLOTS) from exc
            if exc.failed and exc.failed[0] < 2:
                raise _no_such_ballot() from exc  # replaced meanwhile, or not theirs
            continue  # a ballot id clash: draw another
        return BallotReceipt(round_id=round_id, receipt=ballot.receipt, change_code=change_code)
    raise ConflictError("Please send the ballot again. / 请重新提交。")


def _cast_with_code(principal: Principal | None, record: RoundRecord, body: BallotRequest,
                    channel: str | None = None) -> BallotReceipt:
    if not record.eligibility.paper_codes:
        raise RuleViolationError("This round does not use paper codes. / 本次投票不使用纸质投票码。")
    entered_by = None
    if principal is not None and principal.is_official:
        require_manager(principal, record)
        entered_by = principal.user_id
    code = keyed_digest("voting-code", rules.normalise_code(body.code or ""))
    points = body.points if record.method.kind is MethodKind.cumulative else None
    for _ in range(ATTEMPTS):
        # Nothing keeps this ballot's place: a code is a slip of paper whoever holds it can
        # show, so it must not lead to the ballot (README, "Ballot secrecy").
        ballot = repository.Ballot.drawn(record.id)
        try:
            repository.write([repository.code_use(record.id, code, channel or ("staff" if entered_by else "code"),
                                                  entered_by),
                              ballot.put(body.picks, points)])
        except ConditionFailedError as exc:
            if 0 in exc.failed:
                raise RuleViolationError(
                    "This voting code is unknown or has been used. / 投票码无效或已使用。",
                    details=[ErrorDetail(field="code", type="code_unusable", message="unknown or used code",
                                         message_zh="投票码无效或已使用")]) from exc
            continue
        return BallotReceipt(round_id=record.id, receipt=ballot.receipt)
    raise ConflictError("Please send the ballot again. / 请重新提交。")


def my_ballot(principal: Principal, round_id: str) -> MyBallot:
    """A resident's own ballot, found through their record: nobody else's account leads to it,
    and officials have no ballot to see. Paper-code ballots are found by no one."""
    if principal.role is not Role.resident:
        raise ForbiddenError("Only a voter sees their own ballot. / 只有投票人本人可以查看自己的选票。")
    record = load_round(round_id)
    voter = repository.get_voter_record(round_id, keyed_digest(f"voter:{round_id}", voter_identity(principal)))
    if voter is None:
        return MyBallot(round_id=round_id, voted=False)
    mine = MyBallot(round_id=round_id, voted=True, voted_at=voter.voted_at, changes=voter.changes)
    if voter.ballot is None:
        return mine  # cast before ballots had a table of their own: it cannot be found again
    ballot = repository.get_ballot(round_id, voter.shard or 0, voter.ballot)
    mine = mine.model_copy(update={"picks": ballot.picks if ballot else None, "points": ballot.points if ballot else None})
    result = repository.get_result(round_id) if record.status is not RoundStatus.open else None
    if result is None:
        return mine
    # Only now is there a file to look it up in; the id is the ballot's own, drawn at random.
    return mine.model_copy(update={"published_ballot_id": voter.ballot, "ballots_file": result.ballots_file})


def enter_paper_ballots(principal: Principal, round_id: str, body: PaperBallots) -> PaperBallotReport:
    """Each line is a ballot on a household's paper code, checked and counted once like any
    other; a line that breaks a rule is reported and the rest still go in."""
    import csv
    import io

    from pydantic import ValidationError

    from chalicelib.errors import MulinError

    record, costs = _round_with_ballot_costs(round_id)
    require_manager(principal, record)
    in_phase(record, "vote", "Entering paper ballots")
    lines: list[PaperBallotLine] = []
    rows = csv.reader(io.StringIO(body.csv), delimiter=";")
    for number, row in enumerate(rows, start=1):
        if not row or not "".join(row).strip() or row[0].strip().lower() == "code":
            continue
        try:
            if len(row) not in (2, 3):
                raise ValueError("expected code;picks or code;picks;points")
            ballot = BallotRequest(code=row[0].strip(), picks=[p.strip() for p in row[1].split(",") if p.strip()],
                                   points=[int(p) for p in row[2].split(",")] if len(row) == 3 and row[2].strip() else None)
            _checked(record, costs, ballot)
            receipt = _cast_with_code(principal, record, ballot, body.channel)
            lines.append(PaperBallotLine(line=number, receipt=receipt.receipt))
        except MulinError as exc:
            rule = exc.details[0].type if exc.details else exc.code
            lines.append(PaperBallotLine(line=number, error=exc.message, rule=str(rule)))
        except (ValueError, ValidationError) as exc:
            lines.append(PaperBallotLine(line=number, error=str(exc).splitlines()[0][:200], rule="malformed_line"))
    accepted = sum(1 for line in lines if line.receipt)
    return PaperBallotReport(round_id=round_id, accepted=accepted, refused=len(lines) - accepted, lines=lines)
