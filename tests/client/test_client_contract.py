"""The committed client (client/mulin_client) is exactly what openapi-python-client makes of the
contract the app serves today, so a route or field that changes without `make client` fails here
(and the check is shown to catch a body model that gains a required field). Every operation the
officials' pool may call has its typed module."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from openapi_python_client.strings import PythonIdentifier

from tests.contract.conftest import served_document  # noqa: F401 - the document GET /openapi.json serves
from tests.unit.conftest import no_network, unit_settings  # noqa: F401 - offline, as the unit tier

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "client" / "mulin_client"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
# An operation the `mulin` command uses (mulin case reply), its body a referenced model.
REPLY = "replyToSuggestion"


def _regenerate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mulin_regenerate", ROOT / "client" / "regenerate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regenerate = _regenerate_module()


def _files(package: Path) -> dict[str, bytes]:
    return {str(path.relative_to(package)): path.read_bytes() for path in sorted(package.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


def differences(generated: Path, committed: Path = COMMITTED) -> list[str]:
    """Each file that is added, missing or different in `committed` compared with `generated`."""
    fresh, kept = _files(generated), _files(committed)
    return sorted(f"{name} ({'missing' if name not in kept else 'not generated' if name not in fresh else 'differs'})"
                  for name in fresh.keys() | kept.keys() if fresh.get(name) != kept.get(name))


@pytest.fixture(scope="module")
def generated(served_document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    out = tmp_path_factory.mktemp("client") / regenerate.PACKAGE
    try:
        regenerate.generate(served_document, out)
    except RuntimeError as failed:
        pytest.fail(f"no client can be generated from the served /openapi.json (tests/contract says why):\n{failed}")
    return out


def test_the_committed_client_is_generated_from_the_served_contract(generated: Path) -> None:
    stale = differences(generated)
    assert not stale, ("client/mulin_client does not match the served /openapi.json: run `make client`. "
                       "Files that differ:\n" + "\n".join(stale))


def _operation(document: dict[str, Any], operation_id: str) -> dict[str, Any]:
    found = [operation for item in document["paths"].values() for method, operation in item.items()
             if method in HTTP_METHODS and operation.get("operationId") == operation_id]
    assert len(found) == 1, operation_id
    return found[0]


def test_the_check_fails_when_a_body_model_gains_a_required_field(
        served_document: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    changed = copy.deepcopy(served_document)
    ref = _operation(changed, REPLY)["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = changed["components"]["schemas"][ref.removeprefix("#/components/schemas/")]
    schema["properties"]["signed_by"] = {"type": "string", "title": "Signed By"}
    schema["required"] = [*schema.get("required", []), "signed_by"]
    regenerate.generate(changed, tmp_path / regenerate.PACKAGE)
    stale = differences(tmp_path / regenerate.PACKAGE)
    model = f"models/{PythonIdentifier(schema.get('title') or ref.rsplit('/', 1)[1], '')}.py"
    assert f"{model} (differs)" in stale, stale


def _officials_scheme(document: dict[str, Any]) -> str:
    names = [name for name in document["components"]["securitySchemes"] if "official" in name.lower()]
    assert len(names) == 1, f"no single security scheme for the officials' pool: {names}"
    return names[0]


def test_every_operation_open_to_officials_has_a_typed_module(served_document: dict[str, Any]) -> None:  # noqa: F811
    scheme = _officials_scheme(served_document)
    modules = {path.stem for path in (COMMITTED / "api").rglob("*.py")}
    theirs = [operation["operationId"] for item in served_document["paths"].values()
              for method, operation in item.items() if method in HTTP_METHODS
              and any(scheme in requirement for requirement in operation.get("security", served_document.get("security", [])))]
    assert REPLY in theirs and "getReviewSummary" in theirs
    missing = [name for name in theirs if str(PythonIdentifier(name, "")) not in modules]
    assert not missing, "operations open to officials without a module in client/mulin_client: " + ", ".join(missing)
