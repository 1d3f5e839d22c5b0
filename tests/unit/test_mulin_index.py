"""The Mulin index: the published formula, worked examples, and the properties a fair index needs."""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.publishing.mulin_index import (
    COMPONENTS,
    FORMULA,
    INDEX_VERSION,
    MINIMUM_COMPONENTS,
    PARTICIPATION_TARGET_PER_1000,
    score,
)

NAMES = ("participation", "reply_timeliness", "satisfaction", "adoption", "fund_use", "turnout")
A_GOOD_MONTH = {
    "participation": 8,  # 8 per 1,000 of a target of 10 → 80.0
    "reply_timeliness": 0.9,  # → 90.0
    "satisfaction": 4.2,  # (4.2 − 1) / 4 × 100 → 80.0
    "adoption": 0.5,  # → 50.0
    "fund_use": 0.6,  # → 60.0
    "turnout": 0.3,  # → 30.0
}


# --- the formula as published ------------------------------------------------------------------


def test_the_formula_is_version_1_1_and_names_every_component_in_order():
    assert INDEX_VERSION == "1.1" == FORMULA["version"]
    assert COMPONENTS == NAMES
    assert tuple(FORMULA["components"]) == NAMES
    assert FORMULA["minimum_components"] == MINIMUM_COMPONENTS == 3
    assert FORMULA["rounding"]["mode"] == "half_to_even" and FORMULA["rounding"]["decimals"] == 1


def test_the_formula_survives_a_json_round_trip_unchanged():
    text = json.dumps(FORMULA, ensure_ascii=False, allow_nan=False)
    assert json.loads(text) == FORMULA


@pytest.mark.parametrize("name", NAMES)
def test_every_component_is_defined_and_its_normalisation_explained_in_both_languages(name):
    entry = FORMULA["components"][name]
    for text in ("definition", "normalisation"):
        assert entry[text]["zh"].strip() and entry[text]["en"].strip()
    assert 0 < entry["weight"] < 1


def test_the_weights_sum_to_exactly_one():
    weights = [FORMULA["components"][name]["weight"] for name in NAMES]
    assert sum(Fraction(str(weight)) for weight in weights) == 1
    assert math.isclose(math.fsum(weights), 1.0)
    assert {name: entry["weight"] for name, entry in score({})["components"].items()} == dict(zip(NAMES, weights, strict=True))


def test_the_participation_target_is_published():
    assert PARTICIPATION_TARGET_PER_1000 == 10
    assert FORMULA["components"]["participation"]["target"] == PARTICIPATION_TARGET_PER_1000


# --- worked examples, computed by hand ----------------------------------------------------------


def test_a_month_with_every_component():
    # 0.25×80 + 0.20×90 + 0.20×80 + 0.10×50 + 0.10×60 + 0.15×30 = 20 + 18 + 16 + 5 + 6 + 4.5
    result = score(A_GOOD_MONTH)
    assert result["score"] == 69.5
    assert result["version"] == "1.1"
    assert result["components"] == {
        "participation": {"value": 8, "normalised": 80.0, "weight": 0.25},
        "reply_timeliness": {"value": 0.9, "normalised": 90.0, "weight": 0.2},
        "satisfaction": {"value": 4.2, "normalised": 80.0, "weight": 0.2},
        "adoption": {"value": 0.5, "normalised": 50.0, "weight": 0.1},
        "fund_use": {"value": 0.6, "normalised": 60.0, "weight": 0.1},
        "turnout": {"value": 0.3, "normalised": 30.0, "weight": 0.15},
    }


def test_one_missing_component_leaves_the_others_weights_scaled_up():
    # No suggestion was replied to, so nothing to adopt: (20 + 18 + 16 + 6 + 4.5) / 0.9 = 71.666…
    result = score({**A_GOOD_MONTH, "adoption": None})
    assert result["score"] == 71.7
    assert result["components"]["adoption"] == {"value": None, "normalised": None, "weight": 0.1}


def test_three_missing_components_leave_the_score_to_the_other_three():
    # (20 + 18 + 16) / 0.65 = 83.0769…
    month = {"participation": 8, "reply_timeliness": 0.9, "satisfaction": 4.2}
    assert score(month)["score"] == 83.1
    assert score({**month, "adoption": None, "fund_use": None, "turnout": None}) == score(month)


def test_exactly_three_components_are_enough():
    # (0.20×100 + 0.20×100 + 0.15×0) / 0.55 = 72.7272…
    assert score({"reply_timeliness": 1, "satisfaction": 5, "turnout": 0})["score"] == 72.7


@pytest.mark.parametrize(
    "month",
    [
        {},
        {name: None for name in NAMES},
        {"participation": 12},
        {"reply_timeliness": 1.0, "satisfaction": 5.0},
        {"adoption": 0.4, "fund_use": 0.7, "turnout": None, "participation": None},
    ],
)
def test_fewer_than_three_components_give_no_score_but_still_report_what_there_is(month):
    result = score(month)
    assert result["score"] is None
    assert set(result["components"]) == set(NAMES)
    for name, entry in result["components"].items():
        assert (entry["normalised"] is None) == (month.get(name) is None)


