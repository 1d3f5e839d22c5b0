"""OpenAPI style of the served contract: Spectral's OpenAPI rules with the repository's
.spectral.yaml. Any error fails; warnings are printed for whoever wants to go further."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SPECTRAL = ROOT / "node_modules" / ".bin" / "spectral"
RULESET = ROOT / ".spectral.yaml"
ERROR = 0


def _where(finding: dict) -> str:
    return "/".join(str(part) for part in finding.get("path", []))


def test_the_served_contract_has_no_spectral_error(document_file: Path) -> None:
    assert SPECTRAL.exists(), f"{SPECTRAL} is missing: `make test` runs npm ci"
    result = subprocess.run(
        [str(SPECTRAL), "lint", str(document_file), "--ruleset", str(RULESET), "--format", "json",
         "--fail-severity", "error", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.stdout.strip().startswith("["), result.stdout + result.stderr
    findings = json.loads(result.stdout)
    for warning in (f for f in findings if f["severity"] != ERROR):
        print(f"spectral {warning['code']}: {_where(warning)}: {warning['message']}")
    errors = [f"{f['code']}: {_where(f)}: {f['message']}" for f in findings if f["severity"] == ERROR]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr
