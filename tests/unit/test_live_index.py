"""The Mulin index v2 (chalicelib/live/index.py): the indicator system, its arithmetic, suppression,
the quarterly entries' rules and the month's recountable copy."""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction

import pytest

from chalicelib.live import entries, index

# 8 of 10 replies on time, 6 of 8 acceptances on time, 20 ratings averaging 4, 30 suggestions
# and ballots in a committee of 3,000 residents.
COUNTS = {"replies": 10, "replies_on_time": 8, "suggestions_accepted": 8, "suggestions_accepted_on_time": 6,
          "ratings": 20, "rating_points": 80, "suggestions_received": 25, "ballots_cast": 5, "adoptions": 3}


def test_every_indicator_is_described_in_full_and_the_weights_sum_to_one():
    assert index.INDEX_VERSION == "2.1"
    assert sum(Fraction(i.weight) for i in index.INDICATORS) == 1
    for dimension in index.DIMENSIONS:
        members = [i for i in index.INDICATORS if i.dimension == dimension]
        assert sum(Fraction(i.weight) for i in members) == Fraction(1, 4), dimension
        assert {i.kind for i in members} == {"basic", "guidance"}, dimension
    for indicator in index.INDICATORS:
        described = index.describe(indicator)
        assert described["kind"] in ("basic", "guidance") and described["method"] in ("measured", "entered")
        assert all(described[part]["zh"] and described[part]["en"] for part in ("name", "formula", "source"))
        assert described["target"] > 0 and described["weight"] > 0
    # Money and conventions rest on no count of people (a convention is a public text with its vote).
    assert set(index.MEASURED) == set(index.BASES) | {"cg_fund_approved", "rl_conventions"}
    formula = index.formula()
    assert formula["version"] == "2.1" and set(formula["indicators"]) == set(index.BY_ID)


def test_each_measured_formula():
    values = index.measure(COUNTS, residents=Fraction(3000), fund_approved_fen=300_000, allocated_fen=1_000_000)
    assert values["rl_reply_deadline"] == Fraction(8, 10)
    assert values["cg_acceptance_on_time"] == Fraction(6, 8)
    assert values["cv_satisfaction"] == 4
    assert values["sg_participation"] == Fraction(30 * 1000, 3000)
    assert values["sg_turnout"] == Fraction(5, 3000)
    assert values["cg_adoption"] == Fraction(3, 10)
    assert values["cg_fund_approved"] == Fraction(3, 10)
    assert values["sg_topics"] is None and values["sg_decisions"] is None  # nothing raised: no data
    result = index.score({k: index.published_value(v) for k, v in values.items()})
    c = result["components"]
    assert c["rl_reply_deadline"]["normalised"] == 80.0
    assert c["cv_satisfaction"]["normalised"] == 75.0  # (4 − 1) / 4
    assert c["sg_participation"]["normalised"] == 100.0  # 10 per 1,000 is the target
    assert c["cg_adoption"]["normalised"] == 60.0  # 0.3 of a 0.5 target
    assert c["cg_fund_approved"]["normalised"] == 37.5  # 0.3 of a 0.8 target
    assert c["sg_turnout"]["value"] == 0.0017 and c["sg_turnout"]["normalised"] == 0.6


def test_conventions_are_measured_over_a_year_per_1000_residents_and_entries_of_them_are_ignored():
    values = index.measure({}, residents=Fraction(3000), conventions=1, entered={"rl_conventions": 7})
    assert values["rl_conventions"] == Fraction(1, 3)
    assert index.score({"rl_conventions": index.published_value(values["rl_conventions"])}
                       )["components"]["rl_conventions"]["normalised"] == 100.0  # 0.3333 of a 0.3 target
    # A year without one is a measured zero; without residents there is nothing to measure.
    assert index.measure({}, residents=Fraction(6000), conventions=0)["rl_conventions"] == 0
    assert index.measure({}, residents=None, conventions=2)["rl_conventions"] is None
    assert "rl_conventions" not in index.ENTERED and index.formula()["convention_days"] == 365


