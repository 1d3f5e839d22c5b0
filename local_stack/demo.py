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
