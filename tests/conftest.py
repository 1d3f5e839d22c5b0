"""Shared by every test tier: a clean environment, so that no test talks to a real AWS."""

from __future__ import annotations

import os

import pytest

# Credentials that can reach nothing; mock_aws and the embedded AWS accept any.
os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "ap-east-1",
        "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
        "AWS_EC2_METADATA_DISABLED": "true",
    }
)
for variable in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
    os.environ.pop(variable, None)


@pytest.fixture(autouse=True)
def _fresh_settings_and_clients():
    """Settings and clients are cached per process; each test starts from its own environment."""
    from chalicelib.aws import reset_clients
    from chalicelib.settings import reset_settings

    reset_settings()
    reset_clients()
    yield
    reset_settings()
    reset_clients()


# The reliability suites, reported together at the end of every run so that a reader of
# the CI log sees at once that each ran and how it ended.
RELIABILITY_SUITES = {
    "concurrency": ("tests/api/test_ballot_races.py", "tests/api/test_suggestion_concurrency.py",
                    "tests/api/test_fund_concurrency.py"),
    "API fuzzing": ("tests/fuzz/",),
    "fault injection": ("tests/faults/",),
    "access matrix": ("tests/api/test_access_matrix.py",),
    "rate limits": ("tests/api/test_rate_limits.py",),
}
_reliability_outcomes: dict[str, dict[str, str]] = {name: {} for name in RELIABILITY_SUITES}


def _suite_of(nodeid: str) -> str | None:
    return next((name for name, prefixes in RELIABILITY_SUITES.items() if nodeid.startswith(prefixes)), None)


def pytest_runtest_logreport(report):
    suite = _suite_of(report.nodeid)
    if suite is None:
        return
    outcomes = _reliability_outcomes[suite]
    if report.when == "call" or report.outcome != "passed":
        # A failed setup or teardown outweighs the call's own outcome.
        if outcomes.get(report.nodeid) in (None, "passed"):
            outcomes[report.nodeid] = "xfailed" if hasattr(report, "wasxfail") else report.outcome


def pytest_terminal_summary(terminalreporter):
    if not any(_reliability_outcomes.values()):
        return
    terminalreporter.section("reliability suites")
    for name, outcomes in _reliability_outcomes.items():
        if not outcomes:
            terminalreporter.write_line(f"{name}: not run")
            continue
        counts = {kind: sum(1 for o in outcomes.values() if o == kind) for kind in ("passed", "failed", "skipped", "xfailed")}
        terminalreporter.write_line(f"{name}: {len(outcomes)} tests, " + ", ".join(f"{n} {k}" for k, n in counts.items()))
