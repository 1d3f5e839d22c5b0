"""Fault tests run the real app against the API tests' embedded AWS, with faults injected
into the app's own clients (tests/faults/injection.py)."""

from __future__ import annotations

import pytest

from tests.api.conftest import accounts, api_env, at, client, stack  # noqa: F401 - fixtures shared with tests/api
from tests.faults.injection import SERVICES, Injector, StateWatch
from tests.faults.runner import Exerciser


@pytest.fixture(scope="session")
def observer(stack):  # noqa: F811 - the fixture imported above
    """Clients of the test's own, with no hooks: they read state the app cannot see them read."""
    from local_stack.provision import clients

    return clients(stack.aws_endpoint_url, stack.region)


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch):
    # Each faulted call still goes through every attempt botocore makes; only the sleeps
    # between them are skipped, which would otherwise cost seconds per fault.
    monkeypatch.setattr("botocore.retries.standard.ExponentialBackoff.delay_amount", lambda self, context: 0)


@pytest.fixture
def injector(client, observer):  # noqa: F811 - the fixture imported above
    from chalicelib import aws

    hooked = Injector({name: aws.client(name) for name in SERVICES},
                      lambda: StateWatch(observer["dynamodb"], observer["s3"]))
    hooked.install()
    yield hooked
    hooked.uninstall()


@pytest.fixture
def exerciser(injector, stack):  # noqa: F811 - the fixture imported above
    stores = {f"dynamodb:{stack.table_name}": "table", f"dynamodb:{stack.idempotency_table_name}": "idempotency",
              f"dynamodb:{stack.ballots_table_name}": "ballots",
              f"s3:{stack.attachments_bucket}": "attachments", f"s3:{stack.public_bucket}": "public"}
    return Exerciser(injector, stores)


def pytest_terminal_summary(terminalreporter):
    from tests.faults.runner import REPORTS

    if not REPORTS:
        return
    terminalreporter.section("faults injected")
    for report in REPORTS:
        kinds = ", ".join(f"{name} ×{n}" for name, n in sorted(report.coverage.items()))
        terminalreporter.write_line(
            f"{report.operation}: {len(report.calls)} calls ({', '.join(report.calls)}); {report.runs} runs, "
            f"{report.refused} refused retryably, {report.completed} completed; known gaps: {len(report.known_gaps)} "
            f"runs, leftovers in {report.known_leftovers}")
        terminalreporter.write_line(f"    {kinds}")
