"""Tally speed: our greedy and equal shares against pabutools 1.2.3 on the largest sample election.

Takes the file in tests/data/pabulib/ with the most ballots, times each rule on the parsed
election (parsing excluded on both sides), ours median of 3 runs and pabutools' median of 1
(its equal shares takes minutes), in this one process, and prints its BENCHMARKS.md section:
the speed-up and whether both select the same projects. pabutools
is called as expected.json's `definition` strings call it (Cost_Sat for approval ballots): greedy
is `greedy_utilitarian_welfare` on the profile; equal shares is `method_of_equal_shares(...,
voter_budget_increment=1)` on the multiprofile, completed by `greedy_utilitarian_welfare(...,
initial_budget_allocation=...)`. Target: equal shares ≥ 50× faster, same selection.
pabutools' equal shares takes minutes here (it reruns the method once per add1 step).
Run: .venv/bin/python bench/tally.py [--runs 3] [--reference-runs 1] [--file PATH.pb]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import machine  # noqa: E402
from chalicelib.voting import mes_fast, tally  # noqa: E402
from chalicelib.voting.pabulib import Election, parse  # noqa: E402

DATA = ROOT / "tests" / "data" / "pabulib"


def largest_election() -> Path:
    sizes = {path: len(parse(path.read_text(encoding="utf-8")).ballots) for path in DATA.glob("*.pb")}
    return max(sizes, key=sizes.__getitem__)


def pabutools_rules(path: Path, election: Election) -> dict[str, Callable[[], list[str]]]:
    from pabutools.election import parse_pabulib
    from pabutools.election.satisfaction import Cost_Sat
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

    from tests.unit import pabutools_reference

    if election.vote_type in ("approval", "choose-1"):
        instance, profile = parse_pabulib(str(path))
        sat = Cost_Sat
    else:
        # Points-weighted cost utilities, as in expected.json; ordinal ranks become len − rank + 1 points.
        instance, profile, sat = pabutools_reference.instance_and_profile(election)

    def greedy() -> list[str]:
        return sorted(p.name for p in greedy_utilitarian_welfare(instance, profile, sat_class=sat))

    def mes() -> list[str]:
        funded = method_of_equal_shares(instance, profile.as_multiprofile(), sat_class=sat, voter_budget_increment=1)
        completed = greedy_utilitarian_welfare(instance, profile, sat_class=sat, initial_budget_allocation=funded)
        return sorted(p.name for p in completed)

    return {"greedy": greedy, "mes": mes}


def timed(call: Callable[[], list[str]], runs: int, label: str) -> tuple[float, list[str]]:
    seconds, result = [], []
    for run in range(runs):
        start = time.perf_counter()
        result = call()
        seconds.append(time.perf_counter() - start)
        machine.progress(f"{label} run {run + 1}/{runs}: {seconds[-1]:.3f} s")
    return statistics.median(seconds), result


def runs_text(runs: int) -> str:
    return "one run" if runs == 1 else f"the median of {runs} runs"


class IntegerRuns:
    """Counts the equal-shares runs done in integers and those redone in fractions."""

    def __init__(self) -> None:
        self.runs = self.ambiguous = 0
        self.original = mes_fast.run

    def __call__(self, *args, **kwargs):
        self.runs += 1
        try:
            return self.original(*args, **kwargs)
        except mes_fast.Ambiguous:
            self.ambiguous += 1
            raise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of ours per rule (the median is shown)")
    parser.add_argument("--reference-runs", type=int, default=1, help="runs of pabutools per rule")
    parser.add_argument("--file", type=Path, help="a .pb file (default: the sample with the most ballots)")
    args = parser.parse_args()
    path = args.file or largest_election()
    election = parse(path.read_text(encoding="utf-8"))
    reference = pabutools_rules(path, election)
    counter = IntegerRuns()
    mes_fast.run = counter  # type: ignore[assignment]

    rows = []
    for rule in ("greedy", "mes"):
        counter.runs = counter.ambiguous = 0
        ours, ours_selected = timed(lambda rule=rule: sorted(tally.RULES[rule](election).selected), args.runs, f"ours {rule}")
        if rule == "mes":
            integer_runs, ambiguous = counter.runs, counter.ambiguous
        theirs, their_selected = timed(reference[rule], args.reference_runs, f"pabutools {rule}")
        rows.append((rule, ours, theirs, ours_selected == their_selected, len(ours_selected)))
    mes_fast.run = counter.original  # type: ignore[assignment]

    from importlib.metadata import version

    pabutools_version = version("pabutools")
    machine.section("Tally speed", f"""
    `{path.name}`: {len(election.ballots):,} ballots ({election.vote_type}), {len(election.projects)} projects;
    ours {runs_text(args.runs)}, pabutools {pabutools_version} {runs_text(args.reference_runs)} (its equal
    shares takes minutes); parsing excluded, both in this process. Target: identical
    selection and at least 50× faster than pabutools.
    """)
    names = {"greedy": "greedy", "mes": "equal shares, cost utilities, add1 + greedy"}
    machine.table(("rule", "ours (s)", f"pabutools {pabutools_version} (s)", "speed-up", "identical selection"),
                  ([names[rule], f"{ours:.3f}", f"{theirs:.3f}", f"{theirs / ours:,.0f}×",
                    f"{'yes' if same else 'NO'} ({count} projects)"] for rule, ours, theirs, same, count in rows),
                  right=(1, 2, 3))
    speed_up = rows[1][2] / rows[1][1]
    machine.paragraphs(f"""
    Equal shares: {speed_up:,.0f}× ({'at or above' if speed_up >= 50 else 'below'} the 50× target). Each of
    the {integer_runs // args.runs} add1 runs of one tally computes in integers (units of 2^-shift fen, at least 2^128
    per endowment) with certified error bounds, so money never passes through binary floating point;
    a run the bounds cannot decide is redone in fractions ({ambiguous} of the
    {integer_runs} runs here). Python's big integers are the cost. Identical ballots are merged into weighted groups;
    pabutools reruns the method in exact arithmetic for every step.
    """)


if __name__ == "__main__":
    main()
