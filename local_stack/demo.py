"""Demo accounts (one per role, all in 杨浦区 控江路街道) and the demo data set."""

from __future__ import annotations

from datetime import date
from typing import Any

from chalicelib.divisions.repository import put_divisions
from local_stack.divisions import shanghai_divisions
from local_stack.provision import DemoUser, Stack, add_user

DEMO_PASSWORD = "Mulin-demo-2026"

# (role, phone, jurisdiction): a committee, its street, its district, the city.
DEMO_ACCOUNTS = (
    # A resident whose home in 控一居委会 the committee has verified: can vote and apply for funds.
    ("resident", "+8613800000001", "310110012001"),
    ("committee_staff", "+8613800000002", "310110012001"),
    ("street_official", "+8613800000003", "310110012"),
    ("district_admin", "+8613800000004", "310110"),
    ("platform_admin", "+8613800000005", "31"),
)


def load_divisions() -> int:
    return put_divisions(shanghai_divisions())


def add_demo_users(stack: Stack) -> list[DemoUser]:
    from chalicelib.staff.service import import_officials

    users = [
        add_user(stack, phone=phone, password=DEMO_PASSWORD, role=role, division=division)
        for role, phone, division in DEMO_ACCOUNTS
    ]
    # The officials' directory lists them (GET /staff?division=310110012), as if created through the API.
    import_officials()
    add_demo_residences(stack, users)
    return users


# Not among the accounts add_demo_users returns (whose one resident the other demo data is for):
# a resident whose request to 控一居委会 waits in its staff's queue.
DEMO_NEWCOMER = "+8613800000006"


def add_demo_residences(stack: Stack, users: list[DemoUser]) -> None:
    """The demo resident's home on record as their committee verified it, and a newcomer's request
    waiting for that committee (GET /review/residences as the committee's staff)."""
    from chalicelib.auth import Principal, Role
    from chalicelib.residence import service
    from chalicelib.residence.models import ResidenceRequestCreate, ReviewActionRequest

    by_role = {user.role: user for user in users}
    resident_user, staff_user = by_role["resident"], by_role["committee_staff"]
    committee = staff_user.division or ""
    staff = Principal(user_id=staff_user.user_id, role=Role.committee_staff, jurisdiction=committee)
    resident = Principal(user_id=resident_user.user_id, role=Role.resident, phone=resident_user.username,
                         phone_verified=True, residence=resident_user.division)
    home = service.request_residence(resident, ResidenceRequestCreate.model_validate(
        {"committee": committee, "building": "控江路 1500 弄 12 号", "room": "301 室", "basis": "hukou"}), None)
    service.act(staff, home.id, "approve", ReviewActionRequest(version=home.version))
    newcomer_user = add_user(stack, phone=DEMO_NEWCOMER, password=DEMO_PASSWORD, role="resident", division=None)
    newcomer = Principal(user_id=newcomer_user.user_id, role=Role.resident, phone=DEMO_NEWCOMER, phone_verified=True)
    service.request_residence(newcomer, ResidenceRequestCreate.model_validate(
        {"committee": committee, "building": "控江路 1500 弄 7 号", "room": "502 室", "basis": "tenant",
         "note": "今年 3 月起租住"}), None)


def suggestion_actors(users: list[DemoUser]) -> tuple[Any, Any, str]:
    """The demo resident, the street official who answers, and the committee the cases are for."""
    from chalicelib.auth import Principal, Role

    by_role = {user.role: user for user in users}
    resident = Principal(user_id=by_role["resident"].user_id, role=Role.resident, phone=by_role["resident"].username,
                         phone_verified=True)
    street_user = by_role["street_official"]
    street = Principal(user_id=street_user.user_id, role=Role.street_official, jurisdiction=street_user.division)
    return resident, street, by_role["committee_staff"].division or ""


