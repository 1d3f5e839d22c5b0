"""Counting a participatory-budgeting vote (计票): which projects an election funds, and why.

This module owns the two selection rules a round may use and the outcome they publish:
`greedy` (most votes first, skipping what no longer fits) and `mes` (the Method of Equal Shares
with cost utilities, completed by add1 and then greedily; the arithmetic is in `mes.py`). Both
follow pabutools 1.2.3 to the project, so anyone can recount a published round from its `.pb`
file: a project's score is its number of approvals, its points for cumulative and scoring
ballots, and len(ballot) − rank + 1 for ordinal ballots; ties go to the project id that sorts
first as a string ("10" before "9"). A selection (十佳项目评选) counts by `top_k`: the k most
approved, no budget, ties broken the same way; pabutools has no such rule, so its files say
`rule;top_k` and `winners;{k}` in META and this command recounts them. It also runs as a
command line: `python -m chalicelib.voting.tally --rule {greedy,mes,top_k} FILE.pb` (`--rule`
may be left out to take the file's own META `rule`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction

from chalicelib.voting import mes as equal_shares
from chalicelib.voting.pabulib import Ballot, Election, PabulibError, Profile, format_money, read_profile

# A rule reads an election whole, or as a stream read it: identical ballots merged with their count.
Counted = Election | Profile

SELECTED = "selected"
SELECTED_UNSUPPORTED = "no support; selected because it fits the leftover budget"
SELECTED_BY_EQUAL_SHARES = "selected by equal shares"
ADDED_BY_COMPLETION = "not reached by equal shares; added by greedy completion"
DOES_NOT_FIT = "does not fit the remaining budget"
NO_SUPPORT = "no support"
TOP_K = "among the k most approved"
NOT_IN_TOP_K = "not among the {k} most approved"


@dataclass(frozen=True)
class ProjectResult:
    id: str
    cost: Fraction
    score: int
    selected: bool
    reason: str


@dataclass(frozen=True)
class Outcome:
    """What a rule decided.

    `tie_decided` is True when the funded set rests on the tie-break rule rather than on the
    votes alone: at least one choice was between equally ranked projects (equal score for greedy;
    exactly equal price for equal shares, or equal score in its greedy completion), and breaking
    every such tie the other way (ids in descending string order) funds a different set of projects.
    """

    rule: str  # "greedy" or "mes" (equal shares, cost utilities, add1, greedy completion)
    budget: Fraction
    selected: tuple[str, ...]  # in the order the rule funded them
    total_cost: Fraction
    projects: tuple[ProjectResult, ...]  # every project, in the order the rule considered them
    tie_decided: bool
    endowment: Fraction | None = None  # equal shares only: each voter's share in the run that decided


def scores(election: Counted) -> dict[str, int]:
    """Each project's score: approvals, points, or for ordinal ballots len(ballot) − rank + 1."""
    total = dict.fromkeys(election.projects, 0)
    for ballot, count in ballot_counts(election):
        for project_id, points in weighted_picks(election.vote_type, ballot):
            total[project_id] += points * count
    return total


def ballot_counts(election: Counted) -> Iterable[tuple[Ballot, int]]:
    if isinstance(election, Profile):
        return election.ballot_counts
    return ((ballot, 1) for ballot in election.ballots)


def voters(election: Counted) -> int:
    return election.voters if isinstance(election, Profile) else len(election.ballots)


def weighted_picks(vote_type: str, ballot: Ballot) -> Iterable[tuple[str, int]]:
    if vote_type == "ordinal":
        return ((pick, len(ballot.picks) - rank) for rank, pick in enumerate(ballot.picks))
    if vote_type in ("cumulative", "scoring") and ballot.points is not None:
        return zip(ballot.picks, ballot.points, strict=True)
    return ((pick, 1) for pick in ballot.picks)


