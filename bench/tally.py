"""Tally speed: parse, greedy and equal shares on Bielany, Łódź and a synthetic 150,000-ballot city, and the 1M-ballot parse.

For each election: the time to read the `.pb` file as a stream (`pabulib.read_profile`, what the
command line and the tally job use), greedy's time and equal shares' time (cost utilities, add1,
then greedy) on what was read, ours the median of `--runs` runs in this one process; pabutools
1.2.3's times as expected.json records them (its runs take minutes: 36 s and 202 s on Łódź), or
measured here once with `--pabutools`; peak memory (maxrss of a child process that reads the file
and runs both rules); and whether our selections are those pabutools made. The synthetic elections
are generated from a fixed seed (no pabutools reference): 150,000 approval ballots over 150
projects and 1,000,000 over 200 (read only: time and peak memory). Goals (issue 24): greedy
within 2× the parse time; equal shares ≥ 100× faster than pabutools on Bielany and Łódź, under
10 s for 150,000 ballots; reading 1,000,000 ballots under 512 MB.
A round of 1,000,000 ballots over 200 projects is also counted as the tally job reads it from the
ballots table (`--from-table` measures that alone).
Run: .venv/bin/python bench/tally.py [--runs 3] [--pabutools] [--from-table]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import machine  # noqa: E402
from chalicelib.voting import mes_fast, tally  # noqa: E402
from chalicelib.voting.pabulib import Profile, read_profile  # noqa: E402

DATA = ROOT / "tests" / "data" / "pabulib"
EXPECTED = {**json.loads((DATA / "expected.json").read_text(encoding="utf-8"))}
for _name, _rules in json.loads((DATA / "expected_extra.json").read_text(encoding="utf-8"))["outcomes"].items():
    for _rule, _outcome in _rules.items():
        EXPECTED[_name].setdefault(_rule, _outcome)
REFERENCE = {"greedy": "greedy", "mes": "mes_cost_add1_greedy"}
REFERENCE_TIMES = {True: "one run each here",
                   False: "the seconds expected.json records (one run each on this machine, parsing excluded)"}
REAL = ("Poland_Warszawa_2021_Bielany.pb", "Poland_Lodz_2023.pb")
# What a child process runs to measure peak memory: read the file, then (unless told not to) count.
MEMORY_PROBE = """
import resource, sys
sys.path.insert(0, sys.argv[1])
from chalicelib.voting import pabulib, tally
with open(sys.argv[2], encoding="utf-8", newline="") as lines:
    profile = pabulib.read_profile(lines)
if sys.argv[3] == "count":
    tally.greedy(profile)
    tally.mes(profile)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""
