"""The embedded AWS the call benches run against, provisioned as the local stack is.

`embedded_aws()` starts moto's server as a child process, creates the table, buckets, user
pools, topic and queue, points the app's settings at them, loads the 6,760 Shanghai
divisions (a Query against a table that holds them costs what it will in production), and
stops the server on the way out. `sign_in_accounts()` adds users and signs each in through
the embedded Cognito, so that requests carry real tokens the app's authorizer verifies.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

PASSWORD = "Bench-password-1"
SHANGHAI = ZoneInfo("Asia/Shanghai")


@contextmanager
def embedded_aws(prefix: str) -> Iterator[Any]:
    from local_stack.moto_server import start_moto_server
    from local_stack.provision import apply_environment, provision

    moto = start_moto_server()
    try:
        stack = provision(moto.url, prefix=prefix)
        apply_environment(stack)
        from chalicelib.aws import reset_clients
        from chalicelib.settings import reset_settings

        reset_settings()
        reset_clients()
        from local_stack.demo import load_divisions

        load_divisions()
        yield stack
    finally:
        moto.stop()


def at(moment: str) -> None:
    """Moves the platform's clock to a Shanghai wall-clock time, e.g. "2027-03-02T10:00:00"."""
    from chalicelib import clock

    instant = datetime.fromisoformat(moment).replace(tzinfo=SHANGHAI)
    clock.utc_now = lambda: instant  # type: ignore[assignment]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def sign_in_accounts(stack: Any, accounts: dict[str, tuple[str, str | None]]) -> dict[str, str]:
    """{name: (role, division)} → {name: ID token}, each account with a phone number of its own."""
    from local_stack.provision import add_user, sign_in

    tokens = {}
    for index, (name, (role, division)) in enumerate(accounts.items()):
        phone = f"+86137{index:08d}"
        add_user(stack, phone=phone, password=PASSWORD, role=role, division=division)
        tokens[name] = sign_in(stack, phone, PASSWORD)
    return tokens
