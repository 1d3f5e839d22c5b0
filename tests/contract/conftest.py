"""The contract as clients receive it: GET /openapi.json from the real app, offline.

Tools run on that document in subprocesses; the unit tier's guards (no network in process,
fixed settings) apply here too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from chalice.test import Client

from tests.unit.conftest import no_network, unit_settings  # noqa: F401 - autouse fixtures of this tier too


@pytest.fixture(scope="module")
def served_document() -> dict[str, Any]:
    from app import app

    with Client(app) as client:
        response = client.http.get("/openapi.json")
    assert response.status_code == 200, response.body
    return response.json_body


@pytest.fixture
def document_file(served_document: dict[str, Any], tmp_path: Path) -> Path:
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(served_document, ensure_ascii=False), encoding="utf-8")
    return path

