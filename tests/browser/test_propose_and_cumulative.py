"""Proposing a project with a photo, then voting in a cumulative round by spreading points.

A resident proposes on propose.html while the round's proposals are open; an official marks
it feasible through the API; the round then opens for voting and the resident spreads the
round's points on vote.html, the points left always shown and a press over the total or a
project's cap refused at that project. The stored ballot is read back with GET my-ballot.

The stack runs in its own process, so its clock cannot be moved: the round's stored
schedule is moved instead, once, from proposals to voting (what the clock passing the
review's end would do)."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta

import boto3
from playwright.sync_api import expect

from tests.browser.conftest import audit, id_token, sign_in
from tests.browser.test_vote import call

COMMITTEE = "310110012001"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
RECEIPT = re.compile(r"^[0-9A-Z]{5}-[0-9A-Z]{5}$")
PHASES = ("proposals", "review", "voting", "results", "implementation", "evaluation")


def schedule_from(now: datetime, current: str) -> dict[str, tuple[datetime, datetime]]:
    """Back-to-back windows of a day each, `current` the one now is in."""
    first = now - timedelta(hours=1) - timedelta(days=PHASES.index(current))
    return {name: (first + timedelta(days=i), first + timedelta(days=i + 1) - timedelta(minutes=1))
            for i, name in enumerate(PHASES)}


def new_cumulative_round(stack) -> str:
    windows = schedule_from(datetime.now(UTC), "proposals")
    status, created = call(stack, "POST", "/rounds", id_token(stack, "committee_staff"), {
        "scope": COMMITTEE, "title": "积分试点：楼组小项目", "description": "每户 10 点，分给支持的项目。",
        "budget_fen": 8_000_000,
        "schedule": {name: {"starts": s.isoformat(), "ends": e.isoformat()} for name, (s, e) in windows.items()},
        "method": {"kind": "cumulative", "points": 10, "max_points_per_project": 6},
        "rule": "greedy", "eligibility": {"accounts": True},
    })
    assert status == 201, created
    return created["id"]


def open_voting(stack, round_id: str) -> None:
    state = stack["state"]
    windows = schedule_from(datetime.now(UTC), "voting")
    stored = {name: [s.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                     e.isoformat(timespec="milliseconds").replace("+00:00", "Z")] for name, (s, e) in windows.items()}
    table = boto3.resource("dynamodb", endpoint_url=state["aws_endpoint_url"], region_name=state["region"],
                           aws_access_key_id="testing", aws_secret_access_key="testing").Table(state["table_name"])
    table.update_item(Key={"PK": f"ROUND#{round_id}", "SK": "ROUND"}, UpdateExpression="SET #s = :s",
                      ExpressionAttributeNames={"#s": "schedule"}, ExpressionAttributeValues={":s": stored})


def points_field(page, title):
    return page.get_by_role("spinbutton", name=re.compile(re.escape(title)))


def test_a_resident_proposes_with_a_photo_then_spreads_points_and_votes(page, stack):
    round_id = new_cumulative_round(stack)
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" and "/proposals" in r.url else None)
    sign_in(page, stack, "resident", f"propose.html?round={round_id}")
    expect(page.locator("#round-title")).to_have_text("积分试点：楼组小项目")

    expect(page.get_by_role("heading", name="这个项目叫什么？")).to_be_visible()
    page.get_by_role("button", name="下一步").click()
    expect(page.locator("#title-error")).to_have_text("请填写项目名称。")
    page.get_by_label("项目名称").fill("楼道感应灯")
    audit(page, "propose-title")
    page.get_by_role("button", name="下一步").click()
    page.get_by_label("项目说明").fill("给 7 号楼每层楼道装声光感应灯，夜里上下楼不再摸黑。")
    page.get_by_label("地点").fill("7 号楼")
    page.get_by_role("button", name="下一步").click()

    cost = page.get_by_label("估计费用（元）")
    cost.fill("三千")
    page.get_by_role("button", name="下一步").click()
    expect(page.locator("#cost-error")).to_have_text("请只填数字，以元为单位，最多两位小数，例如 45000 或 45000.50。")
    expect(cost).to_have_attribute("aria-invalid", "true")
    cost.fill("12,000.50")
    page.get_by_role("button", name="下一步").click()

    page.get_by_label("添加照片").set_input_files({"name": "stairs.png", "mimeType": "image/png", "buffer": PNG})
    expect(page.get_by_text("已添加照片 stairs.png")).to_be_visible()
    audit(page, "propose-photos")
    page.reload()  # the draft keeps the answers and the uploaded photo
    expect(page.locator("#step-indicator")).to_have_text("第 1 步，共 5 步")
    page.get_by_role("button", name="下一步").click()
    expect(page.get_by_label("项目说明")).to_have_value("给 7 号楼每层楼道装声光感应灯，夜里上下楼不再摸黑。")
    for _ in range(3):
        page.get_by_role("button", name="下一步").click()
    review = page.locator("#review")
    expect(review).to_contain_text("楼道感应灯")
    expect(review).to_contain_text("¥12,000.50")
    audit(page, "propose-review")
    page.get_by_role("button", name="提交提议").click()
    expect(page.get_by_role("heading", name="您的提议已提交")).to_be_focused()
    expect(page.locator("#receipt-status")).to_contain_text("照片 1 张")
    audit(page, "propose-receipt")
    assert len(posts) == 1

    page.get_by_role("link", name="再提一个").click()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="What is the project called?")).to_be_visible()
    expect(page.get_by_label("Project name")).to_have_value("")
    audit(page, "propose-en")
    page.get_by_role("button", name="中文").click()

    staff, street = id_token(stack, "committee_staff"), id_token(stack, "street_official")
    status, _ = call(stack, "POST", f"/rounds/{round_id}/proposals", staff,
                     {"title": "单元门禁维修", "description": "修好 3 个单元坏了的门禁。", "estimated_cost_fen": 900_000})
    assert status == 201
    status, detail = call(stack, "GET", f"/rounds/{round_id}", id_token(stack, "resident"))
    ids = {p["title"]: p for p in detail["projects"]}
    mine = ids["楼道感应灯"]
    assert mine["estimated_cost_fen"] == 1_200_050 and len(mine["photos"]) == 1 and mine["location"] == "7 号楼"
    for project, cost_fen in ((mine, 1_100_000), (ids["单元门禁维修"], 900_000)):
        status, reviewed = call(stack, "POST", f"/rounds/{round_id}/projects/{project['id']}/review", street,
                                {"feasible": True, "final_cost_fen": cost_fen})
        assert status == 200, reviewed
    open_voting(stack, round_id)

    page.goto(f"/vote.html?round={round_id}")
    left = page.locator("#left")
    expect(left).to_have_text("10")
    lights, doors = points_field(page, "楼道感应灯"), points_field(page, "单元门禁维修")
    more_lights = page.get_by_role("button", name="给「楼道感应灯」多一点")
    for _ in range(3):
        more_lights.click()
    expect(lights).to_have_value("3")
    expect(left).to_have_text("7")
    doors.fill("6")
    expect(left).to_have_text("1")
    page.get_by_role("button", name="给「单元门禁维修」多一点").click()
    expect(doors).to_have_value("6")
    expect(page.locator("#vote-live")).to_have_text("加不了：每个项目最多 6 点。")

    lights.fill("5")  # 11 of 10: said at the field, and the ballot does not go to review
    expect(left).to_have_text("-1")
    over = "超出了：总共只有 10 点，现在多了 1 点。请减少某些项目的点数。"
    expect(page.locator(f"#pts-{mine['id']}-why")).to_have_text(over)
    expect(lights).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="下一步：核对选择").click()
    expect(page.locator(f"#pts-{mine['id']}-error")).to_have_text(over)
    expect(lights).to_be_focused()
    expect(page.locator("#review-step")).to_be_hidden()

    lights.fill("4")
    expect(left).to_have_text("0")
    more_lights.click()
    expect(page.locator("#vote-live")).to_have_text("加不了：10 点已经分完。请先减少其他项目的点数。")
    expect(lights).to_have_value("4")
    audit(page, "vote-points")

    page.get_by_role("button", name="English").click()  # the points are a draft: they survive the reload
    expect(page.locator("#left-label")).to_have_text("Points left")
    expect(page.locator("#left")).to_have_text("0")
    expect(points_field(page, "楼道感应灯")).to_have_value("4")
    audit(page, "vote-points-en")
    page.get_by_role("button", name="中文").click()

    page.get_by_role("button", name="下一步：核对选择").click()
    review = page.locator("#review-step")
    expect(review.get_by_role("listitem")).to_have_count(2)
    expect(review).to_contain_text("共 2 项，用了 10 点，剩余 0 点")
    audit(page, "vote-points-review")
    page.get_by_role("button", name="确认投票").click()
    expect(page.locator("#receipt")).to_have_text(RECEIPT)

    status, ballot = call(stack, "GET", f"/rounds/{round_id}/my-ballot", id_token(stack, "resident"))
    assert status == 200 and ballot["voted"], ballot
    assert dict(zip(ballot["picks"], ballot["points"], strict=True)) == {mine["id"]: 4, ids["单元门禁维修"]["id"]: 6}
