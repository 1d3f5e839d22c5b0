"""A round's public files (rounds/{id}/ballots.pb and results.json, written by the tally) carry
titles as the month's publication does: phone and ID numbers masked however they are written,
a title still nearly holding one held back, and every `.pb` cell text in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import json

import boto3

from chalicelib.publishing.render import FORMULA_STARTS
from chalicelib.voting import pabulib, repository, tallying
from tests.api.suggestion_helpers import post
from tests.api.tally_helpers import tally
from tests.api.test_publication_numbers import NEARLY, VARIANTS, digits_read
from tests.api.test_round_lifecycle import new_round, propose

HOSTILE = ['=HYPERLINK("http://x"&A2,"详情")', "@SUM(1+1)*cmd|' /C calc'!A0", "+1 加装扶手", "-2 口袋花园",
           "\t制表符开头", "\r回车开头"]


def test_titles_in_a_rounds_public_files_are_scrubbed_held_back_and_text_in_a_spreadsheet(client, accounts, at, stack):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    at("2027-02-20T10:00:00")
    round_id = new_round(client, staff, title=f"=微更新 {VARIANTS[0]} {VARIANTS[2]}")["id"]
    at("2027-03-02T10:00:00")
    titles = [*HOSTILE, *(f"王阿姨{variant}" for variant in VARIANTS[1:]), f"路灯 {NEARLY}"]
    projects = [propose(client, staff, round_id, title, 100_000) for title in titles]
    at("2027-03-12T10:00:00")
    for project in projects:
        post(client, f"/rounds/{round_id}/projects/{project}/review", street, {"feasible": True, "final_cost_fen": 100_000})
    at("2027-03-22T10:00:00")
    assert post(client, f"/rounds/{round_id}/ballots", accounts["kongjiang_resident"], {"picks": projects[:2]}).status_code == 201
    at("2027-03-29T10:00:00")
    result = tally(client, round_id, street)

    s3 = boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                      aws_access_key_id="testing", aws_secret_access_key="testing")
    listed = s3.list_objects_v2(Bucket=stack.public_bucket, Prefix=f"rounds/{round_id}/")["Contents"]
    files = {o["Key"]: s3.get_object(Bucket=stack.public_bucket, Key=o["Key"])["Body"].read().decode("utf-8")
             for o in listed}
    assert set(files) == {f"rounds/{round_id}/ballots.pb", f"rounds/{round_id}/results.json"}
    for name, text in [*files.items(), ("the API's result", json.dumps(result, ensure_ascii=False))]:
        digits = digits_read(text)
        for variant in [*VARIANTS, NEARLY]:
            assert digits_read(variant) not in digits, (name, variant)
    assert "〔电话〕" in files[f"rounds/{round_id}/results.json"] and "〔证件号〕" in files[f"rounds/{round_id}/ballots.pb"]
    assert "〔待核〕" in files[f"rounds/{round_id}/ballots.pb"]

    pb = files[f"rounds/{round_id}/ballots.pb"]
    cells = [cell for row in csv.reader(io.StringIO(pb, newline=""), delimiter=";") for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    for cell in cells:
        assert not cell.startswith(FORMULA_STARTS), cell

    # Streamed by the count, the file is byte for byte what pabulib.dump writes for the whole election.
    record = repository.get_round(round_id)
    ballots = [pabulib.Ballot(b.id, tuple(b.picks)) for b in sorted(repository.read_ballots(round_id), key=lambda b: b.id)]
    election = pabulib.Election.build(budget=record.budget_fen, vote_type="approval", meta=tallying.round_meta(record),
                                      projects=tallying.round_projects(repository.get_round_contents(round_id).projects),
                                      ballots=ballots, selected=[p["id"] for p in result["projects"] if p["selected"]])
    assert pb == pabulib.dump(election)