@pytest.mark.parametrize(
    ("name", "value", "normalised"),
    [
        ("participation", 0, 0.0),
        ("participation", 2.5, 25.0),
        ("participation", 10, 100.0),
        ("participation", 25, 100.0),  # beyond the target still scores 100
        ("participation", 1 / 3, 3.3),
        ("satisfaction", 1, 0.0),
        ("satisfaction", 3, 50.0),
        ("satisfaction", 4.5, 87.5),
        ("satisfaction", 5, 100.0),
        ("reply_timeliness", 0.875, 87.5),
        ("adoption", 2 / 3, 66.7),
        ("fund_use", 1, 100.0),
        ("turnout", 0.0, 0.0),
        # Half to even, on the value as written: 12.25 → 12.2 and 12.35 → 12.4
        ("turnout", 0.1225, 12.2),
        ("turnout", 0.1235, 12.4),
        ("satisfaction", 1.1, 2.5),
    ],
)
def test_each_component_is_normalised_as_published(name, value, normalised):
    others = {other: 0 if other != "satisfaction" else 1 for other in NAMES if other != name}
    assert score({**others, name: value})["components"][name]["normalised"] == normalised


def test_the_score_is_rounded_half_to_even_exactly_not_by_float_accident():
    # 0.25 × 80.2 is exactly 20.05, a tie, which goes to the even 20.0. Float arithmetic
    # would make it 20.050000000000000711 and round it up to 20.1.
    month = {"participation": 8.02, "reply_timeliness": 0, "satisfaction": 1, "adoption": 0, "fund_use": 0, "turnout": 0}
    assert round(0.25 * 80.2, 1) == 20.1
    assert score(month)["score"] == 20.0
    # 0.25 × 80.6 = 20.15 goes to the even 20.2
    assert score({**month, "participation": 8.06})["score"] == 20.2


def test_the_extremes_score_0_and_100():
    worst = {"participation": 0, "reply_timeliness": 0, "satisfaction": 1, "adoption": 0, "fund_use": 0, "turnout": 0}
    best = {"participation": 10, "reply_timeliness": 1, "satisfaction": 5, "adoption": 1, "fund_use": 1, "turnout": 1}
    assert score(worst)["score"] == 0.0
    assert score(best)["score"] == 100.0


def test_the_input_is_left_untouched_and_the_result_is_json():
    month = dict(A_GOOD_MONTH)
    result = score(month)
    assert month == A_GOOD_MONTH
    assert json.loads(json.dumps(result, allow_nan=False)) == result


@pytest.mark.parametrize(
    ("month", "error"),
    [
        ({"participaton": 3}, ValueError),  # a misspelt name must not silently become "no data"
        ({"participation": -1}, ValueError),
        ({"reply_timeliness": 1.01}, ValueError),
        ({"satisfaction": 0.5}, ValueError),
        ({"satisfaction": 5.5}, ValueError),
        ({"adoption": -0.1}, ValueError),
        ({"fund_use": 1.2}, ValueError),
        ({"turnout": float("nan")}, ValueError),
        ({"participation": float("inf")}, ValueError),
        ({"turnout": True}, TypeError),
        ({"turnout": "0.5"}, TypeError),
    ],
)
def test_values_upstream_could_not_have_meant_are_refused(month, error):
    with pytest.raises(error):
        score(month)


# --- properties --------------------------------------------------------------------------------

SHARE = st.floats(min_value=0, max_value=1, allow_nan=False)
RANGES = {
    "participation": st.one_of(st.floats(min_value=0, max_value=1000, allow_nan=False), st.integers(0, 1000)),
    "reply_timeliness": SHARE,
    "satisfaction": st.floats(min_value=1, max_value=5, allow_nan=False),
    "adoption": SHARE,
    "fund_use": SHARE,
    "turnout": SHARE,
}
months = st.fixed_dictionaries({name: st.one_of(st.none(), values) for name, values in RANGES.items()})


@given(months)
def test_the_score_is_between_0_and_100_or_none_below_three_components(month):
    result = score(month)
    present = sum(value is not None for value in month.values())
    if present < MINIMUM_COMPONENTS:
        assert result["score"] is None
    else:
        assert 0 <= result["score"] <= 100
    for entry in result["components"].values():
        assert entry["normalised"] is None or 0 <= entry["normalised"] <= 100


@given(months)
def test_anyone_can_recompute_the_score_from_the_published_components(month):
    result = score(month)
    published = [entry for entry in result["components"].values() if entry["normalised"] is not None]
    if len(published) < MINIMUM_COMPONENTS:
        return
    weights = [Fraction(str(entry["weight"])) for entry in published]
    weighted = sum(w * Fraction(str(entry["normalised"])) for w, entry in zip(weights, published, strict=True))
    assert result["score"] == float(round(weighted / sum(weights), 1))


@given(months, st.sampled_from(NAMES), st.data())
def test_improving_one_component_never_lowers_the_score(month, name, data):
    before, after = sorted(data.draw(st.tuples(RANGES[name], RANGES[name]), label="two values"))
    worse, better = score({**month, name: before}), score({**month, name: after})
    assert better["components"][name]["normalised"] >= worse["components"][name]["normalised"]
    if worse["score"] is not None:
        assert better["score"] >= worse["score"]


@given(months)
def test_the_score_is_deterministic(month):
    assert score(month) == score(dict(reversed(list(month.items()))))


def test_participation_counts_residents_or_else_households_at_the_census_household_size():
    from chalicelib.publishing.mulin_index import residents

    assert residents(4000, 1500) == (Fraction(4000), "registered_residents")
    assert residents(None, 1000) == (Fraction(2320), "households")
    assert residents(0, 0) == residents(None, None) == (None, None)
    assert FORMULA["components"]["participation"]["people_per_household"] == 2.32
    assert "2.32" in FORMULA["components"]["participation"]["definition"]["en"]