def add_demo_suggestions(users: list[DemoUser]) -> int:
    """A few cases at different steps, so the queue and the resident's list are not empty."""
    from chalicelib.suggestions import service
    from chalicelib.suggestions.models import ActionRequest, SuggestionSubmission

    resident, street, committee = suggestion_actors(users)
    cases = [
        ("控江路人行道加装盲道", "控江路 1500 号附近人行道没有盲道，视障居民出行不便，建议加装并清理占道。", "transport", []),
        ("小区增设电动自行车充电桩", "楼道里常有电瓶车充电，存在火灾隐患，建议在小区空地集中设置充电桩。", "public_safety",
         [("accept", {}), ("assign", {"committee": committee})]),
        ("社区食堂增加晚餐供应", "老年人晚上吃饭不方便，建议社区长者食堂增加晚餐时段。", "elderly_care",
         [("accept", {}), ("reply", {"message": "长者食堂自下月起试行晚餐供应（17:00–18:30）。", "adoption": "adopted"})]),
    ]
    for title, content, category, steps in cases:
        receipt = service.submit_suggestion(
            resident,
            SuggestionSubmission(title=title, content=content, category=category, division=committee, publish_consent=True),
            None,
        )
        for action, fields in steps:
            service.act_on_suggestion(street, receipt.id, action, ActionRequest(**fields))
    return len(cases)


def add_demo_funds(users: list[DemoUser]) -> int:
    """This year's pool of the demo committee, with a draft and two applications on public
    notice, so the resident's list, the committee's list and the notice are not empty."""
    from chalicelib import clock
    from chalicelib.auth import Principal, Role
    from chalicelib.funds import rules, service
    from chalicelib.funds.models import ApplicationDraft, FundActionRequest, PoolCreate

    by_role = {user.role: user for user in users}
    resident_user, staff_user, street_user = by_role["resident"], by_role["committee_staff"], by_role["street_official"]
    committee = staff_user.division or ""
    resident = Principal(user_id=resident_user.user_id, role=Role.resident, phone=resident_user.username,
                         phone_verified=True, residence=committee)
    staff = Principal(user_id=staff_user.user_id, role=Role.committee_staff, jurisdiction=committee)
    street = Principal(user_id=street_user.user_id, role=Role.street_official, jurisdiction=street_user.division)
    today = rules.shanghai_date(clock.utc_now())
    year, starts_on = today.year, today.isoformat()
    if today >= date(today.year, 12, 20):
        # A notice started now would outlast this year's pool: the demo works in next year's.
        year, starts_on = today.year + 1, f"{today.year + 1}-01-05"
    service.create_pools(street, committee, str(year), PoolCreate(
        allocated_fen=15_000_000, per_application_cap_fen=2_000_000, per_team_cap_fen=3_000_000, notice_days=7))
    plans = [
        ("楼道微改造：加装扶手和感应灯", "micro_renovation", "12 号楼楼组",
         [("不锈钢扶手（米）", 18_000, 40), ("感应灯", 6_500, 12)], []),
        ("一老一小周末课堂", "old_and_young", "银发志愿队", [("手工材料", 120_000, 4), ("场地布置", 80_000, 1)],
         ["submit", "recommend"]),
        ("小区绿化认养", "greening", "绿手指园艺队", [("花苗", 1_500, 300), ("工具", 50_000, 1)],
         ["submit", "recommend"]),
    ]
    for title, category, team, lines, steps in plans:
        draft = service.create_application(resident, ApplicationDraft.model_validate({
            "committee": committee, "year": year, "title": title, "category": category,
            "team": {"name": team, "lead_name": "王阿姨", "member_count": 12},
            "purpose": f"{title}，由居民自治团队组织实施，费用公开。", "beneficiaries": 200,
            "starts_on": starts_on, "ends_on": f"{year}-12-31",
            "lines": [{"item": item, "unit_price_fen": price, "quantity": quantity} for item, price, quantity in lines],
            "requested_fen": sum(price * quantity for _, price, quantity in lines),
        }))
        version = draft.version or 1
        for action in steps:
            actor = resident if action == "submit" else staff
            version = service.act(actor, draft.id, action, FundActionRequest(version=version)).version or version
    return len(plans)
