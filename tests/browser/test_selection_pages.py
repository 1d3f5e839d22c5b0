"""A street's 十佳项目评选 on the existing round pages: three committees have a project their
closed participatory-budgeting round selected (one with a photo, one rated by residents); the
street opens a selection; two committees nominate through the API and the demo committee's staff
nominate on the staff round page; the demo resident reads the candidates (committee, rating,
photo, spending; no budget) on round.html and vote.html, picks up to k and votes; after the count
round.html shows the winners with their approvals. In Chinese and English, 360 and 1280 px, axe.

The stack runs in a process of its own: rounds' stored schedules are moved instead of its clock
(test_round_page.move_round); a round is closed once its stored evaluation window has ended."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, audit, id_token, sign_in
from tests.browser.test_round_page import HOURS, images_shown, iso, move_round, schedule_for, upload_photo
from tests.browser.test_vote import call
from tests.local_stack_process import client_for

STREET = "310110012"
DEMO_COMMITTEE, XIN_HUI, SI_CUN = "310110012001", "310110012003", "310110012004"
PASSWORD = "Selection-pass-1"


def windows(phase: str) -> dict[str, dict[str, str]]:
    return {name: {"starts": s, "ends": e} for name, (s, e) in schedule_for(phase).items()}


def staff_of(stack, committee: str, phone: str) -> str:
    """A committee's staff account, made in the officials' pool; its ID token."""
    state = stack["state"]
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    from chalicelib.identity import create_user

    create_user(cognito, state["officials_user_pool_id"], phone=phone, password=PASSWORD, group="committee_staff",
                division=committee)
    return cognito.initiate_auth(ClientId=client_for(state, "committee_staff"), AuthFlow="USER_PASSWORD_AUTH",
                                 AuthParameters={"USERNAME": phone, "PASSWORD": PASSWORD})["AuthenticationResult"]["IdToken"]


def evaluation_over(stack, round_id: str) -> None:
    """Every window of the round placed in the past, its evaluation ended an hour ago."""
    from chalicelib.storage.keys import round_key

    state = stack["state"]
    table = boto3.resource("dynamodb", endpoint_url=state["aws_endpoint_url"], region_name=state["region"],
                           aws_access_key_id="testing", aws_secret_access_key="testing").Table(state["table_name"])
    anchor = datetime.now(UTC) - timedelta(hours=HOURS["evaluation"][1] + 1)
    spans = {name: [iso(anchor + timedelta(hours=a)), iso(anchor + timedelta(hours=b))] for name, (a, b) in HOURS.items()}
    table.update_item(Key=round_key(round_id), UpdateExpression="SET #s = :s",
                      ExpressionAttributeNames={"#s": "schedule"}, ExpressionAttributeValues={":s": spans})


def count(stack, round_id: str, token: str) -> None:
    status, job = call(stack, "POST", f"/rounds/{round_id}/tally", token, {})
    assert status == 202, job
    deadline = time.monotonic() + 90
    while job["state"] in ("queued", "counting"):
        assert time.monotonic() < deadline, job
        time.sleep(0.5)
        status, job = call(stack, "GET", f"/rounds/{round_id}/tally", token)
    assert job["state"] == "done", job


def closed_round(stack, staff: str, committee: str, title: str, *, photo: bool = False, rated: bool = False) -> tuple[str, str]:
    """A committee's PB round whose one project was selected, implemented, (rated) and closed."""
    status, created = call(stack, "POST", "/rounds", staff, {
        "scope": committee, "title": f"{title}（微更新）", "description": "一个项目。", "budget_fen": 10_000_000,
        "schedule": windows("proposals"), "method": {"kind": "approval", "max_picks": 1}, "rule": "greedy",
        "eligibility": {"accounts": True, "paper_codes": True}})
    assert status == 201, created
    round_id = created["id"]
    status, project = call(stack, "POST", f"/rounds/{round_id}/proposals", staff, {
        "title": title, "description": f"{title}：已经完工。", "estimated_cost_fen": 4_500_000,
        "photos": [upload_photo(stack, staff)] if photo else []})
    assert status == 201, project
    move_round(stack, round_id, "review")
    status, reviewed = call(stack, "POST", f"/rounds/{round_id}/projects/{project['id']}/review", staff,
                            {"feasible": True, "final_cost_fen": 4_200_000})
    assert status == 200, reviewed
    status, sheet = call(stack, "POST", f"/rounds/{round_id}/codes", staff, {"count": 1})
    assert status == 201, sheet
    move_round(stack, round_id, "voting")
    status, receipt = call(stack, "POST", f"/rounds/{round_id}/code-ballots", None,
                           {"picks": [project["id"]], "code": sheet["codes"][0]})
    assert status == 201, receipt
    move_round(stack, round_id, "tallying")
    count(stack, round_id, staff)
    if rated:
        move_round(stack, round_id, "evaluation")
        status, rating = call(stack, "POST", f"/rounds/{round_id}/evaluations", id_token(stack, "resident"),
                              {"project_id": project["id"], "score": 5})
        assert status == 201, rating
    evaluation_over(stack, round_id)
    status, closed = call(stack, "POST", f"/rounds/{round_id}/close", staff, {})
    assert status == 200 and closed["status"] == "closed", closed
    return round_id, project["id"]


