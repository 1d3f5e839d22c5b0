"""The migration from phone-keyed records to account-keyed ones, on a table of its own that
holds items as the platform wrote them before: it moves every kind, resumes after an
interruption, and a second run changes nothing.
"""

from __future__ import annotations

import json

import boto3
import pytest
from chalice.test import Client

from local_stack.provision import add_user, provision, sign_in
from tests.api.conftest import environment
from tests.api.suggestion_helpers import get, post, suggestion
from tests.api.test_round_lifecycle import new_round, propose

PASSWORD = "Migration-test-password-1"
RESIDENT_PHONE = "+8613766600001"


@pytest.fixture(scope="module")
def old_stack(stack):
    """A second table and pair of pools in the same embedded AWS, so the whole-table pass reads only this test's items."""
    migrated = provision(stack.aws_endpoint_url, prefix="mulin-migration-test")
    with environment(migrated.app_environment()):
        from chalicelib.aws import reset_clients
        from chalicelib.settings import reset_settings
        from local_stack.demo import load_divisions

        reset_settings()
        reset_clients()
        load_divisions()
    return migrated


@pytest.fixture
def app_on(old_stack, monkeypatch):
    for name, value in old_stack.app_environment().items():
        monkeypatch.setenv(name, value)
    from chalicelib.aws import reset_clients
    from chalicelib.settings import reset_settings

    reset_settings()
    reset_clients()
    from app import app

    with Client(app) as client:
        yield client


class Signed:
    def __init__(self, stack, phone, role, division):
        self.user = add_user(stack, phone=phone, password=PASSWORD, role=role, division=division)
        self.token = sign_in(stack, phone, PASSWORD)

    @property
    def headers(self):
        return {"Authorization": f"Bearer {self.token}"}


def _db(stack):
    return boto3.client("dynamodb", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)


def _query(stack, pk: str) -> list[dict]:
    from chalicelib.storage.items import from_item

    items = _db(stack).query(TableName=stack.table_name, KeyConditionExpression="PK = :pk",
                             ExpressionAttributeValues={":pk": {"S": pk}})["Items"]
    return [from_item(i) for i in items]


def _put(stack, item: dict) -> None:
    from chalicelib.storage.items import to_item

    _db(stack).put_item(TableName=stack.table_name, Item=to_item(item))


def _delete(stack, key: dict) -> None:
    from chalicelib.storage.items import to_item

    _db(stack).delete_item(TableName=stack.table_name, Key=to_item(key))


def _as_before(stack, item: dict, **changes) -> None:
    """Rewrite an item the way the platform keyed it before (moving it if its key changes)."""
    _delete(stack, {"PK": item["PK"], "SK": item["SK"]})
    _put(stack, {**item, **changes})


