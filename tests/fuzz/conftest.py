"""API fuzzing: schemathesis generates requests from the contract the running local stack
serves at /openapi.json and checks each answer against that contract.

One local stack serves the session. Each role signs in through the embedded Cognito as a
user of its own, so every operation is tried as each role and without a token. Path
parameters are drawn partly from the demo data (real rounds, cases, applications and
division codes), or nearly every request would stop at a 404 before reaching the code
behind it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, fields
from datetime import date

import pytest
import schemathesis
from hypothesis import strategies as st

from local_stack.provision import DemoUser, Stack, add_user, sign_in
from tests.local_stack_process import http_get, running_local_stack

PASSWORD = "Fuzz-test-password-1"
COMMITTEE, STREET, DISTRICT, CITY = "310110012001", "310110012", "310110", "31"
# (role, phone, jurisdiction); the resident's home in the demo committee is verified, so
# voting and fund applications get past the eligibility check.
ACCOUNTS = (
    ("resident", "+8613900000001", COMMITTEE),
    ("committee_staff", "+8613900000002", COMMITTEE),
    ("street_official", "+8613900000003", STREET),
    ("district_admin", "+8613900000004", DISTRICT),
    ("platform_admin", "+8613900000005", CITY),
)
IDENTITIES = tuple(role for role, _, _ in ACCOUNTS) + ("anonymous",)
STAND_IN_PHONE = "+8613900000099"
# Generated examples per operation and identity; `make fuzz` raises it.
EXAMPLES = int(os.environ.get("MULIN_FUZZ_EXAMPLES", "5"))
MINIMUM_REQUESTS = 1000


@dataclass
class RequestCount:
    by_identity: dict[str, int] = field(default_factory=dict)
    tests: set[tuple[str, str]] = field(default_factory=set)
    started: float = field(default_factory=time.monotonic)

    def add(self, operation: str, identity: str) -> None:
        self.by_identity[identity] = self.by_identity.get(identity, 0) + 1
        self.tests.add((operation, identity))

    @property
    def total(self) -> int:
        return sum(self.by_identity.values())


# Module-level so the terminal summary can report it, with or without -s.
REQUESTS = RequestCount()


@pytest.fixture(scope="session")
def request_count() -> RequestCount:
    REQUESTS.started = time.monotonic()
    return REQUESTS


def pytest_terminal_summary(terminalreporter):
    if REQUESTS.total:
        terminalreporter.write_line(f"fuzzing sent {REQUESTS.total} requests in "
                                    f"{time.monotonic() - REQUESTS.started:.0f} s: {REQUESTS.by_identity}")


@pytest.fixture(scope="session")
def fuzz_stack(tmp_path_factory):
    with running_local_stack(tmp_path_factory.mktemp("fuzz-stack") / "stack.json") as running:
        yield running


@pytest.fixture(scope="session")
def api_url(fuzz_stack) -> str:
    return fuzz_stack["state"]["api_url"]


def _stack_of(fuzz_stack) -> Stack:
    state = fuzz_stack["state"]
    return Stack(**{f.name: state[f.name] for f in fields(Stack) if f.name != "demo_users"},
                 demo_users=[DemoUser(**user) for user in state["demo_users"]])


@pytest.fixture(scope="session")
def stand_in_resident(fuzz_stack):
    """A resident of their own, signed in, for the operation that erases its caller."""
    def signed_in() -> str:
        stack = _stack_of(fuzz_stack)
        add_user(stack, phone=STAND_IN_PHONE, password=PASSWORD, role="resident", division=COMMITTEE)
        return sign_in(stack, STAND_IN_PHONE, PASSWORD)

    return signed_in


@pytest.fixture(scope="session")
def tokens(fuzz_stack) -> dict[str, str | None]:
    stack = _stack_of(fuzz_stack)
    signed_in: dict[str, str | None] = {"anonymous": None}
    for role, phone, division in ACCOUNTS:
        add_user(stack, phone=phone, password=PASSWORD, role=role, division=division)
        signed_in[role] = sign_in(stack, phone, PASSWORD)
    return signed_in


def _items(api_url: str, path: str, token: str | None) -> list[dict]:
    status, body = http_get(f"{api_url}{path}", token)
    assert status in (200, 404), f"GET {path} answered {status}: {body!r}"
    return body["items"] if status == 200 else []


@pytest.fixture(scope="session")
def known_values(api_url, tokens) -> dict[str, list[str]]:
    """Identifiers that exist, keyed by the first path segment and the parameter's name."""
    from chalicelib.funds.models import Action as FundAction
    from chalicelib.suggestions.models import Action as SuggestionAction

    today = date.today()
    # From 20 December the demo's fund pool is next year's.
    years = [str(today.year), str(today.year + 1)]
    cases = [case["id"] for case in _items(api_url, "/review/suggestions", tokens["street_official"])]
    applications = [application["id"] for year in years for application in
                    _items(api_url, f"/funds/pools/{COMMITTEE}/{year}/applications", tokens["committee_staff"])]
    rounds = [entry["id"] for entry in _items(api_url, f"/rounds?division={COMMITTEE}", None)]
    projects = [project["id"] for round_id in rounds
                for project in http_get(f"{api_url}/rounds/{round_id}/ballot")[1]["projects"]]
    assert cases and applications and rounds and projects, "the local stack's demo data is missing"
    last_month = f"{today.year - (today.month == 1)}-{(today.month - 2) % 12 + 1:02d}"
    divisions = [COMMITTEE, STREET, DISTRICT, CITY]
    return {
        "divisions/code": divisions,
        "funds/division": divisions,
        "funds/year": years,
        "funds/id": applications,
        "funds/action": [action.value for action in FundAction],
        "review/id": cases,
        "review/action": [action.value for action in SuggestionAction],
        "suggestions/id": cases,
        "rounds/id": rounds,
        "rounds/project_id": projects,
        "rounds/action": ["close", "cancel"],
        "publications/month": [last_month],
        "workdays/year": years,
    }


# Anonymous means no Authorization header at all; each test sends its identity's own token.
FUZZ_CONFIG = {"generation": {"with-security-parameters": False}}


@pytest.fixture(scope="session")
def api_schema(api_url, known_values):
    schema = schemathesis.openapi.from_url(f"{api_url}/openapi.json", config=schemathesis.Config.from_dict(FUZZ_CONFIG))

    @schema.hook("flatmap_path_parameters")
    def real_identifiers_or_generated(context, path_parameters):
        if not path_parameters:
            return st.just(path_parameters)
        section = context.operation.path.strip("/").split("/")[0]
        choices = {}
        for name, generated in path_parameters.items():
            known = known_values.get(f"{section}/{name}")
            choices[name] = st.sampled_from(known) | st.just(generated) if known else st.just(generated)
        return st.fixed_dictionaries(choices)

    return schema
