"""Reading and writing participatory-budgeting elections in the Pabulib `.pb` format.

This module owns the `.pb` text format (pabulib.org): a `META` section of `key;value` rows, a
`PROJECTS` section and a `VOTES` section, each opened by a header line, all `;`-separated with
CSV quoting. `parse` turns a file into an immutable `Election` and refuses a malformed one with
a `PabulibError` that names the line; `dump` writes an `Election` back so that
`parse(dump(election)) == election`. Money is exact (`Fraction`): files write costs as `100000`
or `100000.0`, and a tally must never depend on float rounding. Published rounds are exported
with `dump`, so anyone can recount them with any Pabulib tool.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TypeVar

_T = TypeVar("_T")
VOTE_TYPES = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
# Ballots of these types carry a `points` column lining up with `vote`.
POINTS_VOTE_TYPES = ("cumulative", "scoring")
SECTIONS = ("META", "PROJECTS", "VOTES")
# Amounts as Pabulib writes them: `100000` or `100000.0`; no sign, exponent or fraction bar.
DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")
# Read into `_Meta.budget` and `_Meta.vote_type`, in this order.
REQUIRED_META = ("budget", "vote_type")
REQUIRED_COLUMNS = {"META": ("key", "value"), "PROJECTS": ("project_id", "cost"), "VOTES": ("voter_id", "vote")}
# Project columns that `Project` holds as attributes (read in this order); any other column is kept in `Project.extra`.
PROJECT_ATTRIBUTES = ("project_id", "cost", "name", "category")
# The order in which `dump` writes the META keys it knows (Pabulib's customary one); others follow as they came.
DUMP_META_ORDER = (
    "description", "country", "unit", "instance", "num_projects", "num_votes", "budget", "vote_type", "rule",
    "min_length", "max_length", "min_sum_cost", "max_sum_cost", "min_points", "max_points", "min_sum_points",
    "max_sum_points",
)


class PabulibError(ValueError):
    """A `.pb` text that cannot be read as an election; `line` is 1-based, 0 when no line is to blame."""

    def __init__(self, line: int, problem: str):
        super().__init__(f"line {line}: {problem}" if line else problem)
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Project:
    id: str
    cost: Fraction
    name: str = ""
    category: str = ""
    # Every other PROJECTS column (votes, score, selected, description, …) as it was written.
    extra: tuple[tuple[str, str], ...] = ()

    def column(self, name: str, default: str = "") -> str:
        return dict(self.extra).get(name, default)


@dataclass(frozen=True)
class Ballot:
    voter_id: str
    picks: tuple[str, ...]  # project ids; for ordinal ballots, best first
    points: tuple[int, ...] | None = None  # lines up with `picks` when the file gives points


@dataclass(frozen=True)
class Election:
    meta: dict[str, str]
    budget: Fraction
    vote_type: str
    projects: dict[str, Project]  # in file order
    ballots: tuple[Ballot, ...]

    @classmethod
    def build(
        cls,
        *,
        budget: Fraction | int,
        vote_type: str,
        projects: Iterable[Project],
        ballots: Iterable[Ballot],
        meta: Mapping[str, str] | None = None,
        selected: Collection[str] | None = None,
    ) -> Election:
        """An election as `dump` writes it: META complete, `votes` (and `score`, `selected`) columns filled in.

        Built this way, `parse(dump(election)) == election` holds exactly.
        """
        ballots = tuple(ballots)
        budget = Fraction(budget)
        rows, full_meta = _counted(budget, vote_type, projects, ((b, 1) for b in ballots), len(ballots), meta, selected)
        return cls(meta=full_meta, budget=budget, vote_type=vote_type, projects=rows, ballots=ballots)


def _counted(budget: Fraction, vote_type: str, projects: Iterable[Project], ballot_counts: Iterable[tuple[Ballot, int]],
             voters: int, meta: Mapping[str, str] | None, selected: Collection[str] | None
             ) -> tuple[dict[str, Project], dict[str, str]]:
    """The projects with `votes` (and `score`, `selected`) filled in, and META complete."""
    votes: dict[str, int] = {}
    score: dict[str, int] = {}
    for ballot, count in ballot_counts:
        for rank, pick in enumerate(ballot.picks):
            votes[pick] = votes.get(pick, 0) + count
            if ballot.points is not None:
                score[pick] = score.get(pick, 0) + ballot.points[rank] * count
    rows: dict[str, Project] = {}
    for project in projects:
        # Extra columns are open-ended in the format: these three are the ones a count fills in.
        extra = dict(project.extra)
        extra.update(votes=str(votes.get(project.id, 0)))
        if vote_type in POINTS_VOTE_TYPES:
            extra.update(score=str(score.get(project.id, 0)))
        if selected is not None:
            extra.update(selected="1" if project.id in selected else "0")
        rows[project.id] = replace(project, extra=tuple(extra.items()))
    full_meta = {"country": "China", **(meta or {})}
    full_meta.update(num_projects=str(len(rows)), num_votes=str(voters), budget=format_money(budget),
                     vote_type=vote_type)
    return rows, _required_meta(full_meta, len(rows), voters)


def parse(text: str) -> Election:
    """Read a `.pb` text; raise `PabulibError` naming the first line that is wrong."""
    return parse_lines(io.StringIO(text, newline=""))


def parse_lines(lines: Iterable[str]) -> Election:
    """`parse` over the lines of a file opened with `newline=""`, keeping every ballot."""
    opened = _open(lines)
    ballots = tuple(_read_votes(opened))
    return opened.finish(len(ballots), lambda meta: Election(meta=meta, budget=opened.budget, vote_type=opened.vote_type,
                                                             projects=opened.projects, ballots=ballots))


def read_profile(lines: Iterable[str]) -> Profile:
    """A `.pb` file read as it streams, identical ballots merged as they come: what a tally needs.

    `lines` are those of a file opened with `newline=""`. The same checks as `parse`, and the same
    first error, except that a fault in a ballot is reported before a misplaced section header below it.
    """
    opened = _open(lines)
    counts: dict[tuple[tuple[str, ...], tuple[int, ...] | None], int] = {}
    voters = 0
    for ballot in _read_votes(opened):
        key = (ballot.picks, ballot.points)
        counts[key] = counts.get(key, 0) + 1
        voters += 1
    merged = tuple((Ballot("", picks, points), count) for (picks, points), count in counts.items())
    return opened.finish(voters, lambda meta: Profile(meta=meta, budget=opened.budget, vote_type=opened.vote_type,
                                                      projects=opened.projects, ballot_counts=merged, voters=voters))


@dataclass(frozen=True)
class Profile:
    """An election with identical ballots merged (voter ids dropped): (ballot, how many cast it)."""

    meta: dict[str, str]
    budget: Fraction
    vote_type: str
    projects: dict[str, Project]
    ballot_counts: tuple[tuple[Ballot, int], ...]
    voters: int

    @classmethod
    def build(cls, *, budget: Fraction | int, vote_type: str, projects: Iterable[Project],
              ballot_counts: Iterable[tuple[Ballot, int]], meta: Mapping[str, str] | None = None,
              selected: Collection[str] | None = None) -> Profile:
        """`Election.build` for ballots already merged: the same META and columns, so `dump_head`
        of it is the head `dump` writes for the election of the same ballots."""
        merged = tuple(ballot_counts)
        budget = Fraction(budget)
        voters = sum(count for _, count in merged)
        rows, full_meta = _counted(budget, vote_type, projects, merged, voters, meta, selected)
        return cls(meta=full_meta, budget=budget, vote_type=vote_type, projects=rows, ballot_counts=merged, voters=voters)

    @classmethod
    def of(cls, election: Election) -> Profile:
        counts: dict[tuple[tuple[str, ...], tuple[int, ...] | None], int] = {}
        for b in election.ballots:
            counts[b.picks, b.points] = counts.get((b.picks, b.points), 0) + 1
        return cls(election.meta, election.budget, election.vote_type, election.projects,
                   tuple((Ballot("", picks, points), n) for (picks, points), n in counts.items()), len(election.ballots))


def dump(election: Election) -> str:
    """Write an election as a valid `.pb` text; `parse` reads it back equal to a parsed or built `Election`.

    META keeps the election's own strings where they agree with its contents (a file's `100000.0`
    stays as written); counts, budget and vote type are corrected where they do not.
    """
    has_points = any(b.points is not None for b in election.ballots)
    out = io.StringIO()
    out.write(dump_head(election, has_points))
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerows(vote_row(b, has_points) for b in election.ballots)
    return out.getvalue()


def dump_head(election: Election | Profile, has_points: bool) -> str:
    """What `dump` writes before the ballots' rows: META, PROJECTS and the VOTES header, with
    `points` when any ballot has points. A stream of `vote_row`s may follow it."""
    voters = election.voters if isinstance(election, Profile) else len(election.ballots)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    meta = dict(election.meta)
    for key, value in (("num_projects", len(election.projects)), ("num_votes", voters)):
        if meta.get(key) != str(value):
            meta[key] = str(value)
    if _exact_or_none(meta.get("budget", "")) != election.budget:
        meta.update(budget=format_money(election.budget))
    meta.update(vote_type=election.vote_type)
    meta = _required_meta(meta, len(election.projects), voters)
    ordered = [k for k in DUMP_META_ORDER if k in meta] + [k for k in meta if k not in DUMP_META_ORDER]
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    writer.writerows([key, meta[key]] for key in ordered)

    extra_columns: list[str] = []
    for project in election.projects.values():
        extra_columns += [name for name, _ in project.extra if name not in extra_columns]
    has_category = any(p.category for p in election.projects.values())
    writer.writerow(["PROJECTS"])
    writer.writerow(["project_id", "cost", "name", *(("category",) if has_category else ()), *extra_columns])
    for p in election.projects.values():
        extra = dict(p.extra)
        writer.writerow([p.id, format_money(p.cost), p.name, *([p.category] if has_category else []),
                         *(extra.get(c, "") for c in extra_columns)])

    writer.writerow(["VOTES"])
    writer.writerow(["voter_id", "vote", *(("points",) if has_points else ())])
    return out.getvalue()


def vote_row(ballot: Ballot, has_points: bool) -> list[str]:
    """A ballot's row under VOTES, for a `csv.writer` like `dump`'s (`;`-separated, `\\n`-ended)."""
    return [ballot.voter_id, ",".join(ballot.picks), *([",".join(map(str, ballot.points or ()))] if has_points else [])]


def _required_meta(meta: dict[str, str], projects: int, ballots: int) -> dict[str, str]:
    """META with every key Pabulib requires: counts from the contents, free-text keys empty if absent.

    `parse` and `dump` both complete META this way, so that what `dump` adds `parse` already had.
    """
    complete = dict(meta)
    complete.setdefault("num_projects", str(projects))
    complete.setdefault("num_votes", str(ballots))
    for key in ("description", "country", "unit", "instance", "rule"):
        complete.setdefault(key, "")
    return complete


def format_money(amount: Fraction) -> str:
    """`123` for whole amounts, else a terminating decimal such as `99.5`; Pabulib has no syntax for 1/3."""
    if amount < 0:
        raise ValueError(f"{amount} is negative")
    digits = 0
    while (amount * 10**digits).denominator != 1:
        digits += 1
        if digits > 12:
            raise ValueError(f"{amount} has no short decimal form")
    if digits == 0:
        return str(amount.numerator)
    units, decimals = divmod((amount * 10**digits).numerator, 10**digits)
    return f"{units}.{decimals:0{digits}d}"


# --- reading -------------------------------------------------------------------------------


@dataclass
class _Section:
    name: str
    line: int  # where the section's name stands
    header: list[str] = field(default_factory=list)
    header_line: int = 0
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    meta_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, meta_key: str) -> int:
        return self.meta_lines.get(meta_key, self.line)


def _records(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    # csv counts physical lines itself, so a quoted name spanning lines still yields the right line.
    reader = csv.reader(_without_bom(lines), delimiter=";")
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield reader.line_num, row
    except csv.Error as exc:
        raise PabulibError(reader.line_num, f"unreadable CSV: {exc}") from exc


def _without_bom(lines: Iterable[str]) -> Iterator[str]:
    iterator = iter(lines)
    for first in iterator:
        yield first.lstrip("\ufeff")
        break
    yield from iterator


@dataclass
class _Opened:
    """META and PROJECTS read and checked; `votes` yields the VOTES rows still unread in the file."""

    meta_section: _Section
    meta: _Meta
    budget: Fraction
    vote_type: str
    projects: dict[str, Project]
    votes_section: _Section
    votes: Iterator[tuple[int, list[str]]]

    def finish(self, ballots: int, make: Callable[[dict[str, str]], _T]) -> _T:
        _check_count(self.meta.values, "num_projects", len(self.projects), self.meta_section)
        _check_count(self.meta.values, "num_votes", ballots, self.meta_section)
        return make(_required_meta(self.meta.values, len(self.projects), ballots))


def _open(lines: Iterable[str]) -> _Opened:
    records = _records(lines)
    sections = _split_sections(records)
    meta_section, projects_section, votes_section = (sections[name] for name in SECTIONS)
    meta = _read_meta(meta_section)
    vote_type = meta.vote_type
    if vote_type not in VOTE_TYPES:
        raise PabulibError(meta_section.line_of("vote_type"), f"vote_type {vote_type!r} is not one of {', '.join(VOTE_TYPES)}")
    budget = _money(meta.budget, meta_section.line_of("budget"), "budget")
    projects = _read_projects(projects_section)
    return _Opened(meta_section, meta, budget, vote_type, projects, votes_section, _vote_rows(records, votes_section))


def _split_sections(records: Iterator[tuple[int, list[str]]]) -> dict[str, _Section]:
    """Every section up to VOTES' header; the VOTES rows are left in `records`, to stream."""
    sections: dict[str, _Section] = {}
    current: _Section | None = None
    for line, row in records:
        word = row[0].strip()
        if len(row) == 1 and word in SECTIONS:
            if word in sections:
                raise PabulibError(line, f"section {word} appears twice")
            expected = SECTIONS[len(sections)]
            if word != expected:
                raise PabulibError(line, f"section {word} found where section {expected} was expected")
            current = sections[word] = _Section(word, line)
        elif current is None:
            raise PabulibError(line, "text before the META section")
        elif not current.header:
            current.header, current.header_line = [c.strip() for c in row], line
            missing = [c for c in REQUIRED_COLUMNS[current.name] if c not in current.header]
            if missing:
                raise PabulibError(line, f"{current.name} header lacks column {', '.join(missing)}")
            if len(set(current.header)) != len(current.header):
                raise PabulibError(line, f"{current.name} header names a column twice")
            if current.name == "VOTES":
                return sections
        else:
            current.rows.append((line, row))
    end = max((s.rows[-1][0] if s.rows else s.header_line or s.line) for s in sections.values()) if sections else 0
    for name in SECTIONS:
        if name not in sections:
            raise PabulibError(end + 1 if sections else 1, f"missing section {name}")
        if not sections[name].header:
            raise PabulibError(sections[name].line + 1, f"section {name} has no header line")
    raise AssertionError("VOTES has a header, so the loop returned")