def test_the_migration_moves_every_old_item_once_and_resumes(app_on, old_stack, at, tmp_path, capsys):
    from chalicelib.auth import person_key
    from chalicelib.privacy import keyed_digest
    from chalicelib.voting import rules
    from migrations import __main__ as command
    from migrations import person_keys

    client = app_on
    resident = Signed(old_stack, RESIDENT_PHONE, "resident", "310110012001")
    staff = Signed(old_stack, "+8613766600002", "committee_staff", "310110012001")
    sub, person = resident.user.user_id, person_key(resident.user.user_id)
    legacy = person_keys.legacy_submitter_key(f"phone:{RESIDENT_PHONE}")

    # A case, its message and a rating, as they were filed: under a digest of the number.
    case_id = post(client, "/suggestions", resident, suggestion()).json_body["id"]
    case_item = next(i for i in _query(old_stack, f"SUG#{case_id}") if i["SK"] == "CASE")
    _as_before(old_stack, case_item, submitter=legacy, GSI1PK=f"SUBMITTER#{legacy}")
    for message in _query(old_stack, f"INBOX#{person}"):
        _as_before(old_stack, message, PK=f"INBOX#{legacy}", recipient=legacy)
    _put(old_stack, {"PK": f"SUG#{case_id}", "SK": f"RATING#001#{legacy}", "type": "suggestion_rating",
                     "submitter": legacy, "score": 4})
    assert get(client, "/suggestions/mine", resident).json_body["items"] == []

    # A ballot with a change code, a proposal and an evaluation, keyed by the number.
    at("2027-02-20T10:00:00")
    round_id = new_round(client, staff, allow_ballot_change=True)["id"]
    at("2027-03-02T10:00:00")
    project = propose(client, staff, round_id, "楼道扶手", 2_000_000)
    old_voter = keyed_digest(f"voter:{round_id}", RESIDENT_PHONE)
    change_code = "old-change-code"
    _put(old_stack, {"PK": f"VOTER#{round_id}#{old_voter}", "SK": "VOTER", "type": "voter_record",
                     "channel": "online", "changes": 0})
    _put(old_stack, {"PK": f"BALLOT#{round_id}#{rules.shard_of(old_voter):02d}", "SK": "R#OLDBA-LLOT1",
                     "type": "ballot", "receipt": "OLDBA-LLOT1", "picks": [project], "points": None,
                     "change_hash": rules.change_hash(change_code)})
    project_item = next(i for i in _query(old_stack, f"ROUND#{round_id}") if i.get("id") == project)
    _as_before(old_stack, project_item, proposer=keyed_digest("proposer", RESIDENT_PHONE))
    old_evaluator = keyed_digest(f"evaluator:{round_id}", RESIDENT_PHONE)
    _put(old_stack, {"PK": f"EVALUATOR#{round_id}#{old_evaluator}#{project}", "SK": "EVALUATOR",
                     "type": "evaluator_record"})

    # A fund application led, and an objection filed, by the number.
    _put(old_stack, {"PK": "FUNDAPP#OLDAPP", "SK": "APP", "type": "fund_application", "applicant_key": legacy})
    _put(old_stack, {"PK": "FUNDAPP#OLDAPP", "SK": "OBJ#1", "type": "fund_objection", "objector_key": legacy,
                     "filed_at": "2027-03-05T02:00:00.000Z"})
    old_objector = keyed_digest("fund-objector", RESIDENT_PHONE)
    _put(old_stack, {"PK": "FUNDAPP#OLDAPP", "SK": f"OBJECTOR#{old_objector}", "type": "fund_objector"})

    # The first run stops after its first page, as a lost connection would stop it.
    checkpoint = tmp_path / "person-keys.json"
    people = person_keys.People(person_keys.residents(
        boto3.client("cognito-idp", endpoint_url=old_stack.aws_endpoint_url, region_name=old_stack.region),
        old_stack.user_pool_id))

    def interrupted(_count):
        raise ConnectionError("lost")

    with pytest.raises(ConnectionError):
        person_keys.migrate(people, checkpoint=checkpoint, progress=interrupted)
    assert json.loads(checkpoint.read_text()) not in (None, "done")

    assert command.main(["migrate", "person-keys", "--checkpoint", str(checkpoint)]) == 0
    assert json.loads(checkpoint.read_text()) == "done"
    # Everything the interrupted page had moved stays moved; nothing old is left anywhere.
    again = person_keys.migrate(people)
    assert +again == {}, again
    assert command.main(["migrate", "person-keys"]) == 0
    assert "moved 0 items" in capsys.readouterr().out

    case_item = next(i for i in _query(old_stack, f"SUG#{case_id}") if i["SK"] == "CASE")
    assert (case_item["submitter"], case_item["GSI1PK"]) == (person, f"SUBMITTER#{person}")
    assert {i["SK"] for i in _query(old_stack, f"SUG#{case_id}") if i["SK"].startswith("RATING#")} == {
        f"RATING#001#{person}"}
    assert _query(old_stack, f"INBOX#{legacy}") == [] and _query(old_stack, f"INBOX#{person}")
    new_voter = keyed_digest(f"voter:{round_id}", f"user:{sub}")
    assert _query(old_stack, f"VOTER#{round_id}#{old_voter}") == []
    assert _query(old_stack, f"VOTER#{round_id}#{new_voter}")[0]["shard"] == rules.shard_of(old_voter)
    assert _query(old_stack, f"EVALUATOR#{round_id}#{keyed_digest(f'evaluator:{round_id}', f'user:{sub}')}#{project}")
    assert next(i for i in _query(old_stack, f"ROUND#{round_id}") if i.get("id") == project)["proposer"] == \
        keyed_digest("proposer", f"user:{sub}")
    fund = {i["SK"]: i for i in _query(old_stack, "FUNDAPP#OLDAPP")}
    assert fund["APP"]["applicant_key"] == person and fund["OBJ#1"]["objector_key"] == person
    assert fund["OBJ#1"]["GSI1PK"].endswith(person)
    assert set(fund) == {"APP", "OBJ#1", f"OBJECTOR#{keyed_digest('fund-objector', f'user:{sub}')}"}

    # Voter records and ballots then move to the ballots table (migrations/ballot_items.py):
    # the ballot keeps its key and change hash, and gets the random id the tally publishes.
    from migrations import ballot_items

    assert ballot_items.migrate() == {"voter record": 1, "ballot": 1}
    assert +ballot_items.migrate() == {}
    old_ballot = f"BALLOT#{round_id}#{rules.shard_of(old_voter):02d}"
    assert _query(old_stack, old_ballot) == [] and _query(old_stack, f"VOTER#{round_id}#{new_voter}") == []
    [moved] = _db(old_stack).query(TableName=old_stack.ballots_table_name, KeyConditionExpression="PK = :pk",
                                   ExpressionAttributeValues={":pk": {"S": old_ballot}})["Items"]
    assert moved["SK"]["S"] == "R#OLDBA-LLOT1" and len(moved["id"]["S"]) == 16

    # Through the API: the case and its message are the account's, the ballot counts as
    # theirs (one per person) and its change code still replaces it.
    assert [c["id"] for c in get(client, "/suggestions/mine", resident).json_body["items"]] == [case_id]
    assert get(client, "/notifications/mine", resident).json_body["items"]
    at("2027-03-12T10:00:00")
    post(client, f"/rounds/{round_id}/projects/{project}/review", staff, {"feasible": True, "final_cost_fen": 2_000_000})
    at("2027-03-22T10:00:00")
    ballots = f"/rounds/{round_id}/ballots"
    assert post(client, ballots, resident, {"picks": [project]}).json_body["code"] == "already_voted"
    changed = post(client, ballots, resident, {"picks": [project],
                                               "replaces": {"receipt": "OLDBA-LLOT1", "change_code": change_code}})
    assert changed.status_code == 201, changed.body
    mine = get(client, f"/rounds/{round_id}/my-ballot", resident).json_body
    assert (mine["voted"], mine["changes"], mine["picks"]) == (True, 1, [project])
