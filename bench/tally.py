"""Tally speed: our greedy and equal shares against pabutools 1.2.3 on the largest sample election.

Takes the file in tests/data/pabulib/ with the most ballots, times each rule on the parsed
election (parsing excluded on both sides), median of 3 runs each, in this one process, and
prints a markdown table with the speed-up and whether both select the same projects. pabutools
is called as expected.json's `definition` strings call it (Cost_Sat for approval ballots): greedy
is `greedy_utilitarian_welfare` on the profile; equal shares is `method_of_equal_shares(...,
voter_budget_increment=1)` on the multiprofile, completed by `greedy_utilitarian_welfare(...,
initial_budget_allocation=...)`. Target: equal shares ≥ 50× faster, same selection.
pabutools' equal shares takes minutes here (it reruns the method once per add1 step).
Run: .venv/bin/python bench/tally.py [--runs 3] [--file PATH.pb]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chalicelib.voting import tally  # noqa: E402
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
        print(f"  {label} run {run + 1}/{runs}: {seconds[-1]:.3f} s", file=sys.stderr, flush=True)
    return statistics.median(seconds), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", type=Path, help="a .pb file (default: the sample with the most ballots)")
    args = parser.parse_args()
    path = args.file or largest_election()
    election = parse(path.read_text(encoding="utf-8"))
    reference = pabutools_rules(path, election)

    rows = []
    for rule in ("greedy", "mes"):
        ours, ours_selected = timed(lambda rule=rule: sorted(tally.RULES[rule](election).selected), args.runs, f"ours {rule}")
        theirs, their_selected = timed(reference[rule], args.runs, f"pabutools {rule}")
        rows.append((rule, ours, theirs, ours_selected == their_selected, len(ours_selected)))

    command = " ".join([".venv/bin/python", "bench/tally.py", *sys.argv[1:]])
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"`{command}`")
    print(f"`{path.name}`: {len(election.ballots)} ballots ({election.vote_type}), {len(election.projects)} projects; "
          f"median of {args.runs} runs each, parsing excluded, both in this process.")
    print()
    print("| rule | ours (s) | pabutools 1.2.3 (s) | speed-up | identical selection |")
    print("| --- | ---: | ---: | ---: | --- |")
    names = {"greedy": "greedy", "mes": "equal shares, cost utilities, add1 + greedy"}
    for rule, ours, theirs, same, count in rows:
        print(f"| {names[rule]} | {ours:.3f} | {theirs:.3f} | {theirs / ours:,.0f}× | "
              f"{'yes' if same else 'NO'} ({count} projects) |")


if __name__ == "__main__":
    main()
