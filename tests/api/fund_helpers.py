"""Calls the fund tests share: pools, applications and actions through the HTTP API.

Pools are one per committee and year and the session shares one table, so each test
works in a year of its own (moving the clock there) and never assumes an empty pool.
"""

from __future__ import annotations

from typing import Any

import requests

from tests.api.suggestion_helpers import get, post

COMMITTEE = "310110012001"  # 控一居委会, where kongjiang_resident's residence is verified
STREET = "310110012"


def create_pool(client, official, year: int, allocated_fen: int, committee: str = COMMITTEE, **overrides: Any):
    body = {"allocated_fen": allocated_fen, "per_application_cap_fen": 2_000_000, "per_team_cap_fen": 3_000_000,
            "notice_days": 7, **overrides}
    response = post(client, f"/funds/pools/{committee}/{year}", official, body)
    assert response.status_code == 201, response.body
    return response.json_body["created"][0]


def pool(client, account, year: int, committee: str = COMMITTEE) -> dict[str, Any]:
    response = get(client, f"/funds/pools/{committee}/{year}", account)
    assert response.status_code == 200, response.body
    return response.json_body


def figures(client, account, year: int) -> tuple[int, int, int, int]:
    found = pool(client, account, year)
    assert found["allocated_fen"] == found["available_fen"] + found["committed_fen"] + found["disbursed_fen"]
    return found["allocated_fen"], found["available_fen"], found["committed_fen"], found["disbursed_fen"]


def ledger_sums(client, account, year: int) -> dict[str, int]:
    """The pool's figures recomputed from its ledger alone, every page of it."""
    sums = {"allocated_fen": 0, "available_fen": 0, "committed_fen": 0, "disbursed_fen": 0}
    effects = {"allocate": {"allocated_fen": 1, "available_fen": 1}, "commit": {"available_fen": -1, "committed_fen": 1},
               "disburse": {"committed_fen": -1, "disbursed_fen": 1}, "release": {"committed_fen": -1, "available_fen": 1},
               "refund": {"disbursed_fen": -1, "available_fen": 1}}
    for entry in all_pages(client, f"/funds/pools/{COMMITTEE}/{year}/ledger?limit=100", account):
        for figure, sign in effects[entry["kind"]].items():
            sums[figure] += sign * entry["amount_fen"]
    return sums


def all_pages(client, path: str, account) -> list[dict[str, Any]]:
    """Every item of a list: the session's other tests, at later clock times, fill its newest pages."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        separator = "&" if "?" in path else "?"
        page = get(client, path + (f"{separator}cursor={cursor}" if cursor else ""), account)
        assert page.status_code == 200, page.body
        items += page.json_body["items"]
        cursor = page.json_body["next_cursor"]
        if not cursor:
            return items


def application(year: int, team: str = "阳光合唱团", lines: list[dict[str, Any]] | None = None, **overrides: Any):
    lines = lines or [
        {"item": "排练场地租金", "unit_price_fen": 50_000, "quantity": 10, "note": "每次 500 元"},
        {"item": "乐谱与音响", "unit_price_fen": 300_000, "quantity": 1},
    ]
    body = {
        "committee": COMMITTEE, "year": year,
        "team": {"name": team, "lead_name": "王阿姨", "member_count": 18, "building_group": "12 号楼组"},
        "title": "社区合唱团为老服务演出", "category": "elderly_service",
        "purpose": "为小区独居老人每月组织一次合唱演出和茶话会。", "beneficiaries": 120,
        "starts_on": f"{year}-04-01", "ends_on": f"{year}-10-31", "lines": lines,
        "requested_fen": sum(line["unit_price_fen"] * line["quantity"] for line in lines),
    }
    body.update(overrides)
    return body


def new_application(client, resident, year: int, **overrides: Any) -> dict[str, Any]:
    response = post(client, "/funds/applications", resident, application(year, **overrides))
    assert response.status_code == 201, response.body
    return response.json_body


def act(client, account, application_id: str, action: str, version: int, expect: int = 200, **fields: Any):
    response = post(client, f"/funds/applications/{application_id}/{action}", account, {"version": version, **fields})
    assert response.status_code == expect, response.body
    return response.json_body


def detail(client, account, application_id: str) -> dict[str, Any]:
    response = get(client, f"/funds/applications/{application_id}", account)
    assert response.status_code == 200, response.body
    return response.json_body


def upload_receipt(client, resident, content: bytes = b"%PDF-1.4\n% receipt\n", content_type: str = "application/pdf"):
    form = post(client, "/uploads/receipts", resident, {"content_type": content_type, "size_bytes": len(content)})
    assert form.status_code == 201, form.body
    form = form.json_body
    uploaded = requests.post(form["url"], data=form["fields"], files={"file": ("receipt", content, content_type)},
                             timeout=10)
    assert uploaded.status_code in (200, 201, 204), uploaded.text
    return form["key"]


def to_approval(client, accounts, at, year: int, **overrides: Any) -> dict[str, Any]:
    """A new application taken through submit, recommend and a quiet public notice, ready
    for the street's decision; the clock is left after the notice."""
    resident, staff = accounts["kongjiang_resident"], accounts["committee_staff"]
    at(f"{year}-03-02T10:00:00")
    created = new_application(client, resident, year, **overrides)
    submitted = act(client, resident, created["id"], "submit", created["version"])
    in_notice = act(client, staff, created["id"], "recommend", submitted["version"])
    at(f"{year}-03-20T10:00:00")
    return in_notice