# What a child process runs for a round read from the ballots table: the tally job's own functions
# (tallying.counted), with the table's pages made up from a fixed seed as they come (each shard's ids
# increasing, as its sort key orders them) and the published file copied to a temporary file, not S3.
TABLE_PROBE = """
import json, random, resource, shutil, sys, tempfile, time
from types import SimpleNamespace
sys.path.insert(0, sys.argv[1])
from chalicelib.voting import repository, tally, tallying
from chalicelib.voting.models import MethodKind, ProjectStatus, SelectionRule
from chalicelib.voting.records import StoredBallot
from chalicelib.voting.rules import BALLOT_SHARDS
N, P = int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(1)
ids = [f"P{j:03d}" for j in range(P)]
weights = [1 / (r + 1) for r in range(P)]
rng.shuffle(weights)
costs = [rng.randrange(20, 2000) * 1000 for _ in ids]
def pages(round_id, shard):
    draw, made, at = random.Random(shard), 0, 0
    size = N // BALLOT_SHARDS + (shard < N % BALLOT_SHARDS)
    while made < size:
        page = []
        for _ in range(min(1000, size - made)):
            at += draw.randrange(1, 16**26 // size)
            picks = sorted(set(draw.choices(range(P), weights, k=min(P, 1 + int(draw.expovariate(1 / 3))))))
            page.append(StoredBallot(id=f"{at:026x}", picks=[ids[j] for j in picks]))
            made += 1
        yield page
repository.ballot_pages = pages
repository.legacy_ballots = lambda round_id: []
counting = [0.0]
mes = tally.mes
def timed_mes(profile):
    start = time.perf_counter()
    outcome = mes(profile)
    counting[0] += time.perf_counter() - start
    return outcome
tally.mes = timed_mes
method = SimpleNamespace(kind=MethodKind.approval, points=None, min_picks=1, max_picks=None)
record = SimpleNamespace(id="R1", method=method, title="t", scope="310110012", rule=SelectionRule.mes,
                         budget_fen=sum(costs) // 4)
projects = [SimpleNamespace(id=i, status=ProjectStatus.feasible, final_cost_fen=c, title=i) for i, c in zip(ids, costs)]
start = time.perf_counter()
with tallying.counted(record, projects) as (profile, outcome, published), tempfile.TemporaryFile() as s3:
    counted = time.perf_counter()
    shutil.copyfileobj(published, s3)
    size = s3.tell()
done = time.perf_counter()
print(json.dumps({"total": done - start, "mes": counting[0], "publish": done - counted, "size": size,
                  "distinct": len(profile.ballot_counts), "selected": len(outcome.selected),
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def synthetic(path: Path, ballots: int, projects: int, seed: int) -> Path:
    """A city-wide approval election: popularity falls off as 1/rank, ballots of 1 to 10 projects,
    costs from 20,000 to 2,000,000 fen-free units, a budget of a quarter of all costs."""
    rng = random.Random(seed)
    ids = [f"P{j:03d}" for j in range(projects)]
    costs = [rng.randrange(20, 2000) * 1000 for _ in ids]
    weights = [1 / (rank + 1) for rank in range(projects)]
    rng.shuffle(weights)
    budget = sum(costs) // 4
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(f"META\nkey;value\ndescription;synthetic city, seed {seed}\ncountry;China\nunit;city\n"
                  f"instance;synthetic\nnum_projects;{projects}\nnum_votes;{ballots}\nbudget;{budget}\n"
                  "vote_type;approval\nrule;greedy\n")
        out.write("PROJECTS\nproject_id;cost\n")
        out.writelines(f"{pid};{cost}\n" for pid, cost in zip(ids, costs, strict=True))
        out.write("VOTES\nvoter_id;vote\n")
        for voter in range(ballots):
            size = min(projects, 1 + int(rng.expovariate(1 / 3)))
            picks = sorted(set(rng.choices(range(projects), weights, k=size)))
            out.write(f"{voter};{','.join(ids[j] for j in picks)}\n")
    return path


def read(path: Path) -> Profile:
    with path.open(encoding="utf-8", newline="") as lines:
        return read_profile(lines)


def timed(call: Callable[[], Any], runs: int, label: str) -> tuple[float, Any]:
    seconds, result = [], None
    for run in range(runs):
        start = time.perf_counter()
        result = call()
        seconds.append(time.perf_counter() - start)
        machine.progress(f"{label} run {run + 1}/{runs}: {seconds[-1]:.3f} s")
    return statistics.median(seconds), result


def peak_memory(path: Path, count: bool) -> int:
    probe = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(ROOT), str(path), "count" if count else "read"],
                           check=True, capture_output=True, text=True)
    return int(probe.stdout.strip())


def from_table(ballots: int, projects: int) -> dict[str, Any]:
    """A round counted as the tally job counts it, in a child process of its own: seconds and peak memory."""
    probe = subprocess.run([sys.executable, "-c", TABLE_PROBE, str(ROOT), str(ballots), str(projects)],
                           check=True, capture_output=True, text=True)
    row: dict[str, Any] = {**json.loads(probe.stdout), "ballots": ballots, "projects": projects, "load": os.getloadavg()[0]}
    return row


def from_table_line(r: dict[str, Any]) -> str:
    return (f"From the table, {r['ballots']:,} ballots over {r['projects']} projects ({r['distinct']:,} distinct), "
            f"counted as the tally job counts it (`tallying.counted`: 16 shards' pages merged in id order, each "
            f"ballot's row spooled to a temporary file, equal shares on the merged ballots, the `.pb` file "
            f"{r['size'] / 2**20:,.0f} MB written): {r['total']:.1f} s, of which equal shares {r['mes']:.1f} s and "
            f"publishing {r['publish']:.1f} s (the rest reading, pages made up from a fixed seed included), peak "
            f"memory {r['peak'] / 2**20:,.0f} MB (goal under 512 MB: {'met' if r['peak'] < 512 * 2**20 else 'missed'}; "
            f"load {r['load']:.2f}).")


def pabutools_seconds(path: Path, rule: str) -> float:
    """One pabutools run of the rule, as expected.json's `definition` calls it (approval files only)."""
    from pabutools.election import parse_pabulib
    from pabutools.election.satisfaction import Cost_Sat
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

    instance, profile = parse_pabulib(str(path))
    start = time.perf_counter()
    if rule == "greedy":
        greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
    else:
        funded = method_of_equal_shares(instance, profile.as_multiprofile(), sat_class=Cost_Sat, voter_budget_increment=1)
        greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, initial_budget_allocation=funded)
    return time.perf_counter() - start