def _vote_rows(records: Iterator[tuple[int, list[str]]], section: _Section) -> Iterator[tuple[int, list[str]]]:
    for line, row in records:
        word = row[0].strip()
        if len(row) == 1 and word in SECTIONS:
            raise PabulibError(line, f"section {word} appears twice")
        yield line, row


@dataclass(frozen=True)
class _Meta:
    """META as read: every key with its value, in file order, and the two keys every file has."""

    values: dict[str, str]
    budget: str
    vote_type: str


def _read_meta(section: _Section) -> _Meta:
    meta: dict[str, str] = {}
    if section.header != ["key", "value"]:
        raise PabulibError(section.header_line, "META header must be key;value")
    for line, row in section.rows:
        if len(row) < 2:
            raise PabulibError(line, "META row needs a key and a value")
        key = row[0].strip()
        if key in meta:
            raise PabulibError(line, f"META key {key!r} appears twice")
        # Some published files leave a ';' unquoted in a free-text comment: the value is all that follows the key.
        meta[key] = ";".join(row[1:]).strip()
        section.meta_lines[key] = line
    for key in REQUIRED_META:
        if key not in meta:
            raise PabulibError(section.line, f"META lacks {key}")
    budget, vote_type = (meta[key] for key in REQUIRED_META)
    return _Meta(values=meta, budget=budget, vote_type=vote_type)