def test_entered_values_count_per_1000_residents_where_the_indicator_says_so():
    values = index.measure({}, residents=Fraction(2000), entered={"cv_volunteers": 60, "rl_legal_advice": 3})
    assert values["cv_volunteers"] == 30 and values["rl_legal_advice"] == 3
    scored = index.score({k: index.published_value(v) for k, v in values.items()})["components"]
    assert scored["cv_volunteers"]["normalised"] == 60.0 and scored["rl_legal_advice"]["normalised"] == 50.0
    # Without residents there is no rate per 1,000.
    assert index.measure({}, residents=None, entered={"cv_volunteers": 60})["cv_volunteers"] is None


def test_missing_indicators_are_left_out_and_the_weights_renormalised():
    result = index.score({"rl_reply_deadline": 0.8, "cv_satisfaction": 4, "cg_acceptance_on_time": 0.5})
    # (0.13 × 80 + 0.13 × 75 + 0.10 × 50) / 0.36 = 25.15 / 0.36 = 69.86…
    assert result["score"] == 69.9
    assert result["components"]["sg_participation"] == {"value": None, "normalised": None, "weight": 0.1}
    assert result["dimensions"]["self_governance"] is None and result["dimensions"]["rule_of_law"] == 80.0
    assert index.score({"rl_reply_deadline": 0.8, "cv_satisfaction": 4})["score"] is None  # fewer than three


def test_no_indicator_rests_on_fewer_people_than_the_disclosure_threshold():
    from chalicelib.disclosure import MIN_PEOPLE

    small = {**COUNTS, "replies": MIN_PEOPLE - 1, "replies_on_time": 2, "ratings": 4, "rating_points": 20}
    values = index.measure(small, residents=Fraction(3000))
    assert values["rl_reply_deadline"] is None and values["cg_adoption"] is None and values["cv_satisfaction"] is None
    assert {"rl_reply_deadline", "cg_adoption", "cv_satisfaction"} <= index.withheld(small)
    assert "cg_acceptance_on_time" not in index.withheld(small)
    # The participation rate rests on the suggestions and ballots together.
    assert index.measure({"suggestions_received": 2, "ballots_cast": 2}, residents=Fraction(100))["sg_participation"] is None
    assert index.measure({"suggestions_received": 3, "ballots_cast": 2}, residents=Fraction(100))["sg_participation"] == 50
    at_threshold = index.measure({**small, "replies": MIN_PEOPLE}, residents=Fraction(3000))
    assert at_threshold["rl_reply_deadline"] == Fraction(2, MIN_PEOPLE)


def test_the_arithmetic_is_exact_and_rounds_half_to_even():
    # 0.0145 × 100 is 1.4500000000000002 in binary floats, which would round up to 1.5.
    assert index.score({"rl_reply_deadline": 0.0145})["components"]["rl_reply_deadline"]["normalised"] == 1.4
    assert index.score({"rl_reply_deadline": 0.0135})["components"]["rl_reply_deadline"]["normalised"] == 1.4
    # A raw value is published at four decimals, half to even, and normalised from that.
    assert index.published_value(Fraction(1235, 10**5)) == 0.0124  # 0.01235: the 3 is odd, up
    assert index.published_value(Fraction(1245, 10**5)) == 0.0124  # 0.01245: the 4 is even, stays
    assert index.published_value(Fraction(1, 3)) == 0.3333
    with pytest.raises(ValueError):
        index.score({"no_such_indicator": 1})
    with pytest.raises(TypeError):
        index.score({"rl_reply_deadline": True})
    with pytest.raises(ValueError):
        index.score({"rl_reply_deadline": -0.1})


def test_a_published_score_is_recounted_from_its_published_values():
    result = index.evaluate(COUNTS, residents=Fraction(3000), fund_approved_fen=1, allocated_fen=3,
                            entered={"sg_building_activities": 7}, conventions=2)
    recount = index.score({name: part["value"] for name, part in result["components"].items()})
    assert recount == result and result["version"] == "2.1" and result["score"] is not None


