"""Demo accounts (one per role, all in 杨浦区 控江路街道) and the demo data set."""

from __future__ import annotations

from chalicelib.divisions.repository import put_divisions
from local_stack.divisions import shanghai_divisions
from local_stack.provision import DemoUser, Stack, add_user

DEMO_PASSWORD = "mulin-demo-2026"

# (role, phone, jurisdiction): a committee, its street, its district, the city.
DEMO_ACCOUNTS = (
    ("resident", "+8613800000001", None),
    ("committee_staff", "+8613800000002", "310110012001"),
    ("street_official", "+8613800000003", "310110012"),
    ("district_admin", "+8613800000004", "310110"),
    ("platform_admin", "+8613800000005", "31"),
)


def load_divisions() -> int:
    return put_divisions(shanghai_divisions())


def add_demo_users(stack: Stack) -> list[DemoUser]:
    return [
        add_user(stack, phone=phone, password=DEMO_PASSWORD, role=role, division=division)
        for role, phone, division in DEMO_ACCOUNTS
    ]


def add_demo_suggestions(users: list[DemoUser]) -> int:
    """A few cases at different steps, so the queue and the resident's list are not empty."""
    from chalicelib.auth import Principal, Role
    from chalicelib.suggestions import service
    from chalicelib.suggestions.models import ActionRequest, SuggestionSubmission

    by_role = {user.role: user for user in users}
    resident = Principal(user_id=by_role["resident"].user_id, role=Role.resident, phone=by_role["resident"].username)
    street_user = by_role["street_official"]
    street = Principal(user_id=street_user.user_id, role=Role.street_official, jurisdiction=street_user.division)
    committee = by_role["committee_staff"].division or ""
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