def _read_projects(section: _Section) -> dict[str, Project]:
    header = section.header
    projects: dict[str, Project] = {}
    lines: dict[str, int] = {}
    for line, row in section.rows:
        if len(row) != len(header):
            raise PabulibError(line, f"PROJECTS row has {len(row)} fields, the header has {len(header)}")
        cells = tuple(zip(header, (c.strip() for c in row), strict=True))
        project_id, cost, name, category = (_cell(cells, column) for column in PROJECT_ATTRIBUTES)
        if not project_id:
            raise PabulibError(line, "empty project_id")
        if project_id in projects:
            raise PabulibError(line, f"project_id {project_id!r} appears twice (first on line {lines[project_id]})")
        projects[project_id] = Project(
            id=project_id,
            cost=_money(cost, line, f"cost of project {project_id}"),
            name=name,
            category=category,
            extra=tuple((k, v) for k, v in cells if k not in PROJECT_ATTRIBUTES),
        )
        lines[project_id] = line
    return projects


def _read_votes(opened: _Opened) -> Iterator[Ballot]:
    section, projects, vote_type = opened.votes_section, opened.projects, opened.vote_type
    # Picks point at the project's own id string, so that a million ballots share a few hundred strings.
    own_id = {pid: pid for pid in projects}
    header = section.header
    voter_at, vote_at = header.index("voter_id"), header.index("vote")
    points_at = header.index("points") if "points" in header else None
    if vote_type in POINTS_VOTE_TYPES and points_at is None:
        raise PabulibError(section.header_line, f"{vote_type} ballots need a points column")
    seen: dict[str, int] = {}
    for line, row in opened.votes:
        if len(row) != len(header):
            raise PabulibError(line, f"VOTES row has {len(row)} fields, the header has {len(header)}")
        voter_id = row[voter_at].strip()
        if not voter_id:
            raise PabulibError(line, "empty voter_id")
        if voter_id in seen:
            raise PabulibError(line, f"voter_id {voter_id!r} appears twice (first on line {seen[voter_id]})")
        seen[voter_id] = line
        raw_picks = _split_list(row[vote_at])
        for pick in raw_picks:
            if pick not in projects:
                raise PabulibError(line, f"vote names unknown project {pick!r}")
        picks = tuple(own_id[pick] for pick in raw_picks)
        if len(set(picks)) != len(picks):
            raise PabulibError(line, "vote names a project twice")
        if vote_type == "choose-1" and len(picks) > 1:
            raise PabulibError(line, f"a choose-1 ballot names {len(picks)} projects")
        points = None
        if points_at is not None:
            raw = _split_list(row[points_at])
            try:
                points = tuple(int(p) for p in raw)
            except ValueError as exc:
                raise PabulibError(line, f"points {row[points_at]!r} are not whole numbers") from exc
            if len(points) != len(picks):
                raise PabulibError(line, f"{len(points)} points for {len(picks)} voted projects")
            if any(p < 0 for p in points):
                raise PabulibError(line, "negative points")
        yield Ballot(voter_id=voter_id, picks=picks, points=points)


def _cell(cells: tuple[tuple[str, str], ...], column: str) -> str:
    """A row's value in `column`, or "" where the file has no such column."""
    return next((value for name, value in cells if name == column), "")


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split(",") if item.strip())


def _exact_or_none(raw: str) -> Fraction | None:
    return Fraction(raw.strip()) if DECIMAL.fullmatch(raw.strip()) else None


def _money(raw: str, line: int, what: str) -> Fraction:
    amount = _exact_or_none(raw)
    if amount is None:
        raise PabulibError(line, f"{what} {raw!r} is not a non-negative decimal number")
    return amount


def _check_count(meta: dict[str, str], key: str, actual: int, section: _Section) -> None:
    if key not in meta:
        return
    line = section.line_of(key)
    try:
        declared = int(meta[key])
    except ValueError as exc:
        raise PabulibError(line, f"{key} {meta[key]!r} is not a whole number") from exc
    if declared != actual:
        raise PabulibError(line, f"{key} says {declared} but the file has {actual}")
