"""The client's tests. The tier mixes offline tests (transport, contract: they import the unit
tier's network and settings guards themselves) with tests that drive a running local stack,
so no guard is autouse here."""

from __future__ import annotations

import pytest


@pytest.fixture
def sleeps() -> list[float]:
    """Stands in for time.sleep: records each wait instead of waiting."""
    return []
