"""A round's project photos reach the browser: the round carries, beside each photo's storage
key, a presigned link the residents' page can show, which serves the photo's bytes while
the attachments bucket stays private."""

from __future__ import annotations

import requests

from tests.api.helpers import get, post
from tests.api.test_round_lifecycle import new_round
from tests.api.test_uploads_api import ask_for_form, tiny_png


def upload_png(client, account) -> tuple[str, bytes]:
    png = tiny_png()
    form = ask_for_form(client, account, {"content_type": "image/png", "size_bytes": len(png)}).json_body
    sent = requests.post(form["url"], data=form["fields"], files={"file": ("p.png", png, "image/png")}, timeout=10)
    assert sent.status_code in (201, 204), sent.text
    return form["key"], png


def test_a_projects_photos_come_with_links_a_browser_can_open(client, accounts, at, stack):
    staff, voter = accounts["committee_staff"], accounts["kongjiang_resident"]
    at("2027-02-20T10:00:00")
    round_id = new_round(client, staff)["id"]
    at("2027-03-02T10:00:00")
    key, png = upload_png(client, voter)
    proposed = post(client, f"/rounds/{round_id}/proposals", voter,
                    {"title": "口袋花园", "description": "闲置空地改成口袋花园。", "estimated_cost_fen": 500_000,
                     "photos": [key]})
    assert proposed.status_code == 201, proposed.body

    for reader in (voter, None):  # signed in, and the paper-code households' unsigned view
        path = f"/rounds/{round_id}" if reader else f"/rounds/{round_id}/ballot"
        project = get(client, path, reader).json_body["projects"][0]
        assert len(project["photos"]) == len(project["photo_urls"]) == 1
        link = project["photo_urls"][0]
        assert link.startswith(stack.aws_endpoint_url) and "Signature" in link
        shown = requests.get(link, timeout=10)
        assert shown.status_code == 200 and shown.content == png

    # The link is to the kept copy, never to the upload its owner could still replace.
    assert "uploads/" not in project["photo_urls"][0].split("?")[0]
    unsigned = requests.get(project["photo_urls"][0].split("?")[0], timeout=10)
    assert unsigned.status_code == 403
