"""Regenerates client/mulin_client from the contract the app serves (`make client`).

The document comes from the real app offline, exactly as the contract tests read it, so the
committed client and the one tests/client/test_client_contract.py regenerates can only differ
when the API changed. Run from the project's venv: the app and the generator live there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "mulin_client"
TARGET = ROOT / "client" / PACKAGE
# Without post-hooks the output depends on the generator's version alone, not on ruff's.
GENERATOR_CONFIG = f"package_name_override: {PACKAGE}\nproject_name_override: mulin-client\npost_hooks: []\n"


def served_document() -> dict[str, Any]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from chalice.test import Client

    from app import app

    with Client(app) as client:
        response = client.http.get("/openapi.json")
    if response.status_code != 200:
        raise RuntimeError(f"/openapi.json answered {response.status_code}: {response.body!r}")
    document: dict[str, Any] = response.json_body
    return document


def generate(document: dict[str, Any], out: Path) -> str:
    """Writes the package into `out` (which must not exist); returns the generator's log.
    Raises RuntimeError on any warning: a dropped operation or model must not pass silently."""
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "openapi.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        (Path(work) / "config.yaml").write_text(GENERATOR_CONFIG, encoding="utf-8")
        generator = Path(sys.executable).with_name("openapi-python-client")
        result = subprocess.run(
            [str(generator), "generate", "--path", "openapi.json", "--config", "config.yaml", "--meta", "none",
             "--output-path", str(out.resolve()), "--fail-on-warning"],
            cwd=work, capture_output=True, text=True, timeout=600,
            env={**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"},
        )
    log = result.stdout + result.stderr
    if result.returncode != 0 or not (out / "client.py").is_file():
        raise RuntimeError(f"openapi-python-client failed:\n{log}")
    return log


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        fresh = Path(work) / PACKAGE
        try:
            generate(served_document(), fresh)
        except RuntimeError as failed:
            sys.exit(f"{failed}\nclient/mulin_client is left as it was.")
        # Replace only once generation succeeded, so a failure never leaves half a client.
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET)
    print(f"regenerated {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