def greedy(election: Counted) -> Outcome:
    """Highest score first; a project that no longer fits is skipped and the next one tried."""
    score = scores(election)
    order = _greedy_order(election, score, id_rank(election))
    chosen = _fill(election, order, [])
    reverse = _fill(election, _greedy_order(election, score, id_rank(election, descending=True)), [])
    rows = [_row(election, score, pid, pid in chosen, SELECTED_UNSUPPORTED if score[pid] == 0 else SELECTED) for pid in order]
    return _outcome("greedy", election, chosen, rows, tie_decided=set(reverse) != set(chosen))


def mes(election: Counted) -> Outcome:
    """Equal shares with cost utilities, completed by add1, then filled up by greedy (pabutools' mes_cost_add1_greedy)."""
    score = scores(election)
    ascending = id_rank(election)
    result, funded, completion = _equal_shares_then_greedy(election, score, ascending)
    descending = id_rank(election, descending=True)
    if result.tie_broken:
        _, funded_other, completion_other = _equal_shares_then_greedy(election, score, descending)
        tie_decided = set(funded_other + completion_other) != set(funded + completion)
    else:
        # No price tie: equal shares ends the same either way; only the completion's order can differ.
        completion_other = _fill(election, _greedy_order(election, score, descending), funded)
        tie_decided = set(completion_other) != set(completion)
    chosen = funded + completion
    rows = [_row(election, score, pid, True, SELECTED_BY_EQUAL_SHARES) for pid in funded]
    rows += [_row(election, score, pid, pid in completion, ADDED_BY_COMPLETION)
             for pid in _greedy_order(election, score, ascending) if pid not in funded]
    return _outcome("mes", election, chosen, rows, tie_decided, endowment=result.endowment)


def equal_shares_problem(election: Counted, rank: dict[str, int]) -> equal_shares.Problem:
    """The election as `mes.py` takes it: projects by their index in the file, identical ballots merged."""
    index = {pid: j for j, pid in enumerate(election.projects)}
    groups: dict[tuple[tuple[int, int], ...], int] = {}
    for ballot, count in ballot_counts(election):
        key = tuple(sorted((index[pid], points) for pid, points in weighted_picks(election.vote_type, ballot) if points > 0))
        groups[key] = groups.get(key, 0) + count
    return equal_shares.Problem(
        costs=tuple(p.cost for p in election.projects.values()),
        budget=election.budget,
        voters=voters(election),
        # Sorted, so that the same ballots in another order make the very same problem.
        groups=tuple((count, key) for key, count in sorted(groups.items())),
        rank=tuple(rank[pid] for pid in election.projects),
    )


def id_rank(election: Counted, descending: bool = False) -> dict[str, int]:
    """Tie-break order: project ids compared as strings, first wins."""
    ordered = sorted(election.projects, reverse=descending)
    return {pid: position for position, pid in enumerate(ordered)}


def _equal_shares_then_greedy(election: Counted, score: dict[str, int], rank: dict[str, int]
                              ) -> tuple[equal_shares.EqualSharesResult, list[str], list[str]]:
    ids = list(election.projects)
    result = equal_shares.equal_shares_add1(equal_shares_problem(election, rank))
    funded = [ids[j] for j in result.selected]
    completion = _fill(election, _greedy_order(election, score, rank), funded)
    return result, funded, completion


def _greedy_order(election: Counted, score: dict[str, int], rank: dict[str, int]) -> list[str]:
    return sorted(election.projects, key=lambda pid: (-score[pid], rank[pid]))


def _fill(election: Counted, order: list[str], already: list[str]) -> list[str]:
    """Projects added, in `order`, to `already` while they fit the budget."""
    remaining = election.budget - sum((election.projects[pid].cost for pid in already), Fraction(0))
    taken = set(already)
    added = []
    for pid in order:
        cost = election.projects[pid].cost
        if pid not in taken and cost <= remaining:
            added.append(pid)
            remaining -= cost
    return added