@pytest.fixture(scope="module")
def selection(stack):
    """The street's selection in its nominations window, 欣辉 and 四村 nominated; 控一's project waits."""
    year = datetime.now(UTC).astimezone(timezone_shanghai()).year
    demo_staff = id_token(stack, "committee_staff")
    sources = {
        DEMO_COMMITTEE: (demo_staff, *closed_round(stack, demo_staff, DEMO_COMMITTEE, "楼道扶手加装", rated=True)),
        XIN_HUI: (staff_of(stack, XIN_HUI, "+8613900000301"),),
        SI_CUN: (staff_of(stack, SI_CUN, "+8613900000302"),),
    }
    sources[XIN_HUI] += closed_round(stack, sources[XIN_HUI][0], XIN_HUI, "口袋花园", photo=True)
    sources[SI_CUN] += closed_round(stack, sources[SI_CUN][0], SI_CUN, "非机动车棚")
    status, created = call(stack, "POST", "/rounds", id_token(stack, "street_official"), {
        "kind": "selection", "scope": STREET, "year": year, "title": f"控江路街道{year}年度十佳项目评选（测试）",
        "description": "各居委会提名本年度完成的项目，居民投票选出最好的。", "schedule": windows("proposals"),
        "method": {"kind": "approval", "max_picks": 2}, "eligibility": {"accounts": True}})
    assert status == 201, created
    for committee in (XIN_HUI, SI_CUN):
        token, round_id, project = sources[committee]
        status, made = call(stack, "POST", f"/rounds/{created['id']}/nominations", token,
                            {"source": "round_project", "round": round_id, "project": project})
        assert status == 201, made
    return {"id": created["id"], "year": year, "sources": sources}


def timezone_shanghai():
    from chalicelib.clock import SHANGHAI

    return SHANGHAI


def nominate_the_demo_committee(stack, selection) -> None:
    _, round_id, project = selection["sources"][DEMO_COMMITTEE]
    status, made = call(stack, "POST", f"/rounds/{selection['id']}/nominations", id_token(stack, "committee_staff"),
                        {"source": "round_project", "round": round_id, "project": project})
    assert status in (201, 409), made


# A committee without this year's fund pool answers its list with 404: the form offers no fund then.
@pytest.mark.expects_failed_requests
def test_committee_staff_nominate_their_completed_project_on_the_staff_round_page(page, stack, selection):
    (ARTIFACTS / "staff").mkdir(parents=True, exist_ok=True)
    sign_in(page, stack, "committee_staff", f"staff/round.html?round={selection['id']}")
    view = page.locator("#nominate-view")
    expect(view.get_by_role("heading", name="十佳评选提名")).to_be_visible()
    # Its kind and k where a round's budget would be (a selection's is ¥0).
    expect(page.locator("#round-facts")).to_contain_text(f"十佳项目评选 {selection['year']} · 选出 2 个 · 投票")
    expect(page.locator("#nominated > li")).to_have_count(2)
    expect(page.locator("#nominated")).to_contain_text("口袋花园")
    # Only the committee's own completed projects are offered (other tests on this stack may have
    # completed more of the demo committee's); the other committees' are theirs to name.
    options = page.locator("#nominee option")
    expect(options.filter(has_text="楼道扶手加装")).to_have_count(1)
    expect(options.filter(has_text="口袋花园")).to_have_count(0)
    expect(options.filter(has_text="非机动车棚")).to_have_count(0)
    ours = options.filter(has_text="楼道扶手加装").get_attribute("value")
    page.locator("#nominee").select_option(ours)
    audit(page, "staff/selection-nominate")
    view.get_by_role("button", name="提名", exact=True).click()
    expect(page.locator("#nominate-done")).to_contain_text("楼道扶手加装")
    expect(page.locator("#nominated > li")).to_have_count(3)
    expect(page.locator("#nominated > li").filter(has_text="楼道扶手加装")).to_contain_text("微更新投票项目")
    # Nominated once, it is offered no more (other completed projects of the shared stack may be).
    expect(page.locator("#nominee option").filter(has_text="楼道扶手加装")).to_have_count(0)
    status, shown = call(stack, "GET", f"/rounds/{selection['id']}/ballot")
    assert status == 200 and len(shown["projects"]) == 3, shown


