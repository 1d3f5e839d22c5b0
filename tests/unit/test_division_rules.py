import pytest

from chalicelib.divisions.rules import is_well_formed, is_within, level_of, parent_of


@pytest.mark.parametrize(
    ("code", "level", "parent"),
    [
        ("31", "city", None),
        ("310110", "district", "31"),
        ("310110012", "street", "310110"),
        ("310110012001", "committee", "310110012"),
    ],
)
def test_levels_and_parents_follow_code_length(code, level, parent):
    assert is_well_formed(code)
    assert level_of(code) == level
    assert parent_of(code) == parent


@pytest.mark.parametrize(
    "code",
    ["", "3", "32", "320110", "31011", "3101100120011", "31011001200a", "310110 ", "３１", "31/../", "31011O",
     "310110\n", "31011001200１"],
)
def test_malformed_codes_are_refused(code):
    assert not is_well_formed(code)


def test_within_is_a_prefix_test_and_empty_ancestor_contains_nothing():
    assert is_within("310110012001", "310110")
    assert is_within("310110", "310110")
    assert not is_within("310101002001", "310110")
    assert not is_within("310110", "")