class RunCounter:
    """How many add1 runs one tally made, and how many the int64 arrays left to Python integers or fractions."""

    def __init__(self) -> None:
        self.arrays = self.big = self.ambiguous_arrays = self.ambiguous_big = 0
        self.original = mes_fast.run

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        arrays = kwargs.get("engine") is not None
        self.arrays += arrays
        self.big += not arrays
        try:
            return self.original(*args, **kwargs)
        except mes_fast.Ambiguous:
            self.ambiguous_arrays += arrays
            self.ambiguous_big += not arrays
            raise


def measure(path: Path, runs: int, run_pabutools: bool) -> dict[str, Any]:
    name = path.name
    parse_s, profile = timed(lambda: read(path), runs, f"{name} read")
    greedy_s, greedy = timed(lambda: tally.greedy(profile), runs, f"{name} greedy")
    counter = RunCounter()
    mes_fast.run = counter  # type: ignore[assignment]
    try:
        mes_s, mes = timed(lambda: tally.mes(profile), runs, f"{name} equal shares")
    finally:
        mes_fast.run = counter.original  # type: ignore[assignment]
    row: dict[str, Any] = {"name": name, "ballots": profile.voters, "distinct": len(profile.ballot_counts),
                           "projects": len(profile.projects), "parse": parse_s, "greedy": greedy_s, "mes": mes_s,
                           "counter": counter, "runs": runs, "memory": peak_memory(path, count=True),
                           "load": os.getloadavg()[0]}
    for rule, outcome in (("greedy", greedy), ("mes", mes)):
        reference = EXPECTED.get(name, {}).get(REFERENCE[rule])
        row[f"{rule}_same"] = None if reference is None else sorted(outcome.selected) == reference["selected"]
        row[f"{rule}_count"] = len(outcome.selected)
        row[f"{rule}_theirs"] = None if reference is None else reference["seconds"]
        if run_pabutools and reference is not None:
            row[f"{rule}_theirs"] = pabutools_seconds(path, rule)
            machine.progress(f"{name} pabutools {rule}: {row[f'{rule}_theirs']:.1f} s")
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of ours per step (the median is shown)")
    parser.add_argument("--pabutools", action="store_true", help="run pabutools once per rule instead of expected.json's times")
    parser.add_argument("--from-table", action="store_true",
                        help="only count a 1,000,000-ballot round read from the table, and print its line")
    args = parser.parse_args()
    if args.from_table:
        print(from_table_line(from_table(1_000_000, 200)))
        return
    rows = [measure(DATA / name, args.runs, args.pabutools) for name in REAL]
    with tempfile.TemporaryDirectory() as folder:
        city = synthetic(Path(folder) / "synthetic_150k.pb", 150_000, 150, seed=24)
        rows.append(measure(city, args.runs, False))
        million = synthetic(Path(folder) / "synthetic_1m.pb", 1_000_000, 200, seed=1)
        million_s, million_profile = timed(lambda: read(million), 1, "1M read")
        million_distinct = len(million_profile.ballot_counts)
        del million_profile
        million_memory = peak_memory(million, count=False)
        million_load = os.getloadavg()[0]
    report(rows, args, million_s, million_distinct, million_memory, million_load, from_table(1_000_000, 200))


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}" if value < 10 else f"{value:.1f}"