def test_residents_read_the_candidates_vote_up_to_k_and_see_the_winners(page, stack, selection):
    nominate_the_demo_committee(stack, selection)
    round_id, year = selection["id"], selection["year"]
    status, demo_committee = call(stack, "GET", f"/divisions/{DEMO_COMMITTEE}")
    assert status == 200, demo_committee

    sign_in(page, stack, "resident", f"round.html?round={round_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"十佳项目评选 {year}")
    expect(page.locator("#round-facts")).to_contain_text("选出 2 个")
    expect(page.locator("#round-facts")).not_to_contain_text("预算")
    expect(page.locator("#round-actions")).to_be_hidden()  # residents do not propose to a selection
    cards = page.locator("#project-cards > li")
    expect(cards).to_have_count(3)
    rated = cards.filter(has_text="楼道扶手加装")
    expect(rated).to_contain_text(demo_committee["name"])
    expect(rated).to_contain_text("居民评分 5 分（1 人评价）")
    expect(rated).to_contain_text("42,000")
    images_shown(page, "#project-cards")
    audit(page, "selection-round-nominations")

    move_round(stack, round_id, "voting")
    page.goto(f"/vote.html?round={round_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"十佳项目评选 {year}")
    expect(page.locator("#picks-hint")).to_have_text("最多选 2 个您认为最好的项目。")
    garden = page.locator("#projects > li").filter(has_text="口袋花园")
    expect(garden).to_contain_text("提名居委会")
    expect(garden).to_contain_text("花费")
    images_shown(page, "#projects")
    audit(page, "selection-vote")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Top Ten Projects {year}")
    expect(page.locator("#picks-hint")).to_have_text("Choose up to 2 projects you think best.")
    audit(page, "selection-vote-en")
    page.get_by_role("button", name="中文").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"十佳项目评选 {year}")

    def box(title):
        return page.get_by_role("checkbox", name=re.compile(re.escape(title)))

    box("口袋花园").check()
    box("楼道扶手加装").check()
    # A third is one too many: refused, with the reason beside it.
    expect(box("非机动车棚")).to_have_attribute("aria-disabled", "true")
    expect(page.locator("#projects > li.blocked")).to_have_count(1)
    page.get_by_role("button", name="下一步：核对选择").click()
    page.get_by_role("button", name="确认投票").click()
    expect(page.get_by_role("heading", name="您的选票已投出")).to_be_focused()

    move_round(stack, round_id, "tallying")
    count(stack, round_id, id_token(stack, "street_official"))
    move_round(stack, round_id, "results")
    page.goto(f"/round.html?round={round_id}")
    results = page.locator("#result-list > li")
    expect(results).to_have_count(3)
    winners = page.locator("#result-list > li.selected")
    expect(winners).to_have_count(2)
    expect(winners.first).to_contain_text("入选十佳")
    expect(winners.first).to_contain_text("得票")
    expect(page.locator("#results-summary")).to_contain_text("共 2 个项目入选")
    expect(page.locator("#results-summary")).not_to_contain_text("预算")
    audit(page, "selection-results")
    page.get_by_role("button", name="English").click()
    expect(page.locator("#result-list > li.selected").first).to_contain_text("Top ten")
    audit(page, "selection-results-en")
