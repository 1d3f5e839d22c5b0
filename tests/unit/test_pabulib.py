"""The Pabulib `.pb` reader and writer: real files read whole, write back unchanged, and bad files name their line."""

from __future__ import annotations

import io
import json
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

from chalicelib.voting.pabulib import (
    Ballot,
    Election,
    PabulibError,
    Profile,
    Project,
    dump,
    format_money,
    parse,
    parse_lines,
    read_profile,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "pabulib"
FILES = sorted(p.name for p in DATA.glob("*.pb"))
FACTS = json.loads((DATA / "instances.json").read_text(encoding="utf-8"))


def read(name: str) -> Election:
    return parse((DATA / name).read_text(encoding="utf-8"))


def test_the_sample_set_is_complete():
    assert len(FILES) == 7
    assert set(FILES) == set(FACTS)


@pytest.mark.parametrize("name", FILES)
def test_every_file_parses_with_the_counts_its_meta_declares(name):
    election = read(name)
    facts = FACTS[name]

    assert len(election.projects) == int(election.meta["num_projects"]) == facts["num_projects"]
    assert len(election.ballots) == int(election.meta["num_votes"]) == facts["num_voters"]
    assert election.budget == facts["budget"]
    assert election.vote_type == facts["vote_type"]
    assert all(pick in election.projects for ballot in election.ballots for pick in ballot.picks)
    assert all(isinstance(p.cost, Fraction) for p in election.projects.values())


@pytest.mark.parametrize("name", FILES)
def test_every_file_round_trips_through_dump(name):
    election = read(name)

    text = dump(election)

    assert parse(text) == election
    assert dump(parse(text)) == text


def test_points_line_up_with_votes_for_cumulative_and_ordinal_files():
    cumulative = read("Poland_Czestochowa_2024_Stare_Miasto.pb")
    ordinal = read("Poland_Krakow_2022_Stare_Miasto.pb")

    assert all(b.points is not None and len(b.points) == len(b.picks) for b in cumulative.ballots)
    assert sum(sum(b.points) for b in cumulative.ballots if b.points) > 0
    first = ordinal.ballots[0]
    assert (first.voter_id, first.picks, first.points) == ("E1182889", ("11", "13", "36"), (3, 2, 1))


def test_quoted_names_keep_their_semicolons_and_quotes():
    krakow = read("Poland_Krakow_2022_Stare_Miasto.pb")

    assert krakow.projects["36"].name == 'Park Kieszonkowy "Olimpijka" - stwórzmy piękną przestrzeń'


def test_extra_project_columns_are_kept():
    assen = read("Netherlands_Assen_2024.pb")

    assert assen.projects["3"].column("selected") == "1"
    assert assen.projects["3"].column("votes") == "43"


# --- small elections written by hand -------------------------------------------------------


def pb(meta: str = "", projects: str = "", votes: str = "", *, vote_type: str = "approval", budget: str = "100",
       num_projects: int | None = 2, num_votes: int | None = 2, points: bool = False) -> str:
    counts = ""
    if num_projects is not None:
        counts += f"num_projects;{num_projects}\n"
    if num_votes is not None:
        counts += f"num_votes;{num_votes}\n"
    projects = projects or "p1;60;Playground\np2;50;Benches\n"
    votes = votes or ("v1;p1,p2;2,1\nv2;p2;3\n" if points else "v1;p1,p2\nv2;p2\n")
    return (
        "META\nkey;value\ndescription;test\ncountry;China\nunit;Shanghai\ninstance;2026\n"
        f"{counts}budget;{budget}\nvote_type;{vote_type}\nrule;greedy\n{meta}"
        f"PROJECTS\nproject_id;cost;name\n{projects}"
        f"VOTES\nvoter_id;vote{';points' if points else ''}\n{votes}"
    )


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_a_minimal_file_parses():
    election = parse(pb())

    assert list(election.projects) == ["p1", "p2"]
    assert election.projects["p1"] == Project("p1", Fraction(60), "Playground")
    assert election.ballots == (Ballot("v1", ("p1", "p2")), Ballot("v2", ("p2",)))


def test_meta_without_counts_is_completed_and_still_round_trips():
    election = parse(pb(num_projects=None, num_votes=None).replace("description;test\n", ""))

    assert (election.meta["num_projects"], election.meta["num_votes"], election.meta["description"]) == ("2", "2", "")
    assert parse(dump(election)) == election


def test_an_election_without_ballots_parses_and_round_trips():
    election = parse(pb(num_votes=0, votes="\n"))

    assert election.ballots == ()
    assert parse(dump(election)) == election


def test_costs_and_budget_may_carry_a_decimal_part():
    election = parse(pb(budget="100000.0", projects="p1;60.50;A\np2;50.0;B\n"))

    assert election.budget == 100000
    assert election.projects["p1"].cost == Fraction(121, 2)
    assert "60.5;A" in dump(election)


@pytest.mark.parametrize(
    ("text", "line_fragment", "problem"),
    [
        (pb().replace("VOTES\nvoter_id;vote\nv1;p1,p2\nv2;p2\n", ""), None, "missing section VOTES"),
        (pb().replace("PROJECTS\n", "").replace("project_id;cost;name\n", ""), "VOTES", "found where section PROJECTS"),
        ("budget;100\n" + pb(), "budget;100", "text before the META section"),
        (pb().replace("project_id;cost;name", "project_id;name"), "project_id;name", "lacks column cost"),
        (pb().replace("voter_id;vote", "voter;vote"), "voter;vote", "lacks column voter_id"),
        (pb(num_projects=3), "num_projects;3", "num_projects says 3 but the file has 2"),
        (pb(num_votes=5), "num_votes;5", "num_votes says 5 but the file has 2"),
        (pb(votes="v1;p1,p9\nv2;p2\n"), "v1;p1,p9", "unknown project 'p9'"),
        (pb(projects="p1;sixty;A\np2;50;B\n"), "p1;sixty", "is not a non-negative decimal number"),
        (pb(projects="p1;-60;A\np2;50;B\n"), "p1;-60", "is not a non-negative decimal number"),
        (pb(budget="lots"), "budget;lots", "budget 'lots' is not"),
        (pb(vote_type="cumulative", points=True, votes="v1;p1,p2;2\nv2;p2;3\n"), "v1;p1,p2;2", "1 points for 2 voted"),
        (pb(vote_type="cumulative", points=True, votes="v1;p1,p2;2,x\nv2;p2;3\n"), "v1;p1,p2;2,x", "not whole numbers"),
        (pb(vote_type="cumulative"), "voter_id;vote", "need a points column"),
        (pb(projects="p1;60;A\np1;50;B\n"), "p1;50;B", "project_id 'p1' appears twice (first on line"),
        (pb(votes="v1;p1\nv1;p2\n"), "v1;p2", "voter_id 'v1' appears twice"),
        (pb(votes="v1;p1,p1\nv2;p2\n"), "v1;p1,p1", "names a project twice"),
        (pb(vote_type="choose-1"), "v1;p1,p2", "choose-1 ballot names 2 projects"),
        (pb(vote_type="plurality"), "vote_type;plurality", "is not one of"),
        (pb().replace("budget;100\n", ""), "META", "META lacks budget"),
        (pb(projects="p1;60;A;extra\np2;50;B\n"), "p1;60;A;extra", "PROJECTS row has 4 fields"),
        (pb(meta="budget;200\n"), "budget;200", "META key 'budget' appears twice"),
    ],
)
def test_malformed_files_name_the_line_and_the_problem(text, line_fragment, problem):
    with pytest.raises(PabulibError) as raised:
        parse(text)

    expected_line = len(text.splitlines()) + 1 if line_fragment is None else line_of(text, line_fragment)
    assert raised.value.line == expected_line
    assert problem in raised.value.problem
    assert str(raised.value).startswith(f"line {expected_line}: ")
    assert isinstance(raised.value, ValueError)
    with pytest.raises(PabulibError) as streamed:
        read_profile(io.StringIO(text, newline=""))
    assert (streamed.value.line, streamed.value.problem) == (raised.value.line, raised.value.problem)


def test_line_numbers_count_physical_lines_inside_quoted_fields():
    text = pb(projects='p1;60;"Two\nlines"\np2;50;B\n', votes="v1;p1\nv2;p7\n")

    with pytest.raises(PabulibError) as raised:
        parse(text)

    assert raised.value.line == line_of(text, "v2;p7")


def test_a_semicolon_inside_quotes_is_part_of_the_name():
    election = parse(pb(projects='p1;60;"Swings; slides"\np2;50;B\n'))

    assert election.projects["p1"].name == "Swings; slides"
    assert parse(dump(election)) == election


def test_built_elections_fill_in_meta_and_vote_columns_and_round_trip():
    election = Election.build(
        budget=Fraction(2001, 2),
        vote_type="cumulative",
        projects=[Project("1", Fraction(500), "长椅"), Project("2", Fraction(250), "花园; 绿化")],
        ballots=[Ballot("a", ("1", "2"), (3, 2)), Ballot("b", ("2",), (5,))],
        meta={"unit": "Shanghai", "description": "社区微更新"},
        selected={"1"},
    )

    assert election.meta["num_votes"] == "2" and election.meta["budget"] == "1000.5"
    assert election.projects["2"].column("score") == "7"
    assert election.projects["1"].column("selected") == "1"
    assert parse(dump(election)) == election


def test_format_money_writes_whole_and_decimal_amounts():
    assert format_money(Fraction(100000)) == "100000"
    assert format_money(Fraction(1001, 10)) == "100.1"
    assert format_money(Fraction(1, 100)) == "0.01"
    with pytest.raises(ValueError):
        format_money(Fraction(1, 3))


# --- reading as a stream -------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_streaming_reads_every_file_as_the_whole_text_does(name):
    whole = read(name)

    with (DATA / name).open(encoding="utf-8", newline="") as lines:
        assert parse_lines(lines) == whole
    with (DATA / name).open(encoding="utf-8", newline="") as lines:
        streamed = read_profile(lines)

    assert streamed == Profile.of(whole)
    assert streamed.voters == len(whole.ballots)
    assert Counter({(b.picks, b.points): n for b, n in streamed.ballot_counts}) == Counter(
        (b.picks, b.points) for b in whole.ballots)


def test_a_stream_is_read_line_by_line_and_identical_ballots_are_merged():
    text = pb(votes="v1;p1,p2\nv2;p2\nv3;p1,p2\n", num_votes=3)
    read_so_far = []

    def lines():
        for line in io.StringIO(text, newline=""):
            read_so_far.append(line)
            yield line

    profile = read_profile(lines())

    assert "".join(read_so_far) == text
    assert profile.voters == 3
    assert sorted((b.picks, n) for b, n in profile.ballot_counts) == [(("p1", "p2"), 2), (("p2",), 1)]
    assert all(b.voter_id == "" for b, _ in profile.ballot_counts)


def test_a_stream_stops_at_the_first_bad_ballot_without_reading_further():
    text = pb(votes="v1;p1\nv2;p9\n" + "v3;p2\n" * 1000, num_votes=None)
    read_so_far = []

    def lines():
        for line in io.StringIO(text, newline=""):
            read_so_far.append(line)
            yield line

    with pytest.raises(PabulibError, match="unknown project 'p9'"):
        read_profile(lines())

    assert len(read_so_far) == line_of(text, "v2;p9")


def test_a_byte_order_mark_before_meta_is_ignored_when_streaming():
    with_bom = io.StringIO("\ufeff" + pb(), newline="")

    assert read_profile(with_bom) == Profile.of(parse(pb()))
