"""A round's page through its phases, on a round driven by the API: officials create it, add
projects (one with a photo), review them (one infeasible), open voting; the demo resident
and two paper codes vote; the queued tally is counted by the stack's worker. Then in the
browser: the results with every project's reason, "verify my ballot" finding the resident's
line in the published file without the id going anywhere, an objection during the public
notice, the progress with its photo, and an evaluation in the evaluation phase; zh and en.

The local stack runs as a process of its own, so its clock cannot be moved as the API tests
move it: the round's stored schedule is moved instead, so that now falls in the phase a
step needs (phases follow from the schedule and the clock alone)."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import boto3
import requests
from playwright.sync_api import expect

from tests.api.test_uploads_api import tiny_png
from tests.browser.conftest import audit, id_token, sign_in
from tests.browser.test_vote import call

COMMITTEE = "310110012001"
# Each phase's window in hours from an anchor; the count happens between voting and results.
HOURS = {"proposals": (0, 10), "review": (10, 20), "voting": (20, 30), "results": (40, 50),
         "implementation": (50, 60), "evaluation": (60, 70)}
MIDDLE = {**{name: (a + b) / 2 for name, (a, b) in HOURS.items()}, "tallying": 35}


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def schedule_for(phase: str) -> dict[str, tuple[str, str]]:
    """Windows placed so that now is in the middle of `phase`."""
    anchor = datetime.now(UTC) - timedelta(hours=MIDDLE[phase])
    return {name: (iso(anchor + timedelta(hours=a)), iso(anchor + timedelta(hours=b))) for name, (a, b) in HOURS.items()}


def move_round(stack, round_id: str, phase: str) -> None:
    from chalicelib.storage.keys import round_key

    state = stack["state"]
    table = boto3.resource("dynamodb", endpoint_url=state["aws_endpoint_url"], region_name=state["region"],
                           aws_access_key_id="testing", aws_secret_access_key="testing").Table(state["table_name"])
    windows = {name: list(span) for name, span in schedule_for(phase).items()}
    table.update_item(Key=round_key(round_id), UpdateExpression="SET #s = :s",
                      ExpressionAttributeNames={"#s": "schedule"}, ExpressionAttributeValues={":s": windows})
    status, detail = call(stack, "GET", f"/rounds/{round_id}/ballot")
    assert status == 200 and detail["phase"] == phase, detail


def upload_photo(stack, token) -> str:
    png = tiny_png()
    status, form = call(stack, "POST", "/uploads/photos", token, {"content_type": "image/png", "size_bytes": len(png)})
    assert status == 201, form
    sent = requests.post(form["url"], data=form["fields"], files={"file": ("p.png", png, "image/png")}, timeout=10)
    assert sent.status_code in (201, 204), sent.text
    return form["key"]


def counted_round(stack) -> tuple[str, dict[str, str]]:
    """A round taken through proposals, review, voting and its count; ends in its public notice."""
    staff = id_token(stack, "committee_staff")
    windows = {name: {"starts": s, "ends": e} for name, (s, e) in schedule_for("proposals").items()}
    status, created = call(stack, "POST", "/rounds", staff, {
        "scope": COMMITTEE, "title": "控一小区微更新：楼道与绿地", "description": "三个改造项目，总预算 10 万元。",
        "budget_fen": 10_000_000, "schedule": windows, "method": {"kind": "approval", "min_picks": 1, "max_picks": 2},
        "rule": "greedy", "eligibility": {"accounts": True, "roster": False, "paper_codes": True}})
    assert status == 201, created
    round_id = created["id"]
    ids = {}
    for title, cost, photos in (("楼道加装扶手", 4_000_000, []), ("口袋花园", 5_000_000, [upload_photo(stack, staff)]),
                                ("非机动车棚", 3_000_000, []), ("室外泳池", 9_000_000, [])):
        status, project = call(stack, "POST", f"/rounds/{round_id}/proposals", staff, {
            "title": title, "description": f"{title}：方案见照片。", "estimated_cost_fen": cost, "photos": photos})
        assert status == 201, project
        ids[title] = project["id"]
    for title in ("楼道加装扶手", "口袋花园", "非机动车棚"):
        status, reviewed = call(stack, "POST", f"/rounds/{round_id}/projects/{ids[title]}/review", staff,
                                {"feasible": True, "final_cost_fen": {"楼道加装扶手": 4_000_000, "口袋花园": 5_000_000,
                                                                     "非机动车棚": 3_000_000}[title]})
        assert status == 200, reviewed
    status, refused = call(stack, "POST", f"/rounds/{round_id}/projects/{ids['室外泳池']}/review", staff,
                           {"feasible": False, "reason": "场地不足，安全风险高"})
    assert status == 200, refused
    status, sheet = call(stack, "POST", f"/rounds/{round_id}/codes", staff, {"count": 2})
    assert status == 201, sheet

    move_round(stack, round_id, "voting")
    resident = id_token(stack, "resident")
    for token, picks, code in ((resident, ["楼道加装扶手", "口袋花园"], None),
                               (None, ["口袋花园", "非机动车棚"], sheet["codes"][0]), (None, ["口袋花园"], sheet["codes"][1])):
        body = {"picks": [ids[p] for p in picks], **({"code": code} if code else {})}
        status, receipt = call(stack, "POST", f"/rounds/{round_id}/{'ballots' if token else 'code-ballots'}", token, body)
        assert status == 201, receipt

    move_round(stack, round_id, "tallying")
    status, job = call(stack, "POST", f"/rounds/{round_id}/tally", staff, {})
    assert status == 202, job
    deadline = time.monotonic() + 90
    while job["state"] in ("queued", "counting"):
        assert time.monotonic() < deadline, job
        time.sleep(0.5)
        status, job = call(stack, "GET", f"/rounds/{round_id}/tally", staff)
    assert job["state"] == "done", job

    move_round(stack, round_id, "results")
    status, progress = call(stack, "POST", f"/rounds/{round_id}/progress", staff, {
        "project_id": ids["口袋花园"], "status": "in_progress", "percent": 40, "note": "座椅已安装，正在种植。",
        "photos": [upload_photo(stack, staff)]})
    assert status == 201, progress
    return round_id, ids


def images_shown(page, selector: str) -> None:
    """Every image under `selector` loaded and decoded (a refused or broken link has no width)."""
    # They load lazily, as an old phone on a slow link needs: only once scrolled to.
    page.locator(f"{selector} img").last.scroll_into_view_if_needed()
    script = f"[...document.querySelectorAll({selector!r} + ' img')].every(i => i.complete && i.naturalWidth > 0)"
    for _ in range(100):
        if page.evaluate(script):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"images under {selector} did not load")


def test_a_round_from_its_results_to_objection_verification_and_evaluation(page, stack):
    round_id, ids = counted_round(stack)
    sent = []
    page.on("request", lambda r: sent.append(f"{r.url} {r.post_data or ''}"))
    sign_in(page, stack, "resident", f"round.html?round={round_id}")

    expect(page.get_by_role("heading", level=1)).to_have_text("控一小区微更新：楼道与绿地")
    expect(page.locator("#phase-steps li[aria-current=step]")).to_contain_text("结果公示")
    expect(page.locator("#phase-now")).to_contain_text("结果公示期")
    pool = page.locator("#project-cards > li").filter(has_text="室外泳池")
    expect(pool).to_contain_text("审核未通过")
    expect(pool).to_contain_text("场地不足，安全风险高")
    garden_photo = page.locator("#project-cards > li").filter(has_text="口袋花园").get_by_role("img")
    expect(garden_photo).to_have_attribute("alt", "「口袋花园」的照片 1")
    images_shown(page, "#project-cards")

    results = page.locator("#result-list > li")
    expect(results).to_have_count(3)
    garden = results.filter(has_text="口袋花园")
    expect(garden).to_contain_text("入选")
    expect(garden).to_contain_text("得票3")
    expect(garden).to_contain_text("¥50,000.00")
    expect(results.filter(has_text="楼道加装扶手")).to_contain_text("得票靠前，预算够用，入选。")
    bikes = results.filter(has_text="非机动车棚")
    expect(bikes).to_contain_text("未入选")
    expect(bikes).to_contain_text("轮到它时剩余预算不够，未入选。")
    expect(page.locator("#results-summary")).to_contain_text("共 3 张选票")
    expect(page.locator("#results-summary")).to_contain_text("（北京时间）")
    progress = page.locator("#progress-list > li")
    expect(progress).to_contain_text("施工中")
    expect(progress).to_contain_text("座椅已安装，正在种植。")
    images_shown(page, "#progress-list")
    expect(page.locator("#evaluation-view")).to_be_hidden()
    audit(page, "round-results")

    # Verify my ballot: the page reads the public file and finds the line itself.
    page.get_by_role("button", name="查找我的选票").click()
    found = page.locator("#verify-result")
    expect(found).to_contain_text("找到了")
    expect(found.locator("li")).to_have_text(["楼道加装扶手", "口袋花园"])
    expect(found).to_contain_text("与您投出的选择一致。")
    status, mine = call(stack, "GET", f"/rounds/{round_id}/my-ballot", id_token(stack, "resident"))
    assert status == 200 and mine["published_ballot_id"], mine
    expect(found).to_contain_text(mine["published_ballot_id"])
    assert not [r for r in sent if mine["published_ballot_id"] in r], "the ballot's id left the page"
    assert any(r.split(" ")[0].endswith(f"/rounds/{round_id}/ballots.pb") for r in sent)

    # An objection during the public notice, empty first.
    form = page.locator("#objection-form")
    form.get_by_role("button", name="提交异议").click()
    expect(page.locator("#objection-text-error")).to_have_text("请写下您的异议和理由。")
    form.get_by_label("关于哪个项目").select_option(label="非机动车棚")
    form.get_by_label("您的异议").fill("非机动车棚比楼道扶手更急需，请复核。")
    audit(page, "round-objection")
    form.get_by_role("button", name="提交异议").click()
    expect(page.locator("#objection-done")).to_contain_text("已收到您的异议")
    expect(form).to_be_hidden()
    status, seen = call(stack, "GET", f"/rounds/{round_id}", id_token(stack, "committee_staff"))
    assert [(o["text"], o["project_id"]) for o in seen["objections"]] == [
        ("非机动车棚比楼道扶手更急需，请复核。", ids["非机动车棚"])], seen["objections"]

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#results-heading")).to_have_text("Results")
    expect(results.filter(has_text="非机动车棚")).to_contain_text("When its turn came, the budget left was too small")
    expect(page.locator("#results-summary")).to_contain_text("(Shanghai time)")
    expect(page.locator("#objection-form")).to_be_visible()  # a fresh draft: one may object again
    audit(page, "round-results-en")
    page.get_by_role("button", name="中文").click()

    # The evaluation phase: each funded project has its own short form.
    move_round(stack, round_id, "evaluation")
    page.reload()
    expect(page.locator("#phase-steps li[aria-current=step]")).to_contain_text("居民评价")
    expect(page.locator("#objection-view")).to_be_hidden()
    forms = page.locator("#evaluation-forms form")
    expect(forms).to_have_count(2)
    garden_form = forms.filter(has_text="口袋花园")
    garden_form.get_by_role("button", name="提交评价").click()
    expect(garden_form.locator(".field-error")).to_have_text("请选择一个分数。")
    garden_form.get_by_label("4 分：满意").check()
    garden_form.get_by_label("想说的话（选填，最多 500 字）").fill("花园很好，座椅再多几张更好。")
    audit(page, "round-evaluation")
    garden_form.get_by_role("button", name="提交评价").click()
    expect(page.locator("#evaluation-forms")).to_contain_text("谢谢，您对「口袋花园」的评价已记下。")
    status, detail = call(stack, "GET", f"/rounds/{round_id}", id_token(stack, "resident"))
    assert detail["evaluations"] == [{"project_id": ids["口袋花园"], "count": 1, "mean": 4.0}], detail["evaluations"]

    page.reload()
    expect(page.locator("#project-cards > li").filter(has_text="口袋花园")).to_contain_text("居民评分 4 分（1 人评价）")


def test_signed_out_the_round_shows_its_phases_and_asks_to_sign_in_for_the_rest(page, stack):
    status, listed = call(stack, "GET", f"/rounds?division={COMMITTEE}")
    voting = next(r for r in listed["items"] if r["phase"] == "voting")
    page.goto(f"/round.html?round={voting['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text(voting["title"])
    expect(page.get_by_role("link", name="去投票").last).to_have_attribute("href", f"vote.html?round={voting['id']}")
    expect(page.locator("#results-view")).to_be_hidden()
    audit(page, "round-voting-signed-out")
    page.get_by_role("button", name="大字模式").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\blarge\b"))
    audit(page, "round-voting-large")
    page.goto("/round.html?round=nonsense")
    expect(page.locator("#load-problem")).to_have_text("链接里的活动编号不对，请从社区投票页面进入。")


def test_the_voting_page_leads_to_each_rounds_page(page, stack):
    sign_in(page, stack, "resident", "vote.html")
    card = page.locator("#rounds > li").first
    card.get_by_role("link", name="活动详情").click()
    page.wait_for_url(re.compile(r"/round\.html\?round="))
    expect(page.locator("#phase-now")).to_contain_text("投票期")