def test_quarters_the_street_may_enter_and_the_entries_a_day_reads():
    today = date(2026, 12, 5)
    assert entries.quarter_of(today) == "2026-Q4" and entries.previous_quarter("2026-Q1") == "2025-Q4"
    assert entries.enterable("2026-Q4", today) and entries.enterable("2025-Q4", today)
    assert not entries.enterable("2025-Q3", today)  # too old
    assert not entries.enterable("2027-Q1", today)  # not yet
    assert not entries.enterable("2026-Q5", today) and not entries.enterable("2026Q4", today)
    assert entries.may_be_entered_for("310110012001") and entries.may_be_entered_for("310110012")
    assert not entries.may_be_entered_for("310110") and not entries.may_be_entered_for("31")
    stored = {"2026-Q3": {"rl_conventions": 1, "rl_legal_advice": 2}, "2026-Q4": {"rl_legal_advice": 5}}
    assert entries.applying(stored, today) == {"rl_conventions": 1, "rl_legal_advice": 5}
    assert entries.applying(stored, date(2027, 4, 1)) == {}


def test_the_months_v2_copy_is_recountable_from_its_files():
    import csv
    import io

    from chalicelib.publishing import render, summary
    from chalicelib.publishing.aggregate import MonthTally, SuggestionCounts

    committee = "310110012001"
    tally = MonthTally(lambda start, end: 0)
    row = tally.suggestions.setdefault(committee, SuggestionCounts())
    row.counts.update({"received": 12, "replied": 9, "replies_on_time": 7, "adopted": 4, "first_responses": 10,
                       "first_responses_on_time": 9})
    row.ratings = Counter({5: 4, 4: 2, 2: 1})
    divisions = {committee: {"name": "控江一村居委会", "population": 2500}}
    data = summary.build("2026-11", ("2026-10-31T16:00:00Z", "2026-11-30T16:00:00Z"), tally, divisions, [], {}, [],
                         {committee: {"rl_legal_advice": 4, "rl_conventions": 9}}, {committee: 1})
    v2 = data["mulin_index_v2"]
    assert v2["formula"]["version"] == "2.1" and data["mulin_index"]["formula"]["version"] == "1.1"
    (scored,) = v2["scores"]
    assert scored["score"] is not None and scored["components"]["rl_legal_advice"]["value"] == 4.0
    # The year's conventions from the counters, not a 2.0 entry: 1 per 2,500 residents.
    assert scored["components"]["rl_conventions"]["value"] == 0.4
    assert index.score({k: c["value"] for k, c in scored["components"].items()})["score"] == scored["score"]
    # And from the CSV alone, as a reader without the JSON would.
    table = render.tables_v2(data)["mulin_index_v2.csv"].decode("utf-8-sig")
    (line,) = csv.DictReader(io.StringIO(table))
    values = {i: (float(line[f"{i}_value"]) if line[f"{i}_value"] else None) for i in index.BY_ID}
    assert index.score(values)["score"] == float(line["score"]) == scored["score"]


def test_the_readme_documents_every_indicator_with_its_target_and_weight():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"Formula version **{index.INDEX_VERSION}**" in readme
    for indicator in index.INDICATORS:
        (row,) = [line for line in readme.splitlines() if line.startswith(f"| `{indicator.id}` |")]
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[1].startswith(indicator.zh) and cells[4] == indicator.method, indicator.id
        assert cells[-2:] == [indicator.target, indicator.weight], indicator.id


def test_the_city_overview_ranks_each_districts_streets_and_committees():
    from chalicelib.live.publish import city_overview

    def file(code: str, score: float | None) -> dict:
        return {"division": code, "name": code, "score": score, "dimensions": []}

    files = {code: file(code, score) for code, score in (
        ("31", 60.0), ("310110", 70.0), ("310101", None), ("310110012", 65.0), ("310110012001", 50.0),
        ("310110012003", 80.0), ("310110012004", 80.0), ("310110012005", None))}
    city = city_overview(files, "2026-12-05T03:10:00Z")
    assert city["city"] == {"division": "31", "score": 60.0} and city["version"] == "2.1"
    assert [(d["division"], d["rank"]) for d in city["districts"]] == [("310110", 1), ("310101", None)]
    yangpu = city["districts"][0]
    assert [(c["division"], c["rank"]) for c in yangpu["committees"]] == [
        ("310110012003", 1), ("310110012004", 1), ("310110012001", 3), ("310110012005", None)]
    assert [s["division"] for s in yangpu["streets"]] == ["310110012"]