def _row(election: Counted, score: dict[str, int], pid: str, selected: bool, reason_if_selected: str) -> ProjectResult:
    if selected:
        reason = reason_if_selected
    else:
        reason = NO_SUPPORT if score[pid] == 0 else DOES_NOT_FIT
    return ProjectResult(pid, election.projects[pid].cost, score[pid], selected, reason)


def _outcome(rule: str, election: Counted, chosen: list[str], rows: list[ProjectResult], tie_decided: bool,
             endowment: Fraction | None = None) -> Outcome:
    total = sum((election.projects[pid].cost for pid in chosen), Fraction(0))
    return Outcome(rule, election.budget, tuple(chosen), total, tuple(rows), tie_decided, endowment)


def top_k(election: Counted, k: int) -> Outcome:
    """A selection's rule: the k projects with the most approvals, cost and budget aside. Ties
    are broken as greedy breaks them (the project id that sorts first as a string wins); a project
    nobody approved is never selected, so fewer than k may be."""
    if k < 1:
        raise PabulibError(0, f"top_k needs k of at least 1, not {k}")
    score = scores(election)
    chosen = _top(election, score, id_rank(election), k)
    other = _top(election, score, id_rank(election, descending=True), k)
    order = _greedy_order(election, score, id_rank(election))
    rows = [ProjectResult(pid, election.projects[pid].cost, score[pid], pid in chosen,
                          TOP_K if pid in chosen else (NO_SUPPORT if score[pid] == 0 else NOT_IN_TOP_K.format(k=k)))
            for pid in order]
    return _outcome("top_k", election, chosen, rows, tie_decided=set(other) != set(chosen))


def _top(election: Counted, score: dict[str, int], rank: dict[str, int], k: int) -> list[str]:
    return [pid for pid in _greedy_order(election, score, rank) if score[pid] > 0][:k]


def winners_of(election: Counted) -> int:
    """k for a selection's file: its META `winners`, written by the tally (and equal to `max_length`)."""
    raw = election.meta.get("winners") or election.meta.get("max_length") or ""
    if not raw.isdigit():
        raise PabulibError(0, "a top_k file gives its number of winners in META (winners)")
    return int(raw)


# The budget rules; COMMAND_RULES adds a selection's, which takes its k from the file.
RULES: dict[str, Callable[[Counted], Outcome]] = {"greedy": greedy, "mes": mes}


def top_k_of_file(election: Counted) -> Outcome:
    return top_k(election, winners_of(election))


COMMAND_RULES: dict[str, Callable[[Counted], Outcome]] = {**RULES, "top_k": top_k_of_file}


# META `rule` as the tally writes it (tallying.round_meta) → the rule that recounts it.
FILE_RULES = {"greedy": "greedy", "equalshares/add1": "mes", "top_k": "top_k"}


def json_number(amount: Fraction) -> str:
    """The amount as a JSON number, written exactly (`100000.5`), never through a float."""
    return format_money(amount)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chalicelib.voting.tally",
                                     description="Tally a Pabulib .pb election and print the funded projects as JSON.")
    parser.add_argument("--rule", choices=sorted(COMMAND_RULES), help="default: the file's META rule")
    parser.add_argument("file", metavar="FILE.pb")
    args = parser.parse_args(argv)
    try:
        with open(args.file, encoding="utf-8", newline="") as handle:
            election = read_profile(handle)
    except PabulibError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 2
    rule = args.rule or FILE_RULES.get(election.meta.get("rule", ""))
    if rule is None:
        print("error: the file names no rule this command knows; give --rule", file=sys.stderr)
        return 2
    try:
        outcome = COMMAND_RULES[rule](election)
    except PabulibError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # The amount goes into the text as written, so JSON readers get the exact decimal.
    print(f'{{"selected": {json.dumps(sorted(outcome.selected))}, "total_cost": {json_number(outcome.total_cost)}}}')
    return 0


if __name__ == "__main__":
    sys.exit(main())
