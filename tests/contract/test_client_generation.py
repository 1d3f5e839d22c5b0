"""An integrator's first step: generate a Python client from the served contract with
openapi-python-client. The generator drops whatever it cannot name or resolve and says so
only in a warning, so any warning fails here, and every operation is checked to have come
out whole: its function, its request model and a parser for each documented answer.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_python_client.strings import ClassName, PythonIdentifier

PACKAGE = "mulin_client"
# Generation alone is under test; formatting the output with ruff would only add time.
GENERATOR_CONFIG = f"package_name_override: {PACKAGE}\nproject_name_override: mulin-client\npost_hooks: []\n"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
SCHEMA_PREFIX = "#/components/schemas/"


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method, operation) for path, item in document["paths"].items()
            for method, operation in item.items() if method in HTTP_METHODS]


def _class_of(document: dict[str, Any], schema: dict[str, Any]) -> str | None:
    """The class the generator names for a referenced component (its title, else its key)."""
    ref = schema.get("$ref", "")
    if not ref.startswith(SCHEMA_PREFIX):
        return None
    key = ref.removeprefix(SCHEMA_PREFIX)
    return str(ClassName(document["components"]["schemas"][key].get("title") or key, ""))


def _json_schema(holder: dict[str, Any]) -> dict[str, Any] | None:
    content = holder.get("content", {})
    return content["application/json"].get("schema") if "application/json" in content else None


@pytest.fixture(scope="module")
def generated(served_document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    work = tmp_path_factory.mktemp("client")
    (work / "openapi.json").write_text(json.dumps(served_document, ensure_ascii=False), encoding="utf-8")
    (work / "config.yaml").write_text(GENERATOR_CONFIG, encoding="utf-8")
    generator = Path(sys.executable).with_name("openapi-python-client")
    result = subprocess.run(
        [str(generator), "generate", "--path", "openapi.json", "--config", "config.yaml", "--meta", "none",
         "--output-path", "out", "--fail-on-warning"],
        cwd=work, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"},
    )
    return result.stdout + result.stderr, work / "out"


def test_generation_from_the_served_contract_gives_no_warning(generated: tuple[str, Path]) -> None:
    log, out = generated
    assert (out / "client.py").is_file(), log
    assert not re.search(r"warning|error", log, flags=re.IGNORECASE), log


def test_every_operation_is_generated_with_its_request_and_response_models(
        served_document: dict[str, Any], generated: tuple[str, Path]) -> None:
    _, out = generated
    modules = {module.stem: module for module in (out / "api").rglob("*.py") if module.stem != "__init__"}
    missing: list[str] = []
    for path, method, operation in _operations(served_document):
        name = f"{method.upper()} {path}"
        stem = str(PythonIdentifier(operation["operationId"], ""))
        module = modules.get(stem)
        if module is None:
            missing.append(f"{name}: no module {stem}.py")
            continue
        code = module.read_text(encoding="utf-8")
        body = _json_schema(operation.get("requestBody", {}))
        if body is not None:
            expected = _class_of(served_document, body)
            if not re.search(rf"\bbody: {expected or r'[A-Za-z_]'}", code):
                missing.append(f"{name}: request body not typed as {expected or 'a model'}")
        for status, answer in operation["responses"].items():
            schema = _json_schema(answer)
            if schema is None:
                continue
            expected = _class_of(served_document, schema)
            parser = rf"response_{status} = " + (rf"{expected}\.from_dict\(" if expected else "")
            if not re.search(parser, code):
                missing.append(f"{name}: answer {status} not parsed as {expected or 'its schema'}")
    assert not missing, "\n".join(missing)


def test_every_component_schema_becomes_a_class(served_document: dict[str, Any], generated: tuple[str, Path]) -> None:
    _, out = generated
    classes = set()
    for module in (out / "models").glob("*.py"):
        classes |= set(re.findall(r"^class (\w+)\b", module.read_text(encoding="utf-8"), flags=re.MULTILINE))
    wanted = {_class_of(served_document, {"$ref": SCHEMA_PREFIX + key}): key
              for key in served_document["components"]["schemas"]}
    absent = sorted(f"{key} (class {name})" for name, key in wanted.items() if name not in classes)
    assert not absent, "schemas the generator dropped: " + ", ".join(absent)
    assert len(wanted) == len(served_document["components"]["schemas"]), "two schemas map to one class name"
