"""GET /workdays/{year} for everyone; PUT /workdays/{year} for platform admins.

The embedded AWS is shared by the whole session and other domains count deadlines on
2026 and 2027, so writes here use 2031 and 2032, which nobody else touches.
"""

import json

import pytest

from chalicelib.workdays import rules, service

ERROR_SHAPE = {"code", "message", "details", "correlation_id"}
NOTICE = "国务院办公厅关于2031年部分节假日安排的通知"


@pytest.fixture
def fresh_calendar(api_env):
    service.reset_calendar_cache()
    yield
    service.reset_calendar_cache()


def get(client, year):
    return client.http.get(f"/workdays/{year}")


def put(client, account, year, body):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"Content-Type": "application/json", **(account.headers if account else {})}
    return client.http.put(f"/workdays/{year}", body=raw, headers=headers)


def schedule(year, **changes):
    return {
        "holidays": [f"{year}-10-0{d}" for d in range(1, 8)],
        "workdays": [f"{year}-09-28" if year == 2031 else f"{year}-10-09"],
        "source": NOTICE,
        **changes,
    }


def expected_warning():
    return rules.missing_schedule_warning(service.today_in_shanghai(), service.load_calendar())


def test_a_year_the_package_knows(client, fresh_calendar):
    response = get(client, 2026)
    assert response.status_code == 200
    body = response.json_body
    assert (body["year"], body["source"], body["version"], body["notice"], body["updated_at"]) == (
        2026, "chinesecalendar", 0, None, None)
    assert {"2026-10-01", "2026-10-07", "2026-02-15", "2026-09-25"} <= set(body["holidays"])
    assert body["workdays"] == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
    assert body["warning"] == expected_warning()


def test_a_year_nobody_knows_yet_counts_weekdays_and_warns_from_november(client, fresh_calendar):
    body = get(client, 2027).json_body
    assert (body["source"], body["holidays"], body["workdays"]) == ("weekdays_only", [], [])
    today = service.today_in_shanghai()
    warning = expected_warning()
    assert body["warning"] == warning
    if today.year == 2026:
        assert (warning is not None) == ((today.month, today.day) >= (11, 1))
        assert warning is None or "2027" in warning


def test_platform_admin_stores_a_year_and_everyone_sees_it(client, accounts, fresh_calendar):
    response = put(client, accounts["platform_admin"], 2031, schedule(2031))
    assert response.status_code == 200, response.body
    stored = response.json_body
    assert (stored["source"], stored["notice"], stored["year"]) == ("stored", NOTICE, 2031)
    assert stored["workdays"] == ["2031-09-28"] and len(stored["holidays"]) == 7
    assert stored["version"] >= 1 and stored["updated_at"]
    assert get(client, 2031).json_body == stored
    assert service.load_calendar().knows(2031)

    again = put(client, accounts["platform_admin"], 2031, schedule(2031, workdays=[]))
    assert again.status_code == 200
    assert again.json_body["version"] == stored["version"] + 1
    assert get(client, 2031).json_body["workdays"] == []


@pytest.mark.parametrize(("account", "status"), [("street_official", 403), ("district_admin", 403), ("resident", 403),
                                                 (None, 401)])
def test_only_platform_admins_store_a_year(client, accounts, fresh_calendar, account, status):
    response = put(client, accounts[account] if account else None, 2032, schedule(2032))
    assert response.status_code == status
    if account:
        # Without a token the gateway's authorizer answers before the app can shape it.
        assert set(response.json_body) == ERROR_SHAPE and response.json_body["code"] == "forbidden"
    assert get(client, 2032).json_body["source"] == "weekdays_only"


@pytest.mark.parametrize(
    ("year", "body", "status", "code"),
    [
        (2032, schedule(2032, holidays=["2031-12-31", "2032-10-01"]), 422, "rule_violated"),
        (2032, schedule(2032, workdays=["2032-10-13"]), 422, "rule_violated"),  # a Wednesday
        (2032, schedule(2032, workdays=["2032-10-02"]), 422, "rule_violated"),  # a holiday too
        (2032, schedule(2032, holidays=["2032-10-01", "2032-10-01"]), 400, "validation_failed"),
        (2032, schedule(2032, holidays=[]), 400, "validation_failed"),
        (2032, schedule(2032, version=0), 400, "validation_failed"),
        (2032, schedule(2032, holidays=["1 Oct 2032"]), 400, "validation_failed"),
        (2032, {"holidays": ["2032-10-01"], "workdays": []}, 400, "validation_failed"),
        (2032, b"{holidays: []}", 400, "bad_request"),
        ("abc", schedule(2032), 400, "bad_request"),
        ("20321", schedule(2032), 400, "bad_request"),
        ("2019", schedule(2019), 400, "bad_request"),
    ],
)
def test_bad_input_gets_a_4xx_with_the_error_shape_and_stores_nothing(client, accounts, fresh_calendar, year, body,
                                                                      status, code):
    response = put(client, accounts["platform_admin"], year, body)
    assert response.status_code == status, response.body
    assert set(response.json_body) == ERROR_SHAPE
    assert response.json_body["code"] == code
    assert get(client, 2032).json_body["source"] == "weekdays_only"
    assert not service.load_calendar().years.get(2032)


def test_rule_details_name_each_wrong_date_in_both_languages(client, accounts, fresh_calendar):
    body = schedule(2032, holidays=["2031-12-31", "2032-10-01"], workdays=["2032-10-13"])
    details = put(client, accounts["platform_admin"], 2032, body).json_body["details"]
    assert [(d["field"], d["message"][:10]) for d in details] == [("holidays", "2031-12-31"), ("workdays", "2032-10-13")]
    assert all(d["message_zh"] for d in details)


@pytest.mark.parametrize("year", ["abc", "２０２６", "26", "2026-1", "0000"])
def test_a_malformed_year_is_400(client, year):
    response = get(client, year)
    assert response.status_code == 400
    assert set(response.json_body) == ERROR_SHAPE