def same(value: bool | None, count: int) -> str:
    return f"no reference ({count})" if value is None else f"{'yes' if value else 'NO'} ({count})"


def report(rows: list[dict[str, Any]], args: argparse.Namespace, million_s: float, million_distinct: int,
           million_memory: int, million_load: float, table_row: dict[str, Any]) -> None:
    machine.section("Tally speed", f"""
    Ours: the median of {args.runs} runs per step, in this one process: reading the `.pb` file as a stream
    (identical ballots merged as they come), greedy, and equal shares with cost utilities, add1 and greedy
    completion (pabutools' `mes_cost_add1_greedy`, its tie-breaking). pabutools 1.2.3:
    {REFERENCE_TIMES[args.pabutools]}.
    Peak memory: maxrss of a child process that reads the file and runs both rules (Python and numpy
    included). Load: the 1-minute load average when the row was measured (six helpers share 2 cores).
    """)
    machine.table(
        ("election", "ballots (distinct)", "projects", "read (s)", "greedy (s)", "equal shares (s)",
         "pabutools greedy / equal shares (s)", "speed-up, equal shares", "peak memory",
         "same as pabutools: greedy / MES (projects)", "load"),
        ([r["name"].removesuffix(".pb"), f"{r['ballots']:,} ({r['distinct']:,})", r["projects"], seconds(r["parse"]),
          seconds(r["greedy"]), seconds(r["mes"]), f"{seconds(r['greedy_theirs'])} / {seconds(r['mes_theirs'])}",
          "—" if r["mes_theirs"] is None else f"{r['mes_theirs'] / r['mes']:,.0f}×", f"{r['memory'] / 2**20:,.0f} MB",
          f"{same(r['greedy_same'], r['greedy_count'])} / {same(r['mes_same'], r['mes_count'])}", f"{r['load']:.2f}"]
         for r in rows),
        right=(2, 3, 4, 5, 7, 8))
    lines = []
    for r in rows:
        c = r["counter"]
        speed = ""
        if r["mes_theirs"] is not None:
            ratio = r["mes_theirs"] / r["mes"]
            speed = f", {ratio:,.0f}× pabutools (goal 100×: {'met' if ratio >= 100 else 'missed'})"
        lines.append(f"{r['name'].removesuffix('.pb')}: greedy {r['greedy'] / r['parse']:.2f}× the read time (goal ≤ 2×: "
                     f"{'met' if r['greedy'] <= 2 * r['parse'] else 'missed'}); equal shares {seconds(r['mes'])} s{speed}; "
                     f"{c.arrays // r['runs']} add1 runs per tally in int64 arrays, "
                     f"{c.ambiguous_arrays // r['runs']} of them redone in Python integers, "
                     f"{c.ambiguous_big // r['runs']} in fractions.")
    synthetic_row = rows[-1]
    lines.append(f"Synthetic 150,000 ballots: equal shares {seconds(synthetic_row['mes'])} s "
                 f"(goal under 10 s: {'met' if synthetic_row['mes'] < 10 else 'missed'}).")
    lines.append(f"Synthetic 1,000,000 ballots over 200 projects ({million_distinct:,} distinct): read in "
                 f"{million_s:.1f} s, peak memory {million_memory / 2**20:,.0f} MB (goal under 512 MB: "
                 f"{'met' if million_memory < 512 * 2**20 else 'missed'}; load {million_load:.2f}).")
    lines.append(from_table_line(table_row))
    machine.paragraphs("\n\n".join(lines))
    machine.paragraphs("""
    How: every add1 run is `mes_fast.py`'s certified integer run (units of 2^-shift currency, every
    budget within a proven error bound, a decision taken only when rounding cannot change it) with the
    budgets in a numpy int64 array, one entry per group of identical ballots (`mes_vec.py`); a run those
    59 bits cannot decide is redone in Python integers (128 bits), and one those cannot decide in
    fractions. Money never passes through floating point. Prices are computed lazily (only projects that
    could be cheapest), and each run is guided by the previous run's funding order.
    """)


if __name__ == "__main__":
    main()
