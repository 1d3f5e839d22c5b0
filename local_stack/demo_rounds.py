"""Demo participatory-budgeting rounds of the demo committee, open for voting when the stack
starts: a budget round whose projects cost more than it can fund, and an approval round; and
the street's yearly selection (十佳项目评选), open for its committees' nominations.

Projects are proposed and reviewed before voting opens, so the rounds are created and
reviewed with the platform's clock set a few days back, as the demo history is dated."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from chalicelib import clock
from chalicelib.clock import SHANGHAI
from local_stack.demo_history import _as_of
from local_stack.provision import DemoUser

# (title, description, location, cost in fen)
BUDGET_PROJECTS = (
    ("楼道加装扶手", "为 1–12 号楼的楼道加装不锈钢扶手，方便老人上下楼。", "1–12 号楼", 3_200_000),
    ("口袋花园", "把 5 号楼旁的闲置空地改成有座椅的口袋花园。", "5 号楼西侧", 4_500_000),
    ("非机动车棚和充电桩", "新建带充电桩的非机动车棚，电瓶车不再进楼道充电。", "小区北门", 5_800_000),
    ("老年活动室适老化改造", "活动室地面防滑、加装扶手和呼叫铃。", "居委会一楼", 2_600_000),
    ("儿童游乐区地面翻新", "把游乐区的水泥地换成塑胶地垫。", "中心绿地", 1_850_000),
)
APPROVAL_PROJECTS = (
    ("增设晾衣架", "在 3 号楼和 8 号楼之间增设公共晾衣架。", "3 号楼与 8 号楼之间", 900_000),
    ("路灯补光", "小区主干道增加 6 盏太阳能路灯。", "小区主干道", 1_500_000),
    ("快递柜遮雨棚", "给快递柜加装遮雨棚和照明。", "小区南门", 700_000),
    ("宣传栏更新", "更换褪色的宣传栏，增加无障碍字号版面。", "居委会门口", 400_000),
)


def _schedule(opened: datetime) -> dict[str, dict[str, str]]:
    """Proposals and review in the days before `opened`, voting for a month after it."""
    def window(start_days: float, end_days: float) -> dict[str, str]:
        return {"starts": (opened + timedelta(days=start_days)).isoformat(),
                "ends": (opened + timedelta(days=end_days)).isoformat()}

    return {"proposals": window(-4, -3), "review": window(-3, -0.01), "voting": window(0, 30),
            "results": window(31, 38), "implementation": window(39, 120), "evaluation": window(121, 135)}


def _round(staff: Any, street: Any, committee: str, opened: datetime, title: str, description: str, budget_fen: int,
           method: dict[str, Any], projects: tuple[tuple[str, str, str, int], ...]) -> str:
    from chalicelib.voting import service
    from chalicelib.voting.models import ProjectReview, ProposalCreate, RoundCreate

    with _as_of(opened - timedelta(days=5)):
        created = service.create_round(staff, RoundCreate.model_validate({
            "scope": committee, "title": title, "description": description, "budget_fen": budget_fen,
            "schedule": _schedule(opened), "method": method, "rule": "greedy",
            "eligibility": {"accounts": True, "roster": False, "paper_codes": True},
        }))
    with _as_of(opened - timedelta(days=3.5)):
        proposed = [(service.propose_project(staff, created.id, ProposalCreate(
            title=name, description=text, location=place, estimated_cost_fen=cost)), cost)
            for name, text, place, cost in projects]
    with _as_of(opened - timedelta(days=2)):
        for project, cost in proposed:
            service.review_project(street, created.id, project.id, ProjectReview(feasible=True, final_cost_fen=cost))
    return created.id


def add_demo_rounds(users: list[DemoUser]) -> int:
    """Both rounds, open from an hour ago (the budget round is the newer, listed first);
    returns how many rounds were added."""
    from chalicelib.auth import Principal, Role

    by_role = {user.role: user for user in users}
    staff_user, street_user = by_role["committee_staff"], by_role["street_official"]
    committee = staff_user.division or ""
    staff = Principal(user_id=staff_user.user_id, role=Role.committee_staff, jurisdiction=committee)
    street = Principal(user_id=street_user.user_id, role=Role.street_official, jurisdiction=street_user.division)
    opened = clock.utc_now().astimezone(SHANGHAI).replace(microsecond=0) - timedelta(hours=1)
    _round(staff, street, committee, opened, "为民办实事：小事一起定",
           "四件小事，每人最多选两件，得票多的先做。", 2_500_000,
           {"kind": "approval", "min_picks": 1, "max_picks": 2}, APPROVAL_PROJECTS)
    _round(staff, street, committee, opened, "控一小区微更新：今年的 10 万元怎么花",
           "五个居民提出的改造项目，总预算 10 万元，不够全部实施：请在预算内选出您支持的项目。",
           10_000_000, {"kind": "knapsack", "min_picks": 1}, BUDGET_PROJECTS)
    add_demo_selection(street, opened)
    return 3


def add_demo_selection(street: Any, opened: datetime) -> str:
    """The street's 十佳项目评选 of last year, taking its committees' nominations now (nothing
    in the demo is completed yet: staff nominate once a fund is accepted or a round closed)."""
    from chalicelib.voting import service
    from chalicelib.voting.models import RoundCreate

    schedule = _schedule(opened + timedelta(days=14))
    schedule["proposals"] = {"starts": (opened - timedelta(days=1)).isoformat(),
                             "ends": (opened + timedelta(days=10)).isoformat()}
    schedule["review"] = {"starts": (opened + timedelta(days=10)).isoformat(),
                          "ends": (opened + timedelta(days=13.9)).isoformat()}
    created = service.create_round(street, RoundCreate.model_validate({
        "kind": "selection", "scope": street.jurisdiction, "year": opened.year - 1,
        "title": f"控江路街道{opened.year - 1}年度居民自治十佳项目评选",
        "description": "各居委会提名本年度已验收的自治金项目和已完成的微更新项目，居民投票选出十佳。",
        "schedule": schedule, "method": {"kind": "approval", "max_picks": 10},
        "eligibility": {"accounts": True, "paper_codes": True},
    }))
    return created.id
