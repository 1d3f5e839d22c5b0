"""The division registry in DynamoDB: one item per division, children by one Query."""

import boto3
import pytest

from chalicelib.divisions import repository
from chalicelib.divisions.models import CommunityType, Division, DivisionProfileUpdate
from chalicelib.errors import ConflictError
from local_stack.divisions import shanghai_divisions
from tests.integration.conftest import SETTINGS


def yangpu():
    return [d for d in shanghai_divisions() if d.code in ("31",) or d.code.startswith("310110")]


@pytest.fixture
def registry(aws):
    divisions = yangpu()
    assert repository.put_divisions(divisions) == len(divisions)
    return divisions


def test_get_one_division(registry):
    division = repository.get_division("310110012001")
    assert division.name == "控一居委会"
    assert (division.level, division.parent_code, division.version) == ("committee", "310110012", 0)
    assert repository.get_division("310110999999") is None


def test_children_come_complete_and_in_code_order(registry):
    expected = sorted(d.code for d in registry if d.parent_code == "310110012")
    children = repository.list_children("310110012")
    assert [c.code for c in children] == expected
    assert len(expected) > 10
    assert [c.code for c in repository.list_children("31")] == ["310110"]


def test_children_pages_are_followed(registry, monkeypatch):
    monkeypatch.setattr(repository, "CHILDREN_PAGE", 3)
    expected = sorted(d.code for d in registry if d.parent_code == "310110")
    assert [c.code for c in repository.list_children("310110")] == expected


def test_profile_update_bumps_version_and_writes_an_audit_event(registry):
    change = DivisionProfileUpdate(population=4200, community_type=CommunityType.old_neighbourhood)
    repository.update_profile("310110012001", change, expected_version=0, actor_id="admin-1", actor_role="district_admin")
    division = repository.get_division("310110012001")
    assert (division.population, division.community_type, division.version) == (4200, CommunityType.old_neighbourhood, 1)
    audit = boto3.client("dynamodb", region_name="ap-east-1").query(
        TableName=SETTINGS["MULIN_TABLE"],
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": "AUDIT#division#310110012001"}},
    )["Items"]
    assert len(audit) == 1
    assert audit[0]["actor_id"] == {"S": "admin-1"}
    assert audit[0]["action"] == {"S": "update_profile"}


def test_stale_version_is_a_conflict_and_changes_nothing(registry):
    change = DivisionProfileUpdate(population=1)
    repository.update_profile("310110012001", change, 0, "a", "district_admin")
    with pytest.raises(ConflictError):
        repository.update_profile("310110012001", DivisionProfileUpdate(population=2), 0, "b", "district_admin")
    assert repository.get_division("310110012001").population == 1


def test_update_of_a_division_that_does_not_exist_is_refused(registry):
    with pytest.raises(ConflictError):
        repository.update_profile("310110012999", DivisionProfileUpdate(population=2), 0, "a", "district_admin")
    assert repository.get_division("310110012999") is None


def test_loaded_registry_counts_match_the_source():
    divisions = list(shanghai_divisions())
    levels = {}
    for d in divisions:
        levels[d.level] = levels.get(d.level, 0) + 1
    assert levels == {"city": 1, "district": 16, "street": 234, "committee": 6509}
    assert sum(1 for d in divisions if d.level == "street" and d.is_administrative) == 215
    assert all(isinstance(d, Division) for d in divisions)
