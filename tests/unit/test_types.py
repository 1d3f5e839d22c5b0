"""chalicelib passes mypy in strict mode, as `make lint` checks: a mistyped field of a record
fails here instead of as a KeyError or AttributeError in a request."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_configuration_is_strict_on_chalicelib():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["chalicelib"]
    assert config["strict"] is True
    # Untyped libraries are let through one by one (overrides), never all at once.
    assert "ignore_missing_imports" not in config


def test_chalicelib_type_checks():
    # pyproject.toml's [tool.mypy] says what is checked and how; .mypy_cache (shared with
    # `make lint`) makes a run after a small change take a second or two.
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".mypy_cache")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"mypy found errors:\n{result.stdout}{result.stderr}"
