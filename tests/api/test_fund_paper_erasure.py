"""A team's paper application names its lead by the number on the form: the resident who holds
that number, whether they signed up before or after staff typed it in, finds the application
in their data export, and erasure takes the number, the lead's name and the scanned form out
of it while the application, its money and the officials' steps stay."""

from __future__ import annotations

from tests.api.fund_helpers import COMMITTEE, act, all_pages, application, create_pool, detail
from tests.api.suggestion_helpers import get, post
from tests.api.test_fund_access import team_name
from tests.api.test_personal_data import delete, my_data, new_phone, new_resident, objects_under, upload_photo

YEAR = 2072  # a pool year no other test uses
ERASED_NAME = "（已删除）/ (erased)"


def enter(client, accounts, at, phone: str) -> dict:
    staff, street = accounts["committee_staff"], accounts["street_official"]
    if get(client, f"/funds/pools/{COMMITTEE}/{YEAR}", street).status_code == 404:
        at(f"{YEAR}-01-05T09:00:00")
        create_pool(client, street, YEAR, 5_000_000)
    at(f"{YEAR}-03-02T10:00:00")
    entered = post(client, "/review/funds/applications", staff,
                   {**application(YEAR, team=team_name()), "channel": "paper", "lead_phone": phone,
                    "scans": [upload_photo(client, staff)]})
    assert entered.status_code == 201, entered.body
    draft = entered.json_body
    # A step the officials took for the team: the office's record, which erasure keeps.
    return act(client, staff, draft["id"], "submit", draft["version"])


def assert_erased(client, accounts, stack, submitted: dict, phone: str) -> None:
    from chalicelib.auth import pending_owner_key
    from chalicelib.funds import repository as funds
    from chalicelib.storage import traces

    stored = funds.get_application(submitted["id"])
    assert stored is not None and stored.lead_phone is None and stored.scans == []
    assert stored.applicant_key.startswith("erased#") and stored.team.lead_name == ERASED_NAME
    assert (stored.status.value, stored.requested_fen, stored.team.name, stored.title) == (
        "submitted", submitted["requested_fen"], submitted["team_name"], submitted["title"])
    assert objects_under(stack, f"attached/funds/{submitted['id']}/scans/") == []
    assert traces.traces_of(pending_owner_key(phone)) == []
    seen = detail(client, accounts["committee_staff"], submitted["id"])
    assert seen["lead_phone_masked"] is None and seen["scan_count"] == 0 and phone[-4:] not in str(seen)
    assert [(e["action"], e["actor_role"]) for e in seen["timeline"]] == [
        ("enter", "committee_staff"), ("submit", "committee_staff")]
    listed = all_pages(client, f"/funds/pools/{COMMITTEE}/{YEAR}/applications?limit=100", accounts["committee_staff"])
    assert [item["requested_fen"] for item in listed if item["id"] == submitted["id"]] == [submitted["requested_fen"]]


def test_an_application_entered_before_the_lead_signed_up_is_theirs_to_export_and_erase(client, accounts, at, stack):
    phone = new_phone()
    submitted = enter(client, accounts, at, phone)
    assert objects_under(stack, f"attached/funds/{submitted['id']}/scans/")
    resident = new_resident(phone=phone)  # proves the number later

    [exported] = [a for a in my_data(client, resident)["fund_applications"] if a["id"] == submitted["id"]]
    assert exported["lead_phone"] == phone and exported["team"]["lead_name"] == "王阿姨"
    assert exported["requested_fen"] == submitted["requested_fen"] and exported["channel"] == "paper"

    erased = delete(client, resident)
    assert erased.status_code == 200, erased.body
    assert erased.json_body["erased"]["fund_applications_anonymised"] == 1
    assert erased.json_body["erased"]["photos_deleted"] == 1
    assert_erased(client, accounts, stack, submitted, phone)


def test_an_application_entered_for_a_registered_lead_is_found_by_their_account(client, accounts, at, stack):
    from chalicelib.auth import person_key
    from chalicelib.storage import traces

    resident = new_resident()
    submitted = enter(client, accounts, at, resident.phone)
    assert (traces.FUND_APPLICATION, submitted["id"]) in traces.traces_of(person_key(resident.user_id))
    data = my_data(client, resident)
    assert [a["lead_phone"] for a in data["fund_applications"] if a["id"] == submitted["id"]] == [resident.phone]
    # The lead heard of the submission in their inbox, as the paper route promises.
    assert submitted["id"] in {m["subject_id"] for m in data["inbox"]}

    erased = delete(client, resident)
    assert erased.status_code == 200, erased.body
    assert erased.json_body["erased"]["fund_applications_anonymised"] == 1
    assert traces.traces_of(person_key(resident.user_id)) == []
    assert_erased(client, accounts, stack, submitted, resident.phone)
    # Nobody is told of the team's later steps: the inbox key is a tombstone now.
    at(f"{YEAR}-03-03T10:00:00")
    recommended = act(client, accounts["street_official"], submitted["id"], "recommend",
                      detail(client, accounts["street_official"], submitted["id"])["version"])
    assert recommended["status"] == "in_notice"
