"""Every route a resident, an anonymous visitor or a team lead may call has a page that calls
it (issue 25): a right only an API client can exercise is not a right a 75-year-old has.

Who may call what is the access matrix (tests/api/access_matrix.py): a route is the
residents' when the anonymous or either resident column answers 2xx there (a team lead is
the "own" resident, who owns the resident-side resources). The routes are the contract's,
as /openapi.json serves it. A page calls a route when a string in web/js/*.js matches its
path template (a `${…}` part stands for a path parameter) with the method named on that line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chalice.test import Client

WEB_JS = Path(__file__).resolve().parents[2] / "web" / "js"
METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")
RESIDENT_COLUMNS = ("anonymous", "resident/own", "resident/foreign")

# Routes residents may call that no page should: each with its reason.
API_ONLY: dict[tuple[str, str], str] = {
    ("GET", "/openapi.json"): "the contract, for client generators",
    ("GET", "/health"): "the load balancer's and the monitors' probe",
    ("GET", "/workdays/{year}"): "the holiday calendar behind deadlines, which the API computes and pages show",
}

# Resident routes whose page is still to be built: issue 25 stays open while this is not
# empty, and the set only shrinks (a route here that gains a page fails the test).
WITHOUT_A_PAGE_YET: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def contract() -> dict:
    from app import app

    with Client(app) as client:
        response = client.http.get("/openapi.json")
    assert response.status_code == 200, response.body
    return response.json_body


def resident_routes(contract: dict) -> set[tuple[str, str]]:
    from tests.api.access_matrix import EXPECTED, IDENTITIES

    columns = [list(IDENTITIES).index(name) for name in RESIDENT_COLUMNS]
    allowed = {(method, path) for (method, path, _), statuses in EXPECTED.items()
               if any(200 <= statuses[c] < 300 for c in columns)}
    # A deprecated alias (…/{action}) is kept for old clients; pages call the named operations.
    current = {(method.upper(), path) for path, item in contract["paths"].items()
               for method, operation in item.items() if method.upper() in METHODS and not operation.get("deprecated")}
    return allowed & current


def _literal(text: str, start: int) -> tuple[str, int]:
    """The string or template literal opening at `start`, each `${…}` as `{}`; and its end."""
    quote, out, i = text[start], [], start + 1
    while i < len(text) and text[i] != quote:
        if quote == "`" and text.startswith("${", i):
            depth, i = 1, i + 2
            while depth and i < len(text):
                depth += {"{": 1, "}": -1}.get(text[i], 0)
                i += 1
            out.append("{}")
            continue
        out.append(text[i])
        i += 1
    return "".join(out), i + 1


def page_calls() -> set[tuple[str | None, str]]:
    """(method or None when the line names none, path pattern) of every path in the modules."""
    calls: set[tuple[str | None, str]] = set()
    for module in sorted(WEB_JS.glob("*.js")):
        for line in module.read_text(encoding="utf-8").splitlines():
            method, i = None, 0
            while i < len(line):
                if line[i] in "\"'`":
                    literal, i = _literal(line, i)
                    if literal in METHODS:
                        method = literal
                    elif literal.startswith("/") and len(literal) > 1:
                        calls.add((method, literal.split("?")[0]))
                else:
                    i += 1
    return calls


def _score(pattern: str, template: str) -> int | None:
    """How closely a page's path matches a route's template: None when it does not, else the
    segments matched exactly (a literal one, or a `${…}` against a parameter)."""
    have, want = pattern.strip("/").split("/"), template.strip("/").split("/")
    if len(have) != len(want):
        return None
    score = 0
    for part, segment in zip(have, want, strict=True):
        if segment.startswith("{"):
            score += part == "{}"
            if not part:
                return None
        elif part == segment:
            score += 1
        elif not re.fullmatch(".*".join(map(re.escape, part.split("{}"))), segment):
            return None
    return score


def covered(routes: set[tuple[str, str]], calls: set[tuple[str | None, str]]) -> set[tuple[str, str]]:
    found = set()
    for method, pattern in calls:
        scored = [(_score(pattern, path), (m, path)) for m, path in routes if method in (None, m)]
        scored = [(score, route) for score, route in scored if score is not None]
        if scored:
            best = max(score for score, _ in scored)
            found |= {route for score, route in scored if score == best}
    return found


def test_every_resident_route_has_a_page_or_a_reason(contract):
    routes = resident_routes(contract)
    with_page = covered(routes, page_calls())
    assert sorted(routes - with_page - set(API_ONLY) - WITHOUT_A_PAGE_YET) == [], "a route without a page"


def test_the_list_of_routes_without_a_page_only_shrinks(contract):
    with_page = covered(resident_routes(contract), page_calls())
    assert sorted(WITHOUT_A_PAGE_YET & with_page) == [], "has a page now: remove it from WITHOUT_A_PAGE_YET"
    assert sorted(set(API_ONLY) & with_page) == [], "a page calls it: it is not API-only"


def test_the_lists_name_only_resident_routes(contract):
    routes = resident_routes(contract)
    assert sorted((set(API_ONLY) | WITHOUT_A_PAGE_YET) - routes) == []
    assert all(API_ONLY.values()), "every API-only route says why"


def test_the_matching_reads_templates_and_methods():
    calls = {("GET", "/suggestions/{}"), ("POST", "/rounds/{}/{}"), (None, "/funds/pools/{}/{}")}
    routes = {("GET", "/suggestions/{id}"), ("GET", "/suggestions/mine"), ("POST", "/rounds/{id}/ballots"),
              ("GET", "/rounds/{id}/results"), ("GET", "/funds/pools/{division}/{year}")}
    assert covered(routes, calls) == {("GET", "/suggestions/{id}"), ("POST", "/rounds/{id}/ballots"),
                                      ("GET", "/funds/pools/{division}/{year}")}
